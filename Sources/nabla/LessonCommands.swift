import ArgumentParser
import Foundation
import Lessons
import Shell

/// Where lessons are found: a path as given, or a name or number in the lessons folder that
/// ships beside the program (or in $NABLA_LESSONS).
enum LessonLibrary {
  static func folders() -> [String] {
    var result: [String] = []
    if let custom = ProcessInfo.processInfo.environment["NABLA_LESSONS"] { result.append(custom) }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    // From .build/<configuration>/nabla (or .build/<triple>/<configuration>/nabla) up to the repository.
    for _ in 0..<5 {
      result.append(folder.appendingPathComponent("lessons").path)
      result.append(folder.appendingPathComponent("share/nabla/lessons").path)
      folder = folder.deletingLastPathComponent()
    }
    result.append(FileManager.default.currentDirectoryPath + "/lessons")
    return result
  }

  /// The file for a path, a number ("2") or a name ("descent").
  static func find(_ name: String) -> String? {
    if FileManager.default.fileExists(atPath: name) { return name }
    for folder in folders() {
      guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
      let lessons = files.filter { $0.hasSuffix(".nabla") }.sorted()
      let match: String?
      if let n = Int(name) {
        match = lessons.first { $0.hasPrefix(String(format: "%02d-", n)) }
      } else {
        match = lessons.first { $0 == name || $0 == name + ".nabla" || $0.contains(name) }
      }
      if let match { return folder + "/" + match }
    }
    return nil
  }

  static func load(_ name: String) throws -> (Lesson, String) {
    guard let path = find(name) else {
      throw ValidationError("no lesson '\(name)'; give a file, or a number or name from the lessons folder")
    }
    let text: String
    switch LessonFiles.read(path) {
    case .success(let read): text = read
    case .failure(let problem): throw ValidationError(problem.message)
    }
    do {
      return (try LessonParser.parse(text, file: path), path)
    } catch {
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      throw ExitCode(1)
    }
  }
}

/// `nabla check LESSON…`: parse and replay each lesson, answering with its own answers.
struct CheckLessons: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nabla check", abstract: "Replay lessons with their own answers and report any problem.")

  @Argument(help: "Lesson files, numbers or names.")
  var lessons: [String]

  func run() throws {
    var failed = false
    for name in lessons {
      guard let path = LessonLibrary.find(name) else {
        FileHandle.standardError.write(Data("nabla check: no lesson '\(name)'\n".utf8))
        failed = true
        continue
      }
      let lesson: Lesson
      do {
        lesson = try LessonParser.parse(try LessonFiles.read(path).get(), file: path)
      } catch let error as LessonError {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        failed = true
        continue
      } catch {
        let message = (error as? LessonProblem)?.message ?? "cannot read '\(path)'"
        FileHandle.standardError.write(Data("nabla check: \(message)\n".utf8))
        failed = true
        continue
      }
      // What the lesson writes goes to a scratch folder that is removed afterwards.
      let scratch = NSTemporaryDirectory() + "nabla-check-\(getpid())-\(UUID().uuidString)"
      defer { try? FileManager.default.removeItem(atPath: scratch) }
      let problems = LessonRunner(lesson: lesson, file: path, output: scratch).check()
      if problems.isEmpty {
        let counts = lesson.steps.reduce(into: [0, 0, 0]) { c, step in
          switch step {
          case .command: c[0] += 1
          case .task: c[1] += 1
          case .question: c[2] += 1
          default: break
          }
        }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        print(
          "\(path): ok: \(lesson.title) (\(plural(counts[0], "command")), \(plural(counts[1], "task")), \(plural(counts[2], "question")))"
        )
      } else {
        failed = true
        for problem in problems { FileHandle.standardError.write(Data((problem + "\n").utf8)) }
      }
    }
    if failed { throw ExitCode(1) }
  }
}

/// `nabla play LESSON`: a demonstration that answers with the lesson's own answers.
struct PlayLesson: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nabla play",
    abstract: "Play a lesson as a demonstration, answering with the lesson's own answers.",
    discussion: "With --step, Enter shows the next step and 'b' goes back one step with the session as it was.")

  @Argument(help: "A lesson file, number or name.")
  var lesson: String

  @Flag(help: "Wait for Enter between steps (presenter mode); 'b' goes back.")
  var step = false

  @Option(help: "Seconds to wait between steps.")
  var delay: Double?

  @Flag(help: "Show presenter notes.")
  var notes = false

  @Flag(help: "Presenter mode: 4 significant digits, and with --step each step on a fresh screen.")
  var present = false

  @OptionGroup var lessonFilesOption: LessonFilesOption
  var lessonFiles: String? { lessonFilesOption.folder }

  func validate() throws {
    if let delay, !(0...60).contains(delay) { throw ValidationError("--delay must be 0 to 60 seconds") }
  }

  func run() throws {
    let (lesson, path) = try LessonLibrary.load(self.lesson)
    let runner = LessonRunner(lesson: lesson, file: path, output: lessonFiles)
    let interactive = step && isatty(0) != 0
    print(runner.heading)
    var first = Model()
    if present {
      first.settings.present = true
      first.settings.precision = 4
    }
    var sessions = [Session(model: first)]
    var index = 0
    var failed = false
    while index < lesson.steps.count {
      if interactive {
        print("[\(index + 1)/\(lesson.steps.count)] Enter: next, b: back, q: quit ", terminator: "")
        fflush(nil)
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        if answer == nil || answer == "q" { break }
        if answer == "b" {
          if index > 0 {
            index -= 1
            sessions.removeLast()
            print("(back to step \(index + 1))")
          }
          continue
        }
      } else if let delay, index > 0 {
        Thread.sleep(forTimeInterval: delay)
      }
      var session = sessions[index]
      if present && interactive { print("\u{1B}[2J\u{1B}[H", terminator: "") }
      let outcome = runner.run(index, on: &session, presenter: notes)
      if !outcome.text.isEmpty { print(outcome.text + "\n") }
      fflush(nil)
      if let problem = outcome.problem {
        FileHandle.standardError.write(Data((problem + "\n").utf8))
        failed = true
      }
      sessions.append(session)
      index += 1
      if outcome.stop { break }
    }
    if let written = LessonPlayer.written(sessions.last ?? Session()) { print(written) }
    if failed { throw ExitCode(1) }
  }
}

