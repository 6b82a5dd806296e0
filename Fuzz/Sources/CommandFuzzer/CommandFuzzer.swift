import Functions
import Shell

/// libFuzzer's entry point. The input is split into lines at each newline byte, as a script
/// or a pipe would be, and each line is read by the expression parser and then run by the
/// interpreter in a session that already has a small network and an example.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommands(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  CommandFuzzer.run(UnsafeBufferPointer(start: data, count: size))
  return 0
}

/// Runs the lines of one input and stops the process, so that libFuzzer keeps the input,
/// when a rule of the interpreter is broken:
///
/// - a failed command replies with one line (no newline) that is not empty, and leaves the
///   session exactly as it was (`Session` is `Equatable`);
/// - a column given with an error lies within the line;
/// - every parameter stays finite;
/// - the expression parser returns an expression or a one-line error inside the text.
///
/// What is not run, so that each input takes milliseconds and touches no file:
///
/// - lines with the word `save`, `load`, `run` or `export` (after quotes are taken out, as the
///   tokenizer takes them out): these read or write files (`save`, `load`, `data save`,
///   `data load`, `run`, `export`);
/// - `draw` lines with a `.`, which could name an `.svg` or `.dot` file to write;
/// - lines after the first `maxLines`.
///
/// Long commands (`step`, `train`, `descend`, `compare`) run in full but are told they are
/// interrupted after `pollBudget` checks, as Ctrl-C would, so their counts need no clamping.
enum CommandFuzzer {
  static let maxLines = 32
  static let pollBudget = 50
  static let fileWords: Set<String> = ["save", "load", "run", "export"]

  /// A 2-2-1 network with one example; the clock is fixed so that replies do not depend on time.
  static let start: Session = {
    var session = Session()
    session.clock = { 0 }
    for line in ["input x1 x2", "layer h1 h2 sigmoid", "layer o1 tanh", "example 0 1 -> 1"] {
      let reply = session.execute(line)
      precondition(reply.status == .ok, "\(line): \(reply.output)")
    }
    return session
  }()

  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    var session = start
    let lines = bytes.split(separator: 10, maxSplits: maxLines, omittingEmptySubsequences: false).prefix(maxLines)
    for bytes in lines {
      let line = String(decoding: bytes, as: UTF8.self)
      parseExpression(line)
      if !touchesFiles(line) { execute(line, in: &session) }
    }
  }

  /// Whether a line could read or write a file.
  static func touchesFiles(_ line: String) -> Bool {
    let words = line.filter { $0 != "\"" && $0 != "'" }.split(whereSeparator: \.isWhitespace).map(String.init)
    return words.contains { fileWords.contains($0) } || (words.contains("draw") && line.contains("."))
  }

  static func execute(_ line: String, in session: inout Session) {
    let before = session
    var polls = 0
    let reply = session.execute(
      line,
      interrupted: {
        polls += 1
        return polls > pollBudget
      })
    if reply.status == .error {
      require(!reply.output.isEmpty, "an error says why", line, reply.output)
      require(!reply.output.utf8.contains(10), "an error is one line", line, reply.output)
      require(session == before, "a failed command leaves the session as it was", line, reply.output)
    }
    if let column = reply.column {
      require(column >= 0 && column <= line.count, "the column \(column) is in the line", line, reply.output)
    }
    require(
      session.model.network.parameters.allSatisfy { $0.value.isFinite }, "parameters stay finite", line, reply.output)
  }

  static func parseExpression(_ text: String) {
    do {
      _ = try Parser.parse(text)
    } catch {
      require(!error.message.isEmpty, "a parse error says why", text, error.message)
      require(!error.message.utf8.contains(10), "a parse error is one line", text, error.message)
      require(
        error.column >= 0 && error.column <= text.count, "the column \(error.column) is in the text", text,
        error.message)
    }
  }

  static func require(_ condition: Bool, _ rule: String, _ line: String, _ output: String) {
    guard !condition else { return }
    fatalError("broken rule: \(rule)\nline: \(line.debugDescription)\nreply: \(output.debugDescription)")
  }
}
