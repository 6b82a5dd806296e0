import Foundation
import Testing

/// The real binary in a pseudo-terminal: keys, history, completion, Ctrl-C and Ctrl-D.
/// Each key is sent only after the prompt it belongs to has appeared.
@Suite(.serialized) struct ShellKeysTests {
  static func stateFolder() -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nabla-e2e-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func typingHistoryAndCompletion() throws {
    let term = try Terminal(arguments: ["--color", "never"], environment: ["XDG_STATE_HOME": Self.stateFolder()])
    try term.prompt()
    term.type("input x\r")
    try term.expect("inputs: x")
    try term.prompt()
    // Tab completes a command, then an activation.
    term.type("lay\t")
    try term.expect("layer ")
    term.type("y sigm\t")
    try term.expect("sigmoid ")
    term.type("\r")
    try term.expect("y = sigmoid(w1·x + b1)")
    try term.prompt()
    // Several matches are listed.
    term.type("s\t")
    try term.expect("save  seed  set  show  step")
    term.type("\u{15}")  // Ctrl-U clears the line
    // Up brings back the previous command.
    term.type("\u{1B}[A\u{1B}[A\r")
    try term.expect("there is already a neuron named 'x'")
    try term.prompt()
    // Ctrl-R searches history backwards.
    term.type("\u{12}lay\r")
    try term.expect("there is already a neuron named 'y'")
    try term.prompt()
    // Unicode input and output.
    term.type("show δ∂\r")
    try term.expect("'show' has no 'δ∂'")
    try term.prompt()
    try term.leaveWithoutSaving()
    #expect(try term.exitStatus() == 0)
  }

  static let question = "Save them? A file name saves, Enter leaves without saving, c stays: "

  @Test func leavingWithUnsavedChangesOffersToSave() throws {
    let state = Self.stateFolder()
    let saved = state + "/kept.json"
    let term = try Terminal(arguments: ["--color", "never"], environment: ["XDG_STATE_HOME": state])
    try term.prompt()
    term.type("input x\r")
    try term.prompt()
    term.type("layer y sigmoid\r")
    try term.prompt()
    // 'c' stays, with the session as it was.
    term.type("quit\r")
    try term.expect("You have unsaved changes (2 commands since the last save or load).")
    try term.expect(Self.question)
    term.type("c\r")
    try term.prompt()
    term.type("show net\r")
    try term.expect("y = sigmoid(w1·x + b1)")
    try term.prompt()
    // A file that cannot be written asks again; a good one saves and leaves.
    term.type("\u{04}")
    try term.expect(Self.question)
    term.type("/no/such/folder/net.json\r")
    try term.expect("error: cannot write '/no/such/folder/net.json'")
    try term.expect(Self.question)
    term.type(saved + "\r")
    try term.expect("saved 2 neurons, 2 parameters and 0 examples to \(saved)")
    #expect(try term.exitStatus() == 0)
    #expect(FileManager.default.fileExists(atPath: saved))
    // Nothing unsaved: no question.
    let again = try Terminal(arguments: ["--color", "never"], environment: ["XDG_STATE_HOME": state])
    try again.prompt()
    again.type("load \(saved)\r")
    try again.prompt()
    again.type("quit\r")
    #expect(try again.exitStatus() == 0)
    #expect(!again.output.contains("unsaved"))
  }

  @Test func autosaveRecoversWorkAfterAKill() throws {
    let state = Self.stateFolder()
    let term = try Terminal(arguments: ["--autosave", "--color", "never"], environment: ["XDG_STATE_HOME": state])
    for line in ["input a b", "layer y tanh", "set w1 0.75"] {
      try term.prompt()
      term.type(line + "\r")
    }
    try term.expect("w1 = 0.75")
    try term.prompt()
    #expect(FileManager.default.fileExists(atPath: state + "/nabla/recovery.json"))
    kill(term.pid, SIGKILL)
    _ = try? term.exitStatus()
    let next = try Terminal(arguments: ["--autosave", "--color", "never"], environment: ["XDG_STATE_HOME": state])
    try next.expect("was not saved when nabla last ended (3 neurons, 3 parameters and 0 examples).")
    try next.expect("restore it? [y/N] ")
    next.type("y\r")
    try next.expect("(restored; 'undo' goes back to an empty session; save it with 'save FILE')")
    try next.prompt()
    next.type("show weights\r")
    try next.expect("w1    a→y        0.75")
    try next.prompt()
    // Leaving without saving, on purpose, removes the recovery file.
    next.type("quit\r")
    try next.expect(Self.question)
    next.type("\r")
    #expect(try next.exitStatus() == 0)
    #expect(!FileManager.default.fileExists(atPath: state + "/nabla/recovery.json"))
  }

