import Foundation

/// Ways to adapt the interpreter's text for a terminal: plain ASCII for terminals without
/// Unicode, and colour that repeats what the text already says.
public enum TerminalText {
  /// Unicode symbols and their ASCII spellings, longest first where one contains another.
  static let asciiSpellings: [(String, String)] = [
    ("∂", "d"), ("δ", "delta"), ("σ", "sigma"), ("Σ", "sum"), ("α", "alpha"), ("×", "*"),
    ("·", "*"), ("−", "-"), ("→", "->"), ("←", "<-"), ("½", "1/2"), ("²", "^2"), ("…", "..."), ("—", "-"),
    ("≤", "<="), ("≥", ">="), ("√", "sqrt"), ("±", "+/-"), ("⁴", "^4"), ("░", ":"), ("▒", "%"),
    ("▓", "#"), ("█", "@"), ("│", "|"), ("└", "+"), ("├", "+"), ("─", "-"), ("∇", "grad"), ("●", "o"),
  ]

  /// The text with every non-ASCII symbol spelt in ASCII (`d` for ∂, `*` for ×, and so on).
  public static func ascii(_ text: String) -> String {
    var result = text
    for (symbol, spelling) in asciiSpellings where result.contains(symbol) {
      result = result.replacingOccurrences(of: symbol, with: spelling)
    }
    return result
  }

  static let reset = "\u{1B}[0m"
  static let bold = "\u{1B}[1m"
  static let red = "\u{1B}[31m"
  static let green = "\u{1B}[32m"
  static let yellow = "\u{1B}[33m"
  static let cyan = "\u{1B}[36m"
  static let blue = "\u{1B}[34m"

  /// The reply with colour: section headings bold, each line's result (after its last " = ")
  /// in cyan, gradient-check verdicts green, yellow or red. The words say the same without colour.
  public static func colored(_ text: String, bold highlight: Bool = false) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var line = String(line)
      if let first = line.first, !first.isWhitespace, line.hasSuffix(":") { return bold + line + reset }
      if line.contains("→ w") { return weightsColored(line) }
      if let range = line.range(of: " = ", options: .backwards) {
        let rest = line[range.upperBound...]
        let value = rest.prefix { !$0.isWhitespace }
        if !value.isEmpty, Double(value) != nil || value == "nan" || value.hasSuffix("inf") {
          let end = line.index(range.upperBound, offsetBy: value.count)
          line =
            String(line[..<range.upperBound]) + (highlight ? bold : "") + cyan + value + reset + String(line[end...])
        }
      }
      for (word, colour) in [("  good", green), ("  fine", green), ("  doubtful", yellow), ("  wrong", red)] {
        if let range = line.range(of: word, options: .backwards),
          line[range.upperBound...].first.map({ $0 == " " }) ?? true
        {
          line.replaceSubrange(range, with: "  " + colour + word.dropFirst(2) + reset)
          break
        }
      }
      return line
    }.joined(separator: "\n")
  }

  /// A drawing's weight labels (`h1→ w5 0.4`): blue for positive, red for negative, bold from 1 up.
  static func weightsColored(_ line: String) -> String {
    var result = ""
    var rest = Substring(line)
    while let match = rest.firstMatch(of: /(w[0-9]+) (-?[0-9][0-9.e+\-]*)/) {
      result += rest[..<match.range.lowerBound] + match.output.1 + " "
      let text = String(match.output.2)
      let value = Double(text) ?? 0
      result += (abs(value) >= 1 ? bold : "") + (value < 0 ? red : blue) + text + reset
      rest = rest[match.range.upperBound...]
    }
    return result + rest
  }

  /// "error: message" with "error:" in red.
  public static func coloredError(_ message: String) -> String {
    red + "error:" + reset + " " + message
  }
}
