//! The entities of a brief and the [`Brief`] that holds them.
//!
//! Entities refer to each other only through [`EntityRef`]s; the loader
//! guarantees each one resolves. Entities stay in the order written; the
//! timeline's order is [`Brief::chronology`]. Every type here has serde's
//! derives for one use: the build script stores the bundled brief in a
//! compact binary form (see `crate::bundled`); YAML is read only by `load`.

use compact_str::CompactString;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{
    ActorKind, Certainty, Date, DemandStatus, EntityRef, Kind, Prose, RelationKind, SourceKind,
    Stance,
};

/// A citation: which source, and where in it when the author says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cite {
    pub source: EntityRef,
    /// Paragraph number in the source document, counted from 1.
    pub para: Option<u32>,
}

/// A number the sources give (casualties, fighters, people repatriated),
/// kept with what it counts and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// As the source gives it: "at least 200", "6,000–6,500".
    pub value: CompactString,
    /// What is counted.
    pub what: CompactString,
    pub certainty: Option<Certainty>,
    pub cites: Vec<Cite>,
}

/// The brief's own header: what the Overview tab shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: CompactString,
    pub title: CompactString,
    pub as_of: Date,
    pub summary: Prose,
    pub key_points: Vec<Prose>,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: CompactString,
    pub title: CompactString,
    /// The short name citations show ("PoliTact analysis").
    pub short: Option<CompactString>,
    pub kind: SourceKind,
    pub publisher: Option<CompactString>,
    pub author: Option<CompactString>,
    pub published: Option<Date>,
    /// Why a publication date is what it is, when it had to be inferred.
    pub published_note: Option<CompactString>,
    /// The document's own file name, when it has one.
    pub file: Option<CompactString>,
    pub url: Option<CompactString>,
    pub summary: Prose,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub kind: RelationKind,
    pub to: EntityRef,
    pub note: Option<CompactString>,
    pub certainty: Option<Certainty>,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: CompactString,
    pub name: CompactString,
    pub short: Option<CompactString>,
    /// Every other spelling the sources use, so a search finds any of them.
    pub aliases: Vec<CompactString>,
    pub kind: ActorKind,
    /// A person's office or an organisation's function, in a few words.
    pub role: Option<CompactString>,
    pub summary: Prose,
    pub relations: Vec<Relation>,
    pub figures: Vec<Figure>,
    pub cites: Vec<Cite>,
}

/// A question that actors take positions on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub id: CompactString,
    pub title: CompactString,
    pub short: Option<CompactString>,
    pub summary: Prose,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: CompactString,
    pub date: Date,
    pub date_note: Option<CompactString>,
    pub title: CompactString,
    pub place: Option<CompactString>,
    pub actors: Vec<EntityRef>,
    pub summary: Prose,
    pub figures: Vec<Figure>,
    pub tags: Vec<CompactString>,
    pub certainty: Certainty,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demand {
    pub id: CompactString,
    /// Who demands.
    pub by: EntityRef,
    /// Of whom (one or more actors).
    pub of: Vec<EntityRef>,
    pub title: CompactString,
    pub summary: Prose,
    pub status: DemandStatus,
    pub date: Option<Date>,
    pub certainty: Certainty,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub id: CompactString,
    /// Given by the author or composed by the loader ("Pakistan on talks
    /// with the TTP"), so lists and backlinks can name a position.
    pub title: CompactString,
    pub actor: EntityRef,
    pub issue: EntityRef,
    pub stance: Stance,
    pub summary: Prose,
    /// A short phrase in the speaker's own words.
    pub quote: Option<CompactString>,
    /// Who said the quote, when it is not the actor itself.
    pub quote_by: Option<EntityRef>,
    pub date: Option<Date>,
    pub date_note: Option<CompactString>,
    pub certainty: Certainty,
    pub cites: Vec<Cite>,
}

/// A whole, validated brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    pub meta: Meta,
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub issues: Vec<Issue>,
    pub events: Vec<Event>,
    pub demands: Vec<Demand>,
    pub positions: Vec<Position>,
    /// Every entity, sorted by id, for [`Brief::lookup`]: a fraction of
    /// the memory of a map from a second copy of each id.
    by_id: Vec<EntityRef>,
    /// Event indexes in chronological order: by the earliest day each date
    /// allows, then as the author wrote them.
    chronology: Vec<u32>,
}

