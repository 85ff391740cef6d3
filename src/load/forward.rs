//! References that point forward: to an id declared further on in the
//! file, or in a file read later.
//!
//! Entities are built as they are read (so the file's tree never exists
//! whole), which means a reference may name an id not declared yet. It gets
//! a stand-in — an [`EntityRef`] whose index has [`FORWARD`] set and counts
//! the references waiting — and the entity is built as usual. When every
//! file has been read, [`resolve`] looks each waiting id up (reporting the
//! unknown ones exactly as a backward reference would be), and [`fix`]
//! replaces every stand-in in the built entities.

use super::diagnostic::{Diagnostic, SourceFile};
use super::fields::{Ctx, Pending};
use super::ids::Ids;
use crate::model::{
    Actor, Cite, Demand, EntityRef, Event, Issue, Kind, Meta, Position, Prose, Source,
};

/// Set in the index of a stand-in. No brief within the loader's limits
/// comes near 2³¹ entities.
pub const FORWARD: u32 = 1 << 31;

/// The stand-in for the `n`th waiting reference.
pub fn stand_in(n: usize, want: Option<Kind>) -> Option<EntityRef> {
    let n = u32::try_from(n).ok().filter(|n| n & FORWARD == 0)?;
    Some(EntityRef {
        kind: want.unwrap_or(Kind::Event),
        index: FORWARD | n,
    })
}

/// Looks up every waiting reference now that all ids are declared; the
/// unknown ones and those of the wrong kind are reported as usual.
pub fn resolve(
    pending: &[Pending],
    files: &[SourceFile],
    ids: &Ids,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Option<EntityRef>> {
    pending
        .iter()
        .map(|p| {
            let text = files.get(p.file).map_or("", |f| f.text.as_str());
            let mut ctx = Ctx::new(p.file, text, ids, diagnostics, None);
            ctx.resolve(&p.id, p.loc, p.len, p.want)
        })
        .collect()
}

/// Replaces a stand-in by what it resolved to. Returns false when one did
/// not resolve (it was reported) or is not a stand-in of this load.
fn fix_one(r: &mut EntityRef, resolved: &[Option<EntityRef>]) -> bool {
    if r.index & FORWARD == 0 {
        return true;
    }
    match resolved.get((r.index & !FORWARD) as usize) {
        Some(Some(target)) => {
            *r = *target;
            true
        }
        _ => false,
    }
}

/// Walks every reference of the built entities, replacing stand-ins by
/// what they resolved to; `ok` turns false if one could not be.
pub struct Fixer<'r> {
    pub resolved: &'r [Option<EntityRef>],
    pub ok: bool,
}

impl Fixer<'_> {
    fn r(&mut self, r: &mut EntityRef) {
        self.ok &= fix_one(r, self.resolved);
    }

    fn refs(&mut self, refs: &mut [EntityRef]) {
        for r in refs {
            self.r(r);
        }
    }

    fn prose(&mut self, p: &mut Prose) {
        for target in p.links_mut() {
            self.ok &= fix_one(target, self.resolved);
        }
    }

    fn cites(&mut self, cites: &mut [Cite]) {
        for c in cites {
            self.r(&mut c.source);
        }
    }

    pub fn meta(&mut self, m: &mut Meta) {
        self.prose(&mut m.summary);
        for p in &mut m.key_points {
            self.prose(p);
        }
        self.cites(&mut m.cites);
    }

    pub fn source(&mut self, s: &mut Source) {
        self.prose(&mut s.summary);
    }

    pub fn actor(&mut self, a: &mut Actor) {
        self.prose(&mut a.summary);
        for rel in &mut a.relations {
            self.r(&mut rel.to);
            self.cites(&mut rel.cites);
        }
        for f in &mut a.figures {
            self.cites(&mut f.cites);
        }
        self.cites(&mut a.cites);
    }

    pub fn issue(&mut self, i: &mut Issue) {
        self.prose(&mut i.summary);
        self.cites(&mut i.cites);
    }

    pub fn event(&mut self, e: &mut Event) {
        self.refs(&mut e.actors);
        self.prose(&mut e.summary);
        for f in &mut e.figures {
            self.cites(&mut f.cites);
        }
        self.cites(&mut e.cites);
    }

    pub fn demand(&mut self, d: &mut Demand) {
        self.r(&mut d.by);
        self.refs(&mut d.of);
        self.prose(&mut d.summary);
        self.cites(&mut d.cites);
    }

    pub fn position(&mut self, p: &mut Position) {
        self.r(&mut p.actor);
        self.r(&mut p.issue);
        if let Some(q) = &mut p.quote_by {
            self.r(q);
        }
        self.prose(&mut p.summary);
        self.cites(&mut p.cites);
    }
}
