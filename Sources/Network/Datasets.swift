import Foundation

/// Built-in data sets, the same for the same seed on every machine.
public enum Dataset: String, CaseIterable, Equatable, Sendable {
  case xor, and, or, moons, circles, spiral, line

  /// Whether the targets are classes (0/1, or one-hot for several classes).
  public var isClassification: Bool { self != .line }

  /// How many points by default.
  public var defaultCount: Int {
    switch self {
    case .xor, .and, .or: 4
    case .moons, .circles, .line: 100
    case .spiral: 150
    }
  }

  /// Makes the examples. `count` is ignored by the 4-point logic tables; `classes` only applies to spiral.
  public func examples(count: Int? = nil, noise: Double? = nil, classes: Int = 3, seed: UInt64 = 1) -> [Example] {
    var rng = SplitMix64(seed: seed)
    let n = max(1, count ?? defaultCount)
    let corners: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
    switch self {
    case .xor: return corners.map { Example(inputs: $0, targets: [$0[0] != $0[1] ? 1 : 0]) }
    case .and: return corners.map { Example(inputs: $0, targets: [$0[0] == 1 && $0[1] == 1 ? 1 : 0]) }
    case .or: return corners.map { Example(inputs: $0, targets: [$0[0] == 1 || $0[1] == 1 ? 1 : 0]) }
    case .moons:
      let s = noise ?? 0.1
      return (0..<n).map { i in
        let upper = i % 2 == 0
        let t = Double.pi * rng.uniform()
        let (x, y) = upper ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
        return Example(inputs: [x + s * rng.normal(), y + s * rng.normal()], targets: [upper ? 0 : 1])
      }
    case .circles:
      let s = noise ?? 0.05
      return (0..<n).map { i in
        let inner = i % 2 == 1
        let t = 2 * Double.pi * rng.uniform()
        let r = inner ? 0.5 : 1.0
        return Example(
          inputs: [r * cos(t) + s * rng.normal(), r * sin(t) + s * rng.normal()], targets: [inner ? 1 : 0])
      }
    case .spiral:
      let k = max(2, classes)
      let s = noise ?? 0.2
      return (0..<n).map { i in
        let c = i % k
        let r = Double(i / k + 1) / Double((n + k - 1) / k)
        let t = Double(c) * 2 * Double.pi / Double(k) + 4 * r + s * rng.normal()
        return Example(inputs: [r * sin(t), r * cos(t)], targets: (0..<k).map { $0 == c ? 1 : 0 })
      }
    case .line:
      let s = noise ?? 0.1
      return (0..<n).map { _ in
        let x = rng.uniform(-1, 1)
        return Example(inputs: [x], targets: [0.5 * x + 0.2 + s * rng.normal()])
      }
    }
  }

  /// Input and target counts.
  public func shape(classes: Int = 3) -> (inputs: Int, targets: Int) {
    switch self {
    case .line: (1, 1)
    case .spiral: (2, max(2, classes))
    default: (2, 1)
    }
  }
}

/// Accuracy for classification targets: one output thresholded at the middle of the target
/// range, or several outputs compared by argmax.
public enum Accuracy {
  /// Whether targets look like classes: every target 0 or 1 (or −1 and 1 for one output).
  public static func isClassification(_ examples: [Example]) -> Bool {
    guard let first = examples.first else { return false }
    if first.targets.count == 1 {
      let values = Set(examples.map { $0.targets[0] })
      return values.isSubset(of: [0, 1]) || values.isSubset(of: [-1, 1])
    }
    return examples.allSatisfy { e in e.targets.allSatisfy { $0 == 0 || $0 == 1 } && e.targets.reduce(0, +) == 1 }
  }

  /// The fraction of examples classified correctly, or nil if the targets are not classes.
  public static func of(_ network: Network, examples: [Example], loss: LossFunction) throws(NetworkError) -> Double? {
    guard isClassification(examples) else { return nil }
    var compiled = try CompiledNetwork(network, loss: loss)
    compiled.load(network.parameters)
    let negative = examples.contains { $0.targets.count == 1 && $0.targets[0] == -1 }
    let threshold = negative ? 0.0 : 0.5
    var outputs = Array(repeating: 0.0, count: compiled.outputs.count)
    var right = 0
    for e in examples {
      compiled.predict(e.inputs, into: &outputs)
      if outputs.count == 1 {
        if (outputs[0] > threshold) == (e.targets[0] > threshold) { right += 1 }
      } else if outputs.indices.max(by: { outputs[$0] < outputs[$1] })
        == e.targets.indices.max(by: { e.targets[$0] < e.targets[$1] })
      {
        right += 1
      }
    }
    return Double(right) / Double(examples.count)
  }
}
