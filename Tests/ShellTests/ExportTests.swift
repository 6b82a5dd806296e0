import Foundation
import Testing

@testable import Shell

@Suite struct ExportTests {
  static func session() -> Session {
    var session = Session()
    for line in RunCommands.mazurSetup + [
      "forward", "draw", "record off", "show weights", "record on", "forwrd", "backward",
    ] {
      _ = session.execute(line)
    }
    return session
  }

  @Test func htmlHoldsEveryRecordedCommandAndTheDrawingInline() throws {
    var session = Self.session()
    let path = SaveFileTests.temporaryPath("session.html")
    #expect(session.execute("export \(path)").output == "exported 10 commands to \(path)")
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("</html>"))
    for line in RunCommands.mazurSetup + ["forward", "draw", "backward"] {
      #expect(html.contains("<b>\(line.replacingOccurrences(of: ">", with: "&gt;"))</b>"), "\(line)")
    }
    #expect(!html.contains("<b>show weights</b>"))  // recorded while 'record off'
    #expect(html.contains("<span class=\"error\">error: unknown command 'forwrd'"))
    #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    // The drawing inline names every parameter with its value.
    let f = NumberFormat(digits: 4)
    for p in session.model.network.parameters {
      #expect(html.contains("\(p.name) = \(f(p.value))"), "\(p.name)")
    }
    #expect(html.contains("∂E/∂w5 = δ_o1·out_h1 = 0.138498562 × 0.593269992 = 0.0821670406"))
    #expect(!html.contains("http://") || !html.contains("src=\"http"))  // nothing fetched from the network
    // Each page element is closed as often as it is opened.
    for tag in ["div", "pre", "svg", "b"] {
      let opened = html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
      #expect(opened == html.components(separatedBy: "</\(tag)>").count - 1, "\(tag)")
    }
  }

  @Test func markdownAndRecordStatus() throws {
    var session = Self.session()
    let path = SaveFileTests.temporaryPath("session.md")
    _ = session.execute("export \(path)")
    let md = try String(contentsOfFile: path, encoding: .utf8)
    #expect(md.hasPrefix("# A nabla session"))
    #expect(md.contains("```\nnabla> forward\nexample 1 of 1: i1 = 0.05, i2 = 0.1"))
    #expect(session.execute("record").output == "recording is on; 10 commands recorded")
    let before = session
    #expect(
      session.execute("export notes.pdf").output
        == "'notes.pdf' is out of range: export writes .html or .md files, e.g. 'export lesson.html'")
    #expect(session.execute("record maybe").output == "'record' does not take 'maybe'; usage: record on|off")
    #expect(session == before)
  }
}
