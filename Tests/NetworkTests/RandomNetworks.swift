import Network

/// Small random networks of every activation and loss, for property tests.
struct RandomNetworks {
  var rng: SplitMix64

  init(seed: UInt64) { rng = SplitMix64(seed: seed) }

  mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }

  /// A network whose output layer suits `loss`, with random weights, biases and examples.
  mutating func make(loss: LossFunction, hidden: Activation) throws -> (Network, [Example]) {
    var net = Network()
    let inputCount = 1 + Int(rng.next() % 3)
    try net.addInputs((1...inputCount).map { "x\($0)" })
    var rng = self.rng
    let layers = 1 + Int(rng.next() % 2)
    for layer in 1...layers {
      let size = 1 + Int(rng.next() % 3)
      let mode = pick([BiasMode.own, .shared, .none])
      try net.addLayer((1...size).map { "h\(layer)_\($0)" }, activation: hidden, bias: mode) { _, _ in 0 }
    }
    let outputActivation: Activation
    switch loss {
    case .bce: outputActivation = .sigmoid
    case .crossEntropy: outputActivation = .softmax
    case .halfSSE, .mse: outputActivation = pick([.sigmoid, .tanh, .linear, .softmax, hidden])
    }
    let outputs = loss == .crossEntropy ? 2 + Int(rng.next() % 2) : 1 + Int(rng.next() % 2)
    try net.addLayer((1...outputs).map { "o\($0)" }, activation: outputActivation, bias: pick([.own, .shared])) {
      _, _ in
      0
    }
    // A skip connection from the first input straight to the first output, made by hand.
    try net.connect("x1", "o1", value: 0)
    net.leakySlope = 0.05
    for i in net.parameters.indices { net.parameters[i].value = rng.uniform(-1.5, 1.5) }
    let exampleCount = 1 + Int(rng.next() % 3)
    var examples: [Example] = []
    for _ in 0..<exampleCount {
      let inputs = (0..<inputCount).map { _ in rng.uniform(-2, 2) }
      var targets: [Double]
      switch loss {
      case .crossEntropy:
        let hot = Int(rng.next() % UInt64(outputs))
        targets = (0..<outputs).map { $0 == hot ? 1 : 0 }
      case .bce:
        targets = (0..<outputs).map { _ in rng.uniform(0, 1) }
      default:
        targets = (0..<outputs).map { _ in rng.uniform(-1, 1) }
      }
      examples.append(Example(inputs: inputs, targets: targets))
    }
    self.rng = rng
    return (net, examples)
  }
}
