//! Tests of the per-document pipeline and its driver (`mod.rs`), in a file of their own.
use super::*;
use crate::ingest::meta::Meta;

/// A plain-text input `a.txt` holding `text`.
fn text_doc(text: &str) -> RawDoc {
    RawDoc {
        path: "a.txt".into(),
        line: None,
        format: Format::Text,
        content: Content::Text(text.into()),
        meta: Meta::default(),
        default_id: "a".into(),
        decode_errors: 0,
    }
}

#[cfg(unix)]
#[test]
fn a_lexicon_read_from_a_pipe_reaches_every_language() {
    // a `--lexicon <(...)` pipe can be read once: every language's lexicon gets its terms,
    // whatever the thread count
    let dir = tempfile::tempdir().unwrap();
    for threads in [1, 2] {
        let fifo = dir.path().join(format!("labels{threads}.txt"));
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("no mkfifo here: the pipe case is not run");
            return;
        }
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::write(fifo, "despotic\ntyrannical\n").unwrap())
        };
        let mut cfg = AnalyzeConfig::new(vec!["a.txt".into()], PathBuf::from("out"));
        cfg.lexicon = vec![fifo];
        cfg.threads = threads;
        let stages = Stages::new(&cfg).unwrap();
        writer.join().unwrap();
        let has = |l: &Lexicon| l.entries.iter().any(|e| e.term == "tyrannical" && e.category.starts_with("labels"));
        assert!(has(&stages.lexicon), "{threads} threads");
        assert!(!stages.others.is_empty() && stages.others.iter().all(|o| has(&o.lexicon)), "{threads} threads");
    }
}

#[test]
fn the_innermost_holder_sweep_agrees_with_a_search_of_every_range() {
    // pseudo-random nested, overlapping, empty and repeated ranges, fixed seed
    let mut state: u64 = 7;
    let mut next = |n: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) % n) as usize
    };
    for _ in 0..200 {
        let ranges: Vec<std::ops::Range<usize>> = (0..next(12))
            .map(|_| {
                let a = next(60);
                a..a + next(25)
            })
            .collect();
        let mut points: Vec<usize> = (0..next(20)).map(|_| next(90)).collect();
        points.sort_unstable();
        let brute: Vec<Option<usize>> = points
            .iter()
            .map(|&p| (0..ranges.len()).filter(|&k| ranges[k].contains(&p)).min_by_key(|&k| ranges[k].len()))
            .collect();
        assert_eq!(innermost_holders(&ranges, points.iter().copied()), brute, "{ranges:?} {points:?}");
    }
}

#[test]
fn a_repeated_paragraph_and_lost_prose_are_warned_about() {
    let para = "The delegations met for six hours and left without a joint statement, officials said.";
    let text = format!("Talks stall\n\n{para}\n\n{para}\n\nA second round is planned for next week in the capital.\n");
    let p = prepare(text_doc(&text), false).unwrap();
    let kinds: Vec<ErrorKind> = p.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [ErrorKind::RepeatedText]);
    assert!(kinds.iter().all(|k| k.is_warning()));
    // most of the page's prose above a long menu: the body keeps the part below
    let lead = "Residents told the committee the new road would cut the town in two and close shops. \
                They asked for a tunnel instead, and the committee agreed to study it.";
    let menu = (0..30).map(|i| format!("• Section {i}")).collect::<Vec<_>>().join("\n");
    let after = "The council said work would start in the autumn and last for about two years. \
                 A report on the costs is due in the spring, with a vote on the plan before the summer. \
                 The mayor said a further public meeting would be held before any work began on the road.";
    let text = format!("{lead}\n\n{menu}\n\n{after}\n");
    let p = prepare(text_doc(&text), false).unwrap();
    let kinds: Vec<ErrorKind> = p.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [ErrorKind::ProseLeftOut], "{:?}", p.warnings);
    assert!(p.warnings[0].message.contains("words of prose"));
}

