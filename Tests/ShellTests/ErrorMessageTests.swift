import Testing

@testable import Shell

/// Every error is one line, quotes the offending word, and leaves the session exactly as it was.
@Suite struct ErrorMessageTests {
  static let setup = [
    "input i1 i2", "layer h1 h2 sigmoid bias shared", "layer o1 o2 sigmoid", "example 0.05 0.1 -> 0.01 0.99",
  ]

  /// (line, exact message) after `setup`.
  static let cases: [(String, String)] = [
    ("forwrd", "unknown command 'forwrd' (did you mean 'forward'?); type 'help' to list the commands"),
    (
      "example 1 -> 1 0",
      "'1' does not fit: the network needs 2 input values (i1 i2) before '->'"
    ),
    (
      "input \u{1B}[2Jx",
      "'\\u{1B}[2Jx' is not a valid neuron name; use a letter, then letters, digits or _ (names like w1 and b1 are kept for parameters)"
    ),
    ("frobnicate", "unknown command 'frobnicate'; type 'help' to list the commands"),
    ("layer h3", "unknown activation 'h3'; choose one of sigmoid, tanh, relu, leaky_relu, linear, softmax"),
    (
      "layer h3 sigmod",
      "unknown activation 'sigmod' (did you mean 'sigmoid'?); choose one of sigmoid, tanh, relu, leaky_relu, linear, softmax"
    ),
    ("layer h1 relu", "there is already a neuron named 'h1'; choose another name"),
    (
      "layer w3 relu",
      "'w3' is not a valid neuron name; use a letter, then letters, digits or _ (names like w1 and b1 are kept for parameters)"
    ),
    ("layer a b a relu", "'a' appears twice; give each neuron its own name"),
    ("layer q relu bias maybe", "'layer' does not take 'maybe'; usage: layer NAME… ACTIVATION [bias own|shared|none]"),
    ("layer", "'layer' needs neuron names and an activation; usage: layer NAME… ACTIVATION [bias own|shared|none]"),
    ("input", "'input' needs at least one name; usage: input NAME…"),
    (
      "set w99 1",
      "no parameter or variable named 'w99'; 'show weights' lists the parameters, 'let w99 = 0' declares a variable, and settings have their own commands (e.g. 'rate 0.1')"
    ),
    ("set w1", "'set' needs a value after 'w1'; usage: set NAME VALUE [NAME VALUE …]"),
    ("set w1 abc", "'abc' is not a number; write numbers like 0.5, -2 or 1e-3"),
    ("set w1 0.5 w2 nan", "'nan' is not a finite number; use an ordinary value such as 0.5"),
    ("set w1 1e999", "'1e999' is not a finite number; use an ordinary value such as 0.5"),
    (
      "connect o1 h1", "connecting 'o1' to 'h1' would make a cycle ('h1' already feeds 'o1'); networks here are acyclic"
    ),
    ("connect h1 h1", "'h1' cannot connect to itself; connect two different neurons"),
    ("connect h1 i1", "'i1' is an input and cannot receive a connection; connect into a neuron instead"),
    ("connect h1 o1", "'h1' is already connected to 'o1'; change that weight with 'set h1->o1 VALUE'"),
    ("connect hh1 o1", "no neuron named 'hh1' (did you mean 'h1'?); 'show net' lists them"),
    ("activation i1 tanh", "'i1' is an input and has no activation; name a neuron instead"),
    (
      "show wieghts",
      "'show' has no 'wieghts' (did you mean 'weights'?); choose one of net, weights, values, grads, data, settings, functions"
    ),
    (
      "example 1 2 3 -> 1 2",
      "'1 2 3' does not fit: the network needs 2 input values (i1 i2) before '->'"
    ),
    ("example 1 2 -> 1", "'1' does not fit: the network needs 2 targets (o1 o2) after '->'"),
    (
      "example 1 2",
      "'example' needs one '->' between the inputs and the targets; usage: example IN… -> TARGET… | example remove N | example clear"
    ),
    ("update", "'update' needs gradients; run 'backward' first (or 'step' to do forward, backward and update)"),
    ("use example 3", "there is no example '3'; there is only example 1 ('show data' lists it)"),
    ("rate 0", "'0' is out of range: the rate must be above 0, e.g. 'rate 0.5'"),
    ("momentum 1", "'1' is out of range: momentum must be at least 0 and below 1, e.g. 'momentum 0.9'"),
    ("precision 30", "'30' is out of range: precision is 1 to 17 significant digits, e.g. 'precision 6'"),
    ("loss sse", "unknown loss 'sse' (did you mean 'mse'?); choose one of half_sse, mse, cross_entropy, bce"),
    ("loss mse both", "'loss' does not take 'both'; usage: loss half_sse|mse|cross_entropy|bce [sum|mean]"),
    ("init glorot", "unknown scheme 'glorot'; choose one of random, xavier, he, zeros"),
    ("explain w99", "no parameter named 'w99'; 'show weights' lists them"),
    ("explain i1", "'i1' is out of range: an input has no δ; explain a neuron or a parameter instead"),
    ("step 0", "'0' is out of range: take 1 to 1000000 steps at a time"),
    ("step many", "'many' is not a whole number; for example 'step 10'"),
    ("help frobnicate", "no help for 'frobnicate'; type 'help' to list the commands"),
    ("undo now", "'undo' does not take 'now'; usage: undo"),
    ("redo", "nothing to redo; 'redo' replays a command taken back by 'undo'"),
    ("freeze w77", "no parameter named 'w77' (did you mean 'w7'?); 'show weights' lists them"),
    ("load no-such-file.json", "cannot read 'no-such-file.json': no such file; check the file name"),
    ("quit now", "'quit' does not take 'now'; usage: quit"),
  ]

