"""Chooses the encoder stage's epoch and word threshold on held-out PTC train block 0, scoring
the word probabilities that scripts/train_encoder.py writes after each epoch joined with the
lexicon's out-of-fold hits the way slant joins them: runs of words at or above the threshold,
trimmed to words, not made of function words alone, and kept only where they overlap no counted
lexicon hit. Picks the largest span F1 + article rho. Research script, not part of CI.
Usage: python3 select_encoder.py HITS_CSV PROBS.pkl [PROBS.pkl ...]     (each scored alone)
       python3 select_encoder.py --pool HITS_CSV PROBS.pkl [HITS_CSV PROBS.pkl ...]
         (held-out blocks pooled into one score, then each block at the pooled best threshold)
  HITS_CSV: slant's hits.csv on the held-out block with the lexicon and tone model of the other
  blocks (oof_lexicon.sh); PROBS.pkl: the encoder's word probabilities on the same block."""
import pickle
import re
import sys

from ptc_common import score, slant_hits, slant_stopwords

PUNCT = re.compile(r"^[^\w]$")
STOP = slant_stopwords()


def runs(words, probs, t):
    """Runs of adjacent units of a line at or above t, trimmed to words (not marks); runs of
    function words alone are dropped."""
    out, cur = [], []

    def flush():
        ws = [w for w in cur if not PUNCT.match(w[2])]
        if ws and any(w[2].lower() not in STOP for w in ws):
            out.append((ws[0][0], ws[-1][1]))

    for w, p in zip(words, probs):
        if p >= t and (not cur or cur[-1][3] == w[3]):
            cur.append(w)
        else:
            flush()
            cur = [w] if p >= t else []
    flush()
    return out


THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]


def joined(docs, lex, t):
    """The encoder's spans at threshold t beyond the lexicon hits, with those hits."""
    enc = [runs(d["words"], d["probs"], t) for d in docs]
    return enc, [l + [h for h in e if not any(s < h[1] and h[0] < en for s, en in l)] for l, e in zip(lex, enc)]


def grid(label, docs, lex):
    """Prints the encoder alone and joined at each threshold; returns (F1 + rho, t, scores) of
    the best."""
    print(label, "lexicon", score(docs, lex))
    best = None
    for t in THRESHOLDS:
        enc, both = joined(docs, lex, t)
        sa, sj = score(docs, enc), score(docs, both)
        print(f"  t {t}: encoder {sa}  joined {sj}")
        if best is None or sj[0] + sj[3] > best[0]:
            best = (sj[0] + sj[3], t, sj)
    return best


def block(hits_csv, probs_path):
    """One held-out block's documents and their lexicon hits."""
    lex_hits = slant_hits([hits_csv])
    res = pickle.load(open(probs_path, "rb"))
    docs = [res[k] for k in sorted(res)]
    return docs, [sorted(set(lex_hits.get(d["id"], []))) for d in docs]


def main():
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "--pool" and len(args) % 2 == 1:
        pairs = [block(h, p) for h, p in zip(args[1::2], args[2::2])]
        docs = [d for ds, _ in pairs for d in ds]
        lex = [x for _, ls in pairs for x in ls]
        best = grid(f"{len(pairs)} blocks pooled", docs, lex)
        print("best (F1 + rho):", best)
        for (ds, ls), p in zip(pairs, args[2::2]):
            print(f"  {p} at {best[1]}: lexicon {score(ds, ls)}  joined {score(ds, joined(ds, ls, best[1])[1])}")
    elif len(args) >= 2 and args[0] != "--pool":
        best = None
        for path in args[1:]:
            docs, lex = block(args[0], path)
            b = grid(path, docs, lex)
            if best is None or b[0] > best[0]:
                best = (b[0], path, b[1], b[2])
        print("best (F1 + rho):", best)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
