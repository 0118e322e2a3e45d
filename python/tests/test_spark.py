"""The Spark paths (examples/spark/slant_spark.py) under PySpark local[2]: the tables they write
equal those of `slant analyze` on the same articles.

Skipped when Java or pyspark is missing, unless SLANT_REQUIRE_SPARK is set (as .ci/run sets it).
"""

import csv
import json
import os
import random
import shutil
import subprocess
import sys

import pytest

import slant

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "examples", "spark"))

ARTICLES = 1200


def _spark_or_skip():
    missing = []
    if shutil.which("java") is None:
        missing.append("java")
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing.append("pyspark")
    if missing:
        if os.environ.get("SLANT_REQUIRE_SPARK"):
            pytest.fail(f"SLANT_REQUIRE_SPARK is set but {', '.join(missing)} is missing")
        pytest.skip(f"skipped: {', '.join(missing)} not installed")


# Sentences of a made-up war and election, in the voices slant tells apart: the outlet's own,
# quotations, and reported speech, with loaded words and plain ones.
OWN = [
    "The regime launched another brutal assault on the border towns overnight.",
    "Officials met in the capital to discuss the budget for the coming year.",
    "The ruthless campaign has left whole villages in ruins.",
    "Voters queued outside polling stations from early morning.",
    "Prices of bread and fuel rose again this week.",
    "The shameless propaganda of the state channels continued unabated.",
]
QUOTED = [
    '"We will never surrender to these thugs," the mayor said.',
    '"The talks were constructive," a spokesperson said.',
    '"This is a catastrophe for our people," said a local doctor.',
]
REPORTED = [
    "The defence ministry said the strikes had hit only military targets.",
    "An anonymous official told reporters that the plan was a disgraceful betrayal.",
    "State media reported that the enemy had suffered heavy losses.",
]
OUTLETS = ["Wire Daily", "The Blaze Post", "State Herald", "Farm News"]


def make_articles(n: int, seed: int = 7):
    rnd = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        parts = [rnd.choice(OWN), rnd.choice(QUOTED), rnd.choice(REPORTED), rnd.choice(OWN),
                 f"Article number {i} ends with its own line {rnd.randint(0, 10**6)}."]
        rows.append({
            "id": f"a{i:05d}",
            "outlet": OUTLETS[i % len(OUTLETS)],
            "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "title": f"Report {i}",
            "text": " ".join(parts),
        })
    # a long story and a copy of it in another partition: shared text must be found across them
    story = " ".join(f"Sentence {k} of the long dispatch tells of event {k * 7} in the valley." for k in range(60))
    rows[10]["text"] = story
    rows[-10]["text"] = "Menu Home World. " + story + " Share this story."
    # one article with no text: an error row, not a crash
    rows[n // 2]["text"] = ""
    return rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The articles as JSON Lines, and `slant analyze` on them (the reference)."""
    base = tmp_path_factory.mktemp("spark")
    src = base / "articles.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for r in make_articles(ARTICLES):
            f.write(json.dumps(r) + "\n")
    ref = base / "cli"
    slant.analyze_folder([str(src)], str(ref), fingerprints=True, charts=False)
    return src, ref, base


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        return header, list(r)


def assert_same_tables(ref, merged, ignore=("path", "line")):
    """Every table of the merged Spark output equals the CLI's: same columns, same rows
    sorted by id (every cell, byte for byte, but `path` and errors' `line`, which name the
    input file and line: on Spark, the partition's batch and its row)."""
    checked = 0
    for name in ("articles", "hits", "attributions", "sentences", "categories_long", "countries_long",
                 "captions", "shared_text", "errors"):
        a, b = ref / f"{name}.csv", merged / f"{name}.csv"
        if not a.exists():
            assert not b.exists(), name
            continue
        ha, ra = read_csv(a)
        hb, rb = read_csv(b)
        assert ha == hb, f"{name}: columns differ"
        keep = [k for k, c in enumerate(ha) if c not in ignore]
        ra = sorted([r[k] for k in keep] for r in ra)
        rb = sorted([r[k] for k in keep] for r in rb)
        assert len(ra) == len(rb), f"{name}: {len(ra)} rows against {len(rb)}"
        for x, y in zip(ra, rb):
            assert x == y, f"{name}: {x} != {y}"
        checked += 1
    return checked


@pytest.mark.parametrize("mode", ["arrow", "pipe"])
def test_spark_job_tables_equal_the_command_line(corpus, mode):
    _spark_or_skip()
    import slant_spark

    src, ref, base = corpus
    out = base / f"out-{mode}"
    argv = [str(src), "--out", str(out), "--mode", mode, "--partitions", "4", "--master", "local[2]"]
    if mode == "pipe":
        binary = os.environ.get("SLANT_BIN") or shutil.which("slant")
        if not binary:
            pytest.skip("SLANT_BIN (the slant binary) not set")
        argv += ["--slant-bin", binary]
    assert slant_spark.main(argv) == 0
    # Spark wrote each table as a dataset of parts
    parts = [p for p in os.listdir(out / "tables" / "articles") if p.endswith(".parquet")]
    assert len(parts) >= 2, parts
    merged = out / "merged"
    assert assert_same_tables(ref, merged) >= 8
    _, rows = read_csv(merged / "shared_text.csv")
    assert any(r[0] == "a01191" and r[1] == "a00011" for r in rows), "the copy across partitions"
    assert (merged / "report.html").exists() and (merged / "charts" / "loaded_own_intervals.png").exists()
    # the equality check is real: a changed cell makes it fail
    h, rows = read_csv(merged / "articles.csv")
    rows[3][h.index("loaded")] = str(int(rows[3][h.index("loaded")]) + 1)
    broken = base / f"broken-{mode}"
    shutil.copytree(merged, broken)
    with open(broken / "articles.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(h)
        w.writerows(rows)
    with pytest.raises(AssertionError):
        assert_same_tables(ref, broken)
    # slant chart reads Spark's datasets as they are
    charted = slant.chart(str(out / "tables"), out=str(out / "charted"))
    assert charted == ARTICLES - 1, "every article but the one without text"
