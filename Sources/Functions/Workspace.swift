import Foundation

/// A function defined by the learner: its name, the text they typed, and its parsed form.
public struct Definition: Equatable, Sendable {
  public var name: String
  public var source: String
  public var expression: Expression
}

/// The variables and functions of function mode.
public struct Workspace: Equatable, Sendable {
  /// Variables in the order they were declared.
  public private(set) var variables: [String] = []
  public private(set) var values: [Double] = []
  public private(set) var definitions: [Definition] = []

  public static let maxNodes = 5000

  public init() {}

  public func value(of variable: String) -> Double? {
    variables.firstIndex(of: variable).map { values[$0] }
  }

  public func definition(_ name: String) -> Definition? {
    definitions.first { $0.name == name }
  }

  /// Declares a variable or gives an existing one a new value.
  public mutating func setVariable(_ name: String, _ value: Double) throws(FunctionError) {
    try Workspace.checkName(name)
    guard definition(name) == nil else { throw .isFunction(name) }
    if let i = variables.firstIndex(of: name) {
      values[i] = value
    } else {
      variables.append(name)
      values.append(value)
    }
  }

  /// Defines (or redefines) a function. Every name it uses must be a variable or another
  /// function, and no function may use itself.
  public mutating func define(_ name: String, source: String) throws(FunctionError) {
    try Workspace.checkName(name)
    guard value(of: name) == nil else { throw .isVariable(name) }
    let expression: Expression
    do {
      expression = try Parser.parse(source)
    } catch {
      throw .parse(error)
    }
    for used in expression.names where value(of: used) == nil && definition(used) == nil && used != name {
      throw .unknownName(used, in: name)
    }
    var candidate = self
    let new = Definition(name: name, source: source.trimmingCharacters(in: .whitespaces), expression: expression)
    if let i = candidate.definitions.firstIndex(where: { $0.name == name }) {
      candidate.definitions[i] = new
    } else {
      candidate.definitions.append(new)
    }
    if let loop = candidate.loop(from: name, path: [name]) { throw .definesItself(name, through: loop) }
    _ = try Graph(function: name, in: candidate)
    self = candidate
  }

  /// A chain of definitions leading back to `target`, if there is one.
  private func loop(from name: String, path: [String]) -> [String]? {
    guard let d = definition(name) else { return nil }
    for used in d.expression.names where definition(used) != nil {
      if used == path[0] { return path + [used] }
      if path.contains(used) { continue }
      if let found = loop(from: used, path: path + [used]) { return found }
    }
    return nil
  }

  /// The value of an expression over the current variables.
  /// `name` labels the value in error messages (e.g. the variable being declared).
  public func evaluate(_ expression: Expression, as name: String = "value") throws(FunctionError) -> Double {
    var scratch = self
    scratch.definitions.removeAll { $0.name == name }
    scratch.definitions.append(Definition(name: name, source: "", expression: expression))
    var graph = try Graph(function: name, in: scratch)
    try graph.evaluate()
    return graph.value(graph.output)
  }

  /// Sets several variables at once (after a descent).
  public mutating func assign(_ names: [String], _ newValues: [Double]) {
    for (name, v) in zip(names, newValues) {
      if let i = variables.firstIndex(of: name) { values[i] = v }
    }
  }

  /// A name: a letter or `_`, then letters, digits or `_`; not a built-in function.
  public static func checkName(_ name: String) throws(FunctionError) {
    guard let first = name.first, first.isASCII, first.isLetter || first == "_", name.count <= 32,
      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
    else { throw .invalidName(name) }
    if Builtin(rawValue: name) != nil || name == "let" || name == "def" { throw .reservedName(name) }
  }
}
