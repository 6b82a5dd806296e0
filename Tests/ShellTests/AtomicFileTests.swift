import Foundation
import Testing

@testable import Shell

@Suite struct AtomicFileTests {
  static func folder() -> String {
    (SaveFileTests.temporaryPath("x") as NSString).deletingLastPathComponent
  }

  static func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func replacesTheWholeFileAndLeavesNothingBeside() throws {
    let folder = Self.folder()
    let path = folder + "/net.json"
    try AtomicFile.write(Data("old".utf8), to: path)
    try AtomicFile.write(Data("new".utf8), to: path)
    #expect(Self.contents(path) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["net.json"])
  }

  @Test func theTemporaryFileIsHiddenBesideTheFileAndNamedForTheProcessAndTheWrite() throws {
    let first = AtomicFile.temporaryPath(for: "/a/b/net.json")
    let pattern = try Regex("^/a/b/\\.net\\.json\\.\(getpid())\\.[0-9a-f]{8}\\.tmp$")
    #expect(first.wholeMatch(of: pattern) != nil)
    #expect(AtomicFile.temporaryPath(for: "/a/b/net.json") != first)
    #expect(AtomicFile.temporaryPath(for: "net.json").hasPrefix("./.net.json.\(getpid())."))
  }

  @Test func writesAtOnceToOneFileDoNotGetInEachOthersWay() async throws {
    let path = Self.folder() + "/net.json"
    let texts = (0..<8).map { String(repeating: "\($0)", count: 100_000) }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for text in texts { group.addTask { try AtomicFile.write(Data(text.utf8), to: path) } }
      try await group.waitForAll()
    }
    #expect(texts.contains(Self.contents(path) ?? ""))
  }

  @Test func removesWhatKilledProcessesLeftAndKeepsWhatRunningOnesWrite() throws {
    let folder = Self.folder()
    let path = folder + "/history"
    // No process has the largest id; the parent of this test is running.
    let dead = folder + "/.history.\(Int32.max).0123abcd.tmp"
    let running = folder + "/.history.\(getppid()).0123abcd.tmp"
    let other = folder + "/.history.\(Int32.max).old.tmp"
    for file in [dead, running, other] { #expect(FileManager.default.createFile(atPath: file, contents: Data())) }
    try AtomicFile.write(Data("1\n".utf8), to: path)
    #expect(!FileManager.default.fileExists(atPath: dead))
    #expect(FileManager.default.fileExists(atPath: running))
    #expect(FileManager.default.fileExists(atPath: other))
  }

  @Test func keepsThePermissionsOfTheFileItReplaces() throws {
    let path = Self.folder() + "/private.json"
    try AtomicFile.write(Data("old".utf8), to: path)
    #expect(chmod(path, 0o600) == 0)
    try AtomicFile.write(Data("new".utf8), to: path)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func writesThroughASymbolicLink() throws {
    let folder = Self.folder()
    try AtomicFile.write(Data("old".utf8), to: folder + "/real.json")
    try FileManager.default.createSymbolicLink(atPath: folder + "/link.json", withDestinationPath: "real.json")
    try AtomicFile.write(Data("new".utf8), to: folder + "/link.json")
    #expect(Self.contents(folder + "/real.json") == "new")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.json") == "real.json")
  }

  @Test func aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws {
    let folder = Self.folder()
    let path = folder + "/net.json"
    try AtomicFile.write(Data("old".utf8), to: path)
    #expect(throws: AtomicFile.Failure(reason: "the disk is full")) {
      try AtomicFile.replace(path) { temporary throws(AtomicFile.Failure) in
        _ = FileManager.default.createFile(atPath: temporary, contents: Data("half".utf8))
        throw AtomicFile.Failure(reason: "the disk is full")
      }
    }
    #expect(Self.contents(path) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["net.json"])
  }

  @Test func aMissingFolderIsAPlainReason() {
    #expect(throws: AtomicFile.Failure(reason: "no such file or directory")) {
      try AtomicFile.write(Data("x".utf8), to: Self.folder() + "/missing/net.json")
    }
  }
}
