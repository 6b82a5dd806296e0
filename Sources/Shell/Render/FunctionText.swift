import Functions

/// Function mode's text: node values, the backward sweep, the tree, the paths, the descent table.
enum FunctionText {
  /// `q1 = x + y = -2 + 5 = 3` for every operation node.
  static func evaluation(_ g: Graph, _ f: NumberFormat) -> String {
    let inputs = g.variables.enumerated().map { "\($1) = \(f(g.value(g.variableNodes[$0])))" }
    var lines = inputs.isEmpty ? [] : [inputs.joined(separator: ", ")]
    for i in g.nodes.indices where g.nodes[i].kind == .operation {
      let symbols = g.formula(i)
      let values = numbers(g, i, f)
      let middle = values == symbols || values == f(g.value(i)) ? "" : " = \(values)"
      lines.append("\(g.nodes[i].label) = \(symbols)\(middle) = \(f(g.value(i)))")
    }
    return lines.joined(separator: "\n")
  }

  /// The node's formula with its operands' values in place of their names.
  static func numbers(_ g: Graph, _ i: Int, _ f: NumberFormat) -> String {
    let node = g.nodes[i]
    let values = node.operands.map { f.operand(g.value($0)) }
    switch node.symbol {
    case "+", "-", "/", "^": return values.joined(separator: " \(node.symbol) ")
    case "*": return values.joined(separator: " × ")
    case "neg": return "-(\(f(g.value(node.operands[0]))))"
    case "": return values.first ?? ""
    default: return "\(node.symbol)(\(node.operands.map { f(g.value($0)) }.joined(separator: ", ")))"
    }
  }

  /// The local derivative of node `i` with respect to its operand `k`, in symbols.
  static func localSymbol(_ g: Graph, _ i: Int, _ k: Int) -> String {
    let node = g.nodes[i]
    let a = node.operands.map { g.nodes[$0].label }
    switch node.symbol {
    case "+": return "1"
    case "-": return k == 0 ? "1" : "-1"
    case "*": return a[1 - k]
    case "/": return k == 0 ? "1/\(a[1])" : "-\(a[0])/\(a[1])²"
    case "^": return k == 0 ? "\(a[1])·\(a[0])^(\(a[1]) - 1)" : "\(a[0])^\(a[1])·ln \(a[0])"
    case "neg": return "-1"
    case "exp": return "exp(\(a[0]))"
    case "log": return "1/\(a[0])"
    case "sqrt": return "1/(2·sqrt(\(a[0])))"
    case "abs": return "sign(\(a[0]))"
    case "sin": return "cos(\(a[0]))"
    case "cos": return "-sin(\(a[0]))"
    case "tanh": return "1 - tanh²(\(a[0]))"
    case "sigmoid": return "σ(\(a[0]))·(1 - σ(\(a[0])))"
    case "relu": return "1 if \(a[0]) > 0, else 0"
    case "max": return k == 0 ? "1 if \(a[0]) ≥ \(a[1]), else 0" : "1 if \(a[1]) > \(a[0]), else 0"
    case "min": return k == 0 ? "1 if \(a[0]) ≤ \(a[1]), else 0" : "1 if \(a[1]) < \(a[0]), else 0"
    default: return "1"
    }
  }

  /// The backward sweep, output first: for every node, local × upstream for each input.
  static func backward(_ g: Graph, _ f: NumberFormat) -> String {
    let out = g.nodes[g.output].label
    var lines = [
      "backward from \(out), seeded with ∂\(out)/∂\(out) = 1; each node hands upstream × local to its inputs"
    ]
    for i in g.nodes.indices.reversed() where g.nodes[i].kind == .operation {
      let node = g.nodes[i]
      lines.append("\(node.label) = \(g.formula(i))   upstream ∂\(out)/∂\(node.label) = \(upstream(g, i, f))")
      for (k, operand) in node.operands.enumerated() {
        let input = g.nodes[operand]
        if case .constant = input.kind { continue }
        let local = g.local(i, k)
        let symbol = localSymbol(g, i, k)
        let value = symbol == f(local) ? symbol : "\(symbol) = \(f(local))"
        lines.append(
          "  to \(input.label): local ∂\(node.label)/∂\(input.label) = \(value); × upstream \(f.operand(g.gradient(i))) = \(f(local * g.gradient(i)))"
        )
      }
    }
    for (k, name) in g.variables.enumerated() {
      lines.append("∂\(out)/∂\(name) = \(upstream(g, g.variableNodes[k], f))")
    }
    return lines.joined(separator: "\n")
  }

  /// The gradient of a node, written as the sum of its contributions when it is used more than once.
  static func upstream(_ g: Graph, _ i: Int, _ f: NumberFormat) -> String {
    if i == g.output { return "1" }
    let users = g.users(of: i)
    let total = f(g.gradient(i))
    guard users.count > 1 else { return total }
    let parts = users.map { f.operand(g.local($0.node, $0.position) * g.gradient($0.node)) }
    return parts.joined(separator: " + ")
      + " = \(total)   (\(g.nodes[i].label) is used \(users.count) times: the contributions add up)"
  }

