#include "FuzzerDriver.h"

#include <stdlib.h>

// Part of libFuzzer's interface (compiler-rt/lib/fuzzer/FuzzerInterface.h), linked by
// -sanitize=fuzzer.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

void fuzzer_run(int argc, char **argv, int (*test)(const uint8_t *data, size_t size)) {
  exit(LLVMFuzzerRunDriver(&argc, &argv, test));
}
