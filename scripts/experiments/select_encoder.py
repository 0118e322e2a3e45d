"""Chooses the encoder stage's epoch and word threshold on held-out PTC train block 0, scoring
the word probabilities that scripts/train_encoder.py writes after each epoch joined with the
lexicon's out-of-fold hits the way slant joins them: runs of words at or above the threshold,
trimmed to words, not made of function words alone, and kept only where they overlap no counted
lexicon hit. Picks the largest span F1 + article rho. Research script, not part of CI.
Usage: python3 select_encoder.py HITS_CSV PROBS.pkl [PROBS.pkl ...]
  HITS_CSV: slant's hits.csv on block 0 with the lexicon and tone model of the other blocks
  (oof_lexicon.sh)."""
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


lex_hits = slant_hits([sys.argv[1]])
best = None
for path in sys.argv[2:]:
    res = pickle.load(open(path, "rb"))
    docs = [res[k] for k in sorted(res)]
    lex = [sorted(set(lex_hits.get(d["id"], []))) for d in docs]
    print(path, "lexicon", score(docs, lex))
    for t in [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]:
        enc = [runs(d["words"], d["probs"], t) for d in docs]
        joined = [l + [h for h in e if not any(s < h[1] and h[0] < en for s, en in l)]
                  for l, e in zip(lex, enc)]
        sa, sj = score(docs, enc), score(docs, joined)
        print(f"  t {t}: encoder {sa}  joined {sj}")
        key = sj[0] + sj[3]
        if best is None or key > best[0]:
            best = (key, path, t, sj)
print("best (F1 + rho):", best)
