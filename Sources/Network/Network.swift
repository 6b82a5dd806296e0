import Foundation

/// How a new layer or neuron gets its bias.
public enum BiasMode: String, CaseIterable, Equatable, Sendable {
  /// One bias for each neuron (the default).
  case own
  /// One bias for the whole layer.
  case shared
  /// No bias at all.
  case none
}

/// A small neural network: neurons in creation order and their named parameters.
///
/// Weights are numbered `w1, w2, …` and biases `b1, b2, …` in creation order. A
/// layer numbers its weights per receiving neuron, then per sending neuron.
public struct Network: Equatable, Sendable {
  public internal(set) var neurons: [Neuron] = []
  public var parameters: [Parameter] = []
  /// The most recent layer: the one a new `layer` is fully connected from.
  public internal(set) var lastLayer: [Int] = []
  /// The slope of `leaky_relu` for negative net inputs.
  public var leakySlope: Double = 0.01

  public static let maxNeurons = 256
  public static let maxParameters = 10_000

  public init() {}

  // MARK: - Looking things up

  public func neuronIndex(_ name: String) -> Int? {
    neurons.firstIndex { $0.name == name }
  }

  /// A parameter by its name (`w5`, `b1`) or by its edge (`h1->o1`).
  public func parameterIndex(_ name: String) -> Int? {
    if let i = parameters.firstIndex(where: { $0.name == name }) { return i }
    for arrow in ["->", "→"] {
      let parts = name.components(separatedBy: arrow)
      guard parts.count == 2, let from = neuronIndex(parts[0]), let to = neuronIndex(parts[1]) else {
        continue
      }
      return weightIndex(from: from, to: to)
    }
    return nil
  }

  public func weightIndex(from: Int, to: Int) -> Int? {
    neurons[to].incoming.first { parameters[$0].role == .weight(from: from, to: to) }
  }

  public var inputs: [Int] { neurons.indices.filter { neurons[$0].isInput } }

  /// Neurons that feed no other neuron (the input layer excluded), in creation order.
  public var outputs: [Int] {
    var feeds = Array(repeating: false, count: neurons.count)
    for p in parameters {
      if case .weight(let from, _) = p.role { feeds[from] = true }
    }
    return neurons.indices.filter { !neurons[$0].isInput && !feeds[$0] }
  }

  /// For every neuron, the weights on its outgoing edges (parameter indices), in creation order.
  public var outgoing: [[Int]] {
    var result = Array(repeating: [Int](), count: neurons.count)
    for (index, p) in parameters.enumerated() {
      if case .weight(let from, _) = p.role { result[from].append(index) }
    }
    return result
  }

  /// The computing neurons in an order where every neuron comes after the ones feeding it
  /// (creation order where the graph allows).
  public var evaluationOrder: [Int] {
    var waiting = Array(repeating: 0, count: neurons.count)
    for p in parameters {
      if case .weight(let from, let to) = p.role, !neurons[from].isInput { waiting[to] += 1 }
    }
    var placed = neurons.map(\.isInput)
    var order: [Int] = []
    let out = outgoing
    while let next = neurons.indices.first(where: { !placed[$0] && waiting[$0] == 0 }) {
      placed[next] = true
      order.append(next)
      for w in out[next] {
        if case .weight(_, let to) = parameters[w].role { waiting[to] -= 1 }
      }
    }
    return order
  }

  /// Each neuron's depth: 0 for inputs, else 1 + the deepest neuron feeding it. Neurons of
  /// one depth form a layer.
  public var depths: [Int] {
    var depth = Array(repeating: 0, count: neurons.count)
    for n in evaluationOrder {
      var deepest = 0
      for w in neurons[n].incoming {
        if case .weight(let from, _) = parameters[w].role { deepest = max(deepest, depth[from]) }
      }
      depth[n] = deepest + 1
    }
    return depth
  }

  /// The computing neurons grouped by depth, shallowest first (creation order within a layer).
  public var layers: [[Int]] {
    let depth = depths
    let order = evaluationOrder
    return Set(order.map { depth[$0] }).sorted().map { d in order.filter { depth[$0] == d }.sorted() }
  }

  // MARK: - Building

  /// Declares input neurons.
  public mutating func addInputs(_ names: [String]) throws(NetworkError) {
    try checkNewNames(names)
    let first = neurons.count
    for name in names {
      neurons.append(Neuron(name: name, isInput: true, activation: .linear))
    }
    // Before any layer exists, the next layer is fed by every input.
    lastLayer = neurons.allSatisfy(\.isInput) ? inputs : lastLayer
    _ = first
  }

  /// Adds a layer fully connected from the previous layer; `initial` gives each new weight's value.
  public mutating func addLayer(
    _ names: [String], activation: Activation, bias: BiasMode, initial: (Int, Int) -> Double
  ) throws(NetworkError) {
    guard !lastLayer.isEmpty else { throw .noInputs }
    try checkSize(newNeurons: names.count, newParameters: names.count * (lastLayer.count + 1))
    try checkNewNames(names)
    let sources = lastLayer
    let first = neurons.count
    for name in names {
      neurons.append(Neuron(name: name, isInput: false, activation: activation))
    }
    let layer = Array(first..<neurons.count)
    var number = weightCount
    for to in layer {
      for from in sources {
        number += 1
        addWeight(from: from, to: to, number: number, value: initial(sources.count, layer.count))
      }
    }
    addBiases(to: layer, mode: bias)
    lastLayer = layer
  }

