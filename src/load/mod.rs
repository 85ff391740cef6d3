//! YAML → a validated [`Brief`]. The ONLY module that knows YAML.
//!
//! Each file is read under its size limits ([`files`]), then streamed:
//! `reader` turns granit-parser's events into located nodes under the
//! limits of [`tree::budget`] (scalars typed by `scalar`, failures worded
//! by `parse_error`);
//! `sections` routes the top level, reading a misspelt section as the one
//! it is closest to; each entity is declared (`ids`: a duplicate is caught
//! with the place of the first) and built field by field as soon as its
//! node is complete (`entities`, `claims`, `fields`), and the node is
//! dropped. So a file's tree never exists whole, and reading a brief costs
//! memory for the brief, not for a tree of it. A reference to an id not
//! read yet waits for the end of the brief (`forward`). No step stops at
//! the first problem: only a brief with none at all becomes a [`Brief`];
//! otherwise the caller gets a [`Report`] of all of them, in file and line
//! order ([`diagnostic`]).
//!
//! Every step is linear in the size of the input, however hostile: the
//! limits are listed in briefs/FORMAT.md, and `tests/hostile.rs` holds the
//! inputs that once were not.

mod claims;
pub mod diagnostic;
mod entities;
mod fields;
pub mod files;
mod forward;
mod ids;
mod parse_error;
mod reader;
mod scalar;
mod sections;
mod suggest;
pub mod tree;

use std::path::Path;

use compact_str::CompactString;

pub use diagnostic::{Diagnostic, Report, SourceFile};

use crate::model::{Brief, EntityRef, Kind};
use entities::Built;
use fields::{Ctx, Pending};
use ids::Ids;
use sections::{Build, SECTIONS_HELP, Sections};
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
    check(&files).map_err(|diagnostics| Report { files, diagnostics })
}

/// One pass over the files: read, declare and build, then resolve what
/// pointed forward.
fn check(files: &[SourceFile]) -> Result<Brief, Vec<Diagnostic>> {
    let mut load = Load {
        files,
        ids: Ids::new(),
        diagnostics: Vec::new(),
        pending: Vec::new(),
        parts: Parts::default(),
        counts: [0; Kind::ALL.len()],
        metas: Vec::new(),
    };
    // A missing `brief:` is only worth saying when every file could be read
    // as a brief: otherwise it is likely in the file that could not.
    let mut all_read = true;
    for (i, file) in files.iter().enumerate() {
        let marks = (load.diagnostics.len(), load.pending.len());
        let mut sections = Sections::new(i, &mut load);
        let read = reader::read(&file.text, &mut sections);
        let brief_file = sections.finish();
        match read {
            Ok(()) if !brief_file && marks.0 == load.diagnostics.len() => {
                all_read = false;
                load.diagnostics.push(
                    Diagnostic::at(
                        i,
                        Loc { line: 1, col: 1 },
                        1,
                        "empty file: no brief sections",
                    )
                    .with_help(SECTIONS_HELP),
                );
            }
            Ok(()) => all_read &= brief_file,
            Err(e) => {
                // Only the parse error is reported for this file: the
                // problems of what was built before it are dropped, since a
                // reference into the unread rest of the file would look
                // unknown.
                all_read = false;
                load.diagnostics.truncate(marks.0);
                load.pending.truncate(marks.1);
                let mut d = Diagnostic::at(i, e.loc, 1, e.message);
                d.help = e.help;
                load.diagnostics.push(d);
            }
        }
    }
    let Load {
        ids,
        mut diagnostics,
        pending,
        mut parts,
        metas,
        ..
    } = load;
    let resolved = forward::resolve(&pending, files, &ids, &mut diagnostics);
    sections::check_meta_count(files, &metas, all_read, &mut diagnostics);
    // Not needed any more: give their memory back before the brief is
    // assembled, which is when a large load peaks.
    drop((ids, pending));

    if !diagnostics.is_empty() {
        diagnostics.sort_by_key(|d| match &d.place {
            diagnostic::Place::At { file, loc, .. } => (*file, *loc),
            diagnostic::Place::Path(_) => (usize::MAX, Loc::default()),
        });
        return Err(diagnostics);
    }
    let fixed = parts.fix(&resolved);
    fixed.then(|| parts.assemble()).flatten().ok_or_else(|| {
        vec![Diagnostic::path(
            "brief",
            "the brief could not be assembled",
        )]
    })
}

