//! Decoding policy: bytes in, text out, every repair counted.
//!
//! - A UTF-8 byte order mark is removed (offsets count from the first char after it).
//! - UTF-16 (LE or BE) with a byte order mark is decoded, also in streamed tables and JSON
//!   Lines ([`utf8_stream`]).
//! - Invalid UTF-8 sequences are each replaced by U+FFFD and counted (in a streamed UTF-16
//!   table, an unpaired surrogate becomes U+FFFD uncounted).
//! - Line endings are left as they are (`\r\n` stays in the text, so offsets match the file);
//!   every stage treats `\r\n` as one line break.
//! - Binary content (known magic numbers, NUL bytes, or mostly undecodable bytes) is refused.

use std::io::{self, Read};

/// Text decoded from raw bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Number of invalid sequences replaced by U+FFFD.
    pub errors: usize,
}

/// Why bytes could not be taken as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Binary(&'static str),
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "OLE document (old Word/Excel)"),
];

/// Decodes `bytes` following the policy above.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(DecodeError::Binary(what));
        }
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return Ok(decode_utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return Ok(decode_utf16(rest, u16::from_be_bytes));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(DecodeError::Binary("binary data (NUL bytes)"));
    }
    let decoded = decode_utf8_lossy_counted(bytes);
    // Mostly undecodable content is not text in any useful sense.
    if decoded.errors > 16 && decoded.errors * 4 > decoded.text.chars().count() {
        return Err(DecodeError::Binary("binary data (mostly invalid UTF-8)"));
    }
    Ok(decoded)
}

fn decode_utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> Decoded {
    let mut errors = bytes.len() % 2;
    let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => text.push(c),
            Err(_) => {
                errors += 1;
                text.push('\u{FFFD}');
            }
        }
    }
    if bytes.len() % 2 == 1 {
        text.push('\u{FFFD}');
    }
    Decoded { text, errors }
}

/// UTF-8 decoding that replaces and counts each invalid sequence.
pub fn decode_utf8_lossy_counted(mut bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut errors = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                text.push_str(s);
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                // SAFETY-free: from_utf8 on the valid prefix cannot fail.
                text.push_str(std::str::from_utf8(&bytes[..valid]).unwrap_or_default());
                text.push('\u{FFFD}');
                errors += 1;
                let skip = e.error_len().unwrap_or(bytes.len() - valid);
                bytes = &bytes[valid + skip..];
            }
        }
    }
    Decoded { text, errors }
}

/// A stream of UTF-8: `r` as it is, or, when it opens with a UTF-16 byte order mark, its
/// UTF-16 turned into UTF-8 as it is read (an unpaired surrogate or a last odd byte becomes
/// U+FFFD). For inputs read in a stream (tables, JSON Lines) rather than whole.
pub fn utf8_stream<'a, R: Read + 'a>(mut r: R) -> io::Result<Box<dyn Read + 'a>> {
    // the first two bytes, however the reads split them (a pipe can give one at a time)
    let mut head = [0u8; 2];
    let mut got = 0;
    while got < 2 {
        match r.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let big_endian = match head[..got] {
        [0xff, 0xfe] => false,
        [0xfe, 0xff] => true,
        // (the readers of tables and JSON Lines buffer for themselves)
        _ => return Ok(Box::new(io::Cursor::new(head[..got].to_vec()).chain(r))),
    };
    Ok(Box::new(Utf16Stream { inner: r, big_endian, pending: Vec::new(), out: Vec::new(), pos: 0, done: false }))
}

struct Utf16Stream<R> {
    inner: R,
    big_endian: bool,
    /// Bytes read but not decoded yet: an odd byte, or a high surrogate waiting for its pair.
    pending: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> Utf16Stream<R> {
    fn unit(&self, b: &[u8]) -> u16 {
        if self.big_endian {
            u16::from_be_bytes([b[0], b[1]])
        } else {
            u16::from_le_bytes([b[0], b[1]])
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        let mut chunk = [0u8; 8192];
        let n = loop {
            match self.inner.read(&mut chunk) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => break r?,
            }
        };
        self.pending.extend_from_slice(&chunk[..n]);
        let mut upto = self.pending.len();
        if n == 0 {
            self.done = true;
        } else {
            upto -= upto % 2;
            if upto >= 2 && (0xd800..0xdc00).contains(&self.unit(&self.pending[upto - 2..upto])) {
                upto -= 2;
            }
        }
        let f = if self.big_endian { u16::from_be_bytes } else { u16::from_le_bytes };
        self.out = decode_utf16(&self.pending[..upto], f).text.into_bytes();
        self.pos = 0;
        self.pending.drain(..upto);
        Ok(())
    }
}

impl<R: Read> Read for Utf16Stream<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() && !self.done {
            self.fill()?;
        }
        let n = (self.out.len() - self.pos).min(buf.len());
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// UTF-16 read in a stream: a surrogate pair split across the 8 KB chunks, both byte
    /// orders, an odd last byte; UTF-8 passes through untouched.
    #[test]
    fn utf16_streams_become_utf8() {
        let text: String = format!("{}😀 Kyiv – «ok»\nline 2", "a".repeat(4094));
        let encode = |big: bool| -> Vec<u8> {
            let mut b = if big { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] };
            for u in text.encode_utf16() {
                b.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            b
        };
        let read = |bytes: Vec<u8>| {
            let mut s = String::new();
            utf8_stream(std::io::Cursor::new(bytes)).unwrap().read_to_string(&mut s).unwrap();
            s
        };
        // the first read ends inside the emoji: BOM + 4,094 units + its high surrogate = 8,192 bytes
        assert_eq!(read(encode(false)), text);
        assert_eq!(read(encode(true)), text);
        let mut odd = encode(false);
        odd.push(b'x');
        assert_eq!(read(odd), format!("{text}\u{FFFD}"));
        assert_eq!(read("plain, «UTF-8»".as_bytes().to_vec()), "plain, «UTF-8»");
        assert_eq!(read(b"x".to_vec()), "x");
        // a byte order mark split across reads (a pipe giving one byte at a time)
        struct Trickle(Vec<u8>, usize);
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = usize::from(self.1 < self.0.len() && !buf.is_empty());
                buf[..n].copy_from_slice(&self.0[self.1..self.1 + n]);
                self.1 += n;
                Ok(n)
            }
        }
        let mut s = String::new();
        utf8_stream(Trickle(encode(true), 0)).unwrap().read_to_string(&mut s).unwrap();
        assert_eq!(s, text);
    }

    #[test]
    fn policy_table() {
        let ok: &[(&[u8], &str, usize)] = &[
            (b"plain", "plain", 0),
            (b"\xef\xbb\xbfbom", "bom", 0),
            (b"a\r\nb", "a\r\nb", 0),
            (b"caf\xe9 ok", "caf\u{FFFD} ok", 1),
            (b"\xff\xfeh\x00i\x00", "hi", 0),
            (b"\xfe\xff\x00h\x00i", "hi", 0),
            (b"", "", 0),
        ];
        for (input, text, errors) in ok {
            let d = decode(input).unwrap();
            assert_eq!((d.text.as_str(), d.errors), (*text, *errors), "{input:?}");
        }
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0"), Err(DecodeError::Binary("PNG image")));
        assert!(decode(b"abc\0def").is_err());
        assert!(decode(&[0xC3u8; 400]).is_err());
    }
}
