import Foundation

/// What a command returns besides the new session.
/// What a command asks of the front end.
public enum Request: Equatable, Sendable {
  case listLessons
  case startLesson(String)
}

public enum Status: Equatable, Sendable {
  case ok
  case error
  case quit
}

/// A command's output and status. Errors are a single line.
public struct Reply: Equatable, Sendable {
  public var output: String
  public var status: Status
  /// For errors in an expression: where in the line (a 0-based character offset).
  public var column: Int?
  /// Something only the front end can do (it owns the lesson files and the progress).
  public var request: Request?
  /// The line named a file out of a lesson's reach; a lesson stops there.
  public var outsideLesson = false

  public init(output: String, status: Status, column: Int? = nil) {
    self.output = output
    self.status = status
    self.column = column
  }

  public static func ok(_ output: String) -> Reply { Reply(output: output, status: .ok) }

  /// The reply to a command that failed with `error`: its message, where in the line for an
  /// expression, and whether it reached outside a lesson's folders.
  init(error: ShellError) {
    self.init(output: error.message, status: .error)
    if case .expression(_, let column) = error { self.column = column }
    outsideLesson = error.isOutsideLesson
  }
}

/// One learner's session: the model plus undo and redo history.
///
/// `execute` is the whole interpreter: a line of text in, the new session and a
/// reply out. A command that fails leaves the session exactly as it was.
public struct Session: Equatable, Sendable {
  public private(set) var model = Model()
  /// Earlier models, each with the command that changed it, newest last.
  public private(set) var undoStack: [(model: Model, line: String)] = []
  public private(set) var redoStack: [(model: Model, line: String)] = []
  /// The sizes of the undo stack's models, added up (see `Model.size`).
  private var undoTotal = 0

  public static let undoLimit = 200
  /// How many numbers (parameters, data, losses) the undo history may hold in all, so that
  /// big networks and data sets keep fewer steps rather than unbounded memory.
  public static let undoBudget = 8_000_000
  /// The log keeps the last 10,000 commands (up to a tenth more before it is trimmed).
  public static let logLimit = 10_000
  /// Every command and its output since the start (while recording), for `export`.
  public private(set) var log: [LogEntry] = []
  /// Whether commands go into the log (`record on|off`).
  public internal(set) var recording = true
  /// How many `run` commands this session is nested in.
  var runDepth = 0
  /// Which files commands may read and write (confined while a lesson's own lines run).
  public var files = FileAccess()
  /// Seconds from an arbitrary start, for timing 'train' and 'compare'. Tests fix it.
  public var clock: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  /// The model as it was last saved or loaded (or at the start), to tell unsaved changes.
  private var lastKept = Model().essence

  public init() {}

  public init(model: Model) {
    self.model = model
    lastKept = model.essence
  }

  /// Whether the model differs from the one last saved or loaded (or the one at the start).
  public var hasUnsavedChanges: Bool { model.essence != lastKept }

  /// Counts the commands since the model was last saved or loaded, for the question on
  /// leaving (the undo history's length, at most).
  public var changesSinceKept: Int {
    var count = 0
    for entry in undoStack.reversed() {
      count += 1
      if entry.model.essence == lastKept { return count }
    }
    return max(count, hasUnsavedChanges ? 1 : 0)
  }

  /// Counts the model as unsaved (it came from a recovery file, not from the learner's own).
  public mutating func markUnsaved() { lastKept = Model().essence }

  /// Writes the model as a save file to `path`, whole or not at all (for recovery files);
  /// it does not count as saving.
  public func writeRecovery(to path: String) throws(ShellError) {
    try TextFile.write(try SaveFile.text(model, path: path), to: path)
  }

  public static func == (a: Session, b: Session) -> Bool {
    a.model == b.model && a.runDepth == b.runDepth && a.undoStack.elementsEqual(b.undoStack) { $0 == $1 }
      && a.redoStack.elementsEqual(b.redoStack) { $0 == $1 }
  }

