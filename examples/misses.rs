//! Lists gold loaded-language spans the default lexicon misses, and its most frequent
//! false hits, on a PTC split (a curation aid; use it on train only).
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arts = slant::eval::ptc::load(args[1].as_ref(), args[2].as_ref(), slant::eval::ptc::LOADED_TECHNIQUES)
        .unwrap()
        .articles;
    let lex = slant::lexicon::Lexicon::default_lexicon();
    let m = slant::lexicon::Matcher::new(&lex, slant::text::Lang::english());
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    let mut false_hits: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for a in &arts {
        let an = slant::eval::loaded::analyze_plain(&a.text);
        let (hits, _) = m.find(&a.text, &an);
        for g in &a.spans {
            if !hits.iter().any(|h| h.start < g.bytes.end && g.bytes.start < h.end) {
                *missed.entry(a.text[g.bytes.clone()].to_lowercase()).or_default() += 1;
            }
        }
        for h in &hits {
            let inside = slant::eval::ptc::overlaps_any(&a.spans, &(h.start..h.end));
            let e = false_hits.entry(m.entries[h.entry].term.clone()).or_default();
            e.0 += 1;
            e.1 += usize::from(inside);
        }
    }
    let mut v: Vec<_> = missed.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (t, n) in v.iter().take(80) {
        println!("MISS {n}\t{t}");
    }
    let mut f: Vec<_> = false_hits.into_iter().collect();
    f.sort_by_key(|x| std::cmp::Reverse(x.1 .0 - x.1 .1));
    for (t, (n, g)) in f.iter().take(40) {
        println!("FALSE {}\t{n}\t{g}\t{t}", n - g);
    }
}
