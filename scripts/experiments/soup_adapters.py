"""Averages adapters made by scripts/train_encoder.py (same base model, same alpha / rank) into one
adapter file that slant loads like any other: a "model soup" of their merged weights.

Each adapter adds scale * B A to a linear layer. Stacking the adapters' A matrices (rank r1 + r2
+ ... rows) and their B matrices (as many columns), the B's divided by the number of adapters,
gives one adapter of the summed rank whose scale * B A is the mean of the adapters' updates.
Layer norms and the head are averaged. The forward pass then costs what one adapter's does.

Needs torch and safetensors (not installed by the project).
Usage: python3 scripts/experiments/soup_adapters.py OUT.safetensors ADAPTER.safetensors ADAPTER.safetensors..."""
import json
import sys

import torch
from safetensors.torch import load_file, safe_open, save_file


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    out, paths = sys.argv[1], sys.argv[2:]
    adapters = [load_file(p) for p in paths]
    metas = []
    for p in paths:
        with safe_open(p, "pt") as f:
            metas.append(f.metadata())
    scales = {float(m["alpha"]) / float(m["rank"]) for m in metas}
    names = {tuple(sorted(a)) for a in adapters}
    if len(scales) != 1 or len(names) != 1:
        sys.exit("the adapters differ in alpha / rank or in the tensors they hold")
    scale, n = scales.pop(), len(adapters)
    soup = {}
    for name in adapters[0]:
        if name.endswith(".lora_a"):
            soup[name] = torch.cat([a[name] for a in adapters], 0).contiguous()
        elif name.endswith(".lora_b"):
            soup[name] = (torch.cat([a[name] for a in adapters], 1) / n).contiguous()
        else:
            soup[name] = (sum(a[name] for a in adapters) / n).contiguous()
    rank = sum(int(m["rank"]) for m in metas)
    meta = dict(metas[0])
    meta.update(rank=str(rank), alpha=f"{scale * rank:g}",
                soup=json.dumps([{k: m.get(k) for k in ("seed", "fit", "epochs", "lr")} for m in metas]))
    save_file(soup, out, metadata=meta)
    print(f"{out}: {n} adapters, rank {rank}, alpha {meta['alpha']}", file=sys.stderr)


if __name__ == "__main__":
    main()
