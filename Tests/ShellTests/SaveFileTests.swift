import Foundation
import Testing

@testable import Shell

@Suite struct SaveFileTests {
  static func temporaryPath(_ name: String) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nabla-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name).path
  }

  static func mazurSession() -> Session {
    var session = Session()
    for line in RunCommands.mazurSetup { _ = session.execute(line) }
    return session
  }

  static func json(_ path: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
  }

  @Test func roundTripIsExact() throws {
    var session = Self.mazurSession()
    _ = session.execute("set w3 0.1000000000000000055511151231257827 w4 1e-300 w5 -123456.789012345678")
    _ = session.execute("freeze b2")
    _ = session.execute("momentum 0.5")
    _ = session.execute("optimizer nesterov")
    _ = session.execute("decay 0.01")
    _ = session.execute("batch 3")
    _ = session.execute("seed 11")
    _ = session.execute("dropout h1 0.25")
    _ = session.execute("example 0.2 0.3 -> 0.5 0.5")
    _ = session.execute("example 0.4 0.1 -> 0.2 0.9")
    _ = session.execute("data split 0.67")
    _ = session.execute("step 3")
    _ = session.execute("backward")
    let path = Self.temporaryPath("net.json")
    #expect(session.execute("save \(path)").status == .ok)
    var other = Session()
    #expect(other.execute("load \(path)").status == .ok)
    #expect(other.model == session.model)
  }

  @Test func documentedKeysArePresent() throws {
    var session = Self.mazurSession()
    let path = Self.temporaryPath("net.json")
    _ = session.execute("save \(path)")
    var file = try Self.json(path)
    #expect(file["format"] as? String == "nabla")
    #expect(file["version"] as? Int == 1)
    let parameters = file["parameters"] as! [[String: Any]]
    #expect(parameters.count == 10)
    #expect(parameters[4]["name"] as? String == "w5" || parameters[5]["name"] as? String == "w5")
    let w5 = parameters.first { $0["name"] as? String == "w5" }!
    #expect(w5["from"] as? String == "h1" && w5["to"] as? String == "o1")
    #expect(w5["value"] as? Double == 0.4)
    #expect(w5["grad"] is NSNull)  // not computed yet
    #expect(w5["frozen"] as? Bool == false)
    let b1 = parameters.first { $0["name"] as? String == "b1" }!
    #expect(b1["neurons"] as? [String] == ["h1", "h2"])
    let neurons = file["neurons"] as! [[String: Any]]
    #expect(
      neurons.allSatisfy { Set($0.keys).isSuperset(of: ["name", "activation", "net", "out", "dE_dout", "dE_dnet"]) })
    #expect((file["loss"] as! [String: Any])["value"] is NSNull)

    _ = session.execute("backward")
    _ = session.execute("save \(path)")
    file = try Self.json(path)
    let loss = file["loss"] as! [String: Any]
    #expect(loss["name"] as? String == "half_sse" && loss["reduction"] as? String == "mean")
    // JSONSerialization parses doubles inexactly on Linux; JSONDecoder reads them exactly.
    struct LossOnly: Decodable {
      struct Loss: Decodable { var value: Double? }
      var loss: Loss
    }
    let exact = try JSONDecoder().decode(LossOnly.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(exact.loss.value == session.model.freshPass!.batchLoss)
    let o1 = (file["neurons"] as! [[String: Any]]).first { $0["name"] as? String == "o1" }!
    #expect(abs((o1["out"] as! Double) - 0.75136507) < 5e-9)
    #expect(abs((o1["dE_dnet"] as! Double) - 0.138498562) < 5e-10)
    let w5after = (file["parameters"] as! [[String: Any]]).first { $0["name"] as? String == "w5" }!
    #expect(abs((w5after["grad"] as! Double) - 0.082167041) < 5e-10)
  }

  @Test func functionsRoundTrip() throws {
    var session = Session()
    for line in ["let x = -2, y = 5", "f = (x + y) * 2", "g = f ^ 2 + x", "descend g 3 rate 0.01"] {
      #expect(session.execute(line).status == .ok, "\(line)")
    }
    let path = Self.temporaryPath("functions.json")
    #expect(session.execute("save \(path)").status == .ok)
    var other = Session()
    #expect(other.execute("load \(path)").status == .ok)
    #expect(other.model.workspace == session.model.workspace)
    let bad = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
      of: "f ^ 2 + x", with: "f ^ (2 + x")
    try bad.write(toFile: path, atomically: true, encoding: .utf8)
    let before = other
    let reply = other.execute("load \(path)")
    #expect(
      reply.output == "'\(path)' is not a nabla save file: function \"g\": '(' is never closed; nothing was loaded")
    #expect(other == before)
  }

  @Test func quotedNamesMayHoldSpaces() throws {
    var session = Self.mazurSession()
    let path = Self.temporaryPath("my net.json")
    #expect(session.execute("save \"\(path)\"").status == .ok)
    var other = Session()
    #expect(other.execute("load '\(path)'").status == .ok)
    #expect(other.model.network == session.model.network)
  }

  @Test func saveLeavesNoTemporaryFiles() throws {
    var session = Self.mazurSession()
    let path = Self.temporaryPath("net.json")
    for _ in 0..<5 { #expect(session.execute("save \(path)").status == .ok) }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["net.json"])
  }

  @Test func saveToAMissingFolderFailsCleanly() {
    var session = Self.mazurSession()
    let before = session
    let reply = session.execute("save /nonexistent-folder/net.json")
    #expect(reply.status == .error)
    #expect(reply.output.hasPrefix("cannot write '/nonexistent-folder/net.json': "))
    #expect(reply.output.hasSuffix("; nothing was saved"))
    #expect(session == before)
  }

  @Test(arguments: [
    ("not json at all", "'F' is not a nabla save file: it is not valid JSON; nothing was loaded"),
    ("{}", "'F' is not a nabla save file: the key \"format\" is missing at the top level; nothing was loaded"),
    ("[1, 2]", "'F' is not a nabla save file: the top level has the wrong type; nothing was loaded"),
  ])
  func brokenFilesAreRefused(content: String, message: String) throws {
    let path = Self.temporaryPath("bad.json")
    try content.write(toFile: path, atomically: true, encoding: .utf8)
    var session = Self.mazurSession()
    let before = session
    let reply = session.execute("load \(path)")
    #expect(reply.status == .error)
    #expect(reply.output == message.replacingOccurrences(of: "'F'", with: "'\(path)'"))
    #expect(session == before)
  }

  /// Edits of a good file that must each be refused, leaving the session as it was.
  @Test func inconsistentFilesAreRefused() throws {
    var session = Self.mazurSession()
    let path = Self.temporaryPath("net.json")
    _ = session.execute("save \(path)")
    let good = try String(contentsOfFile: path, encoding: .utf8)
    let edits: [(String, String, String)] = [
      ("\"format\" : \"nabla\"", "\"format\" : \"other\"", "its \"format\" is \"other\", not \"nabla\""),
      ("\"version\" : 1", "\"version\" : 2", "it is version 2; this nabla reads version 1"),
      ("\"activation\" : \"sigmoid\"", "\"activation\" : \"sigmund\"", "neuron \"h1\" has no known activation"),
      ("\"from\" : \"h1\"", "\"from\" : \"zz\"", "it names a neuron \"zz\" that it does not define"),
      (
        "\"name\" : \"w5\"", "\"name\" : \"w9\"",
        "parameter \"w9\" should be named \"w5\" (names follow creation order)"
      ),
      ("\"rate\" : 0.5", "\"rate\" : -1", "\"rate\" must be above 0"),
      ("\"example_in_use\" : 1", "\"example_in_use\" : 5", "\"example_in_use\" is 5 but there is 1 example"),
      ("\"example_in_use\" : 1", "\"example_in_use\" : 0", "\"example_in_use\" is 0 but there is 1 example"),
      (
        "\"neurons\" : [\n        \"h1\",\n        \"h2\"\n      ]", "\"neurons\" : []",
        "bias 'b1' belongs to no neuron; list at least one neuron for it"
      ),
      (
        "\"from\" : \"h1\",", "\"from\" : \"h1\", \"neurons\" : [\"o1\"],",
        "parameter \"w5\" has both \"from\"/\"to\" and \"neurons\"; a weight has the first, a bias the second"
      ),
      (
        "\"from\" : \"i1\",\n      \"frozen\" : false,\n      \"grad\" : null,\n      \"name\" : \"w1\"",
        "\"from\" : \"o1\",\n      \"frozen\" : false,\n      \"grad\" : null,\n      \"name\" : \"w1\"",
        "the connections form a cycle through 'h1'; networks here are acyclic"
      ),
    ]
    for (from, to, reason) in edits {
      #expect(good.contains(from), "\(from)")
      let bad = Self.temporaryPath("bad.json")
      try good.replacingOccurrences(of: from, with: to).write(toFile: bad, atomically: true, encoding: .utf8)
      var target = Session()
      _ = target.execute("input q")
      let before = target
      let reply = target.execute("load \(bad)")
      #expect(reply.output == "'\(bad)' is not a nabla save file: \(reason); nothing was loaded")
      #expect(target == before)
    }
  }

  @Test func loadIsUndoable() throws {
    var session = Self.mazurSession()
    let path = Self.temporaryPath("net.json")
    _ = session.execute("save \(path)")
    var other = Session()
    _ = other.execute("input q")
    let before = other.model
    #expect(other.execute("load \(path)").status == .ok)
    #expect(other.execute("undo").output == "undone: load \(path)")
    #expect(other.model == before)
  }
}

