import Autodiff

/// A function laid out on the tape, node by node, with names a learner can follow:
/// variables by their names, the function and the functions it uses by theirs, and
/// every other operation `q1, q2, …` in the order they are computed.
public struct Graph: Sendable {
  public enum Kind: Equatable, Sendable {
    case variable(String)
    case constant(Double)
    case operation
  }

  public struct Node: Equatable, Sendable {
    public var label: String
    public var kind: Kind
    /// For operations: the operator or function, e.g. "+", "*", "exp".
    public var symbol: String
    /// The operand nodes.
    public var operands: [Int]
  }

  public private(set) var tape = Tape()
  public private(set) var nodes: [Node] = []
  public let function: String
  public private(set) var output = 0
  /// The variables the function depends on, in the workspace's order, and their nodes.
  public private(set) var variables: [String] = []
  public private(set) var variableNodes: [Int] = []

  /// Builds `function` (and every function it uses, once each) from the workspace's values.
  public init(function: String, in workspace: Workspace) throws(FunctionError) {
    guard let definition = workspace.definition(function) else { throw .unknownFunction(function) }
    self.function = function
    var builder = Builder(workspace: workspace)
    let root = try builder.build(definition.expression, label: function)
    tape = builder.tape
    nodes = builder.nodes
    output = root
    for name in workspace.variables {
      if let node = builder.variableNodes[name] {
        variables.append(name)
        variableNodes.append(node)
      }
    }
  }

  /// Computes every node; throws at the first node whose value is not a finite number.
  public mutating func evaluate() throws(FunctionError) {
    tape.forward()
    for (i, node) in nodes.enumerated() where node.kind == .operation && !tape.values[i].isFinite {
      throw .domain(
        node: node.label, formula: formula(i), operation: node.symbol,
        operands: node.operands.map { tape.values[$0] }, names: node.operands.map { nodes[$0].label })
    }
  }

  /// Runs the backward sweep from the function's node; throws where a slope is not finite
  /// (sqrt at 0, a power with base 0, …) so no infinite or undefined gradient is printed.
  public mutating func differentiate() throws(FunctionError) {
    tape.backward(from: output)
    for i in nodes.indices.reversed() where nodes[i].kind == .operation && tape.adjoints[i] != 0 {
      for (k, operand) in nodes[i].operands.enumerated() where !tape.localDerivative(of: i, argument: k).isFinite {
        if case .constant = nodes[operand].kind { continue }
        throw .slope(
          node: nodes[i].label, formula: formula(i), operand: nodes[operand].label, value: tape.values[operand],
          slope: tape.localDerivative(of: i, argument: k))
      }
    }
  }

  /// Which side of every kink (relu, abs, max, min) each such node is on: where this changes
  /// between two points, a finite difference straddles a kink.
  public func branches() -> [Bool] {
    nodes.indices.compactMap { i -> Bool? in
      let operands = nodes[i].operands
      switch nodes[i].symbol {
      case "relu", "abs": return tape.values[operands[0]] > 0
      case "max": return tape.values[operands[0]] >= tape.values[operands[1]]
      case "min": return tape.values[operands[0]] <= tape.values[operands[1]]
      default: return nil
      }
    }
  }

  /// Sets variable values (in `variables` order).
  public mutating func set(_ values: [Double]) {
    for (node, v) in zip(variableNodes, values) { tape.values[node] = v }
  }

  public func value(_ node: Int) -> Double { tape.values[node] }
  public func gradient(_ node: Int) -> Double { tape.adjoints[node] }
  public func local(_ node: Int, _ k: Int) -> Double { tape.localDerivative(of: node, argument: k) }

  /// `x + y`, `q1 * z`, `exp(q2)`: a node in terms of its operands' labels.
  public func formula(_ i: Int) -> String {
    let node = nodes[i]
    let labels = node.operands.map { nodes[$0].label }
    switch node.symbol {
    case "+", "-", "*", "/", "^": return labels.joined(separator: " \(node.symbol) ")
    case "neg": return "-" + labels[0]
    case "": return labels.first ?? node.label
    default: return "\(node.symbol)(\(labels.joined(separator: ", ")))"
    }
  }

