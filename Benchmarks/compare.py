#!/usr/bin/env python3
"""nabla's full-batch training speed next to the hand-written C reference.

Reads the text tables printed by `swift package benchmark` and the lines printed
by reference/train.c, and prints steps per second for both and their ratio; then,
for the size series (2-W-W-1 networks on the same 100 points), the time per step
and per weight of both, and a one-line verdict on how nabla's cost grows with the
number of weights. A benchmark missing from the tables (filtered out, or printed
with --scale) shows as "-"."""
import math
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


# "Size 2-64-64-1 tanh, 4,288 weights, 100 moons points: Trainer.step"
NABLA_SIZE = re.compile(r"Size 2-(\d+)-\d+-1 tanh, ([\d,]+) weights, (\d+) moons points")
# "size 2-64-64-1 tanh, 100 moons points      1234      810.2 µs       4288"
C_SIZE = re.compile(r"size 2-(\d+)-\d+-1 tanh, \d+ moons points\s+(\d+)\s+[\d.]+ \S+\s+(\d+)$")


def sizes(nabla, c_text):
    """Per hidden width: (weights, examples, nabla steps/s or None, C steps/s or None)."""
    rows = {}
    for name, rate in nabla.items():
        m = NABLA_SIZE.search(name)
        if m:
            rows[int(m.group(1))] = [int(m.group(2).replace(",", "")), int(m.group(3)), rate, None]
    for line in c_text.splitlines():
        m = C_SIZE.match(line.strip())
        if m:
            width, rate, weights = int(m.group(1)), float(m.group(2)), int(m.group(3))
            rows.setdefault(width, [weights, 100, None, None])[3] = rate
    return {w: tuple(r) for w, r in sorted(rows.items())}


def duration(seconds):
    if seconds < 1e-5:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    return f"{seconds * 1e3:.2f} ms"


def verdict(points):
    """One line on how time per step grows with the weights; points are (weights, seconds per step).

    Linear means the time grows no faster than the weights: the exponent k of
    time = c * weights^k through the smallest and the largest size is at most 1.1."""
    if len(points) < 2:
        return "verdict: too few sizes measured"
    per_weight = [t / w for w, t in points]
    spread = max(per_weight) / min(per_weight)
    (w0, t0), (w1, t1) = points[0], points[-1]
    exponent = math.log(t1 / t0) / math.log(w1 / w0)
    linear = "linear in the weights" if exponent <= 1.1 else "MORE than linear in the weights"
    return (
        f"{linear}: from {w0:,} to {w1:,} weights (x{w1 / w0:.0f}) the time per step grows "
        f"x{t1 / t0:.1f}, as weights^{exponent:.2f}; ns/weight stays within a factor {spread:.1f}"
    )


def main():
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        nabla = nabla_rates(f.read())
    with open(sys.argv[2], encoding="utf-8") as f:
        c_text = f.read()
    c = c_rates(c_text)
    print(f"{'full batch':34} {'nabla steps/s':>14} {'C steps/s':>12} {'nabla time / C time':>20}")
    for bench, case in PAIRS:
        n, r = nabla.get(bench), c.get(case)
        ratio = f"{r / n:.2f}" if n and r else "-"
        print(f"{case:34} {f'{n:,.0f}' if n else '-':>14} {f'{r:,.0f}' if r else '-':>12} {ratio:>20}")

    rows = sizes(nabla, c_text)
    if not rows:
        return
    print()
    print("cost against size: 2-W-W-1 (tanh, tanh, sigmoid), one full-batch step over the 100 moons points;")
    print("ns/weight is the time per step over (weights x examples)")
    print(f"{'width':>5} {'weights':>8} {'nabla per step':>15} {'ns/weight':>10} "
          f"{'C per step':>12} {'ns/weight':>10} {'nabla / C':>10}")
    points, c_points = [], []
    for width, (weights, examples, n, r) in rows.items():
        cells = []
        for rate, acc in ((n, points), (r, c_points)):
            if rate:
                acc.append((weights, 1 / rate))
                cells += [duration(1 / rate), f"{1e9 / rate / weights / examples:.2f}"]
            else:
                cells += ["-", "-"]
        ratio = f"{r / n:.2f}" if n and r else "-"
        print(f"{width:>5} {weights:>8,} {cells[0]:>15} {cells[1]:>10} {cells[2]:>12} {cells[3]:>10} {ratio:>10}")
    print("nabla: " + verdict(points))
    print("C:     " + verdict(c_points))


if __name__ == "__main__":
    main()