  /// The graph as a tree from the output down.
  static func tree(_ g: Graph, _ f: NumberFormat, gradients: Bool) -> String {
    let out = g.nodes[g.output].label
    var lines: [String] = []
    var shown = Set<Int>()
    func visit(_ i: Int, _ prefix: String, _ branch: String) {
      let node = g.nodes[i]
      var text: String
      switch node.kind {
      case .constant: text = node.label
      case .variable: text = node.label + "   value \(f(g.value(i)))"
      case .operation: text = "\(node.label) = \(g.formula(i))   value \(f(g.value(i)))"
      }
      if gradients, node.kind == .operation || node.kind == .variable(node.label) {
        text += "   ∂\(out)/∂\(node.label) = \(f(g.gradient(i)))"
      }
      if node.kind == .operation, shown.contains(i) {
        lines.append(prefix + branch + node.label + "   (shown above)")
        return
      }
      lines.append(prefix + branch + text)
      shown.insert(i)
      let childPrefix = prefix + (branch == "├─ " ? "│  " : (branch.isEmpty ? "" : "   "))
      for (k, operand) in node.operands.enumerated() {
        visit(operand, childPrefix, k == node.operands.count - 1 ? "└─ " : "├─ ")
      }
    }
    visit(g.output, "", "")
    if !gradients { lines.append("(run 'grad \(g.function)' to see the gradients on the graph)") }
    return lines.joined(separator: "\n")
  }

  /// Every path from the output down to node `target`, with the product along each.
  static func paths(_ g: Graph, to target: Int, _ f: NumberFormat) -> String {
    let out = g.nodes[g.output].label
    let name = g.nodes[target].label
    var found: [[(node: Int, position: Int)]] = []
    var omitted = 0
    func walk(_ i: Int, _ path: [(node: Int, position: Int)]) {
      for (k, operand) in g.nodes[i].operands.enumerated() {
        let next = path + [(i, k)]
        if operand == target {
          if found.count < 64 { found.append(next) } else { omitted += 1 }
        } else if g.nodes[operand].kind == .operation {
          walk(operand, next)
        }
      }
    }
    walk(g.output, [])
    var lines = [
      "∂\(out)/∂\(name): the chain rule along every path from \(out) down to \(name) (\(found.count + omitted) path\(found.count + omitted == 1 ? "" : "s"))"
    ]
    var products: [Double] = []
    for (n, path) in found.enumerated() {
      let nodes = [out] + path.map { g.nodes[g.nodes[$0.node].operands[$0.position]].label }
      lines.append("path \(n + 1): " + nodes.joined(separator: " → "))
      lines.append(
        "  "
          + path.map { "∂\(g.nodes[$0.node].label)/∂\(g.nodes[g.nodes[$0.node].operands[$0.position]].label)" }.joined(
            separator: " · "))
      let values = path.map { g.local($0.node, $0.position) }
      let product = values.reduce(1, *)
      products.append(product)
      lines.append("  = " + values.map { f.operand($0) }.joined(separator: " × ") + " = \(f(product))")
    }
    if omitted > 0 { lines.append("… and \(omitted) more paths (included in the total)") }
    let total = f(g.gradient(target))
    if products.count > 1 && omitted == 0 {
      lines.append("∂\(out)/∂\(name) = " + products.map { f.operand($0) }.joined(separator: " + ") + " = \(total)")
    } else {
      lines.append("∂\(out)/∂\(name) = \(total)")
    }
    return lines.joined(separator: "\n")
  }

  /// The descent as a table: the first steps in full, then the last.
  static func descent(
    _ r: DescentResult, function: String, rate: Double, momentum: Double, steps: Int, _ f: NumberFormat
  ) -> String {
    let vars = r.variables
    let rule =
      momentum == 0
      ? "v ← v − \(f(rate))·∂\(function)/∂v"
      : "velocity ← \(f(momentum))·velocity − \(f(rate))·∂\(function)/∂v, v ← v + velocity"
    var lines = ["descend \(function) over \(vars.joined(separator: " ")): \(rule)"]
    let shown = 10
    var rows: [[String]] = []
    for (n, row) in r.rows.enumerated() {
      if n == shown && r.rows.count > shown + 1 { rows.append(["…"] + vars.map { _ in "" } + ["", ""]) }
      if n >= shown && n < r.rows.count - 1 { continue }
      rows.append(["\(row.step)"] + row.values.map { f($0) } + [f(row.f), f(row.gradientNorm)])
    }
    lines.append(Table.render(["step"] + vars + [function, "|∇\(function)|"], rows, indent: "  "))
    let first = r.rows.first?.f ?? .nan
    let values = zip(vars, r.final).map { "\($0) = \(f($1))" }.joined(separator: ", ")
    switch r.stop {
    case .finished:
      lines.append("\(function) went from \(f(first)) to \(f(r.rows.last?.f ?? .nan)) in \(steps) steps; now \(values)")
    case .interrupted:
      lines.append("interrupted after \(max(r.rows.count - 1, 0)) of \(steps) steps; now \(values)")
    case .growing(let step, let from, let to):
      lines.append(
        "stopped at step \(step): \(function) grew \(Descent.growthSteps) steps in a row, from \(f(from)) to \(f(to)); is the rate too large? try 'rate \(f(rate / 10))'. Kept the values where \(function) was lowest: \(values)"
      )
    case .diverged(let step):
      lines.append(
        "stopped at step \(step): \(function) diverged (it grew without bound or stopped being a finite number); is the rate too large? try 'rate \(f(rate / 10))'. Kept the values where \(function) was lowest: \(values)"
      )
    }
    return lines.joined(separator: "\n")
  }
}