  @Test func onlyOneAutosavingShellKeepsTheRecoveryFile() throws {
    let state = Self.stateFolder()
    let first = try Terminal(arguments: ["--autosave", "--color", "never"], environment: ["XDG_STATE_HOME": state])
    try first.prompt()
    let second = try Terminal(arguments: ["--autosave", "--color", "never"], environment: ["XDG_STATE_HOME": state])
    try second.expect("nabla: warning: another nabla with --autosave is running; this one keeps no recovery file")
    try second.prompt()
    second.type("quit\r")
    #expect(try second.exitStatus() == 0)
    first.type("quit\r")
    #expect(try first.exitStatus() == 0)
  }

  @Test func aReplyLongerThanTheScreenIsPaged() throws {
    let term = try Terminal(arguments: ["--no-history", "--color", "never"])
    for line in [
      "input x1 x2 x3 x4", "layer h1 h2 h3 h4 h5 h6 sigmoid", "layer o1 o2 o3 sigmoid", "example 1 2 3 4 -> 0 1 0",
    ] {
      try term.prompt()
      term.type(line + "\r")
    }
    try term.prompt()
    term.type("backward\r")
    // 40 rows: 39 lines, then the pager waits for a key.
    try term.expect("more lines: Space or Enter for the next page, a for all, q to stop --")
    #expect(!term.output.contains("hidden h6:"))
    term.type(" ")
    try term.expect("hidden h2:")
    term.type("q")
    try term.expect("more lines not shown)")
    try term.prompt()
    #expect(!term.output.contains("hidden h6:"))
    term.type("backward\r")
    try term.expect("q to stop --")
    term.type("a")
    try term.expect("hidden h6:")
    try term.prompt()
    try term.leaveWithoutSaving()
    #expect(try term.exitStatus() == 0)
  }

  @Test func ctrlCAbandonsALineAndStopsALongCommand() throws {
    let term = try Terminal(arguments: ["--no-history"])
    try term.prompt()
    term.type("half typed\u{03}")
    try term.expect("^C")
    try term.prompt()
    term.type("input x\r")
    try term.expect("inputs: x")
    #expect(!term.output.contains("half typed\n"))
    #expect(!term.output.contains("unknown command 'half'"))
    for line in ["layer h1 h2 h3 h4 tanh", "layer y sigmoid", "example 1 -> 1"] {
      try term.prompt()
      term.type(line + "\r")
    }
    try term.prompt()
    term.type("step 1000000\r")
    try term.expect("step 5: E = ")
    Thread.sleep(forTimeInterval: 0.3)
    let pressed = Date()
    term.type("\u{03}")
    try term.expect("interrupted after ")
    #expect(Date().timeIntervalSince(pressed) < 1)
    try term.expect("after ")
    try term.prompt()
    term.type("show data\r")
    try term.expect("1 *")
    // Ctrl-C during a long 'train' stops it after the current update; the network is consistent.
    try term.prompt()
    term.type("train 1000000\r")
    try term.expect("train 1000000 epochs")
    Thread.sleep(forTimeInterval: 0.5)
    term.type("\u{03}")
    try term.expect("interrupted after ")
    try term.prompt()
    term.type("gradcheck\r")
    try term.expect("All 13 gradients agree.")
    try term.prompt()
    try term.leaveWithoutSaving()
    #expect(try term.exitStatus() == 0)
  }

