#!/usr/bin/env bash
# Out-of-fold loaded-language hits on PTC train: for each of 5 contiguous blocks of the train
# articles (sorted by id), mine and prune the lexicon and train the tone model on the other four
# blocks, then analyse the held-out block with them. Research script, not part of CI.
# Usage: scripts/experiments/oof_lexicon.sh OUT_DIR   (about 10 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:?usage: oof_lexicon.sh OUT_DIR}
PTC=${PTC:-../shared/corpus/ptc/train}
L="$PTC/train-task2-TC.labels"
cargo build --release --quiet
B=target/release/slant
mapfile -t ids < <(ls "$PTC/articles" | sort)
bounds=(0 60 119 179 238 297)
for k in 0 1 2 3 4; do
  D="$OUT/b$k"; rm -rf "$D"; mkdir -p "$D/train" "$D/test"
  for i in "${!ids[@]}"; do
    if (( i >= bounds[k] && i < bounds[k+1] )); then side=test; else side=train; fi
    ln -s "$(realpath "$PTC/articles/${ids[$i]}")" "$D/$side/${ids[$i]}"
  done
  $B lexicon mine --ptc "$D/train" "$L" --min-support 3 --min-precision 0.6 --min-docs 2 --prune-below 0.2 \
    --base data/lexicon/curated.tsv --pruned-out "$D/pruned.tsv" --out "$D/mined.tsv" 2> "$D/mine.log"
  # the curated list without the entries pruned on these four blocks
  awk -F'\t' 'NR==FNR { if ($0 !~ /^#/ && $1 != "term") drop[$1 "\t" $2] = 1; next }
              /^#/ || !(($1 "\t" $2) in drop)' "$D/pruned.tsv" data/lexicon/curated.tsv > "$D/curated.tsv"
  $B train tone --ptc "$D/train" "$L" --out "$D/tone.json" > "$D/tone.log" 2>&1
  $B analyze "$D/test" --lexicon "$D/curated.tsv" --lexicon "$D/mined.tsv" --lexicon-mode replace \
    --model "$D/tone.json" --out "$D/out" -q
done
echo "held-out hits: $OUT/b*/out/hits.csv"
