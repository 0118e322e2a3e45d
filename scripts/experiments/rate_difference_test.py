#!/usr/bin/env python3
"""False alarms and power of the test slant uses to compare two groups' pooled rates.

compare.csv gives, for two groups (outlets), the difference of their pooled rates (hits per
1,000 words) with a 95% interval and a two-sided p-value (src/stats.rs, compare_rates). This
script simulates pairs of outlets and counts how often a test calls them different:

- with equal true rates: the false alarm rate, 5% if the test is right;
- with the second outlet's true rate 1.5 or 2 times the first's: the power.

Articles are made by sim_outlets.py: U(300, 1500) words, an article rate drawn from a gamma
distribution with the given shape around the outlet's rate, Poisson hits.

Four tests are compared, each a t test on the difference of the two rates:
- plain: each rate's linearised variance as it is, Welch's degrees of freedom; a pair where
  a group has no hits at all has no variance to measure there and gets no test (the share of
  such pairs in parentheses; the column is a share of the tested pairs);
- floor: each rate's variance at least the Poisson variance at the two groups' common rate
  (common rate / group words), so a group without hits still gets a test; Welch's degrees;
- jackknife+floor: the jackknife variance of each rate instead of the linearised one;
- floor+df(min n - 1): the floor with min(n_a, n_b) - 1 degrees of freedom (what slant uses).

Usage: rate_difference_test.py [SHAPE] [SEED] [BASE_RATE]   (pure Python, no packages; a few minutes)
"""
import math
import random
import sys

import sim_outlets
from sim_outlets import t975

SHAPE = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
BASE = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0
def estimate(hits, words):
    n, total = len(hits), sum(words)
    r = sum(hits) / total
    ss = sum((h - r * w) ** 2 for h, w in zip(hits, words))
    return r, n / (n - 1) * ss / total ** 2, n, total


def jackknife(hits, words):
    n, total, h = len(hits), sum(words), sum(hits)
    r = h / total
    loo = [(h - x) / (total - w) for x, w in zip(hits, words)]
    m = sum(loo) / n
    return r, (n - 1) / n * sum((x - m) ** 2 for x in loo), n, total


def differs(a, b, floor, est=estimate, hsu=False):
    """True when the 95% interval of the difference leaves out 0; None when there is no test."""
    (ra, va, na, wa), (rb, vb, nb, wb) = est(*a), est(*b)
    if floor:
        pooled = (ra * wa + rb * wb) / (wa + wb)
        va, vb = max(va, pooled / wa), max(vb, pooled / wb)
    if va == 0 or vb == 0:
        return None
    df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
    if hsu:
        df = min(na, nb) - 1
    return abs(ra - rb) > t975(max(1, math.floor(df))) * math.sqrt(va + vb)


print(f"gamma shape {SHAPE}, base rate {BASE}: share of simulated pairs called different (2,000 pairs each)")
print("articles   ratio  plain (no test)  floor  jackknife+floor  floor+df(min n - 1)")
for na, nb in [(2, 2), (3, 3), (3, 10), (5, 5), (10, 10), (20, 20), (5, 40)]:
    for ratio in [1.0, 1.5, 2.0]:
        plain = floor = jack = hsu = none = 0
        for _ in range(2000):
            a, b = sim_outlets.outlet(rng, na, BASE, SHAPE), sim_outlets.outlet(rng, nb, BASE * ratio, SHAPE)
            p = differs(a, b, False)
            none += p is None
            plain += bool(p)
            floor += bool(differs(a, b, True))
            jack += bool(differs(a, b, True, jackknife))
            hsu += bool(differs(a, b, True, estimate, True))
        tested = 2000 - none
        print(f"{na:3d} v {nb:<3d}  {ratio:5.1f}  {plain / max(1, tested):5.3f} ({none / 2000:5.3f})  {floor / 2000:5.3f}  {jack / 2000:5.3f}  {hsu / 2000:5.3f}")
