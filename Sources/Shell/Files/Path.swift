/// File paths taken apart and put together as plain strings. (Foundation's `NSString` path
/// methods crash on Linux for a path one character long, such as `save a`.)
public enum Path {
  /// The folder part: "" for "net.json", "/" for "/net.json", "a/b" for "a/b/c.json".
  public static func folder(_ path: String) -> String {
    let trimmed = trimmingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    let folder = trimmed[..<slash]
    return folder.isEmpty ? "/" : trimmingSlashes(String(folder))
  }

  /// The last part: "c.json" for "a/b/c.json".
  public static func name(_ path: String) -> String {
    let trimmed = trimmingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// `name` without its extension: "c" for "a/b/c.json"; a name that starts with its only
  /// dot keeps it (".hidden").
  public static func stem(_ path: String) -> String {
    let last = name(path)
    guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
    return String(last[..<dot])
  }

  /// The extension, without the dot: "json" for "a/b/c.json"; "" when there is none.
  public static func `extension`(_ path: String) -> String {
    let last = name(path)
    guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
    return String(last[last.index(after: dot)...])
  }

  /// `part` inside `folder`.
  public static func join(_ folder: String, _ part: String) -> String {
    if folder.isEmpty { return part }
    if part.isEmpty { return folder }
    return (folder.hasSuffix("/") ? folder : folder + "/") + (part.hasPrefix("/") ? String(part.dropFirst()) : part)
  }

  private static func trimmingSlashes(_ path: String) -> String {
    var result = path
    while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
    return result
  }
}
