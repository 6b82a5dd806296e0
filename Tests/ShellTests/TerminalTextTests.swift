import Testing

@testable import Shell

@Suite struct TerminalTextTests {
  @Test func asciiSpellsEverySymbol() {
    #expect(
      TerminalText.ascii("δ_o1 = ∂E/∂net_o1 = 0.7 × 0.2 − ½(t − o)²")
        == "delta_o1 = dE/dnet_o1 = 0.7 * 0.2 - 1/2(t - o)^2")
    #expect(TerminalText.ascii("w1 = i1→h1 … Σ α") == "w1 = i1->h1 ... sum alpha")
  }

  /// Every transcript's output becomes pure ASCII.
  @Test func transcriptsBecomePureASCII() throws {
    var session = Session()
    for line in RunCommands.mazurSetup + ["forward", "backward", "explain w1", "gradcheck", "update", "help"] {
      let text = TerminalText.ascii(session.execute(line).output)
      let other = text.unicodeScalars.filter { !$0.isASCII }
      #expect(other.isEmpty, "\(line): \(String(other))")
    }
  }

  @Test func colourRepeatsWhatTheTextSays() {
    let colored = TerminalText.colored("output o1:\n  δ_o1 = 0.5 × 0.2 = 0.1\n  w1  0.1  0.1  1e-9  good")
    #expect(colored.contains("\u{1B}[1moutput o1:\u{1B}[0m"))
    #expect(colored.contains("= \u{1B}[36m0.1\u{1B}[0m"))
    #expect(colored.contains("\u{1B}[32mgood\u{1B}[0m"))
    // Removing the escapes gives the plain text back.
    let plain = colored.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    #expect(plain == "output o1:\n  δ_o1 = 0.5 × 0.2 = 0.1\n  w1  0.1  0.1  1e-9  good")
  }

  @Test func quotedWordsKeepTheirSpaces() throws {
    #expect(try Tokenizer.words("save \"my net.json\"") == ["save", "my net.json"])
    #expect(try Tokenizer.words("load 'a b' # comment") == ["load", "a b"])
    #expect(try Tokenizer.words("set w1 0.5 # why") == ["set", "w1", "0.5"])
    #expect(throws: ShellError.unterminatedQuote("\"")) { try Tokenizer.words("save \"oops") }
  }

  @Test func drawingsColourWeightsBySignAndSize() {
    let line = "│i1 input   │ i1→ w1 -1.5   │h1 sigm    │ h1→ w5 0.4"
    let colored = TerminalText.colored(line)
    #expect(colored.contains("w1 \u{1B}[1m\u{1B}[31m-1.5\u{1B}[0m"))  // negative and large: bold red
    #expect(colored.contains("w5 \u{1B}[34m0.4\u{1B}[0m"))  // positive and small: blue
    #expect(colored.replacing(/\u{1B}\[[0-9;]*m/, with: "") == line)
  }

  /// The worked example's drawing fits 100 columns, as any network of up to 4 columns of 4 would.
  @Test func drawingsFitOneHundredColumns() {
    var session = Session()
    for line in ["input a1 a2 a3 a4", "layer c1 c2 c3 c4 tanh", "layer d1 d2 d3 d4 tanh", "layer y1 y2 y3 y4 sigmoid"] {
      _ = session.execute(line)
    }
    let drawing = session.execute("draw").output
    #expect(drawing.hasPrefix("┌"))
    #expect(drawing.split(separator: "\n").allSatisfy { $0.count <= 100 })
  }
}
