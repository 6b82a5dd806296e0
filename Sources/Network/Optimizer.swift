/// What one gradient-descent update did to one parameter.
public struct UpdateRecord: Equatable, Sendable {
  public var parameter: Int
  public var old: Double
  public var gradient: Double
  /// The weight-decay term λ·p added to the gradient (0 for biases and without decay).
  public var decayTerm: Double
  public var velocityBefore: Double
  public var velocityAfter: Double
  public var new: Double
  /// Frozen parameters are not moved.
  public var frozen: Bool
}

/// How gradient descent moves parameters.
public enum OptimizerKind: String, CaseIterable, Equatable, Sendable {
  /// p ← p − R·g, or classical momentum when M > 0.
  case sgd
  /// Classical momentum: v ← M·v − R·g, p ← p + v.
  case momentum
  /// Nesterov momentum, in the form that needs only the gradient at p:
  /// v ← M·v − R·g, p ← p + M·v − R·g.
  case nesterov
}

/// The settings of one update.
public struct UpdateRule: Equatable, Sendable {
  public var kind: OptimizerKind = .sgd
  public var rate: Double = 0.5
  public var momentum: Double = 0
  /// L2 weight decay λ: the gradient of every weight (not bias) gets + λ·w.
  public var decay: Double = 0

  public init(kind: OptimizerKind = .sgd, rate: Double = 0.5, momentum: Double = 0, decay: Double = 0) {
    self.kind = kind
    self.rate = rate
    self.momentum = momentum
    self.decay = decay
  }
}

/// Gradient descent with optional momentum (classical or Nesterov) and weight decay.
public enum Optimizer {
  /// Moves every unfrozen parameter and returns what happened to each.
  public static func update(_ parameters: inout [Parameter], gradient: [Double], rule: UpdateRule) -> [UpdateRecord] {
    parameters.indices.map { i in
      let before = parameters[i]
      let decayTerm = before.isWeight ? rule.decay * before.value : 0
      if !before.frozen { step(&parameters[i], gradient: gradient[i], rule: rule) }
      return UpdateRecord(
        parameter: i, old: before.value, gradient: gradient[i], decayTerm: decayTerm,
        velocityBefore: before.velocity, velocityAfter: parameters[i].velocity, new: parameters[i].value,
        frozen: before.frozen)
    }
  }

  /// The same with plain momentum settings (sgd, classical momentum when M > 0).
  public static func update(
    _ parameters: inout [Parameter], gradient: [Double], rate: Double, momentum: Double
  ) -> [UpdateRecord] {
    update(&parameters, gradient: gradient, rule: UpdateRule(rate: rate, momentum: momentum))
  }

  /// Moves every unfrozen parameter in place, allocating nothing.
  public static func updateInPlace(_ parameters: inout [Parameter], gradient: [Double], rule: UpdateRule) {
    for i in parameters.indices where !parameters[i].frozen {
      step(&parameters[i], gradient: gradient[i], rule: rule)
    }
  }

  @inline(__always)
  static func step(_ p: inout Parameter, gradient: Double, rule: UpdateRule) {
    let g = p.isWeight && rule.decay != 0 ? gradient + rule.decay * p.value : gradient
    let m = rule.momentum
    if m == 0 {
      p.velocity = 0
      p.value -= rule.rate * g
    } else if rule.kind == .nesterov {
      p.velocity = m * p.velocity - rule.rate * g
      p.value += m * p.velocity - rule.rate * g
    } else {
      p.velocity = m * p.velocity - rule.rate * g
      p.value += p.velocity
    }
  }
}
