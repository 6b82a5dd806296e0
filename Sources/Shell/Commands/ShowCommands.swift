import Network

/// show net|weights|values|grads|data|settings.
enum ShowCommands {
  static let topics = ["net", "weights", "values", "grads", "data", "settings", "functions"]

  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "show", group: .inspect, synopsis: "show net|weights|values|grads [by layer]|data|settings|functions",
      summary: "print part of the session as a table",
      details:
        "net: every neuron as an equation. weights: every parameter. values: net and out from the last forward pass. grads: δ and ∂E/∂p from the last backward pass. data: the examples. settings: loss, rate and the rest. functions: the variables and functions of function mode.",
      example: RunCommands.mazurSetup + ["show net", "show weights"],
      complete: { $0.isEmpty ? [.keyword(ShowCommands.topics)] : [] },
      run: show)
  ]

  static func show(_ c: inout Context) throws -> String {
    let topic = try c.word(0, "what to show: \(topics.joined(separator: ", "))")
    if ["grads", "gradients"].contains(topic), c.arguments.count > 1 {
      guard c.arguments.count == 3, c.arguments[1] == "by", c.arguments[2] == "layer" else {
        throw c.unexpected(c.arguments[1])
      }
      return try gradsByLayer(c)
    }
    try c.expectAtMost(1)
    let m = c.model
    let f = c.format
    let net = m.network
    switch topic {
    case "net", "network":
      guard !net.neurons.isEmpty else { return "the network is empty; start with 'input x1 x2'" }
      var lines = ["inputs: " + net.inputs.map { net.neurons[$0].name }.joined(separator: " ")]
      lines += net.evaluationOrder.map { NetworkText.equation(of: $0, in: net) }
      let outputs = net.outputs.map { net.neurons[$0].name }
      lines.append("outputs: " + (outputs.isEmpty ? "none yet (add a layer)" : outputs.joined(separator: " ")))
      lines.append(
        "\(count(net.parameters.filter(\.isWeight).count, "weight")), \(count(net.parameters.filter { !$0.isWeight }.count, "bias")); loss \(m.settings.loss.rawValue)"
      )
      return lines.joined(separator: "\n")
    case "weights", "parameters", "params":
      guard !net.parameters.isEmpty else { return "no parameters yet; a 'layer' or 'connect' creates them" }
      let momentum = m.settings.momentum > 0
      let rows = net.parameters.indices.map { p in
        [net.parameters[p].name, NetworkText.role(of: p, in: net), f(net.parameters[p].value)]
          + (momentum ? [f(net.parameters[p].velocity)] : []) + [net.parameters[p].frozen ? "frozen" : ""]
      }
      return Table.render(["name", "role", "value"] + (momentum ? ["v (momentum)"] : []) + [""], rows)
    case "values":
      guard let pass = m.freshPass else { return "no values for the current parameters yet; run 'forward'" }
      let rows = ([Int](net.inputs) + net.evaluationOrder).map { n in
        [net.neurons[n].name, f.optional(pass.neurons[n].net), f(pass.neurons[n].out)]
      }
      return "example \(pass.example + 1), E = \(f(pass.loss))\n" + Table.render(["neuron", "net", "out"], rows)
    case "grads", "gradients":
      guard let pass = m.freshPass, pass.hasGradients else {
        return "no gradients for the current parameters yet; run 'backward'"
      }
      let neuronRows = net.evaluationOrder.map { n in
        [net.neurons[n].name, f.optional(pass.neurons[n].dEdout), f.optional(pass.neurons[n].dEdnet)]
      }
      let what =
        m.examples.count > 1 ? "batch (\(m.settings.reduction.rawValue) over \(m.examples.count) examples)" : "∂E/∂p"
      let paramRows = net.parameters.indices.map { p in
        [net.parameters[p].name, NetworkText.role(of: p, in: net), f(pass.batchGradient[p])]
      }
      return "example \(pass.example + 1):\n" + Table.render(["neuron", "∂E/∂out", "δ = ∂E/∂net"], neuronRows)
        + "\n" + Table.render(["param", "role", what], paramRows)
    case "data", "examples":
      guard !m.examples.isEmpty else { return "no examples yet; add one with 'example 0.05 0.1 -> 0.01 0.99'" }
      let limit = 12
      if m.examples.count > limit, m.examples[0].inputs.count == 2 {
        return NetworkPlot.scatter(m, NumberFormat(digits: min(m.settings.precision, 4)))
      }
      let shownRows = m.examples.count > limit ? Array(m.examples.indices.prefix(limit)) : Array(m.examples.indices)
      let rows = shownRows.map { i in
        [
          "\(i + 1)\(i == m.use ? " *" : "")", m.examples[i].inputs.map { f($0) }.joined(separator: " "),
          m.examples[i].targets.map { f($0) }.joined(separator: " "),
        ]
      }
      let names = columnNames(m, m.examples[0])
      let inputs = names.inputs.joined(separator: " ")
      let outputs = names.targets.joined(separator: " ")
      let more = m.examples.count - shownRows.count
      return Table.render(["#", "inputs \(inputs)", "targets \(outputs)"], rows)
        + (more > 0 ? "\n… and \(more) more ('data save FILE' writes them all)" : "")
        + (m.test.isEmpty ? "" : "\n\(count(m.test.count, "example")) held out for testing")
        + "\n(* is the example forward and backward show; change it with 'use example N')"
    case "functions", "variables":
      let w = m.workspace
      guard !w.variables.isEmpty || !w.definitions.isEmpty else {
        return "no variables or functions yet; try 'let x = 0' and 'f = (x - 3)^2'"
      }
      var lines = [
        "variables: "
          + (w.variables.isEmpty
            ? "none" : zip(w.variables, w.values).map { "\($0) = \(f($1))" }.joined(separator: ", "))
      ]
      for d in w.definitions {
        lines.append("\(d.name) = \(d.source.trimmingCharacters(in: .whitespaces))")
      }
      return lines.joined(separator: "\n")
    case "settings":
      let s = m.settings
      return Table.render(
        ["setting", "value"],
        [
          ["loss", "\(s.loss.rawValue) (\(s.reduction.rawValue) over examples)"], ["rate", f(s.rate)],
          ["momentum", f(s.momentum)], ["optimizer", s.optimizer.rawValue], ["decay", f(s.decay)],
          ["batch", s.batchSize.map { "\($0)" } ?? "full"], ["seed", "\(s.seed)"],
          [
            "dropout",
            net.neurons.filter { $0.dropout > 0 }.map { "\($0.name) \(f($0.dropout))" }.joined(separator: ", ")
              .replacingOccurrences(of: "^$", with: "none", options: .regularExpression),
          ],
          ["alpha", f(net.leakySlope)], ["precision", "\(s.precision)"], ["present", s.present ? "on" : "off"],
          ["example in use", m.examples.isEmpty ? "—" : "\(m.use + 1)"],
        ])
    default:
      throw ShellError.unknownTopic(topic, topics: topics)
    }
  }

  /// Each layer's weight-gradient norm and mean |δ|, first hidden layer to output.
  static func gradsByLayer(_ c: Context) throws -> String {
    let m = c.model
    let layers = try c.network { () throws(NetworkError) in
      try LayerStatistics.compute(
        m.network, examples: m.examples, loss: m.settings.loss, reduction: m.settings.reduction)
    }
    let f = NumberFormat(digits: min(m.settings.precision, 4))
    let rows = layers.enumerated().map { (i, layer) -> [String] in
      let names = layer.neurons.map { m.network.neurons[$0].name }
      let shown =
        names.count > 4 ? names.prefix(3).joined(separator: " ") + " … " + names.last! : names.joined(separator: " ")
      let activation = Set(layer.neurons.map { m.network.neurons[$0].activation.rawValue }).sorted().joined(
        separator: "/")
      return ["\(i + 1)", shown, activation, f(layer.weightGradientNorm), f(layer.meanAbsDelta)]
    }
    return "gradient size by layer, over \(count(m.examples.count, "example")) (the first hidden layer is 1):\n"
      + Table.render(["layer", "neurons", "activation", "|∂E/∂w|", "mean |δ|"], rows, indent: "  ")
      + "\nA gradient that shrinks layer by layer towards the inputs is vanishing; one that grows is exploding."
  }

  /// Names for the data's columns: the CSV file's, else the network's inputs and outputs where
  /// they fit, else x1, x2, … and t1, t2, ….
  static func columnNames(_ m: Model, _ example: Example) -> (inputs: [String], targets: [String]) {
    if let names = m.columnNames, names.inputs.count == example.inputs.count,
      names.targets.count == example.targets.count
    {
      return names
    }
    let net = m.network
    let inputs =
      net.inputs.count == example.inputs.count
      ? net.inputs.map { net.neurons[$0].name } : example.inputs.indices.map { "x\($0 + 1)" }
    let targets =
      net.outputs.count == example.targets.count
      ? net.outputs.map { net.neurons[$0].name } : example.targets.indices.map { "t\($0 + 1)" }
    return (inputs, targets)
  }

  /// `i1 = 0.05, i2 = 0.1 -> o1 = 0.01, o2 = 0.99`.
  static func describe(_ example: Example, _ net: Network, _ f: NumberFormat) -> String {
    let inputs = net.inputs.map { net.neurons[$0].name }
    let outputs = net.outputs.map { net.neurons[$0].name }
    func side(_ names: [String], _ values: [Double]) -> String {
      values.indices.map { i in i < names.count ? "\(names[i]) = \(f(values[i]))" : f(values[i]) }
        .joined(separator: ", ")
    }
    return side(inputs, example.inputs) + " -> " + side(outputs.map { "target_\($0)" }, example.targets)
  }
}
