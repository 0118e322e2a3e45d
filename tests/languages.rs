//! Issue 28: Russian and Ukrainian articles read with their own lexicons (`--lang auto`, the
//! default), `slant eval loaded --unlp`, and tone models of posts (`slant train tone --unlp`,
//! `slant eval tone --unlp`, `slant analyze --tone-model-ru-uk`). The texts are written for
//! these tests.

mod common;

use std::fs;

use common::*;

const RU: &str = "Киевский режим снова устроил позорный цирк, а его марионетки визжат о победе.";
const UK: &str = "Орки знову обстріляли місто, ці нелюди не знають меж цинізму.";
const EN: &str =
    "Talks stall\n\nThe brutal regime said it would never surrender. Officials said the talks would resume.";

fn corpus(dir: &std::path::Path) -> String {
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("en.txt"), EN).unwrap();
    fs::write(input.join("ru.txt"), RU).unwrap();
    fs::write(input.join("uk.txt"), UK).unwrap();
    input.to_string_lossy().into_owned()
}

fn terms_of(out: &std::path::Path, id: &str) -> Vec<String> {
    let (h, rows) = read_csv(&out.join("hits.csv"));
    let (a, t, c) = (0, h.iter().position(|x| x == "term").unwrap(), h.iter().position(|x| x == "category").unwrap());
    rows.iter().filter(|r| r[a] == id && r[c] != "caps_emphasis").map(|r| r[t].clone()).collect()
}

#[test]
fn each_article_is_read_with_the_lexicon_of_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    let out = dir.path().join("out");
    let o = analyze(&[&input], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "language"), ["en", "ru", "uk"]);
    assert_eq!(terms_of(&out, "ru"), ["киевский режим", "позорный", "цирк", "марионетка", "визжат"]);
    assert_eq!(terms_of(&out, "uk"), ["орк", "нелюд", "цинізм"]);
    assert_eq!(terms_of(&out, "en"), ["brutal regime"], "English as before");
    // the per-category counts of a Russian article land in the run's columns
    let (h, rows) = read_csv(&out.join("articles.csv"));
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    assert_eq!(rows[1][col("loaded")], "5");
    assert_eq!(rows[1][col("loaded_name_calling")], "2");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("their loaded-language counts come from slant's Russian and Ukrainian lexicons"),
        "{stderr}"
    );
    // forced English: the Cyrillic articles find nothing, and the warning says why
    let o = analyze(&[&input, "--lang", "en"], &out);
    assert_eq!(o.status.code(), Some(0));
    assert!(terms_of(&out, "ru").is_empty() && terms_of(&out, "uk").is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--lang auto (the default) or --lang ru|uk"));
    // forced Russian: the Russian lexicon for every article
    let o = analyze(&[&input, "--lang", "ru"], &out);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(terms_of(&out, "ru").len(), 5);
    let run: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert!(run["resources"][1]["name"].as_str().unwrap().starts_with("lexicon:slant-ru"), "{}", run["resources"]);
}

#[test]
fn eval_loaded_unlp_scores_hits_against_the_spans_per_language() {
    let o =
        bin().args(["eval", "loaded", "--json", "--unlp"]).arg(root().join("tests/fixtures/unlp")).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let groups = v["groups"].as_array().unwrap();
    let by = |g: &str| groups.iter().find(|x| x["group"] == g).unwrap().clone();
    // ru: 5 hits, 3 inside the spans; uk: 3 hits, 2 inside
    assert_eq!((by("ru")["hits"].as_u64(), by("ru")["hits_in_gold"].as_u64()), (Some(5), Some(3)));
    assert_eq!((by("uk")["hits"].as_u64(), by("uk")["hits_in_gold"].as_u64()), (Some(3), Some(2)));
    assert_eq!(by("all")["precision"].as_f64(), Some(0.625));
    assert_eq!(by("all")["hit_rate_loaded"].as_f64(), Some(1.0));
    assert_eq!(by("all")["hit_rate_other"].as_f64(), Some(0.0));
    assert!(by("all")["ratio"].is_null(), "no ratio when the other posts hold no hit");
}

