import ArgumentParser
import Lessons

/// `--lesson-files DIR`: the folder the learner chose for the files lessons write, shared by
/// the shell and `nabla play`.
struct LessonFilesOption: ParsableArguments {
  @Option(
    name: .customLong("lesson-files"),
    help: "The folder for files lessons write (default: nabla/lesson-files/NAME in your data folder).")
  var folder: String?

  func validate() throws {
    do { try LessonFiles.validateFolder(folder) } catch { throw ValidationError(error.message) }
  }
}
