import Network

/// forward, backward, update, step, explain, gradcheck.
enum RunCommands {
  static let mazurSetup = [
    "input i1 i2", "layer h1 h2 sigmoid bias shared", "layer o1 o2 sigmoid bias shared",
    "set w1 0.15 w2 0.2 w3 0.25 w4 0.3 b1 0.35", "set w5 0.4 w6 0.45 w7 0.5 w8 0.55 b2 0.6",
    "example 0.05 0.1 -> 0.01 0.99",
  ]

  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "forward", group: .run, synopsis: "forward",
      summary: "one forward pass: every net input and output, then the loss",
      details:
        "Shows the example in use in full: each net input as a weighted sum with the numbers, each output as activation(net), then the loss term by term. With several examples the batch loss follows.",
      example: mazurSetup + ["forward"], run: forward),
    CommandSpec(
      name: "backward", group: .run, synopsis: "backward",
      summary: "backpropagation: every partial derivative, by the chain rule",
      details:
        "Computes ∂E/∂out, ∂out/∂net and δ = ∂E/∂net for every neuron, output layer first, and ∂E/∂p for every parameter, all from the current parameters. It never moves a parameter: that is 'update'.",
      example: mazurSetup + ["backward"], run: backward),
    CommandSpec(
      name: "update", group: .run, synopsis: "update",
      summary: "one gradient-descent update: p ← p − rate × ∂E/∂p",
      details:
        "Moves every unfrozen parameter using the gradients of the last 'backward' (with momentum when set). Frozen parameters stay.",
      example: mazurSetup + ["backward", "update"], run: update),
    CommandSpec(
      name: "step", group: .run, synopsis: "step [N]",
      summary: "N cycles of forward, backward and update, briefly",
      details:
        "Runs forward, backward and update N times (default 1) on the whole batch and prints the loss before each update. Ctrl-C stops after the current step.",
      example: mazurSetup + ["step 3"], run: step),
    CommandSpec(
      name: "explain", group: .run, synopsis: "explain PARAMETER|NEURON  or  explain FUNCTION VARIABLE",
      summary: "one partial derivative, along every path from E",
      details:
        "For a parameter (w5, b1, h1->o1) derives ∂E/∂p; for a neuron derives δ = ∂E/∂net. The symbolic chain comes first, then the numbers for each path, then their sum. 'explain f x' does the same for a function f and its variable x.",
      example: mazurSetup + ["explain w1"], complete: { $0.isEmpty ? [.parameter, .computingNeuron] : [] },
      run: explain),
    CommandSpec(
      name: "gradcheck", group: .run, synopsis: "gradcheck [FUNCTION]",
      summary: "compare backprop with central finite differences",
      details:
        "For every parameter compares ∂E/∂p from backprop with (E(p + h) − E(p − h)) / 2h and reports the relative error: below 1e-7 good, above 1e-2 wrong. Warns near relu kinks. 'gradcheck f' checks a function's gradient the same way.",
      example: mazurSetup + ["gradcheck"], run: gradcheck),
  ]

  static let maxSteps = 1_000_000

  static func forward(_ c: inout Context) throws -> String {
    try c.expectAtMost(0)
    let pass = try c.network { () throws(NetworkError) in try c.model.runPass(backward: false) }
    return ForwardText.render(pass, c.model)
  }

  static func backward(_ c: inout Context) throws -> String {
    try c.expectAtMost(0)
    let pass = try c.network { () throws(NetworkError) in try c.model.runPass(backward: true) }
    return BackwardText.render(pass, c.model)
  }

  static func update(_ c: inout Context) throws -> String {
    try c.expectAtMost(0)
    guard let last = c.model.pass, last.hasGradients else { throw ShellError.noGradients }
    guard let gradient = c.model.freshGradient else { throw ShellError.staleGradients }
    let before = c.model.network
    let records = Optimizer.update(&c.model.network.parameters, gradient: gradient, rule: c.model.settings.rule)
    if let bad = records.first(where: { !$0.new.isFinite }) {
      throw ShellError.updateNotFinite(parameter: before.parameters[bad.parameter].name, value: bad.new)
    }
    c.model.dropoutDraw &+= 1
    return UpdateText.render(records, c.model, before: before)
  }

  static func step(_ c: inout Context) throws -> String {
    try c.expectAtMost(1)
    var n = 1
    if let word = c.arguments.first {
      n = try c.count(word, example: "step 10")
      guard n >= 1, n <= maxSteps else {
        throw ShellError.outOfRange(word: word, rule: "take 1 to \(maxSteps) steps at a time")
      }
    }
    let examples = c.model.examples
    let settings = c.model.settings
    var trainer = try c.network { () throws(NetworkError) in
      try CompiledNetwork.validate(examples, for: c.model.network)
      return try Trainer(c.model.network, loss: settings.loss, dropoutSeed: c.model.dropoutSeed)
    }
    let f = c.format
    var lines: [String] = []
    let shown = n <= 10 ? n : 5
    var done = 0
    var stopped: String?
    for i in 1...n {
      if c.interrupted() {
        stopped = "interrupted after \(done) of \(n) steps"
        break
      }
      do {
        let e = try trainer.step(
          &c.model.network, examples: examples, reduction: settings.reduction, rule: settings.rule)
        if i <= shown { c.report("step \(i): E = \(f(e))") }
        done = i
      } catch {
        if done == 0 { throw ShellError.network(error) }
        if case .lossNotFinite = error {
          // The last update made the loss overflow: go back to the parameters that had a finite loss.
          trainer.undoLastUpdate(&c.model.network)
          done -= 1
        }
        stopped =
          "stopped at step \(i): the loss is no longer a finite number, so the parameters are back where they were after step \(done), the last with a finite loss; is the rate too large? try 'rate 0.1'"
        break
      }
    }
    if n > shown && done > shown { lines.append("…") }
    if let stopped { lines.append(stopped) }
    if done < n { c.historyLabel = "step \(n) (stopped after \(done))" }
    c.model.dropoutDraw &+= 1
    let pass = try c.network { () throws(NetworkError) in try c.model.runPass(backward: false, training: false) }
    lines.append("after \(done) step\(done == 1 ? "" : "s"): E = \(f(pass.batchLoss))")
    return lines.joined(separator: "\n")
  }

  /// A fresh pass with gradients, computing one if needed.
  static func gradients(_ c: inout Context) throws -> Pass {
    if let pass = c.model.freshPass, pass.hasGradients { return pass }
    return try c.network { () throws(NetworkError) in try c.model.runPass(backward: true) }
  }

  static func explain(_ c: inout Context) throws -> String {
    let name = try c.word(0, "a parameter (w5, b1) or a neuron (h1)")
    if c.model.workspace.definition(name) != nil {
      let variable = try c.word(1, "a variable after '\(name)', e.g. 'explain \(name) x'")
      try c.expectAtMost(2)
      return try FunctionCommands.explain(&c, function: name, variable: variable)
    }
    try c.expectAtMost(1)
    let net = c.model.network
    let fused = c.model.settings.loss == .bce || c.model.settings.loss == .crossEntropy
    if let p = net.parameterIndex(name) {
      let pass = try gradients(&c)
      let e = Explanation.parameter(p, in: net, pass: pass, fused: fused)
      return ExplainText.render(e, target: "∂E/∂\(net.parameters[p].name)", c.model, pass)
    }
    if let n = net.neuronIndex(name) {
      guard !net.neurons[n].isInput else {
        throw ShellError.outOfRange(word: name, rule: "an input has no δ; explain a neuron or a parameter instead")
      }
      let pass = try gradients(&c)
      let e = Explanation.delta(n, in: net, pass: pass, fused: fused)
      return ExplainText.render(e, target: "δ_\(name) = ∂E/∂net_\(name)", c.model, pass)
    }
    throw ShellError.unknownParameter(name, known: net.parameters.map(\.name) + net.neurons.map(\.name))
  }

  static func gradcheck(_ c: inout Context) throws -> String {
    if let name = c.arguments.first {
      try c.expectAtMost(1)
      guard c.model.workspace.definition(name) != nil else {
        throw ShellError.unknownFunction(name, known: c.model.workspace.definitions.map(\.name))
      }
      return try FunctionCommands.gradcheck(&c, function: name)
    }
    let s = c.model.settings
    let total = c.model.network.parameters.count
    let which = GradientCheck.spread(
      total, count: GradientCheck.sampleSize(parameters: total, examples: c.model.examples.count))
    let interrupted = c.interrupted
    let rows = try c.network { () throws(NetworkError) in
      try GradientCheck.run(
        c.model.network, examples: c.model.examples, loss: s.loss, reduction: s.reduction,
        dropoutSeed: c.model.dropoutSeed, which: which, interrupted: interrupted)
    }
    var notes: [String] = []
    if which.count < total {
      notes.append(
        "checking \(which.count) of the \(total) parameters, evenly spread (each takes two passes over every example)")
    }
    if rows.count < which.count { notes.append("interrupted after \(rows.count) of \(which.count) parameters") }
    return (notes + [GradientCheckText.render(rows, c.model, step: GradientCheck.defaultStep)]).joined(separator: "\n")
  }
}
