import Foundation
import Testing

@testable import Autodiff

/// Central difference of node `output` with respect to leaf `leaf`.
func centralDifference(_ tape: Tape, leaf: Int, output: Int, h: Double = 1e-6) -> Double {
  var plus = tape
  plus.values[leaf] += h
  plus.forward()
  var minus = tape
  minus.values[leaf] -= h
  minus.forward()
  return (plus.values[output] - minus.values[output]) / (2 * h)
}

/// Relative tolerance for comparing an analytic derivative with a central difference (h = 1e-6).
let tolerance = 1e-6

func close(_ a: Double, _ b: Double, _ tol: Double = tolerance) -> Bool {
  abs(a - b) <= tol * max(1, abs(a), abs(b))
}

@Suite struct TapeTests {
  /// Every unary op: the recorded local derivative agrees with a central difference.
  @Test(arguments: [
    Op.exp, .log, .sqrt, .abs, .sin, .cos, .tanh, .sigmoid, .relu, .linear, .leakyRelu(slope: 0.01), .negate,
    .scale(-2.5),
  ])
  func unaryLocalDerivatives(op: Op) {
    for x in [0.3, 1.7, 2.9, -0.8, -2.2] {
      if op == .log || op == .sqrt, x <= 0 { continue }
      var tape = Tape()
      let a = tape.leaf(x)
      let y = tape.node(op, [a])
      tape.forward()
      tape.backward(from: y)
      #expect(close(tape.adjoints[a], centralDifference(tape, leaf: a, output: y)), "\(op) at \(x)")
      #expect(tape.localDerivative(of: y, argument: 0) == tape.adjoints[a])
    }
  }

  /// Every op with several arguments: each argument's derivative agrees with a central difference.
  @Test(arguments: [
    (Op.sum, 3), (.subtract, 2), (.product, 3), (.divide, 2), (.power, 2), (.max, 2), (.min, 2),
    (.weightedSum, 5), (.weightedSum, 4), (.softmax(1), 3), (.halfSquaredError, 2), (.squaredError, 2),
    (.binaryCrossEntropyWithLogits, 2), (.softmaxCrossEntropy, 6),
  ])
  func naryLocalDerivatives(op: Op, arity: Int) {
    var tape = Tape()
    let inputs = (0..<arity).map { tape.leaf(0.4 + 0.37 * Double($0)) }
    let y = tape.node(op, inputs)
    tape.forward()
    tape.backward(from: y)
    for leaf in inputs {
      #expect(close(tape.adjoints[leaf], centralDifference(tape, leaf: leaf, output: y)), "\(op) argument \(leaf)")
    }
  }

  /// A value used twice: the contributions add up (the fork rule).
  @Test func forkRuleAddsContributions() {
    var tape = Tape()
    let x = tape.leaf(3)
    let y = tape.leaf(-2)
    let q = tape.node(.product, [x, y])
    let f = tape.node(.sum, [q, x])  // f = x·y + x, ∂f/∂x = y + 1 = -1, ∂f/∂y = x = 3
    tape.forward()
    tape.backward(from: f)
    #expect(tape.values[f] == -3)
    #expect(tape.adjoints[x] == -1)
    #expect(tape.adjoints[y] == 3)
  }

  /// relu's derivative is exactly 0 at exactly 0; leaky_relu's is its slope there.
  @Test func reluKinkConvention() {
    var tape = Tape()
    let z = tape.leaf(0)
    let r = tape.node(.relu, [z])
    let l = tape.node(.leakyRelu(slope: 0.2), [z])
    tape.forward()
    #expect(tape.localDerivative(of: r, argument: 0) == 0)
    #expect(tape.localDerivative(of: l, argument: 0) == 0.2)
  }

  /// Saturated sigmoid and tanh keep their derivative's relative accuracy and never overflow.
  @Test func saturatedDerivativesStayAccurate() {
    for z in [30.0, -30.0, 700.0, -700.0, 1e4, -1e4] {
      let expectedSigmoid = exp(-abs(z)) / pow(1 + exp(-abs(z)), 2)
      let expectedTanh = 4 * exp(-2 * abs(z)) / pow(1 + exp(-2 * abs(z)), 2)
      #expect(close(Math.sigmoidDerivative(z), expectedSigmoid, 1e-12))
      #expect(close(Math.tanhDerivative(z), expectedTanh, 1e-12))
      #expect(Math.sigmoid(z).isFinite)
    }
    // σ'(30) ≈ e^-30: computing σ(1 − σ) would give exactly 0 here.
    #expect(close(Math.sigmoidDerivative(30), 9.357622968839299e-14, 1e-12))
    #expect(Math.sigmoid(-1e4) == 0)
    #expect(Math.sigmoid(1e4) == 1)
  }

  /// Losses computed from logits stay finite where the probability saturates.
  @Test func logitLossesStayFinite() {
    var tape = Tape()
    let z = tape.leaf(1e4)
    let t = tape.leaf(0)
    let bce = tape.node(.binaryCrossEntropyWithLogits, [z, t])
    tape.forward()
    #expect(tape.values[bce] == 1e4)  // −ln(1 − σ(10⁴)) = 10⁴ + ln(1 + e^−10⁴)
    var ce = Tape()
    let a = ce.leaf(1e4)
    let b = ce.leaf(-1e4)
    let ta = ce.leaf(0)
    let tb = ce.leaf(1)
    let loss = ce.node(.softmaxCrossEntropy, [a, b, ta, tb])
    ce.forward()
    ce.backward(from: loss)
    #expect(ce.values[loss] == 2e4)
    #expect(ce.adjoints[a] == 1)
    #expect(ce.adjoints[b] == -1)
  }

  /// A zero upstream gradient is not multiplied into an infinite local derivative.
  @Test func zeroAdjointDoesNotMakeNaN() {
    var tape = Tape()
    let x = tape.leaf(0)
    let s = tape.node(.sqrt, [x])  // local derivative is +inf at 0
    let zero = tape.node(.scale(0), [s])
    tape.forward()
    tape.backward(from: zero)
    #expect(tape.adjoints[x] == 0)
  }
}
