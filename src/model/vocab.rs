//! The closed vocabularies of the format: actor kinds, certainty, stances,
//! demand statuses, relation kinds, source kinds.
//!
//! Each is an enum with one spelling in the YAML (kebab-case) and one label
//! for the reader, declared once in a table so the loader's error messages
//! ("expected one of …") and the format document never drift from the code.

use serde::{Deserialize, Serialize};

/// A closed set of words, as written in a brief.
pub trait Vocabulary: Sized + Copy + 'static {
    /// What the word describes, for messages ("certainty", "stance").
    const WHAT: &'static str;
    /// Every variant with its YAML spelling, in display order.
    const TABLE: &'static [(Self, &'static str)];

    fn from_name(name: &str) -> Option<Self> {
        Self::TABLE
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(v, _)| *v)
    }

    fn names() -> impl Iterator<Item = &'static str> {
        Self::TABLE.iter().map(|(_, n)| *n)
    }
}

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $what:literal, { $($variant:ident => $yaml:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl Vocabulary for $name {
            const WHAT: &'static str = $what;
            const TABLE: &'static [(Self, &'static str)] = &[$(($name::$variant, $yaml)),+];
        }

        impl $name {
            /// The spelling used in YAML.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $yaml),+ }
            }
            /// The words shown to a reader.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}

vocabulary!(
    /// What sort of actor this is; the Actors tab groups by it, in this order.
    ActorKind, "actor kind", {
        State => "state", "States";
        Government => "government", "Governments";
        Ministry => "ministry", "Ministries and agencies";
        Military => "military", "Militaries and security forces";
        ProvincialGovernment => "provincial-government", "Provincial governments";
        Party => "party", "Political parties";
        ArmedGroup => "armed-group", "Armed groups";
        Faction => "faction", "Factions";
        InternationalOrg => "international-org", "International organisations";
        Person => "person", "People";
        Other => "other", "Other";
    }
);

vocabulary!(
    /// How sure the brief is of a claim, as its sources put it.
    Certainty, "certainty", {
        Confirmed => "confirmed", "confirmed";
        Reported => "reported", "reported";
        Claimed => "claimed", "claimed";
        Alleged => "alleged", "alleged";
        Unconfirmed => "unconfirmed", "unconfirmed";
        Disputed => "disputed", "disputed";
        Denied => "denied", "denied";
    }
);

vocabulary!(
    /// An actor's stance on an issue.
    Stance, "stance", {
        Supports => "supports", "supports";
        Opposes => "opposes", "opposes";
        Conditional => "conditional", "conditional";
        Ambiguous => "ambiguous", "ambiguous";
    }
);

vocabulary!(
    /// Where a demand stands.
    DemandStatus, "status", {
        Met => "met", "met";
        PartlyMet => "partly-met", "met in part";
        Unmet => "unmet", "unmet";
        Rejected => "rejected", "rejected";
        Unknown => "unknown", "status unknown";
    }
);

vocabulary!(
    /// What sort of document a source is.
    SourceKind, "source kind", {
        News => "news", "news report";
        Analysis => "analysis", "analysis";
        Opinion => "opinion", "opinion";
        Report => "report", "report";
        Statement => "statement", "official statement";
        Other => "other", "other";
    }
);

vocabulary!(
    /// How one actor stands to another. Stored once, on the actor the
    /// sentence starts with ("the TTP *pledged allegiance to* Akhundzada");
    /// the reader shows the other side through [`RelationKind::inverse_label`].
    RelationKind, "relation", {
        Leads => "leads", "leads";
        MemberOf => "member-of", "member of";
        PartOf => "part-of", "part of";
        FactionOf => "faction-of", "faction of";
        AlliedWith => "allied-with", "allied with";
        Supports => "supports", "supports";
        Shelters => "shelters", "shelters";
        Opposes => "opposes", "opposes";
        Fights => "fights", "fights";
        Mediates => "mediates", "mediates for";
        NegotiatesWith => "negotiates-with", "negotiates with";
        PledgedAllegianceTo => "pledged-allegiance-to", "pledged allegiance to";
        SplitFrom => "split-from", "split from";
        Designates => "designates", "designates as terrorist";
        Accuses => "accuses", "accuses";
    }
);

impl RelationKind {
    /// The relation read from the other end ("led by", "shelters" → "sheltered by").
    pub fn inverse_label(self) -> &'static str {
        match self {
            RelationKind::Leads => "led by",
            RelationKind::MemberOf => "has member",
            RelationKind::PartOf => "includes",
            RelationKind::FactionOf => "has faction",
            RelationKind::AlliedWith => "allied with",
            RelationKind::Supports => "supported by",
            RelationKind::Shelters => "sheltered by",
            RelationKind::Opposes => "opposed by",
            RelationKind::Fights => "fought by",
            RelationKind::Mediates => "mediated for by",
            RelationKind::NegotiatesWith => "negotiates with",
            RelationKind::PledgedAllegianceTo => "has allegiance of",
            RelationKind::SplitFrom => "split off",
            RelationKind::Designates => "designated as terrorist by",
            RelationKind::Accuses => "accused by",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<V: Vocabulary + PartialEq + std::fmt::Debug>() {
        for &(v, name) in V::TABLE {
            assert_eq!(V::from_name(name), Some(v), "{name}");
        }
        let mut names: Vec<_> = V::names().collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "a {} spelling is used twice", V::WHAT);
    }

    #[test]
    fn every_spelling_parses_back_and_is_unique() {
        round_trips::<ActorKind>();
        round_trips::<Certainty>();
        round_trips::<Stance>();
        round_trips::<DemandStatus>();
        round_trips::<SourceKind>();
        round_trips::<RelationKind>();
    }

    #[test]
    fn unknown_words_are_refused() {
        assert_eq!(Stance::from_name("Supports"), None);
        assert_eq!(Certainty::from_name("sure"), None);
    }
}
