import Foundation

/// The values one neuron had in a pass over one example. `nil` means "not computed"
/// (an input has no net input; a forward pass has no derivatives).
public struct NeuronValues: Equatable, Sendable {
  public var net: Double?
  public var out: Double
  /// ∂E/∂out (for a fused loss on an output, derived from δ; `nil` where it is infinite).
  public var dEdout: Double?
  /// ∂out/∂net, the activation's derivative at `net` (`nil` for softmax, which has a Jacobian).
  public var doutdnet: Double?
  /// δ = ∂E/∂net.
  public var dEdnet: Double?
  /// With dropout: the mask this pass used (0 dropped, 1/(1 − p) kept), and the activation before it.
  public var mask: Double?
  public var activation: Double?
  /// With dropout: the activation's own derivative at `net`, before the mask.
  public var activationSlope: Double?
}

/// Everything one forward (and optionally backward) pass computed: the example in
/// use in full, and the totals over every example.
public struct Pass: Equatable, Sendable {
  /// The example shown in full (0-based).
  public var example: Int
  public var neurons: [NeuronValues]
  /// Loss terms of the example in use, one per output.
  public var terms: [Double]
  /// The loss of the example in use.
  public var loss: Double
  /// Whether backward ran (derivatives are filled in).
  public var hasGradients: Bool
  /// ∂E/∂p for the example in use, per parameter (empty after forward alone).
  public var exampleGradient: [Double]
  /// ∂out_j/∂net_i over the outputs, `[j][i]`, when the outputs are softmax.
  public var softmaxJacobian: [[Double]]
  /// The loss of every example, and their combination.
  public var exampleLosses: [Double]
  public var batchLoss: Double
  /// ∂E/∂p per example (rows) and parameter (columns), after backward.
  public var gradients: [[Double]]
  /// The batch gradient (sum or mean of the rows), after backward.
  public var batchGradient: [Double]
  public var reduction: Reduction

  /// Runs every example forward (and backward if asked) and records the example `use` in full.
  public static func compute(
    _ network: Network, examples: [Example], loss: LossFunction, reduction: Reduction,
    use: Int, backward: Bool, dropoutSeed: UInt64? = nil
  ) throws(NetworkError) -> Pass {
    var compiled = try CompiledNetwork(network, loss: loss)
    try CompiledNetwork.validate(examples, for: network)
    compiled.load(network.parameters)
    if let dropoutSeed, !compiled.maskNodes.isEmpty { compiled.dropoutRandom = SplitMix64(seed: dropoutSeed) }
    let use = min(max(use, 0), examples.count - 1)

    var exampleLosses: [Double] = []
    var gradients: [[Double]] = []
    var detail: Pass?
    for (index, example) in examples.enumerated() {
      let e = compiled.run(example, backward: backward)
      for n in compiled.order {
        let v = compiled.tape.values[compiled.outNodes[n]]
        let z = compiled.tape.values[compiled.netNodes[n]]
        if !v.isFinite || !z.isFinite { throw .notFinite(neuron: network.neurons[n].name, example: index) }
      }
      guard e.isFinite else { throw .lossNotFinite(example: index) }
      exampleLosses.append(e)
      if backward { gradients.append(compiled.parameterNodes.map { compiled.tape.adjoints[$0] }) }
      if index == use {
        detail = record(compiled, network: network, example: example, index: index, backward: backward)
      }
    }
    guard var pass = detail else { throw .noExamples }
    let scale = reduction == .mean ? 1 / Double(examples.count) : 1
    pass.exampleLosses = exampleLosses
    pass.batchLoss = exampleLosses.reduce(0, +) * scale
    pass.gradients = gradients
    pass.reduction = reduction
    if backward {
      pass.batchGradient = network.parameters.indices.map { p in gradients.reduce(0) { $0 + $1[p] } * scale }
    }
    return pass
  }

  private static func record(
    _ compiled: CompiledNetwork, network: Network, example: Example, index: Int, backward: Bool
  ) -> Pass {
    let tape = compiled.tape
    let neurons = network.neurons
    var values = neurons.indices.map { n in
      NeuronValues(
        net: compiled.netNodes[n] < 0 ? nil : tape.values[compiled.netNodes[n]],
        out: tape.values[compiled.outNodes[n]])
    }
    let outputs = compiled.outputs
    for (k, n) in compiled.dropoutNeurons.enumerated() {
      values[n].mask = tape.values[compiled.maskNodes[k]]
      values[n].activation = tape.values[compiled.activationNodes[n]]
      if backward { values[n].activationSlope = tape.localDerivative(of: compiled.activationNodes[n], argument: 0) }
    }
    var jacobian: [[Double]] = []
    if backward {
      for n in compiled.order {
        let outNode = compiled.outNodes[n]
        values[n].dEdnet = tape.adjoints[compiled.netNodes[n]]
        values[n].dEdout = tape.adjoints[outNode]
        if neurons[n].activation != .softmax {
          let rawNode = compiled.activationNodes[n]
          // With dropout, out = activation × mask, so ∂out/∂net = mask × activation'(net).
          values[n].doutdnet =
            rawNode == outNode
            ? tape.localDerivative(of: outNode, argument: 0)
            : tape.localDerivative(of: outNode, argument: 0) * tape.localDerivative(of: rawNode, argument: 0)
        }
      }
      if neurons[outputs[0]].activation == .softmax {
        jacobian = outputs.map { j in
          outputs.indices.map { i in tape.localDerivative(of: compiled.outNodes[j], argument: i) }
        }
      }
      if compiled.isFused {
        // The loss is computed from the logits; ∂E/∂out is shown for reference.
        for (k, o) in outputs.enumerated() {
          let out = values[o].out
          let t = example.targets[k]
          let d: Double = compiled.loss == .bce ? (out - t) / (out * (1 - out)) : -t / out
          values[o].dEdout = d.isFinite ? d : nil
        }
      }
    }
    var terms = compiled.termNodes.map { tape.values[$0] }
    if compiled.loss == .crossEntropy {
      let nets = outputs.map { values[$0].net ?? 0 }
      let m = nets.max() ?? 0
      let lse = m + Foundation.log(nets.reduce(0) { $0 + Foundation.exp($1 - m) })
      terms = nets.indices.map { k in example.targets[k] == 0 ? 0 : example.targets[k] * (lse - nets[k]) }
    }
    return Pass(
      example: index, neurons: values, terms: terms, loss: tape.values[compiled.lossNode],
      hasGradients: backward,
      exampleGradient: backward ? compiled.parameterNodes.map { tape.adjoints[$0] } : [],
      softmaxJacobian: jacobian, exampleLosses: [], batchLoss: 0, gradients: [], batchGradient: [],
      reduction: .mean)
  }
}
