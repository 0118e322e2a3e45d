"""Trains the word tagger that `slant --encoder DIR` runs: all-MiniLM-L6-v2 fitted on PTC train
to tell words inside Loaded_Language or Name_Calling,Labeling spans from the rest. Only what
training changed is written (data/encoder/adapter.safetensors); the base model stays where it
was downloaded.

Two recipes. By default, low-rank adapters (LoRA) on every linear layer of the six transformer
blocks, trainable layer norms and a two-class head (the first shipped adapter: rank 8, lr 1e-3,
3 epochs). With --full (the shipped adapter: --full --epochs 2 --lr 5e-5 --rank 16), every
weight but the word embeddings is fine-tuned, and each linear layer's change is then cut to its
best rank-R approximation (truncated SVD) so that it fits the same adapter format; biases, layer
norms, position embeddings and head are written whole, and the uncut model as full.safetensors
(for scripts/experiments/cut_full.py).

Selection is on PTC train only: the model is fitted on four of the five contiguous blocks of
train (those of scripts/experiments; by default blocks 1-4, --hold K holds out block K) and the
held-out block is predicted after each epoch, written as word probabilities for
`scripts/experiments/select_encoder.py`. With --all the model is fitted on all of train for the
given number of epochs and no predictions are written. Dev is never read.

--pack (an experiment, not adopted; slant itself reads one line per chunk) fills each chunk
with consecutive lines while they fit, so the model sees the neighbouring sentences; --batch
sets the chunks per step (16; 5 keeps the units per step when packing).

Needs torch, transformers, safetensors, numpy, pandas, scipy (not installed by the project).
Usage: python3 scripts/train_encoder.py MODEL_DIR OUT_DIR [--all] [--full] [--epochs N] [--rank R]
       [--lr X] [--seed S] [--hold K] [--pack] [--batch B] [--ptc DIR]"""
import argparse
import json
import os
import pickle
import random
import sys
import time

import numpy as np
import torch
from safetensors.torch import save_file
from transformers import AutoModelForTokenClassification, AutoTokenizer

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "experiments"))
from ptc_common import BOUNDS, load, predict, train_epoch  # noqa: E402

BS, MAX_LEN = 16, 256
TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value",
           "attention.output.dense", "intermediate.dense", "output.dense")


class LoRA(torch.nn.Module):
    """A frozen linear layer plus scale * B A x, with B starting at zero."""

    def __init__(self, base, rank, alpha):
        super().__init__()
        self.base = base
        self.a = torch.nn.Parameter(torch.randn(rank, base.in_features) / rank)
        self.b = torch.nn.Parameter(torch.zeros(base.out_features, rank))
        self.scale = alpha / rank

    def forward(self, x):
        return self.base(x) + self.scale * ((x @ self.a.T) @ self.b.T)


def is_target(module_name):
    """Whether a module of the token-classification model is one of the adapted linear layers."""
    return module_name.startswith("bert.encoder.layer.") and any(
        module_name.endswith(t) and (t != "output.dense" or ".attention." not in module_name) for t in TARGETS)


def low_rank(delta, rank, scale):
    """A (rank x in) and B (out x rank) with scale * B A the best rank-`rank` approximation of
    `delta` (out x in), the singular values split evenly between the two."""
    u, s, vh = torch.linalg.svd(delta.double(), full_matrices=False)
    root = s[:rank].sqrt()
    a = root[:, None] * vh[:rank]
    b = u[:, :rank] * root[None, :] / scale
    return a.float().contiguous(), b.float().contiguous()


WORD_EMBEDDINGS = "bert.embeddings.word_embeddings.weight"
# alpha is twice the rank, so an adapter's scale (alpha / rank) is 2 whatever its rank
ALPHA_PER_RANK = 2


