#!/usr/bin/env python3
"""VADER's per-sentence speed on a corpus folder, for `scripts/bench.sh`'s same-sitting ratio.

Reads every `*.txt` file under CORPUS (as UTF-8), cuts each into sentences at `.`, `!` or `?`
followed by white space (a cheap splitter, so the time is VADER's), and scores every sentence
with `SentimentIntensityAnalyzer.polarity_scores` on one thread. Prints one line:
`vader: BYTES bytes, SENTENCES sentences, SECONDS s, MB/s`.

Usage: python scripts/vader_bench.py CORPUS [MAX_MB]   (needs `pip install vaderSentiment`)
"""

import os
import re
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def main():
    root = sys.argv[1]
    max_bytes = float(sys.argv[2]) * 1e6 if len(sys.argv) > 2 else float("inf")
    texts = []
    size = 0
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if name.endswith(".txt") and size < max_bytes:
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    t = f.read()
                texts.append(t)
                size += len(t.encode("utf-8"))
    analyzer = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    sentences = 0
    for t in texts:
        for s in SENTENCE_END.split(t):
            if s.strip():
                analyzer.polarity_scores(s)
                sentences += 1
    seconds = time.perf_counter() - start
    print(f"vader: {size} bytes, {sentences} sentences, {seconds:.2f} s, {size / 1e6 / seconds:.2f} MB/s")


if __name__ == "__main__":
    main()
