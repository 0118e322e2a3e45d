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

from ptc_common import BOUNDS, load, predict, train_epoch

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


EPOCHS, BS = 2, 16
opt = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
steps = EPOCHS * ((len(seqs) + BS - 1) // BS)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / steps))
t0 = time.time()
for ep in range(EPOCHS):
    train_epoch(model, tok, seqs, opt, sched, BS, lambda step, loss: print(
        f"epoch {ep} step {step}/{steps} loss {loss:.3f} {time.time() - t0:.0f}s", file=sys.stderr))
result = predict(model, tok, test)
pickle.dump(result, open(out_path, "wb"))
print(f"done in {time.time() - t0:.0f}s", file=sys.stderr)
