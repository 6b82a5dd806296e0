import Foundation
import Shell

/// Writes replies to standard output and errors to standard error, in ASCII or with
/// colour when asked, flushing after each.
struct Output {
  var ascii: Bool
  var color: Bool

  func text(_ text: String) -> String { ascii ? TerminalText.ascii(text) : text }

  /// Clears the terminal, so a presenter's next step starts on a fresh screen.
  func clearScreen() {
    guard bars else { return }
    print("\u{1B}[2J\u{1B}[H", terminator: "")
  }

  /// Whether progress bars are drawn in place (standard output is a terminal).
  var bars = false
  /// Presenter mode: a blank line after every reply, results in bold.
  var present = false
  /// Whether replies longer than the terminal are shown a page at a time (the shell).
  var paging = false

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
    let shown = color ? TerminalText.colored(text(reply), bold: present) : text(reply)
    if paging {
      Pager.show(shown, plain: text(reply))
      if present { print("") }
    } else {
      print(shown + (present ? "\n" : ""))
    }
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
