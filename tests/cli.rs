//! End-to-end tests of `slant analyze` on fixtures written for these tests.

mod common;

use common::*;
use std::fs;
use std::process::Stdio;

#[test]
fn articles_sharing_their_text_point_to_each_other_with_the_passage() {
    let dir = tempfile::tempdir().unwrap();
    let (out, texts) = (dir.path().join("out"), dir.path().join("text"));
    let fx = root().join("tests/fixtures/same");
    let o = analyze(&[fx.to_str().unwrap(), "--save-text", texts.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    // the four files hold one story: each row names the first other article holding all of it
    assert_eq!(column(&out.join("articles.csv"), "same_text_as"), ["story~2", "story", "story", "story"]);
    assert_eq!(column(&out.join("articles.csv"), "same_text_share"), ["1.00"; 4]);
    let (h, rows) = read_csv(&out.join("shared_text.csv"));
    assert_eq!(rows.len(), 4);
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let chars = |id: &str, s: &str, e: &str| -> String {
        let t = fs::read_to_string(texts.join(format!("{id}.txt"))).unwrap();
        let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
        t.chars().skip(s).take(e - s).collect()
    };
    for r in &rows {
        assert_eq!(r[col("share")], "1.0000");
        let mine = chars(&r[col("article_id")], &r[col("start")], &r[col("end")]);
        let theirs = chars(&r[col("other_id")], &r[col("other_start")], &r[col("other_end")]);
        assert!(mine.split_whitespace().count() > 50, "{mine}");
        assert_eq!(mine, theirs);
    }
    // a run without shared text still writes the file, header only
    let single = dir.path().join("single");
    let o = analyze(&[fx.join("story.txt").to_str().unwrap()], &single);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(read_csv(&single.join("shared_text.csv")).1.len(), 0);
    assert_eq!(column(&single.join("articles.csv"), "same_text_as"), [""]);
}

/// `slant cite DIR` writes a methods paragraph from the run's run.json, then the citation.
#[test]
fn cite_writes_a_methods_paragraph_from_run_json() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("a.txt");
    fs::write(&art, "The council voted on Monday to close the old bridge, officials said.\n").unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[art.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let o = bin().arg("cite").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    let run: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    let lexicon = run["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"].as_str().unwrap().starts_with("lexicon:"))
        .unwrap();
    let sha = &lexicon["sha256"].as_str().unwrap()[..12];
    assert!(text.starts_with("We analysed 1 article ("), "{text}");
    assert!(text.contains(sha) && text.contains("every hit was counted"), "{text}");
    assert!(text.contains("cff-version: 1.2.0"), "the citation follows");
    // a folder without run.json is an error naming it
    let o = bin().arg("cite").arg(dir.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("run.json"));
}

#[test]
fn outputs_identical_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let ex = root().join("data/examples");
    let fx = root().join("tests/fixtures/same");
    let run = |threads: &str, name: &str| {
        let out = dir.path().join(name);
        let o = bin()
            .args(["analyze", ex.to_str().unwrap(), fx.to_str().unwrap(), "-q", "-j", threads, "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success() || o.status.code() == Some(2));
        out
    };
    let a = run("1", "a");
    let b = run("4", "b");
    for f in ["articles.csv", "captions.csv"] {
        assert_eq!(fs::read(a.join(f)).unwrap(), fs::read(b.join(f)).unwrap(), "{f}");
    }
    let strip = |p: &std::path::Path| {
        let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(p.join("run.json")).unwrap()).unwrap();
        v.as_object_mut().unwrap().remove("invocation");
        v
    };
    assert_eq!(strip(&a), strip(&b), "run.json differs only under invocation (threads, output folder, times)");
    let left: Vec<_> = fs::read_dir(&a).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.iter().all(|n| !n.to_string_lossy().contains(".tmp")), "no temp files left: {left:?}");
}