/// A brief is stored (by the build script, for the bundled brief) with its
/// id index and chronology, so reading it back sorts nothing: sorting them
/// was a twentieth of the time to the reader's first frame. They are checked
/// against the entities as they are read, one pass each
/// ([`Brief::indexes_agree`]), so a stored form that disagrees is refused,
/// never believed.
impl Serialize for Brief {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Stored {
            meta: &self.meta,
            sources: &self.sources,
            actors: &self.actors,
            issues: &self.issues,
            events: &self.events,
            demands: &self.demands,
            positions: &self.positions,
            by_id: &self.by_id,
            chronology: &self.chronology,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Brief {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        type Owned = Stored<
            Meta,
            Vec<Source>,
            Vec<Actor>,
            Vec<Issue>,
            Vec<Event>,
            Vec<Demand>,
            Vec<Position>,
            Vec<EntityRef>,
            Vec<u32>,
        >;
        let s = Owned::deserialize(deserializer)?;
        let brief = Brief {
            meta: s.meta,
            sources: s.sources,
            actors: s.actors,
            issues: s.issues,
            events: s.events,
            demands: s.demands,
            positions: s.positions,
            by_id: s.by_id,
            chronology: s.chronology,
        };
        match brief.indexes_agree() {
            true => Ok(brief),
            false => Err(serde::de::Error::custom(
                "its id index or chronology disagrees with its entities",
            )),
        }
    }
}

/// The stored fields of a [`Brief`]: borrowed to write, owned to read.
#[derive(Serialize, Deserialize)]
struct Stored<M, S, A, I, E, D, P, X, C> {
    meta: M,
    sources: S,
    actors: A,
    issues: I,
    events: E,
    demands: D,
    positions: P,
    by_id: X,
    chronology: C,
}

impl Brief {
    /// Builds the brief, its id index and its chronology. Entities must
    /// already be valid (the loader's job): ids unique, references in range.
    pub fn new(
        meta: Meta,
        sources: Vec<Source>,
        actors: Vec<Actor>,
        issues: Vec<Issue>,
        events: Vec<Event>,
        demands: Vec<Demand>,
        positions: Vec<Position>,
    ) -> Self {
        let mut brief = Brief {
            meta,
            sources,
            actors,
            issues,
            events,
            demands,
            positions,
            by_id: Vec::new(),
            chronology: Vec::new(),
        };
        brief.index_ids();
        let mut order: Vec<u32> = (0..brief.events.len())
            .map(|i| EntityRef::new(Kind::Event, i).index)
            .collect();
        order.sort_by_key(|&i| brief.events[i as usize].date.sort_key());
        brief.chronology = order;
        brief
    }

    /// Are the id index and the chronology what [`Brief::new`] builds?
    /// Each holds every entity (or event) once, in range, in strictly
    /// increasing order (ids; then dates, ties as written), which only the
    /// sorted order does: one pass each, no sorting.
    fn indexes_agree(&self) -> bool {
        let in_range = |r: &EntityRef| r.index() < self.len(r.kind);
        let ids = self.by_id.len() == self.len_all()
            && self.by_id.iter().all(in_range)
            && self.by_id.windows(2).all(|w| self.id(w[0]) < self.id(w[1]));
        let key = |i: u32| (self.events[i as usize].date.sort_key(), i);
        let events = self.chronology.len() == self.events.len()
            && self
                .chronology
                .iter()
                .all(|&i| (i as usize) < self.events.len())
            && self.chronology.windows(2).all(|w| key(w[0]) < key(w[1]));
        ids && events
    }

    /// Event indexes, earliest first.
    pub fn chronology(&self) -> &[u32] {
        &self.chronology
    }

    fn index_ids(&mut self) {
        let mut by_id = Vec::with_capacity(self.len_all());
        for kind in Kind::ALL {
            by_id.extend((0..self.len(kind)).map(|i| EntityRef::new(kind, i)));
        }
        by_id.sort_unstable_by(|a, b| self.id(*a).cmp(self.id(*b)));
        self.by_id = by_id;
    }

    fn len_all(&self) -> usize {
        Kind::ALL.iter().map(|k| self.len(*k)).sum()
    }

    /// How many entities of a kind the brief holds.
    pub fn len(&self, kind: Kind) -> usize {
        match kind {
            Kind::Event => self.events.len(),
            Kind::Actor => self.actors.len(),
            Kind::Demand => self.demands.len(),
            Kind::Position => self.positions.len(),
            Kind::Issue => self.issues.len(),
            Kind::Source => self.sources.len(),
        }
    }

