//! Property tests: arbitrary text through ingest and the text layer never panics,
#![allow(clippy::single_range_in_vec_init)]
//! and every offset lies on a char boundary inside the text.

use proptest::prelude::*;
use slant::ingest::meta::Meta;
use slant::ingest::{Content, Format, RawDoc};
use slant::pipeline::{prepare, process, AnalyzeConfig, Stages};
use std::sync::OnceLock;

fn stages() -> &'static Stages {
    static S: OnceLock<Stages> = OnceLock::new();
    S.get_or_init(|| Stages::new(&AnalyzeConfig::new(vec!["x".into()], "out".into())).unwrap())
}
use slant::text::{analyze, Offsets};

fn raw(text: String, format: Format) -> RawDoc {
    RawDoc {
        path: "prop".into(),
        line: None,
        format,
        content: Content::Bytes(text.into_bytes()),
        meta: Meta::default(),
        default_id: "prop".into(),
        decode_errors: 0,
    }
}

fn newsy() -> impl Strategy<Value = String> {
    // Mixes the characters the splitters care about with arbitrary Unicode.
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("Credit: AP".to_string()),
        Just("Dec. 12, 2025 ".to_string()),
        Just("U.S. ".to_string()),
        Just("<p>".to_string()),
        Just("&amp;".to_string()),
        // attribution paths: cues, titles, lists of names, relative pronouns, participles
        Just(" said ".to_string()),
        Just(", who ".to_string()),
        Just(" and ".to_string()),
        Just(", ".to_string()),
        Just("Gen. Tomas Reik ".to_string()),
        Just("opposition leader Pavel Orsk ".to_string()),
        Just(" – saying ".to_string()),
        Just(" are concerned that ".to_string()),
        Just("according to ".to_string()),
        Just(" he told ".to_string()),
        // Russian and Ukrainian attribution paths: cues, leads, quotation marks, bodies after a
        // preposition, initials, dates, asides, particles
        Just(" заявил ".to_string()),
        Just(" повідомив, що ".to_string()),
        Just("По словам ".to_string()),
        Just("за даними Генштабу ".to_string()),
        Just(", сообщает ТАСС".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(" — ".to_string()),
        Just("В экстренных службах РФ ".to_string()),
        Just("Об этом сообщил и.о. ".to_string()),
        Just("22 грудня ".to_string()),
        Just("вчора під час ".to_string()),
        Just(", отвечая на вопрос, ".to_string()),
        Just(" якобы ".to_string()),
        Just(" и ".to_string()),
        "[а-яіїєґА-Я ]{1,12}",
        "[a-zA-Z ]{1,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_ranges(text: &str, ranges: &[std::ops::Range<usize>]) {
    for r in ranges {
        assert!(r.start <= r.end && r.end <= text.len(), "{r:?} outside text of {} bytes", text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?} not on char boundaries");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn text_layer_offsets_are_valid(text in newsy()) {
        let a = analyze(&text, &[0..text.len()]);
        check_ranges(&text, &a.sentences);
        check_ranges(&text, &a.quotes);
        let toks: Vec<_> = a.tokens.iter().map(|t| t.range()).collect();
        check_ranges(&text, &toks);
        for w in toks.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "tokens overlap or are out of order");
        }
        let off = Offsets::new(&text);
        for t in &a.tokens {
            let c = off.char_index(t.start);
            prop_assert_eq!(c, text[..t.start].chars().count());
        }
        // each word's normal form and English stem, computed once, are what every stage
        // computed for itself before
        prop_assert_eq!((a.norm.len(), a.stems.len()), (a.tokens.len(), a.tokens.len()));
        let stemmer = slant::text::Lang::english().stemmer();
        for (i, t) in a.tokens.iter().enumerate() {
            let norm = slant::text::normalize(t.text(&text));
            let stem = stemmer.stem(&norm).into_owned();
            prop_assert_eq!(a.forms(i), Some((norm.as_str(), stem.as_str())));
        }
        prop_assert_eq!(a.forms(a.tokens.len()), None);
    }

    #[test]
    fn ingest_never_panics_and_body_is_inside(text in newsy(), html in any::<bool>()) {
        let format = if html { Format::Html } else { Format::Text };
        if let Ok(p) = prepare(raw(text.clone(), format), false) {
            check_ranges(&p.text, &p.layout.body);
            let caps: Vec<_> = p.layout.captions.iter().map(|c| c.span.clone()).collect();
            check_ranges(&p.text, &caps);
        }
        if let Ok(r) = process(raw(text.clone(), format), stages()) {
            for h in &r.hits {
                prop_assert!(h.start <= h.end);
            }
            // attributions: every span inside the article text (character offsets), numbered in order
            let chars = prepare(raw(text.clone(), format), false).map_or(usize::MAX, |p| p.text.chars().count());
            for (k, a) in r.attributions.iter().enumerate() {
                prop_assert_eq!(a.n, k + 1);
                for (s, e) in [(a.source_start, a.source_end), (a.content_start, a.content_end)] {
                    if let (Some(s), Some(e)) = (s, e) {
                        prop_assert!(s <= e && e <= chars, "{s}..{e} outside {chars} chars");
                    }
                }
            }
            // tone: one row per sentence, probabilities in 0..1, summaries consistent
            prop_assert_eq!(r.sentences.len(), r.article.sentences);
            for s in &r.sentences {
                prop_assert!((0.0..=1.0).contains(&s.prob) && s.start <= s.end);
            }
            prop_assert!((0.0..=1.0).contains(&r.article.tone));
            prop_assert!(r.article.tone <= r.article.tone_max + 1e-9);
            prop_assert_eq!(r.sentences.iter().filter(|s| s.flagged).count(), r.article.flagged_sentences);
            // shared text: an article and its twin hold all of each other, inside the text,
            // when they share text outside quotations
            let twins = [r.fingerprint.clone(), r.fingerprint.clone()];
            let shared = slant::copies::find(&twins, 0.0);
            if r.fingerprint.len() >= slant::copies::MIN_SHINGLES && r.fingerprint.own() >= slant::copies::MIN_OWN_SHARED {
                prop_assert_eq!(shared.len(), 2);
                for s in &shared {
                    prop_assert!(s.share == 1.0 && s.span == s.other_span);
                    prop_assert!(s.span.start < s.span.end && s.span.end <= chars);
                }
            } else {
                prop_assert!(shared.is_empty());
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let doc = RawDoc { content: Content::Bytes(bytes), ..raw(String::new(), Format::Text) };
        let _ = process(doc, stages());
    }

    /// The inflection check takes any pair of words (multi-byte endings such as `\u{2000}`
    /// included) without panicking, and every word is a form of itself.
    #[test]
    fn inflection_check_takes_any_words(a in "\\PC{0,12}", b in "[a-z\u{2000}\u{e9}ß]{0,8}(ed|ing|s|ly|\u{2000})?") {
        let _ = slant::lexicon::matcher::is_inflection(&a, &b);
        let _ = slant::lexicon::matcher::is_inflection(&b, &a);
        prop_assert!(slant::lexicon::matcher::is_inflection(&a, &a));
    }

    /// User files (issue 30): any bytes as a lexicon of any format, a source list or a
    /// metadata sidecar give a lexicon, a list or a table, or an error naming the file; no
    /// panic. Lines made of the files' own separators and quotes are the likely breakers.
    #[test]
    fn user_files_of_any_bytes_parse_or_fail_cleanly(
        bytes in prop::collection::vec(prop_oneof![
            Just(b'\t'), Just(b','), Just(b'"'), Just(b'\n'), Just(b'\r'), Just(b'%'), Just(b'*'), Just(b'='),
            Just(b'#'), Just(b' '), Just(0xffu8), Just(0xfeu8), Just(0u8), b'a'..=b'z', b'0'..=b'9', any::<u8>()
        ], 0..300),
        ext in prop_oneof![Just("tsv"), Just("txt"), Just("dic"), Just("csv")],
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("user.{ext}"));
        std::fs::write(&path, &bytes).unwrap();
        if let Err(e) = slant::lexicon::formats::parse_any(&path, &bytes) {
            prop_assert!(!e.to_string().is_empty());
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = slant::attribution::classify::SourceList::parse("user.tsv", &text) {
            prop_assert!(e.to_string().contains("user.tsv"), "{e}");
        }
        if let Err(e) = slant::ingest::meta::MetaTable::load(&path) {
            prop_assert!(e.to_string().contains("user."), "{e}");
        }
    }
}
