//! An article's section of `report.html`: its body with hits, quotations and sources marked.

use super::*;

/// An article's hits as the report shows them.
pub(super) struct HitsView<'a> {
    pub(super) hits: &'a [crate::lexicon::Hit],
    pub(super) counted: &'a [bool],
    pub(super) caps: &'a [crate::lexicon::CapsHit],
    pub(super) encoded: &'a [crate::encoder::EncoderHit],
}

/// The article's section of `report.html`: its body with hits, quotations and sources marked.
pub(super) fn report_section(
    text: &str,
    body: &[std::ops::Range<usize>],
    analysis: &text::TextAnalysis,
    article: &Article,
    view: HitsView,
    attr: &crate::attribution::AttrResult,
    m: &Matcher,
) -> String {
    let (attributions, contents) = (&attr.rows, &attr.contents);
    use crate::report::html::{article_section, ArticleView, Mark, MarkKind};
    let HitsView { hits, counted, caps, encoded } = view;
    let mut marks: Vec<Mark> = Vec::with_capacity(hits.len() + caps.len() + analysis.quotes.len());
    for (h, &counted) in hits.iter().zip(counted) {
        let e = &m.entries[h.entry];
        let negated = if h.negated { ", negated" } else { "" };
        let uncounted = if counted { "" } else { "; not counted: its sentence is not flagged" };
        marks.push(Mark {
            range: h.start..h.end,
            kind: MarkKind::Hit { category: m.entry_category[h.entry], counted },
            title: format!("{} ({}, {}{negated}){uncounted}", e.term, e.category, h.voice.as_str()),
        });
    }
    for h in encoded {
        let negated = if h.negated { ", negated" } else { "" };
        marks.push(Mark {
            range: h.start..h.end,
            kind: MarkKind::Hit { category: m.categories.len(), counted: true },
            title: format!("{ENCODER_CATEGORY} (p = {:.2}, {}{negated})", h.prob, h.voice.as_str()),
        });
    }
    for c in caps {
        marks.push(Mark { range: c.start..c.end, kind: MarkKind::Caps, title: "capitals for emphasis".into() });
    }
    for q in &analysis.quotes {
        marks.push(Mark { range: q.clone(), kind: MarkKind::Quote, title: String::new() });
    }
    for c in contents {
        marks.push(Mark { range: c.clone(), kind: MarkKind::Reported, title: String::new() });
    }
    for a in attributions {
        if let Some(range) = a.source_bytes.clone() {
            let resolved =
                if a.resolved_source != a.source { format!(" = {}", a.resolved_source) } else { String::new() };
            marks.push(Mark {
                range,
                kind: MarkKind::Source(a.category.to_string()),
                title: format!(
                    "source{resolved}: {}{}, cue “{}” ({})",
                    a.category,
                    if a.country.is_empty() { String::new() } else { format!(" {}", a.country) },
                    a.cue,
                    a.cue_class
                ),
            });
        }
    }
    let l = &article.loaded;
    let summary = format!(
        "{} words, {} loaded ({} own voice, {} quoted, {} reported), {} attributions, tone {:.3}, {} of {} sentences flagged",
        article.words,
        l.total,
        l.own,
        l.quoted,
        l.reported,
        article.attr.total,
        article.tone,
        article.flagged_sentences,
        article.sentences
    );
    article_section(&ArticleView {
        id: &article.id,
        title: &article.title,
        outlet: &article.outlet,
        date: &article.date,
        summary,
        text,
        body,
        marks,
    })
}
