// Speed of gradient descent in nabla, through the public API of the Network
// library (Network, Trainer, Training, Example) and of the Shell library (Session).
//
// Every benchmark keeps its state in a box that is built once, when the
// benchmarks are registered: the network, the trainer and the examples are made
// outside the measured loop, so the figures are those of steady-state training
// (`Training.run` compiles its own trainer at the start of every run; those
// benchmarks spread that over the 1000 updates of each run).
// Each benchmark does `scaledIterations.count` iterations (training steps or
// updates) per sample, and the figures are reported per iteration.

import Benchmark
import Network
import Shell

// MARK: - The networks and data

/// Full-batch training state: built once, stepped many times.
final class TrainingState {
  var network: Network
  var trainer: Trainer
  let examples: [Example]
  let rate: Double

  init(network: Network, examples: [Example], rate: Double) {
    self.network = network
    self.examples = examples
    self.rate = rate
    do {
      try CompiledNetwork.validate(examples, for: network)
      trainer = try Trainer(network, loss: .halfSSE)
    } catch {
      fatalError("benchmark setup failed: \(error)")
    }
  }

  /// One `Trainer.step`: forward and backward over every example, then one update.
  @inline(__always)
  func step() -> Double {
    do {
      return try trainer.step(&network, examples: examples, reduction: .mean, rate: rate, momentum: 0)
    } catch {
      fatalError("training step failed: \(error)")
    }
  }
}

/// A fully connected network with the given layer widths and activations, Xavier-initialised
/// from a fixed seed. Neurons are named `x1…` (inputs), then `a1…`, `c1…`, `d1…` per layer.
func makeNetwork(inputs: Int, layers: [(width: Int, activation: Activation)], seed: UInt64) -> Network {
  var network = Network()
  let prefixes = ["a", "c", "d", "e", "f", "g"]
  do {
    try network.addInputs((1...inputs).map { "x\($0)" })
    for (index, layer) in layers.enumerated() {
      let names = (1...layer.width).map { "\(prefixes[index])\($0)" }
      try network.addLayer(names, activation: layer.activation, bias: .own) { _, _ in 0 }
    }
  } catch {
    fatalError("benchmark network failed: \(error)")
  }
  var rng = SplitMix64(seed: seed)
  network.initialize(.xavier, rng: &rng)
  return network
}

/// XOR: a 2-2-1 sigmoid network and its 4 examples.
func xorState() -> TrainingState {
  let network = makeNetwork(inputs: 2, layers: [(2, .sigmoid), (1, .sigmoid)], seed: 7)
  let examples = [
    Example(inputs: [0, 0], targets: [0]),
    Example(inputs: [0, 1], targets: [1]),
    Example(inputs: [1, 0], targets: [1]),
    Example(inputs: [1, 1], targets: [0]),
  ]
  return TrainingState(network: network, examples: examples, rate: 0.5)
}

/// 100 points drawn uniformly from [−1, 1)², labelled 1 inside the circle of radius 0.7.
func circleExamples(count: Int, seed: UInt64) -> [Example] {
  var rng = SplitMix64(seed: seed)
  return (0..<count).map { _ in
    let x = rng.uniform(-1, 1)
    let y = rng.uniform(-1, 1)
    return Example(inputs: [x, y], targets: [x * x + y * y < 0.49 ? 1 : 0])
  }
}

/// A 2-16-16-1 network (tanh, tanh, sigmoid) and 100 examples.
func circleState() -> TrainingState {
  let network = makeNetwork(inputs: 2, layers: [(16, .tanh), (16, .tanh), (1, .sigmoid)], seed: 11)
  return TrainingState(network: network, examples: circleExamples(count: 100, seed: 42), rate: 0.5)
}

// MARK: - Cost against size

/// The hidden widths of the size series: 2-W-W-1 up to 2-256-256-1 (66,304 weights), the
/// widest that nabla's limits allow.
let sizeWidths = [16, 32, 64, 128, 256]

/// A 2-W-W-1 network (tanh, tanh, sigmoid; weights from seed 11) on the 100 points of
/// `data moons 100`, at rate 0.1: the same as reference/train.c's size series.
func sizeState(width: Int) -> TrainingState {
  let network = makeNetwork(inputs: 2, layers: [(width, .tanh), (width, .tanh), (1, .sigmoid)], seed: 11)
  return TrainingState(network: network, examples: Dataset.moons.examples(count: 100, seed: 1), rate: 0.1)
}

/// The number of weights (biases not counted) of a network.
func weightCount(_ network: Network) -> Int {
  network.parameters.filter(\.isWeight).count
}

/// A count with thousands separated by commas: 9,504.
func grouped(_ n: Int) -> String {
  let digits = String(n)
  var result = ""
  for (k, digit) in digits.enumerated() {
    if k > 0, (digits.count - k) % 3 == 0 { result.append(",") }
    result.append(digit)
  }
  return result
}

// MARK: - Training.run

/// Training as the shell's `train` does it: `Training.run` with a plan, continuing
/// from where the previous sample left off.
final class RunState {
  var network: Network
  let examples: [Example]
  let batchSize: Int?

  init(network: Network, examples: [Example], batchSize: Int?) {
    self.network = network
    self.examples = examples
    self.batchSize = batchSize
  }

