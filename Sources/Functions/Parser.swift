import Foundation

/// Why an expression could not be read, and where (a 0-based character offset into the text).
public struct ParseError: Error, Equatable, Sendable {
  public var message: String
  public var column: Int
}

/// A recursive-descent parser with the usual precedence: `^` (right-associative) binds
/// tightest, then unary minus, then `*` and `/`, then `+` and `-`.
///
/// Expressions are walked recursively wherever they are used, so the parser keeps them
/// shallow: it refuses brackets, minus signs and powers nested more than `maxDepth` deep, and
/// any expression whose tree is more than `maxDepth` operations deep (as `x * x * … * x` is,
/// since each operation takes the ones before it as its left operand).
public struct Parser {
  public static let maxDepth = 200

  /// An expression and how many operations deep it is (a number or a name is 1).
  private struct Parsed {
    var expression: Expression
    var height = 1
  }

  private let characters: [Character]
  private var position = 0
  private var depth = 0

  /// Parses a whole expression; anything left over is an error.
  public static func parse(_ text: String) throws(ParseError) -> Expression {
    var parser = Parser(characters: Array(text))
    parser.skipSpaces()
    guard !parser.atEnd else { throw ParseError(message: "an expression is missing", column: parser.position) }
    let e = try parser.expression().expression
    parser.skipSpaces()
    if !parser.atEnd {
      let c = parser.characters[parser.position]
      throw ParseError(
        message: c == ")" ? "')' has no matching '('" : "unexpected '\(c)' after a complete expression",
        column: parser.position)
    }
    return e
  }

  private init(characters: [Character]) { self.characters = characters }

  private var atEnd: Bool { position >= characters.count }
  private var current: Character? { atEnd ? nil : characters[position] }

  private mutating func skipSpaces() {
    while let c = current, c.isWhitespace { position += 1 }
  }

  private mutating func enter() throws(ParseError) {
    depth += 1
    if depth > Parser.maxDepth {
      throw ParseError(message: "the expression nests more than \(Parser.maxDepth) levels deep", column: position)
    }
  }

  /// An operation on `operands`, found at `column`; refused if that makes the tree too deep.
  private func operation(_ e: Expression, _ operands: [Parsed], at column: Int) throws(ParseError) -> Parsed {
    let height = 1 + (operands.map(\.height).max() ?? 0)
    guard height <= Parser.maxDepth else {
      throw ParseError(
        message: "the expression is more than \(Parser.maxDepth) operations deep; split it into smaller functions",
        column: column)
    }
    return Parsed(expression: e, height: height)
  }

  // expression := term (('+' | '-') term)*
  private mutating func expression() throws(ParseError) -> Parsed {
    try enter()
    defer { depth -= 1 }
    var left = try term()
    while true {
      skipSpaces()
      guard let c = current, c == "+" || c == "-" || c == "−" else { return left }
      let column = position
      position += 1
      let right = try term()
      left = try operation(
        .binary(c == "+" ? .add : .subtract, left.expression, right.expression), [left, right], at: column)
    }
  }

  // term := unary (('*' | '/') unary)*
  private mutating func term() throws(ParseError) -> Parsed {
    var left = try unary()
    while true {
      skipSpaces()
      guard let c = current, c == "*" || c == "/" || c == "×" || c == "·" else { return left }
      let column = position
      position += 1
      let right = try unary()
      left = try operation(
        .binary(c == "/" ? .divide : .multiply, left.expression, right.expression), [left, right], at: column)
    }
  }

  // unary := '-' unary | '+' unary | power
  private mutating func unary() throws(ParseError) -> Parsed {
    skipSpaces()
    // '+a' is a: any number of them, without recursing.
    while current == "+" {
      position += 1
      skipSpaces()
    }
    if let c = current, c == "-" || c == "−" {
      let column = position
      position += 1
      try enter()
      defer { depth -= 1 }
      let operand = try unary()
      return try operation(.negate(operand.expression), [operand], at: column)
    }
    return try power()
  }

  // power := primary ('^' unary)?
  private mutating func power() throws(ParseError) -> Parsed {
    let base = try primary()
    skipSpaces()
    guard current == "^" else { return base }
    let column = position
    position += 1
    try enter()
    defer { depth -= 1 }
    let exponent = try unary()
    return try operation(.binary(.power, base.expression, exponent.expression), [base, exponent], at: column)
  }

  // primary := number | name | name '(' arguments ')' | '(' expression ')'
  private mutating func primary() throws(ParseError) -> Parsed {
    skipSpaces()
    guard let c = current else { throw ParseError(message: "an operand is missing at the end", column: position) }
    if c == "(" {
      let open = position
      position += 1
      let inner = try expression()
      skipSpaces()
      guard current == ")" else { throw ParseError(message: "'(' is never closed", column: open) }
      position += 1
      return inner
    }
    if c.isNumber || c == "." { return Parsed(expression: try number()) }
    if (c.isLetter && c.isASCII) || c == "_" {
      let start = position
      var name = ""
      while let c = current, c.isASCII && (c.isLetter || c.isNumber || c == "_") {
        name.append(c)
        position += 1
      }
      skipSpaces()
      if current == "(" {
        guard let builtin = Builtin(rawValue: name) else {
          throw ParseError(
            message: "'\(name)' is not a function; the functions are \(Parser.builtinList)", column: start)
        }
        let arguments = try arguments(of: builtin, at: start)
        return try operation(.call(builtin, arguments.map(\.expression)), arguments, at: start)
      }
      if Builtin(rawValue: name) != nil {
        throw ParseError(message: "'\(name)' is a function; write it with parentheses, like \(name)(x)", column: start)
      }
      return Parsed(expression: .name(name))
    }
    throw ParseError(message: c == ")" ? "an operand is missing before ')'" : "unexpected '\(c)'", column: position)
  }

  private mutating func arguments(of builtin: Builtin, at start: Int) throws(ParseError) -> [Parsed] {
    position += 1  // (
    var args: [Parsed] = []
    skipSpaces()
    if current != ")" {
      while true {
        args.append(try expression())
        skipSpaces()
        if current == "," {
          position += 1
          continue
        }
        break
      }
    }
    guard current == ")" else { throw ParseError(message: "'\(builtin.rawValue)(' is never closed", column: start) }
    position += 1
    guard args.count == builtin.arity else {
      let want = builtin.arity == 1 ? "one argument" : "two arguments"
      throw ParseError(message: "'\(builtin.rawValue)' takes \(want), not \(args.count)", column: start)
    }
    return args
  }

  private mutating func number() throws(ParseError) -> Expression {
    let start = position
    var text = ""
    while let c = current, c.isNumber || c == "." {
      text.append(c)
      position += 1
    }
    if let c = current, c == "e" || c == "E" {
      var lookahead = position + 1
      if lookahead < characters.count, characters[lookahead] == "+" || characters[lookahead] == "-" { lookahead += 1 }
      if lookahead < characters.count, characters[lookahead].isNumber {
        text.append(contentsOf: characters[position..<lookahead])
        position = lookahead
        while let c = current, c.isNumber {
          text.append(c)
          position += 1
        }
      }
    }
    guard let value = Double(text), value.isFinite, text.allSatisfy({ $0.isASCII }) else {
      throw ParseError(message: "'\(text)' is not a finite number", column: start)
    }
    return .number(value)
  }

  static let builtinList = Builtin.allCases.map(\.rawValue).joined(separator: ", ")
}
