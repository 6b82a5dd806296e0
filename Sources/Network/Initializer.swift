import Foundation

/// A small deterministic random generator (SplitMix64), so every seed gives the same numbers
/// on every machine.
public struct SplitMix64: Equatable, Sendable {
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1), with 53 random bits.
  public mutating func uniform() -> Double { Double(next() >> 11) / 9_007_199_254_740_992 }

  /// Uniform in [a, b).
  public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * uniform() }

  /// Standard normal (Box–Muller).
  public mutating func normal() -> Double {
    let u1 = max(uniform(), 1e-300)
    let u2 = uniform()
    return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
  }
}

/// How `init` chooses starting weights. Biases always start at 0.
public enum InitScheme: String, CaseIterable, Equatable, Sendable {
  /// Uniform in [−1, 1).
  case random
  /// Glorot/Xavier uniform: U(−√(6/(fan_in+fan_out)), +√(6/(fan_in+fan_out))).
  case xavier
  /// He normal: N(0, 2/fan_in).
  case he
  /// All zero (watch the symmetry: every hidden neuron then learns the same thing).
  case zeros

  /// One weight for a connection with the given fan-in and fan-out.
  public func weight(fanIn: Int, fanOut: Int, rng: inout SplitMix64) -> Double {
    switch self {
    case .random:
      return rng.uniform(-1, 1)
    case .xavier:
      let limit = (6 / Double(max(fanIn + fanOut, 1))).squareRoot()
      return rng.uniform(-limit, limit)
    case .he:
      return rng.normal() * (2 / Double(max(fanIn, 1))).squareRoot()
    case .zeros:
      return 0
    }
  }
}

extension Network {
  /// Re-initialises every unfrozen parameter.
  public mutating func initialize(_ scheme: InitScheme, rng: inout SplitMix64) {
    let out = outgoing
    for i in parameters.indices where !parameters[i].frozen {
      switch parameters[i].role {
      case .weight(let from, let to):
        parameters[i].value = scheme.weight(
          fanIn: neurons[to].incoming.count, fanOut: max(out[from].count, 1), rng: &rng)
      case .bias:
        parameters[i].value = 0
      }
      parameters[i].velocity = 0
    }
  }
}
