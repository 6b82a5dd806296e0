import Autodiff

/// A network and its loss laid out on a tape, ready to run one example at a time.
///
/// Compile once per network shape; then `load` parameter values and `run` examples
/// as often as needed. Running allocates nothing.
public struct CompiledNetwork: Sendable {
  public private(set) var tape = Tape()
  public let loss: LossFunction
  /// Neuron indices of the inputs, the outputs, and the computing neurons in evaluation order.
  public let inputs: [Int]
  public let outputs: [Int]
  public let order: [Int]
  /// Tape nodes: per parameter, per input, per output target.
  public let parameterNodes: [Int]
  public let inputNodes: [Int]
  public let targetNodes: [Int]
  /// Tape nodes per neuron: the net input (-1 for inputs) and the output.
  public let netNodes: [Int]
  public let outNodes: [Int]
  /// Per neuron: the activation before dropout (the same as `outNodes` without dropout).
  public let activationNodes: [Int]
  /// Neurons with dropout, their mask leaves and their probabilities.
  public let dropoutNeurons: [Int]
  public let maskNodes: [Int]
  public let dropoutRates: [Double]
  /// Draws the dropout masks of every run; nil runs without dropout (evaluation).
  public var dropoutRandom: SplitMix64?
  /// One loss term per output (empty for cross-entropy, which is one fused node).
  public let termNodes: [Int]
  public let lossNode: Int

  /// Whether the loss is computed from the net inputs of the outputs (bce, cross-entropy).
  public var isFused: Bool { loss == .bce || loss == .crossEntropy }

  public init(_ network: Network, loss: LossFunction) throws(NetworkError) {
    try CompiledNetwork.validate(network, loss: loss)
    self.loss = loss
    let neurons = network.neurons
    inputs = network.inputs
    outputs = network.outputs
    order = network.evaluationOrder

    var tape = Tape()
    parameterNodes = network.parameters.map { tape.leaf($0.value) }
    var net = Array(repeating: -1, count: neurons.count)
    var out = Array(repeating: -1, count: neurons.count)
    var raw = Array(repeating: -1, count: neurons.count)
    var dropoutNeurons: [Int] = []
    var maskNodes: [Int] = []
    var inputNodes: [Int] = []
    for i in inputs {
      out[i] = tape.leaf()
      inputNodes.append(out[i])
    }
    self.inputNodes = inputNodes
    targetNodes = outputs.map { _ in tape.leaf() }
    for n in order {
      var operands: [Int] = []
      for w in neurons[n].incoming {
        guard case .weight(let from, _) = network.parameters[w].role else { continue }
        operands += [parameterNodes[w], out[from]]
      }
      if let b = neurons[n].bias { operands.append(parameterNodes[b]) }
      net[n] = tape.node(.weightedSum, operands)
      if neurons[n].activation != .softmax {
        out[n] = tape.node(neurons[n].activation.op(leakySlope: network.leakySlope), [net[n]])
        raw[n] = out[n]
        if neurons[n].dropout > 0 {
          // out = activation × mask, the mask 0 (dropped) or 1/(1 − p) (kept) on every training run.
          let mask = tape.leaf(1)
          out[n] = tape.node(.product, [raw[n], mask])
          dropoutNeurons.append(n)
          maskNodes.append(mask)
        }
      }
    }
    let outputNets = outputs.map { net[$0] }
    for (k, o) in outputs.enumerated() where neurons[o].activation == .softmax {
      out[o] = tape.node(.softmax(k), outputNets)
      raw[o] = out[o]
    }
    activationNodes = raw
    self.dropoutNeurons = dropoutNeurons
    self.maskNodes = maskNodes
    dropoutRates = dropoutNeurons.map { neurons[$0].dropout }
    var terms: [Int] = []
    switch loss {
    case .halfSSE:
      terms = zip(outputs, targetNodes).map { tape.node(.halfSquaredError, [out[$0], $1]) }
      lossNode = tape.node(.sum, terms)
    case .mse:
      terms = zip(outputs, targetNodes).map { tape.node(.squaredError, [out[$0], $1]) }
      let total = tape.node(.sum, terms)
      lossNode = tape.node(.scale(1 / Double(outputs.count)), [total])
    case .bce:
      terms = zip(outputs, targetNodes).map { tape.node(.binaryCrossEntropyWithLogits, [net[$0], $1]) }
      lossNode = tape.node(.sum, terms)
    case .crossEntropy:
      lossNode = tape.node(.softmaxCrossEntropy, outputNets + targetNodes)
    }
    termNodes = terms
    netNodes = net
    outNodes = out
    self.tape = tape
  }

  /// Copies parameter values onto the tape.
  public mutating func load(_ parameters: [Parameter]) {
    for (i, node) in parameterNodes.enumerated() { tape.values[node] = parameters[i].value }
  }

