//! List filters: which entries a tab shows. Timeline by actor, certainty,
//! year and tag; demands by who demands, of whom and status; positions by
//! issue, actor and stance. Filters on one tab combine (all must hold);
//! the tab's title shows them and `F` clears them.

use std::collections::BTreeMap;

use super::Tab;
use crate::model::{Brief, Certainty, DemandStatus, EntityRef, Kind, Stance};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// An actor taking part (events) or holding the position (positions).
    Actor,
    Certainty,
    Year,
    Tag,
    /// Who demands.
    By,
    /// Of whom a demand is made.
    Of,
    Status,
    Issue,
    Stance,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Actor => "actor",
            Field::Certainty => "certainty",
            Field::Year => "year",
            Field::Tag => "tag",
            Field::By => "demanded by",
            Field::Of => "demanded of",
            Field::Status => "status",
            Field::Issue => "issue",
            Field::Stance => "stance",
        }
    }

    /// The fields a tab can be filtered by.
    pub fn for_tab(tab: Tab) -> &'static [Field] {
        match tab {
            Tab::Timeline => &[Field::Actor, Field::Certainty, Field::Year, Field::Tag],
            Tab::Demands => &[Field::By, Field::Of, Field::Status, Field::Certainty],
            Tab::Positions => &[Field::Issue, Field::Actor, Field::Stance, Field::Certainty],
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Value {
    Entity(EntityRef),
    Certainty(Certainty),
    Year(u16),
    Tag(compact_str::CompactString),
    Status(DemandStatus),
    Stance(Stance),
}

impl Value {
    pub fn label<'a>(&'a self, brief: &'a Brief) -> std::borrow::Cow<'a, str> {
        match self {
            Value::Entity(r) => brief.label(*r).into(),
            Value::Certainty(c) => c.label().into(),
            Value::Year(y) => y.to_string().into(),
            Value::Tag(t) => t.as_str().into(),
            Value::Status(s) => s.label().into(),
            Value::Stance(s) => s.label().into(),
        }
    }
}

/// The filters active on one tab.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub active: Vec<(Field, Value)>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.active.is_empty()
    }

    /// Sets `field` to `value`, replacing any earlier value of that field.
    pub fn set(&mut self, field: Field, value: Value) {
        self.active.retain(|(f, _)| *f != field);
        self.active.push((field, value));
    }

    /// Does entity `r` pass every filter?
    pub fn admit(&self, brief: &Brief, r: EntityRef) -> bool {
        self.active.iter().all(|(f, v)| holds(brief, r, *f, v))
    }

    /// "actor TTP · year 2025", for the tab's title.
    pub fn describe(&self, brief: &Brief) -> String {
        self.active
            .iter()
            .map(|(f, v)| format!("{} {}", f.label(), v.label(brief)))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

fn holds(brief: &Brief, r: EntityRef, field: Field, value: &Value) -> bool {
    values_of(brief, r, field).contains(value)
}

/// The values entity `r` has for `field`.
fn values_of(brief: &Brief, r: EntityRef, field: Field) -> Vec<Value> {
    let i = r.index();
    let entities = |v: &[EntityRef]| v.iter().map(|a| Value::Entity(*a)).collect();
    match (r.kind, field) {
        (Kind::Event, Field::Actor) => entities(&brief.events[i].actors),
        (Kind::Event, Field::Certainty) => vec![Value::Certainty(brief.events[i].certainty)],
        (Kind::Event, Field::Year) => {
            let d = &brief.events[i].date;
            (d.sort_key().year..=d.end_key().year)
                .map(Value::Year)
                .collect()
        }
        (Kind::Event, Field::Tag) => brief.events[i]
            .tags
            .iter()
            .cloned()
            .map(Value::Tag)
            .collect(),
        (Kind::Demand, Field::By) => vec![Value::Entity(brief.demands[i].by)],
        (Kind::Demand, Field::Of) => entities(&brief.demands[i].of),
        (Kind::Demand, Field::Status) => vec![Value::Status(brief.demands[i].status)],
        (Kind::Demand, Field::Certainty) => vec![Value::Certainty(brief.demands[i].certainty)],
        (Kind::Position, Field::Issue) => vec![Value::Entity(brief.positions[i].issue)],
        (Kind::Position, Field::Actor) => vec![Value::Entity(brief.positions[i].actor)],
        (Kind::Position, Field::Stance) => vec![Value::Stance(brief.positions[i].stance)],
        (Kind::Position, Field::Certainty) => vec![Value::Certainty(brief.positions[i].certainty)],
        _ => Vec::new(),
    }
}

/// The values `field` takes on `tab`'s entities, each with how many
/// entries it would show: actors and issues most frequent first, words in
/// the vocabulary's order, years and tags in order. One pass over the tab.
pub fn values(brief: &Brief, tab: Tab, field: Field) -> Vec<(Value, usize)> {
    let Some(kind) = tab.kind() else {
        return Vec::new();
    };
    let mut counts: BTreeMap<Value, usize> = BTreeMap::new();
    for i in 0..brief.len(kind) {
        let mut vs = values_of(brief, EntityRef::new(kind, i), field);
        vs.sort();
        vs.dedup();
        for v in vs {
            *counts.entry(v).or_default() += 1;
        }
    }
    let mut out: Vec<(Value, usize)> = counts.into_iter().collect();
    if matches!(field, Field::Actor | Field::By | Field::Of | Field::Issue) {
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setting_a_field_again_replaces_it() {
        let mut f = Filters::default();
        f.set(Field::Year, Value::Year(2024));
        f.set(Field::Certainty, Value::Certainty(Certainty::Reported));
        f.set(Field::Year, Value::Year(2025));
        assert_eq!(
            f.active,
            vec![
                (Field::Certainty, Value::Certainty(Certainty::Reported)),
                (Field::Year, Value::Year(2025))
            ]
        );
    }
}
