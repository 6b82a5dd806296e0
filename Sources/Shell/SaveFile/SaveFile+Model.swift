import Foundation
import Network

extension SaveFile {
  init(_ model: Model) {
    let net = model.network
    let pass = model.freshPass
    let gradients = pass?.hasGradients == true ? pass?.batchGradient : nil
    format = "nabla"
    version = SaveFile.currentVersion
    neurons = net.neurons.indices.map { n in
      let neuron = net.neurons[n]
      let v = pass?.neurons[n]
      return NeuronRecord(
        name: neuron.name, kind: neuron.isInput ? "input" : "neuron",
        activation: neuron.isInput ? nil : neuron.activation.rawValue, net: v?.net, out: v?.out,
        dEdout: v?.dEdout, dEdnet: v?.dEdnet, dropout: neuron.dropout > 0 ? neuron.dropout : nil)
    }
    parameters = net.parameters.indices.map { i in
      let p = net.parameters[i]
      var record = ParameterRecord(
        name: p.name, value: p.value, grad: gradients?[i], frozen: p.frozen, velocity: p.velocity)
      switch p.role {
      case .weight(let from, let to):
        record.from = net.neurons[from].name
        record.to = net.neurons[to].name
      case .bias(let members):
        record.neurons = members.map { net.neurons[$0].name }
      }
      return record
    }
    let s = model.settings
    loss = LossRecord(name: s.loss.rawValue, reduction: s.reduction.rawValue, value: pass?.batchLoss)
    settings = SettingsRecord(
      rate: s.rate, momentum: s.momentum, precision: s.precision, alpha: net.leakySlope,
      optimizer: s.optimizer.rawValue, decay: s.decay, batch: s.batchSize, seed: String(s.seed))
    examples = model.examples.map { ExampleRecord(inputs: $0.inputs, targets: $0.targets) }
    exampleInUse = model.use + 1
    lastLayerNames = net.lastLayer.map { net.neurons[$0].name }
    randomState = String(model.rng.state)
    initCount = model.initCount
    variables = zip(model.workspace.variables, model.workspace.values).map { VariableRecord(name: $0, value: $1) }
    functions = model.workspace.definitions.map { FunctionRecord(name: $0.name, source: $0.source) }
    testExamples = model.test.map { ExampleRecord(inputs: $0.inputs, targets: $0.targets) }
    dropoutDraw = String(model.dropoutDraw)
    passWithDropout = pass?.neurons.contains { $0.mask != nil } ?? false
    history = HistoryRecord(train: model.history.train, test: model.history.test)
  }

  /// Fails unless the file says it is a nabla save file of the version this nabla reads.
  static func check(format: String?, version: Int?) throws(SaveFileProblem) {
    if let format, format != "nabla" { throw SaveFileProblem("its \"format\" is \"\(format)\", not \"nabla\"") }
    if let version, version != SaveFile.currentVersion {
      throw SaveFileProblem("it is version \(version); this nabla reads version \(SaveFile.currentVersion)")
    }
  }

