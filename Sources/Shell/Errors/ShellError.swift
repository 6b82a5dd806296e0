import Functions
import Network

/// Everything a command can refuse. Each case renders to one line that quotes the
/// offending word and says what to do instead; all the wording lives in this file.
public enum ShellError: Error, Equatable, Sendable {
  case lineTooLong(Int)
  /// A problem in an expression, at a column of the line.
  case expression(String, column: Int)
  case function(FunctionError)
  case unterminatedQuote(String)
  case unknownCommand(String)
  case missing(command: String, what: String, usage: String)
  case unexpected(command: String, word: String, usage: String)
  case notANumber(String)
  case notFinite(String)
  case notACount(word: String, example: String)
  case outOfRange(word: String, rule: String)
  case unknownActivation(String)
  case unknownLoss(String)
  case unknownInit(String)
  case unknownTopic(String, topics: [String])
  case unknownParameter(String, known: [String])
  case unknownNeuron(String, known: [String])
  case unknownFunction(String, known: [String])
  case notAFunction(String)
  case unknownSetName(String, known: [String])
  case unknownHelpTopic(String, known: [String])
  case noExample(String, count: Int)
  case exampleWidth(String, side: String, names: [String])
  case exampleShape(String, side: String, count: Int)
  case nothingToUndo
  case nothingToRedo
  case noGradients
  case staleGradients
  case updateNotFinite(parameter: String, value: Double)
  case cannotWrite(path: String, reason: String)
  case badData(path: String, line: Int, column: Int, message: String)
  case unknownDataSet(String, known: [String])
  case unknownOptimizer(String, known: [String])
  case unknownCompare(String, known: [String])
  case scriptFailed(path: String, line: Int, message: String, outermost: Bool, outsideLesson: Bool = false)
  case runTooDeep(String)
  case cannotRead(path: String, reason: String)
  case badSaveFile(path: String, reason: String)
  case tooLarge(path: String, limit: String, what: String)
  /// A lesson's line named a file it may not use.
  case outsideLesson(path: String, reason: String, confinement: FileAccess.Confinement)
  case network(NetworkError)

  /// Whether a lesson's line reached for a file out of its reach (which stops the lesson).
  public var isOutsideLesson: Bool {
    switch self {
    case .outsideLesson: return true
    case .scriptFailed(_, _, _, _, let outside): return outside
    default: return false
    }
  }

