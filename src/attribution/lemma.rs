//! Lemmas: a rough English verb lemma (`claimed` -> `claim`), the normalised form of a cue.

const IRREGULAR: &[(&str, &str)] = &[
    ("brought", "bring"),
    ("chose", "choose"),
    ("felt", "feel"),
    ("found", "find"),
    ("gave", "give"),
    ("held", "hold"),
    ("knew", "know"),
    ("known", "know"),
    ("made", "make"),
    ("meant", "mean"),
    ("said", "say"),
    ("saw", "see"),
    ("says", "say"),
    ("seen", "see"),
    ("sought", "seek"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("taught", "teach"),
    ("thought", "think"),
    ("told", "tell"),
    ("took", "take"),
    ("understood", "understand"),
    ("written", "write"),
    ("wrote", "write"),
];

fn restore_e(base: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let needs_e = n >= 3
        && (matches!(b[n - 1], b'u' | b'v' | b'c' | b'z')
            || (b[n - 1] == b's' && vowel(b[n - 2]) && b[n - 2] != b'u')
            || (b[n - 1] == b'd' && matches!(b[n - 2], b'u' | b'i'))
            || (b[n - 1] == b'r' && matches!(b[n - 2], b'i' | b'u'))
            || (b[n - 1] == b't' && matches!(b[n - 2], b'a' | b'o') && (!vowel(b[n - 3]) || b[n - 3] == b'u'))
            || (b[n - 1] == b'n' && b[n - 2] == b'i' && !vowel(b[n - 3]))
            || (b[n - 1] == b'g' && b[n - 2] == b'd'));
    if needs_e {
        format!("{base}e")
    } else {
        base.to_string()
    }
}

fn undouble(base: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if n >= 4 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f' | b'e' | b'o') {
        base[..n - 1].to_string()
    } else {
        base.to_string()
    }
}

/// The base form of an irregular English verb form (`made` -> `make`), if it is one.
pub fn irregular_base(w: &str) -> Option<&'static str> {
    IRREGULAR.binary_search_by(|(a, _)| a.cmp(&w)).ok().map(|k| IRREGULAR[k].1)
}

/// A rough English verb lemma of a lower-cased word (`claimed` -> `claim`, `argues` -> `argue`).
pub fn lemma(w: &str) -> String {
    if let Ok(k) = IRREGULAR.binary_search_by(|(a, _)| a.cmp(&w)) {
        return IRREGULAR[k].1.to_string();
    }
    if !w.is_ascii() || w.len() < 4 {
        return w.to_string();
    }
    if let Some(b) = w.strip_suffix("ied") {
        return format!("{b}y");
    }
    if let Some(b) = w.strip_suffix("ies") {
        return format!("{b}y");
    }
    if w.ends_with("eed") {
        return w[..w.len() - 1].to_string();
    }
    if let Some(b) = w.strip_suffix("ing").or_else(|| w.strip_suffix("ed")) {
        if b.len() >= 2 {
            let u = undouble(b);
            return if u.len() < b.len() { u } else { restore_e(b) };
        }
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w.to_string();
    }
    for suf in ["ches", "shes", "sses", "xes", "zes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    if let Some(b) = w.strip_suffix('s') {
        return b.to_string();
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_forms_are_sorted() {
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn lemmas() {
        let cases = [
            ("said", "say"),
            ("claimed", "claim"),
            ("argued", "argue"),
            ("argues", "argue"),
            ("admitted", "admit"),
            ("denied", "deny"),
            ("believes", "believe"),
            ("announced", "announce"),
            ("warned", "warn"),
            ("estimated", "estimate"),
            ("tweeted", "tweet"),
            ("insisted", "insist"),
            ("acknowledged", "acknowledge"),
            ("agreed", "agree"),
            ("saying", "say"),
            ("noted", "note"),
            ("wrote", "write"),
        ];
        for (w, want) in cases {
            assert_eq!(lemma(w), want, "{w}");
        }
    }
}
