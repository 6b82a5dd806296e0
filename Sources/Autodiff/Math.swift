import Foundation

/// Numerically careful scalar functions shared by the tape and its users.
public enum Math {
  /// The logistic function, exact for large |z| in both directions.
  public static func sigmoid(_ z: Double) -> Double {
    if z >= 0 { return 1 / (1 + Foundation.exp(-z)) }
    let e = Foundation.exp(z)
    return e / (1 + e)
  }

  /// σ'(z) = σ(z)(1 − σ(z)), computed as e/(1 + e)² with e = exp(−|z|) so the
  /// derivative keeps its relative accuracy when the sigmoid saturates.
  public static func sigmoidDerivative(_ z: Double) -> Double {
    let e = Foundation.exp(-Swift.abs(z))
    let d = 1 + e
    return e / (d * d)
  }

  /// tanh'(z) = 1 − tanh²(z), computed as 4e/(1 + e)² with e = exp(−2|z|) so it
  /// keeps its relative accuracy when tanh saturates.
  public static func tanhDerivative(_ z: Double) -> Double {
    let e = Foundation.exp(-2 * Swift.abs(z))
    let d = 1 + e
    return 4 * e / (d * d)
  }

  /// ln(1 + exp(x)) without overflow.
  public static func softplus(_ x: Double) -> Double {
    x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x))
  }
}
