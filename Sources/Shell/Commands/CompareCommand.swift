import Foundation
import Network

/// compare: the same training run once per value of one setting, everything else held fixed.
enum CompareCommand {
  static let kinds = ["rate", "activation", "depth", "batch", "optimizer"]

  static let spec = CommandSpec(
    name: "compare", group: .run,
    synopsis: "compare rate|activation|depth|batch|optimizer VALUE… [epochs N|steps N] [target L]",
    summary: "rerun the same training once per value and tabulate the results",
    details: """
      Trains a copy of the network once per value, from the same starting weights on the same data \
      with the same seed, and prints the final loss, the accuracy, the epochs needed to reach the \
      target loss (default 0.05) and the time. The header names everything held fixed. 'depth' \
      rebuilds the hidden layers at the current width (from 'init xavier' with the seed). The \
      session itself is left exactly as it was.
      """,
    example: TrainingCommands.xorSetup + ["compare rate 0.5 2 epochs 300"],
    complete: { words in
      if words.isEmpty { return [.keyword(kinds)] }
      switch words[0] {
      case "activation": return [.activation]
      case "optimizer": return [.keyword(OptimizerKind.allCases.map(\.rawValue))]
      case "batch": return [.keyword(["full", "1"])]
      default: return [.keyword(["epochs", "steps", "target"])]
      }
    }, run: compare)

  struct Row {
    var label: String
    var model: Model
  }

  static func compare(_ c: inout Context) throws -> String {
    let kind = try c.word(0, "what to vary: \(kinds.joined(separator: ", "))")
    guard kinds.contains(kind) else { throw ShellError.unknownCompare(kind, known: kinds) }
    var values: [String] = []
    var length = TrainingPlan.Length.epochs(100)
    var target = 0.05
    var i = 1
    while i < c.arguments.count {
      let word = c.arguments[i]
      if ["epochs", "steps", "target"].contains(word) {
        let text = try c.word(i + 1, "a number after '\(word)'")
        if word == "target" {
          target = try Context.number(text)
        } else {
          let n = try c.count(text, example: "compare rate 0.1 0.01 \(word) 100")
          guard n >= 1, n <= 1_000_000 else {
            throw ShellError.outOfRange(word: text, rule: "1 to 1000000 \(word) per run")
          }
          length = word == "epochs" ? .epochs(n) : .updates(n)
        }
        i += 2
      } else {
        values.append(word)
        i += 1
      }
    }
    guard values.count >= 1 else { throw c.missing("values to compare, e.g. 'compare rate 0.1 0.01'") }
    guard values.count <= 10 else {
      throw ShellError.outOfRange(word: values[10], rule: "compare up to 10 values at a time")
    }
    try c.network { () throws(NetworkError) in try CompiledNetwork.validate(c.model.examples, for: c.model.network) }
    let rows = try values.map { value in
      let model = try variant(c.model, kind: kind, value: value)
      let momentum = model.settings.momentum
      let label = kind == "optimizer" && momentum > 0 ? "\(value) \(NumberFormat(digits: 4)(momentum))" : value
      return Row(label: label, model: model)
    }

    let base = c.model
    let f = NumberFormat(digits: min(base.settings.precision, 4))
    var table: [[String]] = []
    for row in rows {
      if c.interrupted() { break }
      let s = row.model.settings
      let plan = TrainingPlan(
        length: length, batchSize: s.batchSize, rule: s.rule, reduction: s.reduction, seed: s.seed)
      var network = row.model.network
      let started = c.clock()
      let result = try c.network { () throws(NetworkError) in
        try Training.run(&network, examples: row.model.examples, loss: s.loss, plan: plan, interrupted: c.interrupted)
      }
      let seconds = c.clock() - started
      var after = row.model
      after.network = network
      let final = (try? after.runPass(backward: false, training: false).batchLoss) ?? .nan
      let accuracy = (try? Accuracy.of(network, examples: row.model.examples, loss: s.loss)) ?? nil
      let reached = result.losses.firstIndex { $0 <= target }.map { "\($0 + 1)" } ?? "not reached"
      var note = ""
      if case .diverged = result.stop { note = " (diverged)" }
      if case .interrupted = result.stop { note = " (interrupted)" }
      let cells = [
        "\(kind) \(row.label)", f(final) + note, accuracy.map { f($0 * 100) + "%" } ?? "—", reached,
        String(format: "%.2f s", seconds),
      ]
      table.append(cells)
      c.reportPeriodic("\(kind) \(row.label): done")
    }
    var lines = ["held fixed: " + fixed(base, kind: kind, length: length, f)]
    lines.append(
      Table.render(["run", "final loss", "accuracy", "epochs to E ≤ \(f(target))", "time"], table, indent: "  "))
    if table.count < rows.count { lines.append("interrupted after \(table.count) of \(rows.count) runs") }
    lines.append("the session is unchanged: every run trained a copy")
    return lines.joined(separator: "\n")
  }

