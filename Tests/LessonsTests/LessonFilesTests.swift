import Foundation
import Testing

@testable import Lessons
@testable import Shell

/// A lesson's own lines read only beside the lesson and write only in the folder the learner
/// chose; a line that reaches further stops the lesson, naming the line.
@Suite struct LessonFilesTests {
  /// A fresh folder holding a lesson folder (with a CSV and a link out), a secret beside it,
  /// and an empty output folder.
  struct Place {
    let root: String
    var lessons: String { root + "/lessons" }
    var output: String { root + "/out" }
    var secret: String { root + "/secret.csv" }

    init() throws {
      root = NSTemporaryDirectory() + "nabla-lesson-files-" + UUID().uuidString
      let manager = FileManager.default
      try manager.createDirectory(atPath: root + "/lessons/sub", withIntermediateDirectories: true)
      try "x,y\n0,1\n1,0\n".write(toFile: root + "/lessons/points.csv", atomically: true, encoding: .utf8)
      try "x,y\n7,7\n".write(toFile: root + "/secret.csv", atomically: true, encoding: .utf8)
      try manager.createSymbolicLink(atPath: root + "/lessons/sub/link.csv", withDestinationPath: root + "/secret.csv")
      try manager.createSymbolicLink(atPath: root + "/lessons/up", withDestinationPath: root)
    }

    /// Checks a lesson made of `lines` (after a title), as `nabla check` does.
    func check(_ lines: [String]) throws -> [String] {
      let text = (["#! title: Files"] + lines).joined(separator: "\n")
      let file = lessons + "/files.nabla"
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      return LessonRunner(lesson: try LessonParser.parse(text, file: file), file: file, output: output).check()
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
  }

  static let network = ["input x", "layer y sigmoid"]

  @Test func aLessonReadsBesideItselfAndWritesInTheChosenFolder() throws {
    let place = try Place()
    defer { place.remove() }
    let problems = try place.check(
      Self.network + ["data load points.csv", "save net.json", "load net.json", "draw net.svg", "data save copy.csv"])
    #expect(problems == [])
    for name in ["net.json", "net.svg", "copy.csv"] {
      #expect(FileManager.default.fileExists(atPath: place.output + "/" + name), "\(name)")
      #expect(!FileManager.default.fileExists(atPath: place.lessons + "/" + name), "\(name)")
    }
  }

  @Test(arguments: [
    ("data load ../secret.csv", "../secret.csv", "it goes up with '..'"),
    ("data load sub/../../secret.csv", "sub/../../secret.csv", "it goes up with '..'"),
    ("data load SECRET", "SECRET", "it is an absolute path"),
    ("save SECRET.json", "SECRET.json", "it is an absolute path"),
    ("export ~/page.html", "~/page.html", "it is an absolute path"),
    ("data load sub/link.csv", "sub/link.csv", "a symbolic link leads out of the folder"),
    ("data load up/secret.csv", "up/secret.csv", "a symbolic link leads out of the folder"),
    ("run up/script.nabla", "up/script.nabla", "a symbolic link leads out of the folder"),
  ])
  func aLessonThatReachesFurtherStopsAtThatLine(line: String, word: String, reason: String) throws {
    let place = try Place()
    defer { place.remove() }
    let line = line.replacingOccurrences(of: "SECRET", with: place.root + "/secret.csv")
    let word = word.replacingOccurrences(of: "SECRET", with: place.root + "/secret.csv")
    let problems = try place.check(Self.network + [line, "forward"])
    let expected =
      "\(place.lessons)/files.nabla:4: a lesson may not use '\(word)': \(reason); lessons read only files in their own folder (\(FileAccess.resolved(place.lessons))) and write only in \(FileAccess.resolved(place.output)); the lesson stops here"
    // Only the one problem: the lesson did not go on to 'forward'.
    #expect(problems == [expected])
    #expect(!FileManager.default.fileExists(atPath: place.root + "/secret.csv.json"))
  }

  @Test func aLinkInTheOutputFolderIsNotWrittenThrough() throws {
    let place = try Place()
    defer { place.remove() }
    try FileManager.default.createDirectory(atPath: place.output, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: place.output + "/net.json", withDestinationPath: place.secret)
    let problems = try place.check(Self.network + ["save net.json"])
    #expect(problems.count == 1)
    #expect(problems.first?.contains("'net.json': it is a symbolic link") == true)
    #expect(try String(contentsOfFile: place.secret, encoding: .utf8) == "x,y\n7,7\n")
  }

  @Test func aScriptRunInsideALessonIsHeldToo() throws {
    let place = try Place()
    defer { place.remove() }
    try "data load ../secret.csv\n".write(toFile: place.lessons + "/inner.nabla", atomically: true, encoding: .utf8)
    let problems = try place.check(Self.network + ["run inner.nabla", "forward"])
    #expect(problems.count == 1)
    #expect(problems.first?.contains("files.nabla:4: inner.nabla:1: a lesson may not use '../secret.csv'") == true)
  }

  @Test func theLearnersOwnCommandsAreNotHeld() throws {
    let place = try Place()
    defer { place.remove() }
    let text = "#! title: Files\ninput x\n# Read on.\n"
    let file = place.lessons + "/files.nabla"
    var player = LessonPlayer(lesson: try LessonParser.parse(text, file: file), name: "files.nabla", path: file)
    var session = Session()
    _ = player.start(at: 0, session: &session, record: LessonProgress.Record())
    let reply = player.handle("data load \(place.secret)", session: &session)
    #expect(reply.hasPrefix("data \(place.secret): 1 example"))
    #expect(session.files.confinement == nil)
  }

