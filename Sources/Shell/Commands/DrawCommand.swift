import Foundation
import Network

/// draw: the network as a diagram in the terminal, or as an SVG or Graphviz DOT file.
enum DrawCommand {
  static let spec = CommandSpec(
    name: "draw", group: .inspect, synopsis: "draw [FUNCTION] [FILE.svg|FILE.dot]",
    summary: "the network as a diagram: in the terminal, or as SVG or Graphviz DOT",
    details: """
      Without a file, draws the network in the terminal: layers as columns of boxes with net, out and \
      (after 'backward') δ, each box's incoming weights beside it, and the gradients below. Networks \
      too big for 100 columns get one line a neuron. 'draw net.svg' writes a self-contained SVG for a \
      projector (edge colour shows the sign, thickness the size, with a legend); 'draw net.dot' \
      writes Graphviz DOT. 'draw f' does the same for a function's computation graph (in the \
      terminal, the tree 'graph f' prints).
      """,
    example: RunCommands.mazurSetup + ["backward", "draw"], complete: { $0.isEmpty ? [.file] : [] }, run: draw)

  static func draw(_ c: inout Context) throws -> String {
    try c.expectAtMost(2)
    if let name = c.arguments.first, c.model.workspace.definition(name) != nil {
      return try drawFunction(&c, name, path: c.arguments.count > 1 ? c.arguments[1] : nil)
    }
    try c.expectAtMost(1)
    guard let path = c.arguments.first else { return Diagram.terminal(c.model) }
    guard !c.model.network.neurons.isEmpty else { throw ShellError.network(.noInputs) }
    let text: String
    switch Path.extension(path).lowercased() {
    case "svg": text = Diagram.svg(c.model)
    case "dot", "gv": text = Diagram.dot(c.model)
    default:
      throw ShellError.outOfRange(word: path, rule: "draw writes .svg or .dot files, e.g. 'draw net.svg'")
    }
    let target = try c.files.write(text, to: path)
    return
      "drew \(count(c.model.network.neurons.count, "neuron")) and \(count(c.model.network.parameters.count, "parameter")) to \(target)"
  }

  static func drawFunction(_ c: inout Context, _ name: String, path: String?) throws -> String {
    let graph = try FunctionCommands.function(c, name)
    let gradients = c.model.gradientShown == GradientShown(function: name, workspace: c.model.workspace)
    guard let path else { return FunctionText.tree(graph, c.format, gradients: gradients) }
    let text: String
    switch Path.extension(path).lowercased() {
    case "svg": text = GraphDiagram.svg(graph, gradients: gradients)
    case "dot", "gv": text = GraphDiagram.dot(graph, gradients: gradients)
    default:
      throw ShellError.outOfRange(word: path, rule: "draw writes .svg or .dot files, e.g. 'draw \(name) \(name).svg'")
    }
    let target = try c.files.write(text, to: path)
    return "drew the graph of \(name) (\(count(graph.nodes.count, "node"))) to \(target)"
  }
}
