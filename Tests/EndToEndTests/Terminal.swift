import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The built `nabla` running in a pseudo-terminal, typed at like a person would.
final class Terminal {
  enum Failure: Error, CustomStringConvertible {
    case cannotStart(String)
    case timedOut(waitingFor: String, screen: String)
    var description: String {
      switch self {
      case .cannotStart(let why): "cannot start nabla: \(why)"
      case .timedOut(let text, let screen): "timed out waiting for \(text.debugDescription); output so far:\n\(screen)"
      }
    }
  }

  static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/debug/nabla").path

  private let master: Int32
  let pid: pid_t
  /// Every byte nabla wrote.
  private var raw: [UInt8] = []
  /// Everything nabla wrote, with escape sequences and carriage returns removed.
  var output: String { Self.clean(String(decoding: raw, as: UTF8.self)) }
  /// How many characters of `output` earlier matches used up.
  private var mark = 0

  init(arguments: [String] = [], environment: [String: String] = [:]) throws {
    guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
      throw Failure.cannotStart("\(Self.binary) is missing; build with 'swift build' first")
    }
    var master: Int32 = 0
    var slave: Int32 = 0
    var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw Failure.cannotStart("openpty failed") }
    let slaveName = String(cString: ttyname(slave))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addclose(&actions, master)
    posix_spawn_file_actions_addclose(&actions, slave)
    // Opening the terminal after setsid makes it the controlling terminal, so Ctrl-C raises SIGINT.
    posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A new session (POSIX_SPAWN_SETSID), an empty signal mask and default signal actions
    // (POSIX_SPAWN_SETSIGMASK, POSIX_SPAWN_SETSIGDEF): the test runner may block or ignore SIGINT.
    posix_spawnattr_setflags(&attributes, Int16(0x80 | 0x08 | 0x04))
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    posix_spawnattr_setsigdefault(&attributes, &interrupt)
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm"
    env.removeValue(forKey: "NO_COLOR")
    for (key, value) in environment { env[key] = value }
    let argv = ([Self.binary] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var child: pid_t = 0
    let status = posix_spawn(&child, Self.binary, &actions, &attributes, argv, envp)
    close(slave)
    guard status == 0 else {
      close(master)
      throw Failure.cannotStart("posix_spawn failed with \(status)")
    }
    self.master = master
    pid = child
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(master)
  }

  /// Types text (use "\r" for Enter, "\u{03}" for Ctrl-C, "\t" for Tab, "\u{1B}[A" for Up).
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, bytes.count) }
  }

  /// Waits until `text` appears after the previous match; returns everything up to and including it.
  @discardableResult
  func expect(_ text: String, timeout: Double = 10) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let all = output
      let rest = all.dropFirst(mark)
      if let range = rest.range(of: text) {
        let seen = String(rest[..<range.upperBound])
        mark += seen.count
        return seen
      }
      let left = deadline.timeIntervalSinceNow
      guard left > 0, readSome(timeout: left) else {
        throw Failure.timedOut(waitingFor: text, screen: String(output.suffix(2000)))
      }
    }
  }

  /// Waits for the prompt, so the next keys reach the line editor.
  func prompt() throws { try expect("nabla> ") }

  /// Ctrl-D, then Enter at the question about unsaved changes: leaves without saving.
  func leaveWithoutSaving() throws {
    type("\u{04}")
    try expect("Enter leaves without saving, c stays: ")
    type("\r")
  }

  /// Waits for nabla to exit; returns its exit status.
  func exitStatus(timeout: Double = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while Date() < deadline {
      _ = readSome(timeout: 0.05)
      if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xFF }
    }
    throw Failure.timedOut(waitingFor: "exit", screen: String(output.suffix(2000)))
  }

  /// Reads what is available; false at end of file or when nothing came within `timeout`.
  private func readSome(timeout: Double) -> Bool {
    var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, Int32(max(1, timeout * 1000))) > 0 else { return false }
    var bytes = [UInt8](repeating: 0, count: 4096)
    let count = read(master, &bytes, bytes.count)
    guard count > 0 else { return false }
    raw += bytes[..<count]
    return true
  }

  /// Removes escape sequences, carriage returns and bells.
  static func clean(_ text: String) -> String {
    var result = ""
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      switch scalar {
      case "\u{1B}":
        guard let next = iterator.next() else { break }
        if next == "[" {
          while let c = iterator.next(), !(c.value >= 0x40 && c.value <= 0x7E) {}
        }
      case "\r", "\u{07}":
        continue
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
