import Foundation
import Testing

@testable import Network

/// Backprop's gradients agree with central finite differences of the forward pass alone.
/// Tolerance: |backprop − numeric| ≤ 1e-7 + 1e-5 · max(|backprop|, |numeric|), with h = 1e-6.
func agrees(_ a: Double, _ n: Double) -> Bool {
  abs(a - n) <= 1e-7 + 1e-5 * max(abs(a), abs(n))
}

func numericGradient(
  _ network: Network, _ examples: [Example], loss: LossFunction, reduction: Reduction, parameter p: Int,
  h: Double = 1e-6
) throws -> Double {
  var compiled = try CompiledNetwork(network, loss: loss)
  var shifted = network.parameters
  shifted[p].value += h
  compiled.load(shifted)
  let plus = compiled.batchLoss(examples, reduction: reduction)
  shifted[p].value -= 2 * h
  compiled.load(shifted)
  let minus = compiled.batchLoss(examples, reduction: reduction)
  return (plus - minus) / (2 * h)
}

@Suite struct GradientTests {
  static let hiddenActivations: [Activation] = [.sigmoid, .tanh, .relu, .leakyRelu, .linear]

  @Test(arguments: LossFunction.allCases, [Reduction.mean, .sum])
  func everyGradientMatchesFiniteDifferences(loss: LossFunction, reduction: Reduction) throws {
    var checked = 0
    for seed in 1...12 {
      for hidden in Self.hiddenActivations {
        var maker = RandomNetworks(seed: UInt64(seed) &* 7919 &+ UInt64(hidden.rawValue.count))
        let (net, examples) = try maker.make(loss: loss, hidden: hidden)
        let pass = try Pass.compute(
          net, examples: examples, loss: loss, reduction: reduction, use: examples.count - 1, backward: true)
        for p in net.parameters.indices {
          let numeric = try numericGradient(net, examples, loss: loss, reduction: reduction, parameter: p)
          #expect(
            agrees(pass.batchGradient[p], numeric),
            "\(loss) \(hidden) seed \(seed) \(net.parameters[p].name): \(pass.batchGradient[p]) vs \(numeric)")
          let single = try numericGradient(
            net, [examples.last!], loss: loss, reduction: .sum, parameter: p)
          #expect(agrees(pass.exampleGradient[p], single), "\(loss) \(hidden) seed \(seed) example gradient")
          checked += 1
        }
        // δ of every neuron with its own bias is that bias's gradient; ∂E/∂out of a hidden
        // neuron is the sum over its outgoing edges of δ·w.
        for n in net.evaluationOrder where !net.outputs.contains(n) {
          let sum = net.outgoing[n].reduce(0.0) { total, w in
            guard case .weight(_, let to) = net.parameters[w].role else { return total }
            return total + (pass.neurons[to].dEdnet ?? .nan) * net.parameters[w].value
          }
          #expect(agrees(pass.neurons[n].dEdout ?? .nan, sum))
          #expect(
            agrees(
              pass.neurons[n].dEdnet ?? .nan, (pass.neurons[n].dEdout ?? .nan) * (pass.neurons[n].doutdnet ?? .nan)))
        }
      }
    }
    #expect(checked > 300)
  }

  /// The gradient check reports every random network's gradients as good or fine.
  @Test(arguments: LossFunction.allCases)
  func gradientCheckAgrees(loss: LossFunction) throws {
    for seed in 1...6 {
      var maker = RandomNetworks(seed: UInt64(seed))
      let (net, examples) = try maker.make(loss: loss, hidden: .tanh)
      let rows = try GradientCheck.run(net, examples: examples, loss: loss, reduction: .mean)
      for row in rows {
        #expect(
          row.verdict == .good || row.verdict == .fine, "\(loss) seed \(seed) \(net.parameters[row.parameter].name)")
      }
    }
  }

  /// A gradient that is deliberately wrong is reported as wrong.
  @Test func gradientCheckCatchesAWrongGradient() {
    let row = GradientCheckRow(parameter: 0, analytic: 0.5, numeric: 0.25, relativeError: 0.5, nearKink: false)
    #expect(row.verdict == .wrong)
    #expect(
      GradientCheckRow(parameter: 0, analytic: 1, numeric: 1, relativeError: 1e-9, nearKink: false).verdict == .good)
  }

  /// The gradient check flags a relu whose net input sits at its kink.
  @Test func gradientCheckWarnsAtAKink() throws {
    var net = Network()
    try net.addInputs(["x"])
    try net.addLayer(["h"], activation: .relu, bias: .none) { _, _ in 0 }
    try net.addLayer(["y"], activation: .linear, bias: .none) { _, _ in 1 }
    let rows = try GradientCheck.run(
      net, examples: [Example(inputs: [1], targets: [1])], loss: .halfSSE, reduction: .mean)
    #expect(rows[0].nearKink)
    #expect(!rows[1].nearKink)
  }

  /// Nothing overflows for net inputs up to 10⁴ in size.
  @Test(arguments: [Activation.sigmoid, .tanh, .relu, .leakyRelu, .linear])
  func largeNetInputsStayFinite(activation: Activation) throws {
    for (loss, outputActivation) in [(LossFunction.halfSSE, activation), (.bce, .sigmoid), (.crossEntropy, .softmax)] {
      var net = Network()
      try net.addInputs(["x"])
      try net.addLayer(["h"], activation: activation, bias: .none) { _, _ in 1 }
      try net.addLayer(["o1", "o2"], activation: outputActivation, bias: .none) { _, _ in 0 }
      net.parameters[1].value = 1
      net.parameters[2].value = -1
      for x in [1e4, -1e4] {
        let targets = loss == .crossEntropy ? [0.0, 1.0] : [0.0, 1.0]
        let pass = try Pass.compute(
          net, examples: [Example(inputs: [x], targets: targets)], loss: loss, reduction: .mean, use: 0,
          backward: true)
        #expect(pass.loss.isFinite, "\(activation) \(loss) at \(x)")
        #expect(pass.batchGradient.allSatisfy { $0.isFinite }, "\(activation) \(loss) at \(x)")
      }
    }
  }
}

