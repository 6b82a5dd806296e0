import Foundation

/// Why an expression could not be read, and where (a 0-based character offset into the text).
public struct ParseError: Error, Equatable, Sendable {
  public var message: String
  public var column: Int
}

/// A recursive-descent parser with the usual precedence: `^` (right-associative) binds
/// tightest, then unary minus, then `*` and `/`, then `+` and `-`.
public struct Parser {
  public static let maxDepth = 200

  private let characters: [Character]
  private var position = 0
  private var depth = 0

  /// Parses a whole expression; anything left over is an error.
  public static func parse(_ text: String) throws(ParseError) -> Expression {
    var parser = Parser(characters: Array(text))
    parser.skipSpaces()
    guard !parser.atEnd else { throw ParseError(message: "an expression is missing", column: parser.position) }
    let e = try parser.expression()
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

  // expression := term (('+' | '-') term)*
  private mutating func expression() throws(ParseError) -> Expression {
    try enter()
    defer { depth -= 1 }
    var left = try term()
    while true {
      skipSpaces()
      guard let c = current, c == "+" || c == "-" || c == "−" else { return left }
      position += 1
      left = .binary(c == "+" ? .add : .subtract, left, try term())
    }
  }

  // term := unary (('*' | '/') unary)*
  private mutating func term() throws(ParseError) -> Expression {
    var left = try unary()
    while true {
      skipSpaces()
      guard let c = current, c == "*" || c == "/" || c == "×" || c == "·" else { return left }
      position += 1
      left = .binary(c == "/" ? .divide : .multiply, left, try unary())
    }
  }

  // unary := '-' unary | power
  private mutating func unary() throws(ParseError) -> Expression {
    skipSpaces()
    if let c = current, c == "-" || c == "−" {
      position += 1
      try enter()
      defer { depth -= 1 }
      return .negate(try unary())
    }
    if current == "+" {
      position += 1
      return try unary()
    }
    return try power()
  }

  // power := primary ('^' unary)?
  private mutating func power() throws(ParseError) -> Expression {
    let base = try primary()
    skipSpaces()
    guard current == "^" else { return base }
    position += 1
    try enter()
    defer { depth -= 1 }
    return .binary(.power, base, try unary())
  }

  // primary := number | name | name '(' arguments ')' | '(' expression ')'
  private mutating func primary() throws(ParseError) -> Expression {
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
    if c.isNumber || c == "." { return try number() }
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
        return .call(builtin, try arguments(of: builtin, at: start))
      }
      if Builtin(rawValue: name) != nil {
        throw ParseError(message: "'\(name)' is a function; write it with parentheses, like \(name)(x)", column: start)
      }
      return .name(name)
    }
    throw ParseError(message: c == ")" ? "an operand is missing before ')'" : "unexpected '\(c)'", column: position)
  }

  private mutating func arguments(of builtin: Builtin, at start: Int) throws(ParseError) -> [Expression] {
    position += 1  // (
    var args: [Expression] = []
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