/// The shell's side of lessons: the list with progress, and starting a player.
enum LessonShell {
  /// Every shipped lesson, in order: (number, file name, path, lesson).
  static func catalogue() -> [(Int, String, String, Lesson)] {
    files().compactMap { entry in
      guard case .success(let lesson) = entry.3 else { return nil }
      return (entry.0, entry.1, entry.2, lesson)
    }
  }

  /// Every lesson file in the first lessons folder found, numbered by its place, parsed or not.
  static func files() -> [(Int, String, String, Result<Lesson, LessonError>)] {
    for folder in LessonLibrary.folders() {
      guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
      let lessons = files.filter { $0.hasSuffix(".nabla") }.sorted()
      guard !lessons.isEmpty else { continue }
      return lessons.enumerated().map { (i, file) in
        let path = folder + "/" + file
        let parsed: Result<Lesson, LessonError>
        do {
          parsed = .success(try LessonParser.parse(try LessonFiles.read(path).get(), file: file))
        } catch let problem as LessonProblem {
          parsed = .failure(LessonError(file: file, line: 1, column: 1, message: problem.message))
        } catch let error as LessonError {
          parsed = .failure(error)
        } catch {
          parsed = .failure(LessonError(file: file, line: 1, column: 1, message: "\(error)"))
        }
        return (i + 1, file, path, parsed)
      }
    }
    return []
  }

  static func list(_ progress: LessonProgress) -> String {
    let all = catalogue()
    let broken = files().compactMap { entry -> String? in
      guard case .failure(let error) = entry.3 else { return nil }
      return String(repeating: " ", count: entry.0 < 10 ? 3 : 2) + "\(entry.0)  (cannot be played: \(error))"
    }
    guard !all.isEmpty || !broken.isEmpty else {
      return "no lessons found; they ship in the 'lessons' folder beside nabla"
    }
    var rows: [String] = ["lessons ('lesson N' starts or resumes one):"]
    let width = all.map { $0.3.title.count }.max() ?? 20
    for (number, file, _, lesson) in all {
      let record = progress.lessons[file]
      let state =
        record?.done == true
        ? "done"
        : (record.map { $0.step > 0 ? "at step \($0.step + 1) of \(lesson.steps.count)" : "not started" }
          ?? "not started")
      let minutes = lesson.minutes > 0 ? "\(lesson.minutes) min" : ""
      rows.append(
        String(repeating: " ", count: number < 10 ? 3 : 2) + "\(number)  " + lesson.title
          + String(repeating: " ", count: width - lesson.title.count + 2) + minutes
          + String(repeating: " ", count: max(1, 8 - minutes.count)) + state)
    }
    return (rows + broken).joined(separator: "\n")
  }

  /// A player for a lesson by number or name, or why there is none. `output` is the folder
  /// for the files the lesson writes (nil: its own folder in nabla's data folder).
  static func start(_ name: String, output: String?) -> Result<(LessonPlayer, String), LessonProblem> {
    let all = catalogue()
    let match = Int(name).flatMap { n in all.first { $0.0 == n } } ?? all.first { $0.1 == name || $0.1.contains(name) }
    if let (_, file, path, lesson) = match {
      return .success((LessonPlayer(lesson: lesson, name: file, path: path, output: output), file))
    }
    guard FileManager.default.fileExists(atPath: name) else {
      return .failure(LessonProblem("no lesson '\(name)'; 'lessons' lists them"))
    }
    let text: String
    switch LessonFiles.read(name) {
    case .success(let read): text = read
    case .failure(let problem): return .failure(problem)
    }
    do {
      let lesson = try LessonParser.parse(text, file: name)
      let player = LessonPlayer(lesson: lesson, name: Path.name(name), path: name, output: output)
      return .success((player, name))
    } catch {
      return .failure(LessonProblem(error.description))
    }
  }
}
