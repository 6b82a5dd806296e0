import Foundation
import Testing

@testable import Shell

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct DiagramTests {
  static func session() -> Session {
    var session = Session()
    for line in RunCommands.mazurSetup + ["backward"] { _ = session.execute(line) }
    return session
  }

  /// Collects the text of an XML document, failing on any error.
  final class Reader: NSObject, XMLParserDelegate {
    var text = ""
    var elements = 0
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      elements += 1
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string + " " }
  }

  @Test func svgIsWellFormedAndNamesEveryParameter() throws {
    var session = Self.session()
    let path = SaveFileTests.temporaryPath("net.svg")
    #expect(session.execute("draw \(path)").status == .ok)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let parser = XMLParser(data: data)
    let reader = Reader()
    parser.delegate = reader
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(reader.elements > 20)
    let f = NumberFormat(digits: 4)
    for p in session.model.network.parameters {
      #expect(reader.text.contains("\(p.name) = \(f(p.value))"), "\(p.name)")
    }
    #expect(reader.text.contains("out 0.7514"))  // out_o1 of the worked example
  }

  @Test func dotNamesEveryParameterAndEdge() throws {
    var session = Self.session()
    let path = SaveFileTests.temporaryPath("net.dot")
    #expect(session.execute("draw \(path)").status == .ok)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix("digraph nabla {"))
    #expect(text.contains("\"h1\" -> \"o1\" [label=\"w5 = 0.4\\n∂E/∂w5 = 0.082167\""))
    for p in session.model.network.parameters { #expect(text.contains("\(p.name) = "), "\(p.name)") }
  }

  @Test func bigNetworksGetACompactListingAndBadFilesAreRefused() {
    var session = Session()
    _ = session.execute("input x1 x2")
    _ = session.execute("layer a1 a2 a3 a4 a5 a6 tanh")
    _ = session.execute("layer y sigmoid")
    #expect(session.execute("draw").output.hasPrefix("(too big to draw in 100 columns; one line a neuron)"))
    let before = session
    let reply = session.execute("draw net.png")
    #expect(reply.output == "'net.png' is out of range: draw writes .svg or .dot files, e.g. 'draw net.svg'")
    #expect(session == before)
  }

  @Test func functionGraphsAreDrawnToo() throws {
    var session = Session()
    for line in ["let x = -2, y = 5, z = -4", "f = (x + y) * z", "grad f"] { _ = session.execute(line) }
    #expect(session.execute("draw f").output.hasPrefix("f = q1 * z   value -12   ∂f/∂f = 1"))
    let svg = SaveFileTests.temporaryPath("f.svg")
    #expect(session.execute("draw f \(svg)").output == "drew the graph of f (5 nodes) to \(svg)")
    let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg)))
    let reader = Reader()
    parser.delegate = reader
    #expect(parser.parse())
    for text in ["q1 = x + y", "value -12", "∂f/∂x = -4", "∂f/∂z = 3"] {
      #expect(reader.text.contains(text), "\(text)")
    }
    let dot = SaveFileTests.temporaryPath("f.dot")
    _ = session.execute("draw f \(dot)")
    let text = try String(contentsOfFile: dot, encoding: .utf8)
    #expect(text.contains("label=\"q1 = x + y\\nvalue 3\\n∂f/∂q1 = -4\""))
  }
}
