#!/usr/bin/env python3
"""False alarms and power of the test slant uses to compare two groups' shares.

compare.csv also compares shares: of sentences the tone model flags (flagged_share) and of
attributions to each kind of source (attr_<kind>_share). A share is a pooled rate like the
loaded-language rates (Σ count / Σ base over a group's articles), so the same t test applies
(src/stats.rs, compare_rates). What differs is the floor under each group's variance: for a
rate it is the Poisson variance at the common rate, p / base; a share cannot exceed 1, and
its counts are binomial, variance p (1 - p) / base. This script measures both floors.

Simulated articles: the base (attributions or sentences) is Poisson around a per-article mean
drawn uniformly from BASE_LO to BASE_HI; each article's own share is drawn from a beta
distribution around the outlet's share with concentration KAPPA (smaller: articles of one
outlet differ more); the count is binomial. Each line is 2,000 simulated pairs; the columns
are the share of pairs called different (95% interval of the difference leaving out 0), with
min(n_a, n_b) - 1 degrees of freedom as for the rates:
- poisson floor: variance at least p / base (the rates' floor);
- binomial floor: variance at least p (1 - p) / base (what slant uses for shares).
With equal true shares (ratio 1.0) that is the false-alarm rate, 5% if the test is right;
with the second outlet's share 1.5 or 2 times the first's (odds kept below 1) it is the power.

Usage: share_difference_test.py [SHARE] [KAPPA] [BASE_LO] [BASE_HI] [SEED]
(pure Python, no packages; a few minutes)
"""
import math
import random
import sys

import sim_outlets
from sim_outlets import t975

SHARE = float(sys.argv[1]) if len(sys.argv) > 1 else 0.2
KAPPA = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
BASE_LO = float(sys.argv[3]) if len(sys.argv) > 3 else 2.0
BASE_HI = float(sys.argv[4]) if len(sys.argv) > 4 else 20.0
rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)


def binomial(n, p):
    return sum(rng.random() < p for _ in range(n))


def outlet(n, share):
    """(count, base) of `n` articles of an outlet whose true share is `share`."""
    counts, bases = [], []
    for _ in range(n):
        base = sim_outlets.poisson(rng, rng.uniform(BASE_LO, BASE_HI))
        p = rng.betavariate(share * KAPPA, (1 - share) * KAPPA)
        counts.append(binomial(base, p))
        bases.append(base)
    return counts, bases


def estimate(counts, bases):
    """Pooled share, its linearised variance, the units that count, their base (as slant)."""
    units = [(c, b) for c, b in zip(counts, bases) if c > 0 or b > 0]
    n, total = len(units), sum(b for _, b in units)
    if n < 2 or total == 0:
        return None
    r = sum(c for c, _ in units) / total
    ss = sum((c - r * b) ** 2 for c, b in units)
    return r, n / (n - 1) * ss / total ** 2, n, total


def differs(a, b, binomial_floor):
    ea, eb = estimate(*a), estimate(*b)
    if ea is None or eb is None:
        return None
    (ra, va, na, wa), (rb, vb, nb, wb) = ea, eb
    common = (ra * wa + rb * wb) / (wa + wb)
    if common <= 0 or (binomial_floor and common >= 1):
        return None
    spread = common * (1 - common) if binomial_floor else common
    va, vb = max(va, spread / wa), max(vb, spread / wb)
    return abs(ra - rb) > t975(min(na, nb) - 1) * math.sqrt(va + vb)


print(f"share {SHARE}, concentration {KAPPA}, base {BASE_LO}-{BASE_HI} per article: "
      "share of simulated pairs called different (2,000 pairs each)")
print("articles   ratio  poisson floor  binomial floor  (no test)")
for na, nb in [(2, 2), (3, 3), (3, 10), (5, 5), (10, 10), (20, 20), (5, 40)]:
    for ratio in [1.0, 1.5, 2.0]:
        other = min(SHARE * ratio, 0.95)
        pois = bino = none = 0
        for _ in range(2000):
            a, b = outlet(na, SHARE), outlet(nb, other)
            t = differs(a, b, True)
            none += t is None
            bino += bool(t)
            pois += bool(differs(a, b, False))
        print(f"{na:3d} v {nb:<3d}  {ratio:5.1f}  {pois / 2000:13.3f}  {bino / 2000:14.3f}  ({none / 2000:.3f})")
