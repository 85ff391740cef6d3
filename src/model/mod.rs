//! The domain model of a brief: what an analyst reads, with every claim
//! carrying its sources and its certainty.
//!
//! Owns the entity types, typed references between them ([`EntityRef`]),
//! prose with inline links, and the vocabularies (kinds, stances, statuses).
//! Imports nothing of YAML or of the screen: `load` builds a [`Brief`],
//! everything else reads it. A loaded brief is valid by construction: every
//! [`EntityRef`] points at an existing entity.

pub mod date;
mod entity;
pub mod prose;
mod vocab;

pub use date::Date;
pub use entity::{
    Actor, Brief, Cite, Demand, Event, Figure, Issue, Meta, Position, Relation, Source,
};
pub use prose::{Prose, ProseBuilder, ProseSegment};
pub use vocab::{ActorKind, Certainty, DemandStatus, RelationKind, SourceKind, Stance, Vocabulary};

use std::fmt;

use serde::{Deserialize, Serialize};

/// The kinds of entity a brief holds, in the order of the reader's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Event,
    Actor,
    Demand,
    Position,
    Issue,
    Source,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Event,
        Kind::Actor,
        Kind::Demand,
        Kind::Position,
        Kind::Issue,
        Kind::Source,
    ];

    /// The singular noun, for messages ("`x` is an event").
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Event => "event",
            Kind::Actor => "actor",
            Kind::Demand => "demand",
            Kind::Position => "position",
            Kind::Issue => "issue",
            Kind::Source => "source",
        }
    }

    /// The indefinite article that goes with [`Kind::noun`].
    pub fn article(self) -> &'static str {
        match self {
            Kind::Event | Kind::Actor | Kind::Issue => "an",
            _ => "a",
        }
    }

    /// The YAML section name that holds entities of this kind.
    pub fn section(self) -> &'static str {
        match self {
            Kind::Event => "events",
            Kind::Actor => "actors",
            Kind::Demand => "demands",
            Kind::Position => "positions",
            Kind::Issue => "issues",
            Kind::Source => "sources",
        }
    }
}

/// A typed reference to one entity: its kind and its index in that kind's
/// list. Cheap to copy and compare; it is what links, history and
/// backlinks are made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityRef {
    pub kind: Kind,
    pub index: u32,
}

impl EntityRef {
    pub fn new(kind: Kind, index: usize) -> Self {
        // A brief with more than u32::MAX entities cannot pass the loader's
        // size limits, so the conversion never saturates in practice.
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        EntityRef { kind, index }
    }

    pub fn index(self) -> usize {
        self.index as usize
    }
}

impl fmt::Display for EntityRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.kind.noun(), self.index)
    }
}
