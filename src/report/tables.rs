//! `groups.csv` and `compare.csv`: each group's sums, pooled rates and shares with 95%
//! intervals, and each pair of the groups shown compared.

use super::data::Measure;
use super::{ArticleData, Group, ReportData, Units};
use crate::stats::{compare_rates, holm, ratio_ci, RateComparison, Spread};

/// The fixed columns of `groups.csv`; `loaded_<category>` and `attr_<category>` counts follow.
pub const GROUP_COLUMNS: &[&str] = &[
    "group_by",
    "group",
    "articles",
    "words",
    "quoted_words",
    "reported_words",
    "own_words",
    "loaded",
    "loaded_per_1k",
    "loaded_per_1k_lo",
    "loaded_per_1k_hi",
    "loaded_own",
    "loaded_own_per_1k",
    "loaded_own_per_1k_lo",
    "loaded_own_per_1k_hi",
    "loaded_quoted",
    "loaded_quoted_per_1k",
    "loaded_reported",
    "loaded_reported_per_1k",
    "attributions",
    "tone",
    "flagged_sentences",
    "sentences",
];

/// The rows of `groups.csv`, header first: one per group of [`ReportData::all_groups`], sums
/// of its articles' `articles.csv` counts, pooled rates (sum of hits per 1,000 of the sum of
/// words) and their 95% intervals over the group's articles ([`RateIntervals`]).
pub fn group_rows(d: &ReportData) -> Vec<Vec<String>> {
    let rate = |n: f64, base: f64| if base > 0.0 { format!("{:.2}", n * 1000.0 / base) } else { String::new() };
    let ends = |ci: Option<[f64; 2]>| match ci {
        Some([lo, hi]) => [format!("{lo:.2}"), format!("{hi:.2}")],
        None => [String::new(), String::new()],
    };
    let mut header: Vec<String> = GROUP_COLUMNS.iter().map(|c| c.to_string()).collect();
    header.extend(d.categories.iter().map(|c| format!("loaded_{c}")));
    header.extend(d.attr_categories.iter().map(|c| format!("attr_{c}")));
    // shares with their intervals over the group's articles, as compare.csv compares them
    let shares: Vec<(String, CompareUnit)> = std::iter::once(("flagged_share".to_string(), CompareUnit::Flagged))
        .chain(
            d.attr_categories.iter().enumerate().map(|(k, c)| (format!("attr_{c}_share"), CompareUnit::Attribution(k))),
        )
        .collect();
    for (name, _) in &shares {
        header.extend([name.clone(), format!("{name}_lo"), format!("{name}_hi")]);
    }
    // each lexicon category's rate per 1,000 words, with its interval
    for c in &d.categories {
        header.extend([format!("loaded_{c}_per_1k"), format!("loaded_{c}_per_1k_lo"), format!("loaded_{c}_per_1k_hi")]);
    }
    let countries = d.countries_by_total();
    for c in &countries {
        header.extend([
            format!("attr_country_{c}_share"),
            format!("attr_country_{c}_share_lo"),
            format!("attr_country_{c}_share_hi"),
        ]);
    }
    let mut rows = vec![header];
    for g in &d.all_groups {
        let mut r = vec![d.group_by.clone(), g.name.clone(), g.articles.to_string()];
        r.extend([g.words, g.quoted_words, g.reported_words, g.own_words(), g.loaded()].map(|x| x.to_string()));
        r.push(rate(g.loaded(), g.words));
        r.extend(ends(g.ci.loaded));
        r.push(g.loaded_own.to_string());
        r.push(rate(g.loaded_own, g.own_words()));
        r.extend(ends(g.ci.own));
        r.push(g.loaded_quoted.to_string());
        r.push(rate(g.loaded_quoted, g.quoted_words));
        r.push(g.loaded_reported.to_string());
        r.push(rate(g.loaded_reported, g.reported_words));
        r.push(g.attr.iter().sum::<f64>().to_string());
        r.push(format!("{:.4}", g.tone));
        r.extend([g.flagged, g.sentences].map(|x| x.to_string()));
        r.extend(g.categories.iter().chain(&g.attr).map(|x| x.to_string()));
        for (_, unit) in &shares {
            let units: Vec<(f64, f64)> = g.members.iter().map(|&i| unit.of(&d.articles[i])).collect();
            r.extend(share_cells(&units));
        }
        for k in 0..d.categories.len() {
            let units: Vec<(f64, f64)> = g
                .members
                .iter()
                .map(|&i| (d.articles[i].categories.get(k).copied().unwrap_or(0.0), d.articles[i].words))
                .collect();
            r.push(rate(g.categories.get(k).copied().unwrap_or(0.0), g.words));
            r.extend(ends(ratio_ci(&units, 1000.0)));
        }
        // each source country's share of the attributions with a known country
        for c in &countries {
            let units: Vec<(f64, f64)> = g
                .members
                .iter()
                .map(|&i| {
                    let a = &d.articles[i];
                    let n = a.countries.iter().filter(|x| *x.0 == **c).map(|x| x.1).sum();
                    (n, a.countries.iter().map(|x| x.1).sum())
                })
                .collect();
            r.extend(share_cells(&units));
        }
        rows.push(r);
    }
    rows
}

