import Testing

@testable import Functions

@Suite struct DescentTests {
  /// f = (x − 3)² + 2(y + 1)² has its minimum 0 at (3, −1).
  @Test func convexQuadraticConverges() throws {
    var w = Workspace()
    try w.setVariable("x", 0)
    try w.setVariable("y", 0)
    try w.define("f", source: "(x - 3)^2 + 2*(y + 1)^2")
    let r = try Descent.run("f", in: w, steps: 200, rate: 0.1, momentum: 0)
    #expect(r.stop == .finished)
    #expect(abs(r.final[0] - 3) < 1e-9)
    #expect(abs(r.final[1] + 1) < 1e-9)
    #expect(r.rows.last!.f < 1e-15)
    #expect(r.rows.count == 201)
    // Each step is v ← v − rate·∂f/∂v: from x = 0, ∂f/∂x = −6, so x₁ = 0.6.
    #expect(abs(r.rows[1].values[0] - 0.6) < 1e-15)
  }

  @Test func momentumAlsoConverges() throws {
    var w = Workspace()
    try w.setVariable("x", 10)
    try w.define("f", source: "x^2")
    let r = try Descent.run("f", in: w, steps: 300, rate: 0.05, momentum: 0.9)
    #expect(abs(r.final[0]) < 1e-6)
  }

  @Test func tooLargeARateIsCaughtAsDivergence() throws {
    var w = Workspace()
    try w.setVariable("x", 1)
    try w.define("f", source: "(x - 3)^2")
    let r = try Descent.run("f", in: w, steps: 100, rate: 1.5, momentum: 0)
    guard case .growing(let step, _, _) = r.stop else {
      Issue.record("expected divergence, got \(r.stop)")
      return
    }
    #expect(step == Descent.growthSteps)
    #expect(r.final == [1])  // the values where f was lowest: the start
  }

  @Test func overflowIsCaughtAndTheLastFiniteValuesKept() throws {
    var w = Workspace()
    try w.setVariable("x", 1)
    try w.define("f", source: "exp(x^2)")
    let r = try Descent.run("f", in: w, steps: 50, rate: 10, momentum: 0)
    guard case .diverged = r.stop else {
      Issue.record("expected divergence, got \(r.stop)")
      return
    }
    #expect(r.final.allSatisfy { $0.isFinite })
  }

  @Test func descendOverSomeVariablesOnly() throws {
    var w = Workspace()
    try w.setVariable("x", 0)
    try w.setVariable("y", 5)
    try w.define("f", source: "(x - 1)^2 + (y - 2)^2")
    let r = try Descent.run("f", in: w, over: ["x"], steps: 100, rate: 0.25, momentum: 0)
    #expect(r.variables == ["x"])
    #expect(abs(r.final[0] - 1) < 1e-12)
    #expect(r.rows.allSatisfy { $0.values.count == 1 })
  }
}
