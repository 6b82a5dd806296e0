#!/usr/bin/env python3
"""nabla's full-batch training speed next to the hand-written C reference.

Reads the text tables printed by `swift package benchmark` and the lines printed
by reference/train.c, and prints steps per second for both and their ratio. A
benchmark missing from the tables (filtered out, or printed with --scale) shows
as "-"."""
import re
import sys

# (nabla benchmark, C reference case)
PAIRS = [
    ("XOR 2-2-1 sigmoid, 4 examples: Trainer.step", "XOR 2-2-1 sigmoid, 4 examples"),
    ("2-16-16-1 tanh, 100 moons points, full batch: Training.run", "2-16-16-1 tanh, 100 moons points"),
]

SECONDS = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def nabla_rates(text):
    """Steps per second of every benchmark, from the median (p50) wall-clock time per iteration."""
    rates = {}
    name = None
    for line in text.splitlines():
        line = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", line).rstrip()
        if line and not line.startswith(("│", "╒", "╞", "├", "╘", "=")) and "ETA:" not in line:
            name = line
            continue
        cells = [c.strip() for c in line.split("│")[1:-1]]
        # Only the per-iteration figures (marked *); with --scale they are per sample.
        m = re.fullmatch(r"Time \(wall clock\) \((\S+)\) \*", cells[0]) if cells else None
        if m and name and m.group(1) in SECONDS:
            rates[name] = 1 / (int(cells[3].replace(",", "")) * SECONDS[m.group(1)])
    return rates


def c_rates(text):
    rates = {}
    for line in text.splitlines():
        m = re.match(r"(.*?)\s+(\d+)\s+[\d.]+ \S+$", line)
        if m:
            rates[m.group(1)] = float(m.group(2))
    return rates


def main():
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        nabla = nabla_rates(f.read())
    with open(sys.argv[2], encoding="utf-8") as f:
        c = c_rates(f.read())
    print(f"{'full batch':34} {'nabla steps/s':>14} {'C steps/s':>12} {'nabla time / C time':>20}")
    for bench, case in PAIRS:
        n, r = nabla.get(bench), c.get(case)
        ratio = f"{r / n:.2f}" if n and r else "-"
        print(f"{case:34} {f'{n:,.0f}' if n else '-':>14} {f'{r:,.0f}' if r else '-':>12} {ratio:>20}")


if __name__ == "__main__":
    main()
