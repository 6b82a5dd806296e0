import Foundation

/// The one place numbers become text.
struct NumberFormat: Sendable {
  /// Significant digits.
  var digits: Int

  /// `x` with `digits` significant digits, trailing zeros dropped; -0 prints as 0.
  func callAsFunction(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return "0" }
    return String(format: "%.\(digits)g", x)
  }

  /// As `callAsFunction`, but negative numbers in parentheses, for use inside arithmetic.
  func operand(_ x: Double) -> String {
    x < 0 || (x.isNaN) ? "(\(self(x)))" : self(x)
  }

  /// `x` or `nil` as "—".
  func optional(_ x: Double?) -> String {
    x.map { self($0) } ?? "—"
  }
}
