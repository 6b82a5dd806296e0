import Foundation
import Functions
import Network

/// descend and plot.
extension FunctionCommands {
  static func descend(_ c: inout Context) throws -> String {
    let name = try c.word(0, "a function name")
    var steps = 10
    var rate = c.model.settings.rate
    var momentum = c.model.settings.momentum
    var over: [String]?
    var i = 1
    let args = c.arguments
    while i < args.count {
      switch args[i] {
      case "rate", "momentum":
        let word = try c.word(i + 1, "a number after '\(args[i])'")
        let v = try Context.number(word)
        if args[i] == "rate" {
          guard v > 0 else {
            throw ShellError.outOfRange(word: word, rule: "the rate must be above 0, e.g. 'rate 0.1'")
          }
          rate = v
        } else {
          guard v >= 0, v < 1 else {
            throw ShellError.outOfRange(word: word, rule: "momentum must be at least 0 and below 1")
          }
          momentum = v
        }
        i += 2
      case "over":
        over = Array(args[(i + 1)...])
        guard !over!.isEmpty else { throw c.missing("variables after 'over'") }
        i = args.count
      default:
        let n = try c.count(args[i], example: "descend f 20")
        guard n >= 1, n <= RunCommands.maxSteps else {
          throw ShellError.outOfRange(word: args[i], rule: "take 1 to \(RunCommands.maxSteps) steps at a time")
        }
        steps = n
        i += 1
      }
    }
    _ = try function(c, name)
    let result: DescentResult
    do {
      result = try Descent.run(
        name, in: c.model.workspace, over: over, steps: steps, rate: rate, momentum: momentum,
        interrupted: c.interrupted)
    } catch {
      throw ShellError.function(error)
    }
    c.model.workspace.assign(result.variables, result.final)
    c.model.descent = (name, result)
    return FunctionText.descent(result, function: name, rate: rate, momentum: momentum, steps: steps, c.format)
  }

  static func plot(_ c: inout Context) throws -> String {
    let name = try c.word(0, "loss, boundary or a function name")
    try c.expectAtMost(1)
    if c.model.workspace.definition(name) == nil {
      if name == "loss" {
        return NetworkPlot.loss(c.model.history, NumberFormat(digits: min(c.model.settings.precision, 4)))
      }
      if name == "boundary" {
        do {
          return try NetworkPlot.boundary(c.model, NumberFormat(digits: min(c.model.settings.precision, 4)))
        } catch let error as NetworkError {
          throw ShellError.network(error)
        }
      }
    }
    let graph = try function(c, name)
    let path = c.model.descent?.function == name ? c.model.descent?.result : nil
    return try Plot.render(graph, workspace: c.model.workspace, path: path, c.format)
  }
}