/// The state of one load, across files.
struct Load<'f> {
    files: &'f [SourceFile],
    ids: Ids,
    diagnostics: Vec<Diagnostic>,
    pending: Vec<Pending>,
    parts: Parts,
    /// Entities read so far, by kind: the index of the next one.
    counts: [usize; Kind::ALL.len()],
    /// Each `brief:` key: file, place, width.
    metas: Vec<(usize, Loc, usize)>,
}

impl Load<'_> {
    /// A walk over one node of `file`, whose forward references wait.
    fn ctx(&mut self, file: usize) -> Ctx<'_> {
        Ctx::new(
            file,
            &self.files[file].text,
            &self.ids,
            &mut self.diagnostics,
            Some(&mut self.pending),
        )
    }
}

impl Build for Load<'_> {
    fn meta(&mut self, file: usize, key: &Node, value: &Node) {
        self.metas.push((file, key.loc, key.width));
        let mut ctx = self.ctx(file);
        if let Some(meta) = ctx.meta(value) {
            self.parts.meta.push(meta);
        }
    }

    fn entity(&mut self, file: usize, kind: Kind, item: Node) {
        let slot = &mut self.counts[kind as usize];
        let r = EntityRef::new(kind, *slot);
        *slot += 1;
        self.ids
            .declare(self.files, file, r, &item, &mut self.diagnostics);
        let id = ids::entity_id(&item).map(CompactString::from);
        let before = self.diagnostics.len();
        let mut ctx = self.ctx(file);
        match ctx.build(kind, &item, id) {
            Some(built) => self.parts.add(built),
            // An entity left out silently would shift the index of every
            // later one of its kind: never let it pass.
            None if ctx.diagnostics.len() == before => {
                ctx.error(
                    item.loc,
                    1,
                    format!("{} could not be read", entities::what(kind)),
                );
            }
            None => {}
        }
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
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

    /// Replaces the stand-ins of forward references; false if one is left.
    fn fix(&mut self, resolved: &[Option<EntityRef>]) -> bool {
        let mut f = forward::Fixer { resolved, ok: true };
        self.meta.iter_mut().for_each(|m| f.meta(m));
        self.sources.iter_mut().for_each(|s| f.source(s));
        self.actors.iter_mut().for_each(|a| f.actor(a));
        self.issues.iter_mut().for_each(|i| f.issue(i));
        self.events.iter_mut().for_each(|e| f.event(e));
        self.demands.iter_mut().for_each(|d| f.demand(d));
        self.positions.iter_mut().for_each(|(p, _)| f.position(p));
        f.ok
    }

    fn assemble(mut self) -> Option<Brief> {
        // Grown by doubling while reading: give back what is left over
        // (a quarter of the largest lists, on average).
        self.sources.shrink_to_fit();
        self.actors.shrink_to_fit();
        self.issues.shrink_to_fit();
        self.events.shrink_to_fit();
        self.demands.shrink_to_fit();
        let meta = self.meta.into_iter().next()?;
        let mut positions = Vec::with_capacity(self.positions.len());
        for (mut p, titled) in self.positions {
            if !titled {
                let actor = self.actors.get(p.actor.index())?;
                let issue = self.issues.get(p.issue.index())?;
                let a = actor.short.as_deref().unwrap_or(&actor.name);
                let i = issue.short.as_deref().unwrap_or(&issue.title);
                p.title = compact_str::format_compact!("{a} on {i}");
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

/// The brief a test writes as YAML, in one file `t.yaml`; its problems, if
/// it has any, fail the test.
#[cfg(test)]
pub(crate) fn brief_of(yaml: &str) -> Brief {
    let file = SourceFile {
        name: "t.yaml".into(),
        text: yaml.into(),
    };
    match load_files(vec![file]) {
        Ok(b) => b,
        Err(r) => panic!("{}", r.short()),
    }
}
