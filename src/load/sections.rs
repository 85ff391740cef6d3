//! The top level of each file: which sections it holds, in the order
//! written. A misspelt section is reported and read as the one it is
//! closest to; a file that is not a brief at all gets one message, not one
//! per key; the `brief:` section must appear exactly once in the brief.

use std::collections::HashMap;

use super::diagnostic::{Diagnostic, SourceFile};
use super::reader::Sink;
use super::suggest;
use super::tree::{Loc, Node, Value};
use crate::model::Kind;
use crate::text::safe as safe_text;

const SECTIONS: &[&str] = &[
    "brief",
    "sources",
    "actors",
    "issues",
    "events",
    "demands",
    "positions",
];

fn kind_of_section(name: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|k| k.section() == name)
}

/// Where the sections of a file go as they are read: the `brief:` section
/// and each entity, one at a time.
pub trait Build {
    fn meta(&mut self, file: usize, key: &Node, value: &Node);
    fn entity(&mut self, file: usize, kind: Kind, item: Node);
    fn report(&mut self, diagnostic: Diagnostic);
}

/// What the items of the list being read are.
enum Reading {
    Entities(Kind),
    Nothing,
}

/// One file's top level, read as it streams in: reports unknown,
/// misspelt and repeated sections, and sections of the wrong shape. A
/// misspelt section (`actor:`) is reported and then read as the section it
/// is closest to, so that one typo does not turn every reference to its
/// entities into a second error.
pub struct Sections<'b, B: Build> {
    file: usize,
    build: &'b mut B,
    mapping: bool,
    seen: HashMap<&'static str, Loc>,
    unknown: Vec<(Node, Option<&'static str>)>,
    any_section: bool,
    reading: Reading,
}

impl<'b, B: Build> Sections<'b, B> {
    pub fn new(file: usize, build: &'b mut B) -> Self {
        Sections {
            file,
            build,
            mapping: false,
            seen: HashMap::new(),
            unknown: Vec::new(),
            any_section: false,
            reading: Reading::Nothing,
        }
    }

    /// The section `key` names (or is closest to), reporting a key that is
    /// not text and a section written twice.
    fn section(&mut self, key: &Node) -> Option<&'static str> {
        let Value::Str(name) = &key.value else {
            self.build.report(
                Diagnostic::at(
                    self.file,
                    key.loc,
                    key.width,
                    format!("a section name is text, found {}", key.value.describe()),
                )
                .with_help(SECTIONS_HELP),
            );
            return None;
        };
        let section = match SECTIONS.iter().find(|s| **s == name.as_str()) {
            Some(s) => Some(*s),
            None => {
                let near = suggest::closest(name, SECTIONS.iter().copied());
                self.unknown.push((key.clone(), near));
                near
            }
        }?;
        self.any_section = true;
        if let Some(first) = self.seen.insert(section, key.loc)
            && section != "brief"
        {
            // A second `brief:` is reported by `check_meta_count`.
            self.build.report(
                Diagnostic::at(self.file, key.loc, key.width, format!("a second `{section}:` section in this file; the first is at line {}, column {}", first.line, first.col))
                    .with_help("write each section once per file: move these items into the first list"),
            );
        }
        Some(section)
    }

    /// Ends the file: reports its unknown sections, or that it is not a
    /// brief at all. Returns whether it was read as a brief file (a mapping
    /// with at least one section).
    pub fn finish(self) -> bool {
        let file = self.file;
        if !self.mapping {
            return false;
        }
        if !self.any_section && !self.unknown.is_empty() {
            let mut keys: Vec<String> = self
                .unknown
                .iter()
                .take(3)
                .map(|(k, _)| format!("`{}`", key_text(k)))
                .collect();
            if self.unknown.len() > 3 {
                keys.push("…".to_owned());
            }
            let first = &self.unknown[0].0;
            self.build.report(
                Diagnostic::at(
                    file,
                    first.loc,
                    first.width,
                    format!(
                        "not a brief: no top-level key ({}) is a section of a brief",
                        keys.join(", ")
                    ),
                )
                .with_help(SECTIONS_HELP),
            );
            return false;
        }
        for (key, near) in self.unknown {
            let help = match near {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the sections of a brief are: {}", SECTIONS.join(", ")),
            };
            self.build.report(
                Diagnostic::at(
                    file,
                    key.loc,
                    key.width,
                    format!("unknown section `{}`", key_text(&key)),
                )
                .with_help(help),
            );
        }
        true
    }

    fn not_a_list(&mut self, section: &str, node: &Node) {
        self.build.report(
            Diagnostic::at(
                self.file,
                node.loc,
                1,
                format!(
                    "`{section}` is a list (items start with `- `), found {}",
                    node.value.describe()
                ),
            )
            .with_help("write each item on its own line as `- id: …`; an empty list is `[]`"),
        );
    }
}

