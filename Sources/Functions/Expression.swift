/// A parsed expression over variables and other functions.
public indirect enum Expression: Equatable, Sendable {
  case number(Double)
  /// A variable or another function, by name.
  case name(String)
  case negate(Expression)
  case binary(BinaryOperator, Expression, Expression)
  case call(Builtin, [Expression])

  /// Every name the expression mentions, in order of first appearance.
  public var names: [String] {
    var result: [String] = []
    func visit(_ e: Expression) {
      switch e {
      case .number: break
      case .name(let n): if !result.contains(n) { result.append(n) }
      case .negate(let a): visit(a)
      case .binary(_, let a, let b):
        visit(a)
        visit(b)
      case .call(_, let args): args.forEach(visit)
      }
    }
    visit(self)
    return result
  }

  /// How deeply operations nest (a number or a name is 1).
  public var depth: Int {
    switch self {
    case .number, .name: 1
    case .negate(let a): 1 + a.depth
    case .binary(_, let a, let b): 1 + max(a.depth, b.depth)
    case .call(_, let args): 1 + (args.map(\.depth).max() ?? 0)
    }
  }
}

public enum BinaryOperator: String, Sendable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case power = "^"
}

/// The functions an expression may call.
public enum Builtin: String, Sendable, CaseIterable {
  case exp, log, sqrt, abs, sin, cos, tanh, sigmoid, relu, max, min

  public var arity: Int { self == .max || self == .min ? 2 : 1 }
}
