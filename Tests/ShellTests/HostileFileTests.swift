import Foundation
import Network
import Testing

@testable import Shell

/// Broken and hostile files are refused in one line, and the session is left exactly as it
/// was: every prefix of a real save file, random byte changes, other kinds of file, newer
/// versions, deep nesting, huge files, pipes and devices.
@Suite struct HostileFileTests {
  /// A session with a network, data, settings and a pass, so a wrong load would show.
  static func busySession() -> Session {
    var session = SaveFileTests.mazurSession()
    for line in ["momentum 0.5", "forward", "backward", "f = x^2", "let x = 3"] { _ = session.execute(line) }
    return session
  }

  /// Loads `bytes` as a file into a copy of `session`; returns whether it loaded, after
  /// checking a refusal is one line and changes nothing.
  static func load(
    _ bytes: some Sequence<UInt8>, into session: Session, command: String = "load", name: String = "f.json"
  ) throws -> Bool {
    let path = SaveFileTests.temporaryPath(name)
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    var copy = session
    let reply = copy.execute("\(command) \(path)")
    if reply.status == .error {
      #expect(!reply.output.contains("\n"), "\(reply.output)")
      #expect(reply.output.contains(path), "\(reply.output)")
      #expect(copy == session, "\(reply.output)")
    }
    return reply.status == .ok
  }

  static func saved(_ session: Session) throws -> [UInt8] {
    var copy = session
    let path = SaveFileTests.temporaryPath("good.json")
    #expect(copy.execute("save \(path)").status == .ok)
    return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  @Test func everyTruncationOfASaveFileIsRefused() throws {
    let session = Self.busySession()
    let good = try Self.saved(session)
    var loaded = 0
    // Every proper prefix but the last byte (the file ends in a newline after the JSON).
    for length in 0..<(good.count - 1) where try Self.load(good.prefix(length), into: Session()) {
      loaded += 1
    }
    #expect(loaded == 0)
    #expect(try Self.load(good, into: Session()))
    print("save file prefixes refused: \(good.count - 1)")
  }

  @Test func randomByteChangesNeverCrashOrHalfLoad() throws {
    let session = Self.busySession()
    let good = try Self.saved(session)
    var rng = SplitMix64(seed: 8)
    var loaded = 0
    let trials = 1500
    for _ in 0..<trials {
      var bytes = good
      for _ in 0..<Int(rng.next() % 3 + 1) {
        bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
      }
      if try Self.load(bytes, into: session) { loaded += 1 }
    }
    // Some changes land in whitespace or in a digit and still make a good file.
    print("save files with random bytes changed: \(trials), of which \(loaded) still loaded")
  }

  @Test(arguments: [
    ("not JSON", "it is not valid JSON"),
    ("\u{89}PNG\r\n\u{1A}\n", "it is not valid JSON"),
    ("x,y\n0,1\n", "it is not valid JSON"),
    ("[]", "the top level has the wrong type"),
    ("{\"format\": \"keras\", \"version\": 1}", "its \"format\" is \"keras\", not \"nabla\""),
    ("{\"format\": \"nabla\", \"version\": 2}", "it is version 2; this nabla reads version 1"),
    ("{\"format\": \"nabla\", \"version\": 1}", "the key \"neurons\" is missing at the top level"),
    (
      String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), "it nests more than 32 levels deep"
    ),
    (
      "{\"a\": " + String(repeating: "{\"a\": ", count: 100) + "1" + String(repeating: "}", count: 101),
      "it nests more than 32 levels deep"
    ),
  ])
  func otherFilesAreNamedForWhatTheyAre(text: String, reason: String) throws {
    let session = Self.busySession()
    let path = SaveFileTests.temporaryPath("other.json")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    var copy = session
    let reply = copy.execute("load \(path)")
    #expect(reply.output.hasPrefix("'\(path)' is not a nabla save file: \(reason)"), "\(reply.output)")
    #expect(copy == session)
  }

  @Test func hugeFilesAreRefusedWithoutReadingThem() throws {
    let path = SaveFileTests.temporaryPath("huge")
    // A sparse 100 MB file: it costs no disk, and nabla must not read it all.
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 100 * 1024 * 1024)
    try handle.close()
    let session = Self.busySession()
    for (command, limit, what) in [
      ("load", "64 MB", "save files"), ("data load", "64 MB", "data files"), ("run", "4 MB", "scripts"),
    ] {
      var copy = session
      let reply = copy.execute("\(command) \(path)")
      #expect(reply.output == "'\(path)' is over \(limit), and \(what) are at most \(limit); nothing was read")
      #expect(copy == session)
    }
  }

  @Test func pipesAndDevicesAreNotRead() throws {
    let fifo = SaveFileTests.temporaryPath("fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    let session = Self.busySession()
    for path in [fifo, "/dev/zero", "/dev/null"] {
      for command in ["load", "data load", "run"] {
        var copy = session
        let reply = copy.execute("\(command) \(path)")
        #expect(reply.output == "cannot read '\(path)': it is not a plain file; check the file name")
        #expect(copy == session)
      }
    }
  }

  @Test func brokenDataFilesAreRefused() throws {
    var session = Self.busySession()
    _ = session.execute("data xor")
    let good = Array("x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n".utf8)
    var refused = 0
    for length in 0..<good.count where !(try Self.load(good.prefix(length), into: session, command: "data load")) {
      refused += 1
    }
    #expect(refused > 5)
    for text in [
      "\u{FF}\u{FE}binary", "a,b\n1,nan\n", "a,b\n1,1e999\n", "a,b\n1\n", String(repeating: ",", count: 100_000),
    ] {
      #expect(
        !(try Self.load(Array(text.utf8), into: session, command: "data load", name: "d.csv")), "\(text.prefix(20))")
    }
  }
}

/// Examples all have one shape, whichever way they arrive.
@Suite struct ExampleShapeTests {
  @Test func anExampleOfAnotherShapeIsRefused() {
    var session = Session()
    _ = session.execute("data moons 10")
    let before = session
    let reply = session.execute("example 1 -> 1")
    #expect(
      reply.output
        == "'1' does not fit: the other examples have 2 input values before '->'; 'example clear' removes them")
    #expect(session == before)
    #expect(
      session.execute("example 1 2 -> 1 0").output.hasPrefix(
        "'1 0' does not fit: the other examples have 1 target after '->'"))
    #expect(session.execute("example 1 2 -> 1").status == .ok)
    #expect(session.execute("show data").status == .ok)
  }

  @Test func aSaveFileWithExamplesOfTwoShapesIsRefused() throws {
    var session = Session()
    _ = session.execute("example 1 2 -> 1")
    let path = SaveFileTests.temporaryPath("shapes.json")
    #expect(session.execute("save \(path)").status == .ok)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    // A second example, with one input fewer, written in by hand.
    let edited = text.replacingOccurrences(
      of: "\"examples\" : [", with: "\"examples\" : [{\"inputs\": [1], \"targets\": [1]},")
    #expect(edited != text)
    try edited.write(toFile: path, atomically: true, encoding: .utf8)
    var fresh = Session()
    #expect(
      fresh.execute("load \(path)").output
        == "'\(path)' is not a nabla save file: its examples do not all have the same number of inputs and targets; nothing was loaded"
    )
  }
}
