import Foundation
import Lessons
import Shell

/// The interactive shell: the line editor, lessons, leaving with unsaved work and the
/// recovery file.
extension Nabla {
  func runShell(session start: Session, output start2: Output) {
    var session = start
    var output = start2
    output.paging = true
    print(
      output.text("nabla: a shell for watching neural networks learn. Type 'help' for the commands, Ctrl-D to leave."))
    let editor = LineEditor(historyFile: noHistory ? nil : LineEditor.defaultHistoryFile())
    // The lessons' names for Tab, read at the first Tab rather than before the first prompt.
    var lessonNames: [String]?
    func lessons() -> [String] {
      if let lessonNames { return lessonNames }
      let names = LessonShell.catalogue().flatMap { ["\($0.0)", Path.stem($0.1)] }
      lessonNames = names
      return names
    }
    editor.complete = { line, cursor in
      Completion.complete(line, cursor: cursor, session: session, lessons: lessons)
    }
    let progressFile = noHistory ? nil : LessonProgress.defaultFile()
    var progress = progressFile.map(LessonProgress.load) ?? LessonProgress()
    var player: LessonPlayer?
    // The learner's own session, put aside while a lesson runs in a fresh one.
    var putAside: Session?
    var recovery: Recovery?
    if autosave {
      if let file = Recovery.defaultFile(), Recovery.claim(file) {
        recovery = Recovery(file: file)
        recovery?.offer(&session, editor: editor, output: output)
      } else if Recovery.defaultFile() != nil {
        output.error("nabla: warning: another nabla with --autosave is running; this one keeps no recovery file")
      } else {
        output.error("nabla: warning: --autosave needs HOME or XDG_STATE_HOME; going on without a recovery file")
      }
    }
    var warnedAboutRecovery = false
    /// Keeps the recovery file up to date with the learner's own session.
    func keepRecovery() {
      guard let warning = recovery?.update(putAside ?? session), !warnedAboutRecovery else { return }
      warnedAboutRecovery = true
      output.error(warning)
    }
    /// Whether to leave: with unsaved changes, the learner may save them first, leave
    /// without them, or stay.
    func leave() -> Bool {
      var own = putAside ?? session
      defer { if putAside != nil { putAside = own } else { session = own } }
      while own.hasUnsavedChanges {
        let count = own.changesSinceKept
        print("You have unsaved changes (\(count) command\(count == 1 ? "" : "s") since the last save or load).")
        guard
          var answer = editor.ask("Save them? A file name saves, Enter leaves without saving, c stays: ")?
            .trimmingCharacters(in: .whitespaces)
        else {
          print("")  // Ctrl-D: leave without saving
          break
        }
        // Ctrl-C takes back the question: stay.
        if editor.abandoned { return false }
        let word = answer.lowercased()
        if answer.isEmpty || word == "n" || word == "no" { break }
        if word == "c" || word == "cancel" { return false }
        if word == "y" || word == "yes" {
          guard let name = editor.ask("File name to save to: ")?.trimmingCharacters(in: .whitespaces),
            !editor.abandoned, !name.isEmpty
          else { continue }
          answer = name
        }
        let reply = own.execute("save \(Recovery.quoted(answer))")
        if reply.status == .ok { output.reply(reply.output) } else { output.shellError(reply.output) }
      }
      recovery?.discard()
      return true
    }
    var warnedAboutProgress = false
    func saveProgress(_ p: LessonPlayer) {
      progress.lessons[p.name] = p.record
      guard let progressFile else { return }
      do { try progress.save(progressFile) } catch {
        if !warnedAboutProgress {
          output.error("nabla: warning: cannot save lesson progress to \(progressFile); going on without it")
        }
        warnedAboutProgress = true
      }
    }
    /// A lesson ended, was left or stopped: say what it wrote, and give the learner's own
    /// session back.
    func endLesson() {
      if let written = LessonPlayer.written(session) { output.reply(written) }
      player = nil
      if let previous = putAside {
        session = previous
        output.reply("(your session from before the lesson is back)")
      }
      putAside = nil
      editor.setPrompt("nabla> ")
    }
    while true {
      guard let line = editor.readLine() else {
        // Ctrl-D on an empty line.
        print("")
        if leave() { return }
        continue
      }
      Interrupt.reset()
      if var lesson = player {
        // Ctrl-C on a half-typed line abandons the line, not the step.
        if editor.abandoned { continue }
        let word = line.trimmingCharacters(in: .whitespaces)
        if word == "quit" || word == "exit" {
          saveProgress(lesson)
          if leave() { return }
          continue
        }
        if session.model.settings.present && line.trimmingCharacters(in: .whitespaces).isEmpty { output.clearScreen() }
        output.reply(lesson.handle(line, session: &session, interrupted: Interrupt.requested))
        output.present = session.model.settings.present
        saveProgress(lesson)
        if lesson.finished {
          endLesson()
        } else {
          player = lesson
          editor.setPrompt(lesson.prompt)
        }
        editor.saveHistory()
        keepRecovery()
        continue
      }
      let reply = session.execute(line, interrupted: Interrupt.requested, progress: output.reply)
      output.present = session.model.settings.present
      keepRecovery()
      if let request = reply.request {
        switch request {
        case .listLessons:
          output.reply(LessonShell.list(progress))
        case .startLesson(let name):
          switch LessonShell.start(name, output: lessonFiles) {
          case .success(var (lesson, _)):
            let record =
              progress.lessons[lesson.name].map { $0.done ? LessonProgress.Record() : $0 } ?? LessonProgress.Record()
            // A lesson starts from an empty session; the learner's own comes back when it ends.
            putAside = session
            var fresh = Session()
            fresh.clock = session.clock
            session = fresh
            output.reply(lesson.start(at: record.step, session: &session, record: record))
            saveProgress(lesson)
            if lesson.finished {
              endLesson()  // it stopped while resuming
            } else {
              player = lesson
              editor.setPrompt(lesson.prompt)
            }
          case .failure(let problem):
            output.shellError(problem.message)
          }
        }
        editor.saveHistory()
        continue
      }
      editor.saveHistory()
      switch reply.status {
      case .ok: output.reply(reply.output)
      case .error:
        if let column = reply.column { print(String(repeating: " ", count: editor.promptWidth + column) + "^") }
        output.shellError(reply.output)
      case .quit: if leave() { return }
      }
    }
  }
}
