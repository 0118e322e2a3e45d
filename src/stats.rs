//! Statistics shared by the evaluations and the report: rank correlation, F1, fixed-seed
//! bootstrap intervals, Student's t quantile and p-value, the interval of a pooled rate and the
//! comparison of two.

/// Spearman rank correlation (ties get average ranks). `None` with fewer than 3 pairs
/// or when either side is constant.
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 3 {
        return None;
    }
    let rx = ranks(xs);
    let ry = ranks(ys);
    pearson(&rx, &ry)
}

fn ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for k in i..=j {
            r[idx[k]] = avg;
        }
        i = j + 1;
    }
    r
}

/// Pearson correlation; `None` when either side is constant.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Resamples drawn by [`bootstrap_ci`].
pub const BOOTSTRAP_ROUNDS: usize = 1000;

/// 95% percentile bootstrap intervals of `K` statistics over `items` (say articles): each
/// statistic of [`BOOTSTRAP_ROUNDS`] resamples of as many items drawn with replacement, its 2.5th
/// and 97.5th percentiles. `stats` computes all `K` on one resample, so they share the draws.
/// The draws come from a fixed-seed generator, so the same items give the same intervals. An
/// interval is `None` when fewer than 2 items, or when its statistic is undefined on more than 1
/// resample in 20 (so an interval is never built from the lucky draws alone).
pub fn bootstrap_ci<T, const K: usize>(
    items: &[T],
    stats: impl Fn(&[&T]) -> [Option<f64>; K],
) -> [Option<[f64; 2]>; K] {
    if items.len() < 2 {
        return [None; K];
    }
    let mut state: u64 = 0x5eed_51a7;
    let mut next = || {
        // splitmix64
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let n = items.len() as u64;
    let mut values: [Vec<f64>; K] = std::array::from_fn(|_| Vec::with_capacity(BOOTSTRAP_ROUNDS));
    let mut sample: Vec<&T> = Vec::with_capacity(items.len());
    for _ in 0..BOOTSTRAP_ROUNDS {
        sample.clear();
        sample.extend((0..n).map(|_| &items[(next() % n) as usize]));
        for (v, x) in values.iter_mut().zip(stats(&sample)) {
            v.extend(x);
        }
    }
    values.map(|mut v| {
        if v.len() * 20 < BOOTSTRAP_ROUNDS * 19 {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
        Some([at(0.025), at(0.975)])
    })
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom (`df` ≥ 1): from the usual
/// table (five decimals) up to 30, above that from the Cornish-Fisher expansion around the
/// normal quantile (within 1e-5 of the table at 30).
pub fn t975(df: usize) -> f64 {
    debug_assert!(df >= 1, "t needs a degree of freedom");
    const TABLE: [f64; 30] = [
        12.70620, 4.30265, 3.18245, 2.77645, 2.57058, 2.44691, 2.36462, 2.30600, 2.26216, 2.22814, 2.20099, 2.17881,
        2.16037, 2.14479, 2.13145, 2.11991, 2.10982, 2.10092, 2.09302, 2.08596, 2.07961, 2.07387, 2.06866, 2.06390,
        2.05954, 2.05553, 2.05183, 2.04841, 2.04523, 2.04227,
    ];
    if (1..=30).contains(&df) {
        return TABLE[df - 1];
    }
    let (z, n) = (1.959_963_985_f64, df.max(1) as f64);
    let g1 = (z.powi(3) + z) / 4.0;
    let g2 = (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / 96.0;
    let g3 = (3.0 * z.powi(7) + 19.0 * z.powi(5) + 17.0 * z.powi(3) - 15.0 * z) / 384.0;
    z + g1 / n + g2 / (n * n) + g3 / (n * n * n)
}

/// A pooled rate Σ count / Σ base over units (articles) and the variance of that estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RatioEstimate {
    rate: f64,
    /// The ratio estimator's linearised variance, n/(n−1) Σ (countᵢ − R baseᵢ)² / (Σ base)².
    var: f64,
    /// Units kept (those with a count or a base).
    n: usize,
    base: f64,
}

/// The pooled rate of `units` (count, base) and its variance; units with neither count nor
/// base carry no information and are left out. `None` with fewer than 2 units left or no base.
fn ratio_estimate(units: &[(f64, f64)]) -> Option<RatioEstimate> {
    let kept: Vec<(f64, f64)> = units.iter().copied().filter(|&(count, base)| base > 0.0 || count > 0.0).collect();
    let n = kept.len();
    let base: f64 = kept.iter().map(|u| u.1).sum();
    if n < 2 || base <= 0.0 {
        return None;
    }
    let rate = kept.iter().map(|u| u.0).sum::<f64>() / base;
    let ss: f64 = kept.iter().map(|&(c, b)| (c - rate * b).powi(2)).sum();
    Some(RatioEstimate { rate, var: n as f64 / (n - 1) as f64 * ss / (base * base), n, base })
}

/// A 95% interval of a pooled rate, `scale` × Σ count / Σ base, over units (articles) that
/// are a sample of a larger set: the ratio estimator's linearised standard error,
/// √(n/(n−1) Σ (countᵢ − R baseᵢ)²) / Σ base, times Student's t with n−1 degrees of freedom,
/// the lower end cut at 0. Units with neither count nor base carry no information and are
/// left out (a count on a base of 0, which slant never writes, stays in, so the rate is always
/// inside the interval); `None` with fewer than 2 units left or no base at all. When no unit has a count, the units show no spread to
/// measure, and the interval is 0 to the exact Poisson 97.5% upper limit for zero events,
/// −ln 0.025 ≈ 3.689 counts over the summed base.
pub fn ratio_ci(units: &[(f64, f64)], scale: f64) -> Option<[f64; 2]> {
    let e = ratio_estimate(units)?;
    if e.rate == 0.0 {
        return Some([0.0, -(0.025_f64.ln()) / e.base * scale]);
    }
    let half = t975(e.n - 1) * e.var.sqrt();
    Some([((e.rate - half) * scale).max(0.0), (e.rate + half) * scale])
}

/// Two groups' pooled rates compared by [`compare_rates`] (rates and difference × `scale`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateComparison {
    pub rate_a: f64,
    pub rate_b: f64,
    /// `rate_a − rate_b`.
    pub difference: f64,
    /// Its 95% interval.
    pub interval: [f64; 2],
    /// `rate_a / rate_b`; `None` when `rate_b` is 0.
    pub ratio: Option<f64>,
    /// Degrees of freedom of the t test.
    pub df: usize,
    /// Two-sided p-value of "the two rates are equal".
    pub p: f64,
}

/// What a count may vary by at least, given its group's pooled rate: the floor under each
/// group's variance in [`compare_rates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spread {
    /// Counts of events in a length of text (hits per word): Poisson, variance rate / base.
    Poisson,
    /// Counts out of a base that caps them (flagged sentences of all sentences, attributions
    /// of one kind of all attributions): binomial, variance share (1 − share) / base.
    Binomial,
}

/// Compares the pooled rates of two groups of units (articles), each (count, base), as a
/// t test of their difference: each rate's variance as in [`ratio_ci`], but at least the
/// variance that `spread` gives counts at the two groups' common rate (for Poisson, common
/// rate / group base), so that a group without hits, or a small group whose few articles
/// happen to agree, does not look exactly known; t with min(nₐ, n_b) − 1 degrees of freedom
/// (Welch's approximation gave false alarms well above 5% when a small group meets a large
/// one, see `scripts/experiments/rate_difference_test.py`; for shares see
/// `share_difference_test.py`). `None` when either group has fewer than 2 units with a count
/// or a base, when neither has a count, or, for a binomial share, when every unit's count is
/// its whole base. The interval of a difference of binomial shares is cut at ±1 (× `scale`).
pub fn compare_rates(a: &[(f64, f64)], b: &[(f64, f64)], scale: f64, spread: Spread) -> Option<RateComparison> {
    let (ea, eb) = (ratio_estimate(a)?, ratio_estimate(b)?);
    let common = (ea.rate * ea.base + eb.rate * eb.base) / (ea.base + eb.base);
    let floor = match spread {
        Spread::Poisson => common,
        Spread::Binomial => common * (1.0 - common),
    };
    if common <= 0.0 || floor <= 0.0 {
        return None;
    }
    let var = ea.var.max(floor / ea.base) + eb.var.max(floor / eb.base);
    let df = ea.n.min(eb.n) - 1;
    let (difference, se) = (ea.rate - eb.rate, var.sqrt());
    let half = t975(df) * se;
    // two shares differ by at most 1
    let bound = if spread == Spread::Binomial { 1.0 } else { f64::INFINITY };
    Some(RateComparison {
        rate_a: ea.rate * scale,
        rate_b: eb.rate * scale,
        difference: difference * scale,
        interval: [(difference - half).max(-bound) * scale, (difference + half).min(bound) * scale],
        ratio: (eb.rate > 0.0).then(|| ea.rate / eb.rate),
        df,
        p: t_two_sided_p(difference.abs() / se, df as f64),
    })
}

/// Holm's step-down adjustment of p-values (same order as given; each at most 1).
pub fn holm(ps: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ps.len()).collect();
    order.sort_by(|&i, &j| ps[i].total_cmp(&ps[j]).then(i.cmp(&j)));
    let m = ps.len();
    let mut out = vec![0.0; m];
    let mut running = 0.0f64;
    for (k, &i) in order.iter().enumerate() {
        running = running.max(((m - k) as f64 * ps[i]).min(1.0));
        out[i] = running;
    }
    out
}

