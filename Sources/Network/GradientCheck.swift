/// Backprop's gradient for one parameter next to a central finite difference.
public struct GradientCheckRow: Equatable, Sendable {
  public var parameter: Int
  public var analytic: Double
  public var numeric: Double
  /// |a − n| / max(|a|, |n|, 1e-6): below 1e-6 in size, finite differences cannot resolve
  /// a relative error (their rounding noise is about 1e-11).
  public var relativeError: Double
  /// A relu-like neuron's net input changed sign within ±h: finite differences are unreliable there.
  public var nearKink: Bool

  public enum Verdict: String, Sendable { case good, fine, doubtful, wrong }

  /// Bands: below 1e-7 good, below 1e-4 fine, below 1e-2 doubtful, above wrong.
  public var verdict: Verdict {
    switch relativeError {
    case ..<1e-7: .good
    case ..<1e-4: .fine
    case ..<1e-2: .doubtful
    default: .wrong
    }
  }
}

public enum GradientCheck {
  public static let defaultStep = 1e-5

  /// How much work a check takes by default, in weight-times-example operations: about a
  /// second. Checking one parameter costs two passes over every example.
  public static let budget = 400_000_000

  /// How many parameters a check takes within the budget (all of them in small networks,
  /// at least 20).
  public static func sampleSize(parameters: Int, examples: Int) -> Int {
    let perParameter = max(2 * parameters * max(examples, 1), 1)
    return min(parameters, max(20, budget / perParameter))
  }

  /// `count` parameter indices spread evenly over `0..<total` (all of them when total ≤ count).
  public static func spread(_ total: Int, count: Int) -> [Int] {
    guard total > count, count > 0 else { return Array(0..<total) }
    return (0..<count).map { $0 * total / count }
  }

  /// Compares the batch gradient of each parameter in `which` (all of them by default)
  /// with (L(p + h) − L(p − h)) / 2h. When `interrupted` turns true it stops and returns
  /// the rows so far.
  public static func run(
    _ network: Network, examples: [Example], loss: LossFunction, reduction: Reduction,
    step h: Double = defaultStep, dropoutSeed: UInt64? = nil, which: [Int]? = nil,
    interrupted: () -> Bool = { false }
  ) throws(NetworkError) -> [GradientCheckRow] {
    var compiled = try CompiledNetwork(network, loss: loss)
    try CompiledNetwork.validate(examples, for: network)
    compiled.load(network.parameters)
    // With dropout, every evaluation uses the same masks, so the loss is one function of p.
    let masks = dropoutSeed.flatMap { compiled.maskNodes.isEmpty ? nil : SplitMix64(seed: $0) }
    compiled.dropoutRandom = masks
    var gradient = Array(repeating: 0.0, count: network.parameters.count)
    _ = try compiled.batch(examples, reduction: reduction, gradient: &gradient)
    let kinked = compiled.order.filter { network.neurons[$0].activation.hasKink }
    compiled.dropoutRandom = masks
    let base = signs(&compiled, examples, kinked)

    var shifted = network.parameters
    var rows: [GradientCheckRow] = []
    for p in which ?? Array(network.parameters.indices) {
      if interrupted() { break }
      let original = shifted[p].value
      defer { shifted[p].value = original }
      shifted[p].value = original + h
      compiled.load(shifted)
      compiled.dropoutRandom = masks
      let plus = compiled.batchLoss(examples, reduction: reduction)
      compiled.dropoutRandom = masks
      let plusSigns = signs(&compiled, examples, kinked)
      shifted[p].value = original - h
      compiled.load(shifted)
      compiled.dropoutRandom = masks
      let minus = compiled.batchLoss(examples, reduction: reduction)
      compiled.dropoutRandom = masks
      let minusSigns = signs(&compiled, examples, kinked)
      let numeric = (plus - minus) / (2 * h)
      let a = gradient[p]
      let scale = max(abs(a), abs(numeric), 1e-6)
      rows.append(
        GradientCheckRow(
          parameter: p, analytic: a, numeric: numeric, relativeError: abs(a - numeric) / scale,
          nearKink: plusSigns != base || minusSigns != base))
    }
    return rows
  }

  /// Whether each relu-like neuron's net input is positive, for each example.
  private static func signs(_ compiled: inout CompiledNetwork, _ examples: [Example], _ neurons: [Int]) -> [Bool] {
    guard !neurons.isEmpty else { return [] }
    let random = compiled.dropoutRandom
    defer { compiled.dropoutRandom = random }
    var result: [Bool] = []
    for example in examples {
      compiled.run(example, backward: false)
      for n in neurons { result.append(compiled.tape.values[compiled.netNodes[n]] > 0) }
    }
    return result
  }
}
