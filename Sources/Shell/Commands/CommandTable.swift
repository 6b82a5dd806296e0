/// Every command, in one table. Help, suggestions and the example test all read it.
enum CommandTable {
  static let all: [CommandSpec] =
    BuildCommands.specs + DataCommands.specs + DataSetCommands.specs + SettingCommands.specs + RunCommands.specs
    + TrainingCommands.specs + [CompareCommand.spec] + ShowCommands.specs + [DrawCommand.spec]
    + FunctionCommands.specs + SessionCommands.specs

  static let aliases = ["exit": "quit", "?": "help"]

  static let names: [String] = all.map(\.name)

  static func lookup(_ name: String) -> CommandSpec? {
    let key = aliases[name] ?? name
    return all.first { $0.name == key }
  }
}

extension Session {
  /// Whether a line starts with a command name (or an alias).
  public static func isCommand(_ line: String) -> Bool {
    if FunctionCommands.definitionPattern(line) != nil { return true }
    guard let first = line.split(separator: " ").first else { return false }
    return CommandTable.lookup(String(first)) != nil
  }
}
