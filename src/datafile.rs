//! The line layout that slant's data files share (lexicons, source lists, cue lists, the cue
//! model): blank lines, `#` comment lines (some of them `# key: value` settings such as
//! `# name:` and `# version:`), then tab-separated rows, a header first.

/// A line of a data file that matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    /// A `# key: value` comment, both trimmed.
    Setting { number: usize, key: &'a str, value: &'a str },
    /// A row (header or data), a trailing `\r` removed.
    Row { number: usize, text: &'a str },
}

/// The settings and rows of a data file, each with its 1-based line number; blank lines and
/// comments that are no setting are left out.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            return None;
        }
        let number = i + 1;
        match line.strip_prefix('#') {
            Some(comment) => {
                let (key, value) = comment.split_once(':')?;
                Some(Line::Setting { number, key: key.trim(), value: value.trim() })
            }
            None => Some(Line::Row { number, text: line }),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_and_rows_with_their_line_numbers() {
        let text = "# a data file\n# name: x\r\n\n#version :  2 \nterm\tcategory\r\n  \nhoax\tlabel\n";
        let got: Vec<Line> = lines(text).collect();
        assert_eq!(
            got,
            [
                Line::Setting { number: 2, key: "name", value: "x" },
                Line::Setting { number: 4, key: "version", value: "2" },
                Line::Row { number: 5, text: "term\tcategory" },
                Line::Row { number: 7, text: "hoax\tlabel" },
            ]
        );
    }
}
