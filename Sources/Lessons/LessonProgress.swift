import Foundation
import Shell

/// Where each lesson was left, and how it went; saved after every step.
public struct LessonProgress: Codable, Equatable, Sendable {
  public struct Record: Codable, Equatable, Sendable {
    public var step = 0
    public var done = false
    public var attempts = 0
    public var hints = 0
    public var skips = 0
    public init() {}
  }

  public var lessons: [String: Record] = [:]

  public init() {}

  /// `$XDG_DATA_HOME/nabla/progress.json`, or `~/.local/share/nabla/progress.json`.
  public static func defaultFile() -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/nabla/progress.json" }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/share/nabla/progress.json"
  }

  /// Reads progress; a missing or unreadable file is no progress.
  public static func load(_ path: String) -> LessonProgress {
    guard let data = FileManager.default.contents(atPath: path),
      let progress = try? JSONDecoder().decode(LessonProgress.self, from: data)
    else { return LessonProgress() }
    return progress
  }

  /// Writes progress to a temporary file beside the real one and renames it over it.
  public func save(_ path: String) throws {
    let folder = Path.folder(path)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFile.write(try encoder.encode(self), to: path)
  }
}