#[test]
fn golden_articles_csv_for_the_example_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = bin().current_dir(root()).args(["analyze", "data/examples", "-q", "--out"]).arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let got = fs::read_to_string(out.join("articles.csv")).unwrap();
    let want = fs::read_to_string(root().join("tests/golden/examples_articles.csv")).unwrap();
    assert_eq!(got, want, "articles.csv drifted from tests/golden/examples_articles.csv");
    let caps = fs::read_to_string(out.join("captions.csv")).unwrap();
    let want = fs::read_to_string(root().join("tests/golden/examples_captions.csv")).unwrap();
    assert_eq!(caps, want);
}

#[test]
fn user_lexicon_hits_are_traceable_to_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("a.txt");
    let text = "Ünïcode first: the despot’s regime is not a tyranny.\n\n“This regime must fall,” a protester said. The DESPOT wept AGAIN.\n";
    fs::write(&art, text).unwrap();
    let lex = dir.path().join("labels.txt");
    fs::write(&lex, "# my labels\ndespot\nregime\ntyranny\n").unwrap();
    let out = dir.path().join("out");
    let args = [art.to_str().unwrap(), "--lexicon", lex.to_str().unwrap(), "--lexicon-mode", "replace"];
    let o = analyze(&[&args[..], &["--count-hits", "all"]].concat(), &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (h, rows) = read_csv(&out.join("hits.csv"));
    assert_eq!(
        h.join(","),
        "article_id,start,end,text,term,category,weight,voice,negated,sentence,context,speaker,counted"
    );
    assert!(rows.iter().all(|r| r[12] == "true"), "--count-hits all counts every hit");
    let chars: Vec<char> = text.chars().collect();
    for r in &rows {
        let (s, e): (usize, usize) = (r[1].parse().unwrap(), r[2].parse().unwrap());
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(slice, r[3], "offsets of {r:?}");
    }
    let got: Vec<String> = rows.iter().map(|r| format!("{}|{}|{}|{}|{}", r[3], r[5], r[7], r[8], r[9])).collect();
    assert_eq!(
        got,
        vec![
            "despot’s|labels|own|false|1",
            "regime|labels|own|false|1",
            "tyranny|labels|own|true|1",
            "regime|labels|quoted|false|2",
            "DESPOT|caps_emphasis|own|false|3",
            "DESPOT|labels|own|false|3",
            "AGAIN|caps_emphasis|own|false|3",
        ]
    );
    let (ah, arows) = read_csv(&out.join("articles.csv"));
    let get = |c: &str| arows[0][ah.iter().position(|x| x == c).unwrap()].clone();
    assert_eq!(get("loaded"), "5");
    assert_eq!(get("loaded_all"), "5");
    assert_eq!(get("loaded_own"), "4");
    assert_eq!(get("loaded_quoted"), "1");
    assert_eq!(get("loaded_labels"), "5");
    assert_eq!(get("caps_emphasis"), "2");
    let words: f64 = get("words").parse().unwrap();
    assert_eq!(get("loaded_per_1k"), format!("{:.2}", 5.0 * 1000.0 / words));
    let (_, cats) = read_csv(&out.join("categories_long.csv"));
    assert_eq!(cats, vec![vec!["a".to_string(), "labels".into(), "5".into(), format!("{:.2}", 5000.0 / words)]]);
    let run: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    let res = run["resources"].to_string();
    assert!(res.contains("lexicon:labels (3 entries)"), "{res}");
}

