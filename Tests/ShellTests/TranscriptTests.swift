import Foundation
import Testing

@testable import Shell

/// Every transcript under Tests/ShellTests/Transcripts replays to the exact same output.
/// To rewrite them after an intended change of output, run the tests with
/// NABLA_RECORD_TRANSCRIPTS=1 and review the diff.
@Suite struct TranscriptTests {
  static let folder = repositoryRoot.appendingPathComponent("Tests/ShellTests/Transcripts")

  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
  }

  @Test func thereAreTranscripts() {
    #expect(Self.files.count >= 4)
  }

  @Test(arguments: files)
  func replays(file: String) throws {
    let url = Self.folder.appendingPathComponent(file)
    let transcript = Transcript(try String(contentsOf: url, encoding: .utf8))
    #expect(!transcript.entries.isEmpty)
    if ProcessInfo.processInfo.environment["NABLA_RECORD_TRANSCRIPTS"] == "1" {
      try Transcript.record(transcript.entries.map(\.input)).write(to: url, atomically: true, encoding: .utf8)
      return
    }
    for (entry, actual) in transcript.replay() {
      Issue.record("\(file):\(entry.line): '\(entry.input)'\n--- expected\n\(entry.expected)\n--- actual\n\(actual)")
    }
  }
}

/// Every lesson in lessons/ runs as a script with no failing line.
@Suite struct LessonReplayTests {
  static let folder = repositoryRoot.appendingPathComponent("lessons")

  static var lessons: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".nabla") }
      .sorted()
  }

  @Test func thereAreLessons() {
    #expect(!Self.lessons.isEmpty)
  }

  @Test(arguments: lessons)
  func lessonRuns(file: String) throws {
    let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
    var runner = ScriptRunner(name: file, strict: false)
    var commands = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let result = runner.run(String(line))
      if let error = result.error { Issue.record(Comment(rawValue: error)) }
      if !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("#") { commands += 1 }
    }
    #expect(runner.failures == 0)
    #expect(commands > 5)
  }
}
