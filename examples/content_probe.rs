//! Attributions whose content differs most from the gold content of the same cue, for reading.
//!
//! ```text
//! cargo run --release --example content_probe -- ../shared/corpus/polnear/train > errors.tsv
//! ```
//!
//! For every predicted attribution whose cue overlaps a gold cue with a content, compares the
//! predicted content (its first part to its last) with that relation's gold content (first
//! fragment to last) by non-space characters, and prints those with an F1 below 0.5: document,
//! F1, cue, predicted and gold content. Counts go to stderr. Use it on train, never on dev.
use slant::attribution::extract::extract;
use slant::eval::brat::load_dir;
use slant::eval::loaded::analyze_plain;
use std::ops::Range;

fn ink(t: &str, r: &Range<usize>) -> usize {
    t.get(r.clone()).map_or(0, |s| s.chars().filter(|c| !c.is_whitespace()).count())
}

fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let set = load_dir(std::path::Path::new(&dir)).unwrap();
    let (mut n, mut missing, mut low) = (0, 0, 0);
    for d in &set.docs {
        let a = analyze_plain(&d.text);
        for p in extract(&d.text, &a) {
            let Some(g) = d.relations.iter().find(|r| {
                !r.content.is_empty()
                    && r.cue.as_ref().is_some_and(|c| c.iter().any(|f| f.start < p.cue.end && p.cue.start < f.end))
            }) else {
                continue;
            };
            let Some(gc) = g.content.first() else { continue };
            n += 1;
            let gr = gc.first().unwrap().start..gc.last().unwrap().end;
            let pc = p.content_cover().unwrap_or(0..0);
            let both = pc.start.max(gr.start)..pc.end.min(gr.end);
            let m = if both.start < both.end { ink(&d.text, &both) } else { 0 };
            let (pp, gg) = (ink(&d.text, &pc), ink(&d.text, &gr));
            let f = if pp + gg == 0 { 1.0 } else { 2.0 * m as f64 / (pp + gg) as f64 };
            if p.content.is_none() {
                missing += 1;
            }
            if f < 0.5 {
                low += 1;
                let flat = |r: &Range<usize>| d.text.get(r.clone()).unwrap_or("").replace('\n', " ");
                println!("{}\tF{:.2}\tcue[{}]\tpred[{}]\tgold[{}]", d.id, f, flat(&p.cue), flat(&pc), flat(&gr));
            }
        }
    }
    eprintln!("{n} cue-matched attributions, {missing} without content, {low} with content F < 0.5");
}
