import Network

/// `backward`: every partial derivative, output layer first, with the chain rule and the numbers.
enum BackwardText {
  static func render(_ pass: Pass, _ model: Model) -> String {
    let net = model.network
    let f = NumberFormat(digits: model.settings.precision)
    let example = model.examples[pass.example]
    let outputs = net.outputs
    let loss = model.settings.loss
    let fused = loss == .bce || loss == .crossEntropy
    var lines = [
      "example \(pass.example + 1) of \(model.examples.count), loss \(loss.rawValue): output layer first"
        + (model.examples.count > 1 ? " (E here is this example's loss; the batch gradient follows)" : "")
    ]
    let order = backwardOrder(net)
    var biasDone = Set<Int>()
    let outgoing = net.outgoing
    for n in order {
      let name = net.neurons[n].name
      let v = pass.neurons[n]
      let delta = "δ_\(name) = ∂E/∂net_\(name)"
      if let k = outputs.firstIndex(of: n) {
        lines.append("output \(name):")
        let t = example.targets[k]
        if fused {
          if loss == .bce {
            lines.append(
              "  ∂E/∂out_\(name) = (out_\(name) − target_\(name)) / (out_\(name)·(1 − out_\(name))) = \(f.optional(v.dEdout))"
            )
            lines.append("  ∂out_\(name)/∂net_\(name) = out_\(name)·(1 − out_\(name)) = \(f.optional(v.doutdnet))")
            lines.append(
              "  \(delta) = out_\(name) − target_\(name) = \(f(v.out)) − \(f.operand(t)) = \(f.optional(v.dEdnet))   (sigmoid with bce: the out·(1 − out) factors cancel)"
            )
          } else {
            let total = example.targets.reduce(0, +)
            if abs(total - 1) < 1e-12 {
              lines.append(
                "  \(delta) = out_\(name) − target_\(name) = \(f(v.out)) − \(f.operand(t)) = \(f.optional(v.dEdnet))   (softmax with cross-entropy)"
              )
            } else {
              lines.append(
                "  \(delta) = out_\(name)·Σtarget − target_\(name) = \(f(v.out))×\(f.operand(total)) − \(f.operand(t)) = \(f.optional(v.dEdnet))   (softmax with cross-entropy)"
              )
            }
          }
        } else {
          lines.append("  " + lossByOut(name, v, t, loss, outputs.count, f))
          if net.neurons[n].activation == .softmax {
            let terms = outputs.map { j in
              let o = net.neurons[j].name
              return "∂E/∂out_\(o)·∂out_\(o)/∂net_\(name)"
            }
            let numbers = outputs.enumerated().map { (row, j) in
              let column = outputs.firstIndex(of: n)!
              return "\(f.operand(pass.neurons[j].dEdout ?? .nan))×\(f.operand(pass.softmaxJacobian[row][column]))"
            }
            lines.append("  \(delta) = \(terms.joined(separator: " + "))")
            lines.append("    = \(numbers.joined(separator: " + ")) = \(f.optional(v.dEdnet))")
            lines.append("    (∂out_j/∂net_i = out_j·(1[i = j] − out_i) inside a softmax)")
          } else {
            lines.append("  " + activationLine(n, net, v, f))
            lines.append(
              "  \(delta) = ∂E/∂out_\(name) × ∂out_\(name)/∂net_\(name) = \(f.optional(v.dEdout)) × \(f.operand(v.doutdnet ?? .nan)) = \(f.optional(v.dEdnet))"
            )
          }
        }
      } else {
        lines.append("hidden \(name):")
        var symbols: [String] = []
        var numbers: [String] = []
        for w in outgoing[n] {
          guard case .weight(_, let to) = net.parameters[w].role else { continue }
          symbols.append("δ_\(net.neurons[to].name)·\(net.parameters[w].name)")
          numbers.append("\(f.operand(pass.neurons[to].dEdnet ?? .nan))×\(f.operand(net.parameters[w].value))")
        }
        let sum =
          numbers.count > 1 ? numbers.joined(separator: " + ") + " = " : (numbers.first.map { $0 + " = " } ?? "")
        lines.append("  ∂E/∂out_\(name) = \(symbols.joined(separator: " + ")) = \(sum)\(f.optional(v.dEdout))")
        lines.append("  " + activationLine(n, net, v, f))
        lines.append(
          "  \(delta) = ∂E/∂out_\(name) × ∂out_\(name)/∂net_\(name) = \(f.operand(v.dEdout ?? .nan)) × \(f.operand(v.doutdnet ?? .nan)) = \(f.optional(v.dEdnet))"
        )
      }
      for w in net.neurons[n].incoming {
        guard case .weight(let from, _) = net.parameters[w].role else { continue }
        let p = net.parameters[w]
        let source = NetworkText.out(from, net)
        lines.append(
          "  ∂E/∂\(p.name) = δ_\(name)·\(source) = \(f.operand(v.dEdnet ?? .nan)) × \(f.operand(pass.neurons[from].out)) = \(f(pass.exampleGradient[w]))\(frozenNote(p))"
        )
      }
      if let b = net.neurons[n].bias, case .bias(let shared) = net.parameters[b].role,
        shared.allSatisfy({ order.firstIndex(of: $0)! <= order.firstIndex(of: n)! }), biasDone.insert(b).inserted
      {
        let p = net.parameters[b]
        let symbols = shared.map { "δ_\(net.neurons[$0].name)" }.joined(separator: " + ")
        let numbers = shared.map { f.operand(pass.neurons[$0].dEdnet ?? .nan) }.joined(separator: " + ")
        let middle = shared.count > 1 ? " = \(numbers)" : ""
        lines.append("  ∂E/∂\(p.name) = \(symbols)\(middle) = \(f(pass.exampleGradient[b]))\(frozenNote(p))")
      }
    }
    if model.examples.count > 1 {
      lines += batchLines(pass, model, f)
    }
    if model.settings.decay > 0 {
      lines.append(
        "(weight decay \(f(model.settings.decay)) is on: 'update' adds \(f(model.settings.decay))·w to each weight's gradient; the partials above are of E alone)"
      )
    }
    if net.neurons.contains(where: { $0.dropout > 0 }) {
      lines.append("(dropout is on: the masks of 'forward' multiply those neurons' outputs and their ∂out/∂net)")
    }
    return lines.joined(separator: "\n")
  }

