//! Prints the cue probability of every word of a sentence: `cargo run --release --example cueprobe -- "TEXT"`.
fn main() {
    let t = std::env::args().nth(1).unwrap();
    let a = slant::eval::loaded::analyze_plain(&t);
    let p = slant::attribution::extract::cue_probabilities(&t, &a, slant::attribution::extract::default_model());
    for (tok, p) in a.tokens.iter().zip(p) {
        print!("{}:{:.2} ", &t[tok.start..tok.end], p);
    }
    println!();
}
