#!/usr/bin/env python3
"""Worst-case inputs for slant's time per document (issue 29, item 6): a benchmark, not a test.

Makes, in a temporary folder, (1) one plain-text document of SIZE MB (default 16) of short
attributed sentences: named people and bodies, bare surnames, pronouns, quotations before and
after their speakers, `according to`; and (2) one HTML page of `<div>`s nested DEPTH deep
(default 100,000) around a paragraph. Runs `slant analyze --threads 1` on each and prints the
wall time and the peak memory of each run. The issue's aim: each under 10 s on one thread.

    python3 scripts/worst_case.py [--slant target/release/slant] [--mb 16] [--depth 100000]
"""
import argparse
import os
import random
import resource
import subprocess
import tempfile
import time

FIRST = ["Anna", "Boris", "Chen", "Dara", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
ROLES = ["the minister", "a spokesperson for the ministry", "the army", "officials", "analysts", "the company"]
CUES = ["said", "told reporters", "claimed", "warned", "added", "insisted"]
CLAIMS = [
    "the talks would resume next week",
    "the deal was unfair to farmers",
    "prices would rise again",
    "the border had been closed overnight",
    "no decision had been made",
    "the vote would go ahead as planned",
]


def surname(rng: random.Random) -> str:
    # many distinct surnames: resolution must not look back over every earlier mention
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)).capitalize()


def sentence(rng: random.Random, k: int, recent: list) -> str:
    claim = rng.choice(CLAIMS)
    cue = rng.choice(CUES)
    kind = k % 6
    if kind == 0:
        name = f"{rng.choice(FIRST)} {surname(rng)}"
        recent.append(name.split()[1])
        return f"{name}, a local official, {cue} {claim}."
    if kind == 1 and recent:
        return f"{rng.choice(recent[-50:])} {cue} that {claim}."
    if kind == 2:
        return f"\u201c{claim.capitalize()},\u201d {rng.choice(['he', 'she'])} {cue}."
    if kind == 3:
        return f"According to {rng.choice(ROLES)}, {claim}."
    if kind == 4:
        return f"{rng.choice(ROLES).capitalize()} {cue} on Tuesday that {claim}."
    return f"\"{claim.capitalize()}\", {surname(rng)} said."


def attributed(path: str, mb: float) -> None:
    rng = random.Random(29)
    # just under the size (16 MB is slant's default --max-bytes)
    limit = int(mb * 1024 * 1024) - 1024
    size, k, recent = 0, 0, []
    with open(path, "w", encoding="utf-8") as f:
        f.write("Worst case: attributed sentences\n\n")
        while size < limit:
            s = sentence(rng, k, recent) + (" " if k % 8 else "\n\n")
            f.write(s)
            size += len(s.encode())
            k += 1


def nested(path: str, depth: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("<html><head><title>Nested</title></head><body>")
        f.write("<div>" * depth)
        f.write("<p>Officials said the talks would resume. The minister said the deal was fair.</p>")
        f.write("</div>" * depth)
        f.write("</body></html>")


def run(slant: str, path: str, out: str) -> None:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    clock = time.perf_counter()
    p = subprocess.run([slant, "analyze", path, "--out", out, "--threads", "1", "-q", "--report-articles", "0"],
                       capture_output=True, text=True)
    seconds = time.perf_counter() - clock
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    mb = os.path.getsize(path) / 1024 / 1024
    note = "" if peak > before else " (peak no higher than an earlier run's)"
    print(f"{os.path.basename(path)}: {mb:.1f} MB, exit {p.returncode}, {seconds:.1f} s, peak RSS {peak / 1024:.0f} MiB{note}")
    if p.returncode not in (0, 2):
        print(p.stderr[-2000:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--slant", default="target/release/slant")
    ap.add_argument("--mb", type=float, default=16)
    ap.add_argument("--depth", type=int, default=100_000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="slant-worst-") as tmp:
        doc, page = os.path.join(tmp, "attributed.txt"), os.path.join(tmp, "nested.html")
        nested(page, a.depth)
        run(a.slant, page, os.path.join(tmp, "out-nested"))
        attributed(doc, a.mb)
        run(a.slant, doc, os.path.join(tmp, "out-attributed"))


if __name__ == "__main__":
    main()
