import Foundation
import Network
import Testing

@testable import Shell

/// The gradients nabla prints and saves agree with central finite differences of the loss.
/// Tolerance: |printed − numeric| ≤ 1e-7 + 1e-5 · max(|printed|, |numeric|), with h = 1e-6.
@Suite struct PrintedGradientTests {
  static let outputs: [(LossFunction, String)] = [
    (.halfSSE, "sigmoid"), (.halfSSE, "softmax"), (.mse, "tanh"), (.mse, "linear"), (.bce, "sigmoid"),
    (.crossEntropy, "softmax"),
  ]

  static func numeric(_ model: Model, _ p: Int, h: Double = 1e-6) throws -> Double {
    var compiled = try CompiledNetwork(model.network, loss: model.settings.loss)
    var shifted = model.network.parameters
    shifted[p].value += h
    compiled.load(shifted)
    let plus = compiled.batchLoss(model.examples, reduction: model.settings.reduction)
    shifted[p].value -= 2 * h
    compiled.load(shifted)
    let minus = compiled.batchLoss(model.examples, reduction: model.settings.reduction)
    return (plus - minus) / (2 * h)
  }

  /// The value at the end of each printed line `∂E/∂NAME = … = VALUE`, last occurrence wins.
  static func printedGradients(_ text: String) -> [String: Double] {
    var result: [String: Double] = [:]
    for line in text.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix("∂E/∂"), let name = trimmed.dropFirst(4).split(separator: " ").first,
        name.first == "w" || name.first == "b"
      else { continue }
      let last = trimmed.components(separatedBy: " = ").last!.split(separator: " ").first!
      result[String(name)] = Double(last)
    }
    return result
  }

  @Test(arguments: ["sigmoid", "tanh", "relu", "leaky_relu", "linear"])
  func printedAndSavedGradientsMatchFiniteDifferences(hidden: String) throws {
    for (index, (loss, output)) in Self.outputs.enumerated() {
      for examples in [1, 3] {
        var session = Session()
        var rng = SplitMix64(seed: UInt64(index * 10 + examples))
        let lines =
          [
            "input x1 x2", "layer h1 h2 h3 \(hidden) bias shared", "layer o1 o2 \(output)", "alpha 0.07",
            "loss \(loss.rawValue) \(examples == 1 ? "mean" : "sum")", "precision 17",
          ]
          + (1...examples).map { _ in
            let t1 = loss == .crossEntropy ? 1.0 : rng.uniform(0, 1)
            let t2 = loss == .crossEntropy ? 0.0 : rng.uniform(0, 1)
            return "example \(rng.uniform(-2, 2)) \(rng.uniform(-2, 2)) -> \(t1) \(t2)"
          }
        for line in lines { #expect(session.execute(line).status == .ok, "\(line)") }
        let names = session.model.network.parameters.map(\.name)
        for name in names { _ = session.execute("set \(name) \(rng.uniform(-1.5, 1.5))") }
        let reply = session.execute("backward")
        #expect(reply.status == .ok)
        let printed = Self.printedGradients(reply.output)
        let path = SaveFileTests.temporaryPath("grads.json")
        _ = session.execute("save \(path)")
        let file = try SaveFileTests.json(path)
        let saved = (file["parameters"] as! [[String: Any]]).map { $0["grad"] as! Double }
        for (p, name) in names.enumerated() {
          let n = try Self.numeric(session.model, p)
          let what = "\(hidden)/\(loss.rawValue)/\(output)/\(examples) \(name)"
          let shown = try #require(printed[name], "\(what) not printed")
          #expect(abs(shown - n) <= 1e-7 + 1e-5 * max(abs(shown), abs(n)), "\(what): printed \(shown), numeric \(n)")
          #expect(abs(saved[p] - n) <= 1e-7 + 1e-5 * max(abs(saved[p]), abs(n)), "\(what): saved \(saved[p])")
        }
      }
    }
  }
}