/// A share's three cells: the pooled share of the units (count, base) and its 95% interval
/// over them, kept within 0 to 1 (empty where there is no base, or too few units).
fn share_cells(units: &[(f64, f64)]) -> [String; 3] {
    let (n, base) = units.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
    let share = if base > 0.0 { format!("{:.4}", n / base) } else { String::new() };
    match ratio_ci(units, 1.0).map(|[lo, hi]| [lo.max(0.0), hi.min(1.0)]) {
        Some([lo, hi]) => [share, format!("{lo:.4}"), format!("{hi:.4}")],
        None => [share, String::new(), String::new()],
    }
}

/// The columns of `compare.csv`.
pub const COMPARE_COLUMNS: &[&str] = &[
    "group_by",
    "measure",
    "group_a",
    "group_b",
    "articles_a",
    "articles_b",
    "rate_a",
    "rate_b",
    "difference",
    "difference_lo",
    "difference_hi",
    "ratio",
    "df",
    "p",
    "p_holm",
];

/// A pooled quantity that `compare.csv` compares between groups.
struct Compared {
    /// Its name in the `measure` column.
    measure: String,
    /// What it counts in an article, and out of what.
    unit: CompareUnit,
    /// Σ count / Σ base is written times this (1,000 for rates per 1,000 words, 1 for shares).
    scale: f64,
    /// Decimals of the rates and differences.
    decimals: usize,
    spread: Spread,
}

/// An article's (count, base) for a [`Compared`] quantity.
#[derive(Clone, Copy)]
enum CompareUnit {
    /// A loaded-language rate of its [`Units`].
    Loaded(Measure),
    /// Flagged sentences of all sentences.
    Flagged,
    /// Attributions to the source kind at this index, of all attributions.
    Attribution(usize),
}

impl CompareUnit {
    fn of(self, a: &ArticleData) -> (f64, f64) {
        match self {
            CompareUnit::Loaded(f) => f(&Units::of(a)),
            CompareUnit::Flagged => (a.flagged, a.sentences),
            CompareUnit::Attribution(k) => (a.attr[k], a.attr.iter().sum()),
        }
    }
}

/// What `compare.csv` compares, in its order: the loaded-language rates (`loaded_per_1k`,
/// `loaded_own_per_1k`), the share of sentences the tone model flags (`flagged_share`), and
/// the share of attributions to each kind of source (`attr_<kind>_share`, column order).
fn compared(d: &ReportData) -> Vec<Compared> {
    let rate = |measure: &str, f: Measure| Compared {
        measure: measure.to_string(),
        unit: CompareUnit::Loaded(f),
        scale: 1000.0,
        decimals: 2,
        spread: Spread::Poisson,
    };
    let share = |measure: String, unit: CompareUnit| Compared {
        measure,
        unit,
        scale: 1.0,
        decimals: 4,
        spread: Spread::Binomial,
    };
    let mut m = vec![
        rate("loaded_per_1k", Units::loaded),
        rate("loaded_own_per_1k", Units::own_voice),
        share("flagged_share".to_string(), CompareUnit::Flagged),
    ];
    for (k, kind) in d.attr_categories.iter().enumerate() {
        m.push(share(format!("attr_{kind}_share"), CompareUnit::Attribution(k)));
    }
    m
}

