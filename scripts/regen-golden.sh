#!/usr/bin/env bash
# Regenerates the example report and the golden files after an intended change of output.
# Review `git diff` afterwards: every changed number must be explained.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet -- analyze data/examples --out reports/example -q
cp reports/example/articles.csv tests/golden/examples_articles.csv
cp reports/example/captions.csv tests/golden/examples_captions.csv
# The README's screenshot of the report's article section (needs Chromium; skipped without it).
if command -v chromium >/dev/null 2>&1; then
  page=$(mktemp --suffix=.html)
  python3 - reports/example/report.html "$page" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
a, b = s.index("<h2>Summary</h2>"), s.index("<h2>Articles</h2>")
open(sys.argv[2], "w", encoding="utf-8").write(s[:a] + s[b:])
PY
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1000 \
    --screenshot="$PWD/reports/example/report-articles.png" "file://$page" >/dev/null 2>&1 || true
  rm -f "$page"
fi
# The codebook's tables: docs/codebook.md whole, and the README's articles.csv table
# (tests/docs.rs checks that both agree with src/codebook.rs).
book=$(mktemp)
cargo run --release --quiet -- codebook --markdown > "$book"
python3 - "$book" <<'PY'
import sys
book = open(sys.argv[1], encoding="utf-8").read()
head = ("# slant: codebook\n\n"
        "Every column of every CSV file slant writes: type, unit and definition. Every output\n"
        "folder holds the same list as `codebook.csv`; `slant codebook --markdown` prints this\n"
        "page. `<category>` stands for each lexicon category, `<kind>` for each kind of source,\n"
        "`<chart>` for each chart.\n\n")
open("docs/codebook.md", "w", encoding="utf-8").write(head + book.rstrip("\n") + "\n")
start = book.index("## `articles.csv`")
table = book[start:].split("\n\n", 2)[1] + "\n"
readme = open("README.md", encoding="utf-8").read()
a = readme.index("<!-- codebook articles.csv:")
a = readme.index("\n", a) + 1
b = readme.index("<!-- end codebook -->")
open("README.md", "w", encoding="utf-8").write(readme[:a] + table + readme[b:])
PY
rm -f "$book"