fn key_text(key: &Node) -> String {
    match &key.value {
        Value::Str(s) => safe_text::one_line(s).into_owned(),
        _ => String::new(),
    }
}

impl<B: Build> Sink for Sections<'_, B> {
    fn top(&mut self, _loc: Loc) {
        self.mapping = true;
    }

    fn entry(&mut self, key: Node, value: Node) {
        let Some(section) = self.section(&key) else {
            return;
        };
        match kind_of_section(section) {
            None => self.build.meta(self.file, &key, &value),
            // A list that arrives whole came through an alias.
            Some(kind) => match value.value {
                Value::Seq(items) => {
                    for item in items {
                        self.build.entity(self.file, kind, item);
                    }
                }
                _ => self.not_a_list(section, &value),
            },
        }
    }

    fn list(&mut self, key: Node, loc: Loc) {
        self.reading = Reading::Nothing;
        let Some(section) = self.section(&key) else {
            return;
        };
        match kind_of_section(section) {
            Some(kind) => self.reading = Reading::Entities(kind),
            // `brief:` written as a list: reported as the mapping it is not.
            None => {
                let list = Node::placeholder(Value::Seq(Vec::new()), loc);
                self.build.meta(self.file, &key, &list);
            }
        }
    }

    fn item(&mut self, item: Node) {
        if let Reading::Entities(kind) = self.reading {
            self.build.entity(self.file, kind, item);
        }
    }

    fn root(&mut self, node: Node) {
        if matches!(node.value, Value::Null) {
            return;
        }
        self.build.report(
            Diagnostic::at(
                self.file,
                node.loc,
                1,
                format!(
                    "not a brief: the file holds {}, but a brief file is a mapping of sections",
                    node.value.describe()
                ),
            )
            .with_help(SECTIONS_HELP),
        );
    }
}

pub const SECTIONS_HELP: &str = "a brief file is a mapping of sections such as `brief:`, `actors:` and `events:` (see briefs/FORMAT.md)";

/// The `brief:` section appears once in the whole brief: a missing one is
/// reported (when every file could be read), each extra one with the place
/// of the first.
pub fn check_meta_count(
    files: &[SourceFile],
    metas: &[(usize, Loc, usize)],
    all_read: bool,
    out: &mut Vec<Diagnostic>,
) {
    match metas {
        [] => {
            if !files.is_empty() && all_read {
                out.push(
                    Diagnostic::at(0, Loc { line: 1, col: 1 }, 1, "no `brief:` section: every brief needs one, with its id, title, as_of and summary")
                        .with_help("add a `brief:` section (see the example in briefs/FORMAT.md)"),
                );
            }
        }
        [_] => {}
        [(ff, floc, _), rest @ ..] => {
            let first = format!("{}:{}:{}", files[*ff].name, floc.line, floc.col);
            for (f, loc, width) in rest {
                out.push(
                    Diagnostic::at(
                        *f,
                        *loc,
                        *width,
                        format!("a second `brief:` section; the first is at {first}"),
                    )
                    .with_help(
                        "a brief has exactly one `brief:` section: merge the two or delete one",
                    ),
                );
            }
        }
    }
}
