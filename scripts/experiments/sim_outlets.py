"""Simulated outlets for the rate experiments (rate_interval_coverage.py, rate_difference_test.py,
share_difference_test.py), and the t quantile they share.

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


T_TABLE = [12.70620, 4.30265, 3.18245, 2.77645, 2.57058, 2.44691, 2.36462, 2.30600, 2.26216,
           2.22814, 2.20099, 2.17881, 2.16037, 2.14479, 2.13145, 2.11991, 2.10982, 2.10092,
           2.09302, 2.08596, 2.07961, 2.07387, 2.06866, 2.06390, 2.05954, 2.05553, 2.05183,
           2.04841, 2.04523, 2.04227]


def t975(df):
    """0.975 quantile of Student's t at a whole number of degrees of freedom (mirrors slant's
    stats::t975: the same table and expansion)."""
    if df <= 30:
        return T_TABLE[df - 1]
    z, n = 1.959963985, float(df)
    g1 = (z ** 3 + z) / 4
    g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96
    g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384
    return z + g1 / n + g2 / n ** 2 + g3 / n ** 3
