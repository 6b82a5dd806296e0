import Foundation

/// A flat, scalar reverse-mode tape.
///
/// Nodes are appended in evaluation order, so the tape is already topologically
/// sorted. `forward()` computes every value and records every local derivative
/// ∂node/∂argument; `backward(from:)` seeds one node with 1 and sweeps in reverse,
/// accumulating `adjoint[argument] += adjoint[node] · local`. All storage is in
/// contiguous arrays that are reused from pass to pass, so a pass allocates nothing.
public struct Tape: Equatable, Sendable {
  public private(set) var ops: [Op] = []
  /// Where each node's arguments start in `arguments`; node `i` owns
  /// `arguments[argumentStart[i] ..< argumentStart[i + 1]]`.
  private var argumentStart: [Int] = [0]
  /// Every node's arguments, node after node.
  public private(set) var arguments: [Int] = []
  /// The local derivative of each node with respect to each of its arguments,
  /// parallel to `arguments`.
  public private(set) var locals: [Double] = []
  /// The value of every node after the last `forward()`.
  public var values: [Double] = []
  /// ∂seed/∂node for every node after the last `backward(from:)`.
  public private(set) var adjoints: [Double] = []
  /// The nodes that are operations (not leaves), in order: the only ones the sweeps visit.
  private var operations: [Int] = []

  public init() {}

  public var count: Int { ops.count }

  /// Appends a value set from outside (an input, parameter, target or constant).
  @discardableResult
  public mutating func leaf(_ value: Double = 0) -> Int {
    append(.leaf, [], value: value)
  }

  /// Appends an operation on earlier nodes.
  @discardableResult
  public mutating func node(_ op: Op, _ operands: [Int]) -> Int {
    precondition(operands.allSatisfy { $0 >= 0 && $0 < ops.count }, "operands must already exist")
    let index = append(op, operands, value: .nan)
    if op != .leaf { operations.append(index) }
    return index
  }

  private mutating func append(_ op: Op, _ operands: [Int], value: Double) -> Int {
    ops.append(op)
    arguments.append(contentsOf: operands)
    locals.append(contentsOf: repeatElement(0, count: operands.count))
    argumentStart.append(arguments.count)
    values.append(value)
    adjoints.append(0)
    return ops.count - 1
  }

  /// The arguments of `node`, in order.
  public func operands(of node: Int) -> ArraySlice<Int> {
    arguments[argumentStart[node]..<argumentStart[node + 1]]
  }

  /// ∂node/∂(its `k`-th argument), as recorded by the last `forward()`.
  public func localDerivative(of node: Int, argument k: Int) -> Double {
    locals[argumentStart[node] + k]
  }

  /// Evaluates every non-leaf node in order, recording local derivatives.
  public mutating func forward() {
    // Unchecked buffers: this loop is the engine's inner loop.
    ops.withUnsafeBufferPointer { ops in
      argumentStart.withUnsafeBufferPointer { starts in
        arguments.withUnsafeBufferPointer { arguments in
          values.withUnsafeMutableBufferPointer { values in
            locals.withUnsafeMutableBufferPointer { locals in
              for node in operations {
                Tape.evaluate(
                  ops[node], node: node, start: starts[node], end: starts[node + 1], arguments: arguments,
                  values: values, locals: locals)
              }
            }
          }
        }
      }
    }
  }

