import Foundation
import Network
import Testing

@testable import Shell

/// 100,000 generated lines through the interpreter. After every line: it returned (no crash,
/// no hang: long commands are stopped as Ctrl-C would stop them), an error is one non-empty
/// line, a failed command left the session bit for bit as it was, and every parameter is
/// finite. The test prints how many lines of each kind it tried.
@Suite struct InterpreterFuzzTests {
  enum Kind: String, CaseIterable {
    case lessonLine = "lines from the lessons"
    case wrongArguments = "commands with wrong arguments"
    case randomTokens = "random tokens"
    case garbageBytes = "garbage bytes and invalid UTF-8"
    case extremeNumbers = "huge, tiny and special numbers"
    case collidingNames = "names that collide with commands"
    case deepNesting = "10,000-deep parentheses"
    case megabyteLine = "lines of 1 MB"
  }

  /// A seeded generator, so a failure can be replayed.
  struct Seeded: RandomNumberGenerator {
    var inner: SplitMix64
    mutating func next() -> UInt64 { inner.next() }
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every command line of every lesson.
  static let lessonLines: [String] = {
    let folder = root.appendingPathComponent("lessons").path
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".nabla") }
    return files.sorted().flatMap { file in
      ((try? String(contentsOfFile: folder + "/" + file, encoding: .utf8)) ?? "").split(separator: "\n")
        .map(String.init).filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
  }()

  static let numbers = [
    "0", "1", "-1", "0.5", "2", "10", "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "-5e-324", "2.2e-308",
    "nan", "NaN", "-nan", "inf", "-inf", "+inf", "infinity", "1e999", "-0", "0x10", "1_000", "1e", ".", "−3",
    "12345678901234567890", "-9223372036854775809", "9223372036854775807",
  ]

  static let words =
    CommandTable.names + numbers + [
      "x", "x1", "x2", "h1", "h2", "o1", "y", "w1", "w2", "w5", "b1", "b2", "h1->o1", "->", "sigmoid", "tanh", "relu",
      "softmax", "leaky_relu", "linear", "bias", "shared", "none", "own", "all", "example", "seed", "mean", "sum",
      "half_sse", "mse", "bce", "cross_entropy", "net", "weights", "values", "grads", "data", "settings", "xor",
      "moons", "circles", "spiral", "split", "epochs", "steps", "target", "full", "rate", "momentum", "nesterov",
      "sgd", "f", "g", "=", "(", ")", "+", "*", "^", "/", "∂", "δ", "\u{FFFD}", "", "#", "\"", "'", "\\", "..",
      "net.json", "../up.json", "/abs.json", "~/home.json", "a.svg", "a.dot", "p.html", "p.md", "d.csv",
    ]

  static let expressions = ["x", "x^2", "(x - 3)^2", "x * y + z", "exp(x)", "log(x)", "sqrt(x)", "x / y", "relu(x)"]

