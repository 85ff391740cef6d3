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
    outgoing_into(brief, r, &mut out);
    out
}

/// [`outgoing`] into a buffer the caller reuses (cleared first).
fn outgoing_into(brief: &Brief, r: EntityRef, out: &mut Vec<EntityRef>) {
    out.clear();
    let i = r.index();
    let prose = |out: &mut Vec<EntityRef>, p: &Prose| out.extend(p.links());
    let cites = |out: &mut Vec<EntityRef>, c: &[Cite]| out.extend(c.iter().map(|c| c.source));
    match r.kind {
        Kind::Event => {
            let e = &brief.events[i];
            out.extend(&e.actors);
            prose(out, &e.summary);
            for f in &e.figures {
                cites(out, &f.cites);
            }
            cites(out, &e.cites);
        }
        Kind::Actor => {
            let a = &brief.actors[i];
            prose(out, &a.summary);
            for rel in &a.relations {
                out.push(rel.to);
                cites(out, &rel.cites);
            }
            for f in &a.figures {
                cites(out, &f.cites);
            }
            cites(out, &a.cites);
        }
        Kind::Demand => {
            let d = &brief.demands[i];
            out.push(d.by);
            out.extend(&d.of);
            prose(out, &d.summary);
            cites(out, &d.cites);
        }
        Kind::Position => {
            let p = &brief.positions[i];
            out.push(p.actor);
            out.push(p.issue);
            out.extend(p.quote_by);
            prose(out, &p.summary);
            cites(out, &p.cites);
        }
        Kind::Issue => {
            let s = &brief.issues[i];
            prose(out, &s.summary);
            cites(out, &s.cites);
        }
        Kind::Source => prose(out, &brief.sources[i].summary),
    }
    // Most entities link to a handful: a scan beats hashing them.
    if out.len() <= 32 {
        let mut kept = 0;
        for n in 0..out.len() {
            let x = out[n];
            if x != r && !out[..kept].contains(&x) {
                out[kept] = x;
                kept += 1;
            }
        }
        out.truncate(kept);
    } else {
        let mut seen = std::collections::HashSet::with_capacity(out.len());
        out.retain(|x| *x != r && seen.insert(*x));
    }
}

/// Backlinks of every entity.
#[derive(Debug, Clone, Default)]
pub struct Xref {
    /// Where each kind's entities start in `starts`, in [`Kind::ALL`] order.
    base: [usize; Kind::ALL.len()],
    /// Entity `n` (counted across kinds) is linked from
    /// `from[starts[n]..starts[n + 1]]`: one list for the whole brief, not
    /// one allocation per entity.
    starts: Vec<usize>,
    /// Who links where, each entity's sorted by kind then index so the
    /// reader shows them grouped.
    from: Vec<EntityRef>,
}

impl Xref {
    /// No backlinks at all: what there is to show before they are built.
    pub const NONE: Xref = Xref {
        base: [0; Kind::ALL.len()],
        starts: Vec::new(),
        from: Vec::new(),
    };

    pub fn build(brief: &Brief) -> Self {
        let mut base = [0; Kind::ALL.len()];
        let mut total = 0;
        for kind in Kind::ALL {
            base[kind as usize] = total;
            total += brief.len(kind);
        }
        let slot = |to: EntityRef| base[to.kind as usize] + to.index();
        let mut buf = Vec::new();
        // Two passes over the links: count, then place. Cheaper in memory
        // than gathering every (to, from) pair to sort them.
        let mut starts = vec![0usize; total + 1];
        for_each_entity(brief, |from| {
            outgoing_into(brief, from, &mut buf);
            for to in &buf {
                starts[slot(*to) + 1] += 1;
            }
        });
        for n in 1..starts.len() {
            starts[n] += starts[n - 1];
        }
        let mut next = starts.clone();
        let mut from_list = vec![EntityRef::new(Kind::Event, 0); starts[total]];
        // Kind by kind, index by index: each list comes out sorted.
        for_each_entity(brief, |from| {
            outgoing_into(brief, from, &mut buf);
            for to in &buf {
                let at = &mut next[slot(*to)];
                from_list[*at] = from;
                *at += 1;
            }
        });
        Xref {
            base,
            starts,
            from: from_list,
        }
    }

    /// Who links to `r`.
    pub fn referenced_by(&self, r: EntityRef) -> &[EntityRef] {
        let n = self.base[r.kind as usize] + r.index();
        match (self.starts.get(n), self.starts.get(n + 1)) {
            (Some(&a), Some(&b)) => self.from.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

fn for_each_entity(brief: &Brief, mut f: impl FnMut(EntityRef)) {
    for kind in Kind::ALL {
        for i in 0..brief.len(kind) {
            f(EntityRef::new(kind, i));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backlinks_are_exactly_the_inverted_links_in_reading_order() {
        let text = crate::synth::single(400, 9);
        let brief = match crate::load::load_files(vec![crate::load::SourceFile {
            name: "s.yaml".into(),
            text,
        }]) {
            Ok(b) => b,
            Err(r) => panic!("{}", r.short()),
        };
        let xref = Xref::build(&brief);
        let all: Vec<EntityRef> = Kind::ALL
            .iter()
            .flat_map(|k| (0..brief.len(*k)).map(|i| EntityRef::new(*k, i)))
            .collect();
        let mut linked = 0;
        for to in &all {
            // Every entity, in kind then index order, that links to `to`.
            let want: Vec<EntityRef> = all
                .iter()
                .copied()
                .filter(|from| outgoing(&brief, *from).contains(to))
                .collect();
            assert_eq!(xref.referenced_by(*to), want.as_slice(), "{to}");
            linked += want.len();
        }
        assert!(linked > all.len(), "the brief links richly");
        // Links never repeat a target nor point at themselves.
        for from in &all {
            let out = outgoing(&brief, *from);
            assert!(!out.contains(from));
            let mut unique = out.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), out.len());
        }
    }
}
