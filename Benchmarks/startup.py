#!/usr/bin/env python3
"""Start-up time of the release build of nabla: the time to the first prompt in a
pseudo-terminal, and the time for `echo quit | nabla`, each the median of 50 runs."""
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 50


def first_prompt(binary, state):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["XDG_STATE_HOME"] = state
        os.execv(binary, [binary])
    seen = b""
    while b"nabla> " not in seen:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            sys.exit("no prompt within 10 s")
        seen += os.read(fd, 4096)
    elapsed = time.perf_counter() - start
    os.write(fd, b"\x04")
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


def piped_quit(binary):
    start = time.perf_counter()
    subprocess.run([binary], input=b"quit\n", stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as state:
        prompt = [first_prompt(binary, state) for _ in range(RUNS)]
    piped = [piped_quit(binary) for _ in range(RUNS)]
    for name, times in [("time to first prompt", prompt), ("echo quit | nabla", piped)]:
        print(f"{name:22} median {statistics.median(times) * 1000:6.1f} ms   "
              f"min {min(times) * 1000:6.1f} ms   max {max(times) * 1000:6.1f} ms   ({RUNS} runs)")


if __name__ == "__main__":
    main()