  public var message: String {
    switch self {
    case .lineTooLong(let n):
      return "line too long (\(n) bytes); keep a command under \(Tokenizer.maxLineLength) bytes"
    case .expression(let message, let column):
      return "column \(column + 1): \(message)"
    case .function(let error):
      return error.message
    case .unterminatedQuote(let mark):
      return "a quote \(mark) is not closed; end the quoted words with another \(mark)"
    case .unknownCommand(let word):
      let hint = Suggestion.didYouMean(word, CommandTable.names)
      return "unknown command '\(word)'\(hint); type 'help' to list the commands"
    case .missing(let command, let what, let usage):
      return "'\(command)' needs \(what); usage: \(usage)"
    case .unexpected(let command, let word, let usage):
      return "'\(command)' does not take '\(word)'; usage: \(usage)"
    case .notANumber(let word):
      return "'\(word)' is not a number; write numbers like 0.5, -2 or 1e-3"
    case .notFinite(let word):
      return "'\(word)' is not a finite number; use an ordinary value such as 0.5"
    case .notACount(let word, let example):
      return "'\(word)' is not a whole number; for example '\(example)'"
    case .outOfRange(let word, let rule):
      return "'\(word)' is out of range: \(rule)"
    case .unknownActivation(let word):
      let names = Activation.allCases.map(\.rawValue)
      return
        "unknown activation '\(word)'\(Suggestion.didYouMean(word, names)); choose one of \(names.joined(separator: ", "))"
    case .unknownLoss(let word):
      let names = LossFunction.allCases.map(\.rawValue)
      return
        "unknown loss '\(word)'\(Suggestion.didYouMean(word, names)); choose one of \(names.joined(separator: ", "))"
    case .unknownInit(let word):
      let names = InitScheme.allCases.map(\.rawValue)
      return
        "unknown scheme '\(word)'\(Suggestion.didYouMean(word, names)); choose one of \(names.joined(separator: ", "))"
    case .unknownTopic(let word, let topics):
      return
        "'show' has no '\(word)'\(Suggestion.didYouMean(word, topics)); choose one of \(topics.joined(separator: ", "))"
    case .unknownParameter(let word, let known):
      return "no parameter named '\(word)'\(Suggestion.didYouMean(word, known)); 'show weights' lists them"
    case .unknownNeuron(let word, let known):
      return "no neuron named '\(word)'\(Suggestion.didYouMean(word, known)); 'show net' lists them"
    case .notAFunction(let word):
      return "'\(word)' is a variable, not a function; define a function of it, e.g. 'f = \(word)^2'"
    case .unknownFunction(let word, let known):
      return "no function named '\(word)'\(Suggestion.didYouMean(word, known)); define one with '\(word) = (x - 3)^2'"
    case .unknownSetName(let word, let known):
      return
        "no parameter or variable named '\(word)'\(Suggestion.didYouMean(word, known)); 'show weights' lists the parameters, 'let \(word) = 0' declares a variable, and settings have their own commands (e.g. 'rate 0.1')"
    case .unknownHelpTopic(let word, let known):
      return "no help for '\(word)'\(Suggestion.didYouMean(word, known)); type 'help' to list the commands"
    case .noExample(let word, let count):
      return count == 0
        ? "there is no example '\(word)': there are no examples yet; add one with 'example 0.05 0.1 -> 0.01 0.99'"
        : (count == 1
          ? "there is no example '\(word)'; there is only example 1 ('show data' lists it)"
          : "there is no example '\(word)'; choose 1 to \(count) ('show data' lists them)")
    case .exampleWidth(let word, let side, let names):
      let count =
        names.count == 1
        ? "1 \(side == "before" ? "input value" : "target")"
        : "\(names.count) \(side == "before" ? "input values" : "targets")"
      return "'\(word)' does not fit: the network needs \(count) (\(names.joined(separator: " "))) \(side) '->'"
    case .exampleShape(let word, let side, let count):
      let what = side == "before" ? (count == 1 ? "input value" : "input values") : (count == 1 ? "target" : "targets")
      return
        "'\(word)' does not fit: the other examples have \(count) \(what) \(side) '->'; 'example clear' removes them"
    case .nothingToUndo:
      return "nothing to undo; 'undo' goes back one command that changed the session"
    case .nothingToRedo:
      return "nothing to redo; 'redo' replays a command taken back by 'undo'"
    case .noGradients:
      return "'update' needs gradients; run 'backward' first (or 'step' to do forward, backward and update)"
    case .staleGradients:
      return
        "'update' needs fresh gradients: the parameters or data changed since 'backward'; run 'backward' again (or 'step')"
    case .updateNotFinite(let parameter, let value):
      return "the update would make '\(parameter)' \(value); nothing changed; is the rate too large? try 'rate 0.1'"
    case .scriptFailed(let path, let line, let message, let outermost, _):
      return "\(path):\(line): \(message)" + (outermost ? " (the run stopped; the session is as it was before it)" : "")
    case .runTooDeep(let path):
      return
        "'\(path)' would run scripts more than \(SessionCommands.maxRunDepth) deep (does a script run itself?); nothing ran"
    case .badData(let path, let line, let column, let message):
      return "\(path):\(line):\(column): \(message); nothing was loaded"
    case .unknownCompare(let word, let known):
      return
        "'compare' cannot vary '\(word)'\(Suggestion.didYouMean(word, known)); choose one of \(known.joined(separator: ", "))"
    case .unknownOptimizer(let word, let known):
      return
        "unknown optimizer '\(word)'\(Suggestion.didYouMean(word, known)); choose one of \(known.joined(separator: ", "))"
    case .unknownDataSet(let word, let known):
      return
        "no data set named '\(word)'\(Suggestion.didYouMean(word, known)); choose one of \(known.joined(separator: ", "))"
    case .cannotWrite(let path, let reason):
      return "cannot write '\(path)': \(reason); nothing was saved"
    case .cannotRead(let path, let reason):
      return "cannot read '\(path)': \(reason); check the file name"
    case .badSaveFile(let path, let reason):
      return "'\(path)' is not a nabla save file: \(reason); nothing was loaded"
    case .tooLarge(let path, let limit, let what):
      return "'\(path)' is over \(limit), and \(what) are at most \(limit); nothing was read"
    case .outsideLesson(let path, let reason, let confinement):
      return
        "a lesson may not use '\(path)': \(reason); lessons read only files in their own folder (\(confinement.source)) and write only in \(confinement.output)"
    case .network(let error):
      return error.message
    }
  }
}