/// P(|T| ≥ t) for Student's T with `df` degrees of freedom: I_{df/(df+t²)}(df/2, 1/2).
pub fn t_two_sided_p(t: f64, df: f64) -> f64 {
    if !t.is_finite() {
        return if t.is_nan() { f64::NAN } else { 0.0 };
    }
    incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
}

/// ln Γ(x) for x > 0 (Lanczos' approximation, g = 7, nine terms; relative error about 1e-15).
fn ln_gamma(x: f64) -> f64 {
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // reflection: Γ(x) Γ(1−x) = π / sin(πx)
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = C[0];
    for (k, c) in C.iter().enumerate().skip(1) {
        sum += c / (x + k as f64);
    }
    let t = x + 7.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// The regularised incomplete beta function I_x(a, b), by its continued fraction (modified
/// Lentz), on the side where it converges fast.
fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    if x > (a + 1.0) / (a + b + 2.0) {
        return 1.0 - incomplete_beta(b, a, 1.0 - x);
    }
    let front = (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    const TINY: f64 = 1e-300;
    let (mut c, mut d) = (1.0, 1.0 - (a + b) * x / (a + 1.0));
    d = 1.0 / if d.abs() < TINY { TINY } else { d };
    let mut f = d;
    for m in 1..500 {
        let m = m as f64;
        for numerator in [
            m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0)),
        ] {
            d = 1.0 + numerator * d;
            d = 1.0 / if d.abs() < TINY { TINY } else { d };
            c = 1.0 + numerator / c;
            if c.abs() < TINY {
                c = TINY;
            }
            f *= c * d;
        }
        if (c * d - 1.0).abs() < 1e-15 {
            break;
        }
    }
    front * f / a
}

