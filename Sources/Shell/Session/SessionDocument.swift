import Foundation

/// One command of the session as it happened, for `export`.
public struct LogEntry: Equatable, Sendable {
  public var line: String
  public var output: String
  public var isError: Bool
  /// For `draw`: the network as SVG at that moment.
  public var svg: String?
}

extension Session {
  /// `record on|off` and `export FILE.md|FILE.html`.
  mutating func document(_ command: CommandSpec, _ arguments: [String]) -> Reply {
    func fail(_ error: ShellError) -> Reply { Reply(error: error) }
    if command.name == "record" {
      guard arguments.count == 1, let word = arguments.first, ["on", "off"].contains(word) else {
        return arguments.isEmpty
          ? .ok("recording is \(recording ? "on" : "off"); \(log.count) command\(log.count == 1 ? "" : "s") recorded")
          : fail(.unexpected(command: "record", word: arguments[0], usage: command.synopsis))
      }
      recording = word == "on"
      return .ok(
        recording ? "recording: commands from now on go into 'export'" : "recording paused: 'record on' resumes it")
    }
    guard let path = arguments.first else {
      return fail(.missing(command: "export", what: "a file name ending in .html or .md", usage: command.synopsis))
    }
    if arguments.count > 1 { return fail(.unexpected(command: "export", word: arguments[1], usage: command.synopsis)) }
    let text: String
    switch Path.extension(path).lowercased() {
    case "html", "htm": text = SessionExport.html(log)
    case "md", "markdown": text = SessionExport.markdown(log)
    default: return fail(.outOfRange(word: path, rule: "export writes .html or .md files, e.g. 'export lesson.html'"))
    }
    let target: String
    do {
      target = try files.write(text, to: path)
    } catch {
      return fail(error)
    }
    return .ok("exported \(log.count) command\(log.count == 1 ? "" : "s") to \(target)")
  }
}

/// The session as a document a student can keep: every command and its output, with the
/// network's drawings inline. The HTML is one file that needs nothing from the network.
enum SessionExport {
  static func escape(_ text: String) -> String { Diagram.escape(text) }

  static func markdown(_ log: [LogEntry]) -> String {
    var parts = ["# A nabla session", "", "Every command, with what nabla printed.", ""]
    for entry in log {
      parts.append("```")
      parts.append("nabla> " + entry.line)
      if !entry.output.isEmpty { parts.append((entry.isError ? "error: " : "") + entry.output) }
      parts.append("```")
      parts.append("")
    }
    return parts.joined(separator: "\n")
  }

  static func html(_ log: [LogEntry]) -> String {
    var body: [String] = []
    for entry in log {
      var block = "<div class=\"step\"><pre><span class=\"prompt\">nabla&gt; </span><b>\(escape(entry.line))</b>"
      if !entry.output.isEmpty {
        block +=
          "\n"
          + (entry.isError ? "<span class=\"error\">error: " + escape(entry.output) + "</span>" : escape(entry.output))
      }
      block += "</pre>"
      if let svg = entry.svg {
        block +=
          "<div class=\"figure\">"
          + svg.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "") + "</div>"
      }
      body.append(block + "</div>")
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>A nabla session</title>
      <style>
        body { font-family: Helvetica, Arial, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
        pre { background: #f7f7f4; padding: 0.8rem 1rem; border-radius: 6px; overflow-x: auto; font-size: 0.95rem; line-height: 1.35; }
        .prompt { color: #777; }
        .error { color: #b00020; }
        .figure svg { max-width: 100%; height: auto; }
      </style>
      </head>
      <body>
      <h1>A nabla session</h1>
      <p>Every command, with what nabla printed: the numbers, the arithmetic and the chain rule as they happened.</p>
      \(body.joined(separator: "\n"))
      </body>
      </html>

      """
  }
}