  @Test(arguments: cases)
  func errorIsOneLineAndChangesNothing(line: String, message: String) {
    var session = Session()
    for setupLine in Self.setup { #expect(session.execute(setupLine).status == .ok) }
    let before = session
    let reply = session.execute(line)
    #expect(reply.status == .error)
    #expect(reply.output == message)
    #expect(!reply.output.contains("\n"))
    #expect(session == before)
  }

  /// Errors found only when the network runs, after a change that made it invalid.
  @Test func runTimeErrorsChangeNothing() {
    let sequences: [([String], String, String)] = [
      (
        ["input x", "layer h softmax", "layer y sigmoid", "example 1 -> 1"], "forward",
        "'h' uses softmax but feeds other neurons; use softmax only in the output layer"
      ),
      (
        ["input x", "layer y relu", "example 1 -> 1", "loss bce"], "forward",
        "loss 'bce' needs sigmoid outputs but 'y' is not sigmoid; try 'activation y sigmoid' or 'loss half_sse'"
      ),
      (
        ["input x", "layer y sigmoid", "example 1 -> 1", "loss cross_entropy"], "backward",
        "loss 'cross_entropy' needs softmax outputs but 'y' is not softmax; try 'activation y softmax' or 'loss half_sse'"
      ),
      (
        ["input x", "layer y z sigmoid", "activation y softmax", "example 1 -> 1 0"], "forward",
        "output 'z' does not use softmax while other outputs do; give the whole output layer softmax"
      ),
      (
        ["input x", "layer y sigmoid"], "forward",
        "there are no examples yet; add one with 'example 0.05 0.1 -> 0.01 0.99' (inputs -> targets)"
      ),
      ([], "forward", "there are no inputs yet; start with 'input x1 x2'"),
      (["input x"], "forward", "the network has no neurons yet; add some with 'layer o1 sigmoid'"),
      (
        ["input x", "layer y sigmoid", "example 1 -> 1", "layer z1 z2 sigmoid"], "forward",
        "example '1' has 1 input and 1 target but the network has 1 input and 2 outputs; fix the network or the example (see 'show data')"
      ),
      (
        ["input x", "layer y linear", "set w1 1e300", "example 1e300 -> 0"], "forward",
        "'y' overflowed on example 1 (not a finite number); nothing changed; try smaller weights or 'init xavier'"
      ),
      (
        ["input x", "layer y linear", "set w1 1 b1 0", "example 1e5 -> 0", "backward", "rate 1e300"], "update",
        "the update would make 'w1' -inf; nothing changed; is the rate too large? try 'rate 0.1'"
      ),
      (
        ["input x", "layer y linear", "set w1 1e200", "example 1 -> 0"], "forward",
        "the loss overflowed on example 1 (not a finite number); nothing changed; try smaller weights, 'init xavier' or a smaller rate"
      ),
      (
        ["input x", "layer y linear", "set w1 1 b1 0", "example 1e5 -> 0", "rate 1e300"], "step 5",
        "the update would make 'w1' infinite; nothing changed; is the rate too large? try 'rate 0.1'"
      ),
      (
        ["input x"], "use example 1",
        "there is no example '1': there are no examples yet; add one with 'example 0.05 0.1 -> 0.01 0.99'"
      ),
      (
        ["input x"], "layer " + (1...1100).map { "n\($0)" }.joined(separator: " ") + " relu",
        "that would make 1101 neurons and 2200 parameters, over nabla's limit of 1024 neurons and 100000 parameters; use fewer or narrower layers"
      ),
      (
        ["input " + (1...400).map { "x\($0)" }.joined(separator: " ")],
        "layer " + (1...300).map { "n\($0)" }.joined(separator: " ") + " relu",
        "that would make 700 neurons and 120300 parameters, over nabla's limit of 1024 neurons and 100000 parameters; use fewer or narrower layers"
      ),
      (
        ["input x"], "input " + String(repeating: "a", count: 100_001),
        "line too long (100007 bytes); keep a command under 100000 bytes"
      ),
      (
        ["input x", "layer y sigmoid", "example 1 -> 1", "backward", "set w1 2"], "update",
        "'update' needs fresh gradients: the parameters or data changed since 'backward'; run 'backward' again (or 'step')"
      ),
    ]
    for (setup, line, message) in sequences {
      var session = Session()
      for setupLine in setup { #expect(session.execute(setupLine).status == .ok, "\(setupLine)") }
      let before = session
      let reply = session.execute(line)
      #expect(reply.status == .error, "\(setup) \(line)")
      #expect(reply.output == message)
      #expect(session == before)
    }
  }
}

/// compare trains copies: the session is exactly as it was.
@Suite struct CompareTests {
  @Test func compareLeavesTheSessionUnchanged() {
    var session = Session()
    for line in ["input x1 x2", "layer h1 h2 h3 tanh", "layer y sigmoid", "data moons 30", "backward"] {
      #expect(session.execute(line).status == .ok)
    }
    let before = session
    for line in [
      "compare rate 0.1 1 epochs 20", "compare activation relu sigmoid epochs 20", "compare depth 0 2 epochs 20",
      "compare batch full 5 epochs 5", "compare optimizer sgd nesterov epochs 20",
    ] {
      let reply = session.execute(line)
      #expect(reply.status == .ok, "\(line): \(reply.output)")
      #expect(reply.output.contains("held fixed: "))
      #expect(session == before, "\(line)")
    }
  }
}
