/// `help` and `help COMMAND`, built from the command table.
enum HelpText {
  static func overview() -> String {
    var lines = ["nabla: build a small network, then watch it learn one step at a time."]
    let width = CommandTable.all.map(\.name.count).max() ?? 8
    for group in CommandGroup.allCases {
      let specs = CommandTable.all.filter { $0.group == group }
      guard !specs.isEmpty else { continue }
      lines.append("")
      lines.append(group.title + ":")
      for spec in specs {
        lines.append("  " + spec.name + String(repeating: " ", count: width - spec.name.count + 2) + spec.summary)
      }
    }
    lines.append("")
    lines.append("'help COMMAND' shows its usage and an example you can paste.")
    return lines.joined(separator: "\n")
  }

  static func page(_ spec: CommandSpec) -> String {
    var lines = ["usage: \(spec.synopsis)", "", spec.details, "", "example:"]
    lines += spec.example.map { "  " + $0 }
    return lines.joined(separator: "\n")
  }
}