/// One pair of groups compared on one measure: a row of `compare.csv`.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub measure: String,
    /// The two groups' names and article counts, the larger group first.
    pub groups: [(String, usize); 2],
    /// Their pooled values (`None` without a base).
    pub values: [Option<f64>; 2],
    /// The test, when there is one, and its Holm-adjusted p-value.
    pub test: Option<(RateComparison, f64)>,
    /// Decimals the values and differences are written with.
    pub decimals: usize,
}

/// For each measure of [`compared`], every pair of the groups shown in the charts that have
/// two articles or more (`others` left out; a group of one article can be compared with
/// nothing), the larger group first, compared by [`compare_rates`]; the adjusted p-value is
/// Holm's over one measure's tested pairs. A pair with no test (no base or no count for that
/// measure) is kept, with its values where they have a base.
pub fn comparisons(d: &ReportData) -> Vec<Comparison> {
    let shown: Vec<&Group> =
        d.groups[..d.groups.len() - usize::from(d.merged > 0)].iter().filter(|g| g.articles >= 2).collect();
    let mut out = Vec::new();
    for m in compared(d) {
        let units: Vec<Vec<(f64, f64)>> =
            shown.iter().map(|g| g.members.iter().map(|&i| m.unit.of(&d.articles[i])).collect()).collect();
        let first = out.len();
        for (i, (a, ua)) in shown.iter().zip(&units).enumerate() {
            for (b, ub) in shown.iter().zip(&units).skip(i + 1) {
                out.push(Comparison {
                    measure: m.measure.clone(),
                    groups: [(a.name.clone(), a.articles), (b.name.clone(), b.articles)],
                    values: [pooled(ua, m.scale), pooled(ub, m.scale)],
                    test: compare_rates(ua, ub, m.scale, m.spread).map(|c| (c, f64::NAN)),
                    decimals: m.decimals,
                });
            }
        }
        let tested: Vec<&mut (RateComparison, f64)> = out[first..].iter_mut().filter_map(|c| c.test.as_mut()).collect();
        let adjusted = holm(&tested.iter().map(|t| t.0.p).collect::<Vec<_>>());
        for (t, p) in tested.into_iter().zip(adjusted) {
            t.1 = p;
        }
    }
    out
}

/// The rows of `compare.csv`, header first: one per [`Comparison`].
pub fn compare_rows(d: &ReportData, comparisons: &[Comparison]) -> Vec<Vec<String>> {
    let mut rows = vec![COMPARE_COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
    for c in comparisons {
        let fixed = |x: f64| format!("{x:.*}", c.decimals);
        let [(a, na), (b, nb)] = &c.groups;
        let mut r = vec![d.group_by.clone(), c.measure.clone(), a.clone(), b.clone(), na.to_string(), nb.to_string()];
        r.extend(c.values.map(|x| x.map_or(String::new(), fixed)));
        match &c.test {
            Some((t, holm)) => {
                r.extend([t.difference, t.interval[0], t.interval[1]].map(fixed));
                r.push(t.ratio.map_or(String::new(), |x| format!("{x:.3}")));
                r.push(t.df.to_string());
                r.push(p_value(t.p));
                r.push(p_value(*holm));
            }
            None => r.extend(std::iter::repeat_n(String::new(), 7)),
        }
        rows.push(r);
    }
    rows
}

/// `scale` × Σ count / Σ base; `None` without a base.
fn pooled(units: &[(f64, f64)], scale: f64) -> Option<f64> {
    let base: f64 = units.iter().map(|u| u.1).sum();
    (base > 0.0).then(|| units.iter().map(|u| u.0).sum::<f64>() * scale / base)
}

/// A p-value to four decimals, or in scientific notation below 0.001 (one too small for a
/// double is written as the smallest normal double, not as 0).
pub(crate) fn p_value(p: f64) -> String {
    if p < 0.001 {
        format!("{:.2e}", p.max(f64::MIN_POSITIVE))
    } else {
        format!("{p:.4}")
    }
}
