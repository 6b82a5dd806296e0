import Foundation
import Testing

@testable import Shell

/// `undo` takes back every command that changes the session (load, train, compare, data and
/// all the rest), and `redo` brings it back, exactly.
@Suite struct UndoTests {
  /// Commands that steer the session rather than change the model.
  static let steering: Set<String> = ["undo", "redo", "quit", "lesson", "lessons", "record", "export", "help"]

  @Test(arguments: CommandTable.names.filter { !UndoTests.steering.contains($0) })
  func undoTakesBackTheCommandsOwnExample(name: String) throws {
    let spec = try #require(CommandTable.lookup(name))
    var session = Session()
    session.clock = { 0 }
    for line in spec.example.dropLast() { _ = session.execute(line) }
    let before = session.model
    let undoable = session.undoStack.count
    let reply = session.execute(try #require(spec.example.last))
    #expect(reply.status == .ok, "\(reply.output)")
    let after = session.model
    guard after.essence != before.essence else {
      // Nothing to take back: undo takes back the command before it instead.
      #expect(session.undoStack.count == undoable, "\(name)")
      return
    }
    #expect(session.execute("undo").status == .ok)
    #expect(session.model == before, "undo after \(name)")
    #expect(session.execute("redo").status == .ok)
    #expect(session.model == after, "redo after \(name)")
  }

  @Test func loadTrainCompareAndDataAreUndoneInTurn() {
    var session = Session()
    session.clock = { 0 }
    let path = SaveFileTests.temporaryPath("undo.json")
    var states: [Model] = [session.model]
    for line in [
      "input x1 x2", "layer h1 h2 tanh", "layer y sigmoid", "data xor", "save \(path)", "train 50",
      "compare rate 1 0.1 epochs 5", "data moons 20", "data split 0.5", "load \(path)", "train 5",
    ] {
      let reply = session.execute(line)
      #expect(reply.status == .ok, "\(line): \(reply.output)")
      if session.model.essence != states.last!.essence { states.append(session.model) }
    }
    // compare and save change nothing; the nine others are undone one by one.
    #expect(states.count == 10)
    while states.count > 1 {
      states.removeLast()
      #expect(session.execute("undo").status == .ok)
      #expect(session.model.essence == states.last!.essence)
    }
    #expect(session.execute("undo").status == .error)
  }
}

/// Undo keeps at most 200 steps, and fewer when they are big, so its memory stays bounded.
@Suite struct UndoBudgetTests {
  @Test func bigStepsAreKeptWithinTheBudget() {
    var session = Session()
    for n in 0..<20 { #expect(session.execute("data moons 100000 noise 0.\(n + 10)").status == .ok) }
    let total = session.undoStack.reduce(0) { $0 + $1.model.size }
    #expect(total <= Session.undoBudget)
    // Each data set holds 100,000 × 5 numbers: 15 of them fit, after the empty session (size 0).
    #expect(session.undoStack.count == 16)
    // The newest are the ones kept.
    #expect(session.execute("undo").output == "undone: data moons 100000 noise 0.29")
  }

  @Test func smallStepsAreKeptUpToTheCount() {
    var session = Session()
    _ = session.execute("input x")
    for n in 0..<250 { _ = session.execute("let a = \(n)") }
    #expect(session.undoStack.count == Session.undoLimit)
  }
}
