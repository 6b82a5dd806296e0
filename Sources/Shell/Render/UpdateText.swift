import Network

/// `update`: old − rate × gradient = new for every parameter.
enum UpdateText {
  static func render(_ records: [UpdateRecord], _ model: Model, before: Network) -> String {
    let f = NumberFormat(digits: model.settings.precision)
    let rate = model.settings.rate
    let m = model.settings.momentum
    let source = model.examples.count > 1 ? "the batch gradient" : "the gradient"
    var lines: [String]
    if m == 0 {
      lines = ["update with rate \(f(rate)): p ← p − \(f(rate)) × ∂E/∂p (\(source) from 'backward')"]
    } else {
      lines = [
        "update with rate \(f(rate)) and momentum \(f(m)): v ← \(f(m))·v − \(f(rate))·∂E/∂p, then p ← p + v (\(source) from 'backward')"
      ]
    }
    for r in records {
      let name = before.parameters[r.parameter].name
      if r.frozen {
        lines.append("  \(name) is frozen: stays \(f(r.old))")
      } else if m == 0 {
        lines.append("  \(name) = \(f(r.old)) − \(f(rate)) × \(f.operand(r.gradient)) = \(f(r.new))")
      } else {
        lines.append(
          "  \(name): v = \(f(m))×\(f.operand(r.velocityBefore)) − \(f(rate))×\(f.operand(r.gradient)) = \(f(r.velocityAfter)); \(name) = \(f(r.old)) + \(f.operand(r.velocityAfter)) = \(f(r.new))"
        )
      }
    }
    return lines.joined(separator: "\n")
  }
}
