"""Simulated outlets for the rate experiments (rate_interval_coverage.py, rate_difference_test.py).

An article has U(300, 1500) words and its own rate drawn from a gamma distribution with the
given shape around the outlet's rate (per 1,000 words); its hits are Poisson.
"""
import math


def poisson(rng, lam):
    """A Poisson draw with mean `lam` (Knuth's product of uniforms)."""
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p < limit:
            return k
        k += 1


def outlet(rng, n, rate, shape):
    """(hits, words) of `n` articles of an outlet whose true rate is `rate` per 1,000 words."""
    words = [rng.uniform(300, 1500) for _ in range(n)]
    hits = [poisson(rng, rng.gammavariate(shape, rate / shape) * w / 1000) for w in words]
    return hits, words
