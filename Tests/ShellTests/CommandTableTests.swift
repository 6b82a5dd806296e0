import Testing

@testable import Shell

/// The command table drives help, suggestions and examples; every entry is complete and its example runs.
@Suite struct CommandTableTests {
  @Test func everyCommandHasACompleteEntry() {
    #expect(Set(CommandTable.names).count == CommandTable.names.count)
    for spec in CommandTable.all {
      #expect(spec.synopsis.hasPrefix(spec.name), "\(spec.name)")
      #expect(!spec.summary.isEmpty && !spec.summary.contains("\n"), "\(spec.name)")
      #expect(!spec.details.isEmpty, "\(spec.name)")
      #expect(spec.example.last?.hasPrefix(spec.name) == true, "\(spec.name) example ends with the command")
    }
  }

  @Test(arguments: CommandTable.names)
  func exampleRuns(name: String) {
    let spec = CommandTable.lookup(name)!
    var session = Session()
    for line in spec.example {
      let reply = session.execute(line)
      #expect(reply.status != .error, "\(name): '\(line)' → \(reply.output)")
    }
  }

  @Test func helpListsEveryCommandOnce() {
    var session = Session()
    let help = session.execute("help").output
    for name in CommandTable.names {
      #expect(help.split(separator: "\n").filter { $0.hasPrefix("  \(name) ") }.count == 1, "\(name)")
    }
  }

  @Test(arguments: CommandTable.names)
  func helpPageShowsUsageAndExample(name: String) {
    var session = Session()
    let page = session.execute("help \(name)").output
    let spec = CommandTable.lookup(name)!
    #expect(page.hasPrefix("usage: \(spec.synopsis)"))
    // The example lines can be pasted back into the shell.
    let pasted = page.split(separator: "\n").drop { $0 != "example:" }.dropFirst().map { $0.trimmingPrefix("  ") }
    #expect(pasted.map(String.init) == spec.example)
  }

  @Test func misspeltCommandsGetSuggestions() {
    var session = Session()
    for (typo, meant) in [
      ("forwrad", "forward"), ("backwards", "backward"), ("gradchek", "gradcheck"), ("shwo", "show"),
    ] {
      #expect(session.execute(typo).output.contains("did you mean '\(meant)'?"), "\(typo)")
    }
  }

  @Test func quitEndsTheSession() {
    var session = Session()
    #expect(session.execute("quit").status == .quit)
    #expect(session.execute("exit").status == .quit)
  }
}
