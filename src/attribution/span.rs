//! The attribution record that extraction hands on, and the cue spans its steps hand each
//! other.

use std::ops::Range;

/// One attribution found in a text. All ranges are byte ranges into the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The cue words (`said`, `has also said`, `according to`, `:`, `—`).
    pub cue: Range<usize>,
    /// Normalised cue: the lemma of its main word (`say`, `claim`), or `according to`, `:`, `—`.
    pub cue_lemma: String,
    /// The source mention as written (`he`, `the ministry`, `Kim, a professor at Y`).
    pub source: Option<Range<usize>>,
    /// For a relative pronoun source (`Kim, who said`), the noun phrase it stands for.
    pub antecedent: Option<Range<usize>>,
    /// The attributed content: the quotation with its marks, or the reported clause.
    pub content: Option<Range<usize>>,
    /// Whether the content is a quotation.
    pub direct: bool,
    /// Further parts of the content: the rest of a quotation or clause split by the attribution,
    /// and quotations going on after it, unattributed, in the next sentences or paragraph
    /// (`"We will win," Peskov said. "The West will tire."`).
    pub continued: Vec<Range<usize>>,
    /// Index of the sentence holding the cue (into `TextAnalysis::sentences`).
    pub sentence: u32,
    /// A stance or an intention rather than something said or thought (`Trump supported
    /// Cuomo`, `wants to know`, `is expected to move`, `was asked about`): an attribution in
    /// PolNeAR's broad sense, but no one cited, so the analysis makes no row of it.
    pub stance: bool,
}

impl Attribution {
    /// The parts of the content, first the content itself, then the further parts.
    pub fn parts(&self) -> impl Iterator<Item = &Range<usize>> {
        self.content.iter().chain(&self.continued)
    }

    /// From the start of the content's first part to the end of its last.
    pub fn content_cover(&self) -> Option<Range<usize>> {
        let c = self.content.as_ref()?;
        Some(c.start..self.continued.iter().map(|r| r.end).fold(c.end, usize::max))
    }
}

/// A cue found in step 1 or 2, as word indices (or a punctuation cue after word `first - 1`).
#[derive(Debug, Clone)]
pub(super) struct CueSpan {
    pub(super) bytes: Range<usize>,
    /// Word indices `first..end` of the cue words (empty for punctuation cues).
    pub(super) first: usize,
    pub(super) end: usize,
    /// The word that gives the lemma.
    pub(super) head: Option<usize>,
    pub(super) lemma: String,
    pub(super) kind: CueKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueKind {
    Words,
    Colon,
    /// A colon closing a clause whose subject speaks (`The minister had a message: "..."`).
    ClauseColon,
    Dash,
}
