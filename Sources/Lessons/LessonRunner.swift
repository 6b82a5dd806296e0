import Foundation
import Shell

/// Runs a lesson's steps on a session, answering tasks and questions with the lesson's own
/// answers: for `nabla play` (a demonstration) and `nabla check` (a test of the lesson).
public struct LessonRunner {
  public let lesson: Lesson
  public let file: String

  public init(lesson: Lesson, file: String) {
    self.lesson = lesson
    self.file = file
  }

  /// What one step did: the text to show, and a problem if the lesson itself is wrong there.
  public struct Outcome: Equatable, Sendable {
    public var text: String
    public var problem: String?
  }

  /// The heading a demonstration starts with.
  public var heading: String {
    var lines = ["== \(lesson.title)" + (lesson.minutes > 0 ? " (\(lesson.minutes) minutes)" : "") + " =="]
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
      let reply = session.execute(line)
      let shown =
        "nabla> \(line)" + (reply.output.isEmpty ? "" : "\n" + (reply.status == .error ? "error: " : "") + reply.output)
      return Outcome(
        text: shown,
        problem: reply.status == .error ? "\(file):\(location.line): '\(line)' failed: \(reply.output)" : nil)
    case .task(let task):
      var lines = ["Task: \(task.text)"]
      for line in task.answer {
        let reply = session.execute(line)
        lines.append("nabla> \(line)")
        if !reply.output.isEmpty { lines.append((reply.status == .error ? "error: " : "") + reply.output) }
        if reply.status == .error {
          return Outcome(
            text: lines.joined(separator: "\n"),
            problem: "\(file):\(task.location.line): the task's answer '\(line)' failed: \(reply.output)")
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
      if let problem = run(i, on: &session).problem { problems.append(problem) }
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
