/// One factor of a chain-rule product, from the loss E down towards a parameter.
public enum ChainFactor: Equatable, Sendable {
  /// ∂E/∂out_o for an output neuron.
  case lossByOut(neuron: Int)
  /// ∂E/∂net_o when the loss is computed from the net input (bce, cross-entropy).
  case lossByNet(neuron: Int)
  /// ∂out/∂net, the activation's derivative.
  case activation(neuron: Int)
  /// ∂out_j/∂net_i inside a softmax layer.
  case softmax(out: Int, net: Int)
  /// ∂net_to/∂out_from, which is the weight itself.
  case weight(parameter: Int)
  /// ∂net_to/∂w, which is out_from.
  case source(parameter: Int)
  /// ∂net/∂b, which is 1.
  case bias(neuron: Int)
}

/// Every path from E to one quantity, with the value of every factor.
public struct Explanation: Equatable, Sendable {
  public struct Path: Equatable, Sendable {
    public var factors: [ChainFactor]
    public var values: [Double]
    public var product: Double
  }

  public var paths: [Path]
  /// Paths beyond the listing limit (their contribution is included in `total`).
  public var omitted: Int
  /// The sum over every path, from the backward pass.
  public var total: Double

  public static let pathLimit = 64

  /// Every path from E to parameter `p`, using the values of `pass` (which must have gradients).
  public static func parameter(_ p: Int, in network: Network, pass: Pass, fused: Bool) -> Explanation {
    var result = Explanation(paths: [], omitted: 0, total: pass.exampleGradient[p])
    switch network.parameters[p].role {
    case .weight(_, let to):
      result.collect(from: to, tail: [.source(parameter: p)], network: network, pass: pass, fused: fused)
    case .bias(let neurons):
      for n in neurons {
        result.collect(from: n, tail: [.bias(neuron: n)], network: network, pass: pass, fused: fused)
      }
    }
    return result
  }

  /// Every path from E to the net input of neuron `n` (its δ).
  public static func delta(_ n: Int, in network: Network, pass: Pass, fused: Bool) -> Explanation {
    var result = Explanation(paths: [], omitted: 0, total: pass.neurons[n].dEdnet ?? 0)
    result.collect(from: n, tail: [], network: network, pass: pass, fused: fused)
    return result
  }

  /// Adds every path from E to net_n, followed by `tail` (factors below net_n).
  private mutating func collect(from n: Int, tail: [ChainFactor], network: Network, pass: Pass, fused: Bool) {
    let outputs = network.outputs
    if outputs.contains(n) {
      if fused {
        add([.lossByNet(neuron: n)] + tail, network: network, pass: pass)
      } else if network.neurons[n].activation == .softmax {
        for j in outputs {
          add([.lossByOut(neuron: j), .softmax(out: j, net: n)] + tail, network: network, pass: pass)
        }
      } else {
        add([.lossByOut(neuron: n), .activation(neuron: n)] + tail, network: network, pass: pass)
      }
      return
    }
    for w in network.outgoing[n] {
      guard case .weight(_, let to) = network.parameters[w].role else { continue }
      collect(
        from: to, tail: [.weight(parameter: w), .activation(neuron: n)] + tail, network: network, pass: pass,
        fused: fused)
    }
  }

  private mutating func add(_ factors: [ChainFactor], network: Network, pass: Pass) {
    guard paths.count < Explanation.pathLimit else {
      omitted += 1
      return
    }
    let values = factors.map { Explanation.value(of: $0, network: network, pass: pass) }
    paths.append(Path(factors: factors, values: values, product: values.reduce(1, *)))
  }

  public static func value(of factor: ChainFactor, network: Network, pass: Pass) -> Double {
    let outputs = network.outputs
    switch factor {
    case .lossByOut(let n): return pass.neurons[n].dEdout ?? .nan
    case .lossByNet(let n): return pass.neurons[n].dEdnet ?? .nan
    case .activation(let n): return pass.neurons[n].doutdnet ?? .nan
    case .softmax(let j, let i):
      guard let row = outputs.firstIndex(of: j), let column = outputs.firstIndex(of: i) else { return .nan }
      return pass.softmaxJacobian[row][column]
    case .weight(let p): return network.parameters[p].value
    case .source(let p):
      guard case .weight(let from, _) = network.parameters[p].role else { return .nan }
      return pass.neurons[from].out
    case .bias: return 1
    }
  }
}
