//! Issue 28: Russian and Ukrainian articles read with their own lexicons (`--lang auto`, the
//! default), and `slant eval loaded --unlp`. The texts are written for these tests.

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
