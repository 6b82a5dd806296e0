import Foundation
import Functions
import Network
import Shell

/// The numbers a lesson can ask about, by name, computed from the session the learner reached:
/// parameters (w5, b1), `loss`, `accuracy`, `out_o1`, `net_o1`, `delta_o1`, `grad_w5`, counts
/// (`inputs`, `outputs`, `neurons`, `layers`, `examples`), function-mode variables and functions.
public enum SessionValues {
  /// A workspace whose variables are every such name, for evaluating expressions.
  public static func workspace(for session: Session) -> Workspace {
    var w = Workspace()
    let model = session.model
    let net = model.network
    func put(_ name: String, _ value: Double?) {
      guard let value, value.isFinite else { return }
      try? w.setVariable(name, value)
    }
    for p in net.parameters { put(p.name, p.value) }
    put("inputs", Double(net.inputs.count))
    put("outputs", Double(net.outputs.count))
    put("neurons", Double(net.neurons.filter { !$0.isInput }.count))
    put("layers", Double(net.layers.count))
    put("hidden_layers", Double(max(net.layers.count - 1, 0)))
    for activation in Activation.allCases {
      put(
        "\(activation.rawValue)_neurons",
        Double(net.neurons.filter { !$0.isInput && $0.activation == activation }.count))
    }
    put("examples", Double(model.examples.count))
    if !model.examples.isEmpty,
      let pass = try? Pass.compute(
        net, examples: model.examples, loss: model.settings.loss, reduction: model.settings.reduction, use: model.use,
        backward: true)
    {
      put("loss", pass.batchLoss)
      for (n, neuron) in net.neurons.enumerated() {
        put("out_\(neuron.name)", pass.neurons[n].out)
        put("net_\(neuron.name)", pass.neurons[n].net)
        put("delta_\(neuron.name)", pass.neurons[n].dEdnet)
        put("dEdout_\(neuron.name)", pass.neurons[n].dEdout)
      }
      for (i, p) in net.parameters.enumerated() { put("grad_\(p.name)", pass.batchGradient[i]) }
      put("accuracy", (try? Accuracy.of(net, examples: model.examples, loss: model.settings.loss)) ?? nil)
    }
    for (name, value) in zip(model.workspace.variables, model.workspace.values) { put(name, value) }
    for d in model.workspace.definitions {
      if var g = try? Graph(function: d.name, in: model.workspace), (try? g.evaluate()) != nil {
        put(d.name, g.value(g.output))
      }
    }
    return w
  }

  /// The value of an expression over the session, or why it has none.
  public static func value(_ expression: String, in session: Session) -> Result<Double, LessonProblem> {
    let w = workspace(for: session)
    do {
      let parsed = try Parser.parse(expression)
      for name in parsed.names where w.value(of: name) == nil {
        return .failure(LessonProblem("'\(name)' has no value in this session"))
      }
      return .success(try w.evaluate(parsed))
    } catch let error as ParseError {
      return .failure(LessonProblem("column \(error.column + 1) of '\(expression)': \(error.message)"))
    } catch {
      return .failure(LessonProblem("'\(expression)' has no finite value"))
    }
  }

  /// Whether a condition like `loss < 0.05 and layers >= 3` holds.
  public static func holds(_ condition: String, in session: Session) -> Result<Bool, LessonProblem> {
    for part in condition.components(separatedBy: " and ") {
      var found: (String, Range<String.Index>)?
      for op in ["<=", ">=", "==", "!=", "<", ">"] {
        if let r = part.range(of: op) {
          found = (op, r)
          break
        }
      }
      guard let (op, range) = found else {
        return .failure(
          LessonProblem("'\(part.trimmingCharacters(in: .whitespaces))' is not a comparison; write e.g. 'loss < 0.05'"))
      }
      let left: Double
      let right: Double
      switch value(String(part[..<range.lowerBound]), in: session) {
      case .success(let v): left = v
      case .failure(let why): return .failure(why)
      }
      switch value(String(part[range.upperBound...]), in: session) {
      case .success(let v): right = v
      case .failure(let why): return .failure(why)
      }
      let ok: Bool
      switch op {
      case "<=": ok = left <= right
      case ">=": ok = left >= right
      case "==": ok = abs(left - right) <= 1e-9 * max(1, abs(left), abs(right))
      case "!=": ok = abs(left - right) > 1e-9 * max(1, abs(left), abs(right))
      case "<": ok = left < right
      default: ok = left > right
      }
      if !ok { return .success(false) }
    }
    return .success(true)
  }
}

/// Why a lesson's expression or condition could not be evaluated.
public struct LessonProblem: Error, Equatable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
