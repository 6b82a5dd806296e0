import Network

/// `update`: old − rate × gradient = new for every parameter, with the momentum and
/// weight-decay terms written out when they are on.
enum UpdateText {
  static func render(_ records: [UpdateRecord], _ model: Model, before: Network) -> String {
    let f = NumberFormat(digits: model.settings.precision)
    let rule = model.settings.rule
    let rate = f(rule.rate)
    let m = f(rule.momentum)
    let source = model.examples.count > 1 ? "the batch gradient" : "the gradient"
    let g = rule.decay == 0 ? "∂E/∂p" : "(∂E/∂p + \(f(rule.decay))·p)"
    var lines: [String]
    if rule.momentum == 0 {
      lines = ["update with rate \(rate): p ← p − \(rate) × \(g)   (\(source) from 'backward')"]
    } else if rule.kind == .nesterov {
      lines = [
        "update, Nesterov momentum \(m), rate \(rate): v ← \(m)·v − \(rate)·\(g), then p ← p + \(m)·v − \(rate)·\(g)   (\(source) from 'backward')"
      ]
    } else {
      lines = [
        "update with rate \(rate) and momentum \(m): v ← \(m)·v − \(rate)·\(g), then p ← p + v   (\(source) from 'backward')"
      ]
    }
    if rule.decay != 0 {
      lines.append(
        "  weight decay \(f(rule.decay)) adds \(f(rule.decay))·w to each weight's gradient (biases have none)")
    }
    for r in records {
      let name = before.parameters[r.parameter].name
      // The gradient used, with its decay term written out.
      let used = r.gradient + r.decayTerm
      let gradient =
        r.decayTerm == 0 || rule.decay == 0
        ? f.operand(r.gradient) : "(\(f.operand(r.gradient)) + \(f.operand(r.decayTerm)))"
      if r.frozen {
        lines.append("  \(name) is frozen: stays \(f(r.old))")
      } else if rule.momentum == 0 {
        lines.append("  \(name) = \(f(r.old)) − \(rate) × \(gradient) = \(f(r.new))")
      } else if rule.kind == .nesterov {
        lines.append(
          "  \(name): v = \(m)×\(f.operand(r.velocityBefore)) − \(rate)×\(gradient) = \(f(r.velocityAfter)); \(name) = \(f(r.old)) + \(m)×\(f.operand(r.velocityAfter)) − \(rate)×\(f.operand(used)) = \(f(r.new))"
        )
      } else {
        lines.append(
          "  \(name): v = \(m)×\(f.operand(r.velocityBefore)) − \(rate)×\(gradient) = \(f(r.velocityAfter)); \(name) = \(f(r.old)) + \(f.operand(r.velocityAfter)) = \(f(r.new))"
        )
      }
    }
    return lines.joined(separator: "\n")
  }
}
