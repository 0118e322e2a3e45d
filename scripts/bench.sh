#!/usr/bin/env bash
# Throughput benchmark for `slant analyze` (a benchmark, not a timed test).
#
# Builds a corpus of at least MIN_MB megabytes from copies of the PTC training articles in
# ../shared/corpus/ptc/train/articles (each copy in a folder of its own, so every article has
# as many exact copies as there are copies, all to be reported as shared text), runs the
# release binary on it once per thread count in THREADS (each pinned to that many cores with
# taskset when it is installed), and prints MB/s, articles/s, CPU seconds per MB, peak resident
# memory (GNU time) and the shared-text pairs found. Then, unless VADER=0, it installs
# vaderSentiment into a virtual environment (target/bench-venv, by pip) and times VADER's
# per-sentence mode on the first VADER_MB megabytes of the same corpus, on one thread, and
# prints slant's one-thread speed as a multiple of VADER's, measured in the same sitting.
#
# Usage: scripts/bench.sh [MIN_MB]      e.g. scripts/bench.sh 50, scripts/bench.sh 1000
#   THREADS="1 2" (default)  VADER=1 (default)  VADER_MB=50 (default)
set -euo pipefail
cd "$(dirname "$0")/.."
MIN_MB=${1:-50}
THREADS=${THREADS:-1 2}
VADER=${VADER:-1}
VADER_MB=${VADER_MB:-50}
SRC=${PTC_ARTICLES:-../shared/corpus/ptc/train/articles}
[ -d "$SRC" ] || { echo "bench: $SRC not found" >&2; exit 1; }
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: GNU time (/usr/bin/time) is needed for peak memory" >&2; exit 1; }
cargo build --release --quiet
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
per_copy=$(cat "$SRC"/*.txt | wc -c)
copies=$(( (MIN_MB * 1000000 + per_copy - 1) / per_copy ))
for copy in $(seq 1 "$copies"); do
  mkdir -p "$WORK/corpus/copy$copy"
  cp "$SRC"/*.txt "$WORK/corpus/copy$copy/"
done
bytes=$(( per_copy * copies ))
files=$(find "$WORK/corpus" -name '*.txt' | wc -l)
printf 'corpus: %.1f MB, %d files (%d copies of %d articles); machine: %d cores, load %s\n' \
  "$(echo "$bytes / 1000000" | bc -l)" "$files" "$copies" "$((files / copies))" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"

one_thread_mbs=""
for j in $THREADS; do
  pin=()
  if command -v taskset > /dev/null && [ "$j" -le "$(nproc)" ]; then
    pin=(taskset -c "0-$((j - 1))")
  fi
  rm -rf "$WORK/out"
  start=$(date +%s.%N)
  rc=0
  ${pin[@]+"${pin[@]}"} "$TIME" -v -o "$WORK/time.txt" target/release/slant analyze "$WORK/corpus" \
    --out "$WORK/out" -q -j "$j" 2> "$WORK/slant-stderr.txt" || rc=$?
  # exit 2: some inputs failed, the rest analysed (counted below); anything else is a failure
  if [ "$rc" != 0 ] && [ "$rc" != 2 ]; then
    cat "$WORK/slant-stderr.txt" >&2
    echo "bench: slant analyze failed (exit $rc)" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u + s}' "$WORK/time.txt")
  rows=$(($(wc -l < "$WORK/out/articles.csv") - 1))
  pairs=$(($(wc -l < "$WORK/out/shared_text.csv") - 1))
  line=$(awk -v b="$bytes" -v r="$rows" -v s="$start" -v e="$end" -v m="$rss_kb" -v c="$cpu" -v j="$j" -v p="$pairs" 'BEGIN {
    t = e - s
    printf "slant -j %d: %.1f s, %.2f MB/s, %.0f articles/s, %.3f CPU s per MB, peak RSS %.0f MiB, %d articles, %d shared-text rows\n",
      j, t, b / 1e6 / t, r / t, c / (b / 1e6), m / 1024, r, p
  }')
  echo "$line"
  if [ "$j" = 1 ]; then
    one_thread_mbs=$(echo "$line" | awk '{print $6}')
  fi
done

if [ "$VADER" != 0 ]; then
  VENV=target/bench-venv
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet vaderSentiment
  vader=$("$VENV/bin/python" scripts/vader_bench.py "$WORK/corpus" "$VADER_MB")
  echo "$vader"
  if [ -n "$one_thread_mbs" ]; then
    vader_mbs=$(echo "$vader" | awk '{print $(NF-1)}')
    awk -v s="$one_thread_mbs" -v v="$vader_mbs" 'BEGIN { printf "slant one thread / VADER per sentence: %.2fx\n", s / v }'
  fi
fi
