import Foundation
import Network

/// The network drawn: in the terminal (layers as columns of boxes, incoming weights beside
/// each box), as Graphviz DOT, and as a self-contained SVG.
enum Diagram {
  static let boxWidth = 14
  static let edgeWidth = 14
  static let maxWidth = 100

  /// The columns: the inputs, then every layer by depth.
  static func columns(_ net: Network) -> [[Int]] {
    [net.inputs] + net.layers
  }

  // MARK: - Terminal

  static func terminal(_ model: Model) -> String {
    let net = model.network
    guard !net.neurons.isEmpty else { return "the network is empty; start with 'input x1 x2'" }
    let f = NumberFormat(digits: 4)
    let pass = model.freshPass
    let cols = columns(net)
    let width = cols.count * boxWidth + (cols.count - 1) * edgeWidth
    guard width <= maxWidth, cols.allSatisfy({ $0.count <= 4 }) else { return compact(model, f) }
    // Each column's lines, and where each neuron's box starts.
    var columnLines: [[String]] = []
    var boxTop: [Int: Int] = [:]
    for column in cols {
      var lines: [String] = []
      for n in column {
        if !lines.isEmpty { lines.append("") }
        boxTop[n] = lines.count
        lines += box(n, net, pass, f)
      }
      columnLines.append(lines)
    }
    let height = columnLines.map(\.count).max() ?? 0
    var edgeLines: [[String]] = []
    for c in 1..<cols.count {
      var lines = Array(repeating: "", count: height)
      for n in cols[c] {
        var labels: [String] = []
        for w in net.neurons[n].incoming {
          guard case .weight(let from, _) = net.parameters[w].role else { continue }
          labels.append("\(net.neurons[from].name)→ \(net.parameters[w].name) \(f(net.parameters[w].value))")
        }
        if let b = net.neurons[n].bias { labels.append("+ \(net.parameters[b].name) \(f(net.parameters[b].value))") }
        let top = boxTop[n] ?? 0
        let rows = box(n, net, pass, f).count
        for (k, label) in labels.enumerated() where k < rows {
          let text = k == rows - 1 && labels.count > rows ? "+\(labels.count - k) more" : label
          lines[top + k] = String(text.prefix(edgeWidth - 1))
        }
      }
      edgeLines.append(lines)
    }
    var output: [String] = []
    for row in 0..<height {
      var line = ""
      for c in cols.indices {
        if c > 0 { line += pad(edgeLines[c - 1][row], edgeWidth) }
        line += pad(row < columnLines[c].count ? columnLines[c][row] : "", boxWidth)
      }
      while line.hasSuffix(" ") { line.removeLast() }
      output.append(line)
    }
    output.append(legend(model, pass, f))
    return output.joined(separator: "\n")
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
  }

  /// A neuron's box: name and activation, net, out, and δ after backward.
  static func box(_ n: Int, _ net: Network, _ pass: Pass?, _ f: NumberFormat) -> [String] {
    let neuron = net.neurons[n]
    let inner = boxWidth - 3
    var content = [neuron.isInput ? "\(neuron.name) input" : "\(neuron.name) \(short(neuron.activation))"]
    if let v = pass?.neurons[n] {
      if let z = v.net { content.append("net \(f(z))") }
      content.append("out \(f(v.out))")
      if let d = v.dEdnet { content.append("δ \(f(d))") }
    }
    return ["┌" + String(repeating: "─", count: inner) + "┐"]
      + content.map { "│" + pad(String($0.prefix(inner)), inner) + "│" }
      + ["└" + String(repeating: "─", count: inner) + "┘"]
  }

  static func short(_ a: Activation) -> String {
    switch a {
    case .sigmoid: "sigm"
    case .leakyRelu: "lrelu"
    case .softmax: "smax"
    default: a.rawValue
    }
  }

  static func legend(_ model: Model, _ pass: Pass?, _ f: NumberFormat) -> String {
    let net = model.network
    guard let pass else { return "(run 'forward' for net and out, 'backward' for δ and the gradients)" }
    guard pass.hasGradients else { return "(run 'backward' for δ and the gradients)" }
    // Wrapped to the drawing's 100 columns.
    var lines = ["∂E/∂p:"]
    for (k, p) in net.parameters.enumerated() {
      let item = " \(p.name) \(f(pass.batchGradient[k]))" + (k < net.parameters.count - 1 ? "," : "")
      if lines[lines.count - 1].count + item.count > maxWidth { lines.append("      ") }
      lines[lines.count - 1] += item
    }
    return lines.joined(separator: "\n")
  }

  /// For networks too big to draw: one line a neuron, with its incoming weights.
  static func compact(_ model: Model, _ f: NumberFormat) -> String {
    let net = model.network
    let pass = model.freshPass
    var lines = ["(too big to draw in 100 columns; one line a neuron)"]
    for n in net.evaluationOrder {
      var line = NetworkText.equation(of: n, in: net)
      if let v = pass?.neurons[n] { line += "   net \(f(v.net ?? 0)), out \(f(v.out))" }
      lines.append(line)
    }
    lines.append(legend(model, pass, f))
    return lines.joined(separator: "\n")
  }

  // MARK: - Graphviz

