import Network
import Testing

@testable import Shell

/// Lines made of random command words, names and numbers never crash the interpreter;
/// every error is one line and leaves the session exactly as it was.
@Suite struct RandomInputTests {
  static let words =
    CommandTable.names + [
      "x1", "x2", "h1", "h2", "o1", "w1", "w2", "w5", "b1", "b2", "h1->o1", "->", "sigmoid", "tanh", "relu",
      "softmax", "leaky_relu", "linear", "bias", "shared", "none", "own", "all", "example", "seed", "mean", "sum",
      "half_sse", "mse", "bce", "cross_entropy", "net", "weights", "values", "grads", "data", "settings", "0", "1",
      "-1", "0.5", "1e308", "-1e308", "5e-324", "nan", "inf", "-0", "1e999", "∂", "δ", "\u{FFFD}", "", "#",
      "12345678901234567890",
    ]

  /// A seeded generator, so a failure can be replayed.
  struct Seeded: RandomNumberGenerator {
    var inner: SplitMix64
    mutating func next() -> UInt64 { inner.next() }
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func randomLinesNeverBreakTheSession(seed: UInt64) {
    var rng = Seeded(inner: SplitMix64(seed: seed))
    var session = Session()
    for line in ["input x1 x2", "layer h1 h2 sigmoid", "layer o1 tanh", "example 0 1 -> 1"] {
      _ = session.execute(line)
    }
    var errors = 0
    for _ in 0..<3000 {
      let count = Int.random(in: 1...6, using: &rng)
      var words = (0..<count).map { _ in Self.words.randomElement(using: &rng)! }
      // Keep files and huge loops out of a unit test.
      let command = words.first { !$0.isEmpty } ?? ""
      // No files written ('save', 'data save') and no leaving.
      if ["save", "load", "quit", "run"].contains(command) || words.contains("save") { continue }
      if command == "step" { words = ["step", "2"] }
      let line = words.joined(separator: " ")
      let before = session
      let reply = session.execute(line)
      if reply.status == .error {
        errors += 1
        #expect(!reply.output.contains("\n"), "\(line)")
        #expect(!reply.output.isEmpty, "\(line)")
        #expect(session == before, "\(line)")
      }
      #expect(session.model.network.parameters.allSatisfy { $0.value.isFinite }, "\(line)")
    }
    #expect(errors > 100)
  }
}
