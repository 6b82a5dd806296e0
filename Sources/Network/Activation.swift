import Autodiff

/// What a neuron applies to its net input.
public enum Activation: String, CaseIterable, Equatable, Sendable, Codable {
  case sigmoid, tanh, relu
  case leakyRelu = "leaky_relu"
  case linear, softmax

  /// Whether the derivative has a kink at 0 (finite differences are unreliable there).
  public var hasKink: Bool { self == .relu || self == .leakyRelu }

  /// The tape operation for every activation but softmax, which needs the whole layer.
  func op(leakySlope: Double) -> Op {
    switch self {
    case .sigmoid: .sigmoid
    case .tanh: .tanh
    case .relu: .relu
    case .leakyRelu: .leakyRelu(slope: leakySlope)
    case .linear: .linear
    case .softmax: preconditionFailure("softmax is compiled per layer")
    }
  }
}

/// How the loss of one example is computed from the outputs and targets.
public enum LossFunction: String, CaseIterable, Equatable, Sendable, Codable {
  case halfSSE = "half_sse"
  case mse
  case crossEntropy = "cross_entropy"
  case bce
}

/// How the losses of several examples combine into the batch loss.
public enum Reduction: String, CaseIterable, Equatable, Sendable, Codable {
  case sum, mean
}
