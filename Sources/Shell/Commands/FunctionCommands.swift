import Foundation
import Functions
import Network

/// let, def (and `f = …`), eval, grad, graph, descend, plot.
enum FunctionCommands {
  static let circuit = ["let x = -2, y = 5, z = -4", "f = (x + y) * z"]

  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "let", group: .functions, synopsis: "let NAME = VALUE [, NAME = VALUE …]",
      summary: "declare variables for function mode",
      details:
        "Declares variables (or gives existing ones new values). A value may be an expression of numbers and variables.",
      example: ["let x = -2, y = 5, z = -4"], run: letVariables),
    CommandSpec(
      name: "def", group: .functions, synopsis: "def NAME = EXPRESSION   (or just NAME = EXPRESSION)",
      summary: "define a function of variables, e.g. f = (x + y) * z",
      details: """
        Defines a function. Expressions use + - * / ^ (right-associative), unary minus, parentheses, \
        numbers like 2.5 or 1e-3, the functions exp log sqrt abs sin cos tanh sigmoid relu max min, \
        the variables, and other functions.
        """,
      example: ["let x = -2, y = 5, z = -4", "def f = (x + y) * z"], run: define),
    CommandSpec(
      name: "eval", group: .functions, synopsis: "eval FUNCTION",
      summary: "every intermediate node of a function, with its value",
      details: "Computes the function node by node, printing each node's formula with the numbers.",
      example: circuit + ["eval f"], complete: { $0.isEmpty ? [.function] : [] }, run: evaluate),
    CommandSpec(
      name: "grad", group: .functions, synopsis: "grad FUNCTION",
      summary: "reverse-mode autodiff through the graph: every local derivative times upstream",
      details: """
        Runs backpropagation through the function's computation graph: for every node, the local \
        derivative with respect to each input (formula and numbers), the upstream gradient and their \
        product; then ∂f/∂v for every variable. Where a value is used more than once, its \
        contributions add up.
        """,
      example: circuit + ["grad f"], complete: { $0.isEmpty ? [.function] : [] }, run: gradient),
    CommandSpec(
      name: "graph", group: .functions, synopsis: "graph FUNCTION",
      summary: "draw the computation graph as a tree, with values (and gradients after grad)",
      details:
        "Draws the function's computation graph as a tree: each node with its formula and value, and its gradient once 'grad' has run.",
      example: circuit + ["grad f", "graph f"], complete: { $0.isEmpty ? [.function] : [] }, run: graph),
    CommandSpec(
      name: "descend", group: .functions,
      synopsis: "descend FUNCTION [N] [rate R] [momentum M] [over VARIABLE…]",
      summary: "N steps of gradient descent on a function's variables",
      details: """
        Takes N steps (default 10) of v ← v − rate·∂f/∂v on every variable the function uses, or on \
        those after 'over'. rate and momentum default to the 'rate' and 'momentum' settings. Prints \
        step, variables, f and the gradient's size; stops with an explanation if f diverges, keeping \
        the last finite values.
        """,
      example: ["let x = 0", "f = (x - 3)^2", "descend f 20 rate 0.1"],
      complete: { $0.isEmpty ? [.function] : [.keyword(["rate", "momentum", "over"]), .variable] },
      run: descend),
    CommandSpec(
      name: "plot", group: .functions, synopsis: "plot FUNCTION | plot loss | plot boundary",
      summary: "a function and the last descent's path, the loss history, or a decision boundary",
      details:
        "plot FUNCTION: for one variable, the curve with the last descent's steps on it; for two, a contour-like map with the path. plot loss: the loss of every epoch of training (and the test loss after 'data split'). plot boundary: for two inputs and class targets, the predicted class over the plane with the examples on top.",
      example: ["let x = 0", "f = (x - 3)^2", "descend f 10 rate 0.1", "plot f"],
      complete: { $0.isEmpty ? [.function, .keyword(["loss", "boundary"])] : [] }, run: plot),
  ]

  // MARK: - Definitions

  /// `NAME = …` or `def NAME = …` (but not `let …`): the name, the expression text and its offset.
  static func definitionPattern(_ line: String) -> (name: String, source: String, offset: Int)? {
    let characters = Array(line)
    var i = 0
    func skip() { while i < characters.count, characters[i].isWhitespace { i += 1 } }
    func word() -> String {
      var w = ""
      while i < characters.count, characters[i].isLetter || characters[i].isNumber || characters[i] == "_" {
        w.append(characters[i])
        i += 1
      }
      return w
    }
    skip()
    var name = word()
    if name == "def" {
      skip()
      name = word()
    }
    guard !name.isEmpty, name != "let" else { return nil }
    skip()
    guard i < characters.count, characters[i] == "=", i + 1 >= characters.count || characters[i + 1] != "=" else {
      return nil
    }
    i += 1
    // A '#' starts a comment, as on every other line.
    let rest = String(characters[i...])
    return (name, rest.firstIndex(of: "#").map { String(rest[..<$0]) } ?? rest, i)
  }

  static func define(_ c: inout Context) throws -> String {
    guard
      let d = c.definition
        ?? definitionPattern("def " + c.arguments.joined(separator: " ")).map({ ($0.name, $0.source, -1) })
    else { throw c.missing("NAME = EXPRESSION, e.g. 'f = (x + y) * z'") }
    guard d.offset >= 0 else { throw c.missing("NAME = EXPRESSION, e.g. 'f = (x + y) * z'") }
    let existed = c.model.workspace.definition(d.name) != nil
    do {
      try c.model.workspace.define(d.name, source: d.source)
    } catch .parse(let e) {
      throw ShellError.expression(e.message, column: d.offset + e.column)
    } catch {
      throw ShellError.function(error)
    }
    // Built but not evaluated: a function may be undefined at today's values (log(x) at x = -2).
    let graph: Graph
    do {
      graph = try Graph(function: d.name, in: c.model.workspace)
    } catch {
      throw ShellError.function(error)
    }
    let arguments = graph.variables.joined(separator: ", ")
    let source = d.source.trimmingCharacters(in: .whitespaces)
    let nodes = graph.nodes.indices.filter { graph.nodes[$0].kind == .operation }.map {
      "\(graph.nodes[$0].label) = \(graph.formula($0))"
    }
    return "\(d.name)(\(arguments)) = \(source)\(existed ? "   (redefined)" : "")\nnodes: "
      + nodes.joined(separator: ", ")
  }

  static func letVariables(_ c: inout Context) throws -> String {
    guard let start = c.line.range(of: "let") else { throw c.missing("NAME = VALUE") }
    let offset = c.line.distance(from: c.line.startIndex, to: start.upperBound)
    var text = String(c.line[start.upperBound...])
    if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw c.missing("NAME = VALUE, e.g. 'let x = -2'") }
    var lines: [String] = []
    for (part, partOffset) in topLevelParts(text) {
      guard !part.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw ShellError.expression("nothing between two commas; write 'let x = 1, y = 2'", column: offset + partOffset)
      }
      guard let eq = part.firstIndex(of: "=") else {
        throw ShellError.expression(
          "'\(part.trimmingCharacters(in: .whitespaces))' needs '= VALUE', e.g. 'let x = -2'",
          column: offset + partOffset)
      }
      let name = part[..<eq].trimmingCharacters(in: .whitespaces)
      let valueText = String(part[part.index(after: eq)...])
      let valueOffset = offset + partOffset + part.distance(from: part.startIndex, to: eq) + 1
      let expression: Functions.Expression
      do {
        expression = try Parser.parse(valueText)
      } catch {
        throw ShellError.expression(error.message, column: valueOffset + error.column)
      }
      if let other = expression.names.first(where: { c.model.workspace.value(of: $0) == nil }) {
        throw ShellError.function(.unknownVariable(other))
      }
      let value: Double
      do {
        value = try c.model.workspace.evaluate(expression, as: name)
        try c.model.workspace.setVariable(name, value)
      } catch {
        throw ShellError.function(error)
      }
      lines.append("\(name) = \(c.format(value))")
    }
    return lines.joined(separator: ", ")
  }

  /// Splits at commas outside parentheses, with each part's offset.
  static func topLevelParts(_ text: String) -> [(String, Int)] {
    var parts: [(String, Int)] = []
    var depth = 0
    var current = ""
    var start = 0
    for (i, ch) in text.enumerated() {
      if ch == "(" { depth += 1 }
      if ch == ")" { depth -= 1 }
      if ch == ",", depth == 0 {
        parts.append((current, start))
        current = ""
        start = i + 1
      } else {
        current.append(ch)
      }
    }
    parts.append((current, start))
    return parts
  }
}

/// Which function's gradients `graph` may show: those of the last `grad`, while nothing changed.
struct GradientShown: Equatable, Sendable {
  var function: String
  var workspace: Workspace
}
