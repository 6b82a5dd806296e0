import Foundation
import Network

/// The purpose a command serves; `help` groups commands by it.
enum CommandGroup: String, CaseIterable, Sendable {
  case build, data, run, inspect, functions, lessons, session

  var title: String {
    switch self {
    case .build: "Build a network"
    case .data: "Training data"
    case .run: "Run and learn"
    case .inspect: "Look inside"
    case .functions: "Functions and gradient descent"
    case .lessons: "Lessons"
    case .session: "Session"
    }
  }
}

/// One entry of the command table. The same entry drives `help`, the
/// "did you mean" suggestions, and the test that runs every example.
struct CommandSpec: Sendable {
  let name: String
  let group: CommandGroup
  /// The usage line, e.g. `layer NAME… ACTIVATION [bias own|shared|none]`.
  let synopsis: String
  /// One line for the command list.
  let summary: String
  /// A paragraph for `help NAME`.
  let details: String
  /// Lines that run in a fresh session; the last ones show the command itself.
  let example: [String]
  /// What kind of word may come next, given the argument words already typed (for Tab completion).
  var complete: @Sendable ([String]) -> [WordKind] = { _ in [] }
  let run: @Sendable (inout Context) throws -> String
}

/// What a command sees: a copy of the model it may change, and its argument words.
/// The session keeps the copy only if the command succeeds.
struct Context {
  var model: Model
  let arguments: [String]
  let command: CommandSpec
  let interrupted: () -> Bool
  /// Where long commands send lines as they go (nil: they lead the reply).
  let progress: ((String) -> Void)?
  /// Lines reported while no `progress` handler was given.
  var streamed: [String] = []
  /// What undo calls this command, when the line itself would mislead.
  var historyLabel: String?
  var quit = false
  /// The command saved the model to a file or loaded it from one.
  var kept = false
  var request: Request?
  /// How many `run` commands this one is nested in.
  var runDepth = 0
  /// The whole line as typed (for commands that read expressions).
  var line = ""
  /// For `f = …` and `def f = …`: the name, the expression and where it starts in the line.
  var definition: (name: String, source: String, offset: Int)?

  /// Which files the command may read and write.
  var files = FileAccess()

  /// Seconds from an arbitrary start; the session's clock (fixed in tests).
  var clock: () -> Double = { 0 }

  /// A progress bar to show in place. Streaming front ends get it as "\r" + bar and draw it
  /// over itself on a terminal; replies without streaming leave it out.
  func reportBar(_ bar: String) {
    progress?("\r" + bar)
  }

  /// A periodic progress line. Streaming front ends get it as "\u{0B}" + line and print it
  /// when they do not draw bars (in a pipe); replies without streaming keep it.
  mutating func reportPeriodic(_ line: String) {
    if let progress { progress("\u{0B}" + line) } else { streamed.append(line) }
  }

  /// Shows a line now if the front end streams, else puts it at the head of the reply.
  mutating func report(_ line: String) {
    if let progress { progress(line) } else { streamed.append(line) }
  }

  var format: NumberFormat { NumberFormat(digits: model.settings.precision) }

  // MARK: - Reading arguments

  func missing(_ what: String) -> ShellError {
    .missing(command: command.name, what: what, usage: command.synopsis)
  }

  func unexpected(_ word: String) -> ShellError {
    .unexpected(command: command.name, word: word, usage: command.synopsis)
  }

  /// Fails unless there are at most `count` arguments.
  func expectAtMost(_ count: Int) throws(ShellError) {
    if arguments.count > count { throw unexpected(arguments[count]) }
  }

  /// The argument at `index`, or an error naming what is missing.
  func word(_ index: Int, _ what: String) throws(ShellError) -> String {
    guard index < arguments.count else { throw missing(what) }
    return arguments[index]
  }

  static func number(_ word: String) throws(ShellError) -> Double {
    let normalized = word.replacingOccurrences(of: "\u{2212}", with: "-")
    guard let value = Double(normalized) else {
      if ["nan", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(normalized.lowercased()) {
        throw .notFinite(word)
      }
      throw .notANumber(word)
    }
    guard value.isFinite else { throw .notFinite(word) }
    return value
  }

  func count(_ word: String, example: String) throws(ShellError) -> Int {
    guard let n = Int(word) else {
      if !word.isEmpty, word.dropFirst(word.hasPrefix("-") ? 1 : 0).allSatisfy(\.isNumber) {
        return word.hasPrefix("-") ? Int.min : Int.max  // too large to hold: out of range
      }
      throw .notACount(word: word, example: example)
    }
    return n
  }

  func neuron(_ name: String) throws(ShellError) -> Int {
    guard let i = model.network.neuronIndex(name) else {
      throw .unknownNeuron(name, known: model.network.neurons.map(\.name))
    }
    return i
  }

  func parameter(_ name: String) throws(ShellError) -> Int {
    guard let i = model.network.parameterIndex(name) else {
      throw .unknownParameter(name, known: model.network.parameters.map(\.name))
    }
    return i
  }

  static func activation(_ word: String) throws(ShellError) -> Activation {
    guard let a = Activation(rawValue: word.lowercased()) else { throw .unknownActivation(word) }
    return a
  }

  /// Runs a network operation, turning its error into a shell error.
  func network<T>(_ body: () throws(NetworkError) -> T) throws(ShellError) -> T {
    do { return try body() } catch { throw .network(error) }
  }
}
