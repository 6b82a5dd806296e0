import Foundation
import Testing

@testable import Autodiff
@testable import Functions

/// Random expressions: autodiff through the graph agrees with central differences.
/// Tolerance: |autodiff − numeric| ≤ 1e-6 · max(1, |autodiff|, |numeric|), with h = 1e-6.
@Suite struct FunctionGradientTests {
  struct Generator {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }

    /// An expression that stays smooth and finite for x, y, z in [0.5, 2].
    mutating func expression(_ depth: Int) -> String {
      if depth == 0 || next(4) == 0 {
        return ["x", "y", "z", "0.5", "1.5", "2"][next(6)]
      }
      let a = expression(depth - 1)
      let b = expression(depth - 1)
      switch next(12) {
      case 0: return "(\(a) + \(b))"
      case 1: return "(\(a) - \(b))"
      case 2: return "(\(a) * \(b))"
      case 3: return "(\(a) / (1 + \(b) * \(b)))"
      case 4: return "(1 + \(a) * \(a)) ^ 1.5"
      case 5: return "exp(\(a) / 4)"
      case 6: return "log(1 + \(a) * \(a))"
      case 7: return "sqrt(1 + \(a) * \(a))"
      case 8: return "tanh(\(a))"
      case 9: return "sigmoid(\(a))"
      case 10: return "sin(\(a)) * cos(\(b))"
      default: return "-\(a)"
      }
    }
  }

  @Test func randomExpressionsAgreeWithFiniteDifferences() throws {
    var generator = Generator(state: 2024)
    var checked = 0
    for _ in 0..<300 {
      var workspace = Workspace()
      try workspace.setVariable("x", 0.5 + Double(generator.next(100)) / 66)
      try workspace.setVariable("y", 0.5 + Double(generator.next(100)) / 66)
      try workspace.setVariable("z", 0.5 + Double(generator.next(100)) / 66)
      let text = generator.expression(4)
      try workspace.define("f", source: text)
      var graph = try Graph(function: "f", in: workspace)
      try graph.evaluate()
      try graph.differentiate()
      for (k, node) in graph.variableNodes.enumerated() {
        let h = 1e-6
        var values = graph.variables.map { workspace.value(of: $0)! }
        values[k] += h
        graph.set(values)
        try graph.evaluate()
        let plus = graph.value(graph.output)
        values[k] -= 2 * h
        graph.set(values)
        try graph.evaluate()
        let minus = graph.value(graph.output)
        graph.set(graph.variables.map { workspace.value(of: $0)! })
        try graph.evaluate()
        try graph.differentiate()
        let numeric = (plus - minus) / (2 * h)
        let analytic = graph.gradient(node)
        #expect(
          abs(analytic - numeric) <= 1e-6 * max(1, abs(analytic), abs(numeric)), "\(text) ∂/∂\(graph.variables[k])")
        checked += 1
      }
    }
    #expect(checked > 250)
  }

  /// The circuit from CS231n: f = (x + y)·z at x = −2, y = 5, z = −4.
  @Test func publishedCircuit() throws {
    var w = Workspace()
    for (name, v) in [("x", -2.0), ("y", 5), ("z", -4)] { try w.setVariable(name, v) }
    try w.define("f", source: "(x + y) * z")
    var g = try Graph(function: "f", in: w)
    try g.evaluate()
    try g.differentiate()
    #expect(g.value(g.output) == -12)
    #expect(g.variableNodes.map { g.gradient($0) } == [-4, -4, 3])
  }

  /// The sigmoid neuron from CS231n: w = [2, −3, −3], x = [−1, −2]; the article prints
  /// f = 0.73, ∂f/∂x = [0.39, −0.59], ∂f/∂w = [−0.2, −0.39, 0.2] (two decimals).
  @Test func publishedSigmoidNeuron() throws {
    var w = Workspace()
    for (name, v) in [("w0", 2.0), ("x0", -1), ("w1", -3), ("x1", -2), ("w2", -3)] { try w.setVariable(name, v) }
    try w.define("f", source: "1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))")
    var g = try Graph(function: "f", in: w)
    try g.evaluate()
    try g.differentiate()
    func grad(_ name: String) -> Double { g.gradient(g.variableNodes[g.variables.firstIndex(of: name)!]) }
    func rounds(_ v: Double, to published: Double) -> Bool { abs(v - published) <= 0.005 + 1e-12 }
    #expect(rounds(g.value(g.output), to: 0.73))
    #expect(rounds(grad("x0"), to: 0.39))
    #expect(rounds(grad("x1"), to: -0.59))
    #expect(rounds(grad("w0"), to: -0.2))
    #expect(rounds(grad("w1"), to: -0.39))
    #expect(rounds(grad("w2"), to: 0.2))
  }

  @Test func domainErrorsNameTheNode() throws {
    var w = Workspace()
    try w.setVariable("x", -1)
    try w.define("f", source: "log(x) + 1")
    var g = try Graph(function: "f", in: w)
    #expect(throws: FunctionError.domain(node: "q1", formula: "log(x)", operation: "log", operands: [-1], names: ["x"]))
    {
      try g.evaluate()
    }
    try w.define("d", source: "1 / (x + 1)")
    var g2 = try Graph(function: "d", in: w)
    #expect(
      throws: FunctionError.domain(node: "d", formula: "1 / q1", operation: "/", operands: [1, 0], names: ["1", "q1"])
    ) {
      try g2.evaluate()
    }
  }

  @Test func definitionsCheckNamesAndLoops() throws {
    var w = Workspace()
    try w.setVariable("x", 1)
    try w.define("f", source: "x + 1")
    try w.define("g", source: "f * f")
    #expect(throws: FunctionError.definesItself("f", through: ["f", "g", "f"])) { try w.define("f", source: "g + 1") }
    #expect(throws: FunctionError.unknownName("y", in: "h")) { try w.define("h", source: "y + 1") }
    #expect(throws: FunctionError.isVariable("x")) { try w.define("x", source: "2") }
    #expect(throws: FunctionError.reservedName("exp")) { try w.define("exp", source: "2") }
    #expect(w.definition("f")?.source == "x + 1")
  }

  /// A definition as long as a line may be is refused with a parse error, not a stack overflow.
  @Test func aVeryLongDefinitionIsRefused() throws {
    var w = Workspace()
    try w.setVariable("x", 1)
    let long = Array(repeating: "x", count: 30_000).joined(separator: "*")
    #expect(throws: FunctionError.self) { try w.define("f", source: long) }
    #expect(w.definition("f") == nil)
  }
}
