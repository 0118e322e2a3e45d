//! Charts and report.html: files, `slant chart` reproduction, escaping of hostile text, and
//! (when Debian's chromium is installed, as `.ci/run` ensures) a real browser rendering.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::Command;

const CHARTS: &[&str] = &[
    "loaded_voice",
    "loaded_own_intervals",
    "loaded_categories",
    "loaded_categories_by_voice",
    "top_terms",
    "attribution_categories",
    "attribution_countries",
    "attribution_official_sources",
    "tone",
];

fn png_size(path: &Path) -> (u32, u32) {
    let b = fs::read(path).unwrap();
    assert_eq!(&b[..8], b"\x89PNG\r\n\x1a\n", "{} is a PNG", path.display());
    let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    (be(16), be(20))
}

#[test]
fn analyze_draws_charts_and_chart_redraws_them_from_the_csvs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = bin().current_dir(root()).args(["analyze", "data/examples", "-q", "--out"]).arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let mut names: Vec<&str> = CHARTS.to_vec();
    names.push("loaded_over_time"); // the examples have dates
    for n in &names {
        let png = out.join(format!("charts/{n}.png"));
        assert!(png_size(&png).0 >= 1600 && png_size(&png).1 >= 900, "{n}: {:?}", png_size(&png));
        let svg = fs::read_to_string(out.join(format!("charts/{n}.svg"))).unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"), "{n}.svg");
    }
    let svg = fs::read_to_string(out.join("charts/loaded_voice.svg")).unwrap();
    for label in ["The Daily Blaze (n=2)", "Meridian Wire (n=3)", "own voice", "quoted", "hits per 1,000 words"] {
        assert!(svg.contains(label), "loaded_voice.svg lacks {label:?}");
    }
    // `slant chart` on the untouched CSVs reproduces what `slant analyze` drew, byte for byte
    let files = || -> Vec<Vec<u8>> {
        names
            .iter()
            .flat_map(|n| [format!("charts/{n}.png"), format!("charts/{n}.svg")])
            .chain(["report.html", "groups.csv", "compare.csv"].map(String::from))
            .map(|f| fs::read(out.join(f)).unwrap())
            .collect()
    };
    let drawn = files();
    let o = bin().arg("chart").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(drawn == files(), "slant chart reproduces the charts, groups.csv, compare.csv and the report");
    // another grouping into another folder leaves the first one's files as they were
    let by_article = dir.path().join("by-article");
    let o = bin().arg("chart").arg(&out).args(["--group-by", "article", "--out"]).arg(&by_article).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(drawn == files(), "--out leaves DIR's charts and tables untouched");
    let tone = fs::read_to_string(by_article.join("charts/tone.svg")).unwrap();
    assert!(tone.contains("wire-01 (n=1)"), "grouped by article in the other folder");
    assert!(by_article.join("groups.csv").is_file() && by_article.join("report.html").is_file());
    let left: Vec<String> = fs::read_dir(out.join("charts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "no temporary chart files left: {left:?}");
    // a user filters the CSV and redraws: the chart follows the CSV
    let before = fs::read_to_string(out.join("charts/tone.svg")).unwrap();
    let articles = fs::read_to_string(out.join("articles.csv")).unwrap();
    let kept: Vec<&str> = articles.lines().filter(|l| !l.starts_with("blaze-")).collect();
    fs::write(out.join("articles.csv"), kept.join("\n") + "\n").unwrap();
    // the edited table no longer matches the run's marker: refused unless accepted
    let o = bin().arg("chart").arg(&out).arg("--group-by").arg("article").output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("articles.csv does not match the run's marker") && e.contains("--accept-changes"), "{e}");
    let o = bin().arg("chart").arg(&out).args(["--group-by", "article", "--accept-changes"]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let after = fs::read_to_string(out.join("charts/tone.svg")).unwrap();
    assert_ne!(before, after);
    assert!(after.contains("wire-01 (n=1)") && !after.contains("blaze-01"), "grouped by article, blaze removed");
    // and so do the report's article texts
    let report = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(report.contains("id=\"a-wire-01\"") && !report.contains("id=\"a-blaze-01\""));
    assert!(report.contains("9 of the 11 sections"), "the report says sections were left out");
    // redrawing from unchanged CSVs reproduces the same SVG bytes
    let again = bin().arg("chart").arg(&out).args(["--group-by", "article", "--accept-changes"]).output().unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(after, fs::read_to_string(out.join("charts/tone.svg")).unwrap());
    let (_, groups) = read_csv(&out.join("groups.csv"));
    assert_eq!(groups.len(), 9, "one row per article left");
    assert!(
        groups.iter().all(|g| g[0] == "article" && g[9].is_empty() && g[10].is_empty()),
        "no interval for one article"
    );
    // an unknown column is a clear error
    let bad = bin().arg("chart").arg(&out).args(["--group-by", "nonesuch", "--accept-changes"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("nonesuch"));
}

#[test]
fn many_groups_are_capped_with_others() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = bin()
        .current_dir(root())
        .args(["analyze", "data/examples", "-q", "--top", "3", "--group-by", "article", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = fs::read_to_string(out.join("charts/loaded_voice.svg")).unwrap();
    assert!(svg.contains("others (8) (n=8)"), "11 articles, top 3 shown, 8 merged");
}

fn report_of(inputs: &[&str], out: &Path) -> String {
    let o = analyze(inputs, out);
    assert!(matches!(o.status.code(), Some(0)), "{}", String::from_utf8_lossy(&o.stderr));
    fs::read_to_string(out.join("report.html")).unwrap()
}

#[test]
fn hostile_text_is_escaped_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let fx = root().join("tests/fixtures/report");
    let html = report_of(
        &[fx.join("hostile.txt").to_str().unwrap(), fx.join("hostile.html").to_str().unwrap()],
        &dir.path().join("out"),
    );
    assert!(!html.contains("<script"), "no script element may appear");
    assert!(!html.contains("<img") && !html.contains("<iframe") && !html.contains("<b>brutal"));
    assert!(!html.contains("<div id=\"injected\""));
    assert!(html.contains("&lt;script&gt;document.title="), "the text is shown, escaped");
    assert!(html.contains("&lt;img src=x onerror="));
    assert!(html.contains("&lt;iframe src="));
    assert!(html.contains("Content-Security-Policy"));
    for fetch in ["src=\"http", "href=\"http", "<link", "url(", "@import"] {
        assert!(!html.contains(fetch), "no network requests from the page: found {fetch}");
    }
    // the page stays well formed around the hostile article
    assert_eq!(html.matches("<section").count(), html.matches("</section>").count());
    assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn report_marks_hits_quotes_and_sources_and_caps_articles() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = bin()
        .current_dir(root())
        .args(["analyze", "data/examples", "-q", "--report-articles", "2", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert_eq!(html.matches("<section class=\"article\"").count(), 2);
    assert!(html.contains("Showing the first 2 of 11 articles"));
    // the content farm's copy and the tabloid story it copied name each other
    assert!(html.contains("<h2>Shared text</h2>"));
    assert!(html.contains(
        "<tr><td>farm-01</td><td>Viral Buzz Daily</td><td>blaze-01</td><td>The Daily Blaze</td><td>1.00</td></tr>"
    ));
    assert!(html.contains("data-hit=\"despot (name_calling, own)\""));
    assert!(html.contains("class=\"q\""));
    assert!(html.contains("class=\"src s-"));
    assert!(html.contains("<figure id=\"chart-loaded_voice\"><svg"), "charts are inlined");
    assert!(html.contains("<td>The Daily Blaze</td>"), "summary table per group");
}

/// Debian's chromium, if installed (`.ci/run` installs it and sets SLANT_REQUIRE_CHROMIUM=1).
fn chromium() -> Option<&'static str> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().find(|p| Path::new(p).exists());
    if found.is_none() {
        assert!(std::env::var_os("SLANT_REQUIRE_CHROMIUM").is_none(), "chromium is required but not installed");
        eprintln!("skipped: chromium not installed");
    }
    found
}

fn headless(browser: &str, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

#[test]
fn chromium_renders_the_report_with_its_highlights() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let fx = root().join("tests/fixtures/report");
    let examples = root().join("data/examples");
    let html = report_of(&[examples.to_str().unwrap(), fx.join("hostile.txt").to_str().unwrap()], &out);
    let page = format!("file://{}", out.join("report.html").display());
    let dom = headless(browser, &dir.path().join("p1")).arg("--dump-dom").arg(&page).output().unwrap();
    assert!(dom.status.success(), "{}", String::from_utf8_lossy(&dom.stderr));
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<title>slant report</title>"), "the hostile article did not retitle the page");
    assert!(!dom.contains("<script"), "no script element");
    assert!(
        !dom.contains("<body data-pwned") && !dom.contains("<div id=\"injected\""),
        "no injected element or attribute"
    );
    assert!(dom.contains("&lt;script&gt;document.title="), "the hostile text is shown as text");
    let hits = html.matches("class=\"hit ").count();
    assert!(hits > 20, "{hits} highlights in the file");
    assert_eq!(dom.matches("class=\"hit ").count(), hits, "every highlight is an element in the DOM");
    assert!(dom.matches("<svg").count() >= 5, "inline charts parsed");
    let shot = dir.path().join("report.png");
    let s = headless(browser, &dir.path().join("p2"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1400,2400")
        .arg(&page)
        .output()
        .unwrap();
    assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
    assert_eq!(png_size(&shot), (1400, 2400));
    assert!(fs::metadata(&shot).unwrap().len() > 50_000, "the screenshot shows a rendered page");
    if let Some(keep) = std::env::var_os("SLANT_SCREENSHOT") {
        fs::copy(&shot, keep).unwrap();
    }
}

/// `groups.csv` sums `articles.csv` by group, and every pooled rate lies inside its interval.
/// `countries_long.csv` is the packed `attr_countries` cell in long form, by source category.
#[test]
fn countries_long_unpacks_attr_countries_by_category() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = analyze(&["data/examples"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (ah, arts) = read_csv(&out.join("articles.csv"));
    let (ch, rows) = read_csv(&out.join("countries_long.csv"));
    assert_eq!(ch, ["article_id", "country", "category", "attributions"]);
    assert!(rows.iter().any(|r| !r[1].is_empty()), "the examples cite sources of known countries");
    let a = |name: &str| ah.iter().position(|c| c == name).unwrap();
    for art in &arts {
        let id = &art[a("article_id")];
        let mine: Vec<&Vec<String>> = rows.iter().filter(|r| &r[0] == id).collect();
        let mut by_country: std::collections::BTreeMap<&str, usize> = Default::default();
        for r in mine.iter().filter(|r| !r[1].is_empty()) {
            *by_country.entry(r[1].as_str()).or_default() += r[3].parse::<usize>().unwrap();
        }
        let mut packed: Vec<String> = by_country.iter().map(|(c, n)| format!("{c}:{n}")).collect();
        let mut want: Vec<String> =
            art[a("attr_countries")].split(';').filter(|p| !p.is_empty()).map(String::from).collect();
        packed.sort();
        want.sort();
        assert_eq!(packed, want, "{id}");
        // each category's rows hold at least its attributions (one per country, or one without)
        for cat in ah.iter().filter(|c| c.starts_with("attr_") && *c != "attr_countries") {
            let n: usize =
                mine.iter().filter(|r| format!("attr_{}", r[2]) == *cat).map(|r| r[3].parse::<usize>().unwrap()).sum();
            assert!(n >= art[a(cat)].parse::<usize>().unwrap(), "{id} {cat}");
        }
    }
}

#[test]
fn groups_csv_sums_articles_and_brackets_each_rate() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = analyze(&["data/examples"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (ah, arts) = read_csv(&out.join("articles.csv"));
    let (gh, groups) = read_csv(&out.join("groups.csv"));
    let a = |name: &str| ah.iter().position(|c| c == name).unwrap();
    let g = |name: &str| gh.iter().position(|c| c == name).unwrap_or_else(|| panic!("groups.csv has no {name}"));
    assert_eq!(&gh[..3], ["group_by", "group", "articles"]);
    for c in ah.iter().filter(|c| c.starts_with("attr_") && *c != "attr_countries") {
        g(c);
    }
    let num = |s: &str| s.parse::<f64>().unwrap_or_else(|_| panic!("not a number: {s:?}"));
    // each source country's share of the known-country attributions, with its interval
    let country_cols: Vec<usize> =
        (0..gh.len()).filter(|&i| gh[i].starts_with("attr_country_") && gh[i].ends_with("_share")).collect();
    assert!(country_cols.len() >= 2, "a share per source country: {gh:?}");
    for row in &groups {
        let cells: Vec<&str> = country_cols.iter().map(|&i| row[i].as_str()).collect();
        if cells.iter().all(|c| !c.is_empty()) {
            let total: f64 = cells.iter().map(|c| num(c)).sum();
            assert!((total - 1.0).abs() < 0.002, "{}: country shares sum to {total}", row[1]);
        }
        for &i in &country_cols {
            let (v, lo, hi) = (&row[i], &row[i + 1], &row[i + 2]);
            assert!(gh[i + 1].ends_with("_lo") && gh[i + 2].ends_with("_hi"));
            if !lo.is_empty() {
                assert!(num(lo) <= num(v) + 1e-9 && num(v) <= num(hi) + 1e-9, "{}: {v} in [{lo}, {hi}]", row[1]);
            }
        }
    }
    let mut seen = 0;
    for row in &groups {
        assert_eq!(row[0], "outlet");
        let members: Vec<&Vec<String>> = arts.iter().filter(|r| r[a("outlet")] == row[1]).collect();
        assert_eq!(num(&row[g("articles")]) as usize, members.len(), "{}", row[1]);
        seen += members.len();
        for col in [
            "words",
            "quoted_words",
            "reported_words",
            "own_words",
            "loaded",
            "loaded_own",
            "loaded_quoted",
            "loaded_reported",
            "attributions",
            "sentences",
        ] {
            let sum: f64 = members.iter().map(|r| num(&r[a(col)])).sum();
            assert_eq!(num(&row[g(col)]), sum, "{} {col}", row[1]);
        }
        let n = |c: &str| num(&row[g(c)]);
        let rate = |hits: &str, base: f64| format!("{:.2}", num(&row[g(hits)]) * 1000.0 / base);
        assert_eq!(row[g("loaded_per_1k")], rate("loaded", n("words")));
        // one own-voice base everywhere: words outside quotations and reported speech
        assert_eq!(n("own_words"), n("words") - n("quoted_words") - n("reported_words"));
        assert_eq!(row[g("loaded_own_per_1k")], rate("loaded_own", n("own_words")));
        assert_eq!(num(&row[g("loaded")]), n("loaded_own") + n("loaded_quoted") + n("loaded_reported"));
        for r in ["loaded_per_1k", "loaded_own_per_1k"] {
            let (lo, hi) = (&row[g(&format!("{r}_lo"))], &row[g(&format!("{r}_hi"))]);
            if members.len() < 2 {
                assert!(lo.is_empty() && hi.is_empty(), "{} {r}: one article, no interval", row[1]);
            } else {
                let x = num(&row[g(r)]);
                assert!(num(lo) <= x && x <= num(hi), "{} {r}: {lo} <= {x} <= {hi}", row[1]);
                assert!(num(lo) >= 0.0);
            }
        }
    }
    assert_eq!(seen, arts.len(), "every article is in a group");
    // shares with intervals: the pooled share, bracketed, within 0 to 1
    let kinds: Vec<&String> = ah.iter().filter(|c| c.starts_with("attr_") && *c != "attr_countries").collect();
    for row in &groups {
        let n = |c: &str| num(&row[g(c)]);
        assert_eq!(row[g("flagged_share")], format!("{:.4}", n("flagged_sentences") / n("sentences")));
        for kind in &kinds {
            let share = format!("{kind}_share");
            assert_eq!(row[g(&share)], format!("{:.4}", n(kind) / n("attributions")), "{} {share}", row[1]);
        }
        // each lexicon category's pooled rate, bracketed like the others
        for cat in
            gh.iter().filter(|c| c.starts_with("loaded_") && c.ends_with("_per_1k") && c.as_str() != "loaded_per_1k")
        {
            let count = cat.strip_suffix("_per_1k").unwrap();
            if !gh.iter().any(|c| c == count) || ["loaded_own", "loaded_quoted", "loaded_reported"].contains(&count) {
                continue;
            }
            assert_eq!(row[g(cat)], format!("{:.2}", n(count) * 1000.0 / n("words")), "{} {cat}", row[1]);
            let (lo, hi) = (&row[g(&format!("{cat}_lo"))], &row[g(&format!("{cat}_hi"))]);
            if n("articles") >= 2.0 {
                assert!(num(lo) <= n(cat) && n(cat) <= num(hi), "{} {cat}", row[1]);
            }
        }
        for share in std::iter::once("flagged_share".to_string()).chain(kinds.iter().map(|k| format!("{k}_share"))) {
            let (lo, hi) = (&row[g(&format!("{share}_lo"))], &row[g(&format!("{share}_hi"))]);
            if n("articles") >= 2.0 {
                let x = n(&share);
                assert!(0.0 <= num(lo) && num(lo) <= x && x <= num(hi) && num(hi) <= 1.0, "{} {share}", row[1]);
            } else {
                assert!(lo.is_empty() && hi.is_empty(), "{} {share}: one article, no interval", row[1]);
            }
        }
    }
    // the report shows the interval of a group of several articles
    let report = fs::read_to_string(out.join("report.html")).unwrap();
    let wire = groups.iter().find(|r| r[1] == "Meridian Wire").unwrap();
    let shown = format!("({}–{})", wire[g("loaded_per_1k_lo")], wire[g("loaded_per_1k_hi")]);
    assert!(report.contains(&shown), "report.html shows {shown}");
}

/// `compare.csv` compares each pair of the groups shown, on `groups.csv`'s rates and on the
/// shares its sums give (flagged sentences, attributions of each kind); a group of one article
/// is in no pair.
#[test]
fn compare_csv_pairs_the_groups_shown() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = analyze(&["data/examples"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (gh, groups) = read_csv(&out.join("groups.csv"));
    let (ch, pairs) = read_csv(&out.join("compare.csv"));
    let g = |name: &str| gh.iter().position(|c| c == name).unwrap();
    let c = |name: &str| ch.iter().position(|x| x == name).unwrap_or_else(|| panic!("compare.csv has no {name}"));
    let num = |s: &str| s.parse::<f64>().unwrap_or_else(|_| panic!("not a number: {s:?}"));
    let n = groups.iter().filter(|r| r[g("articles")] != "1").count();
    assert!(n >= 3 && n < groups.len(), "the example corpus has outlets of several articles and of one");
    // the count columns `attr_<kind>` (not the `_share`, `_lo`, `_hi` columns beside them)
    let kinds: Vec<&str> = gh
        .iter()
        .filter_map(|h| h.strip_prefix("attr_"))
        .filter(|k| !k.ends_with("_share") && !k.ends_with("_lo") && !k.ends_with("_hi"))
        .collect();
    assert!(kinds.len() >= 5, "{gh:?}");
    let mut measures = vec!["loaded_per_1k".to_string(), "loaded_own_per_1k".into(), "flagged_share".into()];
    measures.extend(kinds.iter().map(|k| format!("attr_{k}_share")));
    let order: Vec<&str> = pairs.iter().map(|r| r[c("measure")].as_str()).collect();
    assert_eq!(pairs.len(), measures.len() * n * (n - 1) / 2, "every pair, once per measure");
    assert_eq!(order.windows(2).filter(|w| w[0] != w[1]).count(), measures.len() - 1, "one block per measure");
    for measure in &measures {
        let rows: Vec<&Vec<String>> = pairs.iter().filter(|r| &r[c("measure")] == measure).collect();
        assert_eq!(rows.len(), n * (n - 1) / 2, "{measure}");
        // the pooled rate or share, from groups.csv's sums (4 decimals for shares)
        let pooled = |x: &Vec<String>| -> String {
            let (count, base) = match measure.as_str() {
                "flagged_share" => (num(&x[g("flagged_sentences")]), num(&x[g("sentences")])),
                m if m.starts_with("attr_") => {
                    (num(&x[g(m.strip_suffix("_share").unwrap())]), num(&x[g("attributions")]))
                }
                m => return x[g(m)].clone(),
            };
            format!("{:.4}", count / base)
        };
        let tolerance = if measure.ends_with("_share") { 0.00011 } else { 0.011 };
        for r in rows {
            let group = |name: &str| groups.iter().find(|x| x[1] == name).unwrap();
            let (a, b) = (group(&r[c("group_a")]), group(&r[c("group_b")]));
            assert!(num(&a[g("articles")]) >= num(&b[g("articles")]), "the larger group first");
            assert_eq!(r[c("rate_a")], pooled(a), "{measure}");
            assert_eq!(r[c("rate_b")], pooled(b), "{measure}");
            assert_eq!(r[c("articles_a")], a[g("articles")]);
            assert!(
                a[g("articles")] != "1" && b[g("articles")] != "1",
                "a group of one article is compared with nothing"
            );
            if r[c("p")].is_empty() {
                // no test: neither group has a count of this kind
                assert!(num(&r[c("rate_a")]) == 0.0 && num(&r[c("rate_b")]) == 0.0, "{r:?}");
                assert!(r[c("difference")..].iter().all(String::is_empty), "{r:?}");
                continue;
            }
            let d = num(&r[c("difference")]);
            assert!((d - (num(&r[c("rate_a")]) - num(&r[c("rate_b")]))).abs() <= tolerance, "{r:?}");
            if measure.ends_with("_share") {
                assert!(num(&r[c("difference_lo")]) >= -1.0 && num(&r[c("difference_hi")]) <= 1.0, "{r:?}");
            }
            assert!(num(&r[c("difference_lo")]) <= d && d <= num(&r[c("difference_hi")]), "{r:?}");
            let (p, holm) = (num(&r[c("p")]), num(&r[c("p_holm")]));
            assert!((0.0..=1.0).contains(&p) && p <= holm && holm <= 1.0, "{r:?}");
            // the interval leaves out 0 when the test rejects at 5% (up to the rounding of its ends)
            let excludes = num(&r[c("difference_lo")]) > 0.0 || num(&r[c("difference_hi")]) < 0.0;
            assert_eq!(excludes, p < 0.05, "{r:?}");
        }
    }
    // the report counts the tested pairs and lists none apart (the outlets have 2-3 articles)
    let tested = pairs.iter().filter(|r| !r[c("p")].is_empty()).count();
    let report = fs::read_to_string(out.join("report.html")).unwrap();
    let apart = pairs.iter().filter(|r| !r[c("p_holm")].is_empty() && num(&r[c("p_holm")]) < 0.05).count();
    assert_eq!(apart, 0, "no pair of the examples differs after Holm");
    assert!(report.contains(&format!("0 of {tested} tested pairs")), "report.html counts {tested} tested pairs");
    // with --top 2 only the two largest groups are compared (others is no group of its own)
    let o = bin().args(["chart", "--top", "2"]).arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, pairs) = read_csv(&out.join("compare.csv"));
    assert_eq!(pairs.len(), measures.len(), "one pair per measure: {pairs:?}");
    assert!(pairs.iter().all(|r| !r[c("group_a")].starts_with("others") && !r[c("group_b")].starts_with("others")));
}

/// Outlets far apart: the report lists the pairs that differ after Holm's adjustment, with
/// compare.csv's figures, and leaves out those that do not.
#[test]
fn report_lists_the_pairs_apart() {
    let dir = tempfile::tempdir().unwrap();
    let header = "id,outlet,words,quoted_words,loaded_own,loaded_quoted,tone,flagged_sentences,sentences,attr_state_media,attr_expert";
    let mut csv = format!("{header}\n");
    for i in 0..6 {
        // Loud: about 40 own-voice hits per 1,000 words; Calm (first: as large, and first by name): about
        // 2; both quote state media and experts as often
        csv += &format!("loud-{i},Loud,{},0,{},0,0.8,{},20,1,1\n", 1000 + 10 * i, 40 + i % 3, 15 + i % 2);
        csv += &format!("calm-{i},Calm,{},0,{},0,0.2,{},20,1,1\n", 1000 + 20 * i, 2 + i % 2, 2 + i % 3);
    }
    fs::write(dir.path().join("articles.csv"), csv).unwrap();
    let o = bin().arg("chart").arg(dir.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (ch, pairs) = read_csv(&dir.path().join("compare.csv"));
    let c = |name: &str| ch.iter().position(|x| x == name).unwrap();
    let row = |m: &str| pairs.iter().find(|r| r[c("measure")] == m).unwrap_or_else(|| panic!("no {m} row"));
    let report = fs::read_to_string(dir.path().join("report.html")).unwrap();
    let section = &report[report.find("<h2>Differences between groups</h2>").expect("the section")..];
    let section = &section[..section[1..].find("<h2>").map_or(section.len(), |e| e + 1)];
    for m in ["loaded_per_1k", "loaded_own_per_1k", "flagged_share"] {
        let r = row(m);
        assert!(r[c("p_holm")].parse::<f64>().unwrap() < 0.05, "{r:?}");
        let shown = format!("<td><code>{m}</code></td><td>Calm</td><td>Loud</td><td>{}</td>", r[c("rate_a")]);
        assert!(section.contains(&shown), "the report lists {m}: {section}");
        assert!(section.contains(&format!("({}–{})", r[c("difference_lo")], r[c("difference_hi")])));
    }
    // equal shares of state media and experts: tested, not apart, not listed
    for m in ["attr_state_media_share", "attr_expert_share"] {
        assert_eq!(row(m)[c("p")], "1.0000", "{m}");
        assert!(!section.contains(m), "{m} is not listed");
    }
    assert!(section.contains("3 of 5 tested pairs"), "{section}");
}

/// Every column of every CSV file a run writes is in its codebook.csv (families such as
/// `loaded_<category>` by the run's categories), and the codebook is written with them.
#[test]
fn the_codebook_describes_every_column_written() {
    let dir = tempfile::tempdir().unwrap();
    let inp = copy_examples(dir.path());
    fs::write(inp.join("zz_empty.txt"), "").unwrap(); // so that errors.csv is written
    let out = dir.path().join("out");
    let o = analyze(&[inp.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    let (bh, book) = read_csv(&out.join("codebook.csv"));
    assert_eq!(bh, ["file", "column", "type", "unit", "definition"]);
    assert_eq!(book.len(), slant::codebook::CODEBOOK.len());
    let mut categories = slant::lexicon::Lexicon::default_lexicon().categories();
    categories.push("encoder".into());
    let kinds: Vec<String> = slant::attribution::Category::ALL.iter().map(|c| c.as_str().to_string()).collect();
    let carried = ["section", "input_language", "author", "desk"];
    let mut files = 0;
    for f in fs::read_dir(&out).unwrap() {
        let f = f.unwrap().path();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".csv") || name == "codebook.csv" {
            continue;
        }
        files += 1;
        let (header, _) = read_csv(&f);
        for col in &header {
            let carried_here = name == "articles.csv" && carried.contains(&col.as_str());
            assert!(
                carried_here || slant::codebook::describes(&name, col, &categories, &kinds),
                "{name}: column {col} is not in the codebook"
            );
        }
    }
    assert_eq!(files, 11, "every CSV file was checked");
    // and each chart's data
    let mut charts = 0;
    for f in fs::read_dir(out.join("charts")).unwrap() {
        let f = f.unwrap().path();
        let name = format!("charts/{}", f.file_name().unwrap().to_string_lossy());
        if name.ends_with(".csv") {
            charts += 1;
            for col in &read_csv(&f).0 {
                assert!(
                    slant::codebook::describes(&name, col, &[], &[]),
                    "{name}: column {col} is not in the codebook"
                );
            }
        }
    }
    assert_eq!(charts, 10, "every chart's CSV file was checked");
}

/// A group name holding characters XML forbids (U+0001, U+FFFE) leaves every SVG chart and
/// report.html well-formed: they are written as U+FFFD (issue 30's reproducer).
#[test]
fn characters_xml_forbids_never_reach_the_charts_or_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.jsonl");
    let line = |id: &str, outlet: &str| {
        serde_json::json!({"id": id, "outlet": outlet, "date": "2025-01-02",
            "text": "The brutal regime said officials would never surrender. Officials said the talks had failed."})
        .to_string()
    };
    fs::write(&input, format!("{}\n{}\n", line("a", "Bad\u{1}Name\u{FFFE}"), line("b", "Good News"))).unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[input.to_str().unwrap()], &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut svgs = 0;
    for f in fs::read_dir(out.join("charts")).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "svg") {
            let s = fs::read_to_string(&f).unwrap();
            assert!(!s.chars().any(slant::text::forbidden_in_xml), "{}", f.display());
            svgs += 1;
        }
    }
    assert!(svgs >= 5);
    let loaded = fs::read_to_string(out.join("charts/loaded_own_intervals.svg")).unwrap();
    assert!(loaded.contains("Bad\u{FFFD}Name\u{FFFD}"), "the name is shown with its replacement characters");
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(!html.chars().any(slant::text::forbidden_in_xml));
    assert!(slant::text::forbidden_in_xml('\u{1}') && slant::text::forbidden_in_xml('\u{10FFFF}'));
    assert!(!slant::text::forbidden_in_xml('\n') && !slant::text::forbidden_in_xml('é'));
}
