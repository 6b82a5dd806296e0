import Testing

@testable import Shell

/// Completion is a pure function from a line and a cursor to candidates.
@Suite struct CompletionTests {
  static func session() -> Session {
    var session = Session()
    for line in ["input i1 i2", "layer h1 h2 sigmoid bias shared", "layer o1 o2 sigmoid"] { _ = session.execute(line) }
    return session
  }

  func complete(_ line: String, cursor: Int? = nil) -> Completion.Result {
    Completion.complete(line, cursor: cursor ?? line.count, session: Self.session()) { folder in
      folder == "." ? ["lessons/", "net.json", "notes.txt"] : (folder == "lessons/" ? ["01-one-step.nabla"] : [])
    }
  }

  @Test func commandNamesFirst() {
    #expect(complete("").candidates == CommandTable.names.sorted())
    #expect(complete("fo").candidates == ["forward"])
    #expect(complete("fo").commonPrefix == "forward")
    #expect(complete("s").candidates == ["save", "seed", "set", "show", "step"])
    #expect(complete("un").commonPrefix == "un")
    #expect(complete("un").candidates == ["undo", "unfreeze"])
  }

  @Test func wordsDependOnTheCommand() {
    #expect(complete("layer h3 s").candidates == ["sigmoid", "softmax"])
    #expect(complete("layer h3 sigmoid bias ").candidates == ["none", "own", "shared"])
    #expect(complete("set w").candidates == ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"])
    #expect(complete("set w1 ").candidates == [])
    #expect(complete("set w1 0.5 b").candidates == ["b1", "b2", "b3"])
    #expect(complete("explain h").candidates == ["h1", "h2"])
    #expect(complete("explain i").candidates == [])
    #expect(complete("connect i").candidates == ["i1", "i2"])
    #expect(complete("activation o1 t").candidates == ["tanh"])
    #expect(complete("loss c").candidates == ["cross_entropy"])
    #expect(complete("loss mse ").candidates == ["mean", "sum"])
    #expect(complete("show w").candidates == ["weights"])
    #expect(complete("help gradc").candidates == ["gradcheck"])
    #expect(complete("eval ").candidates == [])
    #expect(complete("init x").candidates == ["xavier"])
    #expect(complete("freeze a").candidates == ["all"])
    #expect(complete("forward ").candidates == [])
    #expect(complete("nonsense ").candidates == [])
  }

  @Test func lessonNamesComeFromTheFrontEnd() {
    let result = Completion.complete(
      "lesson 0", cursor: 8, session: Session(), lessons: { ["1", "01-one-step", "02-descent"] })
    #expect(result.candidates == ["01-one-step", "02-descent"])
  }

  @Test func filesForLoadAndSave() {
    #expect(complete("load n").candidates == ["net.json", "notes.txt"])
    #expect(complete("load n").commonPrefix == "n")
    #expect(complete("save le").candidates == ["lessons/"])
    #expect(complete("load lessons/0").candidates == ["lessons/01-one-step.nabla"])
  }

  @Test func cursorInTheMiddle() {
    #expect(complete("sh weights", cursor: 2).candidates == ["show"])
    #expect(complete("sh weights", cursor: 2).word == "sh")
  }

  @Test func everyCommandWithNamedArgumentsCompletesThem() {
    let first = [
      "layer", "connect", "activation", "set", "freeze", "unfreeze", "init", "use", "loss", "explain", "show", "help",
      "save", "load",
    ]
    for name in first { #expect(!CommandTable.lookup(name)!.complete([]).isEmpty, "\(name)") }
    #expect(!CommandTable.lookup("neuron")!.complete(["h3"]).isEmpty)
  }
}

@Suite struct QuotedCompletionTests {
  func complete(_ line: String) -> Completion.Result {
    Completion.complete(line, cursor: line.count, session: Session()) { _ in ["my net.json", "notes.txt"] }
  }

  @Test func namesWithSpacesAreQuoted() {
    #expect(complete("load my").replacement == "\"my net.json\" ")
    #expect(complete("load my").typedLength == 2)
    #expect(complete("load \"my n").replacement == "\"my net.json\" ")
    #expect(complete("load \"my n").typedLength == 5)
    #expect(complete("load no").replacement == "notes.txt ")
  }
}
