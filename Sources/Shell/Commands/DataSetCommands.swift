import Foundation
import Network

/// data: built-in data sets, CSV files, and a held-out test set.
enum DataSetCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "data", group: .data,
      synopsis:
        "data xor|and|or|moons|circles|spiral|line [N] [noise S] [classes K] | data load FILE [targets NAME…] | data save FILE | data split F",
      summary: "a built-in data set, a CSV file, or a held-out test split",
      details: """
        Replaces the examples with a data set: xor, and, or (4 points each), moons, circles, spiral \
        (two inputs; spiral has K classes, one-hot), line (one input, a regression). They are the same \
        for the same 'seed'. 'data load FILE' reads CSV whose first row names the columns; the last column \
        is the target unless 'targets NAME…' says which; a bad file is refused whole, naming the line and \
        column. 'data save FILE' writes the examples as CSV. 'data split 0.8' keeps 80% for training and \
        holds out the rest as a test set.
        """,
      example: ["input x1 x2", "layer h1 h2 h3 tanh", "layer y sigmoid", "data moons 40 noise 0.1", "data split 0.75"],
      complete: { words in
        if words.isEmpty { return [.keyword(Dataset.allCases.map(\.rawValue) + ["load", "save", "split"])] }
        if ["load", "save"].contains(words[0]) && words.count == 1 { return [.file] }
        return [.keyword(["noise", "classes", "targets"])]
      }, run: data),
    CommandSpec(
      name: "seed", group: .data, synopsis: "seed N",
      summary: "the seed for data sets, shuffling and compare (default 1)",
      details: "Every data set, every epoch's shuffle and every 'compare' run is the same for the same seed.",
      example: ["seed 7"], run: seed),
  ]

  static func data(_ c: inout Context) throws -> String {
    let what = try c.word(0, "a data set (xor, moons, …), 'load FILE', 'save FILE' or 'split F'")
    switch what.lowercased() {
    case "load": return try load(&c)
    case "save": return try save(&c)
    case "split": return try split(&c)
    default: break
    }
    guard let set = Dataset(rawValue: what.lowercased()) else {
      let names = Dataset.allCases.map(\.rawValue) + ["load", "save", "split"]
      throw ShellError.unknownDataSet(what, known: names)
    }
    var size: Int?
    var noise: Double?
    var classes = 3
    var i = 1
    while i < c.arguments.count {
      let word = c.arguments[i]
      switch word {
      case "noise":
        let text = try c.word(i + 1, "a number after 'noise'")
        let v = try Context.number(text)
        guard v >= 0, v <= 10 else {
          throw ShellError.outOfRange(word: text, rule: "noise is 0 to 10, e.g. 'noise 0.1'")
        }
        noise = v
        i += 2
      case "classes":
        let text = try c.word(i + 1, "a number after 'classes'")
        guard let k = Int(text), (2...10).contains(k) else {
          throw ShellError.outOfRange(word: text, rule: "spiral has 2 to 10 classes")
        }
        classes = k
        i += 2
      default:
        let n = try c.count(word, example: "data moons 100")
        guard n >= 1, n <= 100_000 else {
          throw ShellError.outOfRange(word: word, rule: "a data set has 1 to 100000 points")
        }
        size = n
        i += 1
      }
    }
    if let size, [.xor, .and, .or].contains(set), size != 4 {
      throw ShellError.outOfRange(
        word: "\(size)", rule: "\(set.rawValue) always has its 4 points; write 'data \(set.rawValue)'")
    }
    if c.arguments.contains("classes"), set != .spiral {
      throw ShellError.outOfRange(
        word: "classes", rule: "only spiral has a number of classes, e.g. 'data spiral 150 classes 3'")
    }
    c.model.examples = set.examples(count: size, noise: noise, classes: classes, seed: c.model.settings.seed)
    c.model.columnNames = nil
    c.model.test = []
    c.model.use = 0
    c.model.history = LossHistory()
    let shape = set.shape(classes: classes)
    return
      "data \(set.rawValue): \(count(c.model.examples.count, "example")) with \(count(shape.inputs, "input")) and \(count(shape.targets, "target")) (seed \(c.model.settings.seed))"
      + fitNote(c.model, inputs: shape.inputs, targets: shape.targets)
  }

  /// A note when the data do not fit the network as it stands.
  static func fitNote(_ model: Model, inputs: Int, targets: Int) -> String {
    let net = model.network
    let haveInputs = net.inputs.count
    let haveOutputs = net.outputs.count
    guard haveInputs != inputs || (haveOutputs != 0 && haveOutputs != targets) else { return "" }
    return
      "\nnote: the network has \(count(haveInputs, "input")) and \(count(haveOutputs, "output")); these data need \(inputs) and \(targets)"
  }

  static func load(_ c: inout Context) throws -> String {
    let path = try c.word(1, "a CSV file, e.g. 'data load points.csv'")
    var targets: [String] = []
    if c.arguments.count > 2 {
      guard c.arguments[2] == "targets" || c.arguments[2] == "--targets" else { throw c.unexpected(c.arguments[2]) }
      targets = Array(c.arguments.dropFirst(3))
      guard !targets.isEmpty else { throw c.missing("column names after 'targets'") }
    }
    let text = try c.files.readText(path, limit: CSV.maxBytes, what: "data files").text
    let table: CSV.Table
    do {
      table = try CSV.parse(
        text, targets: targets,
        targetCount: targets.isEmpty && !c.model.network.outputs.isEmpty ? c.model.network.outputs.count : nil)
    } catch {
      throw ShellError.badData(path: path, line: error.line, column: error.column, message: error.message)
    }
    c.model.examples = table.examples
    c.model.columnNames = (table.inputNames, table.targetNames)
    c.model.test = []
    c.model.use = 0
    c.model.history = LossHistory()
    return
      "data \(path): \(count(table.examples.count, "example")); inputs \(table.inputNames.joined(separator: " ")), targets \(table.targetNames.joined(separator: " "))"
      + fitNote(c.model, inputs: table.inputNames.count, targets: table.targetNames.count)
  }

  static func save(_ c: inout Context) throws -> String {
    let path = try c.word(1, "a file name, e.g. 'data save points.csv'")
    try c.expectAtMost(2)
    guard let first = c.model.examples.first else { throw ShellError.network(.noExamples) }
    let (inputNames, targetNames) = ShowCommands.columnNames(c.model, first)
    let text = CSV.write(c.model.examples + c.model.test, inputNames: inputNames, targetNames: targetNames)
    let target = try c.files.write(text, to: path)
    return "wrote \(count(c.model.examples.count + c.model.test.count, "example")) to \(target)"
  }

  static func split(_ c: inout Context) throws -> String {
    let text = try c.word(1, "the fraction to train on, e.g. 'data split 0.8'")
    try c.expectAtMost(2)
    let fraction = try Context.number(text)
    guard fraction > 0, fraction < 1 else {
      throw ShellError.outOfRange(word: text, rule: "the training fraction is above 0 and below 1, e.g. 0.8")
    }
    let all = c.model.examples + c.model.test
    guard all.count >= 2 else { throw ShellError.network(.noExamples) }
    var order = Array(all.indices)
    var rng = SplitMix64(seed: c.model.settings.seed &+ 0x5EED)
    for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
    let trainCount = min(max(1, Int((Double(all.count) * fraction).rounded())), all.count - 1)
    c.model.examples = order.prefix(trainCount).map { all[$0] }
    c.model.test = order.dropFirst(trainCount).map { all[$0] }
    c.model.use = 0
    c.model.history = LossHistory()
    return "\(count(c.model.examples.count, "example")) to train on, \(c.model.test.count) held out for testing"
  }

  static func seed(_ c: inout Context) throws -> String {
    let text = try c.word(0, "a whole number")
    try c.expectAtMost(1)
    guard let s = UInt64(text) else { throw ShellError.notACount(word: text, example: "seed 7") }
    c.model.settings.seed = s
    return "seed = \(s)"
  }
}
