//! Prints the body units slant finds in a text file (a debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: body FILE");
    let text = std::fs::read_to_string(path).expect("read");
    let (lines, header) = slant::ingest::boilerplate::text_lines(&text);
    let layout = slant::ingest::boilerplate::layout(&text, &lines, header, false);
    for r in &layout.body {
        println!("BODY| {}", &text[r.clone()]);
    }
    if let Some(t) = &layout.title {
        println!("TITLE| {}", &text[t.clone()]);
    }
    let a = slant::text::analyze(&text, &layout.body);
    println!("words={} sentences={} quoted={}", a.words(), a.sentences.len(), a.quoted_words());
}
