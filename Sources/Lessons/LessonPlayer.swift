import Foundation
import Shell

/// A learner going through a lesson in the shell: Enter continues, `hint`, `skip`, `back`,
/// `restart` and `leave` steer, and any other command runs as usual while the lesson waits.
/// Tasks are checked on the session after every command; questions take an answer line.
public struct LessonPlayer {
  public let lesson: Lesson
  /// The lesson's file name, which keys its progress.
  public let name: String
  /// The step waiting for the learner.
  public private(set) var index = 0
  /// The session as each step began, for `back`.
  private var snapshots: [Session] = []
  private var hintsShown = 0
  public private(set) var finished = false
  public private(set) var record = LessonProgress.Record()
  /// Polled by long commands the learner runs inside the lesson (Ctrl-C).
  private var interrupted: () -> Bool = { false }

  private let runner: LessonRunner

  /// `path` is the lesson file (its folder is where the lesson reads files); `output` the
  /// folder the learner chose for the files it writes (nil: its own folder in nabla's data).
  public init(lesson: Lesson, name: String, path: String? = nil, output: String? = nil) {
    self.lesson = lesson
    self.name = name
    self.runner = LessonRunner(lesson: lesson, file: path ?? name, output: output)
  }

  /// `lesson 1 · 3/20> `: who is waiting for input.
  public var prompt: String {
    finished ? "nabla> " : "\(Path.stem(name)) · \(index + 1)/\(lesson.steps.count)> "
  }

  /// Starts (or resumes at `step`, replaying the steps before it with their answers).
  public mutating func start(at step: Int, session: inout Session, record: LessonProgress.Record) -> String {
    self.record = record
    var lines = [runner.heading]
    let resume = min(max(step, 0), lesson.steps.count)
    if resume > 0 {
      for i in 0..<resume {
        snapshots.append(session)
        let outcome = runner.run(i, on: &session)
        if outcome.stop { return (lines + [stop(outcome)]).joined(separator: "\n") }
      }
      index = resume
      lines.append("(resuming at step \(resume + 1) of \(lesson.steps.count); the steps before it have been replayed)")
    }
    lines.append(show(session: &session))
    return lines.joined(separator: "\n")
  }

  /// Shows the current step (running it if it is a command), or the end.
  private mutating func show(session: inout Session) -> String {
    guard index < lesson.steps.count else {
      finished = true
      record.done = true
      return "End of the lesson. 'lessons' lists what comes next."
    }
    hintsShown = 0
    if snapshots.count <= index { snapshots.append(session) } else { snapshots[index] = session }
    switch lesson.steps[index] {
    case .note:
      // Presenter notes are for 'nabla play --notes', not for a learner.
      return advance(session: &session)
    case .narration, .command:
      let outcome = runner.run(index, on: &session)
      if outcome.stop { return stop(outcome) }
      return (outcome.text.isEmpty ? "" : outcome.text + "\n") + "(Enter to continue)"
    case .task(let task):
      return "Task: \(task.text)\n(type commands; 'hint' for a hint, 'skip' to see it done)"
    case .question(let q):
      var lines = ["Question: \(q.text)"]
      if case .choice(let options, _) = q.kind {
        for (i, o) in options.enumerated() { lines.append("  \(Character(UnicodeScalar(97 + i)!))) \(o)") }
      }
      lines.append("(type your answer; 'hint' for a hint, 'skip' for the answer)")
      return lines.joined(separator: "\n")
    }
  }

  /// Ends the lesson because one of its lines reached for a file out of its reach.
  private mutating func stop(_ outcome: LessonRunner.Outcome) -> String {
    finished = true
    return outcome.text + "\n" + (outcome.problem ?? "") + "\n(the lesson was stopped; your progress is kept)"
  }

  /// The files the lesson's own lines have written, for the learner to know.
  public static func written(_ session: Session) -> String? {
    let files = session.files.written
    guard !files.isEmpty else { return nil }
    return "files this lesson wrote: " + files.joined(separator: ", ")
  }

