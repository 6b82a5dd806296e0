import Foundation
import Network

/// undo, redo, save, load, help, quit.
enum SessionCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "undo", group: .session, synopsis: "undo",
      summary: "take back the last command that changed the session",
      details: "Every command that changes the network, data or settings can be undone, one at a time.",
      example: ["input x", "layer y sigmoid", "undo"], run: { _ in "" }),
    CommandSpec(
      name: "redo", group: .session, synopsis: "redo",
      summary: "replay a command taken back by undo",
      details: "Redo is available until another command changes the session.",
      example: ["input x", "undo", "redo"], run: { _ in "" }),
    CommandSpec(
      name: "save", group: .session, synopsis: "save FILE",
      summary: "write the session to a JSON file",
      details:
        "Writes the network, examples, settings and the values and gradients of the last pass as one JSON document (format \"nabla\", version 1). The file is written whole or not at all.",
      example: RunCommands.mazurSetup + ["save /tmp/nabla-example.json"], complete: { $0.isEmpty ? [.file] : [] },
      run: save),
    CommandSpec(
      name: "load", group: .session, synopsis: "load FILE",
      summary: "replace the session with a saved one",
      details:
        "Reads a file written by 'save'. A file with any problem is refused and nothing changes; 'undo' goes back.",
      example: RunCommands.mazurSetup + ["save /tmp/nabla-example.json", "reset", "load /tmp/nabla-example.json"],
      complete: { $0.isEmpty ? [.file] : [] },
      run: load),
    CommandSpec(
      name: "run", group: .session, synopsis: "run FILE",
      summary: "run a script of commands in this session",
      details:
        "Runs every line of FILE (# starts a comment) as if typed. If a line fails, the run stops, says FILE:LINE and why, and the session is left as it was before 'run'; 'undo' takes back a whole run.",
      example: ["run lessons/01-one-step.nabla"], complete: { $0.isEmpty ? [.file] : [] }, run: runScript),
    CommandSpec(
      name: "lessons", group: .lessons, synopsis: "lessons",
      summary: "list the lessons, with your progress",
      details: "Lists the lessons that ship with nabla: done, where you left one, or not started.",
      example: ["lessons"],
      run: { c in
        try c.expectAtMost(0)
        c.request = .listLessons
        return ""
      }),
    CommandSpec(
      name: "lesson", group: .lessons, synopsis: "lesson N|NAME",
      summary: "start or resume a lesson",
      details: """
        Starts a lesson, or resumes it where you left it. Inside: Enter continues, 'hint' gives the \
        next hint, 'skip' shows the answer and moves on, 'back' returns to the step before with the \
        session as it was, 'restart' starts again, 'leave' stops (your progress is kept). Any other \
        command works as usual while the lesson waits.
        """,
      example: ["lesson 1"], complete: { $0.isEmpty ? [.lesson] : [] },
      run: { c in
        let name = try c.word(0, "a lesson number or name; 'lessons' lists them")
        try c.expectAtMost(1)
        c.request = .startLesson(name)
        return ""
      }),
    CommandSpec(
      name: "export", group: .session, synopsis: "export FILE.html|FILE.md",
      summary: "write the session so far as a page students can keep",
      details: """
        Writes every recorded command with its output: as Markdown, or as one self-contained HTML page \
        with each 'draw' of the network inline as a picture. 'record off' leaves commands out until \
        'record on'.
        """,
      example: RunCommands.mazurSetup + ["forward", "draw", "export /tmp/nabla-example.html"],
      complete: { $0.isEmpty ? [.file] : [] }, run: { _ in "" }),
    CommandSpec(
      name: "record", group: .session, synopsis: "record on|off",
      summary: "choose which part of the session goes into export",
      details:
        "Recording is on from the start. 'record off' pauses it; 'record on' resumes; 'record' alone says which.",
      example: ["record off", "record on"], complete: { $0.isEmpty ? [.keyword(["on", "off"])] : [] },
      run: { _ in "" }),
    CommandSpec(
      name: "help", group: .session, synopsis: "help [COMMAND]",
      summary: "list the commands, or explain one with an example",
      details:
        "Without a name, lists every command by purpose. With one, shows its usage, what it does and an example you can paste.",
      example: ["help layer"], complete: { $0.isEmpty ? [.command] : [] },
      run: help),
    CommandSpec(
      name: "quit", group: .session, synopsis: "quit",
      summary: "leave nabla (Ctrl-D works too)",
      details: "Ends the session.",
      example: ["quit"], run: quit),
  ]

  static func save(_ c: inout Context) throws -> String {
    let path = try c.word(0, "a file name, e.g. 'save net.json'")
    try c.expectAtMost(1)
    guard !path.isEmpty else { throw c.missing("a file name, e.g. 'save net.json'") }
    let text = try SaveFile.text(c.model, path: path)
    let replacing = FileManager.default.fileExists(atPath: (try? c.files.writable(path)) ?? path)
    let target = try c.files.write(text, to: path)
    c.kept = true
    let what = c.model.freshPass == nil ? "no pass values yet" : "with the values of the last pass"
    return "saved \(summary(c.model)) to \(target) (\(what)\(replacing ? "; replaced the old file" : ""))"
  }

  static func load(_ c: inout Context) throws -> String {
    let path = try c.word(0, "a file name, e.g. 'load net.json'")
    try c.expectAtMost(1)
    let (resolved, data) = try c.files.read(path, limit: SaveFile.maxBytes, what: "save files")
    let file: SaveFile
    do {
      file = try SaveFile.decode(data)
    } catch {
      throw ShellError.badSaveFile(path: path, reason: error.reason)
    }
    var loaded: (Model, hadValues: Bool, hadGradients: Bool)
    do {
      loaded = try file.model()
    } catch {
      throw ShellError.badSaveFile(path: path, reason: error.reason)
    }
    var (model, hadValues, hadGradients) = loaded
    if hadValues {
      // Recompute the pass the file recorded; the numbers come out bit for bit the same.
      _ = try? model.runPass(backward: hadGradients, training: file.passWithDropout ?? true)
    }
    c.model = model
    c.kept = true
    return "loaded \(resolved): \(summary(model))"
  }

  static let maxScriptBytes = 4 * 1024 * 1024
  static let maxRunDepth = 8

  static func runScript(_ c: inout Context) throws -> String {
    let path = try c.word(0, "a script file, e.g. 'run lessons/01-one-step.nabla'")
    try c.expectAtMost(1)
    let text = try c.files.readText(path, limit: maxScriptBytes, what: "scripts").text
    guard c.runDepth < maxRunDepth else { throw ShellError.runTooDeep(path) }
    var session = Session(model: c.model)
    session.runDepth = c.runDepth + 1
    session.files = c.files
    defer { c.files.written = session.files.written }
    var outputs: [String] = []
    for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      var reply = session.execute(String(line), interrupted: c.interrupted)
      if reply.request != nil {
        reply = Reply(output: "lessons are played in the shell, not from a script run by 'run'", status: .error)
      }
      switch reply.status {
      case .ok: if !reply.output.isEmpty { outputs.append(reply.output) }
      case .quit: break
      case .error:
        throw ShellError.scriptFailed(
          path: path, line: number + 1, message: reply.output, outermost: c.runDepth == 0,
          outsideLesson: reply.outsideLesson)
      }
      if reply.status == .quit { break }
    }
    c.model = session.model
    return outputs.joined(separator: "\n")
  }

  static func summary(_ model: Model) -> String {
    return count(model.network.neurons.count, "neuron") + ", " + count(model.network.parameters.count, "parameter")
      + " and " + count(model.examples.count, "example")
  }

  /// The system's reason, as the C library words it when it can.
  static func reason(_ error: any Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code))).lowercased()
    }
    if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))).lowercased() }
    switch ns.code {
    case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
    case NSFileWriteOutOfSpaceError: return "no space left on the device"
    case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
    default: return "the system refused (error \(ns.code))"
    }
  }

  static func help(_ c: inout Context) throws -> String {
    try c.expectAtMost(1)
    guard let name = c.arguments.first else { return HelpText.overview() }
    guard let spec = CommandTable.lookup(name) else {
      throw ShellError.unknownHelpTopic(name, known: CommandTable.names)
    }
    return HelpText.page(spec)
  }

  static func quit(_ c: inout Context) throws -> String {
    try c.expectAtMost(0)
    c.quit = true
    return ""
  }
}
