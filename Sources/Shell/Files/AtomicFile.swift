import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replacing a whole file so that anyone who reads it, even after nabla was killed half-way
/// through writing it, finds either the old file or the new one, never part of one.
///
/// The new content goes to a temporary file in the same folder, `.NAME.PID.RANDOM.tmp`, is
/// flushed to the disk, and is then renamed over the old file, which replaces it in one step.
/// The process id keeps two nablas writing the same file from sharing a temporary file, and
/// the random part two writes in one process. A process killed before the rename leaves its
/// temporary file behind; the next write of the same file removes it once no process with that
/// id is running.
///
/// The file keeps its permissions, and a symbolic link is written through, not replaced.
public enum AtomicFile {
  /// Why a file could not be written, in words for the learner ("permission denied").
  public struct Failure: Error, Equatable, Sendable {
    public let reason: String

    public init(reason: String) { self.reason = reason }

    /// The system's words for an error number, in lower case.
    public init(errno code: Int32) {
      reason = String(cString: strerror(code)).lowercased()
    }
  }

  /// Writes `data` as the whole of the file at `path`.
  public static func write(_ data: Data, to path: String) throws(Failure) {
    try replace(path) { temporary throws(Failure) in
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
      guard descriptor >= 0 else { throw Failure(errno: errno) }
      defer { close(descriptor) }
      let failure: Int32? = data.withUnsafeBytes { bytes in
        var done = 0
        while done < bytes.count {
          let written = systemWrite(descriptor, bytes.baseAddress! + done, bytes.count - done)
          if written < 0 {
            if errno == EINTR { continue }
            return errno
          }
          done += written
        }
        return nil
      }
      if let failure { throw Failure(errno: failure) }
    }
  }

  /// Replaces the file at `path` with what `fill` writes to the temporary path it is given.
  public static func replace(_ path: String, writing fill: (_ temporary: String) throws(Failure) -> Void)
    throws(Failure)
  {
    let target = resolvingLink(path)
    let temporary = temporaryPath(for: target)
    do throws(Failure) {
      try fill(temporary)
      try flush(temporary)
      var old = stat()
      if stat(target, &old) == 0 { chmod(temporary, old.st_mode & 0o7777) }
      guard rename(temporary, target) == 0 else { throw Failure(errno: errno) }
    } catch {
      unlink(temporary)
      throw error
    }
    removeLeftovers(of: target)
  }

  /// `.NAME.PID.RANDOM.tmp` beside the file, RANDOM being eight hexadecimal digits.
  public static func temporaryPath(for path: String) -> String {
    let (folder, name) = split(path)
    let random = String(format: "%08x", UInt32.random(in: 0 ... .max))
    return Path.join(folder, ".\(name).\(getpid()).\(random).tmp")
  }

  /// Removes the temporary files of `path` that no running process is writing.
  public static func removeLeftovers(of path: String) {
    let (folder, name) = split(path)
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    let prefix = ".\(name)."
    for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
      let parts = entry.dropFirst(prefix.count).dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count == 2, parts[1].count == 8, UInt32(parts[1], radix: 16) != nil,
        let pid = pid_t(parts[0]), pid > 0, pid != getpid()
      else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH {
        unlink(Path.join(folder, entry))
      }
    }
  }

  private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
      Musl.write(descriptor, bytes, count)
    #else
      Darwin.write(descriptor, bytes, count)
    #endif
  }

  private static func split(_ path: String) -> (folder: String, name: String) {
    let folder = Path.folder(path)
    return (folder.isEmpty ? "." : folder, Path.name(path))
  }

  /// The file a symbolic link points to (following links to links), or `path` itself.
  private static func resolvingLink(_ path: String) -> String {
    var current = path
    for _ in 0..<32 {
      guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
        return current
      }
      current =
        destination.hasPrefix("/")
        ? destination
        : Path.join(Path.folder(current), destination)
    }
    return path
  }

  /// Makes sure the temporary file's content is on the disk before it replaces the old file.
  private static func flush(_ path: String) throws(Failure) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(errno: errno) }
    defer { close(descriptor) }
    while fsync(descriptor) != 0 {
      if errno != EINTR { throw Failure(errno: errno) }
    }
  }
}
