//! Word wrapping of tagged text segments at ratatui-compatible grapheme widths.
//!
//! This module owns one job: break a paragraph made of [`Segment`]s (plain text, links, …, each
//! with a caller-chosen tag) into lines of at most `width` terminal cells, at ASCII spaces,
//! keeping every piece's tag. Nothing here styles or renders anything.
//!
//! Widths are measured exactly as ratatui's `Buffer::set_stringn` measures what it draws: per
//! extended grapheme cluster, *per span* (clusters never straddle two segments); clusters that
//! contain a control character are not drawn and count 0; every other cluster counts
//! [`CellWidth::cell_width`] (unicode-width 0.2's width of the whole cluster string, plus ratatui's
//! +1 for halfwidth katakana sound marks U+FF9E/U+FF9F). Zero-width clusters are not drawn and
//! count 0. So "❤\u{FE0F}" and "👩\u{200D}👩\u{200D}👧" are one cluster of 2 cells each.
//!
//! Why not textwrap: this crate builds textwrap without its `unicode-width` feature, so
//! `textwrap::core::display_width` counts every char at or above U+1100 as 2 and every other char
//! (combining marks included) as 1: "e\u{301}" is 2, "❤\u{FE0F}" is 4 and the ZWJ family is 10.
//! Even with that feature it sums per char, not per cluster. Lines wrapped with it would overflow
//! or end early. We could feed our own fragments to `textwrap::wrap_algorithms::wrap_first_fit`,
//! but the greedy first-fit loop is a few lines, needs no `f64` widths, and streaming it lets a word
//! spanning several segments be placed without allocating per word. So textwrap is not used here.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// One piece of styled input text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a, T> {
    pub text: &'a str,
    pub tag: T,
}

/// One piece of an output line: a sub-slice of some segment's text, with that segment's tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a, T> {
    pub text: &'a str,
    pub tag: T,
    /// Cells taken when drawn by ratatui: `str_width(text)`.
    pub width: usize,
}

/// One output line; adjacent text from the same segment is merged into one piece.
pub type WrappedLine<'a, T> = Vec<Piece<'a, T>>;

/// Width in cells of `s` as ratatui's buffer draws it: the sum over its grapheme clusters.
///
/// This can differ from `Span::width()`, which measures the whole string with unicode-width:
/// the buffer advances 3 cells for "ｶﾞ" but `Span::width()` says 2.
pub fn str_width(s: &str) -> usize {
    clusters(s).map(|(_, g)| grapheme_width(g)).sum()
}

fn grapheme_width(g: &str) -> usize {
    if let [b] = g.as_bytes() {
        return usize::from(!b.is_ascii_control());
    }
    // `set_stringn` filters out clusters containing a control char, then zero-width ones.
    if g.contains(char::is_control) {
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// The extended grapheme clusters of `s` with their byte offsets, exactly as
/// `s.grapheme_indices(true)` gives them, without running the segmenter over
/// ASCII, which is most of a brief's text and where it was most of the time
/// wrapping takes: an ASCII character followed by another ASCII character
/// (or by nothing) is a cluster of its own, CR LF excepted. Every other
/// cluster is found by the segmenter, started at the boundary before it.
pub fn clusters(s: &str) -> Clusters<'_> {
    Clusters { s, at: 0 }
}

/// See [`clusters`].
pub struct Clusters<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Iterator for Clusters<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = self.s.get(self.at..).filter(|r| !r.is_empty())?;
        // No rule joins an ASCII character to an ASCII one after it except
        // CR × LF (GB3); the joiners of GB9–GB9b and GB11 are not ASCII.
        let len = match rest.as_bytes() {
            [b'\r', b'\n', ..] => 2,
            [c, next, ..] if c.is_ascii() && next.is_ascii() => 1,
            [c] if c.is_ascii() => 1,
            _ => rest.graphemes(true).next().map_or(rest.len(), str::len),
        };
        let start = self.at;
        self.at += len;
        rest.get(..len).map(|g| (start, g))
    }
}

/// Wraps `segments` to `width` cells.
///
/// - Breaks happen only at ASCII spaces; the spaces at a break are dropped, spaces between words
///   on one line are kept as they are, and a paragraph's leading spaces are kept when they fit
///   together with its first word (else they are dropped like a break).
/// - A word may span segments; it is never broken between them and each part keeps its tag.
/// - A word wider than `width` starts a new line and is broken between grapheme clusters; a
///   cluster wider than `width` on its own gets a line of its own (the renderer clips it).
/// - `'\n'` is a hard break. Every paragraph yields at least one line, so `""` gives one empty
///   line and `"a\n\nb"` gives `a`, an empty line, `b`.
/// - `width == 0` returns an empty `Vec`: nothing can be shown.
pub fn wrap<'a, T: Copy>(segments: &[Segment<'a, T>], width: usize) -> Vec<WrappedLine<'a, T>> {
    if width == 0 {
        return Vec::new();
    }
    let mut w = Wrapper {
        segments,
        width,
        lines: Vec::new(),
        line: Runs::default(),
        spaces: Runs::default(),
        word: Runs::default(),
    };
    for (seg, segment) in segments.iter().enumerate() {
        let mut rest = clusters(segment.text);
        while rest.at < rest.s.len() {
            // Most of a word is printable ASCII, taken in one step.
            let n = ascii_word_len(&rest.s.as_bytes()[rest.at..]);
            if n > 0 {
                w.word.push(Run {
                    seg,
                    start: rest.at,
                    end: rest.at + n,
                    width: n,
                });
                rest.at += n;
                continue;
            }
            let Some((start, g)) = rest.next() else { break };
            let run = Run::new(seg, start, g);
            match g {
                " " => {
                    w.place_word();
                    w.spaces.push(run);
                }
                "\n" | "\r\n" => {
                    w.place_word();
                    w.spaces.clear();
                    w.end_line();
                }
                _ => w.word.push(run),
            }
        }
    }
    w.place_word();
    w.end_line();
    w.lines
}

