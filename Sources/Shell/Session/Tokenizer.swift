/// Splits a command line into words. A word that starts with `#` starts a comment.
enum Tokenizer {
  static let maxLineLength = 100_000

  static func words(_ line: String) throws(ShellError) -> [String] {
    guard line.utf8.count <= maxLineLength else { throw .lineTooLong(line.utf8.count) }
    var words: [String] = []
    for word in line.split(whereSeparator: { $0.isWhitespace }) {
      if word.hasPrefix("#") { break }
      words.append(String(word))
    }
    return words
  }
}
