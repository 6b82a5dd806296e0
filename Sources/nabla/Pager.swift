import Foundation

/// Shows a reply longer than the terminal one screenful at a time, so that `backward` on a
/// wide network never scrolls thousands of partials past the learner.
///
/// Between pages it waits for one key: Space or Enter shows the next page, `a` the rest,
/// `q` (or Ctrl-C) stops and says how many lines were left out.
enum Pager {
  /// The terminal's rows and columns, or nil when standard output is not a terminal.
  static func size() -> (rows: Int, columns: Int)? {
    var size = winsize()
    guard isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else {
      return nil
    }
    return (Int(size.ws_row), Int(size.ws_col))
  }

  /// The pages of `lines` (as plain text) on a screen of `rows` × `columns`: each page's
  /// line range, leaving one row for the prompt between pages.
  static func pages(_ lines: [String], rows: Int, columns: Int) -> [Range<Int>] {
    let height = max(rows - 1, 1)
    var pages: [Range<Int>] = []
    var start = 0
    var used = 0
    for (i, line) in lines.enumerated() {
      let tall = max(1, (line.count + columns - 1) / max(columns, 1))
      if used + tall > height, i > start {
        pages.append(start..<i)
        start = i
        used = 0
      }
      used += tall
    }
    if start < lines.count { pages.append(start..<lines.count) }
    return pages
  }

  /// Prints `shown` (the reply as it should appear) page by page; `plain` is the same text
  /// without colour, to measure it.
  static func show(_ shown: String, plain: String) {
    let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let plainLines = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let (rows, columns) = size(), lines.count == plainLines.count else {
      print(shown)
      return
    }
    let pages = pages(plainLines, rows: rows, columns: columns)
    for (number, page) in pages.enumerated() {
      print(lines[page].joined(separator: "\n"))
      guard number < pages.count - 1 else { break }
      let left = lines.count - page.upperBound
      print("-- \(left) more lines: Space or Enter for the next page, a for all, q to stop --", terminator: "")
      fflush(nil)
      let key = readKey()
      print("\r\u{1B}[K", terminator: "")
      switch key {
      case UInt8(ascii: "a"), UInt8(ascii: "A"):
        // The rest, a screenful at a time, so that Ctrl-C can still stop a long one.
        Interrupt.reset()
        var start = page.upperBound
        while start < lines.count {
          let end = min(start + rows, lines.count)
          print(lines[start..<end].joined(separator: "\n"))
          fflush(nil)
          start = end
          if Interrupt.requested(), start < lines.count {
            print("(\(lines.count - start) more lines not shown)")
            return
          }
        }
        return
      case UInt8(ascii: "q"), UInt8(ascii: "Q"), 3, 4, nil:
        print("(\(left) more lines not shown)")
        return
      default:
        continue
      }
    }
  }

  /// One key from the terminal, without echo or waiting for Enter; nil at end of input. A key
  /// that sends several bytes (an arrow sends three) counts once: its first byte.
  private static func readKey() -> UInt8? {
    var saved = termios()
    guard tcgetattr(0, &saved) == 0 else { return nil }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    tcsetattr(0, TCSANOW, &raw)
    defer { tcsetattr(0, TCSANOW, &saved) }
    var bytes = [UInt8](repeating: 0, count: 16)
    while true {
      let count = read(0, &bytes, bytes.count)
      if count > 0 { return bytes[0] }
      if count < 0, errno == EINTR { continue }
      return nil
    }
  }
}
