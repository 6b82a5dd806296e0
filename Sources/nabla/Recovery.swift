import Foundation
import Shell

/// `--autosave`: after every command that changes the learner's session, the session is
/// written whole to a recovery file; a clean exit removes it, and the next start offers to
/// restore it if nabla was killed, crashed or lost its terminal.
struct Recovery {
  let file: String
  /// The model last written, so an unchanged session is not written again.
  private var written: Model?

  init(file: String) { self.file = file }

  /// Takes the recovery file for this nabla alone: false when another running nabla keeps it
  /// (two would offer each other's live work, or remove it). The lock lasts as long as nabla.
  static func claim(_ file: String) -> Bool {
    try? FileManager.default.createDirectory(atPath: Path.folder(file), withIntermediateDirectories: true)
    let descriptor = open(Path.join(Path.folder(file), "recovery.lock"), O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return false }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      close(descriptor)
      return false
    }
    return true  // the descriptor stays open, and the lock held, until nabla ends
  }

  /// `$XDG_STATE_HOME/nabla/recovery.json`, or `~/.local/state/nabla/recovery.json`.
  static func defaultFile() -> String? {
    LineEditor.defaultHistoryFile().map { Path.folder($0) + "/recovery.json" }
  }

  /// Brings the recovery file up to date with `session`; returns a warning if it cannot.
  mutating func update(_ session: Session) -> String? {
    guard session.hasUnsavedChanges else {
      discard()
      return nil
    }
    guard written != session.model else { return nil }
    do {
      try FileManager.default.createDirectory(
        atPath: Path.folder(file), withIntermediateDirectories: true)
      try session.writeRecovery(to: file)
      written = session.model
      return nil
    } catch let error as ShellError {
      return "nabla: warning: cannot keep the recovery file: \(error.message)"
    } catch {
      return "nabla: warning: cannot create the folder for the recovery file \(file)"
    }
  }

  /// Removes the recovery file: the session was saved, or the learner chose to leave it.
  mutating func discard() {
    unlink(file)
    written = nil
  }

  /// When a recovery file was left behind, asks whether to restore it and does so with
  /// `load`, so that `undo` goes back to an empty session.
  func offer(_ session: inout Session, editor: LineEditor, output: Output) {
    guard FileManager.default.fileExists(atPath: file) else { return }
    var probe = Session()
    let check = probe.execute("load \(Self.quoted(file))")
    guard check.status == .ok else {
      // Kept aside, so that the next command does not replace it.
      let old = Self.oldFile(file)
      rename(file, old)
      output.error("nabla: the recovery file cannot be restored (\(check.output)); it is kept as \(old)")
      return
    }
    let when =
      ((try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date).map {
        " from " + Self.clock().string(from: $0)
      } ?? ""
    let summary = check.output.dropFirst("loaded \(file): ".count)
    print("nabla: work\(when) was not saved when nabla last ended (\(summary)).")
    let answer = editor.ask("restore it? [y/N] ")?.trimmingCharacters(in: .whitespaces).lowercased()
    if answer == "y" || answer == "yes" {
      output.reply(session.execute("load \(Self.quoted(file))").output)
      session.markUnsaved()
      output.reply("(restored; 'undo' goes back to an empty session; save it with 'save FILE')")
    } else {
      let old = Self.oldFile(file)
      rename(file, old)
      output.reply("(not restored; it is kept as \(old) until the next one)")
    }
  }

  static func quoted(_ path: String) -> String { "\"" + path + "\"" }

  /// Where a recovery file that was not restored is kept until the next one.
  static func oldFile(_ file: String) -> String { Path.join(Path.folder(file), "recovery.old.json") }

  private static func clock() -> DateFormatter {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter
  }
}
