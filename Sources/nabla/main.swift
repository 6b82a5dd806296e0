import Foundation
import Shell

/// The executable: reads arguments, then feeds lines to the interpreter from a file,
/// a pipe, or the terminal.
let usage = """
  usage: nabla [--strict] [FILE]

  With no FILE, nabla reads commands from the terminal (or from a pipe).
  With FILE, it runs the commands in FILE; a failing line is reported as FILE:LINE.
    --strict   stop at the first failing line
    --help     show this text
  Type 'help' inside nabla for the commands.
  """

var strict = false
var file: String?
for argument in CommandLine.arguments.dropFirst() {
  switch argument {
  case "--strict": strict = true
  case "--help", "-h":
    print(usage)
    exit(0)
  default:
    if argument.hasPrefix("-") || file != nil {
      FileHandle.standardError.write(Data("nabla: unexpected argument '\(argument)'\n\(usage)\n".utf8))
      exit(2)
    }
    file = argument
  }
}

Interrupt.install()

/// Runs one line with Ctrl-C armed for it.
func run(_ runner: inout ScriptRunner, _ line: String) -> ScriptRunner.Result {
  Interrupt.reset()
  return runner.run(line, interrupted: Interrupt.requested)
}

func emit(_ result: ScriptRunner.Result) {
  if !result.output.isEmpty { print(result.output) }
  if let error = result.error { FileHandle.standardError.write(Data((error + "\n").utf8)) }
  fflush(nil)
}

if let file {
  guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
    FileHandle.standardError.write(Data("nabla: cannot read '\(file)'; check the path\n".utf8))
    exit(2)
  }
  var runner = ScriptRunner(name: file, strict: strict)
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    emit(run(&runner, String(line)))
    if runner.finished { break }
  }
  exit(runner.exitStatus)
}

let interactive = isatty(0) != 0 && isatty(1) != 0
if !interactive {
  var runner = ScriptRunner(name: "<stdin>", strict: strict)
  while let line = readLine() {
    emit(run(&runner, line))
    if runner.finished { break }
  }
  exit(runner.exitStatus)
}

print("nabla: a shell for watching neural networks learn. Type 'help' for the commands, Ctrl-D to leave.")
var session = Session()
let editor = LineEditor(historyFile: LineEditor.defaultHistoryFile())
editor.complete = { line, cursor in Completion.complete(line, cursor: cursor, session: session) }
while let line = editor.readLine() {
  Interrupt.reset()
  let reply = session.execute(line, interrupted: Interrupt.requested)
  editor.saveHistory()
  switch reply.status {
  case .ok:
    if !reply.output.isEmpty { print(reply.output) }
  case .error:
    print("error: " + reply.output)
  case .quit:
    exit(0)
  }
  fflush(nil)
}
print("")
editor.saveHistory()
