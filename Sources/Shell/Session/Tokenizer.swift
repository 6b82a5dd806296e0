/// Splits a command line into words. A word that starts with `#` starts a comment.
/// A word in double or single quotes may hold spaces (for file names).
enum Tokenizer {
  static let maxLineLength = 100_000

  static func words(_ line: String) throws(ShellError) -> [String] {
    guard line.utf8.count <= maxLineLength else { throw .lineTooLong(line.utf8.count) }
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    for character in line {
      if let open = quote {
        if character == open {
          quote = nil
        } else {
          current.append(character)
        }
      } else if character.isWhitespace {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else if character == "#" && !inWord {
        break
      } else if character == "\"" || character == "'" {
        quote = character
        inWord = true
      } else {
        current.append(character)
        inWord = true
      }
    }
    if let open = quote { throw .unterminatedQuote(String(open)) }
    if inWord { words.append(current) }
    return words
  }
}
