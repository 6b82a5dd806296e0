import Foundation
import Shell

/// Where a lesson's own lines may read and write files: they read beside the lesson file
/// and write in a folder the learner chose, by default one per lesson in nabla's data folder.
public enum LessonFiles {
  /// The largest lesson file nabla reads.
  public static let maxBytes = 4 * 1024 * 1024

  /// A lesson file's text, or a one-line reason it cannot be read (missing, a folder, too
  /// large, not UTF-8).
  public static func read(_ path: String) -> Result<String, LessonProblem> {
    do {
      return .success(try FileAccess().readText(path, limit: maxBytes, what: "lesson files").text)
    } catch {
      return .failure(LessonProblem(error.message))
    }
  }

  /// Fails when `--lesson-files` names something that is not a folder (it may not exist yet).
  public static func validateFolder(_ folder: String?) throws(LessonProblem) {
    guard let folder else { return }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw LessonProblem(
        "--lesson-files needs a folder, and '\(folder)' is a file; name a folder (it is made if missing)")
    }
  }

  /// Whether a script is a lesson: it has lesson metadata (`#! title: …` and the like).
  public static func isLesson(_ text: String) -> Bool {
    text.split(whereSeparator: \.isNewline).prefix(200).contains { line in
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      guard trimmed.hasPrefix("#!") else { return false }
      let key = trimmed.dropFirst(2).prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces).lowercased()
      return ["title", "summary", "minutes", "requires"].contains(key)
    }
  }

  /// `$XDG_DATA_HOME/nabla/lesson-files/NAME` (or `~/.local/share/…`) for the lesson file
  /// `NAME.nabla`; a temporary folder when there is no home.
  public static func defaultFolder(for lessonFile: String) -> String {
    // A file called '...nabla' must not make a folder called '..'.
    let stem = Path.stem(lessonFile).drop { $0 == "." }
    let name = stem.isEmpty ? "lesson" : String(stem)
    let environment = ProcessInfo.processInfo.environment
    let data: String
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      data = xdg
    } else if let home = environment["HOME"], !home.isEmpty {
      data = home + "/.local/share"
    } else {
      data = NSTemporaryDirectory()
    }
    return Path.join(data, "nabla/lesson-files/" + name)
  }

  /// The confinement for the lesson at `lessonFile`, writing in `output` (or the default).
  public static func confinement(lessonFile: String, output: String? = nil) -> FileAccess.Confinement {
    let source = Path.folder(lessonFile)
    return FileAccess.Confinement(
      source: FileAccess.resolved(source.isEmpty ? "." : source),
      output: FileAccess.resolved(output ?? defaultFolder(for: lessonFile)))
  }
}