/// Two user lexicons that list the same term under different categories both count it,
/// whatever the order of the --lexicon flags.
#[test]
fn user_lexicons_add_up_whatever_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("a.txt");
    fs::write(&art, "The rebels fired a rocket at the hills.\n").unwrap();
    let words = dir.path().join("mywords.txt");
    fs::write(&words, "rocket\n").unwrap();
    let tsv = dir.path().join("weapons.tsv");
    fs::write(&tsv, "term\tcategory\nrocket\tweapons\nfired\tweapons\n").unwrap();
    let mut got = Vec::new();
    for (k, order) in [[&words, &tsv], [&tsv, &words]].iter().enumerate() {
        let out = dir.path().join(format!("out{k}"));
        let args =
            [art.to_str().unwrap(), "--lexicon", order[0].to_str().unwrap(), "--lexicon", order[1].to_str().unwrap()];
        let o = analyze(&[&args[..], &["--lexicon-mode", "replace", "--count-hits", "all"]].concat(), &out);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let mut rows: Vec<String> =
            read_csv(&out.join("hits.csv")).1.iter().map(|r| format!("{}|{}", r[3], r[5])).collect();
        rows.sort();
        got.push(rows);
    }
    assert_eq!(got[0], ["fired|weapons", "rocket|mywords", "rocket|weapons"]);
    assert_eq!(got[0], got[1]);
}

#[test]
fn broken_lexicon_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("a.txt");
    fs::write(&art, "Some text here.\n").unwrap();
    let lex = dir.path().join("bad.tsv");
    fs::write(&lex, "term\tcategory\tweight\ngood\tx\t1\nbad\tx\tmany\n").unwrap();
    let o = analyze(&[art.to_str().unwrap(), "--lexicon", lex.to_str().unwrap()], &dir.path().join("out"));
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.tsv:3") && err.contains("weight 'many'"), "{err}");
    let o = bin().args(["lexicon", "check"]).arg(&lex).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    // A word list named all.txt would make a category `all`, written as `loaded_all`,
    // a column slant already writes: refused with the file named.
    let clash = dir.path().join("all.txt");
    fs::write(&clash, "despot\n").unwrap();
    let o = analyze(&[art.to_str().unwrap(), "--lexicon", clash.to_str().unwrap()], &dir.path().join("out2"));
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("all.txt") && err.contains("loaded_all"), "{err}");
    // `slant lexicon check` refuses what analyze refuses
    let o = bin().args(["lexicon", "check"]).arg(&clash).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("loaded_all"));
    let o = bin().args(["lexicon", "check", "default"]).output().unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("entries:"));
}

#[test]
fn attributions_are_extracted_classified_and_traceable() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let dir = root().join("tests/fixtures/attribution");
    let input = dir.join("border.txt");
    let o = analyze(&[input.to_str().unwrap(), "--sources", dir.join("sources.tsv").to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (h, rows) = read_csv(&out.join("attributions.csv"));
    let col = |name: &str| h.iter().position(|c| c == name).unwrap_or_else(|| panic!("no column {name}"));
    let got: Vec<(&str, &str, &str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r[col("cue_class")].as_str(),
                r[col("source")].as_str(),
                r[col("resolved_source")].as_str(),
                r[col("category")].as_str(),
                r[col("country")].as_str(),
                r[col("kind")].as_str(),
            )
        })
        .collect();
    let by = |source: &str| {
        *got.iter().find(|g| g.1 == source).unwrap_or_else(|| panic!("no source {source:?} in {got:#?}"))
    };
    assert_eq!(by("the state news agency").3, "state_media", "`a statement carried by X` is an attribution");
    assert_eq!(by("the defence ministry").3, "military", "a defence ministry speaks for the armed forces");
    assert_eq!(
        by("Latvian and Western intelligence agencies"),
        (
            "according_to",
            "Latvian and Western intelligence agencies",
            "Latvian and Western intelligence agencies",
            "intelligence",
            "LV;WEST",
            "indirect"
        )
    );
    let prof = by("Anna Berzina, a professor at the University of Riga");
    assert_eq!((prof.3, prof.5), ("expert", "direct"));
    assert_eq!(by("Officials in Tallinn").0, "distancing");
    assert_eq!(by("They"), ("conceding", "They", "Officials in Tallinn", "government", "EE", "indirect"));
    assert_eq!(by("A senior officer, who asked not to be named,").3, "anonymous");
    assert!(!got.iter().any(|g| g.1.contains("Reuters")), "a photo credit is not a source: {got:#?}");

    // every source and content span is the text at its character offsets
    let text: Vec<char> = std::fs::read_to_string(&input).unwrap().chars().collect();
    for r in &rows {
        for (span, s, e) in [("source", "source_start", "source_end"), ("content", "content_start", "content_end")] {
            let (s, e): (usize, usize) = (r[col(s)].parse().unwrap(), r[col(e)].parse().unwrap());
            assert_eq!(text[s..e].iter().collect::<String>(), r[col(span)], "{span} offsets of {r:?}");
        }
    }

    // the article row counts them
    let (ah, arows) = read_csv(&out.join("articles.csv"));
    let a = |name: &str| arows[0][ah.iter().position(|c| c == name).unwrap()].as_str();
    // a refusal (`declined to comment`) is a row but no claim: not counted
    let refusals = rows.iter().filter(|r| r[col("cue_class")] == "refusal").count();
    assert_eq!(refusals, 1, "{rows:?}");
    assert_eq!(a("attributions"), (rows.len() - refusals).to_string());
    assert_eq!(a("direct_quotes"), "1");
    // --sources extends the embedded list, whose `defence ministry` is military
    assert_eq!(a("attr_government"), "2");
    assert_eq!(a("attr_military"), "1");
    assert_eq!(a("attr_intelligence"), "1");
    assert_eq!(a("attr_anonymous"), "1");
    assert_eq!(a("attr_countries"), "EE:2;LV:2;WEST:1");
    assert_eq!(a("credits"), "1");
    let credits = column(&out.join("captions.csv"), "credit");
    assert_eq!(credits, ["Reuters"]);
}

