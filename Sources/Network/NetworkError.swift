/// Everything that can go wrong when building or running a network.
/// These are data; the shell turns them into one-line messages.
public enum NetworkError: Error, Equatable, Sendable {
  case invalidName(String)
  case nameTaken(String)
  case duplicateName(String)
  case unknownNeuron(String)
  case noInputs
  case noNeurons
  case inputCannotReceive(String)
  case selfConnection(String)
  case alreadyConnected(from: String, to: String)
  case wouldMakeCycle(from: String, to: String)
  case cycle(through: String)
  case biasWithoutNeurons(String)
  case biasOnInput(String, String)
  case twoBiases(String)
  case dropoutNotHidden(String)
  case inputHasNoActivation(String)
  case softmaxNotOutput(String)
  case softmaxMixed(String)
  case lossNeedsActivation(loss: LossFunction, neuron: String, needs: Activation)
  case noExamples
  case exampleShape(index: Int, inputs: Int, targets: Int, wantInputs: Int, wantTargets: Int)
  case notFinite(neuron: String, example: Int)
  case lossNotFinite(example: Int)
  case parameterNotFinite(String)
  case tooLarge(neurons: Int, parameters: Int)
}