/// What `save` writes, `load` reads, whatever state the session is in.
@Suite struct SaveWhateverTests {
  @Test func unfinishedSessionsRoundTrip() throws {
    let states: [[String]] = [
      [], ["example 1 -> 1"], ["input x", "example 1 -> 1 2", "layer y sigmoid"], ["input x", "neuron h relu"],
      ["let a = 2", "f = a ^ 2"], ["input x1 x2", "layer h1 h2 tanh", "layer y sigmoid", "data moons 10", "backward"],
    ]
    for lines in states {
      var session = Session()
      for line in lines { #expect(session.execute(line).status == .ok, "\(line)") }
      let path = SaveFileTests.temporaryPath("state.json")
      #expect(session.execute("save \(path)").status == .ok)
      var other = Session()
      let reply = other.execute("load \(path)")
      #expect(reply.status == .ok, "\(lines): \(reply.output)")
      #expect(other.model.network == session.model.network, "\(lines)")
      #expect(other.model.examples == session.model.examples, "\(lines)")
    }
  }

  @Test func biasesOnInputsOrTwiceAreRefusedByName() throws {
    var session = Session()
    for line in ["input x", "layer y sigmoid"] { _ = session.execute(line) }
    let path = SaveFileTests.temporaryPath("net.json")
    _ = session.execute("save \(path)")
    let good = try String(contentsOfFile: path, encoding: .utf8)
    let onInput = good.replacingOccurrences(
      of: "\"neurons\" : [\n        \"y\"\n      ]", with: "\"neurons\" : [\n        \"x\"\n      ]")
    #expect(onInput != good)
    try onInput.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(
      session.execute("load \(path)").output.contains("bias 'b1' is given to the input 'x'; only neurons have biases"))
  }
}