  /// Adds one unconnected neuron, for graphs built by hand with `connect`.
  public mutating func addNeuron(_ name: String, activation: Activation, bias: BiasMode) throws(NetworkError) {
    try checkNewNames([name])
    try checkSize(newNeurons: 1, newParameters: 1)
    neurons.append(Neuron(name: name, isInput: false, activation: activation))
    addBiases(to: [neurons.count - 1], mode: bias)
  }

  /// Adds the weight `from → to`. Returns its parameter index.
  @discardableResult
  public mutating func connect(_ fromName: String, _ toName: String, value: Double) throws(NetworkError) -> Int {
    guard let from = neuronIndex(fromName) else { throw .unknownNeuron(fromName) }
    guard let to = neuronIndex(toName) else { throw .unknownNeuron(toName) }
    guard !neurons[to].isInput else { throw .inputCannotReceive(toName) }
    guard from != to else { throw .selfConnection(fromName) }
    guard weightIndex(from: from, to: to) == nil else { throw .alreadyConnected(from: fromName, to: toName) }
    guard !reaches(from: to, target: from) else { throw .wouldMakeCycle(from: fromName, to: toName) }
    try checkSize(newNeurons: 0, newParameters: 1)
    return addWeight(from: from, to: to, number: weightCount + 1, value: value)
  }

  /// Sets the dropout probability of a computing neuron that is not an output.
  public mutating func setDropout(_ name: String, _ p: Double) throws(NetworkError) {
    guard let i = neuronIndex(name) else { throw .unknownNeuron(name) }
    guard !neurons[i].isInput, !outputs.contains(i) else { throw .dropoutNotHidden(name) }
    neurons[i].dropout = p
  }

  public mutating func setActivation(_ name: String, _ activation: Activation) throws(NetworkError) {
    guard let i = neuronIndex(name) else { throw .unknownNeuron(name) }
    guard !neurons[i].isInput else { throw .inputHasNoActivation(name) }
    neurons[i].activation = activation
  }

  // MARK: - Helpers

  /// The number of weights so far (counted without copying the parameters).
  private var weightCount: Int {
    parameters.reduce(0) { $1.isWeight ? $0 + 1 : $0 }
  }

  /// Adds the weight `w<number>` from → to. Its number is passed in, so that a layer counts
  /// the weights before it once rather than once per new weight.
  @discardableResult
  private mutating func addWeight(from: Int, to: Int, number: Int, value: Double) -> Int {
    parameters.append(Parameter(name: "w\(number)", role: .weight(from: from, to: to), value: value))
    neurons[to].incoming.append(parameters.count - 1)
    return parameters.count - 1
  }

  private mutating func addBiases(to layer: [Int], mode: BiasMode) {
    var number = parameters.count - weightCount
    func next() -> String {
      number += 1
      return "b\(number)"
    }
    switch mode {
    case .none:
      return
    case .shared:
      parameters.append(Parameter(name: next(), role: .bias(neurons: layer), value: 0))
      for n in layer { neurons[n].bias = parameters.count - 1 }
    case .own:
      for n in layer {
        parameters.append(Parameter(name: next(), role: .bias(neurons: [n]), value: 0))
        neurons[n].bias = parameters.count - 1
      }
    }
  }

  private func reaches(from start: Int, target: Int) -> Bool {
    let out = outgoing
    var stack = [start]
    var seen = Set<Int>()
    while let n = stack.popLast() {
      if n == target { return true }
      guard seen.insert(n).inserted else { continue }
      for w in out[n] {
        if case .weight(_, let to) = parameters[w].role { stack.append(to) }
      }
    }
    return false
  }

  private func checkNewNames(_ names: [String]) throws(NetworkError) {
    var seen = Set<String>()
    for name in names {
      guard Network.isValidName(name) else { throw .invalidName(name) }
      guard neuronIndex(name) == nil else { throw .nameTaken(name) }
      guard seen.insert(name).inserted else { throw .duplicateName(name) }
    }
    try checkSize(newNeurons: names.count, newParameters: 0)
  }

  func checkSize(newNeurons: Int, newParameters: Int) throws(NetworkError) {
    let n = neurons.count + newNeurons
    let p = parameters.count + newParameters
    if n > Network.maxNeurons || p > Network.maxParameters { throw .tooLarge(neurons: n, parameters: p) }
  }

  /// A neuron name: a letter, then letters, digits or `_`; not a parameter name like `w3` or `b1`.
  public static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 32,
      first.properties.isAlphabetic, first.isASCII
    else { return false }
    guard
      name.unicodeScalars.allSatisfy({
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
      })
    else { return false }
    if isParameterStyleName(name) { return false }
    return true
  }

  /// `w` or `b` followed by digits: reserved for parameters.
  public static func isParameterStyleName(_ name: String) -> Bool {
    guard let first = name.first, first == "w" || first == "b", name.count > 1 else { return false }
    return name.dropFirst().allSatisfy(\.isASCII) && name.dropFirst().allSatisfy(\.isNumber)
  }
}
