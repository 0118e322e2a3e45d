#!/usr/bin/env python3
"""Fuzzing harness for `slant analyze` (issue 30): hostile inputs from a fixed seed, and the
properties every run must keep.

    python3 scripts/fuzz.py --docs 100000               # what .ci/run does (a few minutes)
    python3 scripts/fuzz.py --docs 10000000 --seed 7    # on demand: 200 chunks of 50,000

Each chunk of documents is written as one JSON Lines file, one CSV file and a folder of single
files (text, HTML, binary, empty), and analysed in one run with --save-text and
--fingerprints. Inputs: words of news with loaded terms, quotations in four styles and
attributions; odd Unicode (combining marks, bidi controls, zero-width joiners, emoji, CJK,
Cyrillic, noncharacters, control characters, U+FFFD, lone escapes JSON refuses); broken JSON
(truncated, arrays, wrong types, no text field); CSV records with quotes, newlines and the
wrong number of fields; HTML nested hundreds deep, unclosed, with scripts and entities;
random bytes; NUL bytes; empty and blank texts; texts over --max-bytes.

Checked on every chunk (any failure is printed with the chunk's seed, and the exit code is 1):
  1. slant exits 0 or 2 (never a panic or a crash) and writes its whole set (run.json's
     SHA-256 of every file match the files);
  2. every CSV file parses, every row as long as its header;
  3. every good document is an article (its id in articles.csv), every bad one an error row
     of the expected kind at its line, and no document is neither or both;
  4. every offset gives back its text: hits (start, end, text), attributions' source and
     content, sentences and captions lie within the text saved for their article.
Standard library only; the slant binary is target/release/slant unless --bin or SLANT_BIN.
"""

import argparse
import csv
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

csv.field_size_limit(1 << 30)

MAX_BYTES = 20000
WORDS = (
    "the a of to in and said officials minister regime brutal tyrant war talks would resume on monday "
    "army troops city council budget report claimed according sources warned evil puppet thug despot "
    "horrific catastrophe liberated special military operation peace deal ceasefire election vote "
    "scandal court convicted president told reporters statement agency news government spokesman"
).split()
ODD = [
    "\u0301", "\u200d", "\u200b", "\u202e", "\u2066", "\ufeff", "\ufffd", "\ufffe", "\uffff",
    "\U0001f600", "\U0001f44d\U0001f3fd", "\u4e2d\u6587", "\u0432\u0456\u0439\u043d\u0430", "\u00e9",
    "e\u0301", "\u0627\u0644\u062d\u0631\u0628", "\u2028", "\u0085", "\u00a0", "\u3000", "\x01", "\x7f",
    "&amp;", "&#x0;", "<b>", "\\", "\"", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e", "'", "`",
]
QUOTES = [("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb"), ("\u201e", "\u201c")]


def sentence(r):
    words = [r.choice(WORDS) for _ in range(r.randint(3, 18))]
    if r.random() < 0.3:
        words.insert(r.randint(0, len(words)), r.choice(ODD))
    s = " ".join(words)
    k = r.random()
    if k < 0.2:
        o, c = r.choice(QUOTES)
        s = f"{o}{s},{c} {r.choice(['the minister said', 'said Kim', 'officials told reporters'])}."
    elif k < 0.35:
        s = f"According to {r.choice(['TASS', 'the agency', 'sources'])}, {s}."
    else:
        s = s[:1].upper() + s[1:] + r.choice([".", "!", "?", "", "...", ";"])
    return s


def good_text(r):
    paras = [" ".join(sentence(r) for _ in range(r.randint(1, 5))) for _ in range(r.randint(1, 4))]
    return "\n\n".join(paras)


def html_doc(r):
    depth = r.randint(0, 600)
    body = good_text(r)
    parts = ["<!doctype html><html><head><title>", sentence(r), "</title>"]
    if r.random() < 0.3:
        parts.append("<script>var x = '</p>' + \"<div>\";</script><style>p{}</style>")
    parts.append("</head><body>")
    parts.append("<div>" * depth)
    parts.append("<p>" + body.replace("\n\n", "</p><p>") + "</p>")
    if r.random() < 0.5:
        parts.append("</div>" * depth)
    if r.random() < 0.2:
        parts.append("<p>unclosed <b><i>tags &amp; &#9731; &bogus; <a href='x")
    return "".join(parts)


