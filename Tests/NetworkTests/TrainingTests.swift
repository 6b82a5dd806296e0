import Foundation
import Testing

@testable import Network

@Suite struct TrainingTests {
  @Test(arguments: Dataset.allCases)
  func dataSetsAreDeterministic(set: Dataset) {
    let a = set.examples(seed: 7)
    let b = set.examples(seed: 7)
    #expect(a == b)
    #expect(a.count == set.defaultCount)
    #expect(a.allSatisfy { $0.inputs.count == set.shape().inputs && $0.targets.count == set.shape().targets })
    if set != .xor && set != .and && set != .or { #expect(a != set.examples(seed: 8)) }
    #expect(Accuracy.isClassification(a) == set.isClassification)
  }

  @Test func csvRoundTripsAndReportsErrors() throws {
    let examples = Dataset.moons.examples(count: 10, seed: 3)
    let text = CSV.write(examples, inputNames: ["x1", "x2"], targetNames: ["y"])
    let table = try CSV.parse(text)
    #expect(table.examples == examples)
    #expect(table.inputNames == ["x1", "x2"] && table.targetNames == ["y"])
    let two = try CSV.parse("a,b,c,d\n1,2,3,4\n", targets: ["a", "c"])
    #expect(two.examples == [Example(inputs: [2, 4], targets: [1, 3])])
    let cases: [(String, CSV.Problem)] = [
      ("", CSV.Problem(line: 1, column: 1, message: "the file is empty; it needs a header row naming the columns")),
      (
        "x,y\n1,2\n3\n",
        CSV.Problem(line: 3, column: 2, message: "this row has 1 values but the header names 2 columns")
      ),
      ("x,y\n1,abc\n", CSV.Problem(line: 2, column: 2, message: "'abc' in column 'y' is not a finite number")),
      (
        "1,2\n3,4\n",
        CSV.Problem(line: 1, column: 1, message: "the first row must name the columns, but column 1 is the number 1")
      ),
      ("x,y\n", CSV.Problem(line: 1, column: 1, message: "there are no rows after the header")),
      ("x,,y\n1,2,3\n", CSV.Problem(line: 1, column: 2, message: "column 2 has no name in the header")),
      ("x,y\n1,nan\n", CSV.Problem(line: 2, column: 2, message: "'nan' in column 'y' is not a finite number")),
    ]
    for (text, problem) in cases {
      #expect(throws: problem) { try CSV.parse(text) }
    }
    #expect(throws: CSV.Problem(line: 1, column: 1, message: "there is no column named 'z'; the header names x, y")) {
      try CSV.parse("x,y\n1,2\n", targets: ["z"])
    }
  }

  /// One weight w = 2, one bias-free linear neuron, gradient g = 0.5 each step (by hand).
  static func single(_ g: Double = 0.5) -> [Parameter] {
    [Parameter(name: "w1", role: .weight(from: 0, to: 1), value: 2)]
  }

  @Test func optimisersFirstUpdatesMatchHandComputation() {
    // sgd: 2 − 0.1·0.5 = 1.95, then 1.95 − 0.05 = 1.9.
    var p = Self.single()
    _ = Optimizer.update(&p, gradient: [0.5], rule: UpdateRule(kind: .sgd, rate: 0.1))
    #expect(p[0].value == 2 - 0.1 * 0.5)
    // momentum 0.9: v1 = −0.05, p1 = 1.95; v2 = 0.9·(−0.05) − 0.05 = −0.095, p2 = 1.855.
    p = Self.single()
    let rule = UpdateRule(kind: .momentum, rate: 0.1, momentum: 0.9)
    _ = Optimizer.update(&p, gradient: [0.5], rule: rule)
    #expect(p[0].value == 1.95 && p[0].velocity == -0.05)
    _ = Optimizer.update(&p, gradient: [0.5], rule: rule)
    #expect(abs(p[0].velocity - -0.095) < 1e-15 && abs(p[0].value - 1.855) < 1e-15)
    // nesterov: v1 = −0.05, p1 = 2 + 0.9·(−0.05) − 0.05 = 1.905; v2 = −0.095, p2 = 1.905 − 0.0855 − 0.05 = 1.7695.
    p = Self.single()
    let nesterov = UpdateRule(kind: .nesterov, rate: 0.1, momentum: 0.9)
    _ = Optimizer.update(&p, gradient: [0.5], rule: nesterov)
    #expect(abs(p[0].value - 1.905) < 1e-15)
    _ = Optimizer.update(&p, gradient: [0.5], rule: nesterov)
    #expect(abs(p[0].value - 1.7695) < 1e-15)
    // weight decay 0.01 adds 0.01·2 = 0.02 to the gradient: 2 − 0.1·0.52 = 1.948; a bias is not decayed.
    p = Self.single()
    let records = Optimizer.update(&p, gradient: [0.5], rule: UpdateRule(rate: 0.1, decay: 0.01))
    #expect(abs(p[0].value - 1.948) < 1e-15)
    #expect(records[0].decayTerm == 0.02)
    var bias = [Parameter(name: "b1", role: .bias(neurons: [1]), value: 2)]
    _ = Optimizer.update(&bias, gradient: [0.5], rule: UpdateRule(rate: 0.1, decay: 0.01))
    #expect(bias[0].value == 1.95)
  }

