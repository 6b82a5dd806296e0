import CLibEdit
import Foundation
import Shell

/// The interactive line reader: libedit with emacs keys, history, Ctrl-R search,
/// Tab completion and Ctrl-C that abandons the line being typed.
final class LineEditor {
  private let editor: OpaquePointer
  private let history: OpaquePointer
  private var event = HistEvent()
  private var promptText: UnsafeMutablePointer<CChar>
  /// Whether the last line was abandoned with Ctrl-C (readLine then returns "").
  private(set) var abandoned = false
  private let historyFile: String?
  private var warnedAboutHistory = false
  /// Completes the word at the cursor: (line, cursor in characters) → result.
  var complete: ((String, Int) -> Completion.Result)?

  static let historySize: Int32 = 1000

  init(historyFile: String?) {
    setlocale(LC_CTYPE, "")
    editor = el_init("nabla", nabla_stdin(), nabla_stdout(), nabla_stderr())
    history = history_init()
    promptText = strdup("nabla> ")
    self.historyFile = historyFile
    _ = nabla_history_setsize(history, &event, Self.historySize)
    _ = nabla_history_setunique(history, &event, 1)
    _ = nabla_el_set_history(editor, history)
    _ = nabla_el_set_editor(editor, "emacs")
    _ = nabla_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
    _ = nabla_el_set_prompt(editor) { e in
      guard let e, let data = nabla_el_get_clientdata(e) else { return nil }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptText
    }
    _ = nabla_el_addfn(editor, "nabla-complete", "complete the word at the cursor") { e, _ in
      guard let e, let data = nabla_el_get_clientdata(e) else { return UInt8(CC_ERROR) }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().completeAtCursor()
    }
    _ = nabla_el_addfn(editor, "nabla-abandon", "abandon the line") { e, _ in
      guard let e, let data = nabla_el_get_clientdata(e) else { return UInt8(CC_ERROR) }
      Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().abandoned = true
      return UInt8(CC_NEWLINE)
    }
    _ = nabla_el_bind(editor, "^I", "nabla-complete")
    // Ctrl-C while typing is a key, not a signal: it abandons the line.
    _ = nabla_el_setty(editor, "-d", "-intr")
    _ = nabla_el_bind(editor, "^C", "nabla-abandon")
    _ = nabla_el_bind(editor, "^R", "em-inc-search-prev")
    loadHistory()
  }

  deinit {
    history_end(history)
    el_end(editor)
    free(promptText)
  }

  /// How many columns the prompt takes.
  var promptWidth: Int { String(cString: promptText).count }

  func setPrompt(_ text: String) {
    free(promptText)
    promptText = strdup(text)
  }

  /// Asks a question at its own prompt and returns the answer (nil at Ctrl-D); the answer
  /// stays out of the history and the prompt is put back.
  func ask(_ question: String) -> String? {
    let previous = String(cString: promptText)
    setPrompt(question)
    defer { setPrompt(previous) }
    return readLine(remember: false)
  }

  /// The next line, without its newline; "" after Ctrl-C; nil at Ctrl-D on an empty line.
  /// With `remember` false, the line stays out of the history (an answer to a question).
  func readLine(remember: Bool = true) -> String? {
    abandoned = false
    _ = nabla_el_prep_term(editor, 1)
    var count: Int32 = 0
    let raw = el_gets(editor, &count)
    _ = nabla_el_prep_term(editor, 0)
    if abandoned {
      print("^C")
      return ""
    }
    guard let raw, count > 0 else { return nil }
    var line = String(cString: raw)
    while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
    if remember, !line.trimmingCharacters(in: .whitespaces).isEmpty {
      _ = nabla_history_enter(history, &event, line)
    }
    return line
  }

  // MARK: - Completion

  private func completeAtCursor() -> UInt8 {
    guard let info = el_line(editor)?.pointee, let buffer = info.buffer else { return UInt8(CC_ERROR) }
    let length = info.lastchar - buffer
    let cursorBytes = info.cursor - buffer
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: length)
    let line = String(decoding: bytes, as: UTF8.self)
    let cursor = String(decoding: bytes.prefix(cursorBytes), as: UTF8.self).count
    guard let result = complete?(line, cursor) else { return UInt8(CC_REFRESH_BEEP) }
    if result.candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
    if let replacement = result.replacement {
      el_deletestr(editor, Int32(result.typedLength))
      _ = el_insertstr(editor, replacement)
      return UInt8(CC_REFRESH)
    }
    if result.commonPrefix.count > result.word.count {
      _ = el_insertstr(editor, String(result.commonPrefix.dropFirst(result.word.count)))
      return UInt8(CC_REFRESH)
    }
    print("")
    print(result.candidates.joined(separator: "  "))
    return UInt8(CC_REDISPLAY)
  }

  // MARK: - History

  private func loadHistory() {
    guard let file = historyFile, FileManager.default.fileExists(atPath: file) else { return }
    if nabla_history_load(history, &event, file) < 0 { warn("cannot read the history file \(file)") }
  }

  /// Writes the history to a temporary file beside the real one, then renames it over it, so a
  /// kill while writing leaves the old history whole (see `AtomicFile`).
  func saveHistory() {
    guard let file = historyFile else { return }
    let folder = Path.folder(file)
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      return warn("cannot create \(folder) for the history")
    }
    do {
      try AtomicFile.replace(file) { [history] temporary throws(AtomicFile.Failure) in
        var event = HistEvent()
        guard nabla_history_save(history, &event, temporary) >= 0 else {
          throw AtomicFile.Failure(reason: "libedit could not write it")
        }
      }
    } catch {
      warn("cannot write the history file \(file)")
    }
  }

  private func warn(_ message: String) {
    guard !warnedAboutHistory else { return }
    warnedAboutHistory = true
    FileHandle.standardError.write(Data("nabla: warning: \(message); going on without saved history\n".utf8))
  }

  /// `$XDG_STATE_HOME/nabla/history`, or `~/.local/state/nabla/history`.
  static func defaultHistoryFile() -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/nabla/history" }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/state/nabla/history"
  }
}
