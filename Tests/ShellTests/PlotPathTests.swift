import Testing

@testable import Shell

/// `plot` draws the last descent's path over the function's own variables, whichever of them
/// the descent moved, and even after the function was redefined.
@Suite struct PlotPathTests {
  func session(_ lines: [String]) -> Session {
    var session = Session()
    for line in lines {
      let reply = session.execute(line)
      #expect(reply.status == .ok, "\(line): \(reply.output)")
    }
    return session
  }

  /// The rows of the picture, without the title above and the axis below.
  func grid(_ output: String) -> [Substring] {
    output.split(separator: "\n").dropFirst().filter { $0.contains("│") }
  }

  @Test func aDescentOverOneOfTwoVariablesIsDrawnAlongTheOther() {
    var s = session(["let x = 0, y = 0", "g = (x - 1)^2 + 4*(y + 1)^2", "descend g 5 rate 0.1 over y"])
    let reply = s.execute("plot g")
    #expect(reply.status == .ok, "\(reply.output)")
    #expect(reply.output.contains("S start, o steps, E end of the last descent"))
    // Only y moved, so the start and the end are in the same column (x stayed at 0).
    let rows = grid(reply.output)
    let start = rows.first { $0.contains("S") }
    let end = rows.first { $0.contains("E") }
    #expect(start != nil && end != nil && start != end)
    if let start, let end {
      #expect(
        start.distance(from: start.startIndex, to: start.firstIndex(of: "S")!)
          == end.distance(from: end.startIndex, to: end.firstIndex(of: "E")!))
    }
  }

  @Test func aDescentOverVariablesInAnotherOrderIsDrawnTheRightWayRound() {
    var a = session(["let x = 0, y = 0", "g = (x - 1)^2 + 4*(y + 1)^2", "descend g 5 rate 0.1 over y x"])
    var b = session(["let x = 0, y = 0", "g = (x - 1)^2 + 4*(y + 1)^2", "descend g 5 rate 0.1 over x y"])
    #expect(a.execute("plot g").output == b.execute("plot g").output)
  }

  @Test func aRedefinedFunctionKeepsThePathOfTheVariablesItStillUses() {
    var s = session(["let x = 0, y = 0", "g = (x - 1)^2", "descend g 3 rate 0.1", "g = (x - 1)^2 + (y + 1)^2"])
    let both = s.execute("plot g")
    #expect(both.status == .ok, "\(both.output)")
    #expect(both.output.contains("S start"))
    _ = s.execute("g = (y - 1)^2")
    let other = s.execute("plot g")
    #expect(other.status == .ok, "\(other.output)")
    #expect(!other.output.contains("S start"))
  }
}
