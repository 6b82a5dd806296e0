import FuzzerDriver

fuzzer_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzCommands)
