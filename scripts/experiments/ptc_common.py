"""Shared helpers of the encoder experiments: PTC words with gold labels, hits from word
probabilities, and slant's loaded-language metrics (hit precision, span recall, span F1,
Spearman rho of hits and gold spans per 1,000 words). Research code, not part of CI."""
import collections
import os
import re

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

TARGET = ("Loaded_Language", "Name_Calling,Labeling")
WORD = re.compile(r"\w+(?:[’'\-]\w+)*|[^\w\s]")
# the 5 contiguous blocks of the 297 PTC train articles sorted by id (as oof_lexicon.sh)
BOUNDS = [(0, 60), (60, 119), (119, 179), (179, 238), (238, 297)]


def load(ptc_split_dir, labels_file, max_words=100, pack=False):
    """Articles of a PTC split as dicts: id, chunks (lists of (start, end, word, line), at most
    `max_words` words), y (gold flags per word), spans, nwords. A line longer than `max_words`
    is cut into pieces; without `pack` each piece is a chunk, with `pack` consecutive pieces
    share a chunk while they fit, so the model sees the neighbouring sentences."""
    spans = collections.defaultdict(list)
    for line in open(os.path.join(ptc_split_dir, labels_file), encoding="utf-8"):
        a, t, s, e = line.rstrip("\n").split("\t")
        if t in TARGET:
            spans[a].append((int(s), int(e)))
    docs = []
    adir = os.path.join(ptc_split_dir, "articles")
    for f in sorted(os.listdir(adir)):
        a = f[len("article"):-len(".txt")]
        text = open(os.path.join(adir, f), encoding="utf-8").read()
        chunks, pos = [], 0
        for li, line in enumerate(text.split("\n")):
            ws = [(m.start() + pos, m.end() + pos, m.group(), li) for m in WORD.finditer(line)]
            pos += len(line) + 1
            for piece in (ws[k:k + max_words] for k in range(0, len(ws), max_words)):
                if pack and chunks and len(chunks[-1]) + len(piece) <= max_words:
                    chunks[-1] = chunks[-1] + piece
                else:
                    chunks.append(piece)
        y = [[int(any(s < ge and gs < e for gs, ge in spans[a])) for s, e, _, _ in c] for c in chunks]
        docs.append(dict(id=a, chunks=chunks, y=y, spans=spans[a], nwords=len(text.split())))
    return docs


def word_means(word_ids, values, n, dtype=np.float64):
    """Mean of the word pieces' `values` (one row per piece) for each of `n` words; pieces
    that belong to no word ([CLS], [SEP], padding) are skipped."""
    acc, cnt = np.zeros((n,) + values.shape[1:], dtype), np.zeros(n)
    for j, w in enumerate(word_ids):
        if w is not None:
            acc[w] += values[j]
            cnt[w] += 1
    return acc / np.maximum(cnt, 1).reshape((n,) + (1,) * (values.ndim - 1))


def encode(tok, chunks, labels=None, max_length=256):
    """A tokenizer batch of word chunks (as `load` makes them), with per-piece labels (-100 for
    pieces of no word) when `labels` gives each chunk's word flags."""
    import torch
    t = tok([[w for _, _, w, _ in c] for c in chunks], is_split_into_words=True, return_tensors="pt",
            truncation=True, max_length=max_length, padding=True)
    if labels is None:
        return t, None
    lab = torch.full(t["input_ids"].shape, -100)
    for r, y in enumerate(labels):
        for j, w in enumerate(t.word_ids(r)):
            if w is not None:
                lab[r, j] = y[w]
    return t, lab


def train_epoch(model, tok, seqs, opt, sched, batch_size, log, max_length=256):
    """One shuffled pass over (chunk, word flags) pairs in batches; `log(step, loss)` every 100
    steps, counting from the scheduler's step."""
    import random
    model.train()
    random.shuffle(seqs)
    for b in range(0, len(seqs), batch_size):
        batch = seqs[b:b + batch_size]
        t, lab = encode(tok, [c for c, _ in batch], [y for _, y in batch], max_length)
        loss = model(**t, labels=lab).loss
        loss.backward()
        opt.step()
        sched.step()
        opt.zero_grad()
        step = sched.last_epoch
        if step % 100 == 0:
            log(step, loss.item())


