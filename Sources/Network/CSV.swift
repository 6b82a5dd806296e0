import Foundation

/// Reads and writes examples as CSV: a header row naming the columns, then one example a row.
public enum CSV {
  public struct Problem: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
  }

  public struct Table: Equatable, Sendable {
    public var inputNames: [String]
    public var targetNames: [String]
    public var examples: [Example]
  }

  public static let maxRows = 1_000_000
  /// The most columns a CSV file may have: no network takes more inputs and targets.
  public static let maxColumns = 1024
  /// The largest CSV file nabla reads.
  public static let maxBytes = 64 * 1024 * 1024

  /// Parses CSV text. Target columns are those named in `targets`, or else the last `targetCount`
  /// columns, or else (by default) the last column.
  public static func parse(_ text: String, targets: [String] = [], targetCount: Int? = nil) throws(Problem) -> Table {
    var rows: [[String]] = []
    var lineNumbers: [Int] = []
    for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      // A row wider than any header may be is refused before it is split.
      if trimmed.utf8.count > maxColumns, trimmed.utf8.lazy.filter({ $0 == UInt8(ascii: ",") }).count >= maxColumns {
        throw Problem(
          line: number + 1, column: 1,
          message:
            "this row has more than \(maxColumns) columns; nabla reads at most \(maxColumns), as many as a network's neurons"
        )
      }
      rows.append(
        trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
      lineNumbers.append(number + 1)
      if rows.count > maxRows + 1 { throw Problem(line: number + 1, column: 1, message: "more than \(maxRows) rows") }
    }
    if !rows.isEmpty {
      // Header names may be quoted.
      rows[0] = rows[0].map { name in
        name.count >= 2 && name.first == "\"" && name.last == "\"" ? String(name.dropFirst().dropLast()) : name
      }
    }
    guard let header = rows.first else {
      throw Problem(line: 1, column: 1, message: "the file is empty; it needs a header row naming the columns")
    }
    guard header.count <= maxColumns else {
      throw Problem(
        line: lineNumbers[0], column: 1,
        message:
          "the header names \(header.count) columns; nabla reads at most \(maxColumns), as many as a network's neurons")
    }
    guard header.count >= 2 else {
      throw Problem(
        line: lineNumbers[0], column: 1,
        message: "the header names \(header.count) column; it needs at least an input and a target")
    }
    for (i, name) in header.enumerated() where name.isEmpty || Double(name) != nil {
      throw Problem(
        line: lineNumbers[0], column: i + 1,
        message: name.isEmpty
          ? "column \(i + 1) has no name in the header"
          : "the first row must name the columns, but column \(i + 1) is the number \(name)")
    }
    var seen = Set<String>()
    for (i, name) in header.enumerated() where !seen.insert(name).inserted {
      throw Problem(
        line: lineNumbers[0], column: i + 1, message: "two columns are named '\(name)'; give each column its own name")
    }
    var targetColumns: [Int]
    if !targets.isEmpty {
      targetColumns = []
      for t in targets {
        guard let i = header.firstIndex(of: t) else {
          throw Problem(
            line: lineNumbers[0], column: 1,
            message: "there is no column named '\(t)'; the header names \(header.joined(separator: ", "))")
        }
        targetColumns.append(i)
      }
    } else {
      let n = min(max(targetCount ?? 1, 1), header.count - 1)
      targetColumns = Array((header.count - n)..<header.count)
    }
    let inputColumns = header.indices.filter { !targetColumns.contains($0) }
    guard !inputColumns.isEmpty else {
      throw Problem(line: lineNumbers[0], column: 1, message: "every column is a target; leave at least one input")
    }
    var examples: [Example] = []
    for (r, row) in rows.enumerated().dropFirst() {
      guard row.count == header.count else {
        throw Problem(
          line: lineNumbers[r], column: min(row.count, header.count) + 1,
          message: "this row has \(row.count) values but the header names \(header.count) columns")
      }
      var values: [Double] = []
      for (c, cell) in row.enumerated() {
        guard let v = Double(cell), v.isFinite else {
          throw Problem(
            line: lineNumbers[r], column: c + 1, message: "'\(cell)' in column '\(header[c])' is not a finite number")
        }
        values.append(v)
      }
      examples.append(Example(inputs: inputColumns.map { values[$0] }, targets: targetColumns.map { values[$0] }))
    }
    guard !examples.isEmpty else {
      throw Problem(line: lineNumbers[0], column: 1, message: "there are no rows after the header")
    }
    return Table(
      inputNames: inputColumns.map { header[$0] }, targetNames: targetColumns.map { header[$0] }, examples: examples)
  }

  /// CSV text for examples, with a header; doubles are written so they read back exactly.
  public static func write(_ examples: [Example], inputNames: [String], targetNames: [String]) -> String {
    var lines = [(inputNames + targetNames).joined(separator: ",")]
    for e in examples { lines.append((e.inputs + e.targets).map { "\($0)" }.joined(separator: ",")) }
    return lines.joined(separator: "\n") + "\n"
  }
}
