import ArgumentParser
import Foundation
import Lessons
import Shell

/// The entry point: `nabla check …` and `nabla play …` are commands of their own; anything
/// else is the shell.
@main
enum Entry {
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    switch arguments.first {
    case "check": CheckLessons.main(Array(arguments.dropFirst()))
    case "play": PlayLesson.main(Array(arguments.dropFirst()))
    default: Nabla.main(arguments)
    }
  }
}

/// The shell: parses the command line, then feeds lines to the interpreter from a file,
/// a pipe, or the terminal.
struct Nabla: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "nabla",
    abstract: "A shell for learning how neural networks learn.",
    discussion: """
      Without FILE, nabla starts its shell (or, when standard input is not a terminal, runs the \
      commands piped into it). With FILE, it runs the commands in FILE; a failing line is reported \
      as FILE:LINE and nabla exits with status 1 after the script. Type 'help' inside nabla for the commands.

      'nabla play LESSON' plays a lesson as a demonstration; 'nabla check LESSON…' replays lessons \
      and reports any problem in them.
      """,
    version: version)

  @Argument(help: "A script of nabla commands to run.")
  var file: String?

  @Flag(help: "Stop a script at its first failing line.")
  var strict = false

  @Option(help: "When to colour the output: auto, always or never (auto honours NO_COLOR).")
  var color: ColorMode = .auto

  @Flag(help: "Write plain ASCII (d for ∂, * for ×, …) for terminals without Unicode.")
  var ascii = false

  @Option(help: "Significant digits to print (1 to 17, default 9).")
  var precision: Int?

  @Flag(name: .customLong("no-history"), help: "Do not read or write the history file.")
  var noHistory = false

  @Flag(help: "Presenter mode: 4 significant digits, more space, one lesson step a screen.")
  var present = false

  @Flag(help: "Keep a recovery file of unsaved work, which the next start offers to restore.")
  var autosave = false

  @OptionGroup var lessonFilesOption: LessonFilesOption
  var lessonFiles: String? { lessonFilesOption.folder }

  func validate() throws {
    if let precision, !(1...17).contains(precision) {
      throw ValidationError("--precision must be 1 to 17, not \(precision)")
    }
  }

  func run() throws {
    Interrupt.install()
    var model = Model()
    if present {
      model.settings.present = true
      model.settings.precisionBeforePresent = model.settings.precision
      model.settings.precision = 4
    }
    if let precision { model.settings.precision = precision }
    var session = Session(model: model)
    let interactive = file == nil && isatty(0) != 0 && isatty(1) != 0
    var output = Output(ascii: ascii, color: color.enabled(terminal: isatty(1) != 0))
    output.bars = isatty(1) != 0
    if let file {
      let text: String
      switch LessonFiles.read(file) {
      case .success(let read): text = read
      case .failure(let problem):
        output.error("nabla: \(problem.message)")
        throw ExitCode(66)
      }
      // A lesson run as a script is held to its folders, as when it is played.
      if LessonFiles.isLesson(text) {
        session.files.confinement = LessonFiles.confinement(lessonFile: file, output: lessonFiles)
      }
      // Split on any line ending, so scripts saved with CRLF run line by line.
      let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
      throw ExitCode(runScript(lines, name: file, session: session, output: output))
    }
    if !interactive {
      throw ExitCode(
        runScript(AnySequence { AnyIterator { readLine() } }, name: "<stdin>", session: session, output: output))
    }
    runShell(session: session, output: output)
  }

  /// Runs lines as a script; returns the exit status.
  func runScript<S: Sequence>(_ lines: S, name: String, session: Session, output: Output) -> Int32
  where S.Element == String {
    var runner = ScriptRunner(session: session, name: name, strict: strict)
    for line in lines {
      Interrupt.reset()
      let result = runner.run(line, interrupted: Interrupt.requested, progress: output.reply)
      output.reply(result.output)
      if result.request == .listLessons {
        let progressFile = noHistory ? nil : LessonProgress.defaultFile()
        output.reply(LessonShell.list(progressFile.map(LessonProgress.load) ?? LessonProgress()))
      }
      if let error = result.error { output.error(error) }
      if Interrupt.requested() {
        output.error("\(name):\(runner.lineNumber): interrupted; the rest of the script did not run")
        return 130
      }
      if runner.finished { break }
    }
    if let written = LessonPlayer.written(runner.session) { output.reply(written) }
    return runner.exitStatus
  }
}

/// `--color`.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never

  func enabled(terminal: Bool) -> Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      let environment = ProcessInfo.processInfo.environment
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
      return terminal && environment["TERM"] != "dumb"
    }
  }
}