  /// The nodes that use node `i`, with the operand position it has in each.
  public func users(of i: Int) -> [(node: Int, position: Int)] {
    var result: [(Int, Int)] = []
    for (n, node) in nodes.enumerated() {
      for (k, operand) in node.operands.enumerated() where operand == i { result.append((n, k)) }
    }
    return result
  }

  /// Lays an expression on the tape.
  private struct Builder {
    let workspace: Workspace
    var tape = Tape()
    var nodes: [Node] = []
    var variableNodes: [String: Int] = [:]
    var functionNodes: [String: Int] = [:]
    var constants: [Double: Int] = [:]
    var counter = 0

    mutating func build(_ e: Expression, label: String?) throws(FunctionError) -> Int {
      guard nodes.count < Workspace.maxNodes else { throw .tooLarge(label ?? "") }
      switch e {
      case .number(let v):
        if let existing = constants[v], label == nil { return existing }
        let i = tape.leaf(v)
        nodes.append(Node(label: Self.text(v), kind: .constant(v), symbol: "", operands: []))
        constants[v] = i
        return label == nil ? i : try wrap(i, label: label!)
      case .name(let name):
        if let v = workspace.value(of: name) {
          if let existing = variableNodes[name] { return label == nil ? existing : try wrap(existing, label: label!) }
          let i = tape.leaf(v)
          nodes.append(Node(label: name, kind: .variable(name), symbol: "", operands: []))
          variableNodes[name] = i
          return label == nil ? i : try wrap(i, label: label!)
        }
        if let existing = functionNodes[name] { return label == nil ? existing : try wrap(existing, label: label!) }
        guard let d = workspace.definition(name) else { throw .unknownName(name, in: label ?? "") }
        let i = try build(d.expression, label: name)
        functionNodes[name] = i
        return label == nil ? i : try wrap(i, label: label!)
      case .negate(.number(let v)):
        return try build(.number(-v), label: label)
      case .negate(let a):
        let x = try build(a, label: nil)
        return add(.negate, "neg", [x], label: label)
      case .binary(let op, let a, let b):
        let x = try build(a, label: nil)
        let y = try build(b, label: nil)
        let tapeOp: Op =
          switch op {
          case .add: .sum
          case .subtract: .subtract
          case .multiply: .product
          case .divide: .divide
          case .power: .power
          }
        return add(tapeOp, op.rawValue, [x, y], label: label)
      case .call(let f, let args):
        var operands: [Int] = []
        for a in args { operands.append(try build(a, label: nil)) }
        let tapeOp: Op =
          switch f {
          case .exp: .exp
          case .log: .log
          case .sqrt: .sqrt
          case .abs: .abs
          case .sin: .sin
          case .cos: .cos
          case .tanh: .tanh
          case .sigmoid: .sigmoid
          case .relu: .relu
          case .max: .max
          case .min: .min
          }
        return add(tapeOp, f.rawValue, operands, label: label)
      }
    }

    /// A function that is just a variable or a number still gets its own node.
    mutating func wrap(_ i: Int, label: String) throws(FunctionError) -> Int {
      add(.linear, "", [i], label: label)
    }

    mutating func add(_ op: Op, _ symbol: String, _ operands: [Int], label: String?) -> Int {
      let i = tape.node(op, operands)
      let name: String
      if let label {
        name = label
      } else {
        // q1, q2, …, skipping names the learner's variables and functions already use.
        repeat {
          counter += 1
        } while workspace.value(of: "q\(counter)") != nil || workspace.definition("q\(counter)") != nil
        name = "q\(counter)"
      }
      nodes.append(Node(label: name, kind: .operation, symbol: symbol, operands: operands))
      return i
    }

    static func text(_ v: Double) -> String {
      v == v.rounded() && Swift.abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    }
  }
}
