import Foundation

/// One row of a descent: the values before the step, f there and the gradient's size.
public struct DescentRow: Equatable, Sendable {
  public var step: Int
  public var values: [Double]
  public var f: Double
  public var gradient: [Double]
  public var gradientNorm: Double
}

/// What a descent did.
public struct DescentResult: Equatable, Sendable {
  public enum Stop: Equatable, Sendable {
    /// Ran every step.
    case finished
    /// The learner pressed Ctrl-C.
    case interrupted
    /// f or a variable stopped being a finite number, or f grew far beyond where it started.
    case diverged(step: Int)
    /// f grew at every one of the last `growthSteps` steps, to well above where it started.
    case growing(step: Int, from: Double, to: Double)
  }

  /// The variables that moved, in order.
  public var variables: [String]
  /// One row per step taken, plus a last row for where the descent ended.
  public var rows: [DescentRow]
  public var stop: Stop
  /// The last values with a finite f: the ones the workspace keeps.
  public var final: [Double]
}

/// Gradient descent on a function of variables, with optional momentum.
public enum Descent {
  /// f grew beyond this factor of (|f at the start| + 1): diverging.
  public static let growthLimit = 1e12
  /// f rising this many steps in a row, to above 10 × (|f at the start| + 1): diverging.
  public static let growthSteps = 5

  public static func run(
    _ function: String, in workspace: Workspace, over chosen: [String]? = nil, steps: Int, rate: Double,
    momentum: Double, interrupted: () -> Bool = { false }
  ) throws(FunctionError) -> DescentResult {
    var graph = try Graph(function: function, in: workspace)
    let all = graph.variables
    let moving = chosen ?? all
    for name in moving where !all.contains(name) {
      if workspace.value(of: name) == nil { throw .unknownVariable(name) }
      throw .notUsed(variable: name, function: function)
    }
    let indices = moving.map { all.firstIndex(of: $0)! }
    var values = all.map { workspace.value(of: $0)! }
    var velocity = Array(repeating: 0.0, count: all.count)
    var rows: [DescentRow] = []
    var stop = DescentResult.Stop.finished
    var lastGood = values

    func measure(_ step: Int) throws(FunctionError) -> DescentRow {
      graph.set(values)
      try graph.evaluate()
      try graph.differentiate()
      let g = indices.map { graph.gradient(graph.variableNodes[$0]) }
      let norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return DescentRow(
        step: step, values: indices.map { values[$0] }, f: graph.value(graph.output), gradient: g, gradientNorm: norm)
    }

    var row = try measure(0)
    let start = row.f
    var rising = 0
    var best = (f: row.f, values: values)
    for step in 1...max(steps, 1) {
      if interrupted() {
        rows.append(row)
        stop = .interrupted
        break
      }
      rows.append(row)
      lastGood = values
      for (k, i) in indices.enumerated() {
        velocity[i] = momentum * velocity[i] - rate * row.gradient[k]
        values[i] += velocity[i]
      }
      do {
        row = try measure(step)
      } catch {
        stop = .diverged(step: step)
        break
      }
      if !values.allSatisfy(\.isFinite) || !row.f.isFinite || !row.gradientNorm.isFinite
        || abs(row.f) > growthLimit * (abs(start) + 1)
      {
        stop = .diverged(step: step)
        lastGood = best.values
        break
      }
      lastGood = values
      rising = row.f > rows[rows.count - 1].f ? rising + 1 : 0
      if row.f < best.f { best = (row.f, values) }
      if rising >= growthSteps && row.f > 10 * (abs(start) + 1) {
        rows.append(row)
        stop = .growing(step: step, from: best.f, to: row.f)
        lastGood = best.values
        break
      }
      if step == steps { rows.append(row) }
    }
    return DescentResult(
      variables: moving, rows: rows, stop: stop, final: indices.map { lastGood[$0] })
  }
}
