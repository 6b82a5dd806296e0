import Testing

@testable import Shell

/// Paths taken apart without Foundation's path methods, which crash on one-character paths.
@Suite struct PathTests {
  @Test(arguments: [
    ("a", "", "a", "a", ""), ("é", "", "é", "é", ""), ("~", "", "~", "~", ""), ("/a", "/", "a", "a", ""),
    ("net.json", "", "net.json", "net", "json"), ("a/b/c.json", "a/b", "c.json", "c", "json"),
    ("/x/y/", "/x", "y", "y", ""), (".hidden", "", ".hidden", ".hidden", ""),
    ("...nabla", "", "...nabla", "..", "nabla"),
    ("/", "/", "", "", ""),
  ])
  func partsOfAPath(path: String, folder: String, name: String, stem: String, ext: String) {
    #expect(Path.folder(path) == folder)
    #expect(Path.name(path) == name)
    #expect(Path.stem(path) == stem)
    #expect(Path.extension(path) == ext)
  }

  @Test func joining() {
    #expect(Path.join("", "a") == "a")
    #expect(Path.join("/x", "a") == "/x/a")
    #expect(Path.join("/x/", "a") == "/x/a")
    #expect(Path.join("/", "a") == "/a")
  }

  @Test func aOneCharacterFileIsSaved() throws {
    let folder = Path.folder(SaveFileTests.temporaryPath("x"))
    var session = Session()
    session.files.confinement = FileAccess.Confinement(source: folder, output: folder)
    _ = session.execute("input x")
    #expect(session.execute("save a").status == .ok)
    #expect(session.execute("data save b").output.contains("there are no examples"))
    try TextFile.write("x", to: Path.join(folder, "c"))
  }

  @Test func commentLinesAreNotRecordedForExport() {
    var session = Session()
    _ = session.execute("# a comment")
    _ = session.execute("input x")
    #expect(session.log.map(\.line) == ["input x"])
  }
}
