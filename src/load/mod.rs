//! YAML → a validated [`Brief`]. The ONLY module that knows YAML.
//!
//! Loading runs in passes over every file, and no pass stops at the first
//! problem: read the files under their size limits ([`files`]); parse each
//! into a located tree under the parser's budgets ([`tree`], its failures
//! worded by `parse_error`); split each file into its sections, reading a
//! misspelt one as the section it is closest to (`sections`); declare every
//! id, so references can point forward and across files and duplicates are
//! caught (`ids`); build each entity field by field, resolving references
//! as it goes (`entities`, `claims`, `fields`). Only a brief with no problem
//! at all becomes a [`Brief`]; otherwise the caller gets a [`Report`] of
//! all of them, in file and line order ([`diagnostic`]). A clean brief is
//! read once without node locations (they cost more than the parse); only
//! when that pass finds a problem is it read again, with them, to say where.
//!
//! Every step is linear in the size of the input, however hostile: the
//! limits are listed in briefs/FORMAT.md, and `tests/hostile.rs` holds the
//! inputs that once were not.

mod claims;
pub mod diagnostic;
mod entities;
mod fields;
pub mod files;
mod ids;
mod parse_error;
mod sections;
mod suggest;
pub mod tree;

use std::path::Path;

pub use diagnostic::{Diagnostic, Report, SourceFile};

use crate::model::Brief;
use entities::Built;
use fields::Ctx;
use sections::{Item, SECTIONS_HELP};
use tree::{Loc, Node};

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
    // Locations are only needed to report problems, and recording one for
    // every node costs more than the parse itself. So a brief is read
    // first without them; only when that finds a problem is it read again
    // with them, to say where. A clean brief pays for one fast pass.
    match check(&files, tree::Spans::Off) {
        Ok(brief) => Ok(brief),
        Err(_) => match check(&files, tree::Spans::On) {
            Ok(brief) => Ok(brief),
            Err(diagnostics) => Err(Report { files, diagnostics }),
        },
    }
}

/// One full pass over the files: parse, declare, build.
fn check(files: &[SourceFile], spans: tree::Spans) -> Result<Brief, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let trees: Vec<Option<Node>> = files
        .iter()
        .enumerate()
        .map(|(i, f)| parse_file(i, f, spans, &mut diagnostics))
        .collect();

    // A missing `brief:` is only worth saying when every file could be read
    // as a brief: otherwise it is likely in the file that could not.
    let (sections, all_read) = sections::split_sections(&trees, &mut diagnostics);
    let ids = ids::declare(files, &sections, &mut diagnostics);

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
                    let id = ids::entity_id(node).map(str::to_owned);
                    let before = ctx.diagnostics.len();
                    match ctx.build(*kind, node, id) {
                        Some(built) => parts.add(built),
                        // An entity left out silently would shift the index
                        // of every later one of its kind: never let it pass.
                        None if ctx.diagnostics.len() == before => {
                            ctx.error(
                                node.loc,
                                1,
                                format!("{} could not be read", entities::what(*kind)),
                            );
                        }
                        None => {}
                    }
                }
            }
        }
    }
    sections::check_meta_count(files, &sections, all_read, &mut diagnostics);

    if !diagnostics.is_empty() {
        diagnostics.sort_by_key(|d| match &d.place {
            diagnostic::Place::At { file, loc, .. } => (*file, *loc),
            diagnostic::Place::Path(_) => (usize::MAX, Loc::default()),
        });
        return Err(diagnostics);
    }
    parts.assemble().ok_or_else(|| {
        vec![Diagnostic::path(
            "brief",
            "the brief could not be assembled",
        )]
    })
}

fn parse_file(
    i: usize,
    file: &SourceFile,
    spans: tree::Spans,
    out: &mut Vec<Diagnostic>,
) -> Option<Node> {
    match tree::parse(&file.text, spans) {
        Ok(Some(node)) => Some(node),
        Ok(None) => {
            out.push(
                Diagnostic::at(
                    i,
                    Loc { line: 1, col: 1 },
                    1,
                    "empty file: no brief sections",
                )
                .with_help(SECTIONS_HELP),
            );
            None
        }
        Err(e) => {
            let mut d = Diagnostic::at(i, e.loc, 1, e.message);
            d.help = e.help;
            out.push(d);
            None
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
