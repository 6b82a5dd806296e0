import Foundation
import Testing

@testable import Lessons
@testable import Shell

@Suite struct LessonParserTests {
  static let example = """
    #! title: A tiny lesson
    #! summary: One neuron.
    #! minutes: 5
    #! requires: none

    # A neuron adds up its inputs
    # and squashes the sum.
    input x
    layer y sigmoid

    #% Ask the class what sigmoid(0) is.
    #? question: How many parameters does y have?
    #? number: 2
    #? hint: One weight and one bias.

    #? task: Give the network an example.
    #? check: examples >= 1
    #? hint: 'example IN -> TARGET'
    example 1 -> 1

    #? question: Which one moves the parameters?
    #? choices: backward | update
    #? answer: update

    #? question: What does backward compute?
    #? text: the gradient | gradient | partial derivatives
    """

  @Test func readsEveryKindOfStep() throws {
    let lesson = try LessonParser.parse(Self.example, file: "tiny.nabla")
    #expect(lesson.title == "A tiny lesson")
    #expect(lesson.summary == "One neuron.")
    #expect(lesson.minutes == 5)
    #expect(lesson.requires.isEmpty)
    #expect(lesson.steps.count == 8)
    #expect(lesson.steps[0] == .narration("A neuron adds up its inputs and squashes the sum."))
    #expect(lesson.steps[1] == .command("input x", .init(line: 8, column: 1)))
    #expect(lesson.steps[3] == .note("Ask the class what sigmoid(0) is."))
    guard case .task(let task) = lesson.steps[5] else {
      Issue.record("expected a task, got \(lesson.steps[5])")
      return
    }
    #expect(
      task.check == "examples >= 1" && task.answer == ["example 1 -> 1"] && task.hints == ["'example IN -> TARGET'"])
    guard case .question(let q) = lesson.steps[6], case .choice(let options, let answer) = q.kind else {
      Issue.record("expected a choice question")
      return
    }
    #expect(options == ["backward", "update"] && answer == "update")
  }

  /// (text, "FILE:LINE:COLUMN: message")
  @Test(arguments: [
    ("input x", "t.nabla:1:1: the lesson has no title; start it with '#! title: …'"),
    ("#! title: T\n#! colour: red", "t.nabla:2:4: unknown metadata 'colour'; use title, summary, minutes or requires"),
    ("#! title: T\n#! minutes: soon", "t.nabla:2:13: 'soon' is not a number of minutes"),
    (
      "#! title: T\n#? task: Do it.\n#? hint: h\n",
      "t.nabla:2:1: the task has no '#? check:' line; say how to tell it is done, e.g. '#? check: loss < 0.1'"
    ),
    (
      "#! title: T\n#? task: Do it.\n#? check: loss < 1\n",
      "t.nabla:2:1: the task has no answer; put the commands that do it on the lines after it"
    ),
    ("#! title: T\n#? check: loss < 1", "t.nabla:2:1: 'check:' belongs to a task; start one with '#? task: …'"),
    (
      "#! title: T\n#? question: Why?\n",
      "t.nabla:2:1: the question has no answer; add '#? number: …', '#? text: …' or '#? choices: …' with '#? answer: …'"
    ),
    (
      "#! title: T\n#? question: Q\n#? choices: a | b\n#? answer: c\n",
      "t.nabla:2:1: the answer 'c' is not one of the choices a | b"
    ),
    (
      "#! title: T\n#? frobnicate: x",
      "t.nabla:2:4: unknown directive 'frobnicate'; use task, check, question, number, tolerance, text, choices, answer or hint"
    ),
    ("#! title: T\n#? hint: h", "t.nabla:2:1: 'hint:' belongs to a task or a question"),
    ("#! title: T\n#? task", "t.nabla:2:1: a directive needs 'name: value', e.g. '#? title: Gradient descent'"),
    ("#! title: T\n#? question:", "t.nabla:2:13: 'question:' needs a value"),
    (
      "#! title: T\n#? answer: b",
      "t.nabla:2:1: 'answer:' picks one of a question's '#? choices:'; for tasks, write the commands on the lines after the task"
    ),
    ("#! title: T\n#? number: 2", "t.nabla:2:1: 'number:' belongs to a question"),
    ("#! title: T\n#? text: a", "t.nabla:2:1: 'text:' belongs to a question"),
    ("#! title: T\n#? choices: a | b", "t.nabla:2:1: 'choices:' belongs to a question"),
    ("#! title: T\n#? tolerance: 0.1", "t.nabla:2:1: 'tolerance:' belongs to a question"),
    ("#! title: T\n#? question: Q\n#? number: 1\n#? tolerance: lots", "t.nabla:4:15: 'lots' is not a tolerance"),
  ])
  func errorsNameFileLineAndColumn(text: String, message: String) {
    do {
      _ = try LessonParser.parse(text, file: "t.nabla")
      Issue.record("expected an error for \(text)")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func answersAreJudgedOnTheSession() throws {
    let lesson = try LessonParser.parse(Self.example, file: "tiny.nabla")
    var session = Session()
    let runner = LessonRunner(lesson: lesson, file: "tiny.nabla")
    for i in lesson.steps.indices { #expect(runner.run(i, on: &session).problem == nil) }
    let questions = lesson.steps.compactMap { step -> Lesson.Question? in
      if case .question(let q) = step { return q }
      return nil
    }
    #expect(LessonRunner.accepts(questions[0], answer: "2", in: session))
    #expect(!LessonRunner.accepts(questions[0], answer: "3", in: session))
    #expect(LessonRunner.accepts(questions[1], answer: "update", in: session))
    #expect(LessonRunner.accepts(questions[1], answer: "b", in: session))
    #expect(LessonRunner.accepts(questions[1], answer: "2", in: session))
    #expect(!LessonRunner.accepts(questions[1], answer: "backward", in: session))
    #expect(LessonRunner.accepts(questions[2], answer: "  The   Gradient ", in: session))
    #expect(!LessonRunner.accepts(questions[2], answer: "the loss", in: session))
  }

  @Test func sessionValuesAndConditions() {
    var session = Session()
    for line in RunCommands.mazurSetup { _ = session.execute(line) }
    guard case .success(let g) = SessionValues.value("grad_w5", in: session) else {
      Issue.record("grad_w5 has no value")
      return
    }
    #expect(abs(g - 0.082167041) < 5e-10)
    #expect(SessionValues.holds("loss < 0.3 and layers == 2", in: session) == .success(true))
    #expect(
      SessionValues.holds("hidden_layers == 1 and sigmoid_neurons == 4 and tanh_neurons == 0", in: session)
        == .success(true))
    #expect(SessionValues.holds("out_o1 > 0.8", in: session) == .success(false))
    #expect(
      SessionValues.holds("nonsense > 1", in: session)
        == .failure(LessonProblem("'nonsense' has no value in this session")))
    #expect(
      SessionValues.holds("loss", in: session)
        == .failure(LessonProblem("'loss' is not a comparison; write e.g. 'loss < 0.05'")))
  }

  /// A lesson whose answer does not do the task is caught by the checker.
  @Test func checkerCatchesAWrongLesson() throws {
    let text =
      "#! title: Wrong\ninput x\nlayer y sigmoid\n#? task: Add an example.\n#? check: examples >= 2\nexample 1 -> 1\n"
    let lesson = try LessonParser.parse(text, file: "wrong.nabla")
    #expect(
      LessonRunner(lesson: lesson, file: "wrong.nabla").check() == [
        "wrong.nabla:4: after its answer, the task's check 'examples >= 2' is false"
      ])
  }
}

/// Every shipped lesson parses, and replays with its own answers without a problem.
@Suite struct ShippedLessonTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("lessons")

  static var lessons: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".nabla") }
      .sorted()
  }

  @Test(arguments: lessons)
  func lessonChecks(file: String) throws {
    let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
    let lesson = try LessonParser.parse(text, file: file)
    #expect(!lesson.title.isEmpty && lesson.minutes > 0)
    #expect(LessonRunner(lesson: lesson, file: file).check() == [])
  }
}
