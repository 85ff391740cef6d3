//! The order and grouping of each tab's list, computed once per brief.
//!
//! Which entities a tab lists, in what order, under which group headings:
//! the timeline by year, actors by kind, demands by who demands, positions
//! by issue (so one question reads across actors). The text of each row is
//! the UI's business; this is only structure, so navigation can skip
//! headings and find any entity's row in O(1).

use crate::model::{ActorKind, Brief, EntityRef, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A group heading; not selectable.
    Heading(Group),
    Item(EntityRef),
}

/// What a heading stands for; the UI words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Year(u16),
    ActorKind(ActorKind),
    /// The entity the group is about (the demanding actor, the issue).
    About(EntityRef),
}

#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// The kind of entity listed.
    kind: Option<Kind>,
    /// Row index of each entity of `kind`, by entity index; `u32::MAX`
    /// where a filter hides it. A plain array: looked up per search match.
    pos: Vec<u32>,
    /// How many items stand at or above each row ("12 of 340").
    ordinal: Vec<u32>,
    items: usize,
}

const HIDDEN: u32 = u32::MAX;

impl Rows {
    fn from_rows(rows: Vec<Row>, kind: Kind, entities: usize) -> Self {
        let mut pos = vec![HIDDEN; entities];
        let mut ordinal = Vec::with_capacity(rows.len());
        let mut items = 0;
        for (i, row) in rows.iter().enumerate() {
            if let Row::Item(e) = row {
                if let Some(slot) = pos.get_mut(e.index()) {
                    *slot = u32::try_from(i).unwrap_or(HIDDEN);
                }
                items += 1;
            }
            ordinal.push(u32::try_from(items).unwrap_or(u32::MAX));
        }
        Rows {
            rows,
            kind: Some(kind),
            pos,
            ordinal,
            items,
        }
    }

    /// How many entities the list shows.
    pub fn items(&self) -> usize {
        self.items
    }

    /// The item number of `row`, counted from 1 (headings count the item above).
    pub fn ordinal(&self, row: usize) -> usize {
        self.ordinal.get(row).map_or(0, |&n| n as usize)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn position(&self, r: EntityRef) -> Option<usize> {
        if Some(r.kind) != self.kind {
            return None;
        }
        self.pos
            .get(r.index())
            .filter(|&&p| p != HIDDEN)
            .map(|&p| p as usize)
    }

    pub fn item(&self, row: usize) -> Option<EntityRef> {
        match self.rows.get(row) {
            Some(Row::Item(r)) => Some(*r),
            _ => None,
        }
    }

    /// The nearest selectable row at or after `row` (or before, at the end).
    pub fn selectable_from(&self, row: usize, downward: bool) -> Option<usize> {
        let n = self.rows.len();
        if n == 0 {
            return None;
        }
        let row = row.min(n - 1);
        let is_item = |i: &usize| matches!(self.rows[*i], Row::Item(_));
        if downward {
            (row..n)
                .find(is_item)
                .or_else(|| (0..row).rev().find(is_item))
        } else {
            (0..=row)
                .rev()
                .find(is_item)
                .or_else(|| (row + 1..n).find(is_item))
        }
    }
}

/// The rows of the list for the entities of `kind` that `admit` lets through.
pub fn build(brief: &Brief, kind: Kind, admit: impl Fn(EntityRef) -> bool) -> Rows {
    let mut rows = Vec::with_capacity(brief.len(kind) + 16);
    let admitted = |i: &usize| admit(EntityRef::new(kind, *i));
    match kind {
        Kind::Event => {
            let mut year = None;
            for &i in brief.chronology() {
                if !admit(EntityRef { kind, index: i }) {
                    continue;
                }
                let y = brief.events[i as usize].date.year();
                if year != Some(y) {
                    rows.push(Row::Heading(Group::Year(y)));
                    year = Some(y);
                }
                rows.push(Row::Item(EntityRef { kind, index: i }));
            }
        }
        Kind::Actor => {
            let mut order: Vec<usize> = (0..brief.actors.len()).filter(admitted).collect();
            order.sort_by_key(|&i| brief.actors[i].kind);
            grouped(&mut rows, kind, order, |i| {
                Group::ActorKind(brief.actors[i].kind)
            });
        }
        Kind::Demand => {
            let mut order: Vec<usize> = (0..brief.demands.len()).filter(admitted).collect();
            order.sort_by_key(|&i| brief.demands[i].by);
            grouped(&mut rows, kind, order, |i| {
                Group::About(brief.demands[i].by)
            });
        }
        Kind::Position => {
            let mut order: Vec<usize> = (0..brief.positions.len()).filter(admitted).collect();
            order.sort_by_key(|&i| brief.positions[i].issue);
            grouped(&mut rows, kind, order, |i| {
                Group::About(brief.positions[i].issue)
            });
        }
        Kind::Issue | Kind::Source => {
            rows.extend(
                (0..brief.len(kind))
                    .filter(admitted)
                    .map(|i| Row::Item(EntityRef::new(kind, i))),
            );
        }
    }
    Rows::from_rows(rows, kind, brief.len(kind))
}

/// Rows in `order`, with a heading wherever the group changes. The sorts
/// above are stable, so within a group the author's order is kept.
fn grouped(rows: &mut Vec<Row>, kind: Kind, order: Vec<usize>, group: impl Fn(usize) -> Group) {
    let mut current = None;
    for i in order {
        let g = group(i);
        if current != Some(g) {
            rows.push(Row::Heading(g));
            current = Some(g);
        }
        rows.push(Row::Item(EntityRef::new(kind, i)));
    }
}