  /// Seeds `seed` with 1 and sweeps the tape in reverse.
  public mutating func backward(from seed: Int) {
    argumentStart.withUnsafeBufferPointer { starts in
      arguments.withUnsafeBufferPointer { arguments in
        locals.withUnsafeBufferPointer { locals in
          operations.withUnsafeBufferPointer { operations in
            adjoints.withUnsafeMutableBufferPointer { adjoints in
              adjoints.update(repeating: 0)
              adjoints[seed] = 1
              // Leaves pass nothing on: sweep the operations at or below the seed, last first.
              var i = operations.count - 1
              while i >= 0 {
                let node = operations[i]
                i -= 1
                if node > seed { continue }
                let g = adjoints[node]
                if g != 0 {
                  for k in starts[node]..<starts[node + 1] {
                    adjoints[arguments[k]] += g * locals[k]
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  // MARK: - The recipes

  @inline(__always)
  private static func evaluate(
    _ op: Op, node: Int, start: Int, end: Int, arguments: UnsafeBufferPointer<Int>,
    values: UnsafeMutableBufferPointer<Double>, locals: UnsafeMutableBufferPointer<Double>
  ) {
    let n = end - start
    @inline(__always) func x(_ k: Int) -> Double { values[arguments[start + k]] }
    var v: Double
    switch op {
    case .leaf:
      return
    case .sum:
      v = 0
      for k in 0..<n {
        v += x(k)
        locals[start + k] = 1
      }
    case .subtract:
      v = x(0) - x(1)
      locals[start] = 1
      locals[start + 1] = -1
    case .product:
      v = 1
      for k in 0..<n { v *= x(k) }
      for k in 0..<n {
        var others = 1.0
        for j in 0..<n where j != k { others *= x(j) }
        locals[start + k] = others
      }
    case .divide:
      let a = x(0)
      let b = x(1)
      v = a / b
      locals[start] = 1 / b
      locals[start + 1] = -a / (b * b)
    case .negate:
      v = -x(0)
      locals[start] = -1
    case .power:
      let a = x(0)
      let b = x(1)
      v = Foundation.pow(a, b)
      locals[start] = b == 0 ? 0 : b * Foundation.pow(a, b - 1)
      locals[start + 1] = a > 0 ? v * Foundation.log(a) : (a == 0 && b > 0 ? 0 : .nan)
    case .scale(let c):
      v = c * x(0)
      locals[start] = c
    case .exp:
      v = Foundation.exp(x(0))
      locals[start] = v
    case .log:
      v = Foundation.log(x(0))
      locals[start] = 1 / x(0)
    case .sqrt:
      v = x(0).squareRoot()
      locals[start] = 1 / (2 * v)
    case .abs:
      let a = x(0)
      v = Swift.abs(a)
      locals[start] = a > 0 ? 1 : (a < 0 ? -1 : 0)
    case .sin:
      v = Foundation.sin(x(0))
      locals[start] = Foundation.cos(x(0))
    case .cos:
      v = Foundation.cos(x(0))
      locals[start] = -Foundation.sin(x(0))
    case .tanh:
      v = Foundation.tanh(x(0))
      locals[start] = Math.tanhDerivative(x(0))
    case .sigmoid:
      v = Math.sigmoid(x(0))
      locals[start] = Math.sigmoidDerivative(x(0))
    case .relu:
      let a = x(0)
      v = a > 0 ? a : 0
      locals[start] = a > 0 ? 1 : 0
    case .linear:
      v = x(0)
      locals[start] = 1
    case .leakyRelu(let slope):
      let a = x(0)
      v = a > 0 ? a : slope * a
      locals[start] = a > 0 ? 1 : slope
    case .max:
      let first = x(0) >= x(1)
      v = first ? x(0) : x(1)
      locals[start] = first ? 1 : 0
      locals[start + 1] = first ? 0 : 1
    case .min:
      let first = x(0) <= x(1)
      v = first ? x(0) : x(1)
      locals[start] = first ? 1 : 0
      locals[start + 1] = first ? 0 : 1
    case .weightedSum:
      v = 0
      var k = 0
      while k + 1 < n {
        v += x(k) * x(k + 1)
        locals[start + k] = x(k + 1)
        locals[start + k + 1] = x(k)
        k += 2
      }
      if k < n {
        v += x(k)
        locals[start + k] = 1
      }
    case .softmax(let index):
      var m = -Double.infinity
      for k in 0..<n { m = Swift.max(m, x(k)) }
      var total = 0.0
      for k in 0..<n { total += Foundation.exp(x(k) - m) }
      v = Foundation.exp(x(index) - m) / total
      for k in 0..<n {
        let s = Foundation.exp(x(k) - m) / total
        locals[start + k] = (k == index ? v : 0) - v * s
      }
    case .halfSquaredError:
      let d = x(0) - x(1)
      v = 0.5 * d * d
      locals[start] = d
      locals[start + 1] = -d
    case .squaredError:
      let d = x(0) - x(1)
      v = d * d
      locals[start] = 2 * d
      locals[start + 1] = -2 * d
    case .binaryCrossEntropyWithLogits:
      let z = x(0)
      let t = x(1)
      v = Math.softplus(z) - t * z
      locals[start] = Math.sigmoid(z) - t
      locals[start + 1] = -z
    case .softmaxCrossEntropy:
      let classes = n / 2
      var m = -Double.infinity
      for k in 0..<classes { m = Swift.max(m, x(k)) }
      var total = 0.0
      var targetSum = 0.0
      for k in 0..<classes {
        total += Foundation.exp(x(k) - m)
        targetSum += x(classes + k)
      }
      let logSumExp = m + Foundation.log(total)
      v = 0
      for k in 0..<classes {
        let t = x(classes + k)
        v += t * (logSumExp - x(k))
        locals[start + k] = Foundation.exp(x(k) - m) / total * targetSum - t
        locals[start + classes + k] = logSumExp - x(k)
      }
    }
    values[node] = v
  }
}