#[test]
fn tone_columns_are_traceable_to_sentences_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = bin().current_dir(root()).args(["analyze", "data/examples", "-q", "--out"]).arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (ah, arts) = read_csv(&out.join("articles.csv"));
    let (sh, sents) = read_csv(&out.join("sentences.csv"));
    let ac = |n: &str| ah.iter().position(|c| c == n).unwrap();
    let sc = |n: &str| sh.iter().position(|c| c == n).unwrap();
    assert_eq!(sh, ["article_id", "sentence", "start", "end", "words", "quoted_share", "prob", "flagged"]);
    for a in &arts {
        let id = &a[ac("article_id")];
        let mine: Vec<&Vec<String>> = sents.iter().filter(|s| &s[sc("article_id")] == id).collect();
        assert_eq!(mine.len().to_string(), a[ac("sentences")], "{id}: one row per sentence");
        let flagged = mine.iter().filter(|s| s[sc("flagged")] == "true").count();
        assert_eq!(flagged.to_string(), a[ac("flagged_sentences")], "{id}");
        let probs: Vec<f64> = mine.iter().map(|s| s[sc("prob")].parse().unwrap()).collect();
        let words: Vec<f64> = mine.iter().map(|s| s[sc("words")].parse().unwrap()).collect();
        let tone: f64 = a[ac("tone")].parse().unwrap();
        let mean = probs.iter().zip(&words).map(|(p, w)| p * w).sum::<f64>() / words.iter().sum::<f64>();
        assert!((tone - mean).abs() < 1e-3, "{id}: tone {tone} vs word-weighted mean {mean}");
        let max: f64 = a[ac("tone_max")].parse().unwrap();
        assert!((max - probs.iter().cloned().fold(0.0, f64::max)).abs() < 1e-3);
        assert!((0.0..=1.0).contains(&tone));
    }
    // the tabloid and the state agency read as more propagandistic than the wire
    let tone = |id: &str| -> f64 {
        arts.iter().find(|a| a[ac("article_id")] == id).map(|a| a[ac("tone")].parse().unwrap()).unwrap()
    };
    assert!(tone("blaze-01") > tone("wire-01"), "blaze {} wire {}", tone("blaze-01"), tone("wire-01"));
    assert!(tone("vcna-01") > tone("wire-01"), "vcna {} wire {}", tone("vcna-01"), tone("wire-01"));
    let manifest = fs::read_to_string(out.join("run.json")).unwrap();
    assert!(manifest.contains("tone model:slant-tone v2"), "model named in run.json");
}

