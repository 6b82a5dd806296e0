/// What a parameter does in the network.
public enum ParameterRole: Equatable, Sendable {
  /// A weight on the edge `from → to` (neuron indices).
  case weight(from: Int, to: Int)
  /// A bias added to the net input of every listed neuron (one for its own, several when shared).
  case bias(neurons: [Int])
}

/// A trainable number: a weight `wN` or a bias `bN`.
public struct Parameter: Equatable, Sendable {
  public var name: String
  public var role: ParameterRole
  public var value: Double
  public var frozen: Bool = false
  /// The momentum buffer `v` (0 until momentum is used).
  public var velocity: Double = 0

  public init(name: String, role: ParameterRole, value: Double, frozen: Bool = false, velocity: Double = 0) {
    self.name = name
    self.role = role
    self.value = value
    self.frozen = frozen
    self.velocity = velocity
  }

  public var isWeight: Bool {
    if case .weight = role { return true }
    return false
  }
}

/// One neuron: an input (a value given by the example) or a unit that computes
/// `out = activation(Σ w·out_prev + b)`.
public struct Neuron: Equatable, Sendable {
  public var name: String
  public var isInput: Bool
  public var activation: Activation
  /// The weights feeding this neuron (parameter indices), in creation order.
  public var incoming: [Int] = []
  /// The bias parameter, if any (it may be shared with other neurons).
  public var bias: Int?
  /// The probability that training drops this neuron's output (0: never).
  public var dropout: Double = 0

  public init(name: String, isInput: Bool, activation: Activation, incoming: [Int] = [], bias: Int? = nil) {
    self.name = name
    self.isInput = isInput
    self.activation = activation
    self.incoming = incoming
    self.bias = bias
  }
}

/// One training example: the input values and the target values.
public struct Example: Equatable, Sendable {
  public var inputs: [Double]
  public var targets: [Double]
  public init(inputs: [Double], targets: [Double]) {
    self.inputs = inputs
    self.targets = targets
  }
}
