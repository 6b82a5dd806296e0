import Foundation
import Functions
import Network

/// eval, grad, graph, explain f x, gradcheck f.
extension FunctionCommands {
  /// The function's graph, evaluated at the current values.
  static func function(_ c: Context, _ name: String, gradients: Bool = true) throws -> Graph {
    guard c.model.workspace.definition(name) != nil else {
      if c.model.workspace.value(of: name) != nil {
        throw ShellError.notAFunction(name)
      }
      throw ShellError.unknownFunction(name, known: c.model.workspace.definitions.map(\.name))
    }
    do {
      var graph = try Graph(function: name, in: c.model.workspace)
      try graph.evaluate()
      if gradients { try graph.differentiate() }
      return graph
    } catch {
      throw ShellError.function(error)
    }
  }

  static func evaluate(_ c: inout Context) throws -> String {
    let name = try c.word(0, "a function name")
    try c.expectAtMost(1)
    return FunctionText.evaluation(try function(c, name, gradients: false), c.format)
  }

  static func gradient(_ c: inout Context) throws -> String {
    let name = try c.word(0, "a function name")
    try c.expectAtMost(1)
    let graph = try function(c, name)
    c.model.gradientShown = GradientShown(function: name, workspace: c.model.workspace)
    return FunctionText.backward(graph, c.format)
  }

  static func graph(_ c: inout Context) throws -> String {
    let name = try c.word(0, "a function name")
    try c.expectAtMost(1)
    let graph = try function(c, name)
    let withGradients = c.model.gradientShown == GradientShown(function: name, workspace: c.model.workspace)
    return FunctionText.tree(graph, c.format, gradients: withGradients)
  }

  static func explain(_ c: inout Context, function name: String, variable: String) throws -> String {
    let graph = try function(c, name)
    guard let index = graph.variables.firstIndex(of: variable) else {
      if c.model.workspace.value(of: variable) == nil { throw ShellError.function(.unknownVariable(variable)) }
      throw ShellError.function(.notUsed(variable: variable, function: name))
    }
    return FunctionText.paths(graph, to: graph.variableNodes[index], c.format)
  }

  static func gradcheck(_ c: inout Context, function name: String) throws -> String {
    var graph = try function(c, name)
    let h = 1e-5
    var rows: [[String]] = []
    let f = c.format
    let e = NumberFormat(digits: 2)
    var worst = 0.0
    let values = graph.variables.map { c.model.workspace.value(of: $0)! }
    let base = graph.branches()
    var kinks = 0
    for (k, node) in graph.variableNodes.enumerated() {
      let analytic = graph.gradient(node)
      var shifted = values
      shifted[k] += h
      graph.set(shifted)
      try? graph.evaluate()
      let plus = graph.value(graph.output)
      let plusBranches = graph.branches()
      shifted[k] -= 2 * h
      graph.set(shifted)
      try? graph.evaluate()
      let minus = graph.value(graph.output)
      let nearKink = plusBranches != base || graph.branches() != base
      if nearKink { kinks += 1 }
      let numeric = (plus - minus) / (2 * h)
      let relative = abs(analytic - numeric) / max(abs(analytic), abs(numeric), 1e-6)
      worst = max(worst, relative.isNaN ? .infinity : relative)
      let verdict = relative < 1e-7 ? "good" : relative < 1e-4 ? "fine" : relative < 1e-2 ? "doubtful" : "wrong"
      rows.append([
        graph.variables[k], f(analytic), f(numeric), e(relative),
        verdict + (nearKink ? " (near a kink: relu, abs, max or min switches within h)" : ""),
      ])
    }
    return "gradcheck \(name): autodiff against (f(v + h) − f(v − h)) / 2h with h = 1e-05\n"
      + Table.render(["variable", "autodiff", "numeric", "rel. error", "verdict"], rows, indent: "  ")
      + "\nbands: below 1e-7 good, below 1e-4 fine, below 1e-2 doubtful, above wrong."
      + (kinks > 0 ? " \(kinks) near a kink, where finite differences cannot be trusted." : "")
  }
}
