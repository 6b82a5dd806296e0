import Foundation

/// Which files the commands of a session may read and write.
///
/// The learner's own commands and scripts name files as they like. A lesson's lines are
/// confined: a lesson reads only files in its own folder, and writes only in the folder the
/// learner chose for it (and may read back what it wrote there). It may not name a file by an
/// absolute path, go up with `..`, or follow a symbolic link out of those folders.
public struct FileAccess: Sendable {
  /// The folders a lesson is held to.
  public struct Confinement: Equatable, Sendable {
    /// The lesson file's folder: where it reads.
    public var source: String
    /// The folder the learner chose for what the lesson writes.
    public var output: String

    public init(source: String, output: String) {
      self.source = source
      self.output = output
    }
  }

  /// nil while the learner's own commands run.
  public var confinement: Confinement?
  /// Every file a lesson's lines have written (as resolved), oldest first.
  public internal(set) var written: [String] = []

  public init(confinement: Confinement? = nil) { self.confinement = confinement }

  /// The path to read for `path` as a command names it.
  func readable(_ path: String) throws(ShellError) -> String {
    guard let confinement else { return path }
    try Self.checkRelative(path, confinement)
    // A file the lesson itself wrote in its folder comes first; nothing else of that folder.
    let own = Path.join(confinement.output, path)
    if FileManager.default.fileExists(atPath: own), written.contains(where: { Self.resolved($0) == Self.resolved(own) })
    {
      try Self.checkInside(own, confinement.output, path, confinement)
      return own
    }
    let beside = Path.join(confinement.source, path)
    try Self.checkInside(beside, confinement.source, path, confinement)
    return beside
  }

  /// The path to write for `path` as a command names it.
  func writable(_ path: String) throws(ShellError) -> String {
    guard let confinement else { return path }
    try Self.checkRelative(path, confinement)
    let target = Path.join(confinement.output, path)
    do {
      try FileManager.default.createDirectory(atPath: confinement.output, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: confinement.output, reason: SessionCommands.reason(error))
    }
    var status = stat()
    if lstat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK {
      throw .outsideLesson(path: path, reason: "it is a symbolic link", confinement: confinement)
    }
    try Self.checkInside(Path.folder(target), confinement.output, path, confinement)
    return target
  }

  /// Writes a whole file where `path` may go (and remembers it if a lesson wrote it).
  mutating func write(_ text: String, to path: String) throws(ShellError) -> String {
    let target = try writable(path)
    try TextFile.write(text, to: target)
    if confinement != nil, !written.contains(target) { written.append(target) }
    return target
  }

  /// Reads a whole file of at most `limit` bytes; `what` names the kind in the message.
  func read(_ path: String, limit: Int, what: String) throws(ShellError) -> (path: String, data: Data) {
    let resolved = try readable(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
      throw .cannotRead(path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else { throw .cannotRead(path: path, reason: "it is a folder") }
    // A pipe or a device could block for ever or never end: only plain files are read.
    let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
    guard type == .typeRegular else { throw .cannotRead(path: path, reason: "it is not a plain file") }
    guard let handle = FileHandle(forReadingAtPath: resolved) else {
      throw .cannotRead(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    // Read at most one byte past the limit, so a huge file (or an endless one such as a
    // device) costs no more memory than the limit.
    let data: Data
    do {
      data = try handle.read(upToCount: limit + 1) ?? Data()
    } catch {
      throw .cannotRead(path: path, reason: SessionCommands.reason(error))
    }
    guard data.count <= limit else { throw .tooLarge(path: path, limit: Self.megabytes(limit), what: what) }
    return (resolved, data)
  }

  /// Reads a whole UTF-8 text file of at most `limit` bytes.
  public func readText(_ path: String, limit: Int, what: String) throws(ShellError) -> (path: String, text: String) {
    let (resolved, data) = try read(path, limit: limit, what: what)
    guard let text = String(data: data, encoding: .utf8) else {
      throw .cannotRead(path: path, reason: "it is not UTF-8 text")
    }
    return (resolved, text)
  }

  static func megabytes(_ bytes: Int) -> String { "\(bytes / (1024 * 1024)) MB" }

  private static func checkRelative(_ path: String, _ confinement: Confinement) throws(ShellError) {
    if path.hasPrefix("/") || path.hasPrefix("~") {
      throw .outsideLesson(path: path, reason: "it is an absolute path", confinement: confinement)
    }
    if path.split(separator: "/").contains("..") {
      throw .outsideLesson(path: path, reason: "it goes up with '..'", confinement: confinement)
    }
    if path.contains("\0") { throw .outsideLesson(path: path, reason: "it has a NUL byte", confinement: confinement) }
  }

  /// Fails unless `candidate`, with every symbolic link followed, is inside `folder`.
  private static func checkInside(
    _ candidate: String, _ folder: String, _ path: String, _ confinement: Confinement
  ) throws(ShellError) {
    let root = resolved(folder)
    let real = resolved(candidate)
    guard real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
      throw .outsideLesson(path: path, reason: "a symbolic link leads out of the folder", confinement: confinement)
    }
  }

  /// The path with every symbolic link followed; for a path that does not exist yet, its
  /// longest existing ancestor is resolved and the rest appended.
  public static func resolved(_ path: String) -> String {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var existing = absolute
    var rest: [String] = []
    while !existing.isEmpty {
      if let real = realpath(existing, nil) {
        defer { free(real) }
        let base = String(cString: real)
        return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
      }
      rest.append(Path.name(existing))
      let parent = Path.folder(existing)
      if parent == existing { break }
      existing = parent
    }
    return absolute
  }
}
