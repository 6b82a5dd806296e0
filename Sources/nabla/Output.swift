import Foundation
import Shell

/// Writes replies to standard output and errors to standard error, in ASCII or with
/// colour when asked, flushing after each.
struct Output {
  var ascii: Bool
  var color: Bool

  func text(_ text: String) -> String { ascii ? TerminalText.ascii(text) : text }

  func reply(_ reply: String) {
    guard !reply.isEmpty else { return }
    print(color ? TerminalText.colored(text(reply)) : text(reply))
    fflush(nil)
  }

  /// An error in the interactive shell: "error: message".
  func shellError(_ message: String) {
    print(color ? TerminalText.coloredError(text(message)) : "error: " + text(message))
    fflush(nil)
  }

  /// A line for standard error (script errors as FILE:LINE: message).
  func error(_ line: String) {
    fflush(nil)
    FileHandle.standardError.write(Data((text(line) + "\n").utf8))
  }
}