#[test]
fn a_user_tone_model_is_loaded_and_a_broken_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = root().join("data/examples/wire-01.txt");
    let good = dir.path().join("tone.json");
    fs::write(&good, slant::tone::TONE_JSON).unwrap();
    let o = analyze(&[input.to_str().unwrap(), "--model", good.to_str().unwrap()], &dir.path().join("a"));
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let bad = dir.path().join("bad.json");
    fs::write(&bad, "{\"name\": 3}").unwrap();
    let o = analyze(&[input.to_str().unwrap(), "--model", bad.to_str().unwrap()], &dir.path().join("b"));
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--model") && err.contains("bad.json"), "{err}");
}

#[test]
fn a_missing_encoder_model_is_a_clear_error_and_its_options_need_encoder() {
    let dir = tempfile::tempdir().unwrap();
    let input = root().join("data/examples/wire-01.txt");
    let missing = dir.path().join("no-model");
    let o = analyze(&[input.to_str().unwrap(), "--encoder", missing.to_str().unwrap()], &dir.path().join("a"));
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--encoder") && err.contains("no-model") && err.contains("config.json"), "{err}");
    assert!(!dir.path().join("a/articles.csv").exists(), "nothing is written when a stage cannot load");
    let o = analyze(&[input.to_str().unwrap(), "--encoder-threshold", "0.4"], &dir.path().join("b"));
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--encoder <DIR>"), "an encoder option needs --encoder: {err}");
}

/// `slant eval loaded` and `slant lexicon mine` on a three-article PTC-format fixture
/// (code-point offsets after curly quotes; a Doubt span that must be ignored).
#[test]
fn ptc_scoring_and_mining_on_a_fixture() {
    let fx = root().join("tests/fixtures/ptc");
    let (arts, labels) = (fx.join("articles"), fx.join("labels.tsv"));
    let tmp = tempfile::tempdir().unwrap();
    let per_article = tmp.path().join("per-article.csv");
    let o = bin()
        .args(["eval", "loaded", "--json", "--count-hits", "all", "--lexicon-mode", "replace", "--lexicon"])
        .arg(fx.join("lexicon.tsv"))
        .arg("--articles-out")
        .arg(&per_article)
        .arg("--ptc")
        .args([&arts, &labels])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let s = &v["slant"];
    // despot, dictator, despot, dictator, despots: all inside gold; "dictates" is not a
    // form of "dictator"; of 6 gold spans (the Doubt span excluded) only "ruled" is missed.
    assert_eq!((s["hits"].as_u64(), s["hits_in_gold"].as_u64()), (Some(5), Some(5)));
    assert_eq!((s["gold_spans"].as_u64(), s["gold_found"].as_u64()), (Some(6), Some(5)));
    assert!((s["recall"].as_f64().unwrap() - 5.0 / 6.0).abs() < 1e-9);
    // the per-article file adds up to the totals, one row per article
    let (h, rows) = read_csv(&per_article);
    assert_eq!(
        h,
        ["article_id", "words", "gold_spans", "gold_per_1k", "hits", "hits_per_1k", "hits_in_gold", "gold_found"]
    );
    assert_eq!(rows.len() as u64, s["articles"].as_u64().unwrap());
    let sum = |c: usize| rows.iter().map(|r| r[c].parse::<u64>().unwrap()).sum::<u64>();
    assert_eq!((sum(1), sum(2), sum(4), sum(7)), (s["words"].as_u64().unwrap(), 6, 5, 5));
    for r in &rows {
        let words: f64 = r[1].parse().unwrap();
        assert_eq!(r[5], format!("{:.3}", r[4].parse::<f64>().unwrap() * 1000.0 / words));
    }

    let o = bin()
        .args(["lexicon", "mine", "--min-support", "2", "--min-precision", "0.5", "--ptc"])
        .args([&arts, &labels])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("term\t"))
        .map(|l| l.split('\t').collect())
        .collect();
    // One family per word: "dictator" (2 of 2 in gold) is not pooled with "dictates"
    // (0 of 2), which Snowball gives the same stem.
    let find = |t: &str| rows.iter().find(|r| r[0] == t).map(|r| (r[4].to_string(), r[5].to_string()));
    assert_eq!(find("despot"), Some(("1.000".into(), "3".into())));
    assert_eq!(find("dictator"), Some(("1.000".into(), "2".into())));
    assert_eq!(find("dictates"), None);
    assert_eq!(rows.len(), 2, "{out}");
}

