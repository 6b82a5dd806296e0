import Foundation

@testable import Shell

/// A transcript: input lines prefixed with `nabla> `, each followed by its exact expected output.
/// Errors appear as `error: message`, as in the interactive shell.
struct Transcript {
  struct Entry {
    var input: String
    var expected: String
    var line: Int
  }

  static let prompt = "nabla> "
  var entries: [Entry] = []

  init(_ text: String) {
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.hasPrefix(Self.prompt) {
        entries.append(Entry(input: String(line.dropFirst(Self.prompt.count)), expected: "", line: number + 1))
      } else if !entries.isEmpty {
        entries[entries.count - 1].expected += (entries[entries.count - 1].expected.isEmpty ? "" : "\n") + line
      }
    }
    for i in entries.indices {
      while entries[i].expected.hasSuffix("\n") { entries[i].expected.removeLast() }
      entries[i].expected = entries[i].expected.trimmingTrailingNewlines
    }
  }

  /// The text of one reply, as the interactive shell prints it.
  static func render(_ reply: Reply) -> String {
    reply.status == .error ? "error: " + reply.output : reply.output
  }

  /// Replays every entry in a fresh session; returns (entry, actual) for each mismatch.
  /// A session whose clock stands still, so timings print as 0.
  static func session() -> Session {
    var session = Session()
    session.clock = { 0 }
    return session
  }

  func replay() -> [(Entry, String)] {
    var session = Self.session()
    var mismatches: [(Entry, String)] = []
    for entry in entries {
      let actual = Self.render(session.execute(entry.input))
      if actual != entry.expected { mismatches.append((entry, actual)) }
    }
    return mismatches
  }

  /// The transcript text the interpreter produces for these inputs.
  static func record(_ inputs: [String]) -> String {
    var session = Self.session()
    var text = ""
    for input in inputs {
      text += prompt + input + "\n"
      let output = render(session.execute(input))
      if !output.isEmpty { text += output + "\n" }
    }
    return text
  }
}

extension String {
  var trimmingTrailingNewlines: String {
    var s = self
    while s.hasSuffix("\n") { s.removeLast() }
    return s
  }
}

/// The repository's root folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
