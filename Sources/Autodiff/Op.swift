/// One operation on the tape. Each case is one recipe: how the node's value is
/// computed from its arguments, and the local derivative of the value with
/// respect to each argument.
public enum Op: Equatable, Sendable {
  /// A value set from outside: an input, a parameter, a target, a constant.
  case leaf
  /// The sum of all arguments.
  case sum
  /// `a - b`.
  case subtract
  /// The product of all arguments.
  case product
  /// `a / b`.
  case divide
  /// `-a`.
  case negate
  /// `a ^ b`.
  case power
  /// `c · a` for a fixed constant `c`.
  case scale(Double)
  case exp, log, sqrt, abs, sin, cos
  case tanh, sigmoid, relu, linear
  /// `a` when `a > 0`, else `slope · a`.
  case leakyRelu(slope: Double)
  /// The larger / smaller of two arguments (the derivative goes to the winner).
  case max, min
  /// `w1·x1 + w2·x2 + … (+ b)`: arguments are pairs `w, x`, then an optional bias.
  case weightedSum
  /// Component `k` of the softmax of all arguments.
  case softmax(Int)
  /// `½ (t − o)²` with arguments `o, t`.
  case halfSquaredError
  /// `(t − o)²` with arguments `o, t`.
  case squaredError
  /// Binary cross-entropy of a sigmoid applied to the logit `z`, arguments `z, t`,
  /// computed from `z` so it stays finite when the sigmoid saturates.
  case binaryCrossEntropyWithLogits
  /// `−Σ tᵢ · ln softmax(z)ᵢ`, arguments `z1…zn, t1…tn`, computed from the logits.
  case softmaxCrossEntropy
}