    pub fn lookup(&self, id: &str) -> Option<EntityRef> {
        self.by_id
            .binary_search_by(|r| self.id(*r).cmp(id))
            .ok()
            .map(|i| self.by_id[i])
    }

    pub fn id(&self, r: EntityRef) -> &str {
        let i = r.index();
        match r.kind {
            Kind::Event => &self.events[i].id,
            Kind::Actor => &self.actors[i].id,
            Kind::Demand => &self.demands[i].id,
            Kind::Position => &self.positions[i].id,
            Kind::Issue => &self.issues[i].id,
            Kind::Source => &self.sources[i].id,
        }
    }

    /// The full name or title of an entity.
    pub fn title(&self, r: EntityRef) -> &str {
        let i = r.index();
        match r.kind {
            Kind::Event => &self.events[i].title,
            Kind::Actor => &self.actors[i].name,
            Kind::Demand => &self.demands[i].title,
            Kind::Position => &self.positions[i].title,
            Kind::Issue => &self.issues[i].title,
            Kind::Source => &self.sources[i].title,
        }
    }

    /// The short name a link shows: the `short` of an actor, an issue or a
    /// source, else the name or title.
    pub fn label(&self, r: EntityRef) -> &str {
        let i = r.index();
        match r.kind {
            Kind::Actor => self.actors[i]
                .short
                .as_deref()
                .unwrap_or(&self.actors[i].name),
            Kind::Issue => self.issues[i]
                .short
                .as_deref()
                .unwrap_or(&self.issues[i].title),
            Kind::Source => self.sources[i]
                .short
                .as_deref()
                .unwrap_or(&self.sources[i].title),
            _ => self.title(r),
        }
    }

    /// Every citation an entity carries directly (not those of its
    /// relations or figures).
    pub fn cites(&self, r: EntityRef) -> &[Cite] {
        let i = r.index();
        match r.kind {
            Kind::Event => &self.events[i].cites,
            Kind::Actor => &self.actors[i].cites,
            Kind::Demand => &self.demands[i].cites,
            Kind::Position => &self.positions[i].cites,
            Kind::Issue => &self.issues[i].cites,
            Kind::Source => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entities whose written order is neither their id order nor their
    /// chronology, so both indexes have work to do.
    fn brief() -> Brief {
        let text = r#"
brief: { id: t, title: T, as_of: 2026, summary: S }
sources: [{ id: s, title: Report, kind: news }]
actors:
  - { id: zz, name: Zed, kind: person, cites: [s] }
  - { id: aa, name: Ay, kind: person, cites: [s] }
events:
  - { id: late, date: 2025-03, title: Late, certainty: reported, cites: [s] }
  - { id: early, date: 2024, title: Early, certainty: reported, cites: [s] }
  - { id: tie, date: 2024, title: Tie, certainty: reported, cites: [s] }
"#;
        crate::load::brief_of(text)
    }

    fn read(bytes: &[u8]) -> Result<Brief, postcard::Error> {
        postcard::from_bytes(bytes)
    }

    #[test]
    fn a_stored_brief_reads_back_with_the_indexes_it_was_built_with() {
        let b = brief();
        assert_eq!(b.chronology(), [1, 2, 0], "ties stay as written");
        let stored = postcard::to_allocvec(&b).expect("stored");
        let back = read(&stored).expect("read back");
        assert_eq!(back, b);
        assert_eq!(back.lookup("aa"), Some(EntityRef::new(Kind::Actor, 1)));
    }

    #[test]
    fn stored_indexes_that_disagree_with_the_entities_are_refused() {
        let b = brief();
        let mut swapped = b.clone();
        swapped.by_id.swap(0, 1);
        let mut tie_reversed = b.clone();
        tie_reversed.chronology.swap(0, 1);
        let mut missing = b.clone();
        missing.by_id.pop();
        let mut repeated = b.clone();
        repeated.chronology[2] = repeated.chronology[1];
        let mut out_of_range = b.clone();
        out_of_range.by_id[0] = EntityRef::new(Kind::Actor, 9);
        for (what, bad) in [
            ("ids out of order", swapped),
            ("a tie out of written order", tie_reversed),
            ("an entity missing", missing),
            ("an event twice", repeated),
            ("an index out of range", out_of_range),
        ] {
            let stored = postcard::to_allocvec(&bad).expect("stored");
            assert!(read(&stored).is_err(), "{what} was believed");
        }
    }
}
