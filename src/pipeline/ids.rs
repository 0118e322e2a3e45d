//! Article ids: unique within a run, in input order ([`claim_unique_id`]), and the file names
//! `--save-text` gives them ([`safe_file_name`]).

use crate::error::{DocError, ErrorKind};
use crate::ingest::RawDoc;

/// Makes the id `raw` will get unique within the run, in input order: an id already taken gets
/// the first free `~2`, `~3`, ... suffix, so every row of every output names one article and
/// `--save-text` files are not overwritten. Returns the warning to report for a renamed article.
/// Ids go to inputs in input order, whether or not the input then yields an article, so an id
/// never depends on how processing went. `taken` maps each id to the input (path and line) that
/// got it.
pub(super) fn claim_unique_id(taken: &mut TakenIds, raw: &mut RawDoc) -> Option<DocError> {
    let input = raw.origin();
    let id = raw.meta.id.clone().unwrap_or_else(|| raw.default_id.clone());
    let Some(first) = taken.inputs.get(id.as_str()).cloned() else {
        taken.inputs.insert(id.into(), input.into());
        return None;
    };
    // the search starts after the suffix this id got last: the ones before it are still taken
    // (a folder of 500 `index.html` pages no longer tries every earlier suffix each time)
    let from = taken.next_suffix.get(&id).copied().unwrap_or(2);
    let (k, unique) = (from..)
        .map(|k| (k, format!("{id}~{k}")))
        .find(|(_, c)| !taken.inputs.contains_key(c.as_str()))
        .expect("a free suffix");
    taken.next_suffix.insert(id.clone(), k + 1);
    taken.inputs.insert(unique.as_str().into(), input.into());
    raw.meta.id = Some(unique.clone());
    Some(DocError::new(
        raw.path.clone(),
        raw.line,
        ErrorKind::DuplicateId,
        format!("id '{id}' was already given to an earlier input ({first}); this one is '{unique}'"),
    ))
}

/// The ids given so far ([`claim_unique_id`]): each with the input (path and line) that got it,
/// and for a repeated id the first suffix not yet tried. A run holds one entry for every
/// input: boxed strings in a hash map, with no spare capacity.
#[derive(Default)]
pub(super) struct TakenIds {
    inputs: std::collections::HashMap<Box<str>, Box<str>>,
    next_suffix: std::collections::HashMap<String, u64>,
}

/// Longest `--save-text` file name kept whole (bytes, before `.txt`; file systems allow 255).
const MAX_NAME: usize = 200;

/// The `--save-text` file name of an article id: letters, digits, `-`, `_`, `~` and `.` (but a
/// leading dot) kept, every other byte percent-encoded, so distinct ids never share a file. A
/// name longer than [`MAX_NAME`] keeps its first 150 bytes and ends in `~` and 16 hex digits
/// of the id's SHA-256.
pub(crate) fn safe_file_name(id: &str) -> String {
    let name = encode_file_name(id);
    if name.len() <= MAX_NAME {
        return name;
    }
    let cut = (0..=150).rev().find(|&k| name.is_char_boundary(k)).unwrap_or(0);
    format!("{}~{}", &name[..cut], &crate::ingest::sha256_hex(id.as_bytes())[..16])
}

fn encode_file_name(id: &str) -> String {
    if id.is_empty() {
        return "%".into();
    }
    let mut s = String::with_capacity(id.len());
    for (i, c) in id.char_indices() {
        if c.is_alphanumeric() || matches!(c, '-' | '_' | '~') || (c == '.' && i > 0) {
            s.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                s.push_str(&format!("%{b:02X}"));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::meta::Meta;
    use crate::ingest::{Content, Format};

    #[test]
    fn repeated_ids_get_the_first_free_suffix() {
        let raw = |path: &str, id: Option<&str>| RawDoc {
            path: path.into(),
            line: None,
            format: Format::Text,
            content: Content::Text(String::new()),
            meta: Meta { id: id.map(String::from), ..Meta::default() },
            default_id: "same".into(),
            decode_errors: 0,
        };
        let mut taken = TakenIds::default();
        let mut docs = [
            raw("a/same.txt", None),
            raw("x.txt", Some("same~2")),
            raw("b/same.txt", None),
            raw("c/same.txt", None),
            raw("y.txt", Some("same~6")),
            raw("d/same.txt", None),
            raw("e/same.txt", None),
            raw("f/same.txt", None),
            raw("z.txt", Some("same~5")),
        ];
        let warnings: Vec<Option<DocError>> = docs.iter_mut().map(|d| claim_unique_id(&mut taken, d)).collect();
        let ids: Vec<String> = docs.iter().map(|d| d.meta.id.clone().unwrap_or_else(|| d.default_id.clone())).collect();
        // an id given by an input after the suffixes passed it is renamed in turn
        assert_eq!(ids, ["same", "same~2", "same~3", "same~4", "same~6", "same~5", "same~7", "same~8", "same~5~2"]);
        assert!(warnings[0].is_none() && warnings[1].is_none());
        let w = warnings[2].as_ref().expect("a warning for the renamed article");
        assert_eq!((w.path.as_str(), w.kind), ("b/same.txt", ErrorKind::DuplicateId));
        assert_eq!(w.message, "id 'same' was already given to an earlier input (a/same.txt); this one is 'same~3'");
    }

    #[test]
    fn saved_text_names_keep_distinct_ids_apart() {
        assert_eq!(safe_file_name("wire-01"), "wire-01");
        assert_eq!(safe_file_name("président.v2"), "président.v2");
        assert_eq!(safe_file_name("../etc"), "%2E.%2Fetc");
        assert_eq!(safe_file_name(""), "%");
        let ids = ["a/b", "a_b", "a%2Fb", "a b", "a\\b", "a:b", "same~2", ".x", "%2Ex", ""];
        let names: std::collections::BTreeSet<String> = ids.iter().map(|i| safe_file_name(i)).collect();
        assert_eq!(names.len(), ids.len(), "{names:?}");
        assert!(names.iter().all(|n| !n.contains('/') && !n.contains('\\') && !n.starts_with('.')));
        let long = |c: &str| format!("https://example.org/{}", c.repeat(120));
        let (a, b) = (safe_file_name(&long("a/")), safe_file_name(&long("a?")));
        assert!(a.len() <= MAX_NAME && b.len() <= MAX_NAME && a != b, "{a} {b}");
        assert!(a.starts_with("https%3A%2F%2Fexample.org%2Fa%2F"), "{a}");
    }
}
