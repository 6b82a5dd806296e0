import Foundation
import Shell

/// Writes replies to standard output and errors to standard error, in ASCII or with
/// colour when asked, flushing after each.
struct Output {
  var ascii: Bool
  var color: Bool

  func text(_ text: String) -> String { ascii ? TerminalText.ascii(text) : text }

  /// Whether progress bars are drawn in place (standard output is a terminal).
  var bars = false

  func reply(_ reply: String) {
    guard !reply.isEmpty else { return }
    if reply.hasPrefix("\r") {
      // A progress bar: drawn over itself on a terminal, left out of pipes and files.
      guard bars else { return }
      print("\r\u{1B}[K" + text(String(reply.dropFirst())), terminator: "")
      fflush(nil)
      return
    }
    if reply.hasPrefix("\u{0B}") {
      // A periodic progress line: for pipes and files, where no bar is drawn.
      guard !bars else { return }
      print(text(String(reply.dropFirst())))
      fflush(nil)
      return
    }
    if bars { print("\r\u{1B}[K", terminator: "") }
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