class Chunk:
    """One chunk's inputs and what slant must make of each."""

    def __init__(self, seed, docs, root):
        self.r = random.Random(seed)
        self.seed = seed
        self.root = root
        self.good = set()  # ids that must be articles
        self.bad = {}  # (path, line) -> expected error kind
        self.either = {}  # (path, line or None) -> id: an article or an error row, not both
        self.files = []  # paths of single files whose outcome must be one of the two
        os.makedirs(os.path.join(root, "in", "files"))
        n_json = docs * 7 // 10
        n_csv = docs * 2 // 10
        self.jsonl(n_json)
        self.csv_file(n_csv)
        self.single_files(docs - n_json - n_csv)

    def jsonl(self, n):
        r = self.r
        path = os.path.join(self.root, "in", "feed.jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for line in range(1, n + 1):
                i = f"j{self.seed}-{line}"
                k = r.random()
                if k < 0.80:
                    text = good_text(r)
                    self.good.add(i)
                    rec = json.dumps({"id": i, "outlet": r.choice(["Wire", "=cmd", "@x", ""]), "text": text},
                                     ensure_ascii=r.random() < 0.5)
                elif k < 0.84:
                    rec = json.dumps({"id": i, "text": good_text(r)})[: r.randint(1, 40)]
                    self.bad[(path, line)] = "json"
                elif k < 0.86:
                    rec = json.dumps([i, "text"])
                    self.bad[(path, line)] = "json"
                elif k < 0.88:
                    rec = json.dumps({"id": i, "body_html": 3})
                    self.bad[(path, line)] = "no_text"
                elif k < 0.91:
                    rec = json.dumps({"id": i, "text": r.choice(["", "   ", "\n\t", "\u00a0\u3000"])})
                    self.bad[(path, line)] = "empty"
                elif k < 0.92:
                    rec = json.dumps({"id": i, "text": "x " * (MAX_BYTES // 2 + r.randint(1, 5000))})
                    self.bad[(path, line)] = "too_large"
                elif k < 0.94:
                    rec = '{"id": "%s", "text": "lone \\ud800 surrogate"}' % i
                    self.either[(path, line)] = i
                else:
                    # punctuation, digits, control and odd characters only: kept or refused, once
                    text = "".join(r.choice(ODD + ["!", "42", "...", "-", "\u2014"]) for _ in range(r.randint(1, 30)))
                    rec = json.dumps({"id": i, "text": text}, ensure_ascii=r.random() < 0.5)
                    self.either[(path, line)] = i
                f.write(rec + "\n")

    def csv_file(self, n):
        r = self.r
        path = os.path.join(self.root, "in", "table.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("id,outlet,date,text\n")
            line = 2
            for j in range(n):
                i = f"c{self.seed}-{j}"
                k = r.random()
                if k < 0.9:
                    text = good_text(r)
                    if r.random() < 0.3:
                        text = text.replace("said", 'said "quoted, with a comma"')
                    date = r.choice(["2026-02-11", "2026-13-45", "02/11/2025", "", "yesterday"])
                    row = [i, r.choice(["Wire", "-dash", "Desk"]), date, text]
                    self.good.add(i)
                    w = csv.writer(f, lineterminator="\n")
                    w.writerow(row)
                    line += 1 + sum(c.count("\n") for c in row)
                else:
                    f.write(f"{i},only two\n")
                    self.bad[(path, line)] = "csv"
                    line += 1

    def single_files(self, n):
        r = self.r
        for j in range(n):
            k = r.random()
            base = os.path.join(self.root, "in", "files", f"f{self.seed}-{j}")
            if k < 0.45:
                p = base + ".txt"
                data = good_text(r).encode("utf-8")
                if r.random() < 0.2:
                    data = data.replace(b"e", b"\xe9")  # Latin-1 bytes in a UTF-8 text
            elif k < 0.80:
                p = base + ".html"
                data = html_doc(r).encode("utf-8")
            elif k < 0.90:
                p = base + ".txt"
                data = bytes(r.getrandbits(8) for _ in range(r.randint(1, 400)))
            elif k < 0.95:
                p = base + ".txt"
                data = b""
            else:
                p = base + ".txt"
                data = good_text(r).encode() + b"\x00\x00" + b"PK\x03\x04"
            with open(p, "wb") as f:
                f.write(data)
            self.files.append(p)


def read_csv(path, problems):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        problems.append(f"{path}: no header")
        return [], []
    head = rows[0]
    for k, row in enumerate(rows[1:], 2):
        if len(row) != len(head):
            problems.append(f"{path}: record {k} has {len(row)} fields, the header {len(head)}")
    return head, [dict(zip(head, row)) for row in rows[1:]]


def check(chunk, out, texts, code, stderr, problems):
    if code not in (0, 2) or "panicked" in stderr:
        problems.append(f"exit code {code}: {stderr[-2000:]}")
        return
    run = json.load(open(os.path.join(out, "run.json"), encoding="utf-8"))
    for name, digest in run["files"].items():
        with open(os.path.join(out, name), "rb") as f:
            if hashlib.sha256(f.read()).hexdigest() != digest:
                problems.append(f"{name}: SHA-256 differs from run.json")
    tables = {}
    for dirpath, _, names in os.walk(out):
        for n in names:
            if n.endswith(".csv"):
                p = os.path.join(dirpath, n)
                tables[os.path.relpath(p, out)] = read_csv(p, problems)
    articles = tables["articles.csv"][1]
    errors = tables.get("errors.csv", ([], []))[1]
    ids = [a["article_id"] for a in articles]
    if len(ids) != len(set(ids)):
        problems.append("an article id occurs twice")
    ids = set(ids)
    for i in chunk.good - ids:
        problems.append(f"good document {i} is not an article")
    failed = {}
    for e in errors:
        if e["kind"] in ("io", "empty", "binary", "too_large", "csv", "json", "no_text"):
            failed.setdefault((e["path"], int(e["line"]) if e["line"] else None), e["kind"])
    for where, kind in chunk.bad.items():
        got = failed.get(where)
        if got != kind:
            problems.append(f"bad record {where}: expected an error row of kind {kind}, got {got}")
    for where, i in chunk.either.items():
        if (i in ids) == (where in failed):
            problems.append(f"record {where} ({i}): {'both an article and an error' if i in ids else 'neither article nor error'}")
    paths = {a["path"] for a in articles}
    for p in chunk.files:
        if (p in paths) == ((p, None) in failed):
            problems.append(f"file {p}: {'both an article and an error' if p in paths else 'neither article nor error'}")
    # offsets give back their text
    def text_of(aid):
        p = os.path.join(texts, safe_name(aid) + ".txt")
        with open(p, encoding="utf-8", newline="") as f:
            return f.read()
    cache = {}
    def t(aid):
        if aid not in cache:
            if len(cache) > 2000:
                cache.clear()
            cache[aid] = text_of(aid)
        return cache[aid]
    for h in tables["hits.csv"][1]:
        s, e = int(h["start"]), int(h["end"])
        if t(h["article_id"])[s:e] != h["text"]:
            problems.append(f"hit {h['article_id']} {s}-{e}: {h['text']!r} is not the text there")
    for a in tables["attributions.csv"][1]:
        tx = t(a["article_id"])
        for s, e in ((a["source_start"], a["source_end"]), (a["content_start"], a["content_end"])):
            if s and not (0 <= int(s) <= int(e) <= len(tx)):
                problems.append(f"attribution {a['article_id']}: span {s}-{e} outside the text")
        if a["source_start"] and tx[int(a["source_start"]):int(a["source_end"])] != a["source"]:
            problems.append(f"attribution {a['article_id']}: source {a['source']!r} is not the text at its offsets")
    for name in ("sentences.csv", "captions.csv"):
        for row in tables[name][1]:
            if not (0 <= int(row["start"]) <= int(row["end"]) <= len(t(row["article_id"]))):
                problems.append(f"{name} {row['article_id']}: {row['start']}-{row['end']} outside the text")
    return len(articles), len(errors), len(tables["hits.csv"][1])


def safe_name(aid):
    out = []
    for i, c in enumerate(aid):
        if c.isalnum() or c in "-_~" or (c == "." and i > 0):
            out.append(c)
        else:
            out.extend("%%%02X" % b for b in c.encode("utf-8"))
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100000)
    ap.add_argument("--chunk", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=30)
    ap.add_argument("--bin", default=os.environ.get("SLANT_BIN", "target/release/slant"))
    ap.add_argument("--threads", default="0")
    args = ap.parse_args()
    total = {"docs": 0, "articles": 0, "errors": 0, "hits": 0}
    failures = 0
    started = time.time()
    k = 0
    while total["docs"] < args.docs:
        n = min(args.chunk, args.docs - total["docs"])
        seed = args.seed * 100003 + k
        root = tempfile.mkdtemp(prefix="slant-fuzz-")
        try:
            chunk = Chunk(seed, n, root)
            out, texts = os.path.join(root, "out"), os.path.join(root, "texts")
            p = subprocess.run(
                [args.bin, "analyze", os.path.join(root, "in"), "--out", out, "-q", "--save-text", texts,
                 "--fingerprints", "--max-bytes", str(MAX_BYTES), "-j", args.threads],
                capture_output=True, text=True,
            )
            problems = []
            counts = check(chunk, out, texts, p.returncode, p.stderr, problems)
            if problems:
                failures += 1
                print(f"chunk seed {seed}: {len(problems)} problems", file=sys.stderr)
                for m in problems[:20]:
                    print("  " + m, file=sys.stderr)
            if counts:
                total["articles"] += counts[0]
                total["errors"] += counts[1]
                total["hits"] += counts[2]
        finally:
            shutil.rmtree(root, ignore_errors=True)
        total["docs"] += n
        k += 1
        print(f"fuzz: {total['docs']} documents in {k} chunks, {time.time() - started:.0f} s: "
              f"{total['articles']} articles, {total['errors']} error and warning rows, {total['hits']} hits checked",
              flush=True)
    if failures:
        print(f"fuzz: FAILED in {failures} of {k} chunks", file=sys.stderr)
        sys.exit(1)
    print("fuzz: every property held")


if __name__ == "__main__":
    main()
