//! The top level of each file: which sections it holds, in the order
//! written. A misspelt section is reported and read as the one it is
//! closest to; a file that is not a brief at all gets one message, not one
//! per key; the `brief:` section must appear exactly once in the brief.

use std::collections::HashMap;

use super::diagnostic::{Diagnostic, SourceFile};
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

/// A top-level item of one file, in the order written.
pub enum Item<'n> {
    /// The `brief:` section: its key (for "a second `brief:`") and value.
    Meta(&'n Node, &'n Node),
    Entity(Kind, &'n Node),
}

/// Each file's items; reports unknown, misspelt and repeated sections, and
/// sections of the wrong shape. A misspelt section (`actor:`) is reported
/// and then read as the section it is closest to, so that one typo does not
/// turn every reference to its entities into a second error. Also says
/// whether every file was read as a brief file.
pub fn split_sections<'n>(
    trees: &'n [Option<Node>],
    out: &mut Vec<Diagnostic>,
) -> (Vec<Vec<Item<'n>>>, bool) {
    let mut all = Vec::with_capacity(trees.len());
    let mut all_read = true;
    for (file, tree) in trees.iter().enumerate() {
        let mut items = Vec::new();
        all_read &= tree
            .as_ref()
            .is_some_and(|root| top_level(file, root, &mut items, out));
        all.push(items);
    }
    (all, all_read)
}

/// One file's sections; returns whether it is a brief file (a mapping
/// with at least one section).
fn top_level<'n>(
    file: usize,
    root: &'n Node,
    items: &mut Vec<Item<'n>>,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let Value::Map(entries) = &root.value else {
        out.push(
            Diagnostic::at(
                file,
                root.loc,
                1,
                format!(
                    "not a brief: the file holds {}, but a brief file is a mapping of sections",
                    root.value.describe()
                ),
            )
            .with_help(SECTIONS_HELP),
        );
        return false;
    };
    let mut seen: HashMap<&str, Loc> = HashMap::new();
    let mut unknown = Vec::new();
    let mut any_section = false;
    for (key, node) in entries {
        let Value::Str(name) = &key.value else {
            out.push(
                Diagnostic::at(
                    file,
                    key.loc,
                    key.width,
                    format!("a section name is text, found {}", key.value.describe()),
                )
                .with_help(SECTIONS_HELP),
            );
            continue;
        };
        let section = match SECTIONS.iter().find(|s| **s == name.as_str()) {
            Some(s) => Some(*s),
            None => {
                let near = suggest::closest(name, SECTIONS.iter().copied());
                unknown.push((key, name, near));
                near
            }
        };
        let Some(section) = section else { continue };
        any_section = true;
        if let Some(first) = seen.insert(section, key.loc)
            && section != "brief"
        {
            // A second `brief:` is reported by `check_meta_count`.
            out.push(
                Diagnostic::at(file, key.loc, key.width, format!("a second `{section}:` section in this file; the first is at line {}, column {}", first.line, first.col))
                    .with_help("write each section once per file: move these items into the first list"),
            );
        }
        match kind_of_section(section) {
            None => items.push(Item::Meta(key, node)),
            Some(kind) => match &node.value {
                Value::Seq(list) => items.extend(list.iter().map(|n| Item::Entity(kind, n))),
                other => out.push(
                    Diagnostic::at(
                        file,
                        node.loc,
                        1,
                        format!(
                            "`{section}` is a list (items start with `- `), found {}",
                            other.describe()
                        ),
                    )
                    .with_help(
                        "write each item on its own line as `- id: …`; an empty list is `[]`",
                    ),
                ),
            },
        }
    }
    if !any_section && !unknown.is_empty() {
        let mut keys: Vec<String> = unknown
            .iter()
            .take(3)
            .map(|(_, k, _)| format!("`{}`", safe_text::one_line(k)))
            .collect();
        if unknown.len() > 3 {
            keys.push("…".to_owned());
        }
        let first = unknown[0].0;
        out.push(
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
    for (key, name, near) in unknown {
        let help = match near {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("the sections of a brief are: {}", SECTIONS.join(", ")),
        };
        let name = safe_text::one_line(name);
        out.push(
            Diagnostic::at(
                file,
                key.loc,
                key.width,
                format!("unknown section `{name}`"),
            )
            .with_help(help),
        );
    }
    true
}

pub const SECTIONS_HELP: &str = "a brief file is a mapping of sections such as `brief:`, `actors:` and `events:` (see briefs/FORMAT.md)";

/// The `brief:` section appears once in the whole brief: a missing one is
/// reported (when every file could be read), each extra one with the place
/// of the first.
pub fn check_meta_count(
    files: &[SourceFile],
    sections: &[Vec<Item<'_>>],
    all_read: bool,
    out: &mut Vec<Diagnostic>,
) {
    let metas: Vec<(usize, &Node)> = sections
        .iter()
        .enumerate()
        .flat_map(|(f, items)| {
            items.iter().filter_map(move |i| match i {
                Item::Meta(key, _) => Some((f, *key)),
                Item::Entity(..) => None,
            })
        })
        .collect();
    match metas.as_slice() {
        [] => {
            if !files.is_empty() && all_read {
                out.push(
                    Diagnostic::at(0, Loc { line: 1, col: 1 }, 1, "no `brief:` section: every brief needs one, with its id, title, as_of and summary")
                        .with_help("add a `brief:` section (see the example in briefs/FORMAT.md)"),
                );
            }
        }
        [_] => {}
        [(ff, fk), rest @ ..] => {
            let first = format!("{}:{}:{}", files[*ff].name, fk.loc.line, fk.loc.col);
            for (f, key) in rest {
                out.push(
                    Diagnostic::at(
                        *f,
                        key.loc,
                        key.width,
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