/// Under the default rule a hit is counted exactly when its sentence is flagged in
/// sentences.csv, and every count in articles.csv and categories_long.csv is the number of
/// counted rows of hits.csv; `loaded_all` counts every lexicon hit.
#[test]
fn counted_hits_follow_flagged_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // The example corpus, plus a dry council report whose one loaded word ("unprecedented
    // number of applications") sits in a sentence the tone model does not flag.
    let o = bin()
        .current_dir(root())
        .args([
            "analyze",
            "data/examples",
            "tests/fixtures/uncounted/council.txt",
            "-q",
            "--count-hits",
            "flagged",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (hh, hits) = read_csv(&out.join("hits.csv"));
    let (sh, sents) = read_csv(&out.join("sentences.csv"));
    let (ah, arts) = read_csv(&out.join("articles.csv"));
    let (_, cats) = read_csv(&out.join("categories_long.csv"));
    let hc = |n: &str| hh.iter().position(|c| c == n).unwrap();
    let sc = |n: &str| sh.iter().position(|c| c == n).unwrap();
    let ac = |n: &str| ah.iter().position(|c| c == n).unwrap();
    let lexicon_hits: Vec<&Vec<String>> = hits.iter().filter(|r| r[hc("category")] != "caps_emphasis").collect();
    let (mut counted, mut uncounted) = (0, 0);
    for r in &lexicon_hits {
        let flagged = sents
            .iter()
            .find(|s| s[sc("article_id")] == r[hc("article_id")] && s[sc("sentence")] == r[hc("sentence")])
            .map(|s| s[sc("flagged")] == "true")
            .expect("every hit's sentence is in sentences.csv");
        assert_eq!(r[hc("counted")], flagged.to_string(), "{r:?}");
        if flagged {
            counted += 1;
        } else {
            uncounted += 1;
        }
    }
    assert!(counted > 0 && uncounted > 0, "examples + council have both: {counted} counted, {uncounted} not");
    for a in &arts {
        let id = &a[ac("article_id")];
        let mine: Vec<&&Vec<String>> = lexicon_hits.iter().filter(|r| &r[hc("article_id")] == id).collect();
        let n_counted = mine.iter().filter(|r| r[hc("counted")] == "true").count();
        assert_eq!(a[ac("loaded")], n_counted.to_string(), "{id}");
        assert_eq!(a[ac("loaded_all")], mine.len().to_string(), "{id}");
        // under `flagged`, the tone-filtered column is the count itself
        assert_eq!(a[ac("loaded_flagged")], n_counted.to_string(), "{id}");
        let voice = |v: &str| mine.iter().filter(|r| r[hc("counted")] == "true" && r[hc("voice")] == v).count();
        assert_eq!(a[ac("loaded_own")], voice("own").to_string(), "{id}");
        assert_eq!(a[ac("loaded_quoted")], voice("quoted").to_string(), "{id}");
        assert_eq!(a[ac("loaded_reported")], voice("reported").to_string(), "{id}");
        assert_eq!(voice("own") + voice("quoted") + voice("reported"), n_counted, "{id}: three voices");
        for c in cats.iter().filter(|c| &c[0] == id) {
            let n = mine.iter().filter(|r| r[hc("counted")] == "true" && r[hc("category")] == c[1]).count();
            assert_eq!(c[2], n.to_string(), "{id} {}", c[1]);
        }
    }
    let council = arts.iter().find(|a| a[ac("article_id")] == "council").expect("council row");
    assert_eq!((council[ac("loaded")].as_str(), council[ac("loaded_all")].as_str()), ("0", "1"));
    let out_all = dir.path().join("all");
    let council_txt = root().join("tests/fixtures/uncounted/council.txt");
    // the default rule counts every hit; the tone-filtered count stays in its own column
    let o = analyze(&[council_txt.to_str().unwrap()], &out_all);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out_all.join("articles.csv"), "loaded"), vec!["1"]);
    assert_eq!(column(&out_all.join("articles.csv"), "loaded_flagged"), vec!["0"]);
    assert_eq!(column(&out_all.join("hits.csv"), "counted"), vec!["true"]);
    let run = fs::read_to_string(out_all.join("run.json")).unwrap();
    assert!(run.contains("\"count\": \"all\""), "the rule is recorded in run.json");
}

