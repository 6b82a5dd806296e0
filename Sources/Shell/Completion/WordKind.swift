/// The kinds of word a command takes, for Tab completion.
enum WordKind: Sendable {
  case command
  case neuron
  /// A neuron that is not an input.
  case computingNeuron
  case parameter
  case function
  case variable
  case activation
  case loss
  case initScheme
  case file
  /// One of these fixed words.
  case keyword([String])
}
