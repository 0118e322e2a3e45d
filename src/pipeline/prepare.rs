//! Preparing a document: decode, flatten, find the body, resolve its metadata.

use super::*;

/// A document decoded, flattened and laid out, ready for the text layer.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub text: String,
    pub layout: Layout,
    pub article: Article,
    pub warnings: Vec<DocError>,
}

fn doc_err(raw: &RawDoc, kind: ErrorKind, msg: impl Into<String>) -> DocError {
    DocError::new(raw.path.clone(), raw.line, kind, msg)
}

/// Pages with at least this many words of prose are checked for prose left out of the body.
const PROSE_CHECK_MIN_WORDS: usize = 60;

/// Decodes and lays out a raw document and resolves its metadata.
pub fn prepare(raw: RawDoc, keep_boilerplate: bool) -> Result<Prepared, DocError> {
    let mut warnings = Vec::new();
    let (text, decode_errors) = match &raw.content {
        Content::Bytes(b) => {
            if b.is_empty() {
                return Err(doc_err(&raw, ErrorKind::Empty, "empty file (0 bytes)"));
            }
            match decode::decode(b) {
                Ok(d) => (d.text, d.errors),
                Err(DecodeError::Binary(what)) => {
                    return Err(doc_err(&raw, ErrorKind::Binary, format!("not text: looks like {what}")))
                }
            }
        }
        Content::Text(t) => (t.clone(), raw.decode_errors),
    };
    if decode_errors > 0 {
        warnings.push(doc_err(
            &raw,
            ErrorKind::Decode,
            format!("{decode_errors} invalid UTF-8 sequence(s) replaced with U+FFFD; article kept"),
        ));
    }
    if text.trim().is_empty() {
        return Err(doc_err(&raw, ErrorKind::Empty, "no text (only whitespace)"));
    }
    let (text, lines, header, html_meta) = if raw.format == Format::Html {
        let h = html::flatten(&text);
        let lines: Vec<LineIn> = h
            .lines
            .iter()
            .map(|l| LineIn { span: l.span.clone(), link_density: l.link_density, hint: l.hint })
            .collect();
        (h.text, lines, None, h.meta)
    } else {
        let (lines, header) = boilerplate::text_lines(&text);
        (text, lines, header, HtmlMeta::default())
    };
    let layout = boilerplate::layout(&text, &lines, header, keep_boilerplate);
    if layout.body.is_empty() {
        return Err(doc_err(&raw, ErrorKind::Empty, "no article text found"));
    }
    if layout.repeated > 0 {
        warnings.push(doc_err(
            &raw,
            ErrorKind::RepeatedText,
            format!("{} paragraph(s) the page repeats were read once; article kept", layout.repeated),
        ));
    }
    let (kept, page) = layout.prose_words;
    if page >= PROSE_CHECK_MIN_WORDS && kept * 3 < page * 2 {
        warnings.push(doc_err(
            &raw,
            ErrorKind::ProseLeftOut,
            format!(
                "the body holds {kept} of the page's {page} words of prose: part of the article may have been \
                 left out as page furniture (--keep-boilerplate reads every line); article kept"
            ),
        ));
    }
    let mut article = resolve_meta(&raw, &text, &layout, html_meta, decode_errors);
    if article.date_source == ValueSource::Given && crate::report::charts::day_number(&article.date).is_none() {
        warnings.push(doc_err(
            &raw,
            ErrorKind::BadDate,
            format!("the given date '{}' is no valid date: the date is left empty; article kept", article.date),
        ));
        article.date.clear();
        article.date_source = ValueSource::None;
    }
    Ok(Prepared { text, layout, article, warnings })
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn resolve_meta(raw: &RawDoc, text: &str, layout: &Layout, html: HtmlMeta, decode_errors: usize) -> Article {
    let m = &raw.meta;
    let span_text = |r: &Range<usize>| &text[r.clone()];
    let normalize_date = |d: &str| {
        infer::find_date(d).map(|x| x.0).or_else(|| infer::compact_date(d)).unwrap_or_else(|| d.trim().to_string())
    };

    let (date, date_source) = if let Some(d) = m.date.as_deref().or(html.published.as_deref()) {
        (normalize_date(d), ValueSource::Given)
    } else if let Some((d, _)) = &layout.header_date {
        (d.clone(), ValueSource::Inferred)
    } else if let Some(d) = layout
        .before_body
        .iter()
        .chain(layout.body.first())
        .chain(layout.top.iter())
        .find_map(|r| infer::find_date(span_text(r)))
    {
        (d.0, ValueSource::Inferred)
    } else {
        (String::new(), ValueSource::None)
    };

    let (outlet, outlet_source) = if let Some(o) = m.outlet.as_deref().or(html.site_name.as_deref()) {
        (clean(o), ValueSource::Given)
    } else if let Some(o) = layout.body.iter().take(2).find_map(|r| infer::dateline_outlet(span_text(r))) {
        (o, ValueSource::Inferred)
    } else if let Some(o) = layout.bottom.iter().rev().find_map(|r| infer::copyright_outlet(span_text(r))) {
        (o, ValueSource::Inferred)
    } else {
        (String::new(), ValueSource::None)
    };

    let title = m
        .title
        .clone()
        .or(html.title)
        .or_else(|| layout.title.as_ref().map(|r| span_text(r).to_string()))
        .map(|t| clean(&t))
        .unwrap_or_default();
    let path = raw.origin();
    Article {
        id: m.id.clone().unwrap_or_else(|| raw.default_id.clone()),
        outlet,
        date,
        title,
        url: m.url.clone().or(html.url).unwrap_or_default(),
        path,
        words: 0,
        sentences: 0,
        quoted_words: 0,
        captions: layout.captions.len(),
        decode_errors,
        date_source,
        outlet_source,
        language: None,
        loaded: LoadedCounts::default(),
        attr: Default::default(),
        credits: 0,
        tone: 0.0,
        tone_max: 0.0,
        flagged_sentences: 0,
        flagged_share: 0.0,
        same_text: None,
        extra: m.extra.clone(),
    }
}
