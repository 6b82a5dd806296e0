/// The frame every terminal chart shares: the y labels on the left, a vertical axis,
/// the horizontal axis and the x labels under it.
enum ChartFrame {
  /// The grid's rows framed: `top` and `bottom` label the first and last rows, `middle`
  /// (the y axis's name) the middle row; `left` and `right` label the ends of the x axis.
  static func lines(
    _ grid: [[Character]], top: String, bottom: String, middle: String = "", left: String, right: String,
    xName: String
  ) -> [String] {
    let width = grid.first?.count ?? 0
    let labelWidth = max(top.count, bottom.count, middle.count)
    var lines: [String] = []
    for (r, cells) in grid.enumerated() {
      let label = r == 0 ? top : (r == grid.count - 1 ? bottom : (r == grid.count / 2 ? middle : ""))
      var line = String(repeating: " ", count: labelWidth - label.count) + label + " │" + String(cells)
      while line.hasSuffix(" ") { line.removeLast() }
      lines.append(line)
    }
    lines.append(String(repeating: " ", count: labelWidth) + " └" + String(repeating: "─", count: width))
    lines.append(
      String(repeating: " ", count: labelWidth + 2) + left
        + String(repeating: " ", count: max(1, width - left.count - right.count)) + right + "  \(xName)")
    return lines
  }
}
