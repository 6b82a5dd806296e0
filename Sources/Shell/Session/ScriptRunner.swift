/// Runs a script of commands, line by line, as `nabla FILE` and piped input do.
/// Lines starting with `#` are comments. A failing line is reported as `NAME:LINE: message`.
public struct ScriptRunner {
  public var session: Session
  public let name: String
  public let strict: Bool
  public private(set) var lineNumber = 0
  public private(set) var failures = 0
  public private(set) var finished = false

  public init(session: Session = Session(), name: String, strict: Bool = false) {
    self.session = session
    self.name = name
    self.strict = strict
  }

  /// What one line produced: text for standard output and for standard error.
  public struct Result: Equatable, Sendable {
    public var output: String
    public var error: String?
    /// Something only the front end can do (listing the lessons).
    public var request: Request? = nil
  }

  /// Runs the next line. After `quit`, or a failure under `strict`, `finished` is true.
  public mutating func run(
    _ line: String, interrupted: @escaping () -> Bool = { false }, progress: ((String) -> Void)? = nil
  ) -> Result {
    lineNumber += 1
    guard !finished else { return Result(output: "", error: nil) }
    var reply = session.execute(line, interrupted: interrupted, progress: progress)
    if let request = reply.request, request == .listLessons {
      return Result(output: "", error: nil, request: request)
    }
    if reply.request != nil {
      reply = Reply(output: "lessons are played in the shell; in a script, use 'nabla play LESSON'", status: .error)
    }
    switch reply.status {
    case .ok:
      return Result(output: reply.output, error: nil)
    case .quit:
      finished = true
      return Result(output: reply.output, error: nil)
    case .error:
      failures += 1
      // A lesson that reaches for a file out of its reach stops whatever the mode.
      if strict || reply.outsideLesson { finished = true }
      let stops = reply.outsideLesson ? "; the lesson stops here" : ""
      return Result(output: "", error: "\(name):\(lineNumber): \(reply.output)\(stops)")
    }
  }

  /// 0 when every line succeeded, 1 otherwise.
  public var exitStatus: Int32 { failures == 0 ? 0 : 1 }
}