/// Words a post only quotes are reported apart: the hit rate of the other posts counts them
/// among all hits, not among the hits outside quotation marks.
#[test]
fn eval_loaded_unlp_reports_hits_outside_quotation_marks_apart() {
    let o = bin()
        .args(["eval", "loaded", "--json", "--unlp"])
        .arg(root().join("tests/fixtures/unlp-quoted"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let all = v["groups"].as_array().unwrap().iter().find(|x| x["group"] == "all").unwrap().clone();
    // the quoting post (one of two unlabelled posts) holds a hit, but none outside the quotation
    assert_eq!(all["hit_rate_other"].as_f64(), Some(0.5));
    assert_eq!(all["unquoted"]["hit_rate_other"].as_f64(), Some(0.0));
    assert_eq!(all["unquoted"]["hit_rate_loaded"].as_f64(), Some(1.0));
    assert!(all["unquoted"]["hits"].as_u64().unwrap() < all["hits"].as_u64().unwrap());
    assert_eq!(all["ratio"].as_f64(), Some(2.0));
}

/// `slant train tone --unlp` fits a post model (TF-IDF over words and character n-grams) on
/// posts in UNLP 2025's form; `slant eval tone --unlp --model` scores it on other posts against
/// both labels, per language and overall; `slant analyze --tone-model-ru-uk` scores the
/// Russian and Ukrainian articles with it, and the English ones with the embedded model.
#[test]
fn a_post_tone_model_is_trained_scored_and_used_on_ukrainian_articles() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let loaded = "Ганьба зрадникам! Ці покидьки знову брешуть, усі знають правду.";
    let plain = "Міська рада затвердила бюджет на наступний рік. Засідання тривало дві години.";
    let write = |name: &str, seed: usize| {
        let folder = dir.path().join(name);
        fs::create_dir(&folder).unwrap();
        let mut f = fs::File::create(folder.join("posts.jsonl")).unwrap();
        for i in 0..60 {
            let manipulative = (i + seed).is_multiple_of(2);
            let text = format!("{} Пост {i}.", if manipulative { loaded } else { plain });
            let techniques: Vec<&str> = if manipulative { vec!["loaded_language"] } else { vec![] };
            // the annotators' spans (code points): `Ганьба` and `покидьки`
            let spans: Vec<[usize; 2]> = if manipulative { vec![[0, 6], [21, 29]] } else { vec![] };
            let line = serde_json::json!({"id": format!("{name}-{i}"), "lang": "uk", "text": text,
                                          "manipulative": manipulative, "techniques": techniques, "spans": spans});
            writeln!(f, "{line}").unwrap();
        }
        folder
    };
    let (train, dev) = (write("train", 0), write("dev", 1));
    let model = dir.path().join("tone_unlp.json");
    let o = bin().args(["train", "tone", "--unlp"]).arg(&train).arg("--out").arg(&model).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m: serde_json::Value = serde_json::from_str(&fs::read_to_string(&model).unwrap()).unwrap();
    let features = m["model"]["features"].as_array().unwrap();
    assert_eq!(m["model"]["idf"].as_array().unwrap().len(), features.len(), "a post model has an idf per feature");
    assert!(features.iter().any(|f| f.as_str().unwrap().starts_with("c:")), "character n-grams");
    assert!(m["train"]["command"].as_str().unwrap().contains("--max-char-features 15000 --span-prior-chars 5"));
    assert!(features.iter().any(|f| f == "span:top1"), "the span prior's features");
    let prior = m["model"]["span_prior"]["terms"].as_array().unwrap();
    let value = |k: &str| prior.iter().find(|t| t[0] == k).and_then(|t| t[1].as_f64());
    assert!(value("покид").unwrap() > 1.0 && value("рада").unwrap() < 0.0, "{prior:?}");

    let o = bin().args(["eval", "tone", "--json", "--unlp"]).arg(&dev).arg("--model").arg(&model).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["slant"]["positives"], 30);
    assert!(r["slant"]["auc"].as_f64().unwrap() > 0.95, "{}", r["slant"]);
    let groups = r["groups"].as_array().unwrap();
    assert_eq!(groups.iter().map(|g| g["group"].as_str().unwrap()).collect::<Vec<_>>(), ["uk", "all"]);
    for g in groups {
        assert_eq!((g["posts"].as_u64(), g["loaded_posts"].as_u64()), (Some(60), Some(30)), "{g}");
        for label in ["auc_manipulative", "auc_loaded_language"] {
            assert!(g[label].as_f64().unwrap() > 0.95, "{g}");
            let ci = g[format!("{label}_ci95")].as_array().unwrap();
            assert!(ci[0].as_f64().unwrap() <= ci[1].as_f64().unwrap(), "{g}");
        }
    }

    // in analyze: the Ukrainian article's tone is the post model's, the English one's is not
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("en.txt"), EN).unwrap();
    fs::write(input.join("uk.txt"), format!("Новини\n\n{loaded}")).unwrap();
    let (with, without) = (dir.path().join("with"), dir.path().join("without"));
    let o = bin()
        .arg("analyze")
        .arg(&input)
        .arg("--out")
        .arg(&with)
        .arg("--tone-model-ru-uk")
        .arg(&model)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("their tone from your --tone-model-ru-uk"));
    assert!(analyze(&[input.to_str().unwrap()], &without).status.success());
    let tone = |out: &std::path::Path| column(&out.join("articles.csv"), "tone");
    let (a, b) = (tone(&with), tone(&without));
    assert_eq!(column(&with.join("articles.csv"), "language"), ["en", "uk"]);
    assert_eq!(a[0], b[0], "English articles keep the embedded model");
    assert!(a[1].parse::<f64>().unwrap() > 0.5 && a[1] != b[1], "{a:?} {b:?}");
    let run = fs::read_to_string(with.join("run.json")).unwrap();
    assert!(run.contains("tone model for Russian and Ukrainian:slant-tone-unlp v2"), "{run}");
    let bad = dir.path().join("bad");
    let o = bin()
        .arg("analyze")
        .arg(&input)
        .arg("--out")
        .arg(&bad)
        .arg("--tone-model-ru-uk")
        .arg(input.join("en.txt"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "a wrong user file stops the run");
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--tone-model-ru-uk"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
