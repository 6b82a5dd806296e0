/// The kinds of word a command takes, for Tab completion.
enum WordKind: Equatable, Sendable {
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
  /// A lesson's number or name (the front end knows them).
  case lesson
  /// One of these fixed words.
  case keyword([String])
}
