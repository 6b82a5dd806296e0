/// How big the gradients are, layer by layer: the way to see vanishing and exploding gradients.
public struct LayerStatistics: Equatable, Sendable {
  /// The neurons of the layer (computing neurons at the same depth from the inputs).
  public var neurons: [Int]
  /// The norm of the batch gradient of the weights into the layer.
  public var weightGradientNorm: Double
  /// The mean of |δ| over the layer's neurons and every example.
  public var meanAbsDelta: Double

  /// Layers from the first hidden one to the output, by depth from the inputs.
  public static func compute(
    _ network: Network, examples: [Example], loss: LossFunction, reduction: Reduction
  ) throws(NetworkError) -> [LayerStatistics] {
    var compiled = try CompiledNetwork(network, loss: loss)
    try CompiledNetwork.validate(examples, for: network)
    compiled.load(network.parameters)
    var gradient = Array(repeating: 0.0, count: network.parameters.count)
    var deltaSums = Array(repeating: 0.0, count: network.neurons.count)
    for e in examples {
      compiled.run(e)
      for (i, node) in compiled.parameterNodes.enumerated() { gradient[i] += compiled.tape.adjoints[node] }
      for n in compiled.order { deltaSums[n] += abs(compiled.tape.adjoints[compiled.netNodes[n]]) }
    }
    let scale = reduction == .mean ? 1 / Double(examples.count) : 1
    return network.layers.map { members in
      var squares = 0.0
      for n in members {
        for w in network.neurons[n].incoming { squares += (gradient[w] * scale) * (gradient[w] * scale) }
      }
      let meanDelta = members.reduce(0.0) { $0 + deltaSums[$1] } / Double(members.count * examples.count)
      return LayerStatistics(neurons: members, weightGradientNorm: squares.squareRoot(), meanAbsDelta: meanDelta)
    }
  }
}
