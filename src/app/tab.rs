//! The reader's tabs, in order.

use crate::model::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Overview,
    Timeline,
    Actors,
    Demands,
    Positions,
    Issues,
    Sources,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Overview,
        Tab::Timeline,
        Tab::Actors,
        Tab::Demands,
        Tab::Positions,
        Tab::Issues,
        Tab::Sources,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Timeline => "Timeline",
            Tab::Actors => "Actors",
            Tab::Demands => "Demands",
            Tab::Positions => "Positions",
            Tab::Issues => "Issues",
            Tab::Sources => "Sources",
        }
    }

    /// The entities the tab lists (`None` for the overview).
    pub fn kind(self) -> Option<Kind> {
        match self {
            Tab::Overview => None,
            Tab::Timeline => Some(Kind::Event),
            Tab::Actors => Some(Kind::Actor),
            Tab::Demands => Some(Kind::Demand),
            Tab::Positions => Some(Kind::Position),
            Tab::Issues => Some(Kind::Issue),
            Tab::Sources => Some(Kind::Source),
        }
    }

    pub fn for_kind(kind: Kind) -> Tab {
        match kind {
            Kind::Event => Tab::Timeline,
            Kind::Actor => Tab::Actors,
            Kind::Demand => Tab::Demands,
            Kind::Position => Tab::Positions,
            Kind::Issue => Tab::Issues,
            Kind::Source => Tab::Sources,
        }
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self as usize + 1) % Tab::ALL.len()]
    }

    pub fn prev(self) -> Tab {
        Tab::ALL[(self as usize + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}
