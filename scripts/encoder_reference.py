"""Reference probabilities for the encoder stage, computed with PyTorch and transformers, so that
slant's own forward pass (src/encoder) can be checked against them: tests/encoder.rs compares
its unit probabilities with the file this writes (tests/fixtures/encoder_reference.json).

Usage: python3 scripts/encoder_reference.py MODEL_DIR ADAPTER.safetensors OUT.json
Each case is a list of units (words and punctuation marks) fed as pre-split words, as in
training; a unit's probability is the mean over its word pieces."""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "experiments"))
from ptc_common import merged_model  # noqa: E402

CASES = [
    "The despot 's meatgrinder war has left the pariah regime isolated , analysts said .".split(),
    "Officials said the council approved the budget on Tuesday after a two-hour meeting .".split(),
    ["“", "We", "will", "crush", "the", "traitors", "”", ",", "Kim", "told", "KCNA", "—", "a",
     "brazen", ",", "UNPRECEDENTED", "threat", "to", "Café", "owners", "in", "Zürich", "."],
    ["naïve", "crypto-fascist", "rhetoric", "(", "so-called", "“", "liberation", "”", ")", "and",
     "sub-units", "of", "the", "army", "3.5", "km", "away", "…"],
]


def main():
    model_dir, adapter_path, out_path = sys.argv[1:4]
    tok, model = merged_model(model_dir, adapter_path)
    out = []
    with torch.no_grad():
        for units in CASES:
            enc = tok([units], is_split_into_words=True, return_tensors="pt", truncation=True,
                      max_length=256)
            probs = torch.softmax(model(**enc).logits, -1)[0, :, 1].tolist()
            sums, counts = [0.0] * len(units), [0] * len(units)
            for j, w in enumerate(enc.word_ids(0)):
                if w is not None:
                    sums[w] += probs[j]
                    counts[w] += 1
            out.append({"units": units, "pieces": enc["input_ids"][0].tolist(),
                        "probs": [s / c if c else 0.0 for s, c in zip(sums, counts)]})
    json.dump({"adapter": adapter_path.split("/")[-1], "cases": out}, open(out_path, "w"),
              ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