/// `--lang` other than English changes the stemmer only: the run says so on standard error
/// and in run.json, and an English run has no such warning.
#[test]
fn another_language_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("de.txt");
    fs::write(&input, "Die Regierung hat am Montag neue Maßnahmen angekündigt, sagte ein Sprecher.\n").unwrap();
    let warnings = |out: &std::path::Path| -> Vec<String> {
        let run: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
        run["warnings"].as_array().expect("a warnings list").iter().map(|w| w.as_str().unwrap().to_string()).collect()
    };
    let out = dir.path().join("de");
    let o = analyze(&[input.to_str().unwrap(), "--lang", "de"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("warning: --lang german changes the stemmer only"), "{stderr}");
    let w = warnings(&out);
    assert_eq!(w.len(), 1);
    assert!(w[0].contains("embedded English lexicon") && stderr.contains(&w[0]), "{w:?}");
    let en = dir.path().join("en");
    let o = analyze(&[input.to_str().unwrap()], &en);
    assert_eq!(o.status.code(), Some(0));
    assert!(warnings(&en).is_empty() && o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_closed_pipe_ends_a_command_quietly() {
    // `slant ... | head`: the reader closes before the command writes; it must not panic
    for _ in 0..3 {
        let mut child = common::bin()
            .args(["lexicon", "check", "default"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run slant");
        drop(child.stdout.take());
        let o = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(o.status.code(), Some(0), "{err}");
    }
}

/// `--lang uk` stems Ukrainian with slant's light stemmer: a word list's entries match their
/// cases and numbers.
#[test]
fn a_ukrainian_word_list_matches_inflected_forms_with_lang_uk() {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join("loaded_uk.txt");
    std::fs::write(&lex, "окупант\nрашист\n").unwrap();
    let input = dir.path().join("uk.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"u1\",\"text\":\"Окупанти знову обстріляли місто. Рашистів відкинули, окупантам не вдалося прорватися.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = analyze(
        &[input.to_str().unwrap(), "--lang", "uk", "--lexicon", lex.to_str().unwrap(), "--lexicon-mode", "replace"],
        &out,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("hits.csv"), "text"), ["Окупанти", "Рашистів", "окупантам"]);
    assert_eq!(column(&out.join("hits.csv"), "term"), ["окупант", "рашист", "окупант"]);
    assert_eq!(column(&out.join("articles.csv"), "language"), ["uk"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("1 of 1 articles are in Russian or Ukrainian"), "{stderr}");
    assert!(stderr.contains("their loaded-language counts come from your lexicon"), "{stderr}");
}

/// Each article's language is detected from its body and written with its source; a run
/// over Russian text with the embedded English resources says so on the screen.
#[test]
fn each_article_gets_its_detected_language() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mixed.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"en\",\"text\":\"Officials said the talks would resume on Monday in the capital.\"}\n\
         {\"id\":\"ru\",\"text\":\"Министр заявил, что переговоры возобновятся в понедельник в столице.\"}\n\
         {\"id\":\"short\",\"text\":\"Ok then.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[input.to_str().unwrap()], &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "language"), ["en", "ru", ""]);
    assert_eq!(column(&out.join("articles.csv"), "language_source"), ["detected", "detected", "none"]);
    let run: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(run["counts"]["articles_by_language"]["ru"], 1);
    assert_eq!(run["counts"]["articles_by_language"]["undecided"], 1);
}

/// A date given in an impossible form is no `given` date: the date is left empty, with a
/// `bad_date` warning naming it (issue 30's reproducer `2026-13-45`).
#[test]
fn impossible_given_dates_are_left_empty_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("d.jsonl");
    let text = "Officials said the talks would resume on Monday in the capital";
    std::fs::write(
        &input,
        format!(
            "{{\"id\":\"a\",\"date\":\"2026-13-45\",\"text\":\"{text}.\"}}\n\
             {{\"id\":\"b\",\"date\":\"2025-02-29\",\"text\":\"{text} city.\"}}\n\
             {{\"id\":\"c\",\"date\":\"2024-02-29\",\"text\":\"{text} region.\"}}\n"
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[input.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "date"), ["", "", "2024-02-29"]);
    assert_eq!(column(&out.join("articles.csv"), "date_source"), ["none", "none", "given"]);
    assert_eq!(column(&out.join("errors.csv"), "kind"), ["bad_date", "bad_date"]);
    assert!(column(&out.join("errors.csv"), "message")[0].contains("'2026-13-45'"));
}

/// Issue 30's reproducers: a named pipe inside an input folder is skipped, not waited on for
/// ever; `--max-bytes` bounds a device with no size; an output folder inside an input folder
/// is not read back as articles by the next run.
#[cfg(unix)]
#[test]
fn pipes_devices_and_an_output_folder_inside_the_input_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    fs::create_dir(&d).unwrap();
    fs::write(d.join("a.txt"), "Officials said the talks would resume on Monday in the capital.").unwrap();
    let fifo = d.join("p.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let out = d.join("out");
    for run in 0..2 {
        let mut child =
            bin().arg("analyze").arg(&d).arg("--out").arg(&out).arg("-q").stdin(Stdio::null()).spawn().unwrap();
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if started.elapsed() > std::time::Duration::from_secs(60) {
                let _ = child.kill();
                panic!("run {run} hangs on the named pipe");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        assert!(status.success(), "run {run}");
        assert_eq!(column(&out.join("articles.csv"), "article_id"), ["a"], "run {run}: only the one article");
    }
    let messages = column(&out.join("errors.csv"), "message");
    assert!(messages.iter().any(|m| m.contains("not a regular file")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("output folder lies inside an input folder")), "{messages:?}");

    let o = analyze(&["/dev/zero", "--max-bytes", "1000"], &dir.path().join("zero"));
    assert_eq!(o.status.code(), Some(1), "nothing analysed: {}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&dir.path().join("zero/errors.csv"), "kind"), ["too_large"]);
}

/// A folder in the place of an output file that is written at the end (`articles.csv`) stops
/// the run before any other file of the folder is written or replaced (issue 30, defect 8).
#[test]
fn a_folder_in_the_way_of_an_output_file_stops_the_run_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(out.join("articles.csv")).unwrap();
    let o = analyze(&[root().join("data/examples").to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("articles.csv is not a regular file"), "{stderr}");
    let left: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(left, ["articles.csv"], "nothing else was written");
}
