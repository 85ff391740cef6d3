//! YAML → a validated [`Brief`]. The ONLY module that knows YAML.
//!
//! Loading runs in passes over every file, and no pass stops at the first
//! problem: parse each file into a located tree ([`tree`]); declare every
//! id (so references can point forward and across files, and duplicates
//! are caught); build each entity, resolving references as it goes
//! ([`entities`], [`claims`]). Only a brief with no problem at all becomes
//! a [`Brief`]; otherwise the caller gets a [`Report`] of all of them.

mod claims;
pub mod diagnostic;
mod entities;
mod fields;
pub mod files;
mod suggest;
pub mod tree;

use std::collections::HashMap;
use std::path::Path;

pub use diagnostic::{Diagnostic, Report, SourceFile};

use crate::model::{Brief, EntityRef, Kind};
use crate::text::safe as safe_text;
use entities::Built;
use fields::{Ctx, Ids};
use tree::{Loc, Node, Value};

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

/// Loads the brief at `path`: one file, or a directory of them.
pub fn load_path(path: &Path) -> Result<Brief, Report> {
    let mut report = Report::default();
    files::read_brief(path, &mut report);
    if !report.is_empty() {
        return Err(report);
    }
    load_files(report.files)
}

/// Loads a brief from files already in memory (the bundled brief, tests).
pub fn load_files(files: Vec<SourceFile>) -> Result<Brief, Report> {
    let mut diagnostics = Vec::new();
    let trees: Vec<Option<Node>> = files
        .iter()
        .enumerate()
        .map(|(i, f)| parse_file(i, f, &mut diagnostics))
        .collect();

    let sections = split_sections(&trees, &mut diagnostics);
    let ids = declare(&files, &sections, &mut diagnostics);

    let mut parts = Parts::default();
    for (file, items) in sections.iter().enumerate() {
        let mut ctx = Ctx::new(file, &files[file].text, &ids, &mut diagnostics);
        for item in items {
            match item {
                Item::Meta(_, node) => {
                    if let Some(meta) = ctx.meta(node) {
                        parts.meta.push(meta);
                    }
                }
                Item::Entity(kind, node) => {
                    let id = entity_id(node).map(str::to_owned);
                    if let Some(built) = ctx.build(*kind, node, id) {
                        parts.add(built);
                    }
                }
            }
        }
    }
    check_meta_count(&files, &sections, &mut diagnostics);

    if !diagnostics.is_empty() {
        diagnostics.sort_by_key(|d| match &d.place {
            diagnostic::Place::At { file, loc, .. } => (*file, *loc),
            diagnostic::Place::Path(_) => (usize::MAX, Loc::default()),
        });
        return Err(Report { files, diagnostics });
    }
    parts.assemble().ok_or_else(|| Report {
        files,
        diagnostics: vec![Diagnostic::path(
            "brief",
            "the brief could not be assembled",
        )],
    })
}

fn parse_file(i: usize, file: &SourceFile, out: &mut Vec<Diagnostic>) -> Option<Node> {
    match tree::parse(&file.text) {
        Ok(Some(node)) => Some(node),
        Ok(None) => {
            out.push(
                Diagnostic::at(i, Loc { line: 1, col: 1 }, 1, "empty file: no brief sections")
                    .with_help(
                        "a brief file holds sections such as `brief:`, `actors:` or `events:` (see briefs/FORMAT.md)",
                    ),
            );
            None
        }
        Err(e) => {
            out.push(Diagnostic::at(
                i,
                e.loc,
                1,
                format!("YAML syntax: {}", e.message),
            ));
            None
        }
    }
}

/// A top-level item of one file, in the order written.
enum Item<'n> {
    /// The `brief:` section: its key (for "a second `brief:`") and value.
    Meta(&'n Node, &'n Node),
    Entity(Kind, &'n Node),
}

/// Each file's items; reports unknown, misspelt and repeated sections, and
/// sections of the wrong shape. A misspelt section (`actor:`) is reported
/// and then read as the section it is closest to, so that one typo does not
/// turn every reference to its entities into a second error.
fn split_sections<'n>(trees: &'n [Option<Node>], out: &mut Vec<Diagnostic>) -> Vec<Vec<Item<'n>>> {
    let mut all = Vec::with_capacity(trees.len());
    for (file, tree) in trees.iter().enumerate() {
        let mut items = Vec::new();
        if let Some(root) = tree {
            top_level(file, root, &mut items, out);
        }
        all.push(items);
    }
    all
}

