//! The columns of `articles.csv`, listed once: each column, or family of columns, with the
//! cell it takes from an [`Article`]. The families are the run's: one `loaded_<category>` per
//! lexicon category and one `attr_<kind>` per source category; the input's own columns follow
//! ([`super::article_header`]).

use super::{rate_per_1k, Article};
use crate::attribution::Category;
use crate::rows::{number, text, Cell, Col};

/// A column of `articles.csv`, or a family of them.
pub(crate) enum ArticleCol {
    One(Col<Article>),
    /// `loaded_<category>`: hits per lexicon category.
    Categories,
    /// `attr_<kind>`: attributions per source category.
    SourceKinds,
}

use ArticleCol::{Categories, One, SourceKinds};

/// Every column of `articles.csv` before the input's own, in order.
pub(crate) const LAYOUT: &[ArticleCol] = &[
    One(text("article_id", |a| a.id.clone())),
    One(text("outlet", |a| a.outlet.clone())),
    One(text("date", |a| a.date.clone())),
    One(text("title", |a| a.title.clone())),
    One(text("url", |a| a.url.clone())),
    One(text("path", |a| a.path.clone())),
    One(text("words", |a| a.words.to_string())),
    One(text("sentences", |a| a.sentences.to_string())),
    One(text("quoted_words", |a| a.quoted_words.to_string())),
    One(text("reported_words", |a| a.loaded.reported_words.to_string())),
    One(text("own_words", |a| a.loaded.own_words.to_string())),
    One(text("captions", |a| a.captions.to_string())),
    One(text("decode_errors", |a| a.decode_errors.to_string())),
    One(text("date_source", |a| a.date_source.as_str().to_string())),
    One(text("outlet_source", |a| a.outlet_source.as_str().to_string())),
    One(text("language", |a| a.language.unwrap_or_default().to_string())),
    One(text("language_source", |a| if a.language.is_some() { "detected" } else { "none" }.to_string())),
    One(text("loaded", |a| a.loaded.total.to_string())),
    One(number("loaded_per_1k", |a| rate_per_1k(a.loaded.total, a.words), 2)),
    One(text("loaded_own", |a| a.loaded.own.to_string())),
    One(number("loaded_own_per_1k", |a| rate_per_1k(a.loaded.own, a.loaded.own_words), 2)),
    One(text("loaded_quoted", |a| a.loaded.quoted.to_string())),
    One(number("loaded_quoted_per_1k", |a| rate_per_1k(a.loaded.quoted, a.quoted_words), 2)),
    One(text("loaded_reported", |a| a.loaded.reported.to_string())),
    One(number("loaded_reported_per_1k", |a| rate_per_1k(a.loaded.reported, a.loaded.reported_words), 2)),
    One(text("loaded_flagged", |a| a.loaded.flagged.to_string())),
    One(text("loaded_all", |a| a.loaded.all.to_string())),
    Categories,
    One(text("caps_emphasis", |a| a.loaded.caps.to_string())),
    One(text("attributions", |a| a.attr.total.to_string())),
    One(text("direct_quotes", |a| a.attr.direct.to_string())),
    SourceKinds,
    One(text("attr_countries", |a| a.attr.countries_string())),
    One(text("credits", |a| a.credits.to_string())),
    One(number("tone", |a| Some(a.tone), 4)),
    One(number("tone_max", |a| Some(a.tone_max), 4)),
    One(text("flagged_sentences", |a| a.flagged_sentences.to_string())),
    One(number("flagged_share", |a| Some(a.flagged_share), 4)),
    One(text("same_text_as", |a| a.same_text.as_ref().map(|s| s.0.clone()).unwrap_or_default())),
    One(number("same_text_share", |a| a.same_text.as_ref().map(|s| s.1), 2)),
];

/// The column names for a run with these lexicon categories.
pub fn names(categories: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(LAYOUT.len() + categories.len() + Category::ALL.len());
    for c in LAYOUT {
        match c {
            One(col) => out.push(col.name.to_string()),
            Categories => out.extend(categories.iter().map(|c| format!("loaded_{c}"))),
            SourceKinds => out.extend(Category::ALL.iter().map(|c| format!("attr_{c}"))),
        }
    }
    out
}

/// The cells of article `a` under [`names`] for `n_categories` lexicon categories.
pub fn values(a: &Article, n_categories: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(LAYOUT.len() + n_categories + Category::ALL.len());
    for c in LAYOUT {
        match c {
            One(col) => out.push(col.cell(a)),
            Categories => {
                out.extend((0..n_categories).map(|i| a.loaded.per_category.get(i).copied().unwrap_or(0).to_string()))
            }
            SourceKinds => out.extend(
                Category::ALL.iter().map(|k| a.attr.per_category.get(k.index()).copied().unwrap_or(0).to_string()),
            ),
        }
    }
    out
}

/// The decimals of a number column of `articles.csv`.
pub fn decimals(column: &str) -> Option<usize> {
    LAYOUT.iter().find_map(|c| match c {
        One(Col { name, cell: Cell::Number(_, d) }) if *name == column => Some(*d),
        _ => None,
    })
}