  /// The model this file describes, after checking everything; `reason` errors say what is wrong.
  func model() throws(SaveFileProblem) -> (Model, hadValues: Bool, hadGradients: Bool) {
    try Self.check(format: format, version: version)
    var neuronList: [Neuron] = []
    for r in neurons {
      switch r.kind {
      case "input":
        neuronList.append(Neuron(name: r.name, isInput: true, activation: .linear))
      case "neuron":
        guard let a = r.activation, let activation = Activation(rawValue: a) else {
          throw SaveFileProblem("neuron \"\(r.name)\" has no known activation")
        }
        var neuron = Neuron(name: r.name, isInput: false, activation: activation)
        if let p = r.dropout {
          guard p.isFinite, p >= 0, p < 1 else {
            throw SaveFileProblem("neuron \"\(r.name)\" has dropout \(p); it must be at least 0 and below 1")
          }
          neuron.dropout = p
        }
        neuronList.append(neuron)
      default:
        throw SaveFileProblem("neuron \"\(r.name)\" has kind \"\(r.kind)\"; expected \"input\" or \"neuron\"")
      }
    }
    func index(_ name: String) throws(SaveFileProblem) -> Int {
      guard let i = neuronList.firstIndex(where: { $0.name == name }) else {
        throw SaveFileProblem("it names a neuron \"\(name)\" that it does not define")
      }
      return i
    }
    var params: [Parameter] = []
    for r in parameters {
      guard r.value.isFinite, (r.velocity ?? 0).isFinite else {
        throw SaveFileProblem("parameter \"\(r.name)\" is not a finite number")
      }
      let role: ParameterRole
      if (r.from != nil || r.to != nil) && r.neurons != nil {
        throw SaveFileProblem(
          "parameter \"\(r.name)\" has both \"from\"/\"to\" and \"neurons\"; a weight has the first, a bias the second")
      }
      if let from = r.from, let to = r.to {
        role = .weight(from: try index(from), to: try index(to))
      } else if let members = r.neurons {
        var list: [Int] = []
        for m in members { list.append(try index(m)) }
        role = .bias(neurons: list)
      } else {
        throw SaveFileProblem("parameter \"\(r.name)\" has neither \"from\"/\"to\" nor \"neurons\"")
      }
      params.append(Parameter(name: r.name, role: role, value: r.value, frozen: r.frozen, velocity: r.velocity ?? 0))
    }
    let expectedNames = Network.expectedNames(for: params.map(\.role))
    if let bad = zip(params, expectedNames).first(where: { $0.0.name != $0.1 }) {
      throw SaveFileProblem("parameter \"\(bad.0.name)\" should be named \"\(bad.1)\" (names follow creation order)")
    }
    var lastLayer: [Int] = []
    for name in lastLayerNames { lastLayer.append(try index(name)) }
    guard settings.alpha.isFinite, settings.alpha >= 0, settings.alpha < 1 else {
      throw SaveFileProblem("\"alpha\" must be at least 0 and below 1")
    }
    let network: Network
    do {
      network = try Network(neurons: neuronList, parameters: params, lastLayer: lastLayer, leakySlope: settings.alpha)
    } catch {
      throw SaveFileProblem(error.message)
    }
    var model = Model()
    model.network = network
    guard let lossFunction = LossFunction(rawValue: loss.name) else {
      throw SaveFileProblem("unknown loss \"\(loss.name)\"")
    }
    guard let reduction = Reduction(rawValue: loss.reduction) else {
      throw SaveFileProblem("unknown reduction \"\(loss.reduction)\"; expected \"sum\" or \"mean\"")
    }
    guard settings.rate.isFinite, settings.rate > 0 else { throw SaveFileProblem("\"rate\" must be above 0") }
    guard settings.momentum.isFinite, settings.momentum >= 0, settings.momentum < 1 else {
      throw SaveFileProblem("\"momentum\" must be at least 0 and below 1")
    }
    guard (1...17).contains(settings.precision) else { throw SaveFileProblem("\"precision\" must be 1 to 17") }
    model.settings = Settings(
      loss: lossFunction, reduction: reduction, rate: settings.rate, momentum: settings.momentum,
      precision: settings.precision)
    if let name = settings.optimizer {
      guard let kind = OptimizerKind(rawValue: name) else { throw SaveFileProblem("unknown optimizer \"\(name)\"") }
      model.settings.optimizer = kind
    }
    if let decay = settings.decay {
      guard decay.isFinite, decay >= 0, decay < 1 else {
        throw SaveFileProblem("\"decay\" must be at least 0 and below 1")
      }
      model.settings.decay = decay
    }
    if let batch = settings.batch {
      guard batch >= 1 else { throw SaveFileProblem("\"batch\" must be 1 or more (or null for the whole batch)") }
      model.settings.batchSize = batch
    }
    if let seed = settings.seed {
      guard let value = UInt64(seed) else { throw SaveFileProblem("\"seed\" is not a 64-bit number") }
      model.settings.seed = value
    }
    for e in examples {
      guard (e.inputs + e.targets).allSatisfy(\.isFinite) else {
        throw SaveFileProblem("an example holds a number that is not finite")
      }
      model.examples.append(Example(inputs: e.inputs, targets: e.targets))
    }
    guard exampleInUse >= 1, model.examples.isEmpty ? exampleInUse == 1 : exampleInUse <= model.examples.count else {
      throw SaveFileProblem(
        "\"example_in_use\" is \(exampleInUse) but there \(model.examples.count == 1 ? "is" : "are") \(count(model.examples.count, "example"))"
      )
    }
    model.use = max(exampleInUse - 1, 0)
    for e in testExamples ?? [] {
      guard (e.inputs + e.targets).allSatisfy(\.isFinite) else {
        throw SaveFileProblem("a test example holds a number that is not finite")
      }
      model.test.append(Example(inputs: e.inputs, targets: e.targets))
    }
    if let first = (model.examples + model.test).first {
      guard !first.inputs.isEmpty, !first.targets.isEmpty,
        (model.examples + model.test).allSatisfy({
          $0.inputs.count == first.inputs.count && $0.targets.count == first.targets.count
        })
      else {
        throw SaveFileProblem("its examples do not all have the same number of inputs and targets")
      }
    }
    if let history {
      guard history.train.count == history.test.count, history.train.count <= LossHistory.limit,
        history.train.allSatisfy(\.isFinite), history.test.allSatisfy({ $0?.isFinite ?? true })
      else { throw SaveFileProblem("\"history\" has lists of different lengths or numbers that are not finite") }
      model.history = LossHistory(train: history.train, test: history.test)
    }
    if let draw = dropoutDraw {
      guard let value = UInt64(draw) else { throw SaveFileProblem("\"dropout_draw\" is not a 64-bit number") }
      model.dropoutDraw = value
    }
    guard let state = UInt64(randomState) else { throw SaveFileProblem("\"random_state\" is not a 64-bit number") }
    model.rng = SplitMix64(seed: state)
    guard initCount >= 0 else { throw SaveFileProblem("\"init_count\" is negative") }
    model.initCount = initCount
    for v in variables ?? [] {
      guard v.value.isFinite else { throw SaveFileProblem("variable \"\(v.name)\" is not a finite number") }
      do {
        try model.workspace.setVariable(v.name, v.value)
      } catch {
        throw SaveFileProblem("variable \"\(v.name)\": \(error.message)")
      }
    }
    for f in functions ?? [] {
      do {
        try model.workspace.define(f.name, source: f.source)
      } catch {
        throw SaveFileProblem("function \"\(f.name)\": \(error.message)")
      }
    }
    let hadValues = neurons.contains { $0.out != nil }
    let hadGradients = parameters.contains { $0.grad != nil }
    return (model, hadValues, hadGradients)
  }
}

/// Why a save file was refused.
struct SaveFileProblem: Error {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}

extension Network {
  /// The names parameters with these roles get when created in this order.
  static func expectedNames(for roles: [ParameterRole]) -> [String] {
    var weights = 0
    var biases = 0
    return roles.map { role in
      if case .weight = role {
        weights += 1
        return "w\(weights)"
      }
      biases += 1
      return "b\(biases)"
    }
  }
}
