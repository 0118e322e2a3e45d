#!/usr/bin/env bash
# Regenerates the example report and the golden files after an intended change of output.
# Review `git diff` afterwards: every changed number must be explained.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet -- analyze data/examples --out reports/example -q
cp reports/example/articles.csv tests/golden/examples_articles.csv
cp reports/example/captions.csv tests/golden/examples_captions.csv