  static func network(_ hidden: Activation = .tanh, seed: UInt64 = 1) throws -> Network {
    var net = Network()
    try net.addInputs(["x1", "x2"])
    try net.addLayer(["h1", "h2", "h3"], activation: hidden, bias: .own) { _, _ in 0 }
    try net.addLayer(["y"], activation: .sigmoid, bias: .own) { _, _ in 0 }
    var rng = SplitMix64(seed: seed)
    net.initialize(.xavier, rng: &rng)
    return net
  }

  @Test(arguments: [(nil, 1), (8, 3), (1, 20), (20, 1), (7, 3)] as [(Int?, Int)])
  func batchModesMakeTheExpectedUpdatesPerEpoch(batch: Int?, perEpoch: Int) throws {
    var net = try Self.network()
    let data = Dataset.moons.examples(count: 20, seed: 1)
    let plan = TrainingPlan(
      length: .epochs(5), batchSize: batch, rule: UpdateRule(rate: 0.1), reduction: .mean, seed: 1)
    #expect(plan.updatesPerEpoch(20) == perEpoch)
    let result = try Training.run(&net, examples: data, loss: .halfSSE, plan: plan)
    #expect(result.updates == 5 * perEpoch)
    #expect(result.losses.count == 5)
  }

  @Test func shufflingIsSeeded() throws {
    let data = Dataset.moons.examples(count: 20, seed: 1)
    func train(_ seed: UInt64) throws -> Network {
      var net = try Self.network()
      let plan = TrainingPlan(
        length: .epochs(3), batchSize: 4, rule: UpdateRule(rate: 0.1), reduction: .mean, seed: seed)
      _ = try Training.run(&net, examples: data, loss: .halfSSE, plan: plan)
      return net
    }
    #expect(try train(5) == train(5))
    #expect(try train(5) != train(6))
  }

  @Test func divergenceStopsAndKeepsFiniteParameters() throws {
    var net = Network()
    try net.addInputs(["x"])
    try net.addLayer(["y"], activation: .linear, bias: .own) { _, _ in 1 }
    let data = [Example(inputs: [3], targets: [1])]
    let plan = TrainingPlan(
      length: .epochs(10_000), batchSize: nil, rule: UpdateRule(rate: 5), reduction: .mean, seed: 1)
    let result = try Training.run(&net, examples: data, loss: .halfSSE, plan: plan)
    guard case .diverged = result.stop else {
      Issue.record("expected divergence, got \(result.stop)")
      return
    }
    #expect(result.updates < 10_000)
    #expect(net.parameters.allSatisfy { $0.value.isFinite })
  }

  /// Stopping after k updates leaves exactly the network that k updates make.
  @Test func interruptionLeavesAConsistentNetwork() throws {
    let data = Dataset.moons.examples(count: 20, seed: 1)
    let plan = TrainingPlan(length: .epochs(100), batchSize: 4, rule: UpdateRule(rate: 0.1), reduction: .mean, seed: 1)
    var stopped = try Self.network()
    var polls = 0
    let result = try Training.run(
      &stopped, examples: data, loss: .halfSSE, plan: plan,
      interrupted: {
        polls += 1
        return polls > 37
      })
    #expect(result.stop == .interrupted)
    #expect(result.updates == 37)
    var exact = try Self.network()
    var shortPlan = plan
    shortPlan.length = .updates(37)
    _ = try Training.run(&exact, examples: data, loss: .halfSSE, plan: shortPlan)
    #expect(stopped == exact)
  }

