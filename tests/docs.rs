//! The README is a user's guide that agrees with the code: its column table is the codebook's,
//! `docs/codebook.md` is the whole codebook, and it holds no dated history (that goes to
//! CHANGELOG.md and docs/validation.md).

mod common;

use common::root;
use std::fs;

const START: &str = "<!-- codebook articles.csv:";
const END: &str = "<!-- end codebook -->";

fn readme() -> String {
    fs::read_to_string(root().join("README.md")).unwrap()
}

#[test]
fn the_readme_column_table_is_the_codebook() {
    let text = readme();
    let start = text.find(START).expect("the README marks its codebook table");
    let body_start = text[start..].find('\n').unwrap() + start + 1;
    let end = text.find(END).expect("the README ends its codebook table");
    assert_eq!(
        &text[body_start..end],
        slant::codebook::markdown_table("articles.csv"),
        "README.md's articles.csv table differs from the codebook: run scripts/regen-golden.sh"
    );
}

#[test]
fn docs_codebook_is_the_whole_codebook() {
    let doc = fs::read_to_string(root().join("docs/codebook.md")).unwrap();
    let body = slant::codebook::markdown();
    assert!(doc.ends_with(&body), "docs/codebook.md differs from the codebook: run scripts/regen-golden.sh");
    for f in slant::codebook::files() {
        assert!(doc.contains(&format!("## `{f}`")), "{f} has a section");
    }
}

/// Under 40% of the 13,700 words it had when it was filed as too long, with a table of
/// contents and the walk-through, and no dated history outside code examples.
#[test]
fn the_readme_is_a_short_guide_without_dated_history() {
    let text = readme();
    let words = text.split_whitespace().count();
    assert!(words < 13_700 * 2 / 5, "README.md has {words} words");
    assert!(text.contains("## Contents") && text.contains("## Walk-through"));
    let mut prose = String::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    let b = prose.as_bytes();
    let dated = (0..b.len().saturating_sub(9)).find(|&i| {
        let d = |k: usize| b[i + k].is_ascii_digit();
        b[i] == b'2' && d(1) && d(2) && d(3) && b[i + 4] == b'-' && d(5) && d(6) && b[i + 7] == b'-' && d(8) && d(9)
    });
    assert!(dated.is_none(), "a date in the README's prose: {:?}", dated.map(|i| &prose[i.saturating_sub(60)..i + 10]));
    assert!(!prose.to_lowercase().contains("session"), "history of working sessions belongs in CHANGELOG.md");
}
