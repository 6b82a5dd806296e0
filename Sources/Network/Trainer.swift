/// Repeated full-batch gradient descent on a compiled network, allocating nothing per step.
public struct Trainer: Sendable {
  public private(set) var compiled: CompiledNetwork
  private var gradient: [Double]
  private var saved: [Double]
  private var savedVelocity: [Double]

  /// Training draws dropout masks from this seed (no effect without dropout).
  public init(_ network: Network, loss: LossFunction, dropoutSeed: UInt64 = 1) throws(NetworkError) {
    compiled = try CompiledNetwork(network, loss: loss)
    if !compiled.maskNodes.isEmpty { compiled.dropoutRandom = SplitMix64(seed: dropoutSeed) }
    gradient = Array(repeating: 0, count: network.parameters.count)
    saved = gradient
    savedVelocity = gradient
  }

  /// One forward + backward over every example, then one update.
  /// Returns the batch loss before the update. If the loss or any new parameter
  /// is not finite, throws and leaves `network` as it was.
  @discardableResult
  public mutating func step(
    _ network: inout Network, examples: [Example], reduction: Reduction, rate: Double, momentum: Double
  ) throws(NetworkError) -> Double {
    try step(&network, examples: examples, reduction: reduction, rule: UpdateRule(rate: rate, momentum: momentum))
  }

  /// One update from the whole batch.
  @discardableResult
  public mutating func step(
    _ network: inout Network, examples: [Example], reduction: Reduction, rule: UpdateRule
  ) throws(NetworkError) -> Double {
    compiled.load(network.parameters)
    let loss = try compiled.batch(examples, reduction: reduction, gradient: &gradient)
    try apply(&network, rule: rule)
    return loss
  }

  /// One update from the examples `order[range]` (a mini-batch).
  @discardableResult
  public mutating func step(
    _ network: inout Network, examples: [Example], order: [Int], range: Range<Int>, reduction: Reduction,
    rule: UpdateRule
  ) throws(NetworkError) -> Double {
    compiled.load(network.parameters)
    let loss = try compiled.batch(examples, order: order, range: range, reduction: reduction, gradient: &gradient)
    try apply(&network, rule: rule)
    return loss
  }

  private mutating func apply(_ network: inout Network, rule: UpdateRule) throws(NetworkError) {
    for i in network.parameters.indices {
      saved[i] = network.parameters[i].value
      savedVelocity[i] = network.parameters[i].velocity
    }
    Optimizer.updateInPlace(&network.parameters, gradient: gradient, rule: rule)
    for i in network.parameters.indices where !network.parameters[i].value.isFinite {
      for j in network.parameters.indices {
        network.parameters[j].value = saved[j]
        network.parameters[j].velocity = savedVelocity[j]
      }
      throw .parameterNotFinite(network.parameters[i].name)
    }
  }

  /// Puts back the parameters as they were before the last successful update
  /// (after a step failed because the loss overflowed).
  public func undoLastUpdate(_ network: inout Network) {
    for i in network.parameters.indices {
      network.parameters[i].value = saved[i]
      network.parameters[i].velocity = savedVelocity[i]
    }
  }

  /// The batch loss for the current parameters.
  public mutating func loss(_ network: Network, examples: [Example], reduction: Reduction) -> Double {
    compiled.load(network.parameters)
    let random = compiled.dropoutRandom
    compiled.dropoutRandom = nil
    defer { compiled.dropoutRandom = random }
    return compiled.batchLoss(examples, reduction: reduction)
  }
}
