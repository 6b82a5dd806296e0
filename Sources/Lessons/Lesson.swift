/// A lesson: a script of nabla commands whose comments carry the narration and the
/// lesson's directives, so the same file runs as a plain script, plays as a lesson,
/// and replays in tests.
public struct Lesson: Equatable, Sendable {
  public var title = ""
  public var summary = ""
  public var minutes = 0
  public var requires: [String] = []
  public var steps: [Step] = []

  public init() {}

  /// Where something is in the file (1-based).
  public struct Location: Equatable, Sendable {
    public var line: Int
    public var column: Int
  }

  public enum Step: Equatable, Sendable {
    /// Text for the learner (a paragraph of `#` lines).
    case narration(String)
    /// A command the lesson runs and shows.
    case command(String, Location)
    /// Something the learner does; `check` says whether it is done.
    case task(Task)
    case question(Question)
    /// Text only a presenter sees.
    case note(String)
  }

  public struct Task: Equatable, Sendable {
    public var text: String
    public var check: String
    public var hints: [String] = []
    /// The commands that do it (they follow the task in the file, and run as a script).
    public var answer: [String] = []
    public var location: Location
  }

  public struct Question: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
      /// A number: the expected value is an expression over the session.
      case number(expression: String, tolerance: Double)
      /// One of several choices.
      case choice([String], answer: String)
      /// Text, with every accepted spelling.
      case text([String])
    }

    public var text: String
    public var kind: Kind
    public var hints: [String] = []
    public var location: Location
  }
}
