//! Problems found while loading, and how they are printed.
//!
//! Each [`Diagnostic`] names a file, a line and a column; [`Report`] renders
//! them with annotate-snippets as `file:line:col: message`, the offending
//! line quoted and marked, and a help line when there is a fix to suggest.
//! Everything printed passes through [`crate::text::safe`].

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
        let mut out = String::new();
        for d in self.diagnostics.iter().take(MAX_PRINTED) {
            out.push_str(&self.render_one(&renderer, d));
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

    fn render_one(&self, renderer: &Renderer, d: &Diagnostic) -> String {
        let title = format!("{}: {}", self.position(d), safe_text::one_line(&d.message));
        let help = d.help.as_deref().map(safe_text::one_line);
        let quoted = match &d.place {
            Place::At { file, loc, len } => self
                .files
                .get(*file)
                .and_then(|f| quote_line(&f.text, *loc, *len))
                .map(|(text, range)| (text, range, loc.line as usize)),
            Place::Path(_) => None,
        };
        let mut group: Group<'_> = Group::with_title(Level::ERROR.primary_title(title.as_str()));
        if let Some((line, range, number)) = &quoted {
            group = group.element(
                Snippet::source(line.as_str())
                    .line_start(*number)
                    .annotation(AnnotationKind::Primary.span(range.clone())),
            );
        }
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_ref()));
        }
        renderer.render(&[group])
    }
}

/// The sanitised text of line `loc.line`, and the byte range to mark.
fn quote_line(text: &str, loc: Loc, len: usize) -> Option<(String, std::ops::Range<usize>)> {
    let raw = text.lines().nth(loc.line.checked_sub(1)? as usize)?;
    let line = safe_text::one_line(raw).into_owned();
    let col = loc.col.saturating_sub(1) as usize;
    let start = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
    let end = line[start..]
        .char_indices()
        .nth(len.max(1))
        .map_or(line.len(), |(i, _)| start + i);
    Some((line, start..end.max(start)))
}

/// "2 problems in 3 files", or the all-clear.
pub fn summary(problems: usize, files: usize) -> String {
    let f = if files == 1 { "file" } else { "files" };
    match problems {
        0 => format!("no problems in {files} {f}"),
        1 => format!("1 problem in {files} {f}"),
        n => format!("{n} problems in {files} {f}"),
    }
}