/// F1 of a precision and a recall (0 when both are 0).
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_with_ties() {
        let r = spearman(&[1.0, 2.0, 3.0, 4.0], &[10.0, 20.0, 30.0, 40.0]).unwrap();
        assert!((r - 1.0).abs() < 1e-12);
        let r = spearman(&[1.0, 2.0, 3.0, 4.0], &[4.0, 3.0, 2.0, 1.0]).unwrap();
        assert!((r + 1.0).abs() < 1e-12);
        // ranks of [1,1,2] are [1.5,1.5,3]
        assert_eq!(ranks(&[1.0, 1.0, 2.0]), vec![1.5, 1.5, 3.0]);
        assert!(spearman(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]).is_none());
        assert!((f1(0.5, 0.5) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn t_quantiles_join_the_table() {
        assert_eq!(t975(1), 12.7062);
        assert!((t975(31) - 2.03951).abs() < 2e-5, "{}", t975(31));
        assert!((t975(60) - 2.00030).abs() < 2e-5, "{}", t975(60));
        assert!((t975(120) - 1.97993).abs() < 2e-5, "{}", t975(120));
        assert!(t975(100_000) > 1.9599 && t975(100_000) < 1.9601);
        // the expansion at 30 agrees with the table
        let (table, mut above) = (t975(30), t975(31));
        assert!(above < table && table - above < 0.005);
        above = t975(1_000);
        assert!(above < t975(31));
    }

    #[test]
    fn t_p_values_match_the_table() {
        for (df, t) in [(1usize, 12.7062), (2, 4.30265), (10, 2.22814), (30, 2.04227)] {
            let p = t_two_sided_p(t, df as f64);
            assert!((p - 0.05).abs() < 2e-6, "df {df}: {p}");
            assert!((t_two_sided_p(t975(df), df as f64) - 0.05).abs() < 2e-6);
        }
        assert!((t_two_sided_p(1.959964, 1e7) - 0.05).abs() < 1e-5);
        assert_eq!(t_two_sided_p(0.0, 5.0), 1.0);
        assert_eq!(t_two_sided_p(f64::INFINITY, 5.0), 0.0);
        // df 1 is Cauchy: P(|T| >= 1) = 1/2
        assert!((t_two_sided_p(1.0, 1.0) - 0.5).abs() < 1e-12);
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
    }

    #[test]
    fn holm_adjusts_in_order_and_keeps_positions() {
        let adj = holm(&[0.04, 0.01, 0.03, 0.5]);
        // sorted 0.01 (x4), 0.03 (x3), 0.04 (x2), 0.5 (x1), each at least the one before
        let want = [0.09, 0.04, 0.09, 0.5];
        for (a, w) in adj.iter().zip(want) {
            assert!((a - w).abs() < 1e-12, "{adj:?}");
        }
        assert_eq!(holm(&[0.6, 0.7]), vec![1.0, 1.0]);
        assert!(holm(&[]).is_empty());
    }

    #[test]
    fn rate_comparisons_tell_groups_apart_only_when_the_articles_do() {
        // articles of 1,000 words: A about 30 hits each, B about 10
        let a = [(31.0, 1000.0), (29.0, 1000.0), (30.0, 1000.0), (28.0, 1000.0)];
        let b = [(9.0, 1000.0), (11.0, 1000.0), (10.0, 1000.0), (12.0, 1000.0)];
        let c = compare_rates(&a, &b, 1000.0, Spread::Poisson).unwrap();
        assert!((c.rate_a - 29.5).abs() < 1e-9 && (c.rate_b - 10.5).abs() < 1e-9);
        assert!((c.difference - 19.0).abs() < 1e-9);
        assert!(c.interval[0] > 0.0 && c.interval[1] > c.difference);
        assert!((c.ratio.unwrap() - 29.5 / 10.5).abs() < 1e-12);
        assert_eq!(c.df, 3);
        assert!(c.p < 0.01, "{}", c.p);
        // the same comparison the other way round: the difference and interval change sign
        let r = compare_rates(&b, &a, 1000.0, Spread::Poisson).unwrap();
        assert!((r.difference + 19.0).abs() < 1e-9 && (r.interval[1] + c.interval[0]).abs() < 1e-9);
        assert!((r.p - c.p).abs() < 1e-15);
        // spread articles: the same pooled rates, no longer told apart
        let a2 = [(60.0, 1000.0), (0.0, 1000.0), (58.0, 1000.0), (0.0, 1000.0)];
        let b2 = [(21.0, 1000.0), (0.0, 1000.0), (0.0, 1000.0), (21.0, 1000.0)];
        let s = compare_rates(&a2, &b2, 1000.0, Spread::Poisson).unwrap();
        assert!((s.difference - 19.0).abs() < 1e-9);
        assert!(s.interval[0] < 0.0 && s.p > 0.05, "{s:?}");
        // a group without hits is still compared, with the Poisson variance at the common rate
        let z = [(0.0, 1000.0), (0.0, 1000.0), (0.0, 1000.0), (0.0, 1000.0)];
        let zc = compare_rates(&a, &z, 1000.0, Spread::Poisson).unwrap();
        assert_eq!(zc.ratio, None);
        assert!(zc.p < 0.05 && zc.interval[0] > 0.0);
        // no test: one article, or no hits on either side
        assert_eq!(compare_rates(&a[..1], &b, 1000.0, Spread::Poisson), None);
        assert_eq!(compare_rates(&z, &z, 1000.0, Spread::Poisson), None);
        // equal rates: difference 0, p 1
        let e = compare_rates(&a, &a, 1000.0, Spread::Poisson).unwrap();
        assert_eq!(e.difference, 0.0);
        assert_eq!(e.p, 1.0);
    }

    #[test]
    fn share_comparisons_floor_at_the_binomial_variance() {
        // two groups whose articles all agree: 30 of 40 sentences vs 10 of 40
        let a = [(30.0, 40.0), (30.0, 40.0), (30.0, 40.0)];
        let b = [(10.0, 40.0), (10.0, 40.0), (10.0, 40.0)];
        let c = compare_rates(&a, &b, 1.0, Spread::Binomial).unwrap();
        assert!((c.difference - 0.5).abs() < 1e-12);
        // no spread between articles, so the floor is the variance: common share 1/2, base 120 each
        let se = (2.0 * 0.25 / 120.0_f64).sqrt();
        assert!((c.interval[1] - c.difference - t975(2) * se).abs() < 1e-12, "{c:?}");
        assert!((c.p - t_two_sided_p(0.5 / se, 2.0)).abs() < 1e-15);
        // the Poisson floor (common / base) is twice as wide in variance here
        let pc = compare_rates(&a, &b, 1.0, Spread::Poisson).unwrap();
        assert!(pc.p > c.p && (pc.interval[1] - pc.difference) > (c.interval[1] - c.difference));
        // two articles a side, t of 12.7: the interval stops where differences of shares do
        let w = compare_rates(&[(4.0, 4.0), (2.0, 2.0)], &[(0.0, 3.0), (1.0, 1.0)], 1.0, Spread::Binomial).unwrap();
        assert_eq!(w.interval, [-1.0, 1.0], "{w:?}");
        let r = compare_rates(&[(4.0, 4.0), (2.0, 2.0)], &[(0.0, 3.0), (1.0, 1.0)], 1.0, Spread::Poisson).unwrap();
        assert!(r.interval[0] < -1.0 && r.interval[1] > 1.0, "rates are not cut: {r:?}");
        // every attribution of the kind on both sides: nothing to compare, no test
        let all = [(4.0, 4.0), (2.0, 2.0)];
        assert_eq!(compare_rates(&all, &all, 1.0, Spread::Binomial), None);
        // none on both sides either
        let none = [(0.0, 4.0), (0.0, 2.0)];
        assert_eq!(compare_rates(&none, &none, 1.0, Spread::Binomial), None);
    }

    #[test]
    fn ratio_intervals_hold_the_rate_and_narrow_with_more_units() {
        assert_eq!(ratio_ci(&[(3.0, 100.0)], 1000.0), None, "one unit");
        assert_eq!(ratio_ci(&[(3.0, 100.0), (0.0, 0.0)], 1000.0), None, "a unit with neither is left out");
        assert_eq!(ratio_ci(&[(0.0, 0.0), (2.0, 0.0)], 1000.0), None, "no base at all");
        // a count on no base stays in: the rate (5 per 100 words) is the interval's centre
        let [lo, hi] = ratio_ci(&[(3.0, 100.0), (2.0, 0.0), (0.0, 0.0)], 1000.0).unwrap();
        assert!(lo <= 50.0 && 50.0 <= hi, "{lo} {hi}");
        // equal rates: no spread, the interval is the rate itself
        let same = ratio_ci(&[(2.0, 100.0), (4.0, 200.0), (1.0, 50.0)], 1000.0).unwrap();
        assert!((same[0] - 20.0).abs() < 1e-9 && (same[1] - 20.0).abs() < 1e-9, "{same:?}");
        // two units by hand: R = 10/300; residuals 2 - R*100 and 8 - R*200; n/(n-1) = 2; t = 12.706
        let [lo, hi] = ratio_ci(&[(2.0, 100.0), (8.0, 200.0)], 1000.0).unwrap();
        let r: f64 = 10.0 / 300.0;
        let se = (2.0 * ((2.0 - r * 100.0).powi(2) + (8.0 - r * 200.0).powi(2))).sqrt() / 300.0;
        assert!((hi - (r + 12.7062 * se) * 1000.0).abs() < 1e-9);
        assert_eq!(lo, 0.0, "cut at 0");
        // no counts at all: up to the Poisson limit for zero events
        let [lo, hi] = ratio_ci(&[(0.0, 400.0), (0.0, 600.0)], 1000.0).unwrap();
        assert_eq!(lo, 0.0);
        assert!((hi - 3.689).abs() < 1e-3, "{hi}");
        // the same spread over more units gives a narrower interval around the same rate
        let few: Vec<(f64, f64)> = (0..5).map(|i| ((i % 3) as f64 * 2.0, 100.0)).collect();
        let many: Vec<(f64, f64)> = (0..500).map(|i| ((i % 3) as f64 * 2.0, 100.0)).collect();
        let (a, b) = (ratio_ci(&few, 1000.0).unwrap(), ratio_ci(&many, 1000.0).unwrap());
        assert!(a[0] < 20.0 && 20.0 < a[1] && b[0] < 20.0 && 20.0 < b[1]);
        assert!(b[1] - b[0] < (a[1] - a[0]) / 5.0, "{a:?} {b:?}");
    }

    #[test]
    fn bootstrap_intervals_are_reproducible_and_hold_the_estimate() {
        let mean = |s: &[&f64]| Some(s.iter().copied().sum::<f64>() / s.len() as f64);
        let small: Vec<f64> = (0..20).map(|i| (i % 7) as f64).collect();
        let large: Vec<f64> = (0..2000).map(|i| (i % 7) as f64).collect();
        let [Some([lo, hi])] = bootstrap_ci(&small, |s| [mean(s)]) else { panic!("no interval") };
        let m = mean(&small.iter().collect::<Vec<_>>()).unwrap();
        assert!(lo < m && m < hi, "{lo} < {m} < {hi}");
        assert_eq!(bootstrap_ci(&small, |s| [mean(s)]), [Some([lo, hi])], "same items, same interval");
        let [Some([llo, lhi])] = bootstrap_ci(&large, |s| [mean(s)]) else { panic!("no interval") };
        assert!(lhi - llo < (hi - lo) / 4.0, "100 times the items, a tenth of the width: {llo}..{lhi} vs {lo}..{hi}");
        assert_eq!(bootstrap_ci(&[1.0], |s| [mean(s)]), [None]);
        // a statistic undefined on most resamples gives no interval, beside one that has its own
        let rare = |s: &[&f64]| (s.iter().filter(|&&&x| x == 0.0).count() > 5).then_some(1.0);
        assert_eq!(bootstrap_ci(&small, |s| [mean(s), rare(s)]), [Some([lo, hi]), None]);
    }
}
