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

use std::path::Path;

pub use diagnostic::{Diagnostic, Report, SourceFile};

use crate::model::{Brief, EntityRef, Kind};
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

    let sections = split_sections(&files, &trees, &mut diagnostics);
    let ids = declare(&files, &sections, &mut diagnostics);

    let mut parts = Parts::default();
    for (file, items) in sections.iter().enumerate() {
        let mut ctx = Ctx::new(file, &files[file].text, &ids, &mut diagnostics);
        for item in items {
            match item {
                Item::Meta(node) => {
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
    Meta(&'n Node),
    Entity(Kind, &'n Node),
}

/// Each file's items; reports unknown sections and sections of the wrong shape.
fn split_sections<'n>(
    files: &[SourceFile],
    trees: &'n [Option<Node>],
    out: &mut Vec<Diagnostic>,
) -> Vec<Vec<Item<'n>>> {
    let ids = Ids::default();
    let mut all = Vec::with_capacity(trees.len());
    for (file, tree) in trees.iter().enumerate() {
        let mut items = Vec::new();
        if let Some(root) = tree {
            let mut ctx = Ctx::new(file, &files[file].text, &ids, out);
            if let Some(top) = ctx.mapping(root, "a brief file", SECTIONS) {
                for name in SECTIONS {
                    let Some(node) = top.get(name) else { continue };
                    match kind_of_section(name) {
                        None => items.push(Item::Meta(node)),
                        Some(kind) => {
                            match &node.value {
                                Value::Seq(list) => {
                                    items.extend(list.iter().map(|n| Item::Entity(kind, n)));
                                }
                                other => {
                                    let found = other.describe();
                                    ctx.error(
                                    node.loc,
                                    1,
                                    format!("`{name}` is a list (items start with `- `), found {found}"),
                                );
                                }
                            }
                        }
                    }
                }
            }
        }
        all.push(items);
    }
    all
}

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
    let mut ids = Ids::default();
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
                out.push(Diagnostic::at(
                    file,
                    node.loc,
                    1,
                    format!("{} is missing `id`", entities::what(*kind)),
                ));
                continue;
            };
            let Value::Str(id) = &id_node.value else {
                out.push(Diagnostic::at(
                    file,
                    id_node.loc,
                    1,
                    "an id is text, such as `ttp` or `kabul-meeting-2026`",
                ));
                continue;
            };
            let shown = crate::text::one_line(id);
            if let Some(problem) = fields::id_problem(id) {
                out.push(Diagnostic::at(
                    file,
                    id_node.loc,
                    shown.chars().count(),
                    format!("bad id `{shown}`: {problem}"),
                ));
                continue;
            }
            if let Some((first, first_file, first_loc)) = ids.map.get(id.as_str()) {
                let name = &files[*first_file].name;
                out.push(
                    Diagnostic::at(
                        file,
                        id_node.loc,
                        id.len(),
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
    let metas: Vec<(usize, Loc)> = sections
        .iter()
        .enumerate()
        .flat_map(|(f, items)| {
            items.iter().filter_map(move |i| match i {
                Item::Meta(n) => Some((f, n.loc)),
                Item::Entity(..) => None,
            })
        })
        .collect();
    match metas.as_slice() {
        [] => {
            if !files.is_empty() && out.is_empty() {
                out.push(
                    Diagnostic::at(0, Loc { line: 1, col: 1 }, 1, "no `brief:` section: every brief needs one, with its id, title, as_of and summary")
                        .with_help("see the example in briefs/FORMAT.md"),
                );
            }
        }
        [_] => {}
        [(ff, fl), rest @ ..] => {
            let first = format!("{}:{}:{}", files[*ff].name, fl.line, fl.col);
            for (f, loc) in rest {
                out.push(Diagnostic::at(
                    *f,
                    *loc,
                    1,
                    format!("a second `brief:` section; the first is at {first}"),
                ));
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