extension NetworkError {
  public var message: String {
    switch self {
    case .invalidName(let name):
      return
        "'\(name)' is not a valid neuron name; use a letter, then letters, digits or _ (names like w1 and b1 are kept for parameters)"
    case .nameTaken(let name):
      return "there is already a neuron named '\(name)'; choose another name"
    case .duplicateName(let name):
      return "'\(name)' appears twice; give each neuron its own name"
    case .unknownNeuron(let name):
      return "no neuron named '\(name)'; 'show net' lists them"
    case .noInputs:
      return "there are no inputs yet; start with 'input x1 x2'"
    case .noNeurons:
      return "the network has no neurons yet; add some with 'layer o1 sigmoid'"
    case .inputCannotReceive(let name):
      return "'\(name)' is an input and cannot receive a connection; connect into a neuron instead"
    case .selfConnection(let name):
      return "'\(name)' cannot connect to itself; connect two different neurons"
    case .alreadyConnected(let from, let to):
      return "'\(from)' is already connected to '\(to)'; change that weight with 'set \(from)->\(to) VALUE'"
    case .wouldMakeCycle(let from, let to):
      return
        "connecting '\(from)' to '\(to)' would make a cycle ('\(to)' already feeds '\(from)'); networks here are acyclic"
    case .cycle(let name):
      return "the connections form a cycle through '\(name)'; networks here are acyclic"
    case .biasOnInput(let bias, let input):
      return "bias '\(bias)' is given to the input '\(input)'; only neurons have biases"
    case .dropoutNotHidden(let name):
      return "'\(name)' is not a hidden neuron; dropout is for hidden layers (not inputs or outputs)"
    case .twoBiases(let neuron):
      return "'\(neuron)' has two biases; a neuron has at most one"
    case .biasWithoutNeurons(let name):
      return "bias '\(name)' belongs to no neuron; list at least one neuron for it"
    case .inputHasNoActivation(let name):
      return "'\(name)' is an input and has no activation; name a neuron instead"
    case .softmaxNotOutput(let name):
      return "'\(name)' uses softmax but feeds other neurons; use softmax only in the output layer"
    case .softmaxMixed(let name):
      return "output '\(name)' does not use softmax while other outputs do; give the whole output layer softmax"
    case .lossNeedsActivation(let loss, let neuron, let needs):
      return
        "loss '\(loss.rawValue)' needs \(needs.rawValue) outputs but '\(neuron)' is not \(needs.rawValue); try 'activation \(neuron) \(needs.rawValue)' or 'loss half_sse'"
    case .noExamples:
      return "there are no examples yet; add one with 'example 0.05 0.1 -> 0.01 0.99' (inputs -> targets)"
    case .exampleShape(let index, let inputs, let targets, let wantInputs, let wantTargets):
      return
        "example '\(index + 1)' has \(count(inputs, "input")) and \(count(targets, "target")) but the network has \(count(wantInputs, "input")) and \(count(wantTargets, "output")); fix the network or the example (see 'show data')"
    case .notFinite(let neuron, let example):
      return
        "'\(neuron)' overflowed on example \(example + 1) (not a finite number); nothing changed; try smaller weights or 'init xavier'"
    case .lossNotFinite(let example):
      return
        "the loss overflowed on example \(example + 1) (not a finite number); nothing changed; try smaller weights, 'init xavier' or a smaller rate"
    case .parameterNotFinite(let name):
      return "the update would make '\(name)' infinite; nothing changed; is the rate too large? try 'rate 0.1'"
    case .tooLarge(let neurons, let parameters):
      return
        "that would make \(neurons) neurons and \(parameters) parameters, over nabla's limit of \(Network.maxNeurons) neurons and \(Network.maxParameters) parameters; use fewer or narrower layers"
    }
  }
}

extension Error {
  /// The one-line message for any error a command can raise.
  var message: String {
    if let e = self as? ShellError { return e.message }
    if let e = self as? NetworkError { return e.message }
    if let e = self as? FunctionError { return e.message }
    return "\(self)"
  }
}

/// "1 input", "2 inputs".
func count(_ n: Int, _ noun: String) -> String {
  "\(n) \(noun)\(n == 1 ? "" : (noun.hasSuffix("s") ? "es" : "s"))"
}