  static func line(_ kind: Kind, _ rng: inout Seeded) -> String {
    func pick(_ list: [String]) -> String { list.randomElement(using: &rng)! }
    switch kind {
    case .lessonLine:
      return pick(lessonLines)
    case .wrongArguments:
      let count = Int.random(in: 0...5, using: &rng)
      return ([pick(CommandTable.names)] + (0..<count).map { _ in pick(words) }).joined(separator: " ")
    case .randomTokens:
      return (0..<Int.random(in: 1...8, using: &rng)).map { _ in pick(words) }.joined(separator: " ")
    case .garbageBytes:
      var bytes = (0..<Int.random(in: 1...80, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
      if Bool.random(using: &rng) { bytes = Array(pick(CommandTable.names).utf8) + [0x20] + bytes }
      // As the line editor and the pipe reader hand it on: invalid UTF-8 repaired.
      return String(decoding: bytes, as: UTF8.self)
    case .extremeNumbers:
      var drawn = (0..<3).map { _ in pick(numbers) }.makeIterator()
      func n() -> String { drawn.next() ?? "1" }
      return pick([
        "set w1 \(n())", "set b1 \(n()) w2 \(n())", "rate \(n())", "momentum \(n())", "example \(n()) \(n()) -> \(n())",
        "let x = \(n())", "let x = \(n()), y = \(n())", "eval f", "descend f \(n()) rate \(n())", "decay \(n())",
        "data moons \(n()) noise \(n())", "data split \(n())", "step \(n())", "train \(n())", "precision \(n())",
        "dropout h1 \(n())", "init random seed \(n())", "seed \(n())", "batch \(n())", "f = x * \(n())",
        "alpha \(n())", "plot f \(n()) \(n())",
      ])
    case .collidingNames:
      let name = pick(CommandTable.names)
      return pick([
        "input \(name)", "layer \(name) sigmoid", "neuron \(name) tanh", "let \(name) = 1", "\(name) = x^2",
        "def \(name) = x + 1", "f = \(name) + 1", "eval \(name)", "grad \(name)", "set \(name) 1", "explain \(name)",
        "connect x \(name)", "input x \(name) x",
      ])
    case .deepNesting:
      let depth = 10_000
      let inner = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
      return pick(["f = \(inner)", "eval \(inner)", "let x = \(inner)", "g = 1 + \(inner) * 2"])
    case .megabyteLine:
      let word = pick(["x ", "set ", "(", "1", "\u{FFFD}", "input a"])
      return pick(["", "input ", "f = ", "set w1 "]) + String(repeating: word, count: 1_048_576 / word.utf8.count)
    }
  }

  /// How often each kind comes up, out of 1000.
  static let weights: [(Kind, Int)] = [
    (.lessonLine, 300), (.wrongArguments, 250), (.randomTokens, 180), (.garbageBytes, 100), (.extremeNumbers, 100),
    (.collidingNames, 66), (.deepNesting, 3), (.megabyteLine, 1),
  ]

  static let starts: [[String]] = [
    [],
    ["input x1 x2", "layer h1 h2 sigmoid", "layer o1 tanh", "example 0 1 -> 1"],
    RunCommands.mazurSetup + ["forward", "backward"],
    [
      "input x1 x2", "layer h1 h2 h3 tanh", "layer y sigmoid", "data xor", "let x = 1, y = 2, z = 3", "f = (x + y) * z",
    ],
  ]

  @Test func hundredThousandLinesNeverBreakTheSession() throws {
    let lines = 100_000
    let folder = NSTemporaryDirectory() + "nabla-fuzz-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var rng = Seeded(inner: SplitMix64(seed: 2026))
    var tried: [Kind: Int] = [:]
    var failed: [Kind: Int] = [:]
    var session = Session()
    var slowest = 0.0
    for index in 0..<lines {
      if index % 400 == 0 {
        // A fresh session now and then, from one of a few starting points. Files stay in a
        // scratch folder: the lines are held to it as a lesson's are.
        session = Session()
        session.files.confinement = FileAccess.Confinement(source: folder, output: folder)
        for line in Self.starts[(index / 400) % Self.starts.count] { _ = session.execute(line) }
      }
      var roll = Int.random(in: 0..<1000, using: &rng)
      let kind = Self.weights.first {
        roll -= $0.1
        return roll < 0
      }!.0
      let line = Self.line(kind, &rng)
      tried[kind, default: 0] += 1
      let before = session
      let start = DispatchTime.now().uptimeNanoseconds
      // Long commands are stopped after 5 ms, as Ctrl-C would stop them.
      let reply = session.execute(line) { DispatchTime.now().uptimeNanoseconds - start > 5_000_000 }
      slowest = max(slowest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      let shown = String(line.prefix(120))
      switch reply.status {
      case .error:
        failed[kind, default: 0] += 1
        #expect(!reply.output.isEmpty, "\(shown)")
        #expect(!reply.output.contains("\n"), "\(shown) → \(reply.output.prefix(300))")
        #expect(
          session == before || String(reflecting: session) == String(reflecting: before),
          "a failed command changed the session: \(shown)")
      case .quit:
        session = before
      case .ok:
        break
      }
      #expect(session.model.network.parameters.allSatisfy { $0.value.isFinite }, "\(shown)")
    }
    var report = ["interpreter fuzz: \(lines) lines; the slowest took \(String(format: "%.3f", slowest)) s"]
    for kind in Kind.allCases {
      report.append("  \(kind.rawValue): \(tried[kind, default: 0]) tried, \(failed[kind, default: 0]) refused")
      #expect(tried[kind, default: 0] > 0, "\(kind.rawValue)")
    }
    print(report.joined(separator: "\n"))
    #expect(tried.values.reduce(0, +) == lines)
    // Within 2 s a line: every long command was interruptible.
    #expect(slowest < 2)
  }
}
