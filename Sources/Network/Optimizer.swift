/// What one gradient-descent update did to one parameter.
public struct UpdateRecord: Equatable, Sendable {
  public var parameter: Int
  public var old: Double
  public var gradient: Double
  public var velocityBefore: Double
  public var velocityAfter: Double
  public var new: Double
  /// Frozen parameters are not moved.
  public var frozen: Bool
}

/// Gradient descent with optional momentum: `v ← M·v − R·g`, `p ← p + v`.
/// With `M = 0` this is plain `p ← p − R·g`.
public enum Optimizer {
  /// Moves every unfrozen parameter and returns what happened to each.
  public static func update(
    _ parameters: inout [Parameter], gradient: [Double], rate: Double, momentum: Double
  ) -> [UpdateRecord] {
    parameters.indices.map { i in
      let before = parameters[i]
      if !before.frozen { step(&parameters[i], gradient: gradient[i], rate: rate, momentum: momentum) }
      return UpdateRecord(
        parameter: i, old: before.value, gradient: gradient[i], velocityBefore: before.velocity,
        velocityAfter: parameters[i].velocity, new: parameters[i].value, frozen: before.frozen)
    }
  }

  /// Moves every unfrozen parameter in place, allocating nothing.
  public static func updateInPlace(
    _ parameters: inout [Parameter], gradient: [Double], rate: Double, momentum: Double
  ) {
    for i in parameters.indices where !parameters[i].frozen {
      step(&parameters[i], gradient: gradient[i], rate: rate, momentum: momentum)
    }
  }

  @inline(__always)
  static func step(_ p: inout Parameter, gradient g: Double, rate: Double, momentum: Double) {
    if momentum == 0 {
      // v ← 0·v − R·g, kept so that momentum turned on later starts from the last step.
      p.velocity = -(rate * g)
      p.value -= rate * g
    } else {
      p.velocity = momentum * p.velocity - rate * g
      p.value += p.velocity
    }
  }
}
