import Network

/// input, layer, neuron, connect, activation, set, freeze, unfreeze, init, reset.
enum BuildCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "input", group: .build, synopsis: "input NAME…",
      summary: "declare the input neurons",
      details: "Declares input neurons. Each example gives one value per input, in this order.",
      example: ["input i1 i2"], run: input),
    CommandSpec(
      name: "layer", group: .build, synopsis: "layer NAME… ACTIVATION [bias own|shared|none]",
      summary: "add a layer fully connected from the previous one",
      details: """
        Adds neurons fed by every neuron of the most recent 'layer' (or by the inputs, for the first \
        layer); neurons made with 'neuron' are not part of a layer. \
        Weights are numbered per receiving neuron, then per sending neuron. Each neuron gets its own bias; \
        'bias shared' gives the layer one bias, 'bias none' gives it none. New weights start \
        Xavier-uniform from the session's seed; biases start at 0. The last layer is the output layer.
        """,
      example: ["input i1 i2", "layer h1 h2 sigmoid bias shared"],
      complete: { $0.last == "bias" ? [.keyword(["own", "shared", "none"])] : [.activation, .keyword(["bias"])] },
      run: layer),
    CommandSpec(
      name: "neuron", group: .build, synopsis: "neuron NAME ACTIVATION [bias own|none]",
      summary: "add one unconnected neuron, for graphs made by hand",
      details: "Adds a neuron with no inputs yet; wire it with 'connect'. It has its own bias unless 'bias none'.",
      example: ["input x1", "neuron h3 tanh"],
      complete: {
        $0.count == 1
          ? [.activation]
          : ($0.last == "bias" ? [.keyword(["own", "none"])] : ($0.count >= 2 ? [.keyword(["bias"])] : []))
      },
      run: neuron),
    CommandSpec(
      name: "connect", group: .build, synopsis: "connect FROM TO [VALUE]",
      summary: "add a weight on the edge FROM → TO",
      details: "Adds the next weight wN on the edge FROM → TO, starting at VALUE (or a random value).",
      example: ["input x1 x2", "neuron y sigmoid", "connect x1 y 0.3", "connect x2 y -0.1"],
      complete: { $0.count < 2 ? [.neuron] : [] },
      run: connect),
    CommandSpec(
      name: "activation", group: .build, synopsis: "activation NEURON… NAME",
      summary: "change the activation of neurons",
      details:
        "Sets the activation: sigmoid, tanh, relu (derivative 0 at 0), leaky_relu (slope 'alpha'), linear, or softmax (output layer only).",
      example: ["input x", "layer y sigmoid", "activation y tanh"], complete: { _ in [.computingNeuron, .activation] },
      run: activation),
    CommandSpec(
      name: "dropout", group: .build, synopsis: "dropout NEURON… P",
      summary: "drop hidden neurons with probability P while training (0 turns it off)",
      details: """
        While training (forward, backward, step, train), each listed neuron's output is multiplied by a \
        mask: 0 with probability P (dropped), otherwise 1/(1 − P) (kept, scaled up so the expected \
        output is unchanged). The masks are drawn from the seed; forward shows them. Evaluation \
        (accuracy, test loss, plot boundary) uses no dropout. Only hidden neurons can drop out.
        """,
      example: ["input x", "layer h1 h2 h3 relu", "layer y sigmoid", "dropout h1 h2 h3 0.5"],
      complete: { _ in [.computingNeuron] }, run: dropout),
    CommandSpec(
      name: "set", group: .build, synopsis: "set NAME VALUE [NAME VALUE …]",
      summary: "give parameters values (w5, b1 or an edge such as h1->o1)",
      details:
        "Sets one or more parameters. A parameter is named wN, bN, or by its edge FROM->TO. Setting a parameter also clears its momentum (v = 0).",
      example: ["input i1 i2", "layer o1 sigmoid", "set w1 0.15 w2 0.2 b1 0.35", "set i1->o1 0.25"],
      complete: { $0.count.isMultiple(of: 2) ? [.parameter] : [] },
      run: set),
    CommandSpec(
      name: "freeze", group: .build, synopsis: "freeze NAME…|all",
      summary: "keep parameters fixed during update",
      details: "Frozen parameters still get gradients, but 'update' does not move them.",
      example: ["input x", "layer y sigmoid", "freeze b1"], complete: { _ in [.parameter, .keyword(["all"])] },
      run: { try freeze(&$0, true) }),
    CommandSpec(
      name: "unfreeze", group: .build, synopsis: "unfreeze NAME…|all",
      summary: "let update move parameters again",
      details: "Undoes 'freeze'.",
      example: ["input x", "layer y sigmoid", "freeze all", "unfreeze b1"],
      complete: { _ in [.parameter, .keyword(["all"])] },
      run: { try freeze(&$0, false) }),
    CommandSpec(
      name: "init", group: .build, synopsis: "init random|xavier|he|zeros [seed N]",
      summary: "choose new starting weights (biases become 0)",
      details: """
        Re-initialises every unfrozen parameter: random is U(−1, 1), xavier is U(±√(6/(fan_in+fan_out))), \
        he is N(0, 2/fan_in), zeros is 0. The same seed always gives the same numbers; without a seed, \
        the session uses seeds 1, 2, 3, … in turn.
        """,
      example: ["input x1 x2", "layer h1 h2 tanh", "layer y sigmoid", "init xavier seed 7"],
      complete: { $0.isEmpty ? [.initScheme] : ($0.count == 1 ? [.keyword(["seed"])] : []) },
      run: initialize),
    CommandSpec(
      name: "reset", group: .build, synopsis: "reset",
      summary: "start again with an empty network and no examples",
      details:
        "Clears the network, the data (and test split), the variables and functions, and the training history; settings stay. 'undo' brings everything back.",
      example: ["input x", "reset"], run: reset),
  ]

  static func input(_ c: inout Context) throws -> String {
    guard !c.arguments.isEmpty else { throw c.missing("at least one name") }
    try c.network { () throws(NetworkError) in try c.model.network.addInputs(c.arguments) }
    return "inputs: " + c.model.network.inputs.map { c.model.network.neurons[$0].name }.joined(separator: " ")
  }

  /// Splits a trailing `bias MODE` off the arguments.
  static func biasMode(_ c: Context, _ words: inout [String], allowShared: Bool) throws -> BiasMode {
    guard let i = words.firstIndex(of: "bias") else { return .own }
    guard i + 1 < words.count else { throw c.missing("own, shared or none after 'bias'") }
    let allowed: [BiasMode] = allowShared ? [.own, .shared, .none] : [.own, .none]
    guard let mode = BiasMode(rawValue: words[i + 1]), allowed.contains(mode) else {
      throw c.unexpected(words[i + 1])
    }
    if i + 2 < words.count { throw c.unexpected(words[i + 2]) }
    words.removeSubrange(i...)
    return mode
  }

  static func layer(_ c: inout Context) throws -> String {
    var words = c.arguments
    let bias = try biasMode(c, &words, allowShared: true)
    guard let last = words.last else { throw c.missing("neuron names and an activation") }
    let activation = try Context.activation(last)
    let names = Array(words.dropLast())
    guard !names.isEmpty else { throw c.missing("at least one neuron name before '\(last)'") }
    var rng = c.model.rng
    try c.network { () throws(NetworkError) in
      try c.model.network.addLayer(names, activation: activation, bias: bias) { fanIn, fanOut in
        InitScheme.xavier.weight(fanIn: fanIn, fanOut: fanOut, rng: &rng)
      }
    }
    c.model.rng = rng
    let net = c.model.network
    var lines: [String] = []
    for name in names {
      guard let n = net.neuronIndex(name) else { continue }
      lines.append(NetworkText.equation(of: n, in: net))
    }
    let created = net.parameters.filter { p in
      switch p.role {
      case .weight(_, let to): names.contains(net.neurons[to].name)
      case .bias(let ns): ns.contains { names.contains(net.neurons[$0].name) }
      }
    }
    lines.append("starting values: " + created.map { "\($0.name) = \(c.format($0.value))" }.joined(separator: ", "))
    lines += notes(c.model)
    return lines.joined(separator: "\n")
  }

  static func neuron(_ c: inout Context) throws -> String {
    var words = c.arguments
    let bias = try biasMode(c, &words, allowShared: false)
    let name = try c.word(0, "a name and an activation")
    let activation = try Context.activation(try c.word(1, "an activation after '\(name)'"))
    if words.count > 2 { throw c.unexpected(words[2]) }
    try c.network { () throws(NetworkError) in try c.model.network.addNeuron(name, activation: activation, bias: bias) }
    let n = c.model.network.neurons.count - 1
    return NetworkText.equation(of: n, in: c.model.network) + "   (no inputs yet: use 'connect FROM \(name)')"
  }

  static func connect(_ c: inout Context) throws -> String {
    let from = try c.word(0, "a neuron to connect from")
    let to = try c.word(1, "a neuron to connect to")
    try c.expectAtMost(3)
    var value: Double
    if c.arguments.count == 3 {
      value = try Context.number(c.arguments[2])
    } else {
      _ = try c.neuron(from)
      let target = try c.neuron(to)
      value = InitScheme.xavier.weight(
        fanIn: c.model.network.neurons[target].incoming.count + 1, fanOut: 1, rng: &c.model.rng)
    }
    _ = try c.neuron(from)
    _ = try c.neuron(to)
    let p = try c.network { () throws(NetworkError) in try c.model.network.connect(from, to, value: value) }
    let net = c.model.network
    let name = net.parameters[p].name
    return "\(name) = \(from)→\(to) = \(c.format(value))\n" + NetworkText.equation(of: try c.neuron(to), in: net)
  }

  static func activation(_ c: inout Context) throws -> String {
    guard c.arguments.count >= 2 else { throw c.missing("a neuron and an activation") }
    let activation = try Context.activation(c.arguments.last!)
    var lines: [String] = []
    for name in c.arguments.dropLast() {
      let n = try c.neuron(name)
      let old = c.model.network.neurons[n].activation
      try c.network { () throws(NetworkError) in try c.model.network.setActivation(name, activation) }
      lines.append("\(name): \(old.rawValue) → \(activation.rawValue)")
    }
    lines += notes(c.model)
    return lines.joined(separator: "\n")
  }

  static func dropout(_ c: inout Context) throws -> String {
    guard c.arguments.count >= 2 else { throw c.missing("neurons and a probability, e.g. 'dropout h1 h2 0.5'") }
    let word = c.arguments.last!
    let p = try Context.number(word)
    guard p >= 0, p < 1 else {
      throw ShellError.outOfRange(word: word, rule: "a dropout probability is at least 0 and below 1")
    }
    for name in c.arguments.dropLast() {
      _ = try c.neuron(name)
      try c.network { () throws(NetworkError) in try c.model.network.setDropout(name, p) }
    }
    let names = c.arguments.dropLast().joined(separator: " ")
    return p == 0
      ? "dropout off for \(names)"
      : "dropout \(c.format(p)) for \(names): while training each is dropped with probability \(c.format(p)), else scaled by 1/(1 − \(c.format(p))) = \(c.format(1 / (1 - p)))"
  }

  static func set(_ c: inout Context) throws -> String {
    guard !c.arguments.isEmpty else { throw c.missing("a parameter and a value") }
    guard c.arguments.count.isMultiple(of: 2) else { throw c.missing("a value after '\(c.arguments.last!)'") }
    var lines: [String] = []
    for pair in stride(from: 0, to: c.arguments.count, by: 2) {
      let name = c.arguments[pair]
      guard let p = c.model.network.parameterIndex(name) else {
        if let old = c.model.workspace.value(of: name) {
          let value = try Context.number(c.arguments[pair + 1])
          try? c.model.workspace.setVariable(name, value)
          lines.append("\(name) = \(c.format(value))   (was \(c.format(old)))")
          continue
        }
        throw ShellError.unknownSetName(
          name, known: c.model.network.parameters.map(\.name) + c.model.workspace.variables)
      }
      let value = try Context.number(c.arguments[pair + 1])
      let old = c.model.network.parameters[p].value
      c.model.network.parameters[p].value = value
      c.model.network.parameters[p].velocity = 0
      lines.append("\(c.model.network.parameters[p].name) = \(c.format(value))   (was \(c.format(old)))")
    }
    return lines.joined(separator: "\n")
  }

  static func freeze(_ c: inout Context, _ frozen: Bool) throws -> String {
    guard !c.arguments.isEmpty else { throw c.missing("parameter names, or 'all'") }
    var chosen: [Int] = []
    if c.arguments == ["all"] {
      chosen = c.model.network.parameters.indices.filter { c.model.network.parameters[$0].frozen != frozen }
      guard !chosen.isEmpty else {
        return frozen ? "every parameter is frozen already" : "no parameter is frozen"
      }
    } else {
      for name in c.arguments { chosen.append(try c.parameter(name)) }
    }
    var unique: [Int] = []
    for p in chosen where !unique.contains(p) { unique.append(p) }
    for p in unique { c.model.network.parameters[p].frozen = frozen }
    let names = unique.map { c.model.network.parameters[$0].name }.joined(separator: " ")
    let all = c.model.network.parameters.filter(\.frozen).map(\.name)
    return
      (frozen ? "frozen: \(names) ('update' will not move \(unique.count == 1 ? "it" : "them"))" : "unfrozen: \(names)")
      + "\nfrozen parameters now: " + (all.isEmpty ? "none" : all.joined(separator: " "))
  }

  static func initialize(_ c: inout Context) throws -> String {
    let word = try c.word(0, "a scheme: random, xavier, he or zeros")
    guard let scheme = InitScheme(rawValue: word.lowercased()) else { throw ShellError.unknownInit(word) }
    var seed = UInt64(c.model.initCount + 1)
    if c.arguments.count > 1 {
      guard c.arguments[1] == "seed" else { throw c.unexpected(c.arguments[1]) }
      let text = try c.word(2, "a number after 'seed'")
      guard let s = UInt64(text) else {
        if text.allSatisfy({ $0.isNumber || $0 == "-" }), !text.isEmpty {
          throw ShellError.outOfRange(word: text, rule: "a seed is a whole number from 0 to 18446744073709551615")
        }
        throw ShellError.notACount(word: text, example: "init xavier seed 7")
      }
      try c.expectAtMost(3)
      seed = s
    } else if scheme != .zeros {
      c.model.initCount += 1
    }
    var rng = SplitMix64(seed: seed)
    c.model.network.initialize(scheme, rng: &rng)
    let values = c.model.network.parameters.map { "\($0.name) = \(c.format($0.value))" }
    let label = scheme == .zeros ? "init zeros" : "init \(scheme.rawValue) (seed \(seed))"
    let frozen = c.model.network.parameters.filter(\.frozen).map(\.name)
    return "\(label): " + values.joined(separator: ", ")
      + (frozen.isEmpty ? "" : "\nfrozen, so left as they were: " + frozen.joined(separator: " "))
  }

  /// Warnings about a network that works but will not teach what the learner expects.
  static func notes(_ model: Model) -> [String] {
    let net = model.network
    let outputs = net.outputs
    var notes: [String] = []
    if outputs.count == 1, net.neurons[outputs[0]].activation == .softmax {
      notes.append(
        "note: a softmax over one neuron always outputs 1 (and every gradient is 0); use sigmoid for one output")
    }
    do {
      try CompiledNetwork.validate(net, loss: model.settings.loss)
    } catch .lossNeedsActivation(let loss, let neuron, let needs) {
      notes.append(
        "note: loss \(loss.rawValue) needs \(needs.rawValue) outputs and '\(neuron)' is not; 'forward' will refuse until they match"
      )
    } catch {}
    return notes
  }

  static func reset(_ c: inout Context) throws -> String {
    try c.expectAtMost(0)
    let settings = c.model.settings
    let slope = c.model.network.leakySlope
    c.model = Model()
    c.model.settings = settings
    c.model.network.leakySlope = slope
    return
      "cleared the network, the data, the variables and functions, and the training history; settings stay ('undo' brings everything back)"
  }
}
