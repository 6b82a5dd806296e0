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
    /// With exactly one candidate: the text to put in place of `word` (quoted when it holds
    /// spaces, then a space unless it is a folder).
    public var replacement: String? {
      guard candidates.count == 1, let only = candidates.first else { return nil }
      let quoted = only.contains(" ") || quote != nil ? "\"" + only + (only.hasSuffix("/") ? "" : "\"") : only
      return quoted + (only.hasSuffix("/") ? "" : " ")
    }
    /// The quote the word began with, if any (not part of `word`).
    public var quote: Character?
    /// How many characters to delete before inserting `replacement` (the word and its quote).
    public var typedLength: Int { word.count + (quote == nil ? 0 : 1) }
  }

  /// Candidates for the word that ends at `cursor` (a character offset into `line`).
  /// `files` lists the entries of a folder, for file-name completion.
  public static func complete(
    _ line: String, cursor: Int, session: Session,
    files: (String) -> [String] = Completion.listFolder, lessons: () -> [String] = { [] }
  ) -> Result {
    let before = String(line.prefix(max(0, min(cursor, line.count))))
    var words = before.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    var word = before.last.map { $0.isWhitespace } ?? true ? "" : (words.popLast() ?? "")
    // A quoted file name: the words before it are split as usual; the quote is put back later.
    var quote: Character?
    if let q = before.lastIndex(where: { $0 == "\"" || $0 == "'" }),
      before[before.index(after: q)...].contains(" ") || word.first == before[q]
    {
      quote = before[q]
      word = String(before[before.index(after: q)...])
      words = before[..<q].split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
    var candidates: [String]
    if words.isEmpty {
      candidates = CommandTable.names
    } else if let spec = CommandTable.lookup(words[0]) {
      let kinds = spec.complete(Array(words.dropFirst()))
      candidates = kinds.flatMap { kind in
        kind == .lesson ? lessons() : Completion.words(of: kind, session: session, word: word, files: files)
      }
    } else {
      candidates = []
    }
    let matching = Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
    return Result(word: word, candidates: matching, commonPrefix: commonPrefix(matching) ?? word, quote: quote)
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
    case .lesson: return []
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
      let full = Path.join(path, entry)
      _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
      return isDirectory.boolValue ? entry + "/" : entry
    }
  }
}
