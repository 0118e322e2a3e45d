#!/usr/bin/env bash
# Throughput benchmark for `slant analyze`.
# Builds a corpus of at least 50 MB from copies of the PTC training articles in
# ../shared/corpus/ptc/train/articles, runs the release binary on it once, and prints
# MB/s, articles/s and peak resident memory (from GNU time).
# Usage: scripts/bench.sh [MIN_MB] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
MIN_MB=${1:-50}
THREADS=${2:-0}
SRC=${PTC_ARTICLES:-../shared/corpus/ptc/train/articles}
[ -d "$SRC" ] || { echo "bench: $SRC not found" >&2; exit 1; }
cargo build --release --quiet
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
per_copy=$(cat "$SRC"/*.txt | wc -c)
copies=$(( (MIN_MB * 1000000 + per_copy - 1) / per_copy ))
for copy in $(seq 1 "$copies"); do
  mkdir -p "$WORK/corpus/copy$copy"
  cp "$SRC"/*.txt "$WORK/corpus/copy$copy/"
done
bytes=$(cat "$WORK"/corpus/*/*.txt | wc -c)
files=$(find "$WORK/corpus" -name '*.txt' | wc -l)
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: GNU time (/usr/bin/time) is needed for peak memory" >&2; exit 1; }
start=$(date +%s.%N)
$TIME -v -o "$WORK/time.txt" target/release/slant analyze "$WORK/corpus" --out "$WORK/out" -q -j "$THREADS" || true
end=$(date +%s.%N)
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
rows=$(($(wc -l < "$WORK/out/articles.csv") - 1))
awk -v b="$bytes" -v f="$files" -v r="$rows" -v s="$start" -v e="$end" -v m="$rss_kb" -v c="$(nproc)" 'BEGIN {
  t = e - s
  printf "corpus: %.1f MB, %d files, %d articles analysed\n", b / 1e6, f, r
  printf "time:   %.2f s on %d cores\n", t, c
  printf "speed:  %.1f MB/s, %.0f articles/s\n", b / 1e6 / t, r / t
  printf "memory: %.1f MB peak RSS\n", m / 1024
}'
