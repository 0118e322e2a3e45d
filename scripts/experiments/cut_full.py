"""Cuts a fully fine-tuned encoder (the full.safetensors that `train_encoder.py --full` writes)
to an adapter of another rank, so that ranks can be compared without refitting; score the result
with predict_adapter.py and select_encoder.py. Research script, not part of CI; needs torch,
transformers, safetensors.
Usage: python3 cut_full.py MODEL_DIR FULL.safetensors RANK OUT_DIR"""
import json
import os
import sys

from safetensors.torch import load_file
from transformers import AutoModelForTokenClassification

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from train_encoder import ALPHA_PER_RANK, cut, write_adapter  # noqa: E402


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    model_dir, full_path, rank, out_dir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    model = AutoModelForTokenClassification.from_pretrained(model_dir, num_labels=2)
    base = {n: p.detach() for n, p in model.named_parameters()}
    full = load_file(full_path)
    meta_path = os.path.join(os.path.dirname(full_path), "adapter.json")
    meta = json.load(open(meta_path)) if os.path.exists(meta_path) else {}
    meta.update(rank=str(rank), alpha=str(ALPHA_PER_RANK * rank))
    os.makedirs(out_dir, exist_ok=True)
    write_adapter(out_dir, cut(full, base, rank), meta)


if __name__ == "__main__":
    main()
