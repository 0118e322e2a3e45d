"""Scores fine-tuned tagger probabilities (from finetune_tagger.py) alone and in union with
slant's lexicon hits, over a range of thresholds. Research script, not part of CI.
Usage: python3 ft_score.py PROBS.pkl HITS_CSV [HITS_CSV ...]
  with the hits.csv of slant's run on the same held-out articles (for a train block, the
  block's out-of-fold run from oof_lexicon.sh)."""
import pickle
import sys

from ptc_common import hits_from, score, slant_hits

res = pickle.load(open(sys.argv[1], "rb"))
docs = [res[k] for k in sorted(res)]
lex_hits = slant_hits(sys.argv[2:])
lex = [lex_hits.get(d["id"], []) for d in docs]
print("lexicon", score(docs, lex))
for t in [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]:
    model_hits = [hits_from(d["words"], d["probs"], t) for d in docs]
    union = [sorted(set(a) | set(b)) for a, b in zip(model_hits, lex)]
    print(f"t {t}: tagger {score(docs, model_hits)}  union {score(docs, union)}")