def predict(model, tok, docs):
    """Word probabilities of a token-classification model on `docs` (as `load` makes them), by
    article id: dicts of id, words, probs, spans, nwords, as the scoring scripts read them."""
    import torch
    model.eval()
    result = {}
    with torch.no_grad():
        for d in docs:
            probs = []
            for b in range(0, len(d["chunks"]), 32):
                batch = d["chunks"][b:b + 32]
                t, _ = encode(tok, batch)
                pr = torch.softmax(model(**t).logits, -1)[..., 1].numpy()
                for r, c in enumerate(batch):
                    probs.extend(word_means(t.word_ids(r), pr[r], len(c)))
            words = [w for c in d["chunks"] for w in c]
            result[d["id"]] = dict(id=d["id"], words=words, probs=np.array(probs), spans=d["spans"],
                                   nwords=d["nwords"])
    return result


def merged_model(model_dir, adapter_path):
    """The base token-classification model with an adapter file of scripts/train_encoder.py
    merged in as slant merges it (weight += alpha / rank * B A; layer norms and head replaced),
    in eval mode, with its tokenizer."""
    import torch
    from safetensors.torch import load_file, safe_open
    from transformers import AutoModelForTokenClassification, AutoTokenizer
    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForTokenClassification.from_pretrained(model_dir, num_labels=2)
    adapter = load_file(adapter_path)
    with safe_open(adapter_path, "pt") as f:
        meta = f.metadata()
    scale = float(meta["alpha"]) / float(meta["rank"])
    params = dict(model.named_parameters())
    with torch.no_grad():
        for name, t in adapter.items():
            if name.endswith(".lora_a"):
                prefix = name[: -len(".lora_a")]
                params["bert." + prefix + ".weight"] += scale * (adapter[prefix + ".lora_b"] @ t)
            elif not name.endswith(".lora_b"):
                params[name if name.startswith("classifier.") else "bert." + name].copy_(t)
    model.eval()
    return tok, model


def slant_stopwords():
    """slant's function-word list (`STOPWORDS` in src/text/mod.rs), read from the source so that
    the experiments use the same list."""
    src = open(os.path.join(os.path.dirname(__file__), "..", "..", "src", "text", "mod.rs"), encoding="utf-8").read()
    body = src.split("pub const STOPWORDS: &[&str] = &[", 1)[1].split("];", 1)[0]
    return set(re.findall(r'"([^"]+)"', body))


def slant_hits(hits_csvs):
    """Counted loaded-language hits of slant's hits.csv files, by PTC article id."""
    out = collections.defaultdict(list)
    for p in hits_csvs:
        h = pd.read_csv(p, keep_default_na=False)
        h = h[(h.category != "caps_emphasis") & (h.counted)]
        for a, s, e in zip(h.article_id, h.start, h.end):
            out[a[len("article"):]].append((int(s), int(e)))
    return out


def hits_from(words, probs, t):
    """Runs of adjacent words of one line with probability >= t, as (start, end) hits."""
    out, cur = [], None
    for (s, e, _, li), p in zip(words, probs):
        if p >= t:
            if cur is not None and cur[2] == li:
                cur[1] = e
            else:
                cur = [s, e, li]
                out.append(cur)
        else:
            cur = None
    return [(a, b) for a, b, _ in out]


def score(docs, hitsets):
    """(span F1, hit precision, span recall, article rho, hits) of per-article hit lists."""
    tp = nh = found = ng = 0
    xs, ys = [], []
    for d, hs in zip(docs, hitsets):
        for s, e in hs:
            nh += 1
            tp += any(s < ge and gs < e for gs, ge in d["spans"])
        for gs, ge in d["spans"]:
            ng += 1
            found += any(s < ge and gs < e for s, e in hs)
        xs.append(len(hs) / d["nwords"])
        ys.append(len(d["spans"]) / d["nwords"])
    p, r = tp / max(nh, 1), found / max(ng, 1)
    f = 2 * p * r / max(p + r, 1e-9)
    return round(f, 3), round(p, 3), round(r, 3), round(float(spearmanr(xs, ys).correlation), 3), nh
