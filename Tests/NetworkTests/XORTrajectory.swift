/// The loss of the XOR run in `xorTrainsAlongAKnownTrajectory` at a few epochs, computed
/// independently with plain float64 arithmetic in Python (sigmoid, ½(t − o)² averaged over the
/// four examples, full batch, rate 2, from the same starting weights), printed with repr().
enum XORTrajectory {
  static let points: [(Int, Double)] = [
    (1, 0.12712456199710892),
    (2, 0.12639161638340746),
    (10, 0.12517134565825966),
    (100, 0.12506454933595862),
    (500, 0.12423192078672253),
    (1000, 0.07512405093939192),
    (2000, 0.0020608413836622963),
    (3000, 0.0008596200592735677),
  ]
}
