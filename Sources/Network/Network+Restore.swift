extension Network {
  /// Rebuilds a network from its neurons and parameters (as read from a save file),
  /// checking that every index is in range, every name is valid, and the graph is acyclic.
  /// The neurons' `incoming` and `bias` are derived from the parameters.
  public init(
    neurons given: [Neuron], parameters: [Parameter], lastLayer: [Int], leakySlope: Double
  ) throws(NetworkError) {
    self.init()
    for n in given {
      guard Network.isValidName(n.name) else { throw .invalidName(n.name) }
      guard neuronIndex(n.name) == nil else { throw .nameTaken(n.name) }
      var neuron = Neuron(name: n.name, isInput: n.isInput, activation: n.isInput ? .linear : n.activation)
      neuron.dropout = n.isInput ? 0 : n.dropout
      neurons.append(neuron)
    }
    // Each connection once: a set, so that checking costs the same for the last weight as for the first.
    var connections = Set<[Int]>()
    for (index, p) in parameters.enumerated() {
      switch p.role {
      case .weight(let from, let to):
        guard neurons.indices.contains(from) else { throw .unknownNeuron("#\(from)") }
        guard neurons.indices.contains(to) else { throw .unknownNeuron("#\(to)") }
        guard !neurons[to].isInput else { throw .inputCannotReceive(neurons[to].name) }
        guard from != to else { throw .selfConnection(neurons[from].name) }
        guard connections.insert([from, to]).inserted else {
          throw .alreadyConnected(from: neurons[from].name, to: neurons[to].name)
        }
        neurons[to].incoming.append(index)
      case .bias(let members):
        guard !members.isEmpty else { throw .biasWithoutNeurons(p.name) }
        for m in members {
          guard neurons.indices.contains(m) else { throw .unknownNeuron("#\(m)") }
          guard !neurons[m].isInput else { throw .biasOnInput(p.name, neurons[m].name) }
          guard neurons[m].bias == nil else { throw .twoBiases(neurons[m].name) }
          neurons[m].bias = index
        }
      }
      self.parameters.append(p)
    }
    try checkSize(newNeurons: 0, newParameters: 0)
    let placed = Set(evaluationOrder)
    if let stuck = neurons.indices.first(where: { !neurons[$0].isInput && !placed.contains($0) }) {
      throw .cycle(through: neurons[stuck].name)
    }
    for n in outputs where neurons[n].dropout > 0 { throw .dropoutNotHidden(neurons[n].name) }
    self.lastLayer = lastLayer.filter { neurons.indices.contains($0) }
    self.leakySlope = leakySlope
  }
}
