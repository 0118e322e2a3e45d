//! What a run records of each input for `run.json`: its path, size and SHA-256, taken while
//! it is read ([`HashingReader`]).

use std::io::{self, Read};

use sha2::{Digest, Sha256};

/// One input as recorded in `run.json` (a run holds one for every input file).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InputRecord {
    pub path: Box<str>,
    pub bytes: u64,
    pub sha256: Digest256,
}

/// A SHA-256 digest, written as 64 lower-case hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digest256(pub [u8; 32]);

impl std::fmt::Display for Digest256 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&hex(&self.0))
    }
}

impl serde::Serialize for Digest256 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex(&self.0))
    }
}

/// A reader that computes the SHA-256 and size of everything read through it.
pub struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl<R: Read> HashingReader<R> {
    pub fn new(inner: R) -> Self {
        HashingReader { inner, hasher: Sha256::new(), bytes: 0 }
    }

    /// Reads what is left (so the hash covers the whole input) and returns the record.
    pub fn finish(&mut self, path: &str) -> InputRecord {
        let _ = io::copy(self, &mut io::sink());
        let hasher = std::mem::take(&mut self.hasher);
        InputRecord { path: path.into(), bytes: self.bytes, sha256: Digest256(hasher.finalize().into()) }
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of a byte string, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}