  @Test func historyPersistsAcrossRuns() throws {
    let state = Self.stateFolder()
    do {
      let term = try Terminal(environment: ["XDG_STATE_HOME": state])
      try term.prompt()
      term.type("input remembered\r")
      try term.expect("inputs: remembered")
      try term.prompt()
      term.type("input remembered\r")
      try term.prompt()
      try term.leaveWithoutSaving()
      #expect(try term.exitStatus() == 0)
    }
    let saved = try String(contentsOfFile: state + "/nabla/history", encoding: .utf8)
    // No consecutive duplicates.
    #expect(saved.components(separatedBy: "remembered").count == 2)
    let files = try FileManager.default.contentsOfDirectory(atPath: state + "/nabla")
    #expect(files == ["history"])
    let term = try Terminal(environment: ["XDG_STATE_HOME": state])
    try term.prompt()
    term.type("\u{1B}[A\r")
    try term.expect("inputs: remembered")
    try term.prompt()
    try term.leaveWithoutSaving()
    #expect(try term.exitStatus() == 0)
  }

  @Test func unwritableHistoryWarnsOnceAndCarriesOn() throws {
    let state = Self.stateFolder()
    try "not a folder".write(toFile: state + "/nabla", atomically: true, encoding: .utf8)
    let term = try Terminal(environment: ["XDG_STATE_HOME": state])
    try term.prompt()
    term.type("input x\r")
    try term.expect("inputs: x")
    try term.prompt()
    term.type("input y\r")
    try term.expect("inputs: x y")
    try term.prompt()
    try term.leaveWithoutSaving()
    #expect(try term.exitStatus() == 0)
    #expect(term.output.components(separatedBy: "warning:").count == 2)
  }
}

/// A learner goes through a lesson in the real shell: a wrong answer, a hint, a right answer,
/// leaving and coming back.
@Suite(.serialized) struct LessonInTheShellTests {
  static let lesson = """
    #! title: A tiny lesson
    #! minutes: 2

    # A neuron adds up its inputs.
    input x
    layer y sigmoid

    #? question: How many parameters does y have?
    #? number: 2
    #? hint: One weight and one bias.

    # The end.
    """

  @Test func aLearnerAnswersWrongTakesAHintAndAnswersRight() throws {
    let folder = ShellKeysTests.stateFolder()
    try FileManager.default.createDirectory(atPath: folder + "/lessons", withIntermediateDirectories: true)
    try Self.lesson.write(toFile: folder + "/lessons/01-tiny.nabla", atomically: true, encoding: .utf8)
    let environment = ["XDG_STATE_HOME": folder, "XDG_DATA_HOME": folder, "NABLA_LESSONS": folder + "/lessons"]
    let term = try Terminal(arguments: ["--color", "never"], environment: environment)
    try term.prompt()
    term.type("lessons\r")
    try term.expect("1  A tiny lesson")
    try term.prompt()
    term.type("lesson 1\r")
    try term.expect("== A tiny lesson (2 minutes) ==")
    try term.expect("01-tiny · 1/5> ")
    term.type("\r")
    try term.expect("inputs: x")
    try term.expect("01-tiny · 2/5> ")
    term.type("\r")
    try term.expect("01-tiny · 3/5> ")
    term.type("\r")
    try term.expect("Question: How many parameters does y have?")
    try term.expect("01-tiny · 4/5> ")
    term.type("3\r")
    try term.expect("✗ Not quite.")
    try term.expect("01-tiny · 4/5> ")
    term.type("hint\r")
    try term.expect("Hint 1 of 1: One weight and one bias.")
    try term.expect("01-tiny · 4/5> ")
    term.type("leave\r")
    try term.expect("left the lesson at step 4")
    try term.prompt()
    term.type("lesson 1\r")
    try term.expect("(resuming at step 4 of 5")
    try term.expect("01-tiny · 4/5> ")
    term.type("2\r")
    try term.expect("✓ Right.")
    try term.expect("The end.")
    term.type("\r")
    try term.expect("End of the lesson.")
    try term.prompt()
    term.type("lessons\r")
    try term.expect("done")
    try term.prompt()
    term.type("\u{04}")
    #expect(try term.exitStatus() == 0)
    let progress = try String(contentsOfFile: folder + "/nabla/progress.json", encoding: .utf8)
    #expect(progress.contains("\"done\" : true"))
  }
}
