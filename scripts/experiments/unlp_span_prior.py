"""Cross-validated check of a span prior for the UNLP 2025 post model (session 27).

Post labels say that a post is manipulative; the annotators' spans say which words made it so.
This compares, by 5-fold CV on UNLP train only, a TF-IDF logistic regression (word 1-2 grams +
character 2-5 grams, as slant's post model without its lexicon counts) with the same model plus
six features of a word prior fitted on the spans (see src/tone/prior.rs). Each post's prior
features come from a prior fitted without it: the training posts of a fold get theirs from an
inner 5-fold split, the held-out posts from a prior fitted on the fold's training posts.

Usage: python3 unlp_span_prior.py [KEY_CHARS (0 = whole word)] [MIN_COUNT]
Needs numpy, scipy and scikit-learn; reads ../../../shared/corpus/unlp2025/train/posts.jsonl.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold

KEY = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] != "0" else None
MIN_COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 2
TRAIN = Path(__file__).resolve().parents[3] / "shared/corpus/unlp2025/train/posts.jsonl"

posts = [json.loads(line) for line in open(TRAIN, encoding="utf-8")]
texts = [p["text"] for p in posts]
loaded = np.array(["loaded_language" in p["techniques"] for p in posts], int)
manipulative = np.array([p["manipulative"] for p in posts], int)
WORD = re.compile(r"\w+")


def marked(post):
    """(key, inside a span) of each word; spans count code points, as Python strings do."""
    out = []
    for m in WORD.finditer(post["text"]):
        inside = any(s < m.end() and m.start() < e for s, e in post["spans"])
        out.append((m.group().lower()[:KEY], inside))
    return out


WORDS = [marked(p) for p in posts]


def fit_prior(ids):
    n, a = Counter(), Counter()
    for i in ids:
        for w, inside in WORDS[i]:
            n[w] += 1
            a[w] += inside
    r = sum(a.values()) / max(1, sum(n.values()))
    base = np.log(r / (1 - r))
    return {w: np.log((a[w] + 2 * r) / (n[w] - a[w] + 2 * (1 - r))) - base for w in n if n[w] >= MIN_COUNT}


def prior_features(i, prior):
    v = np.array([prior.get(w, 0.0) for w, _ in WORDS[i]] or [0.0])
    top = np.sort(v)[::-1]
    return [v.mean(), (v > 0.5).sum() / 10, (v > 1).mean(), top[:1].mean(), top[:10].mean(), top[:3].mean()]


def nested_features(train, held):
    outer = fit_prior(train)
    held_f = np.array([prior_features(i, outer) for i in held])
    train_f = np.zeros((len(train), 6))
    for fit_idx, apply_idx in KFold(5, shuffle=True, random_state=1).split(train):
        inner = fit_prior([train[j] for j in fit_idx])
        for j in apply_idx:
            train_f[j] = prior_features(train[j], inner)
    return train_f, held_f


scores = {"tf-idf": np.zeros(len(posts)), "tf-idf + prior": np.zeros(len(posts))}
for train, held in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, loaded):
    words = TfidfVectorizer(ngram_range=(1, 2), max_features=5000, sublinear_tf=True, min_df=2)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), max_features=15000, sublinear_tf=True, min_df=2)
    xa = hstack([words.fit_transform([texts[i] for i in train]), chars.fit_transform([texts[i] for i in train])])
    xb = hstack([words.transform([texts[i] for i in held]), chars.transform([texts[i] for i in held])])
    fa, fb = nested_features(list(train), list(held))
    lr = lambda: LogisticRegression(C=1, max_iter=3000)
    scores["tf-idf"][held] = lr().fit(xa.tocsr(), loaded[train]).decision_function(xb.tocsr())
    xa2, xb2 = hstack([xa, csr_matrix(fa)]).tocsr(), hstack([xb, csr_matrix(fb)]).tocsr()
    scores["tf-idf + prior"][held] = lr().fit(xa2, loaded[train]).decision_function(xb2)
for name, s in scores.items():
    print(f"{name:16} CV AUC loaded_language {roc_auc_score(loaded, s):.4f}, manipulative {roc_auc_score(manipulative, s):.4f}")
