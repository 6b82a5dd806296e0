import Network

/// `forward`: every net input with its weighted sum, every output, then the loss.
enum ForwardText {
  static func render(_ pass: Pass, _ model: Model) -> String {
    let net = model.network
    let f = NumberFormat(digits: model.settings.precision)
    let example = model.examples[pass.example]
    var lines = ["example \(pass.example + 1) of \(model.examples.count): " + ShowCommands.describe(example, net, f)]
    let outputs = net.outputs
    let order = net.evaluationOrder
    for n in order {
      let name = net.neurons[n].name
      let v = pass.neurons[n]
      let symbols = NetworkText.netSymbols(of: n, in: net)
      var numbers: [String] = []
      for w in net.neurons[n].incoming {
        guard case .weight(let from, _) = net.parameters[w].role else { continue }
        numbers.append("\(f.operand(net.parameters[w].value))×\(f.operand(pass.neurons[from].out))")
      }
      if let b = net.neurons[n].bias { numbers.append(f.operand(net.parameters[b].value)) }
      let pad = String(repeating: " ", count: "net_\(name)".count)
      if numbers.count > 1 {
        lines.append("net_\(name) = \(symbols)")
        lines.append("\(pad) = \(numbers.joined(separator: " + ")) = \(f.optional(v.net))")
      } else if numbers.count == 1 {
        lines.append("net_\(name) = \(symbols) = \(numbers[0]) = \(f.optional(v.net))")
      } else {
        lines.append("net_\(name) = 0   (no inputs and no bias)")
      }
      let activation = net.neurons[n].activation
      if activation == .softmax {
        let nets = outputs.map { "e^\(f.operand(pass.neurons[$0].net ?? 0))" }.joined(separator: " + ")
        lines.append(
          "out_\(name) = e^net_\(name) / Σ e^net = e^\(f.operand(v.net ?? 0)) / (\(nets)) = \(f(v.out))")
      } else {
        let slope = activation == .leakyRelu ? "[α=\(f(net.leakySlope))]" : ""
        let fn = "\(activation.rawValue)\(slope)"
        if let mask = v.mask, let raw = v.activation {
          let p = net.neurons[n].dropout
          let what = mask == 0 ? "dropped this pass" : "kept, scaled by 1/(1 − \(f(p)))"
          lines.append(
            "out_\(name) = \(fn)(net_\(name)) × mask = \(fn)(\(f(v.net ?? 0))) × \(f(mask)) = \(f(raw)) × \(f(mask)) = \(f(v.out))   (dropout \(f(p)): \(what))"
          )
        } else {
          lines.append("out_\(name) = \(fn)(net_\(name)) = \(fn)(\(f(v.net ?? 0))) = \(f(v.out))")
        }
      }
    }
    lines += lossLines(pass, model, example, f)
    if model.examples.count > 1 {
      lines.append(batchLine(pass, f))
    }
    return lines.joined(separator: "\n")
  }

  static func lossLines(_ pass: Pass, _ model: Model, _ example: Example, _ f: NumberFormat) -> [String] {
    let net = model.network
    let outputs = net.outputs
    let names = outputs.map { net.neurons[$0].name }
    let outs = outputs.map { pass.neurons[$0].out }
    let t = example.targets
    var symbolic: [String] = []
    var numeric: [String] = []
    switch model.settings.loss {
    case .halfSSE:
      symbolic = names.map { "½(target_\($0) − out_\($0))²" }
      numeric = outs.indices.map { "½(\(f.operand(t[$0])) − \(f.operand(outs[$0])))²" }
    case .mse:
      symbolic = names.map { "(target_\($0) − out_\($0))²" }
      numeric = outs.indices.map { "(\(f.operand(t[$0])) − \(f.operand(outs[$0])))²" }
    case .bce:
      symbolic = names.map { "[target_\($0)·ln out_\($0) + (1 − target_\($0))·ln(1 − out_\($0))]" }
      numeric = outs.indices.map { "[\(f(t[$0]))·ln \(f(outs[$0])) + \(f(1 - t[$0]))·ln \(f(1 - outs[$0]))]" }
    case .crossEntropy:
      symbolic = names.map { "target_\($0)·ln out_\($0)" }
      numeric = outs.indices.map { "\(f(t[$0]))·ln \(f(outs[$0]))" }
    }
    let loss = model.settings.loss
    func wrap(_ parts: [String]) -> String {
      let sum = parts.joined(separator: " + ")
      switch loss {
      case .mse: return parts.count > 1 ? "(\(sum)) / \(parts.count)" : sum
      case .bce: return "−" + parts.joined(separator: " − ")
      case .crossEntropy: return parts.count > 1 ? "−(\(sum))" : "−" + sum
      case .halfSSE: return sum
      }
    }
    var lines = ["E = " + wrap(symbolic), "  = " + wrap(numeric)]
    if pass.terms.count > 1 {
      let terms = pass.terms.map { f($0) }.joined(separator: " + ")
      lines.append("  = " + (loss == .mse ? "(\(terms)) / \(pass.terms.count)" : terms))
    }
    lines.append("  = \(f(pass.loss))")
    if model.settings.loss == .bce || model.settings.loss == .crossEntropy {
      lines.append("  (computed from the net inputs, so it stays finite when an output saturates)")
    }
    return lines
  }

  static func batchLine(_ pass: Pass, _ f: NumberFormat) -> String {
    let n = pass.exampleLosses.count
    let mean = pass.reduction == .mean
    let what = "E over all \(n) examples (\(pass.reduction.rawValue))"
    if n <= 8 {
      let sum = pass.exampleLosses.map { f($0) }.joined(separator: " + ")
      return "\(what) = " + (mean ? "(\(sum)) / \(n)" : sum) + " = \(f(pass.batchLoss))"
    }
    return "\(what) = \(f(pass.batchLoss))"
  }
}