  @Test func thePlayerStopsTheLessonAndSaysWhatItWrote() throws {
    let place = try Place()
    defer { place.remove() }
    let text =
      "#! title: Files\ninput x\nlayer y sigmoid\nsave net.json\n# Next.\ndata load ../secret.csv\n# Never shown.\n"
    let file = place.lessons + "/files.nabla"
    var player = LessonPlayer(
      lesson: try LessonParser.parse(text, file: file), name: "files.nabla", path: file, output: place.output)
    var session = Session()
    _ = player.start(at: 0, session: &session, record: LessonProgress.Record())
    var last = ""
    for _ in 0..<10 where !player.finished { last = player.handle("", session: &session) }
    #expect(player.finished)
    #expect(last.contains("files.nabla:6: a lesson may not use '../secret.csv'"))
    #expect(last.hasSuffix("(the lesson was stopped; your progress is kept)"))
    #expect(!player.record.done)
    #expect(LessonPlayer.written(session) == "files this lesson wrote: \(FileAccess.resolved(place.output))/net.json")
  }

  @Test func hostileLessonFilesAreRefusedInOneLine() throws {
    let place = try Place()
    defer { place.remove() }
    let huge = place.root + "/huge.nabla"
    #expect(FileManager.default.createFile(atPath: huge, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: huge))
    try handle.truncate(atOffset: 100 * 1024 * 1024)
    try handle.close()
    #expect(
      LessonFiles.read(huge).failure?.message
        == "'\(huge)' is over 4 MB, and lesson files are at most 4 MB; nothing was read")
    let binary = place.root + "/binary.nabla"
    try Data([0xFF, 0xFE, 0x00, 0x80, 0x0A]).write(to: URL(fileURLWithPath: binary))
    #expect(
      LessonFiles.read(binary).failure?.message == "cannot read '\(binary)': it is not UTF-8 text; check the file name")
    #expect(
      LessonFiles.read(place.root).failure?.message
        == "cannot read '\(place.root)': it is a folder; check the file name")
  }

  @Test func everyTruncationOfEveryLessonParsesOrSaysWhere() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("lessons").path
    var prefixes = 0
    var refused = 0
    for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".nabla") {
      let text = Array(try String(contentsOfFile: folder + "/" + file, encoding: .utf8).utf8)
      // Every 7th byte, to keep it quick: about 8,000 prefixes in all.
      for length in stride(from: 0, to: text.count, by: 7) {
        prefixes += 1
        do {
          _ = try LessonParser.parse(String(decoding: text.prefix(length), as: UTF8.self), file: file)
        } catch {
          refused += 1
          #expect(error.description.hasPrefix("\(file):"))
          #expect(!error.description.contains("\n"))
        }
      }
    }
    #expect(prefixes > 5000)
    print("lesson prefixes parsed: \(prefixes), refused with file:line: \(refused)")
  }

  @Test func aDeeplyNestedAnswerIsAProblemNotACrash() throws {
    let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    let text = "#! title: Deep\ninput x\n#? question: How deep?\n#? number: \(deep)\n"
    let lesson = try LessonParser.parse(text, file: "deep.nabla")
    let problems = LessonRunner(lesson: lesson, file: "deep.nabla").check()
    #expect(problems.count == 1)
    #expect(problems.first?.contains("nests more than 200 levels deep") == true)
  }

  @Test func lessonMetadataMarksALesson() {
    #expect(LessonFiles.isLesson("#! title: One step\ninput x"))
    #expect(LessonFiles.isLesson("# intro\n  #!minutes: 5\n"))
    #expect(!LessonFiles.isLesson("#!/usr/bin/env nabla\ninput x"))
    #expect(!LessonFiles.isLesson("input x\n# title: no\n"))
  }
}

extension Result {
  var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}

/// Lesson text cannot drive the terminal, and a lesson's name cannot climb out of its folder.
@Suite struct LessonTextTests {
  @Test func controlCharactersInALessonAreShownNotSent() throws {
    let text = "#! title: Esc \u{1B}]0;pwned\u{07}\n# Clear \u{1B}[2J here.\ninput x\n"
    let lesson = try LessonParser.parse(text, file: "esc.nabla")
    #expect(lesson.title == "Esc \\u{1B}]0;pwned\\u{7}")
    #expect(lesson.steps.first == .narration("Clear \\u{1B}[2J here."))
  }

  @Test func aLessonNamedWithDotsWritesInItsOwnFolder() {
    for file in ["/l/...nabla", "/l/..nabla", "/l/.x.nabla"] {
      let folder = LessonFiles.defaultFolder(for: file)
      #expect(Path.name(Path.folder(folder)) == "lesson-files", "\(file): \(folder)")
      #expect(!Path.name(folder).hasPrefix("."), "\(file): \(folder)")
    }
  }

  @Test func metadataKeysAreReadAsTheParserReadsThem() {
    #expect(LessonFiles.isLesson("#! Title: x\n"))
    #expect(LessonFiles.isLesson("#! title : x\n"))
  }
}
