#ifndef FUZZER_DRIVER_H
#define FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (the same one libFuzzer's own `main` runs) with the program's
/// arguments and `test` as the target, then exits with its status.
///
/// SwiftPM links an executable target's `main` to the target's own entry point, so a fuzz
/// target written in Swift starts here rather than in libFuzzer's `main`.
void fuzzer_run(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));

#endif