#[test]
fn hits_in_quoted_or_reported_speech_name_their_speaker_and_voice() {
    let text = "A vote\n\nElection officials say the vote was a sham. \"The tyrant must go,\" said Lena Holt.\n\
                The despot won again. Such lies only reveal the panic of the regime. \
                The opposition says the election was rigged, Reuters reported.\n";
    let cfg = AnalyzeConfig::new(vec!["a.txt".into()], PathBuf::from("out"));
    let doc = process(text_doc(text), &Stages::new(&cfg).unwrap()).unwrap();
    let got: Vec<(&str, &str, &str)> =
        doc.hits.iter().map(|h| (h.text.as_str(), h.voice.as_str(), h.speaker.as_str())).collect();
    assert_eq!(
        got,
        [
            ("sham", "reported", "Election officials"),
            ("tyrant", "quoted", "Lena Holt"),
            ("despot", "own", ""),
            // `Such lies only reveal` reads as an attribution to an unrecognised source
            ("panic", "own", ""),
            // the innermost speaker (unrecognised, so none), not Reuters around it
            ("rigged", "reported", "")
        ]
    );
    // three voices, each with its words: reported speech is neither own voice nor quoted
    let l = &doc.article.loaded;
    assert_eq!((l.own, l.quoted, l.reported), (2, 1, 2));
    assert!(l.reported_words >= 8, "{l:?}");
    assert_eq!(l.own_words + l.reported_words + doc.article.quoted_words, doc.article.words);
}

/// With an encoder, its hits beyond the lexicon's are rows of category `encoder`, counted in
/// the article's totals and in the last category column; without, nothing changes.
#[test]
fn encoder_hits_are_rows_and_counts_of_their_own_category() {
    let text = "A budget\n\nKim said the despot's brutal war was a bloodbath, the council budget said.\nThe council met on Tuesday and approved the budget for the year, officials said.\n";
    let raw = || text_doc(text);
    let cfg = AnalyzeConfig::new(vec!["a.txt".into()], PathBuf::from("out"));
    let mut stages = Stages::new(&cfg).unwrap();
    let plain = process(raw(), &stages).unwrap();
    assert!(plain.hits.iter().all(|h| h.category != ENCODER_CATEGORY));
    let (_dir, stage) = crate::encoder::testing::tiny_stage(0.001);
    stages.encoder = Some(stage);
    stages.categories.push(ENCODER_CATEGORY.into());
    let doc = process(raw(), &stages).unwrap();
    let enc: Vec<&HitRow> = doc.hits.iter().filter(|h| h.category == ENCODER_CATEGORY).collect();
    assert!(!enc.is_empty(), "{:?}", doc.hits);
    let lexicon: Vec<&HitRow> = doc.hits.iter().filter(|h| h.category != ENCODER_CATEGORY && h.counted).collect();
    for e in &enc {
        assert!(e.counted && (0.0..=1.0).contains(&e.weight));
        assert_eq!(e.text, text.chars().skip(e.start).take(e.end - e.start).collect::<String>());
        assert!(lexicon.iter().all(|l| l.end <= e.start || e.end <= l.start), "{} overlaps a lexicon hit", e.text);
    }
    let l = &doc.article.loaded;
    assert_eq!(l.per_category.len(), stages.categories.len());
    assert_eq!(l.per_category[stages.categories.len() - 1], enc.len());
    assert_eq!(l.total, plain.article.loaded.total + enc.len());
}

/// The page's headline is read with the body: its loaded words are hits in the outlet's own
/// voice, its words count, and a headline the page repeats as the body's first paragraph is
/// read once.
#[test]
fn the_headline_above_the_body_is_read_once() {
    let cfg = AnalyzeConfig::new(vec!["a.txt".into()], PathBuf::from("out"));
    let stages = Stages::new(&cfg).unwrap();
    let body = "The council of Vell met on Monday to vote on the budget for the harbour. \
                Members approved the plan after a short debate about the cost of repairs.\n";
    let page = format!("Despot Tightens Grip On Port Town\n\n{body}");
    let doc = process(text_doc(&page), &stages).unwrap();
    let got: Vec<(&str, &str, usize)> = doc.hits.iter().map(|h| (h.text.as_str(), h.voice.as_str(), h.start)).collect();
    assert_eq!(got, [("Despot", "own", 0)], "{:?}", doc.hits);
    assert_eq!(doc.article.title, "Despot Tightens Grip On Port Town");
    let plain = process(text_doc(body), &stages).unwrap();
    assert_eq!(doc.article.words, plain.article.words + 6);
    assert_eq!(doc.article.sentences, plain.article.sentences + 1);
    // repeated as the body's first paragraph, the headline is read once
    let twice = format!("Despot Tightens Grip On Port Town\n\nDespot Tightens Grip On Port Town\n\n{body}");
    let doc = process(text_doc(&twice), &stages).unwrap();
    assert_eq!(doc.hits.len(), 1, "{:?}", doc.hits);
}