  /// Sets one example's inputs and targets, runs forward and, if asked, backward. Returns its loss.
  @discardableResult
  public mutating func run(_ example: Example, backward: Bool = true) -> Double {
    for (k, node) in inputNodes.enumerated() { tape.values[node] = example.inputs[k] }
    for (k, node) in targetNodes.enumerated() { tape.values[node] = example.targets[k] }
    drawMasks()
    tape.forward()
    if backward { tape.backward(from: lossNode) }
    return tape.values[lossNode]
  }

  /// The batch loss, and the batch gradient written into `gradient` (one entry per parameter).
  /// Throws if a loss is not finite.
  public mutating func batch(
    _ examples: [Example], reduction: Reduction, gradient: inout [Double]
  ) throws(NetworkError) -> Double {
    try accumulate(examples, count: examples.count, reduction: reduction, gradient: &gradient) { $0 }
  }

  /// The loss and gradient over the examples `order[range]`, written into `gradient`.
  public mutating func batch(
    _ examples: [Example], order: [Int], range: Range<Int>, reduction: Reduction, gradient: inout [Double]
  ) throws(NetworkError) -> Double {
    try accumulate(examples, count: range.count, reduction: reduction, gradient: &gradient) {
      order[range.lowerBound + $0]
    }
  }

  /// Runs `count` examples, the k-th being `examples[index(k)]`, summing their losses and gradients.
  @inline(__always)
  private mutating func accumulate(
    _ examples: [Example], count: Int, reduction: Reduction, gradient: inout [Double], index: (Int) -> Int
  ) throws(NetworkError) -> Double {
    for i in gradient.indices { gradient[i] = 0 }
    var total = 0.0
    for k in 0..<count {
      let n = index(k)
      let e = run(examples[n])
      guard e.isFinite else { throw .lossNotFinite(example: n) }
      total += e
      for (i, node) in parameterNodes.enumerated() { gradient[i] += tape.adjoints[node] }
    }
    if reduction == .mean, count > 0 {
      let scale = 1 / Double(count)
      for i in gradient.indices { gradient[i] *= scale }
      total *= scale
    }
    return total
  }

  /// The outputs for one example (forward only), written into `outputs`.
  public mutating func predict(_ inputs: [Double], into outputs: inout [Double]) {
    for (k, node) in inputNodes.enumerated() { tape.values[node] = inputs[k] }
    drawMasks()
    tape.forward()
    for (k, o) in self.outputs.enumerated() { outputs[k] = tape.values[outNodes[o]] }
  }

  /// The batch loss alone (no backward sweep).
  public mutating func batchLoss(_ examples: [Example], reduction: Reduction) -> Double {
    var total = 0.0
    for example in examples { total += run(example, backward: false) }
    return reduction == .mean && !examples.isEmpty ? total / Double(examples.count) : total
  }

  /// Sets every dropout mask: drawn when training, 1 when evaluating.
  private mutating func drawMasks() {
    guard !maskNodes.isEmpty else { return }
    if var random = dropoutRandom {
      for (k, node) in maskNodes.enumerated() {
        let p = dropoutRates[k]
        tape.values[node] = random.uniform() < p ? 0 : 1 / (1 - p)
      }
      dropoutRandom = random
    } else {
      for node in maskNodes { tape.values[node] = 1 }
    }
  }

  // MARK: - Checks before compiling

  public static func validate(_ network: Network, loss: LossFunction) throws(NetworkError) {
    guard !network.inputs.isEmpty else { throw .noInputs }
    let outputs = network.outputs
    guard !outputs.isEmpty else { throw .noNeurons }
    let neurons = network.neurons
    let outputSet = Set(outputs)
    for n in outputs where neurons[n].dropout > 0 { throw .dropoutNotHidden(neurons[n].name) }
    for (i, n) in neurons.enumerated() where n.activation == .softmax && !n.isInput && !outputSet.contains(i) {
      throw .softmaxNotOutput(n.name)
    }
    let softmaxCount = outputs.filter { neurons[$0].activation == .softmax }.count
    if softmaxCount > 0, softmaxCount < outputs.count,
      let other = outputs.first(where: { neurons[$0].activation != .softmax })
    {
      throw .softmaxMixed(neurons[other].name)
    }
    for o in outputs {
      if loss == .bce, neurons[o].activation != .sigmoid {
        throw .lossNeedsActivation(loss: loss, neuron: neurons[o].name, needs: .sigmoid)
      }
      if loss == .crossEntropy, neurons[o].activation != .softmax {
        throw .lossNeedsActivation(loss: loss, neuron: neurons[o].name, needs: .softmax)
      }
    }
  }

  /// Checks every example has one value per input and one target per output.
  public static func validate(_ examples: [Example], for network: Network) throws(NetworkError) {
    guard !examples.isEmpty else { throw .noExamples }
    let wantInputs = network.inputs.count
    let wantTargets = network.outputs.count
    for (i, e) in examples.enumerated() where e.inputs.count != wantInputs || e.targets.count != wantTargets {
      throw .exampleShape(
        index: i, inputs: e.inputs.count, targets: e.targets.count, wantInputs: wantInputs,
        wantTargets: wantTargets)
    }
  }
}
