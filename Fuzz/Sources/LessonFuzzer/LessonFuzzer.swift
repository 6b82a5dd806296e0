import Lessons

/// libFuzzer's entry point. The input, read as UTF-8 (a bad byte becomes U+FFFD, as it would
/// for a lesson file), is parsed as a lesson. The parser must return a lesson or throw a
/// `LessonError`; it must never crash. Stops the process, so that libFuzzer keeps the input,
/// when a rule is broken:
///
/// - an error points at a line of the file (1-based) and a column from 1, and its message
///   is one line that is not empty;
/// - a lesson has a title, and every command's line is a line of the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLessons(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  LessonFuzzer.run(text)
  return 0
}

enum LessonFuzzer {
  static func run(_ text: String) {
    // The parser counts lines the same way.
    let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
    do {
      let lesson = try LessonParser.parse(text, file: "fuzz.nabla")
      require(!lesson.title.isEmpty, "a lesson has a title", text, "")
      for step in lesson.steps {
        if case .command(_, let location) = step {
          require((1...lineCount).contains(location.line), "a command is on a line of the file", text, "")
          require(location.column >= 1, "a command's column counts from 1", text, "")
        }
      }
    } catch {
      let message = error.description
      require((1...max(lineCount, 1)).contains(error.line), "an error is on a line of the file", text, message)
      require(error.column >= 1, "an error's column counts from 1", text, message)
      require(!error.message.isEmpty, "an error says why", text, message)
      require(!message.utf8.contains(10), "an error is one line", text, message)
    }
  }

  static func require(_ condition: Bool, _ rule: String, _ text: String, _ message: String) {
    guard !condition else { return }
    fatalError("broken rule: \(rule)\nlesson: \(text.debugDescription)\nerror: \(message.debugDescription)")
  }
}