  /// Everything that stays the same across the runs.
  static func fixed(_ m: Model, kind: String, length: TrainingPlan.Length, _ f: NumberFormat) -> String {
    let net = m.network
    let widths = BackwardText.layerWidths(net)
    var parts: [String] = []
    if kind != "depth" && kind != "activation" {
      let activations = Set(net.neurons.filter { !$0.isInput }.map(\.activation.rawValue)).sorted().joined(
        separator: "/")
      parts.append("network \(widths) (\(activations)) and its starting weights")
    } else if kind == "activation" {
      parts.append("network \(widths) and its starting weights (the output layer keeps its activation)")
    } else {
      parts.append("width \(widths), weights from 'init xavier seed \(m.settings.seed)'")
    }
    parts.append("\(count(m.examples.count, "example"))")
    parts.append("loss \(m.settings.loss.rawValue) (\(m.settings.reduction.rawValue))")
    if kind != "batch" { parts.append("batch " + (m.settings.batchSize.map { "\($0)" } ?? "full")) }
    if kind != "optimizer" {
      let o = m.settings.optimizer
      let momentum = m.settings.momentum > 0 ? " \(f(m.settings.momentum))" : ""
      parts.append(
        o == .momentum ? "momentum\(momentum)" : o.rawValue + (momentum.isEmpty ? "" : " momentum" + momentum))
    }
    if kind != "rate" { parts.append("rate \(f(m.settings.rate))") }
    if m.settings.decay > 0 { parts.append("decay \(f(m.settings.decay))") }
    let dropped = net.neurons.filter { $0.dropout > 0 }
    if !dropped.isEmpty { parts.append("dropout on " + dropped.map(\.name).joined(separator: " ")) }
    parts.append("seed \(m.settings.seed)")
    switch length {
    case .epochs(let n): parts.append("\(n) epochs")
    case .updates(let n): parts.append("\(n) updates")
    }
    return parts.joined(separator: ", ")
  }

  /// The model with one setting changed.
  static func variant(_ model: Model, kind: String, value: String) throws -> Model {
    var m = model
    switch kind {
    case "rate":
      let v = try Context.number(value)
      guard v > 0 else { throw ShellError.outOfRange(word: value, rule: "the rate must be above 0") }
      m.settings.rate = v
    case "activation":
      let a = try Context.activation(value)
      let outputs = Set(m.network.outputs)
      guard a != .softmax else {
        throw ShellError.outOfRange(word: value, rule: "softmax is only for the output layer")
      }
      for n in m.network.neurons.indices where !m.network.neurons[n].isInput && !outputs.contains(n) {
        try? m.network.setActivation(m.network.neurons[n].name, a)
      }
    case "batch":
      if value == "full" {
        m.settings.batchSize = nil
      } else {
        guard let n = Int(value), n >= 1 else {
          throw ShellError.outOfRange(word: value, rule: "a batch is 'full' or 1 or more examples")
        }
        m.settings.batchSize = n
      }
    case "optimizer":
      guard let kind = OptimizerKind(rawValue: value) else {
        throw ShellError.unknownOptimizer(value, known: OptimizerKind.allCases.map(\.rawValue))
      }
      m.settings.optimizer = kind
      if kind == .sgd {
        m.settings.momentum = 0
      } else if m.settings.momentum == 0 {
        m.settings.momentum = 0.9
      }
      for i in m.network.parameters.indices { m.network.parameters[i].velocity = 0 }
    case "depth":
      guard let d = Int(value), (0...8).contains(d) else {
        throw ShellError.outOfRange(word: value, rule: "depth is 0 to 8 hidden layers")
      }
      m.network = try rebuilt(model.network, hiddenLayers: d, seed: model.settings.seed)
    default:
      throw ShellError.unknownCompare(kind, known: kinds)
    }
    return m
  }

  /// The network with `hiddenLayers` hidden layers of the first hidden layer's width and activation.
  static func rebuilt(_ net: Network, hiddenLayers: Int, seed: UInt64) throws -> Network {
    let outputs = net.outputs
    let hidden = net.evaluationOrder.filter { !outputs.contains($0) }
    let firstLayer = net.layers.first { !outputs.contains($0[0]) } ?? []
    let width = max(firstLayer.count, 1)
    let activation = hidden.first.map { net.neurons[$0].activation } ?? .tanh
    var rebuilt = Network()
    rebuilt.leakySlope = net.leakySlope
    do {
      try rebuilt.addInputs(net.inputs.map { net.neurons[$0].name })
      for layer in 0..<hiddenLayers {
        try rebuilt.addLayer((1...width).map { "h\(layer + 1)_\($0)" }, activation: activation, bias: .own) { _, _ in 0
        }
      }
      let outputActivation = net.neurons[outputs[0]].activation
      try rebuilt.addLayer(outputs.map { net.neurons[$0].name }, activation: outputActivation, bias: .own) { _, _ in 0 }
    } catch {
      throw ShellError.network(error)
    }
    var rng = SplitMix64(seed: seed)
    rebuilt.initialize(.xavier, rng: &rng)
    return rebuilt
  }
}
