import Foundation
import Testing

@testable import Lessons
@testable import Shell

@Suite struct LessonPlayerTests {
  static func player() throws -> LessonPlayer {
    LessonPlayer(lesson: try LessonParser.parse(LessonParserTests.example, file: "tiny.nabla"), name: "tiny.nabla")
  }

  /// Enter (or skip, at a task or question) until step `index` is waiting.
  static func advance(_ p: inout LessonPlayer, _ session: inout Session, to index: Int) {
    for _ in 0..<100 where p.index < index {
      switch p.lesson.steps[p.index] {
      case .task, .question: _ = p.handle("skip", session: &session)
      default: _ = p.handle("", session: &session)
      }
    }
  }

  @Test func enterContinuesAndCommandsRunWhileTheLessonWaits() throws {
    var p = try Self.player()
    var session = Session()
    let start = p.start(at: 0, session: &session, record: LessonProgress.Record())
    #expect(start.contains("== A tiny lesson (5 minutes) =="))
    #expect(p.prompt == "tiny · 1/8> ")
    _ = p.handle("", session: &session)
    #expect(p.index == 1)
    #expect(session.model.network.inputs.count == 1)  // 'input x' ran when shown
    // An ordinary command runs and the lesson stays where it is.
    #expect(p.handle("show net", session: &session).contains("inputs: x"))
    #expect(p.index == 1)
  }

  @Test func questionsTakeAnswersHintsAndSkips() throws {
    var p = try Self.player()
    var session = Session()
    _ = p.start(at: 0, session: &session, record: LessonProgress.Record())
    Self.advance(&p, &session, to: 4)  // the numeric question
    #expect(p.handle("3", session: &session).hasPrefix("✗ Not quite."))
    #expect(p.handle("hint", session: &session) == "Hint 1 of 1: One weight and one bias.")
    #expect(p.handle("hint", session: &session) == "no more hints; 'skip' shows the answer")
    #expect(p.handle("2", session: &session).hasPrefix("✓ Right."))
    #expect(p.index == 5)
    #expect(p.record.attempts == 2 && p.record.hints == 1)
    // The task: done by the learner's own command, checked on the session.
    #expect(p.handle("example 1 -> 0", session: &session).contains("✓ Task done."))
    #expect(p.index == 6)
    // Multiple choice by letter; 'update' is also a command name, but here it answers.
    #expect(p.handle("update", session: &session).hasPrefix("✓ Right."))
    #expect(p.handle("skip", session: &session).contains("answer: the gradient"))
    #expect(p.finished && p.record.done && p.record.skips == 1)
  }

  @Test func skipDoesTheTaskAndBackRestoresTheSession() throws {
    var p = try Self.player()
    var session = Session()
    _ = p.start(at: 0, session: &session, record: LessonProgress.Record())
    Self.advance(&p, &session, to: 5)
    let before = session.model
    #expect(p.handle("skip", session: &session).contains("nabla> example 1 -> 1"))
    #expect(session.model.examples.count == 1)
    #expect(p.handle("back", session: &session).hasPrefix("(back one step"))
    #expect(p.index == 5)
    #expect(session.model == before)
    #expect(p.handle("restart", session: &session).hasPrefix("(from the start)"))
    #expect(p.index == 0 && session.model.network.neurons.isEmpty)
  }

  @Test func resumingReplaysTheStepsBefore() throws {
    var p = try Self.player()
    var session = Session()
    var record = LessonProgress.Record()
    record.step = 6
    let text = p.start(at: 6, session: &session, record: record)
    #expect(text.contains("(resuming at step 7 of 8"))
    #expect(session.model.examples.count == 1)  // the task before was done by its answer
    #expect(p.index == 6)
  }

  @Test func progressIsSavedWholeAndReadBack() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nabla-progress-\(UUID().uuidString)")
    let path = folder.appendingPathComponent("nabla/progress.json").path
    var progress = LessonProgress()
    var record = LessonProgress.Record()
    record.step = 4
    record.attempts = 2
    progress.lessons["tiny.nabla"] = record
    try progress.save(path)
    #expect(LessonProgress.load(path) == progress)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == [
        "progress.json"
      ])
    try "not json".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(LessonProgress.load(path) == LessonProgress())
  }
}
