import Foundation
import Functions

/// Terminal pictures of a function of one or two variables, with the path of a descent.
enum Plot {
  static let width = 61
  static let oneVariableHeight = 15
  static let twoVariableHeight = 21
  /// From low to high f.
  static let levels = Array(" .:-=+*#%@")

  static func render(_ graph: Graph, workspace: Workspace, path: DescentResult?, _ f: NumberFormat) throws -> String {
    switch graph.variables.count {
    case 1: return oneVariable(graph, workspace: workspace, path: path, f)
    case 2: return twoVariables(graph, workspace: workspace, path: path, f)
    default:
      throw ShellError.outOfRange(
        word: graph.function,
        rule: "plot draws functions of one or two variables; '\(graph.function)' uses \(graph.variables.count)")
    }
  }

  /// The range to draw: every point of the path and the current value, padded.
  static func range(_ values: [Double], pad fraction: Double = 0.25, least: Double = 1) -> (Double, Double) {
    let finite = values.filter(\.isFinite)
    var low = finite.min() ?? -1
    var high = finite.max() ?? 1
    let pad = max((high - low) * fraction, fraction == 0.25 ? least : 0.1)
    low -= pad
    high += pad
    // Round outwards to a tenth of the order of magnitude of the span, so the axis reads well.
    let step = pow(10, floor(log10(high - low)) - 1)
    return (floor(low / step) * step, ceil(high / step) * step)
  }

  static func evaluate(_ graph: inout Graph, _ values: [Double]) -> Double {
    graph.set(values)
    do {
      try graph.evaluate()
      return graph.value(graph.output)
    } catch {
      return .nan
    }
  }

  /// The path's points for each of the function's variables: every step, and where it ended.
  /// A variable the descent did not move ('descend g over y') stays at its current value. A path
  /// over a variable the function no longer uses (it was redefined since) is not drawn.
  static func points(_ path: DescentResult?, _ names: [String], current: [Double]) -> [[Double]] {
    guard let path, path.variables.allSatisfy(names.contains) else { return names.map { _ in [] } }
    return names.indices.map { k in
      guard let moved = path.variables.firstIndex(of: names[k]) else {
        return Array(repeating: current[k], count: path.rows.count)
      }
      return path.rows.map { $0.values[moved] }
    }
  }

  static func oneVariable(_ g: Graph, workspace: Workspace, path: DescentResult?, _ f: NumberFormat) -> String {
    var graph = g
    let name = graph.variables[0]
    let current = workspace.value(of: name) ?? 0
    let xs = points(path, [name], current: [current])[0]
    let (low, high) = range(xs + [current])
    let samples = (0..<width).map { c in evaluate(&graph, [low + (high - low) * Double(c) / Double(width - 1)]) }
    let finite = samples.filter(\.isFinite)
    guard let fLow = finite.min(), let fHigh = finite.max() else {
      return "\(g.function) is not finite anywhere in [\(f(low)), \(f(high))]"
    }
    let span = fHigh > fLow ? fHigh - fLow : 1
    var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: oneVariableHeight)
    func row(_ y: Double) -> Int {
      oneVariableHeight - 1 - Int(((y - fLow) / span * Double(oneVariableHeight - 1)).rounded())
    }
    func column(_ x: Double) -> Int { Int(((x - low) / (high - low) * Double(width - 1)).rounded()) }
    for (c, y) in samples.enumerated() where y.isFinite { grid[row(y)][c] = "·" }
    for (n, x) in xs.enumerated() {
      let y = evaluate(&graph, [x])
      guard y.isFinite, (0..<width).contains(column(x)) else { continue }
      let r = min(max(row(y), 0), oneVariableHeight - 1)
      grid[r][column(x)] = n == 0 ? "S" : (n == xs.count - 1 ? "E" : "o")
    }
    var lines = [
      "\(g.function)(\(name)) for \(name) from \(f(low)) to \(f(high))"
        + (xs.isEmpty ? "" : "; S start, o steps, E end of the last descent")
    ]
    lines += ChartFrame.lines(grid, top: f(fHigh), bottom: f(fLow), left: f(low), right: f(high), xName: name)
    return lines.joined(separator: "\n")
  }

  static func twoVariables(_ g: Graph, workspace: Workspace, path: DescentResult?, _ f: NumberFormat) -> String {
    var graph = g
    let names = graph.variables
    let current = names.map { workspace.value(of: $0) ?? 0 }
    let series = points(path, names, current: current)
    let xs = series[0]
    let ys = series[1]
    let (xLow, xHigh) = range(xs + [current[0]])
    let (yLow, yHigh) = range(ys + [current[1]])
    let height = twoVariableHeight
    var values = Array(repeating: Array(repeating: Double.nan, count: width), count: height)
    for r in 0..<height {
      for c in 0..<width {
        let x = xLow + (xHigh - xLow) * Double(c) / Double(width - 1)
        let y = yHigh - (yHigh - yLow) * Double(r) / Double(height - 1)
        values[r][c] = evaluate(&graph, [x, y])
      }
    }
    // Shade by rank, so the levels spread evenly whatever the scale (like contour bands).
    let sorted = values.flatMap { $0 }.filter(\.isFinite).sorted()
    var grid = values.map { row in
      row.map { v -> Character in
        guard v.isFinite, !sorted.isEmpty else { return "?" }
        var lo = 0
        var hi = sorted.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return levels[min(levels.count - 1, lo * levels.count / sorted.count)]
      }
    }
    func column(_ x: Double) -> Int { Int(((x - xLow) / (xHigh - xLow) * Double(width - 1)).rounded()) }
    func row(_ y: Double) -> Int { Int(((yHigh - y) / (yHigh - yLow) * Double(height - 1)).rounded()) }
    for n in xs.indices {
      let c = column(xs[n])
      let r = row(ys[n])
      guard (0..<width).contains(c), (0..<height).contains(r) else { continue }
      grid[r][c] = n == 0 ? "S" : (n == xs.count - 1 ? "E" : "o")
    }
    var lines = [
      "\(g.function)(\(names[0]), \(names[1])): shading from low ' ' to high '@'"
        + (xs.isEmpty ? "" : "; S start, o steps, E end of the last descent")
    ]
    lines += ChartFrame.lines(
      grid, top: f(yHigh), bottom: f(yLow), middle: names[1], left: f(xLow), right: f(xHigh), xName: names[0])
    return lines.joined(separator: "\n")
  }

  static func trimmed(_ line: String) -> String {
    var line = line
    while line.hasSuffix(" ") { line.removeLast() }
    return line
  }
}
