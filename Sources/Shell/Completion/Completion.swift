import Foundation
import Network

/// Tab completion: a pure function from a line and a cursor position to candidates.
public enum Completion {
  public struct Result: Equatable, Sendable {
    /// The part of the word before the cursor that the candidates complete.
    public var word: String
    /// Every word that fits, sorted.
    public var candidates: [String]
    /// The longest text every candidate starts with (at least `word`).
    public var commonPrefix: String
  }

  /// Candidates for the word that ends at `cursor` (a character offset into `line`).
  /// `files` lists the entries of a folder, for file-name completion.
  public static func complete(
    _ line: String, cursor: Int, session: Session,
    files: (String) -> [String] = Completion.listFolder
  ) -> Result {
    let before = String(line.prefix(max(0, min(cursor, line.count))))
    var words = before.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    let word = before.last.map { $0.isWhitespace } ?? true ? "" : (words.popLast() ?? "")
    var candidates: [String]
    if words.isEmpty {
      candidates = CommandTable.names
    } else if let spec = CommandTable.lookup(words[0]) {
      let kinds = spec.complete(Array(words.dropFirst()))
      candidates = kinds.flatMap { Completion.words(of: $0, session: session, word: word, files: files) }
    } else {
      candidates = []
    }
    let matching = Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
    return Result(word: word, candidates: matching, commonPrefix: commonPrefix(matching) ?? word)
  }

  static func words(of kind: WordKind, session: Session, word: String, files: (String) -> [String]) -> [String] {
    let net = session.model.network
    switch kind {
    case .command: return CommandTable.names
    case .neuron: return net.neurons.map(\.name)
    case .computingNeuron: return net.neurons.filter { !$0.isInput }.map(\.name)
    case .parameter: return net.parameters.map(\.name)
    case .function: return session.model.workspace.definitions.map(\.name)
    case .variable: return session.model.workspace.variables
    case .activation: return Activation.allCases.map(\.rawValue)
    case .loss: return LossFunction.allCases.map(\.rawValue)
    case .initScheme: return InitScheme.allCases.map(\.rawValue)
    case .keyword(let list): return list
    case .file:
      let slash = word.lastIndex(of: "/")
      let folder = slash.map { String(word[...$0]) } ?? ""
      return files(folder.isEmpty ? "." : folder).map { folder + $0 }
    }
  }

  static func commonPrefix(_ words: [String]) -> String? {
    guard var prefix = words.first else { return nil }
    for word in words.dropFirst() {
      while !word.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }

  /// The entries of a folder, with `/` after sub-folders; hidden entries left out.
  @Sendable public static func listFolder(_ path: String) -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return entries.filter { !$0.hasPrefix(".") }.map { entry in
      var isDirectory: ObjCBool = false
      let full = (path as NSString).appendingPathComponent(entry)
      _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
      return isDirectory.boolValue ? entry + "/" : entry
    }
  }
}
