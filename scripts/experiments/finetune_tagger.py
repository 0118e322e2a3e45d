"""Fine-tuned encoder: MiniLM-L6 trained end to end as a word tagger (inside a Loaded_Language
or Name_Calling,Labeling span or not), 2 epochs, AdamW 5e-5, batches of 16 chunks of at most
100 words. Writes the held-out word probabilities; score them with `ft_score.py`.
Research script, not part of CI (about 15 minutes per run on 2 cores).

Needs: pip install torch transformers scikit-learn pandas scipy, and the encoder files (see
encoder_probe.py). Usage: python3 finetune_tagger.py MODEL_DIR HOLD OUT.pkl [PTC_DIR]
  HOLD: 0-4 trains on the other four blocks of PTC train and predicts block HOLD;
  `dev` trains on all of train and predicts dev. The environment variable SEED (default 0)
  sets the random seed."""
import os
import pickle
import random
import sys
import time

import numpy as np
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from ptc_common import BOUNDS, load, word_means

model_dir, hold, out_path = sys.argv[1:4]
ptc = sys.argv[4] if len(sys.argv) > 4 else "../shared/corpus/ptc"
seed = int(os.environ.get("SEED", "0"))
torch.manual_seed(seed)
random.seed(seed)
np.random.seed(seed)
torch.set_num_threads(2)
tok = AutoTokenizer.from_pretrained(model_dir)
model = AutoModelForTokenClassification.from_pretrained(model_dir, num_labels=2)
train = load(os.path.join(ptc, "train"), "train-task2-TC.labels")
if hold == "dev":
    test = load(os.path.join(ptc, "dev"), "dev-task-TC.trimmed.labels")
else:
    lo, hi = BOUNDS[int(hold)]
    train, test = train[:lo] + train[hi:], train[lo:hi]
seqs = [(c, y) for d in train for c, y in zip(d["chunks"], d["y"])]


def encode(batch, labels=None):
    t = tok([[w for _, _, w, _ in c] for c in batch], is_split_into_words=True, return_tensors="pt",
            truncation=True, max_length=256, padding=True)
    if labels is None:
        return t, None
    lab = torch.full(t["input_ids"].shape, -100)
    for r, y in enumerate(labels):
        for j, w in enumerate(t.word_ids(r)):
            if w is not None:
                lab[r, j] = y[w]
    return t, lab


EPOCHS, BS = 2, 16
opt = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
steps = EPOCHS * ((len(seqs) + BS - 1) // BS)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / steps))
model.train()
t0, step = time.time(), 0
for ep in range(EPOCHS):
    random.shuffle(seqs)
    for b in range(0, len(seqs), BS):
        batch = seqs[b:b + BS]
        t, lab = encode([c for c, _ in batch], [y for _, y in batch])
        loss = model(**t, labels=lab).loss
        loss.backward()
        opt.step()
        sched.step()
        opt.zero_grad()
        step += 1
        if step % 100 == 0:
            print(f"epoch {ep} step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s", file=sys.stderr)
model.eval()
result = {}
with torch.no_grad():
    for d in test:
        probs = []
        for b in range(0, len(d["chunks"]), 32):
            batch = d["chunks"][b:b + 32]
            t, _ = encode(batch)
            pr = torch.softmax(model(**t).logits, -1)[..., 1].numpy()
            for r, c in enumerate(batch):
                probs.extend(word_means(t.word_ids(r), pr[r], len(c)))
        words = [w for c in d["chunks"] for w in c]
        result[d["id"]] = dict(id=d["id"], words=words, probs=np.array(probs), spans=d["spans"], nwords=d["nwords"])
pickle.dump(result, open(out_path, "wb"))
print(f"done in {time.time() - t0:.0f}s", file=sys.stderr)
