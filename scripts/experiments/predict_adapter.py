"""Word probabilities of the base model with an adapter file merged in as slant merges it, on
a held-out PTC train block (for select_encoder.py) or on dev. Used to score adapter soups
(scripts/soup_adapters.py), which train_encoder.py does not predict itself.
Research script, not part of CI; needs torch, transformers, safetensors, numpy, pandas, scipy.
Usage: python3 predict_adapter.py [--pack] MODEL_DIR ADAPTER.safetensors block0|...|block4|dev OUT.pkl [PTC_DIR]
  --pack: chunks hold consecutive lines while they fit (for adapters trained with --pack)"""
import os
import pickle
import sys

import torch

from ptc_common import BOUNDS, load, merged_model, predict


def main():
    pack = "--pack" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--pack"]
    if len(args) < 4 or args[2] not in ["dev"] + [f"block{k}" for k in range(len(BOUNDS))]:
        sys.exit(__doc__)
    model_dir, adapter_path, which, out_path = args[:4]
    ptc = args[4] if len(args) > 4 else "../shared/corpus/ptc"
    torch.set_num_threads(2)
    tok, model = merged_model(model_dir, adapter_path)
    if which == "dev":
        docs = load(os.path.join(ptc, "dev"), "dev-task-TC.trimmed.labels", pack=pack)
    else:
        lo, hi = BOUNDS[int(which[len("block"):])]
        docs = load(os.path.join(ptc, "train"), "train-task2-TC.labels", pack=pack)[lo:hi]
    pickle.dump(predict(model, tok, docs), open(out_path, "wb"))


if __name__ == "__main__":
    main()
