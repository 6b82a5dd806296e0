import Foundation

/// Writing a whole file at once: to a temporary file beside it, then renamed over it, so a
/// reader never sees half of it, even if nabla is killed while writing (see `AtomicFile`).
enum TextFile {
  static func write(_ text: String, to path: String) throws(ShellError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw .cannotWrite(path: path, reason: "it is a folder")
    }
    let folder = Path.folder(path)
    if !folder.isEmpty,
      !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue
    {
      throw .cannotWrite(path: path, reason: "there is no folder '\(folder)'")
    }
    do {
      try AtomicFile.write(Data(text.utf8), to: path)
    } catch {
      throw .cannotWrite(path: path, reason: error.reason)
    }
  }
}
