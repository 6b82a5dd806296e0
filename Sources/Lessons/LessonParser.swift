import Foundation
import Shell

/// A problem in a lesson file, at a line and column (1-based).
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public var description: String { "\(file):\(line):\(column): \(message)" }

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }
}

/// Reads the lesson format (documented in lessons/README.md):
///
///     #! title: One step of learning        metadata: title, summary, minutes, requires
///     # Narration for the learner.          a paragraph: consecutive '#' lines
///     input i1 i2                           a command the lesson runs and shows
///     #? task: Make the loss below 0.2.     a task, checked on the session …
///     #? check: loss < 0.2
///     #? hint: 'step' moves every parameter.
///     step 5                                … and the commands that do it
///     #? question: What is ∂E/∂w5?          a question …
///     #? number: grad_w5                    … whose answer is an expression (tolerance 1e-6) …
///     #? choices: a | b | c  and  #? answer: b
///     #? text: backpropagation | backprop   … or accepted words
///     #% Presenter-only note.
public enum LessonParser {
  public static func parse(_ text: String, file: String) throws(LessonError) -> Lesson {
    var lesson = Lesson()
    var paragraph: [String] = []
    var openTask: Lesson.Task?
    var openQuestion: (text: String, location: Lesson.Location, hints: [String], kind: Lesson.Question.Kind?)?
    var tolerance = 1e-6
    var choices: [String]?

    func fail(_ line: Int, _ column: Int, _ message: String) -> LessonError {
      LessonError(file: file, line: line, column: column, message: message)
    }
    func flushParagraph() {
      if !paragraph.isEmpty { lesson.steps.append(.narration(paragraph.joined(separator: " "))) }
      paragraph = []
    }
    func closeTask() throws(LessonError) {
      guard let task = openTask else { return }
      guard !task.check.isEmpty else {
        throw fail(
          task.location.line, 1,
          "the task has no '#? check:' line; say how to tell it is done, e.g. '#? check: loss < 0.1'")
      }
      guard !task.answer.isEmpty else {
        throw fail(task.location.line, 1, "the task has no answer; put the commands that do it on the lines after it")
      }
      lesson.steps.append(.task(task))
      openTask = nil
    }
    func closeQuestion() throws(LessonError) {
      guard let q = openQuestion else { return }
      var kind = q.kind
      if case .number(let e, _) = kind { kind = .number(expression: e, tolerance: tolerance) }
      guard let kind else {
        throw fail(
          q.location.line, 1,
          "the question has no answer; add '#? number: …', '#? text: …' or '#? choices: …' with '#? answer: …'")
      }
      if case .choice(let options, let answer) = kind, !options.contains(answer) {
        throw fail(
          q.location.line, 1, "the answer '\(answer)' is not one of the choices \(options.joined(separator: " | "))")
      }
      lesson.steps.append(.question(Lesson.Question(text: q.text, kind: kind, hints: q.hints, location: q.location)))
      openQuestion = nil
      tolerance = 1e-6
      choices = nil
    }

    // Control characters (escape sequences that would clear the screen, retitle the window or
    // write to the clipboard) are shown, not sent to the terminal.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
      PrintableLine.make(String($0))
    }
    for (index, raw) in lines.enumerated() {
      let number = index + 1
      let line = raw.trimmingCharacters(in: .whitespaces)
      let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
      if line.isEmpty {
        flushParagraph()
        if let task = openTask, !task.answer.isEmpty { try closeTask() }
        if openQuestion?.kind != nil { try closeQuestion() }
        continue
      }
      if line.hasPrefix("#!") || line.hasPrefix("#?") {
        flushParagraph()
        let body = line.dropFirst(2)
        guard let colon = body.firstIndex(of: ":") else {
          throw fail(
            number, indent + 1, "a directive needs 'name: value', e.g. '\(line.prefix(2)) title: Gradient descent'")
        }
        let key = body[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        // 1-based columns of the key and of the value in the line as written.
        let keyColumn = indent + 3 + body.prefix { $0 == " " }.count
        let afterColon = body[body.index(after: colon)...]
        let valueColumn =
          indent + 3 + body.distance(from: body.startIndex, to: colon) + 1 + afterColon.prefix { $0 == " " }.count
        if line.hasPrefix("#!") {
          switch key {
          case "title": lesson.title = value
          case "summary": lesson.summary = value
          case "minutes":
            guard let m = Int(value), m > 0 else {
              throw fail(number, valueColumn, "'\(value)' is not a number of minutes")
            }
            lesson.minutes = m
          case "requires":
            lesson.requires = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
              !$0.isEmpty && $0 != "none"
            }
          default:
            throw fail(number, keyColumn, "unknown metadata '\(key)'; use title, summary, minutes or requires")
          }
          continue
        }
        guard !value.isEmpty else { throw fail(number, valueColumn, "'\(key):' needs a value") }
        switch key {
        case "task":
          try closeTask()
          try closeQuestion()
          openTask = Lesson.Task(text: value, check: "", location: Lesson.Location(line: number, column: indent + 1))
        case "check":
          guard openTask != nil else {
            throw fail(number, indent + 1, "'check:' belongs to a task; start one with '#? task: …'")
          }
          openTask!.check = value
        case "question":
          try closeTask()
          try closeQuestion()
          openQuestion = (value, Lesson.Location(line: number, column: indent + 1), [], nil)
        case "number":
          guard openQuestion != nil else { throw fail(number, indent + 1, "'number:' belongs to a question") }
          openQuestion!.kind = .number(expression: value, tolerance: tolerance)
        case "tolerance":
          guard openQuestion != nil else { throw fail(number, indent + 1, "'tolerance:' belongs to a question") }
          guard let t = Double(value), t >= 0, t.isFinite else {
            throw fail(number, valueColumn, "'\(value)' is not a tolerance")
          }
          tolerance = t
        case "text":
          guard openQuestion != nil else { throw fail(number, indent + 1, "'text:' belongs to a question") }
          openQuestion!.kind = .text(value.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) })
        case "choices":
          guard openQuestion != nil else { throw fail(number, indent + 1, "'choices:' belongs to a question") }
          choices = value.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        case "answer":
          guard openQuestion != nil, let choices else {
            throw fail(
              number, indent + 1,
              "'answer:' picks one of a question's '#? choices:'; for tasks, write the commands on the lines after the task"
            )
          }
          openQuestion!.kind = .choice(choices, answer: value)
        case "hint":
          if openTask != nil {
            openTask!.hints.append(value)
          } else if openQuestion != nil {
            openQuestion!.hints.append(value)
          } else {
            throw fail(number, indent + 1, "'hint:' belongs to a task or a question")
          }
        default:
          throw fail(
            number, keyColumn,
            "unknown directive '\(key)'; use task, check, question, number, tolerance, text, choices, answer or hint")
        }
        continue
      }
      if line.hasPrefix("#%") {
        flushParagraph()
        lesson.steps.append(.note(line.dropFirst(2).trimmingCharacters(in: .whitespaces)))
        continue
      }
      if line.hasPrefix("#") {
        try closeTask()
        try closeQuestion()
        paragraph.append(line.dropFirst().trimmingCharacters(in: .whitespaces))
        continue
      }
      // A command: the answer of an open task, or a step of its own.
      flushParagraph()
      try closeQuestion()
      if openTask != nil {
        openTask!.answer.append(line)
      } else {
        lesson.steps.append(.command(line, Lesson.Location(line: number, column: indent + 1)))
      }
    }
    flushParagraph()
    try closeTask()
    try closeQuestion()
    guard !lesson.title.isEmpty else { throw fail(1, 1, "the lesson has no title; start it with '#! title: …'") }
    return lesson
  }
}
