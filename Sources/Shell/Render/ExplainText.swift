import Network

/// `explain`: the symbolic chain for every path from E, then its numbers, then the sum.
enum ExplainText {
  static func render(_ e: Explanation, target: String, _ model: Model, _ pass: Pass) -> String {
    let net = model.network
    let f = NumberFormat(digits: model.settings.precision)
    let count = e.paths.count + e.omitted
    let of = model.examples.count > 1 ? " for example \(pass.example + 1)" : ""
    var lines = ["\(target)\(of): the chain rule along every path from E down (\(count) path\(count == 1 ? "" : "s"))"]
    for (i, path) in e.paths.enumerated() {
      let nodes = ["E"] + path.factors.map { lowerNode($0, net) }
      lines.append("path \(i + 1): " + nodes.joined(separator: " → "))
      lines.append("  " + path.factors.map { symbol($0, net) }.joined(separator: " · "))
      lines.append("  = " + path.values.map { f.operand($0) }.joined(separator: " × ") + " = \(f(path.product))")
    }
    if e.omitted > 0 {
      lines.append("… and \(e.omitted) more paths (included in the total)")
    }
    if e.paths.count > 1 && e.omitted == 0 {
      lines.append("\(target) = " + e.paths.map { f.operand($0.product) }.joined(separator: " + ") + " = \(f(e.total))")
    } else {
      lines.append("\(target) = \(f(e.total))")
    }
    return lines.joined(separator: "\n")
  }

  /// The node each factor leads down to.
  static func lowerNode(_ factor: ChainFactor, _ net: Network) -> String {
    switch factor {
    case .lossByOut(let n): return "out_\(net.neurons[n].name)"
    case .lossByNet(let n), .activation(let n): return "net_\(net.neurons[n].name)"
    case .softmax(_, let i): return "net_\(net.neurons[i].name)"
    case .weight(let p):
      guard case .weight(let from, _) = net.parameters[p].role else { return "?" }
      return NetworkText.out(from, net)
    case .source(let p): return net.parameters[p].name
    case .bias(let n): return net.parameters[net.neurons[n].bias ?? 0].name
    }
  }

  /// The factor in symbols; weights, sources and biases by what they equal.
  static func symbol(_ factor: ChainFactor, _ net: Network) -> String {
    switch factor {
    case .lossByOut(let n): return "∂E/∂out_\(net.neurons[n].name)"
    case .lossByNet(let n): return "∂E/∂net_\(net.neurons[n].name)"
    case .activation(let n): return "∂out_\(net.neurons[n].name)/∂net_\(net.neurons[n].name)"
    case .softmax(let j, let i): return "∂out_\(net.neurons[j].name)/∂net_\(net.neurons[i].name)"
    case .weight(let p): return net.parameters[p].name
    case .source(let p):
      guard case .weight(let from, _) = net.parameters[p].role else { return "?" }
      return NetworkText.out(from, net)
    case .bias: return "1"
    }
  }
}
