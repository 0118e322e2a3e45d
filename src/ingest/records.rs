//! Files of many documents: a CSV or TSV file (one document per row) and JSON lines (one per
//! line), read as streams with a cap on each record's size, each record's line kept for errors.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};

use serde_json::Value;

use super::meta::Meta;
use super::{decode, io_message, too_large, Content, Format, Item, RawDoc, ReadOptions, TEXT_FIELDS};
use crate::error::{DocError, ErrorKind};

/// Header names made unique (ignoring case and surrounding spaces): a repeated name gets
/// `_2`, `_3`... so that no column's values are lost; with a message for each renaming.
fn unique_headers(headers: Vec<String>) -> (Vec<String>, Vec<String>) {
    let key = |h: &str| h.trim().to_lowercase();
    let mut taken: std::collections::BTreeSet<String> = headers.iter().map(|h| key(h)).collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut messages = Vec::new();
    let names = headers
        .into_iter()
        .map(|h| {
            if seen.insert(key(&h)) {
                return h;
            }
            let name =
                (2..).map(|k| format!("{}_{k}", h.trim())).find(|n| !taken.contains(&key(n))).unwrap_or_default();
            taken.insert(key(&name));
            messages.push(format!("column '{}' appears more than once; this one is read as '{name}'", h.trim()));
            name
        })
        .collect();
    (names, messages)
}

fn find_text_col(names: &[String], opts: &ReadOptions) -> Result<usize, String> {
    let lower: Vec<String> = names.iter().map(|n| n.trim().to_ascii_lowercase()).collect();
    match &opts.text_col {
        Some(c) => lower
            .iter()
            .position(|n| *n == c.trim().to_ascii_lowercase())
            .ok_or_else(|| format!("no column '{c}' (given by --text-col); columns: {}", names.join(", "))),
        None => TEXT_FIELDS.iter().find_map(|f| lower.iter().position(|n| n == f)).ok_or_else(|| {
            format!(
                "no text column: expected one of text, body, content, article, or --text-col; columns: {}",
                names.join(", ")
            )
        }),
    }
}

/// A reader that notes where its line breaks are, so records get their 1-based line from
/// their starting byte (the csv crate's own line count runs one short per `\r\n` break).
///
/// It also bounds a record: more than `cap` bytes read since the last record ended
/// ([`LineCounting::record_done`]) is an error, so a record that never ends (a quotation
/// left open over gigabytes, a device) does not fill memory.
struct LineCounting<R> {
    inner: R,
    read: u64,
    /// Offsets of the `\n` bytes not yet passed by a query.
    breaks: VecDeque<u64>,
    passed: u64,
    cap: u64,
    /// `read` when the last record ended.
    mark: u64,
}

/// Bytes the csv crate may read ahead of the record it returns.
const READ_AHEAD: u64 = 256 * 1024;

impl<R: Read> Read for LineCounting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read - self.mark > self.cap.saturating_add(READ_AHEAD) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "a record runs on past {} bytes (twice --max-bytes) without ending (a quotation left open?); \
                     the rest of the file was not read",
                    self.cap
                ),
            ));
        }
        let n = self.inner.read(buf)?;
        for (i, _) in buf[..n].iter().enumerate().filter(|(_, b)| **b == b'\n') {
            self.breaks.push_back(self.read + i as u64);
        }
        self.read += n as u64;
        Ok(n)
    }
}

impl<R> LineCounting<R> {
    fn new(inner: R, cap: u64) -> Self {
        LineCounting { inner, read: 0, breaks: VecDeque::new(), passed: 0, cap, mark: 0 }
    }

    /// A record ended: the bound starts again.
    fn record_done(&mut self) {
        self.mark = self.read;
    }

    /// 1-based line of a record that the csv crate says starts at `byte`; offsets must not
    /// decrease from call to call. After a `\r\n` break the crate puts the start on the `\n`,
    /// so a break at `byte` itself counts as passed.
    fn line_of(&mut self, byte: u64) -> u64 {
        while self.breaks.front().is_some_and(|&b| b <= byte) {
            self.breaks.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

pub(super) fn read_csv<R: Read>(
    rdr: &mut R,
    path: &str,
    stem: &str,
    delim: u8,
    base_meta: &Meta,
    opts: &ReadOptions,
    emit: &mut impl FnMut(Item),
) {
    let err = |line: Option<u64>, kind, msg: String| Item::Error(DocError::new(path, line, kind, msg));
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(false)
        .from_reader(LineCounting::new(rdr, opts.max_bytes.saturating_mul(2)));
    let headers: Vec<String> = match csv.byte_headers() {
        Ok(h) => h.iter().map(|f| decode::decode_utf8_lossy_counted(f).text).collect(),
        Err(e) => {
            emit(err(Some(1), ErrorKind::Csv, e.to_string()));
            return;
        }
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        emit(err(None, ErrorKind::Empty, "empty file (no header row)".into()));
        return;
    }
    let (headers, renamed) = unique_headers(headers);
    for message in renamed {
        emit(err(Some(1), ErrorKind::DuplicateColumn, message));
    }
    let text_idx = match find_text_col(&headers, opts) {
        Ok(i) => i,
        Err(m) => {
            emit(err(Some(1), ErrorKind::NoText, m));
            return;
        }
    };
    let mut rec = csv::ByteRecord::new();
    let mut n = 0u64;
    loop {
        match csv.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                n += 1;
                csv.get_mut().record_done();
                let line = match rec.position() {
                    Some(p) => csv.get_mut().line_of(p.byte()),
                    None => n + 1,
                };
                let mut meta = Meta::default();
                let mut text = String::new();
                let mut errors = 0;
                for (i, (h, f)) in headers.iter().zip(rec.iter()).enumerate() {
                    let d = decode::decode_utf8_lossy_counted(f);
                    errors += d.errors;
                    if i == text_idx {
                        text = d.text;
                    } else {
                        opts.fields.set(&mut meta, h, d.text);
                    }
                }
                meta.fill_from(base_meta);
                if text.len() as u64 > opts.max_bytes {
                    emit(err(Some(line), ErrorKind::TooLarge, too_large(text.len() as u64, opts.max_bytes)));
                    continue;
                }
                emit(Item::Doc(Box::new(RawDoc {
                    path: path.to_string(),
                    line: Some(line),
                    format: Format::Csv,
                    content: Content::Text(text),
                    meta,
                    default_id: format!("{stem}:{line}"),
                    decode_errors: errors,
                })));
            }
            Err(e) => {
                n += 1;
                csv.get_mut().record_done();
                let line = e.position().map(|p| p.byte()).map(|b| csv.get_mut().line_of(b));
                let msg = match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        format!("row has {len} fields, the header has {expected_len}; row skipped")
                    }
                    _ => format!("{e}; row skipped"),
                };
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                emit(err(line, ErrorKind::Csv, msg));
                if fatal {
                    return;
                }
            }
        }
    }
    if n == 0 {
        emit(err(None, ErrorKind::Empty, "CSV file has a header but no rows".into()));
    }
}

