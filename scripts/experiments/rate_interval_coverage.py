#!/usr/bin/env python3
"""Coverage of 95% intervals for an outlet's pooled rate (hits per 1,000 words), by simulation.

groups.csv gives each group's pooled rate (sum of hits per 1,000 of the sum of words) with a 95%
interval over its articles. This script compares two ways of making that interval on simulated
outlets whose true rate is known:

- the percentile bootstrap over articles (resample articles, recompute the pooled rate);
- the ratio estimator's linearised standard error with Student's t, n-1 degrees of freedom
  (what slant uses: src/stats.rs, ratio_ci).

An article has U(300, 1500) words and its own rate drawn from a gamma distribution with mean
20 per 1,000 words and the given shape (smaller shape: more articles with few hits and a few
with many); its hits are Poisson. The outlet's true pooled rate is then 20 per 1,000.

Usage: rate_interval_coverage.py [SHAPE] [SEED]   (pure Python, no packages; about a minute)
"""
import math
import random
import sys

import sim_outlets

SHAPE = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
TRUE = 20.0
# 0.975 quantiles of Student's t, df 1..40 where needed
T975 = {1: 12.706, 2: 4.303, 4: 2.776, 9: 2.262, 19: 2.093, 39: 2.023}


def linearised(hits, words):
    n, total = len(hits), sum(words)
    r = sum(hits) / total
    ss = sum((h - r * w) ** 2 for h, w in zip(hits, words))
    half = T975[n - 1] * math.sqrt(n / (n - 1) * ss) / total
    return max(0.0, (r - half) * 1000), (r + half) * 1000


def bootstrap(hits, words, rounds=400):
    n = len(hits)
    est = []
    for _ in range(rounds):
        ids = [rng.randrange(n) for _ in range(n)]
        est.append(sum(hits[i] for i in ids) * 1000 / sum(words[i] for i in ids))
    est.sort()
    return est[round((rounds - 1) * 0.025)], est[round((rounds - 1) * 0.975)]


print(f"gamma shape {SHAPE}: share of simulated outlets whose interval holds the true rate")
print("articles  linearised-t (4000 outlets)  percentile bootstrap (400 outlets)")
for n in [2, 3, 5, 10, 20, 40]:
    lin = sum(lo <= TRUE <= hi for lo, hi in (linearised(*sim_outlets.outlet(rng, n, TRUE, SHAPE)) for _ in range(4000))) / 4000
    boot = sum(lo <= TRUE <= hi for lo, hi in (bootstrap(*sim_outlets.outlet(rng, n, TRUE, SHAPE)) for _ in range(400))) / 400
    print(f"{n:8d}  {lin:27.3f}  {boot:34.3f}")
