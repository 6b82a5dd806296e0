import Foundation
import Network

/// Terminal pictures of training: the loss history and a two-input decision boundary.
enum NetworkPlot {
  static let width = 61
  static let height = 15

  /// A line chart of the loss per epoch (train `·`, test `x`), with labelled axes.
  static func loss(_ history: LossHistory, _ f: NumberFormat) -> String {
    let train = history.train
    let test = history.test.map { $0 ?? .nan }
    let all = (train + test).filter(\.isFinite)
    guard let high = all.max(), let low = all.min(), train.count >= 1 else {
      return "no training yet; 'train N' records the loss of every epoch"
    }
    let n = max(train.count, test.count)
    let span = high > low ? high - low : 1
    var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
    func plot(_ series: [Double], _ mark: Character) {
      guard !series.isEmpty else { return }
      for column in 0..<width {
        // The epoch at this column (each column shows the last epoch it covers).
        let epoch = min(series.count - 1, Int((Double(column + 1) / Double(width) * Double(n)).rounded(.up)) - 1)
        guard epoch >= 0, series[epoch].isFinite else { continue }
        let row = height - 1 - Int(((series[epoch] - low) / span * Double(height - 1)).rounded())
        grid[min(max(row, 0), height - 1)][column] = mark
      }
    }
    plot(train, "·")
    plot(test, "x")
    let hasTest = test.contains { $0.isFinite }
    var lines = [
      "loss per epoch since the data last changed: · train" + (hasTest ? ", x test" : "") + " (\(count(n, "epoch")))"
    ]
    lines += ChartFrame.lines(grid, top: f(high), bottom: f(low), left: "1", right: "\(n)", xName: "epoch")
    return lines.joined(separator: "\n")
  }

  /// The examples of a two-input data set as points: classes as o x + * #, other targets as ·.
  static func scatter(_ model: Model, _ f: NumberFormat) -> String {
    let points = model.examples
    let xs = points.map { $0.inputs[0] }
    let ys = points.map { $0.inputs[1] }
    let (xLow, xHigh) = Plot.range(xs, pad: 0.1)
    let (yLow, yHigh) = Plot.range(ys, pad: 0.1)
    let rows = 21
    let classes = Accuracy.isClassification(points)
    let marks: [Character] = ["o", "x", "+", "*", "#"]
    var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: rows)
    for e in points {
      let c = Int(((e.inputs[0] - xLow) / (xHigh - xLow) * Double(width - 1)).rounded())
      let r = Int(((yHigh - e.inputs[1]) / (yHigh - yLow) * Double(rows - 1)).rounded())
      guard (0..<width).contains(c), (0..<rows).contains(r) else { continue }
      if classes {
        let k =
          e.targets.count == 1
          ? (e.targets[0] > 0 ? 1 : 0) : (e.targets.indices.max { e.targets[$0] < e.targets[$1] } ?? 0)
        grid[r][c] = marks[k % marks.count]
      } else {
        grid[r][c] = "·"
      }
    }
    let net = model.network
    let names = net.inputs.count == 2 ? net.inputs.map { net.neurons[$0].name } : ["input 1", "input 2"]
    var lines = [
      "\(count(points.count, "example")) over \(names[0]) and \(names[1])"
        + (classes
          ? "; "
            + (0..<max(2, min(points[0].targets.count, marks.count))).map { "\(marks[$0]) is class \($0)" }.joined(
              separator: ", ")
          : "")
        + (model.test.isEmpty ? "" : "; \(model.test.count) more held out for testing")
    ]
    lines += ChartFrame.lines(
      grid, top: f(yHigh), bottom: f(yLow), middle: names[1], left: f(xLow), right: f(xHigh), xName: names[0])
    return lines.joined(separator: "\n")
  }

  /// The predicted class over a grid of the two inputs, with the examples on top.
  static func boundary(_ model: Model, _ f: NumberFormat) throws -> String {
    let net = model.network
    guard net.inputs.count == 2 else {
      throw ShellError.outOfRange(
        word: "boundary", rule: "a decision boundary needs a network with two inputs; this one has \(net.inputs.count)")
    }
    let points = model.examples + model.test
    guard !points.isEmpty else { throw ShellError.network(.noExamples) }
    guard Accuracy.isClassification(points) else {
      throw ShellError.outOfRange(
        word: "boundary", rule: "the targets are not classes (0/1 or one-hot), so there is no boundary to draw")
    }
    var compiled = try CompiledNetwork(net, loss: model.settings.loss)
    try CompiledNetwork.validate(points, for: net)
    compiled.load(net.parameters)
    let xs = points.map { $0.inputs[0] }
    let ys = points.map { $0.inputs[1] }
    let (xLow, xHigh) = Plot.range(xs, pad: 0.1)
    let (yLow, yHigh) = Plot.range(ys, pad: 0.1)
    let rows = 21
    var outputs = Array(repeating: 0.0, count: compiled.outputs.count)
    let negative = points.contains { $0.targets.count == 1 && $0.targets[0] == -1 }
    func classOf(_ out: [Double]) -> Int {
      out.count == 1 ? (out[0] > (negative ? 0 : 0.5) ? 1 : 0) : out.indices.max { out[$0] < out[$1] }!
    }
    func targetClass(_ e: Example) -> Int {
      e.targets.count == 1
        ? (e.targets[0] > (negative ? 0 : 0.5) ? 1 : 0) : e.targets.indices.max { e.targets[$0] < e.targets[$1] }!
    }
    let regions: [Character] = [" ", "░", "▒", "▓", "█"]
    let marks: [Character] = ["o", "x", "+", "*", "#"]
    var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: rows)
    for r in 0..<rows {
      for c in 0..<width {
        let x = xLow + (xHigh - xLow) * Double(c) / Double(width - 1)
        let y = yHigh - (yHigh - yLow) * Double(r) / Double(rows - 1)
        compiled.predict([x, y], into: &outputs)
        grid[r][c] = regions[classOf(outputs) % regions.count]
      }
    }
    var wrong = 0
    for e in points {
      let c = Int(((e.inputs[0] - xLow) / (xHigh - xLow) * Double(width - 1)).rounded())
      let r = Int(((yHigh - e.inputs[1]) / (yHigh - yLow) * Double(rows - 1)).rounded())
      guard (0..<width).contains(c), (0..<rows).contains(r) else { continue }
      compiled.predict(e.inputs, into: &outputs)
      let target = targetClass(e)
      if classOf(outputs) != target { wrong += 1 }
      grid[r][c] = marks[target % marks.count]
    }
    let classes = Set(points.map(targetClass)).sorted()
    let names = net.inputs.map { net.neurons[$0].name }
    let legend = classes.map {
      "class \($0): region '\(regions[$0 % regions.count])' points '\(marks[$0 % marks.count])'"
    }
    var lines = ["decision boundary over \(names[0]) and \(names[1]); " + legend.joined(separator: ", ")]
    lines += ChartFrame.lines(
      grid, top: f(yHigh), bottom: f(yLow), middle: names[1], left: f(xLow), right: f(xHigh), xName: names[0])
    lines.append("\(points.count - wrong) of \(points.count) points on the side of their class")
    return lines.joined(separator: "\n")
  }
}