/// How many of the bytes `b` starts with are printable ASCII other than the
/// space, each a cluster of its own and one cell wide, as [`clusters`]
/// would find them: the last is left out when a non-ASCII character follows,
/// since it may join it (an accent after a letter, an emoji's selector
/// after a digit, which makes it two cells).
fn ascii_word_len(b: &[u8]) -> usize {
    let n = b
        .iter()
        .position(|c| !matches!(c, b'!'..=b'~'))
        .unwrap_or(b.len());
    match b.get(n) {
        Some(c) if !c.is_ascii() => n.saturating_sub(1),
        _ => n,
    }
}

/// `segments[seg].text[start..end]`, `width` cells wide.
#[derive(Debug, Clone, Copy)]
struct Run {
    seg: usize,
    start: usize,
    end: usize,
    width: usize,
}

impl Run {
    /// The cluster `g` found at byte `start` of segment `seg`.
    fn new(seg: usize, start: usize, g: &str) -> Self {
        let (end, width) = (start + g.len(), grapheme_width(g));
        Run {
            seg,
            start,
            end,
            width,
        }
    }
}

/// Runs in input order, contiguous ones merged, with their total width.
#[derive(Default)]
struct Runs {
    runs: Vec<Run>,
    width: usize,
}

impl Runs {
    fn push(&mut self, run: Run) {
        self.width += run.width;
        match self.runs.last_mut() {
            Some(last) if last.seg == run.seg && last.end == run.start => {
                last.end = run.end;
                last.width += run.width;
            }
            _ => self.runs.push(run),
        }
    }

    fn append(&mut self, other: &mut Runs) {
        for run in other.runs.drain(..) {
            self.push(run);
        }
        other.width = 0;
    }

    fn clear(&mut self) {
        self.runs.clear();
        self.width = 0;
    }
}

/// Greedy first-fit state: the line being filled, then the spaces and word not yet placed.
struct Wrapper<'s, 'a, T> {
    segments: &'s [Segment<'a, T>],
    width: usize,
    lines: Vec<WrappedLine<'a, T>>,
    line: Runs,
    spaces: Runs,
    word: Runs,
}

impl<'a, T: Copy> Wrapper<'_, 'a, T> {
    fn text(&self, run: Run) -> &'a str {
        self.segments
            .get(run.seg)
            .and_then(|s| s.text.get(run.start..run.end))
            .unwrap_or("")
    }

    fn end_line(&mut self) {
        let mut pieces = Vec::with_capacity(self.line.runs.len());
        for &run in &self.line.runs {
            if let Some(segment) = self.segments.get(run.seg) {
                pieces.push(Piece {
                    text: self.text(run),
                    tag: segment.tag,
                    width: run.width,
                });
            }
        }
        self.lines.push(pieces);
        self.line.clear();
    }

    /// Places the pending word (and the spaces before it) on the current or a new line.
    fn place_word(&mut self) {
        if self.word.runs.is_empty() {
            return;
        }
        if self.line.width + self.spaces.width + self.word.width <= self.width {
            self.line.append(&mut self.spaces);
        } else {
            self.spaces.clear();
            if !self.line.runs.is_empty() {
                self.end_line();
            }
            if self.word.width > self.width {
                self.break_word();
                return;
            }
        }
        self.line.append(&mut self.word);
    }

    /// Places a word wider than a line, filling lines cluster by cluster.
    fn break_word(&mut self) {
        let mut word = std::mem::take(&mut self.word);
        for &run in &word.runs {
            for (offset, g) in clusters(self.text(run)) {
                let cluster = Run::new(run.seg, run.start + offset, g);
                if self.line.width > 0 && self.line.width + cluster.width > self.width {
                    self.end_line();
                }
                self.line.push(cluster);
            }
        }
        word.clear();
        self.word = word; // keeps the buffer's capacity
    }
}

/// `s` cut to at most `width` cells, ending in "…" when anything was cut;
/// never splits a grapheme. Borrows when `s` already fits.
pub fn fit(s: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if str_width(s) <= width {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut used = 0;
    let room = width.saturating_sub(1);
    for (_, g) in clusters(s) {
        let w = grapheme_width(g);
        if used + w > room {
            break;
        }
        used += w;
        out.push_str(g);
    }
    if width > 0 {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests;
