import Foundation
import Functions

/// A function's computation graph as Graphviz DOT and as SVG, with values and (after `grad`)
/// gradients; in the terminal it is the tree `graph` prints.
enum GraphDiagram {
  /// Each node's depth from the leaves, for laying the graph out in columns.
  static func depths(_ g: Graph) -> [Int] {
    var depth = Array(repeating: 0, count: g.nodes.count)
    for i in g.nodes.indices { depth[i] = (g.nodes[i].operands.map { depth[$0] + 1 }.max() ?? 0) }
    return depth
  }

  static func label(_ g: Graph, _ i: Int, _ f: NumberFormat, gradients: Bool) -> [String] {
    let node = g.nodes[i]
    var lines = [node.kind == .operation ? "\(node.label) = \(g.formula(i))" : node.label]
    if case .constant = node.kind { return lines }
    lines.append("value \(f(g.value(i)))")
    if gradients { lines.append("∂\(g.nodes[g.output].label)/∂\(node.label) = \(f(g.gradient(i)))") }
    return lines
  }

  static func dot(_ g: Graph, gradients: Bool) -> String {
    let f = NumberFormat(digits: 6)
    var lines = [
      "digraph \"\(g.function)\" {", "  rankdir=LR;", "  node [shape=box, fontname=\"Helvetica\", fontsize=16];",
    ]
    for i in g.nodes.indices {
      lines.append("  n\(i) [label=\"\(label(g, i, f, gradients: gradients).joined(separator: "\\n"))\"];")
    }
    for (i, node) in g.nodes.enumerated() {
      for operand in node.operands { lines.append("  n\(operand) -> n\(i);") }
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  static func svg(_ g: Graph, gradients: Bool) -> String {
    let f = NumberFormat(digits: 4)
    let depth = depths(g)
    let columns = (depth.max() ?? 0) + 1
    var rows = Array(repeating: 0, count: columns)
    var position: [Int: (Double, Double)] = [:]
    for i in g.nodes.indices {
      position[i] = (140 + Double(depth[i]) * 300, 100 + Double(rows[depth[i]]) * 130)
      rows[depth[i]] += 1
    }
    let width = 140 + Double(columns - 1) * 300 + 200
    let height = 100 + Double(rows.max() ?? 1) * 130 + 60
    var body: [String] = []
    for (i, node) in g.nodes.enumerated() {
      for operand in node.operands {
        guard let a = position[operand], let b = position[i] else { continue }
        body.append(
          "<line x1=\"\(f(a.0 + 100))\" y1=\"\(f(a.1))\" x2=\"\(f(b.0 - 100))\" y2=\"\(f(b.1))\" stroke=\"#555\" stroke-width=\"2\"/>"
        )
      }
    }
    for i in g.nodes.indices {
      guard let (x, y) = position[i] else { continue }
      let lines = label(g, i, f, gradients: gradients)
      body.append("<rect x=\"\(f(x - 100))\" y=\"\(f(y - 40))\" width=\"200\" height=\"80\" rx=\"10\" class=\"node\"/>")
      for (k, line) in lines.enumerated() {
        let top = y - Double(lines.count - 1) * 11
        body.append("<text x=\"\(f(x))\" y=\"\(f(top + Double(k) * 22 + 6))\">\(Diagram.escape(line))</text>")
      }
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))">
      <style>
        text { font-family: Helvetica, Arial, sans-serif; font-size: 17px; text-anchor: middle; fill: #111; }
        .node { fill: #fff8e7; stroke: #333; stroke-width: 2; }
      </style>
      <rect width="100%" height="100%" fill="white"/>
      \(body.joined(separator: "\n"))
      </svg>

      """
  }
}