  static func frozenNote(_ p: Parameter) -> String { p.frozen ? "   (frozen)" : "" }

  static func lossByOut(
    _ name: String, _ v: NeuronValues, _ t: Double, _ loss: LossFunction, _ count: Int, _ f: NumberFormat
  ) -> String {
    switch loss {
    case .mse:
      return
        "∂E/∂out_\(name) = 2·(out_\(name) − target_\(name)) / \(count) = 2×(\(f(v.out)) − \(f.operand(t))) / \(count) = \(f.optional(v.dEdout))"
    default:
      return "∂E/∂out_\(name) = out_\(name) − target_\(name) = \(f(v.out)) − \(f.operand(t)) = \(f.optional(v.dEdout))"
    }
  }

  static func activationLine(_ n: Int, _ net: Network, _ v: NeuronValues, _ f: NumberFormat) -> String {
    let name = net.neurons[n].name
    let lhs = "∂out_\(name)/∂net_\(name)"
    let d = f.optional(v.doutdnet)
    let z = v.net ?? 0
    if let mask = v.mask {
      return
        "\(lhs) = mask × \(net.neurons[n].activation.rawValue)'(net_\(name)) = \(f(mask)) × \(f.operand(v.activationSlope ?? .nan)) = \(d)   (dropout)"
    }
    switch net.neurons[n].activation {
    case .sigmoid: return "\(lhs) = out_\(name)·(1 − out_\(name)) = \(d)"
    case .tanh: return "\(lhs) = 1 − out_\(name)² = \(d)"
    case .relu: return "\(lhs) = \(d)   (relu: 1 when net > 0, else 0; net_\(name) = \(f(z)))"
    case .leakyRelu:
      return "\(lhs) = \(d)   (leaky_relu: 1 when net > 0, else α = \(f(net.leakySlope)); net_\(name) = \(f(z)))"
    case .linear: return "\(lhs) = \(d)   (linear)"
    case .softmax: return "\(lhs): see the softmax Jacobian"
    }
  }

  static func batchLines(_ pass: Pass, _ model: Model, _ f: NumberFormat) -> [String] {
    let n = pass.gradients.count
    let mean = pass.reduction == .mean
    var lines = ["batch gradient, \(pass.reduction.rawValue) over all \(n) examples (this is what 'update' uses):"]
    for (p, parameter) in model.network.parameters.enumerated() {
      let value = f(pass.batchGradient[p])
      if n <= 8 {
        let sum = pass.gradients.map { f.operand($0[p]) }.joined(separator: " + ")
        lines.append("  ∂E/∂\(parameter.name) = " + (mean ? "(\(sum)) / \(n)" : sum) + " = \(value)")
      } else {
        lines.append("  ∂E/∂\(parameter.name) = \(value)")
      }
    }
    return lines
  }

  /// "2-4-1": the inputs, then each layer's width.
  static func layerWidths(_ net: Network) -> String {
    ([net.inputs.count] + net.layers.map(\.count)).map(String.init).joined(separator: "-")
  }

  /// Computing neurons, deepest layer first (creation order within a layer): a valid order
  /// for the backward sweep that reads like the textbook.
  static func backwardOrder(_ net: Network) -> [Int] {
    net.layers.reversed().flatMap { $0 }
  }

}
