import Network

/// example, use.
enum DataCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "example", group: .data, synopsis: "example IN… -> TARGET… | example remove N | example clear",
      summary: "add a training example: input values -> target values",
      details:
        "Adds one example: a value for each input, '->', then a target for each output. 'example remove N' takes example N out; 'example clear' removes them all.",
      example: ["input i1 i2", "layer o1 o2 sigmoid", "example 0.05 0.10 -> 0.01 0.99"], run: example),
    CommandSpec(
      name: "use", group: .data, synopsis: "use example N",
      summary: "choose the example that forward and backward show in full",
      details: "With several examples, forward and backward show example N in full and the batch totals after it.",
      example: ["input x", "layer y sigmoid", "example 0 -> 0", "example 1 -> 1", "use example 2"],
      complete: { $0.isEmpty ? [.keyword(["example"])] : [] },
      run: use),
  ]

  static func example(_ c: inout Context) throws -> String {
    if c.arguments.first == "clear" {
      try c.expectAtMost(1)
      let removed = c.model.examples.count
      guard removed > 0 else { throw ShellError.network(.noExamples) }
      c.model.examples.removeAll()
      c.model.use = 0
      return "removed \(count(removed, "example")) ('undo' brings them back)"
    }
    if c.arguments.first == "remove" {
      let word = try c.word(1, "the number of the example to remove")
      try c.expectAtMost(2)
      guard let n = Int(word), n >= 1, n <= c.model.examples.count else {
        throw ShellError.noExample(word, count: c.model.examples.count)
      }
      c.model.examples.remove(at: n - 1)
      if c.model.use >= n - 1 && c.model.use > 0 { c.model.use -= 1 }
      return "removed example \(n); \(count(c.model.examples.count, "example")) left"
    }
    // Accept "0.1->0.9" as well as "0.1 -> 0.9".
    var words: [String] = []
    for word in c.arguments {
      let parts = word.components(separatedBy: "->")
      for (i, part) in parts.enumerated() {
        if !part.isEmpty { words.append(part) }
        if i < parts.count - 1 { words.append("->") }
      }
    }
    guard let arrow = words.firstIndex(of: "->"), words.filter({ $0 == "->" }).count == 1 else {
      throw c.missing("one '->' between the inputs and the targets")
    }
    let inputs = try words[..<arrow].map { w throws(ShellError) in try Context.number(w) }
    let targets = try words[(arrow + 1)...].map { w throws(ShellError) in try Context.number(w) }
    let net = c.model.network
    let inputNames = net.inputs.map { net.neurons[$0].name }
    let outputNames = net.outputs.map { net.neurons[$0].name }
    guard !inputs.isEmpty else { throw c.missing("input values before '->'") }
    guard !targets.isEmpty else { throw c.missing("target values after '->'") }
    if !inputNames.isEmpty, inputs.count != inputNames.count {
      throw ShellError.exampleWidth(words[..<arrow].joined(separator: " "), side: "before", names: inputNames)
    }
    if !outputNames.isEmpty, targets.count != outputNames.count {
      throw ShellError.exampleWidth(words[(arrow + 1)...].joined(separator: " "), side: "after", names: outputNames)
    }
    // Every example has the same shape as the ones already there.
    if let other = (c.model.examples + c.model.test).first {
      if inputs.count != other.inputs.count {
        throw ShellError.exampleShape(words[..<arrow].joined(separator: " "), side: "before", count: other.inputs.count)
      }
      if targets.count != other.targets.count {
        throw ShellError.exampleShape(
          words[(arrow + 1)...].joined(separator: " "), side: "after", count: other.targets.count)
      }
    }
    c.model.examples.append(Example(inputs: inputs, targets: targets))
    return "example \(c.model.examples.count): "
      + ShowCommands.describe(c.model.examples.last!, c.model.network, c.format)
  }

  static func use(_ c: inout Context) throws -> String {
    var words = c.arguments
    if words.first == "example" { words.removeFirst() }
    guard let word = words.first else { throw c.missing("an example number") }
    if words.count > 1 { throw c.unexpected(words[1]) }
    guard let n = Int(word), n >= 1, n <= c.model.examples.count else {
      throw ShellError.noExample(word, count: c.model.examples.count)
    }
    c.model.use = n - 1
    return "forward and backward now show example \(n): "
      + ShowCommands.describe(c.model.examples[n - 1], c.model.network, c.format)
  }
}
