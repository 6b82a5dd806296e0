import Network

/// `gradcheck`: backprop next to central differences, with a verdict per parameter.
enum GradientCheckText {
  static func render(_ rows: [GradientCheckRow], _ model: Model, step h: Double) -> String {
    let f = NumberFormat(digits: model.settings.precision)
    let e = NumberFormat(digits: 2)
    let n = model.examples.count
    var lines = [
      "gradcheck: backprop against (E(p + h) − E(p − h)) / 2h with h = \(e(h)), on E over \(n) example\(n == 1 ? "" : "s") (\(model.settings.reduction.rawValue))"
    ]
    let table = rows.map { r in
      [
        model.network.parameters[r.parameter].name, f(r.analytic), f(r.numeric), e(r.relativeError),
        r.verdict.rawValue + (r.nearKink ? " (near a kink: relu-like net input within h of 0)" : ""),
      ]
    }
    lines.append(Table.render(["param", "backprop", "numeric", "rel. error", "verdict"], table, indent: "  "))
    let wrong = rows.filter { $0.verdict == .wrong && !$0.nearKink }.count
    let doubtful = rows.filter { $0.verdict == .doubtful && !$0.nearKink }.count
    let kinks = rows.filter(\.nearKink).count
    var summary = "bands: below 1e-7 good, below 1e-4 fine, below 1e-2 doubtful, above wrong. "
    if wrong == 0 && doubtful == 0 {
      summary += kinks == 0 ? "All \(rows.count) gradients agree." : "The \(rows.count - kinks) away from kinks agree."
    } else {
      summary += "\(wrong) wrong, \(doubtful) doubtful."
    }
    if kinks > 0 { summary += " \(kinks) near a kink, where finite differences cannot be trusted." }
    lines.append(summary)
    return lines.joined(separator: "\n")
  }
}
