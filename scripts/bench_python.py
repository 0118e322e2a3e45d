#!/usr/bin/env python3
"""Throughput of slant through Python against the command line, on the same corpus.

Builds a JSON Lines corpus of at least MIN_MB megabytes from copies of the PTC training
articles, then times, each RUNS times in turn: the binary (`slant analyze corpus.jsonl --out
DIR --format csv,parquet`), `slant.analyze_folder` (the same run from Python) and
`slant.analyze` (texts in, DataFrames out). Prints each one's median wall seconds and MB/s,
and the Python/CLI ratios.

Usage: python scripts/bench_python.py [MIN_MB] [RUNS]   (needs `pip install ./python`)
"""

import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import slant

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.environ.get("PTC_ARTICLES", os.path.join(ROOT, "..", "shared", "corpus", "ptc", "train", "articles"))
BIN = os.environ.get("SLANT_BIN", os.path.join(ROOT, "target", "release", "slant"))


def main():
    min_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(SRC, "*.txt")))]
    if not texts:
        sys.exit(f"bench: no articles in {SRC}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus, rows, size, copy = os.path.join(tmp, "corpus.jsonl"), [], 0, 0
        with open(corpus, "w", encoding="utf-8") as f:
            while size < min_mb * 1e6:
                copy += 1
                for i, t in enumerate(texts):
                    line = json.dumps({"id": f"c{copy}-{i}", "text": t}, ensure_ascii=False) + "\n"
                    f.write(line)
                    rows.append(t)
                    size += len(line.encode("utf-8"))
        mb = size / 1e6

        def cli(k):
            subprocess.run([BIN, "analyze", corpus, "--out", os.path.join(tmp, f"cli{k}"), "-q",
                            "--format", "csv,parquet"], check=False)

        def folder(k):
            slant.analyze_folder([corpus], os.path.join(tmp, f"py{k}"), charts=True)

        def frames(k):
            slant.analyze(rows)

        times = {"cli": [], "analyze_folder": [], "analyze": []}
        for k in range(runs):
            for name, f in (("cli", cli), ("analyze_folder", folder), ("analyze", frames)):
                start = time.perf_counter()
                f(k)
                times[name].append(time.perf_counter() - start)
        base = statistics.median(times["cli"])
        print(f"corpus: {len(rows)} articles, {mb:.1f} MB; {runs} runs each, medians")
        for name, ts in times.items():
            m = statistics.median(ts)
            print(f"  {name:<15} {m:7.2f} s  {mb / m:6.2f} MB/s  ratio to cli {m / base:.2f}")


if __name__ == "__main__":
    main()