/// Reads one line (through its `\n`) into `buf`, keeping at most `cap` + 1 bytes of it and
/// passing over the rest; returns the line's whole length (0 at the end of the input), so a
/// line longer than `cap` is known as such without being held in memory.
fn read_line_capped<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, cap: u64) -> io::Result<u64> {
    let mut total = 0u64;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(total);
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = (cap.saturating_add(1)).saturating_sub(buf.len() as u64) as usize;
        buf.extend_from_slice(&chunk[..take.min(room)]);
        total += take as u64;
        r.consume(take);
        if done {
            return Ok(total);
        }
    }
}

pub(super) fn read_jsonl<R: Read>(
    rdr: &mut R,
    path: &str,
    stem: &str,
    opts: &ReadOptions,
    emit: &mut impl FnMut(Item),
) {
    let err = |line: u64, kind, msg: String| Item::Error(DocError::new(path, Some(line), kind, msg));
    let mut br = BufReader::new(rdr);
    let mut buf = Vec::new();
    let mut line = 0u64;
    let mut docs = 0u64;
    // Lines that are not blank.
    let mut filled = 0u64;
    loop {
        buf.clear();
        let size = match read_line_capped(&mut br, &mut buf, opts.max_bytes) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                emit(err(line + 1, ErrorKind::Io, io_message(&e)));
                return;
            }
        };
        line += 1;
        if size > opts.max_bytes {
            // only the first bytes were kept: the line is refused whole
            filled += 1;
            emit(err(line, ErrorKind::TooLarge, too_large(size, opts.max_bytes)));
            continue;
        }
        let bytes = if line == 1 { buf.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&buf) } else { &buf[..] };
        if bytes.iter().any(|b| !b.is_ascii_whitespace()) {
            filled += 1;
        }
        let d = decode::decode_utf8_lossy_counted(bytes);
        let s = d.text.trim();
        if s.is_empty() {
            continue;
        }
        let obj = match serde_json::from_str::<Value>(s) {
            Ok(Value::Object(o)) => o,
            Ok(_) => {
                emit(err(line, ErrorKind::Json, "line is JSON but not an object".into()));
                continue;
            }
            Err(e) => {
                emit(err(line, ErrorKind::Json, format!("not valid JSON: {e}")));
                continue;
            }
        };
        let names: Vec<String> = obj.keys().cloned().collect();
        let text_idx = match find_text_col(&names, opts) {
            Ok(i) => i,
            Err(m) => {
                emit(err(line, ErrorKind::NoText, m));
                continue;
            }
        };
        let mut meta = Meta::default();
        let mut text = String::new();
        for (i, (k, v)) in obj.into_iter().enumerate() {
            let value = match v {
                Value::String(s) => s,
                Value::Null => String::new(),
                other => other.to_string(),
            };
            if i == text_idx {
                text = value;
            } else {
                opts.fields.set(&mut meta, &k, value);
            }
        }
        docs += 1;
        emit(Item::Doc(Box::new(RawDoc {
            path: path.to_string(),
            line: Some(line),
            format: Format::Jsonl,
            content: Content::Text(text),
            meta,
            default_id: format!("{stem}:{line}"),
            decode_errors: d.errors,
        })));
    }
    if docs == 0 && line == 0 {
        emit(Item::Error(DocError::new(path, None, ErrorKind::Empty, "empty input (no JSON lines)")));
    } else if filled == 0 {
        emit(Item::Error(DocError::new(
            path,
            None,
            ErrorKind::Empty,
            format!("no JSON lines: its {line} lines are blank"),
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_line_capped_keeps_a_bounded_prefix_and_gives_the_whole_length() {
        let data = format!("short\n{}\nlast", "x".repeat(100_000));
        let mut r = std::io::BufReader::with_capacity(64, data.as_bytes());
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut r, &mut buf, 10).unwrap(), 6);
        assert_eq!(buf, b"short\n");
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 10).unwrap(), 100_001);
        assert_eq!(buf.len(), 11, "at most cap + 1 bytes kept");
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 10).unwrap(), 4);
        assert_eq!(buf, b"last");
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 10).unwrap(), 0);
    }
}
