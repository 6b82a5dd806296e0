import Foundation
import Network

/// The JSON save file, format "nabla", version 1 (documented in docs/save-format.md).
struct SaveFile: Codable {
  static let currentVersion = 1
  static let maxBytes = 64 * 1024 * 1024

  struct NeuronRecord: Codable {
    var name: String
    /// "input" or "neuron".
    var kind: String
    var activation: String?
    var net: Double?
    var out: Double?
    var dEdout: Double?
    var dEdnet: Double?
    /// The dropout probability (left out when 0).
    var dropout: Double?

    enum CodingKeys: String, CodingKey {
      case name, kind, activation, net, out, dropout
      case dEdout = "dE_dout"
      case dEdnet = "dE_dnet"
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(kind, forKey: .kind)
      try c.encode(activation, forKey: .activation)
      try c.encode(net, forKey: .net)
      try c.encode(out, forKey: .out)
      try c.encode(dEdout, forKey: .dEdout)
      try c.encode(dEdnet, forKey: .dEdnet)
      try c.encodeIfPresent(dropout, forKey: .dropout)
    }
  }

  struct ParameterRecord: Codable {
    var name: String
    var value: Double
    var grad: Double?
    var frozen: Bool
    var velocity: Double?
    var from: String?
    var to: String?
    var neurons: [String]?

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(value, forKey: .value)
      try c.encode(grad, forKey: .grad)
      try c.encode(frozen, forKey: .frozen)
      try c.encode(velocity ?? 0, forKey: .velocity)
      try c.encodeIfPresent(from, forKey: .from)
      try c.encodeIfPresent(to, forKey: .to)
      try c.encodeIfPresent(neurons, forKey: .neurons)
    }
  }

  struct LossRecord: Codable {
    var name: String
    var reduction: String
    var value: Double?

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(reduction, forKey: .reduction)
      try c.encode(value, forKey: .value)
    }
  }

  struct ExampleRecord: Codable {
    var inputs: [Double]
    var targets: [Double]
  }

  struct SettingsRecord: Codable {
    var rate: Double
    var momentum: Double
    var precision: Int
    var alpha: Double
    /// Training settings (optional: older files have none).
    var optimizer: String?
    var decay: Double?
    /// Examples per update in 'train'; null is the whole batch.
    var batch: Int?
    var seed: String?
  }

  struct VariableRecord: Codable {
    var name: String
    var value: Double
  }

  struct FunctionRecord: Codable {
    var name: String
    var source: String
  }

  var format: String
  var version: Int
  var neurons: [NeuronRecord]
  var parameters: [ParameterRecord]
  var loss: LossRecord
  var settings: SettingsRecord
  var examples: [ExampleRecord]
  /// 1-based number of the example whose values `neurons` holds.
  var exampleInUse: Int
  /// The layer a new `layer` connects from.
  var lastLayerNames: [String]
  /// The random generator's state, as a decimal string (64 bits do not fit a JSON number).
  var randomState: String
  var initCount: Int
  /// Function mode (optional: files without these keys have none).
  var variables: [VariableRecord]?
  var functions: [FunctionRecord]?
  /// Examples held out by 'data split' (optional).
  var testExamples: [ExampleRecord]?
  /// How many commands have moved parameters: the next dropout masks (optional).
  var dropoutDraw: String?
  /// Whether the recorded pass used dropout masks (optional).
  var passWithDropout: Bool?
  /// The loss of every epoch since the data last changed (optional).
  var history: HistoryRecord?

  struct HistoryRecord: Codable {
    var train: [Double]
    var test: [Double?]

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(train, forKey: .train)
      var list = c.nestedUnkeyedContainer(forKey: .test)
      for value in test {
        if let value { try list.encode(value) } else { try list.encodeNil() }
      }
    }
  }

  enum CodingKeys: String, CodingKey {
    case format, version, neurons, parameters, loss, settings, examples, variables, functions
    case testExamples = "test_examples"
    case dropoutDraw = "dropout_draw"
    case passWithDropout = "pass_with_dropout"
    case history
    case exampleInUse = "example_in_use"
    case lastLayerNames = "last_layer"
    case randomState = "random_state"
    case initCount = "init_count"
  }
}