  /// Runs one line. `interrupted` is polled by long commands (such as `step 100000`),
  /// which stop after the current whole step when it returns true. Long commands hand
  /// their first lines to `progress` as they go; without it, those lines lead the reply.
  public mutating func execute(
    _ line: String, interrupted: @escaping () -> Bool = { false }, progress: ((String) -> Void)? = nil
  ) -> Reply {
    var reply = run(line, interrupted: interrupted, progress: progress)
    if reply.status == .error { reply.output = PrintableLine.make(reply.output) }
    let first = line.split(separator: " ").first.map(String.init) ?? ""
    if recording, runDepth == 0, !line.trimmingCharacters(in: .whitespaces).isEmpty, !first.hasPrefix("#"),
      first != "record", first != "export"
    {
      var entry = LogEntry(line: line, output: reply.output, isError: reply.status == .error)
      // A drawing of the network goes into exported pages as a picture too.
      if first == "draw", reply.status == .ok, line.split(separator: " ").count == 1, !model.network.neurons.isEmpty {
        entry.svg = Diagram.svg(model)
      }
      log.append(entry)
      // Trimmed a tenth at a time, so a long session does not move the whole log every command.
      if log.count > Session.logLimit + Session.logLimit / 10 { log.removeFirst(log.count - Session.logLimit) }
    }
    return reply
  }

  private mutating func run(
    _ line: String, interrupted: @escaping () -> Bool, progress: ((String) -> Void)?
  ) -> Reply {
    guard line.utf8.count <= Tokenizer.maxLineLength else {
      return Reply(error: .lineTooLong(line.utf8.count))
    }
    // `f = …` defines a function: the text after '=' is an expression, not words.
    let definition = FunctionCommands.definitionPattern(line)
    let words: [String]
    do {
      words = definition != nil ? ["def"] : try Tokenizer.words(line)
    } catch {
      return Reply(error: error)
    }
    guard let name = words.first else { return .ok("") }
    guard let command = CommandTable.lookup(name) else {
      return Reply(error: .unknownCommand(name))
    }
    if command.name == "undo" || command.name == "redo" {
      return travel(command, Array(words.dropFirst()))
    }
    if command.name == "record" || command.name == "export" {
      return document(command, Array(words.dropFirst()))
    }
    var context = Context(
      model: model, arguments: Array(words.dropFirst()), command: command, interrupted: interrupted,
      progress: progress)
    context.line = line
    context.runDepth = runDepth
    context.clock = clock
    context.files = files
    defer { files.written = context.files.written }
    if let definition { context.definition = definition }
    do {
      let result = try command.run(&context)
      let output = (context.streamed + [result]).filter { !$0.isEmpty }.joined(separator: "\n")
      if context.model.essence != model.essence {
        let label = definition != nil ? line.trimmingCharacters(in: .whitespaces) : words.joined(separator: " ")
        undoStack.append((model, context.historyLabel ?? label))
        undoTotal += model.size
        trimUndo()
        redoStack.removeAll()
      }
      model = context.model
      if context.kept { lastKept = model.essence }
      var reply = Reply(output: output, status: context.quit ? .quit : .ok)
      reply.request = context.request
      return reply
    } catch let error as ShellError {
      return Reply(error: error)
    } catch {
      return Reply(output: error.message, status: .error)
    }
  }

  /// Drops the oldest undo steps beyond the count or the size limit (keeping the newest).
  private mutating func trimUndo() {
    while undoStack.count > Session.undoLimit || (undoStack.count > 1 && undoTotal > Session.undoBudget) {
      undoTotal -= undoStack.removeFirst().model.size
    }
  }

  private mutating func travel(_ command: CommandSpec, _ arguments: [String]) -> Reply {
    if let extra = arguments.first {
      return Reply(error: .unexpected(command: command.name, word: extra, usage: command.synopsis))
    }
    if command.name == "undo" {
      guard let (previous, line) = undoStack.popLast() else {
        return Reply(error: .nothingToUndo)
      }
      undoTotal -= previous.size
      redoStack.append((model, line))
      model = previous
      return .ok("undone: \(line)")
    }
    guard let (next, line) = redoStack.popLast() else {
      return Reply(error: .nothingToRedo)
    }
    undoStack.append((model, line))
    undoTotal += model.size
    model = next
    return .ok("redone: \(line)")
  }
}