  /// One `Training.run` of `updates` updates (half squared error averaged over the batch,
  /// sgd at rate 0.1, shuffle seed 1). Returns the number of updates made.
  func run(updates: Int) -> Int {
    let plan = TrainingPlan(
      length: .updates(updates), batchSize: batchSize, rule: UpdateRule(rate: 0.1), reduction: .mean, seed: 1)
    do {
      let result = try Training.run(&network, examples: examples, loss: .halfSSE, plan: plan)
      guard result.stop == .finished else { fatalError("training stopped: \(result.stop)") }
      return result.updates
    } catch {
      fatalError("training failed: \(error)")
    }
  }
}

/// The 2-16-16-1 network (tanh, tanh, sigmoid) on the 100 points of `data moons 100` (noise 0.1, seed 1).
func moonsState(batchSize: Int?) -> RunState {
  let network = makeNetwork(inputs: 2, layers: [(16, .tanh), (16, .tanh), (1, .sigmoid)], seed: 11)
  return RunState(network: network, examples: Dataset.moons.examples(count: 100, seed: 1), batchSize: batchSize)
}

// MARK: - The shell

/// A shell session with the 2-2-2 network of Matt Mazur's worked example (the first
/// lesson's): its starting weights and its one example. With `recording` off the session
/// keeps no log of commands and outputs for `export` (`record off`).
final class ShellState {
  var session = Session()

  init(recording: Bool = true) {
    let setup = [
      "input i1 i2",
      "layer h1 h2 sigmoid bias shared",
      "layer o1 o2 sigmoid bias shared",
      "set w1 0.15 w2 0.20 w3 0.25 w4 0.30 b1 0.35",
      "set w5 0.40 w6 0.45 w7 0.50 w8 0.55 b2 0.60",
      "example 0.05 0.10 -> 0.01 0.99",
    ]
    for line in setup + (recording ? [] : ["record off"]) {
      let reply = session.execute(line)
      guard reply.status == .ok else { fatalError("\(line): \(reply.output)") }
    }
  }

  /// `forward`, `backward` and `update`, each rendered to text as the shell prints it.
  /// Returns the number of characters printed.
  func forwardBackwardUpdate() -> Int {
    var printed = 0
    for line in ["forward", "backward", "update"] {
      let reply = session.execute(line)
      guard reply.status == .ok else { fatalError("\(line): \(reply.output)") }
      printed += reply.output.utf8.count
    }
    return printed
  }

  /// `step`: one forward pass, backward pass and update, printed as the shell prints it
  /// (the loss before the update and after it). Returns the number of characters printed.
  func step() -> Int {
    let reply = session.execute("step")
    guard reply.status == .ok else { fatalError("step: \(reply.output)") }
    return reply.output.utf8.count
  }
}

// MARK: - The benchmarks

/// The metrics every benchmark here reports.
let trainingMetrics: [BenchmarkMetric] = [.throughput, .wallClock, .mallocCountTotal, .memoryLeakedBytes]

/// A benchmark that times `body` once per scaled iteration.
func perIteration(
  _ name: String, scaling: BenchmarkScalingFactor = .one, warmup: Int = 10, seconds: Int = 3,
  _ body: @escaping () -> some Any
) {
  Benchmark(
    name,
    configuration: .init(
      metrics: trainingMetrics, warmupIterations: warmup, scalingFactor: scaling, maxDuration: .seconds(seconds),
      maxIterations: 100_000)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(body())
    }
  }
}

/// A benchmark of `Training.run`: one run of as many updates as the scaled iterations per
/// sample, reported per update, so that starting a run (compiling the network, the buffers
/// it keeps) is spread over them.
func perRun(_ name: String, warmup: Int, seconds: Int, _ state: RunState) {
  Benchmark(
    name,
    configuration: .init(
      metrics: trainingMetrics, warmupIterations: warmup, scalingFactor: .kilo, maxDuration: .seconds(seconds),
      maxIterations: 100_000)
  ) { benchmark in
    blackHole(state.run(updates: benchmark.scaledIterations.count))
  }
}

let benchmarks: @Sendable () -> Void = {
  // The harness's own cost per measured iteration, to subtract from the others.
  perIteration("Empty loop (harness overhead)", seconds: 1) { 0 }

  let xor = xorState()
  perIteration("XOR 2-2-1 sigmoid, 4 examples: Trainer.step", scaling: .kilo) { xor.step() }

  let circle = circleState()
  perIteration("2-16-16-1 tanh, 100 examples: Trainer.step") { circle.step() }

  perRun(
    "2-16-16-1 tanh, 100 moons points, full batch: Training.run", warmup: 1, seconds: 5, moonsState(batchSize: nil))
  perRun("2-16-16-1 tanh, 100 moons points, batch 10: Training.run", warmup: 3, seconds: 3, moonsState(batchSize: 10))

  // Cost against size: one full-batch step over the same 100 points, for ever wider networks.
  for width in sizeWidths {
    let state = sizeState(width: width)
    let weights = grouped(weightCount(state.network))
    perIteration("Size 2-\(width)-\(width)-1 tanh, \(weights) weights, 100 moons points: Trainer.step", warmup: 5) {
      state.step()
    }
  }

  let shellStep = ShellState()
  perIteration("Shell 2-2-2, 1 example: step, printed") { shellStep.step() }

  // The same without the log that `export` reads; the two should agree, since the log is
  // trimmed a thousand entries at a time once it is full.
  let shellStepUnrecorded = ShellState(recording: false)
  perIteration("Shell 2-2-2, 1 example: step, printed, record off") { shellStepUnrecorded.step() }

  let shell = ShellState()
  perIteration("Shell 2-2-2, 1 example: forward + backward + update, printed") { shell.forwardBackwardUpdate() }
}
