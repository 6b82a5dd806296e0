import Foundation

/// A save file as text: written whole by `save`, read back by `load` after the cheap checks
/// that keep hostile files from costing much.
extension SaveFile {
  /// The save file for `model`, as JSON text (`path` names the file in an error).
  static func text(_ model: Model, path: String) throws(ShellError) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data: Data
    do {
      data = try encoder.encode(SaveFile(model))
    } catch {
      throw ShellError.cannotWrite(path: path, reason: "\(error)")
    }
    // Never write a file that 'load' would refuse.
    guard data.count < maxBytes else {
      throw ShellError.cannotWrite(
        path: path,
        reason:
          "it would be over \(FileAccess.megabytes(maxBytes)), more than 'load' reads; use fewer examples or a smaller network"
      )
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Reads a save file's bytes, checking first what costs least and says most: how deeply it
  /// nests (before any decoding), then its format and version (so that a file from another
  /// program or a newer nabla is named as such rather than by the first key it lacks).
  static func decode(_ data: Data) throws(SaveFileProblem) -> SaveFile {
    guard nestingDepth(data) <= maxDepth else {
      throw SaveFileProblem("it nests more than \(maxDepth) levels deep, which no save file does")
    }
    struct Header: Decodable {
      var format: String?
      var version: Int?
    }
    if let header = try? JSONDecoder().decode(Header.self, from: data) {
      try check(format: header.format, version: header.version)
    }
    do {
      return try JSONDecoder().decode(SaveFile.self, from: data)
    } catch let error as DecodingError {
      throw SaveFileProblem(describe(error))
    } catch {
      throw SaveFileProblem("it is not valid JSON")
    }
  }

  static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch error {
    case .keyNotFound(let key, let context):
      return
        "the key \"\(key.stringValue)\" is missing at \(path(context.codingPath).isEmpty ? "the top level" : path(context.codingPath))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      let place = path(context.codingPath)
      return "\(place.isEmpty ? "the top level" : place) has the wrong type"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "it is not valid JSON" : "\(path(context.codingPath)) is not valid"
    @unknown default:
      return "it could not be read"
    }
  }

  /// How deeply a save file's JSON may nest; nabla's own files nest 4 deep.
  static let maxDepth = 32

  /// How deeply the arrays and objects of JSON text nest (strings are skipped), counted
  /// before decoding so that hostile nesting costs no deep recursion.
  static func nestingDepth(_ data: Data) -> Int {
    var depth = 0
    var deepest = 0
    var inString = false
    var escaped = false
    for byte in data {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        deepest = max(deepest, depth)
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
    }
    return deepest
  }

}
