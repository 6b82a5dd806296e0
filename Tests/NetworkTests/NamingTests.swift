import Testing

@testable import Network

/// Weights and biases are numbered in creation order, each kind on its own count,
/// whichever way they are made (layers, single neurons, connections).
@Suite struct NamingTests {
  @Test func layersNeuronsAndConnectionsCountOn() throws {
    var net = Network()
    try net.addInputs(["x1", "x2"])
    try net.addLayer(["a1", "a2"], activation: .tanh, bias: .own) { _, _ in 0 }
    try net.addNeuron("n", activation: .relu, bias: .own)
    try net.connect("x1", "n", value: 0)
    try net.addLayer(["c1"], activation: .sigmoid, bias: .shared) { _, _ in 0 }
    try net.addLayer(["d1"], activation: .sigmoid, bias: .none) { _, _ in 0 }
    #expect(
      net.parameters.map(\.name) == [
        "w1", "w2", "w3", "w4", "b1", "b2", "b3", "w5", "w6", "w7", "b4", "w8",
      ])
  }

  @Test func theWidestNetworkIsNamedToTheEnd() throws {
    var net = Network()
    try net.addInputs(["x1", "x2"])
    try net.addLayer((1...96).map { "a\($0)" }, activation: .tanh, bias: .own) { _, _ in 0 }
    try net.addLayer((1...96).map { "c\($0)" }, activation: .tanh, bias: .own) { _, _ in 0 }
    try net.addLayer(["y"], activation: .sigmoid, bias: .own) { _, _ in 0 }
    let names = net.parameters.map(\.name)
    #expect(names.count == 9_697)
    #expect(Set(names).count == names.count)
    #expect(names.last == "b193")
    #expect(names[9_695] == "w9504")
    #expect(names.filter { $0.hasPrefix("w") }.count == 9_504)
  }
}
