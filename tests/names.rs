//! Issue 30, defect 9 (its second half): file names that are not valid UTF-8.

mod common;

use common::*;

#[cfg(unix)]
#[test]
fn non_utf8_file_names_that_decode_alike_keep_distinct_ids_and_paths() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (name, text) in
        [(&b"caf\xe9.txt"[..], "Officials said the talks would resume."), (b"caf\xe8.txt", "The council met.")]
    {
        let p = input.join(std::ffi::OsStr::from_bytes(name));
        if std::fs::write(&p, text).is_err() {
            return; // a file system that refuses such names (not Linux's usual ones)
        }
    }
    let out = dir.path().join("out");
    let o = analyze(&[input.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let ids = column(&out.join("articles.csv"), "article_id");
    assert_eq!(ids, ["caf%E8", "caf%E9"], "each invalid byte kept as %XX");
    let paths = column(&out.join("articles.csv"), "path");
    assert!(paths[0].ends_with("caf%E8.txt") && paths[1].ends_with("caf%E9.txt"), "{paths:?}");
}
