import Foundation
import Functions

extension FunctionError {
  var message: String {
    switch self {
    case .parse(let e):
      return e.message
    case .invalidName(let name):
      return "'\(name)' is not a valid name; use a letter, then letters, digits or _"
    case .reservedName(let name):
      return "'\(name)' is a built-in function; choose another name"
    case .isVariable(let name):
      return "'\(name)' is a variable; give the function another name"
    case .isFunction(let name):
      return "'\(name)' is a function; give the variable another name"
    case .unknownName(let name, let function):
      return
        "'\(function)' uses '\(name)', which is neither a variable nor a function; declare it first with 'let \(name) = 0'"
    case .unknownFunction(let name):
      return "no function named '\(name)'; define one with '\(name) = (x - 3)^2'"
    case .unknownVariable(let name):
      return "no variable named '\(name)'; declare it with 'let \(name) = 0'"
    case .definesItself(let name, let loop):
      return "'\(name)' would use itself (\(loop.joined(separator: " → "))); a function cannot depend on itself"
    case .tooLarge(let name):
      return "'\(name)' has more than \(Workspace.maxNodes) nodes; split it into smaller functions"
    case .slope(let node, let formula, let operand, let value, let slope):
      let f = NumberFormat(digits: 6)
      return
        "\(node) = \(formula) has no finite slope where \(operand) = \(f(value)) (∂\(node)/∂\(operand) = \(f(slope))), so the gradient is undefined there; nothing changed"
    case .notUsed(let variable, let function):
      return "'\(function)' does not use '\(variable)'; 'show functions' shows what it uses"
    case .domain(let node, let formula, let operation, let operands, let names):
      let f = NumberFormat(digits: 6)
      let at = zip(names, operands).filter { Double($0.0) == nil }.map { "\($0.0) = \(f($0.1))" }.joined(
        separator: ", ")
      let why: String
      switch operation {
      case "log": why = operands.first.map { $0 <= 0 } == true ? "log needs a number above 0" : "log overflowed"
      case "sqrt": why = "sqrt needs a number of at least 0"
      case "/": why = operands.count == 2 && operands[1] == 0 ? "division by zero" : "the quotient overflowed"
      case "^":
        why =
          operands.count == 2 && operands[0] < 0 && operands[1] != operands[1].rounded()
          ? "a negative number to a fractional power is not a real number"
          : (operands.count == 2 && operands[0] == 0 && operands[1] < 0
            ? "0 to a negative power divides by zero" : "the power overflowed")
      case "exp": why = "exp overflowed (exp of more than about 709 is beyond the largest double)"
      default: why = "the result overflowed"
      }
      return "\(node) = \(formula) is not a finite number\(at.isEmpty ? "" : " where " + at): \(why); nothing changed"
    }
  }
}