/// A check on a big network takes an even spread of parameters within its budget.
@Suite struct GradientCheckSampleTests {
  @Test func smallNetworksAreCheckedWholeAndBigOnesBySpread() {
    #expect(GradientCheck.sampleSize(parameters: 9, examples: 4) == 9)
    #expect(GradientCheck.sampleSize(parameters: 66_817, examples: 100) == 29)
    #expect(GradientCheck.sampleSize(parameters: 100_000, examples: 1_000_000) == 20)
    #expect(GradientCheck.spread(5, count: 9) == [0, 1, 2, 3, 4])
    #expect(GradientCheck.spread(10, count: 4) == [0, 2, 5, 7])
  }

  @Test func aSpreadAndAnInterruptionCheckOnlyThoseParameters() throws {
    var net = Network()
    try net.addInputs(["x1", "x2"])
    var rng = SplitMix64(seed: 3)
    try net.addLayer(["h1", "h2", "h3"], activation: .tanh, bias: .own) { _, _ in rng.uniform(-1, 1) }
    try net.addLayer(["y"], activation: .sigmoid, bias: .own) { _, _ in rng.uniform(-1, 1) }
    let data = [Example(inputs: [0.5, -1], targets: [1]), Example(inputs: [1, 2], targets: [0])]
    let all = try GradientCheck.run(net, examples: data, loss: .halfSSE, reduction: .mean)
    let some = try GradientCheck.run(net, examples: data, loss: .halfSSE, reduction: .mean, which: [1, 4, 7])
    #expect(some == [all[1], all[4], all[7]])
    var calls = 0
    let stopped = try GradientCheck.run(net, examples: data, loss: .halfSSE, reduction: .mean) {
      calls += 1
      return calls > 2
    }
    #expect(stopped == Array(all.prefix(2)))
  }
}