  static func dot(_ model: Model) -> String {
    let net = model.network
    let f = NumberFormat(digits: 6)
    let pass = model.freshPass
    var lines = ["digraph nabla {", "  rankdir=LR;", "  node [shape=box, fontname=\"Helvetica\", fontsize=16];"]
    for (c, column) in columns(net).enumerated() {
      lines.append(
        "  { rank=same; " + column.map { "\"\(net.neurons[$0].name)\";" }.joined(separator: " ")
          + " } // column \(c + 1)")
    }
    for (n, neuron) in net.neurons.enumerated() {
      var label = neuron.isInput ? "\(neuron.name) (input)" : "\(neuron.name) (\(neuron.activation.rawValue))"
      if let v = pass?.neurons[n] {
        if let z = v.net { label += "\\nnet = \(f(z))" }
        label += "\\nout = \(f(v.out))"
        if let d = v.dEdnet { label += "\\nδ = \(f(d))" }
      }
      if let b = neuron.bias { label += "\\n+ \(net.parameters[b].name) = \(f(net.parameters[b].value))" }
      lines.append("  \"\(neuron.name)\" [label=\"\(label)\"];")
    }
    for (i, p) in net.parameters.enumerated() {
      guard case .weight(let from, let to) = p.role else { continue }
      var label = "\(p.name) = \(f(p.value))"
      if let pass, pass.hasGradients { label += "\\n∂E/∂\(p.name) = \(f(pass.batchGradient[i]))" }
      let colour = p.value >= 0 ? "#1f5fbf" : "#c0392b"
      let width = 1 + min(abs(p.value), 4)
      lines.append(
        "  \"\(net.neurons[from].name)\" -> \"\(net.neurons[to].name)\" [label=\"\(label)\", color=\"\(colour)\", penwidth=\(f(width))];"
      )
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - SVG

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  static func svg(_ model: Model) -> String {
    let net = model.network
    let f = NumberFormat(digits: 4)
    let pass = model.freshPass
    let cols = columns(net)
    let columnGap = 400.0
    let rowGap = 200.0
    let radius = 74.0
    let width = 160 + Double(max(cols.count - 1, 0)) * columnGap + 160
    let tallest = Double(cols.map(\.count).max() ?? 1)
    let height = 140 + tallest * rowGap + 90
    var position: [Int: (Double, Double)] = [:]
    for (c, column) in cols.enumerated() {
      let offset = (tallest - Double(column.count)) * rowGap / 2
      for (r, n) in column.enumerated() {
        position[n] = (160 + Double(c) * columnGap, 120 + offset + Double(r) * rowGap + rowGap / 2)
      }
    }
    var body: [String] = []
    for (i, p) in net.parameters.enumerated() {
      guard case .weight(let from, let to) = p.role, let a = position[from], let b = position[to] else { continue }
      let colour = p.value >= 0 ? "#1f5fbf" : "#c0392b"
      let stroke = 1.5 + min(abs(p.value), 4) * 2
      body.append(
        "<line x1=\"\(a.0 + radius)\" y1=\"\(a.1)\" x2=\"\(b.0 - radius)\" y2=\"\(b.1)\" stroke=\"\(colour)\" stroke-width=\"\(f(stroke))\" stroke-opacity=\"0.75\"/>"
      )
      // Labels sit near the receiving neuron, where its incoming edges are apart.
      let t = 0.6
      let mx = a.0 + radius + (b.0 - a.0 - 2 * radius) * t
      let my = a.1 + (b.1 - a.1) * t
      var label = "\(p.name) = \(f(p.value))"
      if let pass, pass.hasGradients { label += "  ∂ \(f(pass.batchGradient[i]))" }
      // A white card behind the label keeps it readable over the edges it crosses.
      let cardWidth = Double(label.count) * 8.6 + 10
      body.append(
        "<rect x=\"\(f(mx - cardWidth / 2))\" y=\"\(f(my - 22))\" width=\"\(f(cardWidth))\" height=\"22\" rx=\"4\" fill=\"white\" fill-opacity=\"0.9\"/>"
      )
      body.append("<text x=\"\(f(mx))\" y=\"\(f(my - 6))\" class=\"edge\">\(escape(label))</text>")
    }
    for (n, neuron) in net.neurons.enumerated() {
      guard let (x, y) = position[n] else { continue }
      body.append("<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(radius)\" class=\"\(neuron.isInput ? "input" : "neuron")\"/>")
      var lines = [neuron.isInput ? neuron.name : "\(neuron.name) \(neuron.activation.rawValue)"]
      if let v = pass?.neurons[n] {
        if let z = v.net { lines.append("net \(f(z))") }
        lines.append("out \(f(v.out))")
        if let d = v.dEdnet { lines.append("δ \(f(d))") }
      }
      if let b = neuron.bias { lines.append("\(net.parameters[b].name) = \(f(net.parameters[b].value))") }
      let top = y - Double(lines.count - 1) * 10
      for (k, line) in lines.enumerated() {
        body.append(
          "<text x=\"\(x)\" y=\"\(f(top + Double(k) * 20 + 6))\" class=\"\(k == 0 ? "name" : "value")\">\(escape(line))</text>"
        )
      }
    }
    let legend =
      "<text x=\"40\" y=\"\(f(height - 40))\" class=\"legend\">Blue edges are positive weights, red negative; thicker is larger."
      + (pass?.hasGradients == true ? " ∂ is ∂E/∂w from the last backward pass." : "") + "</text>"
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))">
      <style>
        text { font-family: Helvetica, Arial, sans-serif; text-anchor: middle; fill: #111; }
        .name { font-size: 20px; font-weight: bold; }
        .value { font-size: 16px; }
        .edge { font-size: 16px; fill: #222; }
        .legend { font-size: 18px; text-anchor: start; }
        .neuron { fill: #fff8e7; stroke: #333; stroke-width: 2.5; }
        .input { fill: #eef4ff; stroke: #333; stroke-width: 2.5; }
      </style>
      <rect width="100%" height="100%" fill="white"/>
      \(body.joined(separator: "\n"))
      \(legend)
      </svg>

      """
  }
}
