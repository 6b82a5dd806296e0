import Network

/// Short textual forms of a network's parts.
enum NetworkText {
  /// `out_h1` for a neuron, or the plain name for an input.
  static func out(_ n: Int, _ net: Network) -> String {
    net.neurons[n].isInput ? net.neurons[n].name : "out_\(net.neurons[n].name)"
  }

  /// `w1·i1 + w2·i2 + b1`: the net input of neuron `n` in symbols.
  static func netSymbols(of n: Int, in net: Network) -> String {
    var terms: [String] = []
    for w in net.neurons[n].incoming {
      guard case .weight(let from, _) = net.parameters[w].role else { continue }
      terms.append("\(net.parameters[w].name)·\(out(from, net))")
    }
    if let b = net.neurons[n].bias { terms.append(net.parameters[b].name) }
    return terms.isEmpty ? "0" : terms.joined(separator: " + ")
  }

  /// `h1 = sigmoid(w1·i1 + w2·i2 + b1)`.
  static func equation(of n: Int, in net: Network) -> String {
    let neuron = net.neurons[n]
    var text = "\(neuron.name) = \(neuron.activation.rawValue)(\(netSymbols(of: n, in: net)))"
    if let b = neuron.bias, case .bias(let shared) = net.parameters[b].role, shared.count > 1 {
      text += "   (\(net.parameters[b].name) shared by \(shared.map { net.neurons[$0].name }.joined(separator: " ")))"
    }
    if neuron.dropout > 0 { text += "   (dropout \(neuron.dropout))" }
    return text
  }

  /// `i1→h1` for a weight, `bias of h1 h2` for a bias.
  static func role(of p: Int, in net: Network) -> String {
    switch net.parameters[p].role {
    case .weight(let from, let to): return "\(net.neurons[from].name)→\(net.neurons[to].name)"
    case .bias(let neurons): return "bias of " + neurons.map { net.neurons[$0].name }.joined(separator: " ")
    }
  }
}
