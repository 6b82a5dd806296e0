import Network

/// loss, rate, momentum, precision, alpha.
enum SettingCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "loss", group: .run, synopsis: "loss half_sse|mse|cross_entropy|bce [sum|mean]",
      summary: "choose the loss and how examples combine",
      details: """
        half_sse: E = Σ ½(t − o)² over the outputs. mse: the mean over outputs of (t − o)². \
        cross_entropy: −Σ t·ln o, with softmax outputs (computed together from the net inputs). \
        bce: binary cross-entropy on sigmoid outputs. 'sum' or 'mean' says how the losses of \
        several examples combine: mean at the start, and it stays as chosen until changed.
        """,
      example: ["loss cross_entropy", "loss half_sse sum"],
      complete: { $0.isEmpty ? [.loss] : ($0.count == 1 ? [.keyword(["sum", "mean"])] : []) },
      run: loss),
    CommandSpec(
      name: "rate", group: .run, synopsis: "rate R",
      summary: "the learning rate used by update",
      details: "update moves each parameter by −rate × ∂E/∂p. The default is 0.5.",
      example: ["rate 0.1"], run: rate),
    CommandSpec(
      name: "momentum", group: .run, synopsis: "momentum M",
      summary: "momentum for update: v ← M·v − R·g, p ← p + v",
      details:
        "0 (the default) is plain gradient descent. M must be at least 0 and below 1. Each parameter keeps its own v ('show weights' lists it); 'set' and 'init' clear it.",
      example: ["momentum 0.9"], run: momentum),
    CommandSpec(
      name: "alpha", group: .run, synopsis: "alpha A",
      summary: "the slope of leaky_relu below 0 (default 0.01)",
      details: "leaky_relu(net) is net for net > 0 and alpha × net otherwise.",
      example: ["alpha 0.1"], run: alpha),
    CommandSpec(
      name: "present", group: .inspect, synopsis: "present on|off",
      summary: "presenter mode for a projector: 4 digits, more space, one step a screen",
      details: """
        Presenter mode rounds numbers to 4 significant digits (a later 'precision N' still wins), \
        leaves a blank line after every reply, draws each lesson step on a fresh screen and \
        highlights each line's result. 'present off' goes back to the digits you had.
        """,
      example: ["present on", "present off"], complete: { $0.isEmpty ? [.keyword(["on", "off"])] : [] },
      run: present),
    CommandSpec(
      name: "precision", group: .inspect, synopsis: "precision N",
      summary: "significant digits printed (default 9)",
      details: "Numbers are computed in double precision; this only changes how many digits are shown (1 to 17).",
      example: ["precision 4"], run: precision),
  ]

  static func loss(_ c: inout Context) throws -> String {
    let word = try c.word(0, "a loss: half_sse, mse, cross_entropy or bce")
    guard let loss = LossFunction(rawValue: word.lowercased()) else { throw ShellError.unknownLoss(word) }
    try c.expectAtMost(2)
    if c.arguments.count == 2 {
      guard let r = Reduction(rawValue: c.arguments[1].lowercased()) else { throw c.unexpected(c.arguments[1]) }
      c.model.settings.reduction = r
    }
    c.model.settings.loss = loss
    return
      ([
        "loss = \(loss.rawValue), \(c.model.settings.reduction.rawValue) over examples"
      ] + BuildCommands.notes(c.model)).joined(separator: "\n")
  }

  static func setting(
    _ c: inout Context, _ name: String, check: (Double) -> String?, apply: (inout Model, Double) -> Void
  ) throws -> String {
    let word = try c.word(0, "a value")
    try c.expectAtMost(1)
    let value = try Context.number(word)
    if let rule = check(value) { throw ShellError.outOfRange(word: word, rule: rule) }
    apply(&c.model, value)
    return "\(name) = \(c.format(value))"
  }

  static func rate(_ c: inout Context) throws -> String {
    try setting(
      &c, "rate", check: { $0 > 0 ? nil : "the rate must be above 0, e.g. 'rate 0.5'" },
      apply: { $0.settings.rate = $1 })
  }

  static func momentum(_ c: inout Context) throws -> String {
    try setting(
      &c, "momentum",
      check: { $0 >= 0 && $0 < 1 ? nil : "momentum must be at least 0 and below 1, e.g. 'momentum 0.9'" },
      apply: { model, m in
        if model.settings.momentum != m {
          for i in model.network.parameters.indices { model.network.parameters[i].velocity = 0 }
        }
        model.settings.momentum = m
      })
  }

  static func alpha(_ c: inout Context) throws -> String {
    try setting(
      &c, "alpha", check: { $0 >= 0 && $0 < 1 ? nil : "alpha must be at least 0 and below 1, e.g. 'alpha 0.01'" },
      apply: { $0.network.leakySlope = $1 })
  }

  static func present(_ c: inout Context) throws -> String {
    let word = try c.word(0, "on or off")
    try c.expectAtMost(1)
    switch word {
    case "on":
      guard !c.model.settings.present else { return "presenter mode is on already" }
      c.model.settings.present = true
      c.model.settings.precisionBeforePresent = c.model.settings.precision
      c.model.settings.precision = 4
      return "presenter mode on: 4 significant digits, more space, one step a screen ('present off' ends it)"
    case "off":
      guard c.model.settings.present else { return "presenter mode is off already" }
      c.model.settings.present = false
      c.model.settings.precision = c.model.settings.precisionBeforePresent ?? c.model.settings.precision
      c.model.settings.precisionBeforePresent = nil
      return "presenter mode off: \(c.model.settings.precision) significant digits"
    default:
      throw c.unexpected(word)
    }
  }

  static func precision(_ c: inout Context) throws -> String {
    let word = try c.word(0, "a number of digits")
    try c.expectAtMost(1)
    guard let n = Int(word), (1...17).contains(n) else {
      throw ShellError.outOfRange(word: word, rule: "precision is 1 to 17 significant digits, e.g. 'precision 6'")
    }
    c.model.settings.precision = n
    return "precision = \(n) significant digits"
  }
}
