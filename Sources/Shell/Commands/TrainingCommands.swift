import Foundation
import Network

/// train, batch, optimizer, decay.
enum TrainingCommands {
  static let xorSetup = [
    "input x1 x2", "layer h1 h2 sigmoid", "layer y sigmoid", "init xavier seed 3", "data xor",
  ]

  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "train", group: .run, synopsis: "train N [epochs|steps]",
      summary: "many cycles of forward, backward and update, with progress and a summary",
      details: """
        Trains for N epochs (or N updates with 'steps') in batches set by 'batch', reshuffling every \
        epoch with the seed. Shows progress, then the loss before and after, the accuracy for \
        classification, the test loss after 'data split', and the time. Ctrl-C stops after the \
        current update. If the loss stops being finite or explodes, training stops and the \
        parameters go back to the last good state.
        """,
      example: xorSetup + ["train 500"], complete: { $0.count == 1 ? [.keyword(["epochs", "steps"])] : [] },
      run: train),
    CommandSpec(
      name: "batch", group: .run, synopsis: "batch full|N",
      summary: "examples per update in train: full (batch), N (mini-batch), 1 (stochastic)",
      details:
        "'batch full' uses every example for each update; 'batch 8' uses 8 at a time; 'batch 1' is stochastic gradient descent.",
      example: ["batch 8"], complete: { $0.isEmpty ? [.keyword(["full", "1"])] : [] }, run: batch),
    CommandSpec(
      name: "optimizer", group: .run, synopsis: "optimizer sgd|momentum|nesterov",
      summary: "plain gradient descent, classical momentum or Nesterov momentum",
      details: """
        sgd: p ← p − R·g (classical momentum when 'momentum' is above 0). momentum: v ← M·v − R·g, \
        p ← p + v. nesterov: v ← M·v − R·g, p ← p + M·v − R·g (the form that needs only the gradient \
        at p). Choosing momentum or nesterov while 'momentum' is 0 sets it to 0.9.
        """,
      example: ["optimizer nesterov"],
      complete: { $0.isEmpty ? [.keyword(OptimizerKind.allCases.map(\.rawValue))] : [] },
      run: optimizer),
    CommandSpec(
      name: "decay", group: .run, synopsis: "decay L",
      summary: "L2 weight decay: every weight's gradient gets + L·w",
      details:
        "Weight decay pulls weights towards 0; 'update' shows it as its own term. Biases are not decayed. 0 turns it off.",
      example: ["decay 0.001"], run: decay),
  ]

  static let maxUpdates = 10_000_000

  static func batch(_ c: inout Context) throws -> String {
    let word = try c.word(0, "full or a number of examples")
    try c.expectAtMost(1)
    if word == "full" {
      c.model.settings.batchSize = nil
      return "batch = full (every example for each update)"
    }
    let n = try c.count(word, example: "batch 8")
    guard n >= 1, n <= 1_000_000 else {
      throw ShellError.outOfRange(word: word, rule: "a batch has 1 or more examples, or is 'full'")
    }
    c.model.settings.batchSize = n
    let count = c.model.examples.count
    let note =
      count > 0 && n >= count ? "; that is every one of the \(count) examples, so the same as 'batch full'" : ""
    return "batch = \(n)" + (n == 1 ? " (stochastic gradient descent)" : " (mini-batches)") + note
  }

  static func optimizer(_ c: inout Context) throws -> String {
    let word = try c.word(0, "sgd, momentum or nesterov")
    try c.expectAtMost(1)
    guard let kind = OptimizerKind(rawValue: word.lowercased()) else {
      let names = OptimizerKind.allCases.map(\.rawValue)
      throw ShellError.unknownOptimizer(word, known: names)
    }
    if c.model.settings.optimizer != kind {
      for i in c.model.network.parameters.indices { c.model.network.parameters[i].velocity = 0 }
    }
    c.model.settings.optimizer = kind
    var note = ""
    if kind != .sgd && c.model.settings.momentum == 0 {
      c.model.settings.momentum = 0.9
      note = " (momentum was 0; now 0.9)"
    }
    return "optimizer = \(kind.rawValue)\(note)"
  }

  static func decay(_ c: inout Context) throws -> String {
    let word = try c.word(0, "a value")
    try c.expectAtMost(1)
    let v = try Context.number(word)
    guard v >= 0, v < 1 else {
      throw ShellError.outOfRange(word: word, rule: "decay is at least 0 and below 1, e.g. 'decay 0.001'")
    }
    c.model.settings.decay = v
    return "decay = \(c.format(v))"
  }

  /// A description of the plan, for headers.
  static func describe(_ plan: TrainingPlan, count: Int, _ f: NumberFormat) -> String {
    let batch = plan.batchSize.map { $0 >= count ? "full" : "\($0)" } ?? "full"
    var rule = "\(plan.rule.kind.rawValue) rate \(f(plan.rule.rate))"
    if plan.rule.momentum > 0 { rule += " momentum \(f(plan.rule.momentum))" }
    if plan.rule.decay > 0 { rule += " decay \(f(plan.rule.decay))" }
    return "batch \(batch), \(rule)"
  }

  static func train(_ c: inout Context) throws -> String {
    let word = try c.word(0, "a number of epochs, e.g. 'train 100'")
    try c.expectAtMost(2)
    let n = try c.count(word, example: "train 100")
    var byUpdates = false
    if c.arguments.count == 2 {
      switch c.arguments[1] {
      case "epochs", "epoch": byUpdates = false
      case "steps", "step", "updates": byUpdates = true
      default: throw c.unexpected(c.arguments[1])
      }
    }
    let s = c.model.settings
    let exampleCount = c.model.examples.count
    try c.network { () throws(NetworkError) in try CompiledNetwork.validate(c.model.examples, for: c.model.network) }
    let plan = TrainingPlan(
      length: byUpdates ? .updates(n) : .epochs(n), batchSize: s.batchSize, rule: s.rule, reduction: s.reduction,
      seed: s.seed &+ c.model.dropoutDraw)
    let total = byUpdates ? n : n * plan.updatesPerEpoch(exampleCount)
    guard n >= 1, total <= maxUpdates else {
      let size =
        byUpdates || n < 1 ? "" : " (that would be \(total) updates: \(plan.updatesPerEpoch(exampleCount)) per epoch)"
      throw ShellError.outOfRange(
        word: word, rule: "train takes 1 or more epochs, up to \(maxUpdates) updates in all\(size)")
    }
    let f = NumberFormat(digits: min(s.precision, 6))
    let before = try c.network { () throws(NetworkError) in try c.model.runPass(backward: false, training: false) }
      .batchLoss
    c.report(
      "train \(byUpdates ? count(n, "update") : count(n, "epoch")) on \(count(exampleCount, "example")): \(describe(plan, count: exampleCount, f))"
    )
    // The bar moves every 0.5% of the run; a plain line is written every 10%.
    let every = max(1, total / 200)
    let lineEvery = max(1, total / 10)
    let started = c.clock()
    var network = c.model.network
    let result = try c.network { () throws(NetworkError) in
      try Training.run(
        &network, examples: c.model.examples, test: c.model.test, loss: s.loss, plan: plan, reportEvery: every,
        report: { p in
          let bar =
            String(repeating: "█", count: p.update * 20 / max(p.totalUpdates, 1))
            + String(repeating: "░", count: 20 - p.update * 20 / max(p.totalUpdates, 1))
          c.reportBar("\(bar) epoch \(p.epoch) update \(p.update)/\(p.totalUpdates) loss \(f(p.loss))")
          if p.update % lineEvery == 0 || p.update == p.totalUpdates {
            c.reportPeriodic("epoch \(p.epoch), update \(p.update)/\(p.totalUpdates): loss \(f(p.loss))")
          }
        }, interrupted: c.interrupted)
    }
    let seconds = c.clock() - started
    c.model.network = network
    c.model.history.append(result)
    c.model.dropoutDraw &+= 1
    let after = try c.network { () throws(NetworkError) in try c.model.runPass(backward: false, training: false) }
      .batchLoss
    var summary = [String]()
    switch result.stop {
    case .finished: break
    case .interrupted: summary.append("interrupted after \(result.updates) of \(total) updates")
    case .diverged(let update):
      summary.append(
        "stopped at update \(update): the loss stopped being a finite number or exploded; the parameters are back at the last good state. Is the rate too large? try 'rate \(f(s.rate / 10))'"
      )
    }
    var line =
      "\(count(result.updates, "update")) in \(String(format: "%.2f", seconds)) s: loss \(f(before)) → \(f(after))"
    if let accuracy = try? Accuracy.of(c.model.network, examples: c.model.examples, loss: s.loss) {
      let right = Int((accuracy * Double(exampleCount)).rounded())
      line += "; accuracy \(f(accuracy * 100))% (\(right) of \(exampleCount))"
    }
    if !c.model.test.isEmpty {
      var tester = try c.network { () throws(NetworkError) in try CompiledNetwork(c.model.network, loss: s.loss) }
      tester.load(c.model.network.parameters)
      line += "; test loss \(f(tester.batchLoss(c.model.test, reduction: s.reduction)))"
      if let accuracy = try? Accuracy.of(c.model.network, examples: c.model.test, loss: s.loss) {
        line += ", test accuracy \(f(accuracy * 100))%"
      }
    }
    summary.append(line)
    if result.updates < total {
      c.historyLabel = "train \(c.arguments.joined(separator: " ")) (stopped after \(result.updates) updates)"
    }
    return summary.joined(separator: "\n")
  }
}
