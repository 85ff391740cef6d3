//! Problems found while loading, and how they are printed.
//!
//! Each [`Diagnostic`] names a file, a line and a column; [`Report`] renders
//! them with annotate-snippets as `file:line:col: message`, the offending
//! line quoted and marked, and a help line when there is a fix to suggest.
//! Everything printed passes through [`crate::text::safe`]. A long line is
//! quoted as a window around the mark, and only the first [`MAX_PRINTED`]
//! problems are rendered, so a report on a huge file stays small and fast.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::tree::Loc;
use crate::text::safe as safe_text;

/// Where a diagnostic points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A spot in a file that was read: an index into [`Report::files`].
    At { file: usize, loc: Loc, len: usize },
    /// A path that could not be read at all.
    Path(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub place: Place,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn at(file: usize, loc: Loc, len: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            place: Place::At { file, loc, len },
            message: message.into(),
            help: None,
        }
    }

    pub fn path(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            place: Place::Path(path.into()),
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// One file that was read, kept for quoting its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The name shown in messages: the path as the user gave it.
    pub name: String,
    pub text: String,
}

/// How many problems are printed before the rest are only counted.
pub const MAX_PRINTED: usize = 200;

/// Everything that went wrong in one load, with the files to quote from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// `file:line:col` of a diagnostic (or the bare path).
    pub fn position(&self, d: &Diagnostic) -> String {
        match &d.place {
            Place::At { file, loc, .. } => {
                let name = self.files.get(*file).map_or("?", |f| f.name.as_str());
                format!("{}:{}:{}", safe_text::one_line(name), loc.line, loc.col)
            }
            Place::Path(p) => safe_text::one_line(p).into_owned(),
        }
    }

    /// One line per problem, `file:line:col: message`: for tests and for
    /// tools that grep.
    pub fn short(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&self.position(d));
            out.push_str(": ");
            out.push_str(&safe_text::one_line(&d.message));
            out.push('\n');
        }
        out
    }

    /// The full, human rendering: each problem with its line quoted, then a
    /// summary line. `color` adds ANSI styling (only for a terminal).
    pub fn render(&self, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        // Line starts of each file, found once (not once per problem).
        let mut lines: Vec<Option<Vec<usize>>> = vec![None; self.files.len()];
        let mut out = String::new();
        for d in self.diagnostics.iter().take(MAX_PRINTED) {
            let quoted = match &d.place {
                Place::At { file, loc, len } => self.files.get(*file).and_then(|f| {
                    let starts = lines[*file].get_or_insert_with(|| line_starts(&f.text));
                    let raw = nth_line(&f.text, starts, loc.line)?;
                    Some((quote_line(raw, loc.col, *len), loc.line as usize))
                }),
                Place::Path(_) => None,
            };
            out.push_str(&self.render_one(&renderer, d, quoted));
            out.push_str("\n\n");
        }
        let n = self.diagnostics.len();
        if n > MAX_PRINTED {
            out.push_str(&format!(
                "… and {} more problems not shown.\n",
                n - MAX_PRINTED
            ));
        }
        out.push_str(&summary(n, self.files.len()));
        out.push('\n');
        out
    }

    fn render_one(
        &self,
        renderer: &Renderer,
        d: &Diagnostic,
        quoted: Option<(Quote, usize)>,
    ) -> String {
        let title = format!("{}: {}", self.position(d), safe_text::one_line(&d.message));
        let help = d.help.as_deref().map(safe_text::one_line);
        let mut group: Group<'_> = Group::with_title(Level::ERROR.primary_title(title.as_str()));
        if let Some((quote, number)) = &quoted {
            group = group.element(
                Snippet::source(quote.text.as_str())
                    .line_start(*number)
                    .annotation(AnnotationKind::Primary.span(quote.mark.clone())),
            );
        }
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_ref()));
        }
        renderer.render(&[group])
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn nth_line<'t>(text: &'t str, starts: &[usize], line: u32) -> Option<&'t str> {
    let i = line.checked_sub(1)? as usize;
    let start = *starts.get(i)?;
    let end = starts.get(i + 1).map_or(text.len(), |e| e - 1);
    let line = text.get(start..end)?;
    Some(line.strip_suffix('\r').unwrap_or(line))
}

/// A quoted source line, made safe, and the byte range to mark in it.
struct Quote {
    text: String,
    mark: std::ops::Range<usize>,
}

/// Characters of context kept on each side of the mark in a long line.
const BEFORE: usize = 40;
const AFTER: usize = 60;
/// The longest mark drawn; a longer span is cut (it runs on past the quote).
const MAX_MARK: usize = 60;

/// The line with the mark at 1-based char column `col`, `len` chars long.
/// A long line is cut to a window around the mark, with `…` where it was
/// cut, so a 10 MB line costs the same as a short one. The columns are
/// counted on the line as written and each part made safe on its own, so
/// the mark stays under the right text even where an escape such as
/// `\u{202e}` is wider than the character it stands for.
fn quote_line(raw: &str, col: u32, len: usize) -> Quote {
    let col = col.saturating_sub(1) as usize;
    let start = byte_of_char(raw, 0, col);
    let len = len.clamp(1, MAX_MARK);
    let end = byte_of_char(raw, start, len);
    let from = back_chars(raw, start, BEFORE);
    let to = byte_of_char(raw, end, AFTER);
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    text.push_str(&safe_text::one_line(&raw[from..start]));
    let mark_start = text.len();
    text.push_str(&safe_text::one_line(&raw[start..end]));
    let mark_end = text.len();
    text.push_str(&safe_text::one_line(&raw[end..to]));
    if to < raw.len() {
        text.push('…');
    }
    Quote {
        text,
        mark: mark_start..mark_end,
    }
}

/// The byte index `n` chars after byte `from` (or the end).
fn byte_of_char(s: &str, from: usize, n: usize) -> usize {
    let rest = s.get(from..).unwrap_or("");
    // The common case, ASCII, without walking char by char.
    if rest.len() >= n && rest.as_bytes()[..n].is_ascii() {
        return from + n;
    }
    rest.char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| from + i)
}

/// The byte index `n` chars before byte `to` (or 0).
fn back_chars(s: &str, to: usize, n: usize) -> usize {
    let head = s.get(..to).unwrap_or("");
    head.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// "2 problems in 3 files", or the all-clear.
pub fn summary(problems: usize, files: usize) -> String {
    let f = if files == 1 { "file" } else { "files" };
    let what = match problems {
        0 => "no problems".to_owned(),
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    };
    if files == 0 {
        what
    } else {
        format!("{what} in {files} {f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_quoted_whole() {
        let q = quote_line("  title: x", 10, 1);
        assert_eq!(q.text, "  title: x");
        assert_eq!(q.mark, 9..10);
    }

    #[test]
    fn a_long_line_is_cut_around_the_mark() {
        let line = format!("{}MARK{}", "a".repeat(1000), "b".repeat(1000));
        let q = quote_line(&line, 1001, 4);
        assert_eq!(&q.text[q.mark.clone()], "MARK");
        assert!(q.text.starts_with('…') && q.text.ends_with('…'));
        assert_eq!(q.text.chars().count(), 1 + BEFORE + 4 + AFTER + 1);
    }

    #[test]
    fn the_mark_follows_escaped_characters() {
        let q = quote_line("a\u{202e}b [[x]]", 7, 1);
        assert_eq!(&q.text[q.mark.clone()], "x");
        assert!(!q.text.contains('\u{202e}'));
    }
}
