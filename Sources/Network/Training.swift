/// How to train: how long, in what batches, with what update rule.
public struct TrainingPlan: Equatable, Sendable {
  public enum Length: Equatable, Sendable {
    case epochs(Int)
    case updates(Int)
  }

  public var length: Length
  /// Examples per update; nil is the whole batch.
  public var batchSize: Int?
  public var rule: UpdateRule
  public var reduction: Reduction
  /// Seeds the shuffle of every epoch.
  public var seed: UInt64

  public init(length: Length, batchSize: Int?, rule: UpdateRule, reduction: Reduction, seed: UInt64) {
    self.length = length
    self.batchSize = batchSize
    self.rule = rule
    self.reduction = reduction
    self.seed = seed
  }

  /// Updates in one epoch of `count` examples.
  public func updatesPerEpoch(_ count: Int) -> Int {
    let size = min(batchSize ?? count, count)
    return (count + size - 1) / size
  }
}

/// Where training is, for progress reports.
public struct TrainingProgress: Equatable, Sendable {
  public var epoch: Int
  public var update: Int
  public var totalUpdates: Int
  /// The mean loss over the updates of the last epoch (or of the updates so far).
  public var loss: Double
}

/// What training did.
public struct TrainingResult: Equatable, Sendable {
  public enum Stop: Equatable, Sendable {
    case finished
    case interrupted
    /// The loss stopped being finite, or grew beyond `Training.explosion` times where it started.
    case diverged(update: Int)
  }

  /// The mean training loss of every finished epoch (for updates, of every `updatesPerEpoch` updates).
  public var losses: [Double]
  /// The test loss after every finished epoch (empty without a test set).
  public var testLosses: [Double]
  public var updates: Int
  public var stop: Stop
}

/// Mini-batch gradient descent over epochs, with a seeded shuffle; no printing.
public enum Training {
  /// A loss this many times (the first epoch's loss + 1) is an explosion.
  public static let explosion = 1e8

  public static func run(
    _ network: inout Network, examples: [Example], test: [Example] = [], loss: LossFunction, plan: TrainingPlan,
    reportEvery: Int = 0, report: (TrainingProgress) -> Void = { _ in }, interrupted: () -> Bool = { false }
  ) throws(NetworkError) -> TrainingResult {
    try CompiledNetwork.validate(examples, for: network)
    if !test.isEmpty { try CompiledNetwork.validate(test, for: network) }
    var trainer = try Trainer(network, loss: loss, dropoutSeed: plan.seed &+ 0xD50)
    var tester = try CompiledNetwork(network, loss: loss)
    let count = examples.count
    let size = min(plan.batchSize ?? count, count)
    let perEpoch = plan.updatesPerEpoch(count)
    let total: Int =
      switch plan.length {
      case .epochs(let n): n * perEpoch
      case .updates(let n): n
      }
    var order = Array(0..<count)
    var rng = SplitMix64(seed: plan.seed)
    var result = TrainingResult(losses: [], testLosses: [], updates: 0, stop: .finished)
    var epochLoss = 0.0
    var epochUpdates = 0
    var epoch = 0
    var first: Double?
    var bestLoss = Double.infinity
    var bestValues = network.parameters.map(\.value)
    // The parameters as the epoch began: the ones its (pre-update) losses belong to.
    var epochStart = bestValues
    while result.updates < total {
      if epochUpdates == 0 || (epochUpdates % perEpoch == 0) {
        // A new epoch: reshuffle when the batches are smaller than the data.
        if size < count {
          for i in stride(from: count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            order.swapAt(i, j)
          }
        }
        epochUpdates = 0
        epochLoss = 0
        for i in network.parameters.indices { epochStart[i] = network.parameters[i].value }
      }
      if interrupted() {
        result.stop = .interrupted
        break
      }
      let start = epochUpdates * size
      let range = start..<min(start + size, count)
      let e: Double
      do {
        e = try trainer.step(
          &network, examples: examples, order: order, range: range, reduction: plan.reduction, rule: plan.rule)
      } catch {
        if case .lossNotFinite = error, result.updates > 0 { trainer.undoLastUpdate(&network) }
        result.stop = .diverged(update: result.updates + 1)
        break
      }
      result.updates += 1
      epochUpdates += 1
      epochLoss += e
      let meanSoFar = epochLoss / Double(epochUpdates)
      if reportEvery > 0, result.updates % reportEvery == 0 || result.updates == total {
        report(TrainingProgress(epoch: epoch + 1, update: result.updates, totalUpdates: total, loss: meanSoFar))
      }
      if epochUpdates == perEpoch || result.updates == total {
        epoch += 1
        result.losses.append(meanSoFar)
        if !test.isEmpty {
          tester.load(network.parameters)
          result.testLosses.append(tester.batchLoss(test, reduction: plan.reduction))
        }
        if first == nil { first = meanSoFar }
        if meanSoFar > explosion * ((first ?? 0) + 1) {
          for i in network.parameters.indices {
            network.parameters[i].value = bestValues[i]
            network.parameters[i].velocity = 0
          }
          result.stop = .diverged(update: result.updates)
          break
        }
        if meanSoFar < bestLoss {
          bestLoss = meanSoFar
          for i in network.parameters.indices { bestValues[i] = epochStart[i] }
        }
      }
    }
    return result
  }
}
