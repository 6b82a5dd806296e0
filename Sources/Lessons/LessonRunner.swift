import Foundation
import Shell

/// Runs a lesson's steps on a session, answering tasks and questions with the lesson's own
/// answers: for `nabla play` (a demonstration) and `nabla check` (a test of the lesson).
public struct LessonRunner {
  public let lesson: Lesson
  public let file: String
  /// The folders the lesson's own lines may read and write files in.
  public let confinement: FileAccess.Confinement

  /// `output` is the folder the learner chose for the files the lesson writes.
  public init(lesson: Lesson, file: String, output: String? = nil) {
    self.lesson = lesson
    self.file = file
    self.confinement = LessonFiles.confinement(lessonFile: file, output: output)
  }

  /// What one step did: the text to show, and a problem if the lesson itself is wrong there.
  public struct Outcome: Equatable, Sendable {
    public var text: String
    public var problem: String?
    /// The lesson reached for a file out of its reach: it must not go on.
    public var stop = false
  }

  /// Runs one of the lesson's own lines, held to the lesson's folders.
  private func execute(_ line: String, on session: inout Session) -> Reply {
    let previous = session.files.confinement
    session.files.confinement = confinement
    defer { session.files.confinement = previous }
    return session.execute(line)
  }

  /// The outcome of a line that failed.
  private func failure(_ text: String, _ line: Int, _ what: String, _ reply: Reply) -> Outcome {
    guard reply.outsideLesson else {
      return Outcome(text: text, problem: "\(file):\(line): \(what) failed: \(reply.output)")
    }
    // The problem says it all, with the line: the command's own error is not repeated.
    let shown = text.hasSuffix("error: " + reply.output) ? String(text.dropLast(reply.output.count + 8)) : text
    return Outcome(text: shown, problem: "\(file):\(line): \(reply.output); the lesson stops here", stop: true)
  }

  /// The heading a demonstration starts with.
  public var heading: String {
    var lines = [
      "== \(lesson.title)" + (lesson.minutes > 0 ? " (\(lesson.minutes) minute\(lesson.minutes == 1 ? "" : "s"))" : "")
        + " =="
    ]
    if !lesson.summary.isEmpty { lines.append(lesson.summary) }
    if !lesson.requires.isEmpty { lines.append("after: " + lesson.requires.joined(separator: ", ")) }
    return lines.joined(separator: "\n")
  }

  /// Runs step `index` on `session`, as the lesson's own answers would.
  public func run(_ index: Int, on session: inout Session, presenter: Bool = false) -> Outcome {
    switch lesson.steps[index] {
    case .narration(let text):
      return Outcome(text: text, problem: nil)
    case .note(let text):
      return Outcome(text: presenter ? "(presenter) \(text)" : "", problem: nil)
    case .command(let line, let location):
      let reply = execute(line, on: &session)
      let shown =
        "nabla> \(line)" + (reply.output.isEmpty ? "" : "\n" + (reply.status == .error ? "error: " : "") + reply.output)
      guard reply.status == .error else { return Outcome(text: shown, problem: nil) }
      return failure(shown, location.line, "'\(line)'", reply)
    case .task(let task):
      var lines = ["Task: \(task.text)"]
      for line in task.answer {
        let reply = execute(line, on: &session)
        lines.append("nabla> \(line)")
        if !reply.output.isEmpty { lines.append((reply.status == .error ? "error: " : "") + reply.output) }
        if reply.status == .error {
          return failure(lines.joined(separator: "\n"), task.location.line, "the task's answer '\(line)'", reply)
        }
      }
      switch SessionValues.holds(task.check, in: session) {
      case .success(true):
        lines.append("done: \(task.check)")
        return Outcome(text: lines.joined(separator: "\n"), problem: nil)
      case .success(false):
        return Outcome(
          text: lines.joined(separator: "\n"),
          problem: "\(file):\(task.location.line): after its answer, the task's check '\(task.check)' is false")
      case .failure(let why):
        return Outcome(text: lines.joined(separator: "\n"), problem: "\(file):\(task.location.line): \(why.message)")
      }
    case .question(let question):
      var lines = ["Question: \(question.text)"]
      switch question.kind {
      case .number(let expression, _):
        switch SessionValues.value(expression, in: session) {
        case .success(let v):
          lines.append("answer: \(Self.number(v))")
        case .failure(let why):
          return Outcome(
            text: lines.joined(separator: "\n"), problem: "\(file):\(question.location.line): \(why.message)")
        }
      case .choice(let options, let answer):
        lines.append("choices: " + options.joined(separator: " | "))
        lines.append("answer: \(answer)")
      case .text(let accepted):
        lines.append("answer: \(accepted.first ?? "")")
      }
      return Outcome(text: lines.joined(separator: "\n"), problem: nil)
    }
  }

  /// Replays the whole lesson in a fresh session; returns every problem found.
  public func check() -> [String] {
    var session = Session()
    session.clock = { 0 }
    var problems: [String] = []
    for i in lesson.steps.indices {
      let outcome = run(i, on: &session)
      if let problem = outcome.problem { problems.append(problem) }
      if outcome.stop { break }
    }
    return problems
  }

  static func number(_ v: Double) -> String {
    String(format: "%.9g", v)
  }

  /// Whether a learner's answer to a question is right.
  public static func accepts(_ question: Lesson.Question, answer: String, in session: Session) -> Bool {
    let given = answer.trimmingCharacters(in: .whitespaces)
    switch question.kind {
    case .number(let expression, let tolerance):
      guard case .success(let expected) = SessionValues.value(expression, in: session),
        let value = Double(given.replacingOccurrences(of: "\u{2212}", with: "-"))
      else { return false }
      return abs(value - expected) <= tolerance * max(1, abs(expected))
    case .choice(let options, let answer):
      if given.lowercased() == answer.lowercased() { return true }
      // A letter or number for the choice's position.
      if let i = Int(given), i >= 1, i <= options.count { return options[i - 1] == answer }
      if given.count == 1, let c = given.lowercased().first, let a = Character("a").asciiValue, let v = c.asciiValue,
        v >= a, Int(v - a) < options.count
      {
        return options[Int(v - a)] == answer
      }
      return false
    case .text(let accepted):
      let normal = given.lowercased().split(separator: " ").joined(separator: " ")
      return accepted.contains { $0.lowercased().split(separator: " ").joined(separator: " ") == normal }
    }
  }
}
