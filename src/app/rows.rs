//! The order and grouping of each tab's list, computed once per brief.
//!
//! Which entities a tab lists, in what order, under which group headings:
//! the timeline by year, actors by kind, demands by who demands, positions
//! by issue (so one question reads across actors). The text of each row is
//! the UI's business; this is only structure, so navigation can skip
//! headings and find any entity's row in O(1).

use std::collections::HashMap;

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
    /// Row index of each listed entity.
    pos: HashMap<EntityRef, usize>,
}

impl Rows {
    fn from_rows(rows: Vec<Row>) -> Self {
        let pos = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| match r {
                Row::Item(e) => Some((*e, i)),
                Row::Heading(_) => None,
            })
            .collect();
        Rows { rows, pos }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn position(&self, r: EntityRef) -> Option<usize> {
        self.pos.get(&r).copied()
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
    Rows::from_rows(rows)
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