  /// XOR with a 2-2-1 sigmoid network from 'init random seed 1', rate 2, full batch: it learns,
  /// along exactly this trajectory (a change in the engine's arithmetic shows here first).
  @Test func xorTrainsAlongAKnownTrajectory() throws {
    var net = Network()
    try net.addInputs(["x1", "x2"])
    try net.addLayer(["h1", "h2"], activation: .sigmoid, bias: .own) { _, _ in 0 }
    try net.addLayer(["y"], activation: .sigmoid, bias: .own) { _, _ in 0 }
    var rng = SplitMix64(seed: 1)
    net.initialize(.random, rng: &rng)
    let data = Dataset.xor.examples()
    let plan = TrainingPlan(length: .epochs(3000), batchSize: nil, rule: UpdateRule(rate: 2), reduction: .mean, seed: 1)
    let result = try Training.run(&net, examples: data, loss: .halfSSE, plan: plan)
    let expected: [(Int, Double)] = XORTrajectory.points
    for (epoch, loss) in expected {
      // The two calculations round differently (σ(1 − σ) against e/(1 + e)²), so agree to 1e-9.
      #expect(abs(result.losses[epoch - 1] - loss) <= 1e-9 * loss, "epoch \(epoch): \(result.losses[epoch - 1])")
    }
    #expect(result.losses.last! < 0.01)
    #expect(try Accuracy.of(net, examples: data, loss: .halfSSE) == 1)
  }
}

@Suite struct DropoutTests {
  static func network() throws -> Network {
    var net = try TrainingTests.network(.tanh, seed: 4)
    for name in ["h1", "h2", "h3"] { try net.setDropout(name, 0.4) }
    return net
  }

  /// With the same masks, backprop agrees with finite differences; masks are 0 or 1/(1 − p).
  @Test func gradientsWithDropoutMatchFiniteDifferences() throws {
    let net = try Self.network()
    let data = Dataset.moons.examples(count: 8, seed: 2)
    let rows = try GradientCheck.run(net, examples: data, loss: .halfSSE, reduction: .mean, dropoutSeed: 9)
    for row in rows { #expect(row.verdict == .good || row.verdict == .fine, "\(net.parameters[row.parameter].name)") }
    let pass = try Pass.compute(
      net, examples: data, loss: .halfSSE, reduction: .mean, use: 0, backward: true, dropoutSeed: 9)
    let masks = [1, 2, 3].compactMap { pass.neurons[net.neuronIndex("h\($0)")!].mask }
    #expect(masks.count == 3)
    #expect(masks.allSatisfy { $0 == 0 || abs($0 - 1 / 0.6) < 1e-15 })
    for n in [1, 2, 3].map({ net.neuronIndex("h\($0)")! }) {
      let v = pass.neurons[n]
      #expect(v.out == v.activation! * v.mask!)
    }
  }

  /// Evaluation (no seed) uses no dropout: the same as the network without it.
  @Test func evaluationHasNoDropout() throws {
    let net = try Self.network()
    var plain = net
    for name in ["h1", "h2", "h3"] { try plain.setDropout(name, 0) }
    let data = Dataset.moons.examples(count: 8, seed: 2)
    let a = try Pass.compute(net, examples: data, loss: .halfSSE, reduction: .mean, use: 0, backward: false)
    let b = try Pass.compute(plain, examples: data, loss: .halfSSE, reduction: .mean, use: 0, backward: false)
    #expect(a.batchLoss == b.batchLoss)
    #expect(throws: NetworkError.dropoutNotHidden("y")) {
      var n = net
      try n.setDropout("y", 0.5)
    }
  }
}

/// A CSV file wider than any network is refused at once, not parsed for a minute.
@Suite struct WideCSVTests {
  @Test func aWideHeaderIsRefusedQuickly() {
    let header = (1...200_000).map { "c\($0)" }.joined(separator: ",")
    #expect(throws: CSV.Problem.self) { try CSV.parse(header + "\n") }
    let names = (1...1025).map { "c\($0)" }.joined(separator: ",")
    let row = Array(repeating: "1", count: 1025).joined(separator: ",")
    do {
      _ = try CSV.parse(names + "\n" + row + "\n")
      Issue.record("a 1025-column file was read")
    } catch {
      #expect(error.message.hasPrefix("this row has more than 1024 columns") || error.message.contains("1025 columns"))
    }
  }
}