def cut(params, base, rank):
    """The adapter tensors of a fully fine-tuned model (`params`, named as in the
    token-classification model) over `base`: each adapted layer's change cut to rank `rank`,
    every other changed tensor but the word embeddings whole."""
    tensors = {}
    for name, p in params.items():
        short = name if name.startswith("classifier.") else name[len("bert."):]
        stem = short[: -len(".weight")]
        if name.endswith(".weight") and is_target(name[: -len(".weight")]):
            tensors[stem + ".lora_a"], tensors[stem + ".lora_b"] = low_rank(p - base[name], rank, ALPHA_PER_RANK)
        elif name != WORD_EMBEDDINGS and not torch.equal(p, base[name]):
            tensors[short] = p.contiguous()
    return tensors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--ptc", default="../shared/corpus/ptc")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--hold", type=int, default=0, choices=range(len(BOUNDS)), help="the train block held out")
    ap.add_argument("--rank", type=int, default=8, help="adapter rank (alpha is ALPHA_PER_RANK times the rank)")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--full", action="store_true", help="fine-tune all but the word embeddings, then cut to rank R")
    ap.add_argument("--pack", action="store_true", help="chunks hold consecutive lines while they fit (context)")
    ap.add_argument("--batch", type=int, default=BS, help="chunks per training step")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(2)

    tok = AutoTokenizer.from_pretrained(args.model_dir)
    model = AutoModelForTokenClassification.from_pretrained(args.model_dir, num_labels=2)
    adapters = {}
    if args.full:
        base = {n: p.detach().clone() for n, p in model.named_parameters()}
        for name, p in model.named_parameters():
            p.requires_grad = name != WORD_EMBEDDINGS
    else:
        for p in model.parameters():
            p.requires_grad = False
        for name, module in list(model.named_modules()):
            if is_target(name):
                parent = model.get_submodule(name.rsplit(".", 1)[0])
                lora = LoRA(module, args.rank, ALPHA_PER_RANK * args.rank)
                setattr(parent, name.rsplit(".", 1)[1], lora)
                adapters[name[len("bert."):]] = lora
        for name, p in model.named_parameters():
            if "LayerNorm" in name or name.startswith("classifier."):
                p.requires_grad = True
    trainable = [p for p in model.parameters() if p.requires_grad]
    print(f"{len(adapters)} adapted layers, {sum(p.numel() for p in trainable)} trainable values",
          file=sys.stderr)

    train = load(os.path.join(args.ptc, "train"), "train-task2-TC.labels", pack=args.pack)
    lo, hi = BOUNDS[args.hold]
    held = [] if args.all else train[lo:hi]
    fit = train if args.all else train[:lo] + train[hi:]
    seqs = [(c, y) for d in fit for c, y in zip(d["chunks"], d["y"])]

    opt = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(seqs) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / steps))
    t0 = time.time()
    for ep in range(args.epochs):
        train_epoch(model, tok, seqs, opt, sched, args.batch, lambda step, loss: print(
            f"epoch {ep} step {step}/{steps} loss {loss:.3f} {time.time() - t0:.0f}s", file=sys.stderr),
            MAX_LEN)
        if held:
            result = predict(model, tok, held)
            path = os.path.join(args.out_dir, f"block{args.hold}_epoch{ep + 1}.pkl")
            pickle.dump(result, open(path, "wb"))
            print(f"wrote {path} after {time.time() - t0:.0f}s", file=sys.stderr)

    if args.full:
        params = {n: p.detach() for n, p in model.named_parameters()}
        # the fine-tuned layers before the cut, to compare ranks without refitting
        save_file({n: p.contiguous() for n, p in params.items() if n != WORD_EMBEDDINGS},
                  os.path.join(args.out_dir, "full.safetensors"))
        tensors = cut(params, base, args.rank)
    else:
        tensors = {}
        for name, lora in adapters.items():
            tensors[name + ".lora_a"] = lora.a.detach().contiguous()
            tensors[name + ".lora_b"] = lora.b.detach().contiguous()
        for name, p in model.named_parameters():
            if "LayerNorm" in name:
                tensors[name[len("bert."):]] = p.detach().contiguous()
            elif name.startswith("classifier."):
                tensors[name] = p.detach().contiguous()
    meta = {"rank": str(args.rank), "alpha": str(ALPHA_PER_RANK * args.rank), "epochs": str(args.epochs), "lr": str(args.lr),
            "method": "full fine-tuning cut to rank R by SVD" if args.full else "LoRA",
            "fit": "ptc train" if args.all else f"ptc train without block {args.hold}", "seed": str(args.seed),
            "base": "sentence-transformers/all-MiniLM-L6-v2"}
    if args.pack or args.batch != BS:  # the shipped recipe's metadata stays as it was
        meta.update({"context": "lines packed" if args.pack else "line", "batch": str(args.batch)})
    write_adapter(args.out_dir, tensors, meta)
    print(f"done in {time.time() - t0:.0f}s", file=sys.stderr)


def write_adapter(out_dir, tensors, meta):
    """adapter.safetensors (the tensors, with `meta` as metadata) and adapter.json in `out_dir`."""
    save_file(tensors, os.path.join(out_dir, "adapter.safetensors"), metadata=meta)
    json.dump(meta, open(os.path.join(out_dir, "adapter.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