fn top_level<'n>(
    file: usize,
    root: &'n Node,
    items: &mut Vec<Item<'n>>,
    out: &mut Vec<Diagnostic>,
) {
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
        return;
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
                other => out.push(Diagnostic::at(
                    file,
                    node.loc,
                    1,
                    format!(
                        "`{section}` is a list (items start with `- `), found {}",
                        other.describe()
                    ),
                )),
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
        return;
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
}

const SECTIONS_HELP: &str = "a brief file is a mapping of sections such as `brief:`, `actors:` and `events:` (see briefs/FORMAT.md)";

fn entity_id(node: &Node) -> Option<&str> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    entries
        .iter()
        .find_map(|(k, v)| match (&k.value, &v.value) {
            (Value::Str(k), Value::Str(v)) if k == "id" => Some(v.as_str()),
            _ => None,
        })
}

/// First pass: every id, its kind and index; bad and duplicate ids reported.
fn declare(files: &[SourceFile], sections: &[Vec<Item<'_>>], out: &mut Vec<Diagnostic>) -> Ids {
    let mut ids = Ids::new();
    let mut counts = [0usize; Kind::ALL.len()];
    for (file, items) in sections.iter().enumerate() {
        for item in items {
            let Item::Entity(kind, node) = item else {
                continue;
            };
            let slot = &mut counts[*kind as usize];
            let r = EntityRef::new(*kind, *slot);
            *slot += 1;
            let Value::Map(entries) = &node.value else {
                continue;
            };
            let Some((_, id_node)) = entries
                .iter()
                .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == "id"))
            else {
                out.push(
                    Diagnostic::at(file, node.loc, 1, format!("{} is missing `id`", entities::what(*kind)))
                        .with_help("give it an `id:`, a short kebab-case name such as `kabul-meeting-2026`, unique in the brief"),
                );
                continue;
            };
            let Value::Str(id) = &id_node.value else {
                out.push(
                    Diagnostic::at(
                        file,
                        id_node.loc,
                        id_node.width,
                        format!("an id is text, found {}", id_node.value.describe()),
                    )
                    .with_help("write an id such as `ttp` or `kabul-meeting-2026`"),
                );
                continue;
            };
            let shown = safe_text::one_line(id);
            if let Some(problem) = fields::id_problem(id) {
                out.push(
                    Diagnostic::at(
                        file,
                        id_node.loc,
                        id_node.width,
                        format!("bad id `{shown}`: {problem}"),
                    )
                    .with_help(fields::id_help(id)),
                );
                continue;
            }
            if let Some((first, first_file, first_loc)) = ids.map.get(id.as_str()) {
                let name = &files[*first_file].name;
                out.push(
                    Diagnostic::at(
                        file,
                        id_node.loc,
                        id_node.width,
                        format!(
                            "duplicate id `{id}`: already used by {} at {name}:{}:{}",
                            entities::what(first.kind),
                            first_loc.line,
                            first_loc.col
                        ),
                    )
                    .with_help("ids are unique across the whole brief; rename one of them"),
                );
                continue;
            }
            ids.map.insert(id.clone(), (r, file, id_node.loc));
        }
    }
    ids
}

fn check_meta_count(files: &[SourceFile], sections: &[Vec<Item<'_>>], out: &mut Vec<Diagnostic>) {
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
            if !files.is_empty() && out.is_empty() {
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

/// The built entities, gathered across files.
#[derive(Default)]
struct Parts {
    meta: Vec<crate::model::Meta>,
    sources: Vec<crate::model::Source>,
    actors: Vec<crate::model::Actor>,
    issues: Vec<crate::model::Issue>,
    events: Vec<crate::model::Event>,
    demands: Vec<crate::model::Demand>,
    positions: Vec<(crate::model::Position, bool)>,
}

impl Parts {
    fn add(&mut self, built: Built) {
        match built {
            Built::Source(x) => self.sources.push(x),
            Built::Actor(x) => self.actors.push(x),
            Built::Issue(x) => self.issues.push(x),
            Built::Event(x) => self.events.push(x),
            Built::Demand(x) => self.demands.push(x),
            Built::Position(x, titled) => self.positions.push((x, titled)),
        }
    }

    fn assemble(self) -> Option<Brief> {
        let meta = self.meta.into_iter().next()?;
        let mut positions = Vec::with_capacity(self.positions.len());
        for (mut p, titled) in self.positions {
            if !titled {
                let actor = self.actors.get(p.actor.index())?;
                let issue = self.issues.get(p.issue.index())?;
                let a = actor.short.as_deref().unwrap_or(&actor.name);
                let i = issue.short.as_deref().unwrap_or(&issue.title);
                p.title = format!("{a} on {i}");
            }
            positions.push(p);
        }
        Some(Brief::new(
            meta,
            self.sources,
            self.actors,
            self.issues,
            self.events,
            self.demands,
            positions,
        ))
    }
}
