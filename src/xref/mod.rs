//! Links and backlinks between entities, built once, after the first frame.
//!
//! [`outgoing`] lists every entity one entity links to — through a field
//! (`actors`, `by`, `of`, `actor`, `issue`, `quote_by`, relations), a
//! citation, or an inline `[[link]]` in its prose. [`Xref`] inverts that
//! into "referenced by" lists. Imports only the model.

use crate::model::{Brief, Cite, EntityRef, Kind, Prose};

/// Every entity `r` links to, in the order they appear, without repeats.
pub fn outgoing(brief: &Brief, r: EntityRef) -> Vec<EntityRef> {
    let mut out = Vec::new();
    let i = r.index();
    let prose = |out: &mut Vec<EntityRef>, p: &Prose| out.extend(p.links());
    let cites = |out: &mut Vec<EntityRef>, c: &[Cite]| out.extend(c.iter().map(|c| c.source));
    match r.kind {
        Kind::Event => {
            let e = &brief.events[i];
            out.extend(&e.actors);
            prose(&mut out, &e.summary);
            for f in &e.figures {
                cites(&mut out, &f.cites);
            }
            cites(&mut out, &e.cites);
        }
        Kind::Actor => {
            let a = &brief.actors[i];
            prose(&mut out, &a.summary);
            for rel in &a.relations {
                out.push(rel.to);
                cites(&mut out, &rel.cites);
            }
            for f in &a.figures {
                cites(&mut out, &f.cites);
            }
            cites(&mut out, &a.cites);
        }
        Kind::Demand => {
            let d = &brief.demands[i];
            out.push(d.by);
            out.extend(&d.of);
            prose(&mut out, &d.summary);
            cites(&mut out, &d.cites);
        }
        Kind::Position => {
            let p = &brief.positions[i];
            out.push(p.actor);
            out.push(p.issue);
            out.extend(p.quote_by);
            prose(&mut out, &p.summary);
            cites(&mut out, &p.cites);
        }
        Kind::Issue => {
            let s = &brief.issues[i];
            prose(&mut out, &s.summary);
            cites(&mut out, &s.cites);
        }
        Kind::Source => prose(&mut out, &brief.sources[i].summary),
    }
    let mut seen = std::collections::HashSet::with_capacity(out.len());
    out.retain(|x| *x != r && seen.insert(*x));
    out
}

/// Backlinks of every entity.
#[derive(Debug, Clone, Default)]
pub struct Xref {
    /// Per kind (in [`Kind::ALL`] order), per entity index: who links here,
    /// sorted by kind then index so the reader shows them grouped.
    back: [Vec<Vec<EntityRef>>; 6],
}

impl Xref {
    pub fn build(brief: &Brief) -> Self {
        let mut back: [Vec<Vec<EntityRef>>; 6] = Default::default();
        for kind in Kind::ALL {
            back[kind as usize] = vec![Vec::new(); brief.len(kind)];
        }
        for kind in Kind::ALL {
            for i in 0..brief.len(kind) {
                let from = EntityRef::new(kind, i);
                for to in outgoing(brief, from) {
                    back[to.kind as usize][to.index()].push(from);
                }
            }
        }
        // Built kind by kind, index by index: each list is already sorted.
        Xref { back }
    }

    /// Who links to `r`.
    pub fn referenced_by(&self, r: EntityRef) -> &[EntityRef] {
        self.back[r.kind as usize]
            .get(r.index())
            .map_or(&[], Vec::as_slice)
    }
}
