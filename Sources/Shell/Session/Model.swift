import Functions
import Network

/// The settings a learner changes with one-word commands.
public struct Settings: Equatable, Sendable {
  public var loss: LossFunction = .halfSSE
  public var reduction: Reduction = .mean
  public var rate: Double = 0.5
  public var momentum: Double = 0
  /// Significant digits printed.
  public var precision: Int = 9
  /// Presenter mode: 4 significant digits (unless asked otherwise), more space, one step a screen.
  public var present = false
  /// The precision to go back to when presenter mode ends.
  public var precisionBeforePresent: Int?
  public var optimizer: OptimizerKind = .sgd
  /// L2 weight decay λ.
  public var decay: Double = 0
  /// Examples per update in `train`; nil is the whole batch.
  public var batchSize: Int?
  /// Seeds the shuffle of every epoch, the data sets and `compare`.
  public var seed: UInt64 = 1

  /// The update rule these settings describe.
  public var rule: UpdateRule { UpdateRule(kind: optimizer, rate: rate, momentum: momentum, decay: decay) }
}

/// The loss after every epoch of training since the data last changed, and the test loss
/// beside it (nil for epochs trained without a test set).
public struct LossHistory: Equatable, Sendable {
  public var train: [Double] = []
  public var test: [Double?] = []

  public static let limit = 100_000

  mutating func append(_ result: TrainingResult) {
    train += result.losses
    test += result.testLosses.isEmpty ? Array(repeating: nil, count: result.losses.count) : result.testLosses.map { $0 }
    if train.count > Self.limit {
      train.removeFirst(train.count - Self.limit)
      test.removeFirst(test.count - Self.limit)
    }
  }
}

/// Everything a command can change: the network, its data, the settings, and the
/// results of the last pass. Undo restores a whole `Model`.
public struct Model: Equatable, Sendable {
  public var network = Network()
  public var examples: [Example] = []
  /// The column names of data read from a CSV file (for `show data` and `data save`).
  public var columnNames: (inputs: [String], targets: [String])?
  /// Examples held out by `data split`, never trained on.
  public var test: [Example] = []
  /// The loss of every epoch `train` ran, for `plot loss`.
  public var history = LossHistory()
  /// The example `forward` and `backward` show in full (0-based).
  public var use = 0
  public var settings = Settings()
  /// Draws the starting weights of new layers and connections.
  public var rng = SplitMix64(seed: 1)
  /// How many times `init` ran without a seed (the next seed to use).
  public var initCount = 0
  /// Counts the commands that moved parameters: with dropout, each new pass draws new masks.
  public var dropoutDraw: UInt64 = 0

  /// The seed of the dropout masks of the next training pass.
  var dropoutSeed: UInt64 { settings.seed &* 0x9E37_79B9 &+ dropoutDraw }
  /// Variables and functions of them (function mode).
  public var workspace = Workspace()
  /// The function whose gradients `graph` shows, while nothing changed since `grad`.
  var gradientShown: GradientShown?
  /// The last descent, for `plot`.
  public var descent: (function: String, result: DescentResult)?
  /// The last forward or backward pass, and what it was computed from.
  public var pass: Pass?
  var passKey: PassKey?

  public init() {}

  public static func == (a: Model, b: Model) -> Bool {
    a.network == b.network && a.examples == b.examples && a.test == b.test && a.history == b.history
      && a.columnNames?.inputs == b.columnNames?.inputs && a.columnNames?.targets == b.columnNames?.targets
      && a.use == b.use && a.settings == b.settings
      && a.rng == b.rng && a.initCount == b.initCount && a.dropoutDraw == b.dropoutDraw && a.workspace == b.workspace
      && a.descent?.function == b.descent?.function && a.descent?.result == b.descent?.result
      && a.pass == b.pass && a.passKey == b.passKey && a.gradientShown == b.gradientShown
  }

  /// About how many numbers the model holds: what its undo step costs.
  var size: Int {
    let width = (examples.first ?? test.first).map { $0.inputs.count + $0.targets.count } ?? 0
    return network.parameters.count * 4 + (examples.count + test.count) * (width + 2) + history.train.count * 2
      + (pass == nil ? 0 : network.neurons.count * 4)
  }

  /// The model without the results of the last pass: what undo history compares.
  var essence: Model {
    var copy = self
    copy.pass = nil
    copy.passKey = nil
    copy.gradientShown = nil
    return copy
  }

  /// What a pass depends on.
  var currentKey: PassKey {
    PassKey(
      network: network, examples: examples, loss: settings.loss, reduction: settings.reduction, use: use,
      dropoutDraw: dropoutDraw)
  }

  /// The last pass, if nothing it depends on has changed since.
  public var freshPass: Pass? {
    passKey == currentKey ? pass : nil
  }

  /// The batch gradient of the last backward pass, if the parameter values, the network
  /// and the data are still those it was computed from (freezing a parameter or choosing
  /// another example to show does not change the batch gradient).
  var freshGradient: [Double]? {
    guard let pass, pass.hasGradients, let key = passKey else { return nil }
    return key.gradientInputs == currentKey.gradientInputs ? pass.batchGradient : nil
  }

  /// Runs a pass over every example and keeps it.
  /// `training: false` evaluates without dropout (for summaries); otherwise dropout masks are drawn.
  mutating func runPass(backward: Bool, training: Bool = true) throws(NetworkError) -> Pass {
    let pass = try Pass.compute(
      network, examples: examples, loss: settings.loss, reduction: settings.reduction, use: use,
      backward: backward, dropoutSeed: training ? dropoutSeed : nil)
    self.pass = pass
    passKey = currentKey
    return pass
  }
}

/// The inputs of a pass: when any of them changes, the pass is out of date.
struct PassKey: Equatable, Sendable {
  var network: Network
  var examples: [Example]
  var loss: LossFunction
  var reduction: Reduction
  var use: Int
  var dropoutDraw: UInt64 = 0

  /// The part of the key the batch gradient depends on.
  var gradientInputs: PassKey {
    var key = self
    key.use = 0
    for i in key.network.parameters.indices {
      key.network.parameters[i].frozen = false
      key.network.parameters[i].velocity = 0
    }
    return key
  }
}
