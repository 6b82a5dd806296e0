import Testing

@testable import Functions

@Suite struct ParserTests {
  func parse(_ text: String) throws -> Expression { try Parser.parse(text) }

  @Test func precedenceAndAssociativity() throws {
    #expect(try parse("1 + 2 * 3") == .binary(.add, .number(1), .binary(.multiply, .number(2), .number(3))))
    #expect(try parse("(1 + 2) * 3") == .binary(.multiply, .binary(.add, .number(1), .number(2)), .number(3)))
    #expect(try parse("8 - 2 - 1") == .binary(.subtract, .binary(.subtract, .number(8), .number(2)), .number(1)))
    #expect(try parse("8 / 2 / 2") == .binary(.divide, .binary(.divide, .number(8), .number(2)), .number(2)))
    #expect(try parse("2 ^ 3 ^ 2") == .binary(.power, .number(2), .binary(.power, .number(3), .number(2))))
    #expect(try parse("-x ^ 2") == .negate(.binary(.power, .name("x"), .number(2))))
    #expect(try parse("2 ^ -1") == .binary(.power, .number(2), .negate(.number(1))))
    #expect(try parse("x * -y") == .binary(.multiply, .name("x"), .negate(.name("y"))))
    #expect(try parse("max(x, 2 * y)") == .call(.max, [.name("x"), .binary(.multiply, .number(2), .name("y"))]))
    #expect(try parse("1.5e-3 + 2E2 + .5") == .binary(.add, .binary(.add, .number(0.0015), .number(200)), .number(0.5)))
    #expect(try parse("sigmoid(w0*x0)") == .call(.sigmoid, [.binary(.multiply, .name("w0"), .name("x0"))]))
  }

  /// (text, message, column): every error names its column.
  @Test(arguments: [
    ("(x + y)) * z", "')' has no matching '('", 7),
    ("2 +", "an operand is missing at the end", 3),
    ("", "an expression is missing", 0),
    ("(x + 1", "'(' is never closed", 0),
    ("x + * y", "unexpected '*'", 4),
    (
      "foo(x)",
      "'foo' is not a function; the functions are exp, log, sqrt, abs, sin, cos, tanh, sigmoid, relu, max, min", 0
    ),
    ("exp + 1", "'exp' is a function; write it with parentheses, like exp(x)", 0),
    ("max(x)", "'max' takes two arguments, not 1", 0),
    ("x 2", "unexpected '2' after a complete expression", 2),
    ("1e999", "'1e999' is not a finite number", 0),
    ("x + $", "unexpected '$'", 4),
    ("log()", "'log' takes one argument, not 0", 0),
  ])
  func errorsNameTheirColumn(text: String, message: String, column: Int) {
    #expect(throws: ParseError(message: message, column: column)) { try Parser.parse(text) }
  }

  @Test func deepNestingIsRefusedNotCrashed() throws {
    let deep = String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
    #expect(throws: ParseError.self) { try Parser.parse(deep) }
    let fine = String(repeating: "(", count: 50) + "x" + String(repeating: ")", count: 50)
    let parsed = try parse(fine)
    #expect(parsed == .name("x"))
  }

  /// `x * x * … * x` nests each operation in the next, so a long one would be a deep tree,
  /// and walking it (its names, its graph) would overflow the stack.
  @Test func longChainsOfOperationsAreRefusedNotCrashed() throws {
    for op in ["+", "-", "*", "/", "^"] {
      let long = Array(repeating: "x", count: 50_000).joined(separator: " \(op) ")
      #expect(throws: ParseError.self, "\(op)") { try Parser.parse(long) }
    }
    let most = Array(repeating: "x", count: Parser.maxDepth).joined(separator: " * ")
    #expect(try parse(most).depth == Parser.maxDepth)
    let tooMany = most + " * x"
    let message = "the expression is more than 200 operations deep; split it into smaller functions"
    #expect(throws: ParseError(message: message, column: tooMany.count - 3)) { try Parser.parse(tooMany) }
    // Brackets do not reset the count.
    var nested = "x"
    for _ in 0..<100 { nested = "(" + nested + " * x * x)" }
    #expect(throws: ParseError.self) { try Parser.parse(nested) }
  }

  @Test func manyPlusSignsAreOne() throws {
    #expect(try parse(String(repeating: "+ ", count: 50_000) + "x") == .name("x"))
    #expect(try parse("+-+x") == .negate(.name("x")))
  }
}
