/// What can go wrong with variables and functions. The shell words these.
public enum FunctionError: Error, Equatable, Sendable {
  case parse(ParseError)
  case invalidName(String)
  case reservedName(String)
  case isVariable(String)
  case isFunction(String)
  case unknownName(String, in: String)
  case unknownFunction(String)
  case unknownVariable(String)
  case definesItself(String, through: [String])
  case tooLarge(String)
  /// A node's value is not a finite number: which node, its formula, and the values it used.
  case domain(node: String, formula: String, operation: String, operands: [Double], names: [String])
  case notUsed(variable: String, function: String)
  /// A local derivative is not finite where the function is evaluated.
  case slope(node: String, formula: String, operand: String, value: Double, slope: Double)
}