  private mutating func advance(session: inout Session) -> String {
    index += 1
    record.step = index
    return show(session: &session)
  }

  /// Handles one line typed while the lesson runs.
  public mutating func handle(
    _ line: String, session: inout Session, interrupted: @escaping () -> Bool = { false }
  ) -> String {
    self.interrupted = interrupted
    let word = line.trimmingCharacters(in: .whitespaces)
    switch word.lowercased() {
    case "leave":
      finished = true
      return "left the lesson at step \(index + 1); 'lesson \(Path.stem(name))' resumes it"
    case "restart":
      session = snapshots.first ?? Session()
      index = 0
      snapshots = []
      record.step = 0
      return "(from the start)\n" + show(session: &session)
    case "back":
      guard index > 0 else { return "this is the first step" }
      index -= 1
      session = snapshots[index]
      record.step = index
      return "(back one step; the session is as it was then)\n" + show(session: &session)
    default: break
    }
    guard index < lesson.steps.count else { return "" }
    switch lesson.steps[index] {
    case .narration, .command, .note:
      if word.isEmpty { return advance(session: &session) }
      if word.lowercased() == "hint" || word.lowercased() == "skip" { return "nothing to answer here; Enter continues" }
      return ordinary(line, session: &session)
    case .task(let task):
      if word.lowercased() == "hint" { return hint(task.hints) }
      if word.lowercased() == "skip" {
        record.skips += 1
        let outcome = runner.run(index, on: &session)
        if outcome.stop { return stop(outcome) }
        return outcome.text + "\n" + advance(session: &session)
      }
      if word.isEmpty { return "(the lesson waits for the task: \(task.text))" }
      var output = ordinary(line, session: &session)
      if case .success(true) = SessionValues.holds(task.check, in: session) {
        output += (output.isEmpty ? "" : "\n") + "✓ Task done.\n" + advance(session: &session)
      }
      return output
    case .question(let q):
      if word.lowercased() == "hint" { return hint(q.hints) }
      if word.lowercased() == "skip" {
        record.skips += 1
        let shown = runner.run(index, on: &session).text.split(separator: "\n").dropFirst().joined(separator: "\n")
        return shown + "\n" + advance(session: &session)
      }
      if word.isEmpty { return "(the lesson waits for an answer)" }
      var answer = word
      if answer.lowercased().hasPrefix("answer ") { answer = String(answer.dropFirst(7)) }
      let isCommand = Session.isCommand(answer) && !isChoice(q, answer)
      if isCommand && !word.lowercased().hasPrefix("answer ") { return ordinary(line, session: &session) }
      record.attempts += 1
      if LessonRunner.accepts(q, answer: answer, in: session) {
        return "✓ Right.\n" + advance(session: &session)
      }
      return "✗ Not quite. Try again; 'hint' for a hint, 'skip' for the answer."
    }
  }

  private func isChoice(_ q: Lesson.Question, _ answer: String) -> Bool {
    if case .choice(let options, _) = q.kind { return options.contains { $0.lowercased() == answer.lowercased() } }
    return false
  }

  private mutating func hint(_ hints: [String]) -> String {
    guard hintsShown < hints.count else {
      return hints.isEmpty ? "no hints here; 'skip' shows the answer" : "no more hints; 'skip' shows the answer"
    }
    hintsShown += 1
    record.hints += 1
    return "Hint \(hintsShown) of \(hints.count): \(hints[hintsShown - 1])"
  }

  /// An ordinary command, run while the lesson waits.
  private func ordinary(_ line: String, session: inout Session) -> String {
    let reply = session.execute(line, interrupted: interrupted)
    if reply.request != nil { return "this lesson is still running; 'leave' it first" }
    return reply.status == .error ? "error: " + reply.output : reply.output
  }
}
