//! The stance matrix of the Positions tab: actors as rows, issues as
//! columns, each cell the positions one actor holds on one issue. Built
//! once; the cursor is the only state that changes.

use crate::model::{Brief, EntityRef, Kind};

#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// Actors holding at least one position, in the Actors tab's order.
    pub actors: Vec<EntityRef>,
    /// Issues with at least one position, in the brief's order.
    pub issues: Vec<EntityRef>,
    /// The cells with positions behind them, by (row, column), sorted.
    /// Sparse: most actors take no position on most issues, and a dense
    /// grid of a large brief would hold millions of empty cells.
    cells: Vec<((usize, usize), Vec<EntityRef>)>,
}

impl Grid {
    pub fn build(brief: &Brief) -> Self {
        let mut actors: Vec<EntityRef> = brief.positions.iter().map(|p| p.actor).collect();
        actors.sort_by_key(|a| (brief.actors[a.index()].kind, a.index));
        actors.dedup();
        let mut issues: Vec<EntityRef> = brief.positions.iter().map(|p| p.issue).collect();
        issues.sort();
        issues.dedup();
        let mut placed: Vec<((usize, usize), EntityRef)> =
            Vec::with_capacity(brief.positions.len());
        for (i, p) in brief.positions.iter().enumerate() {
            let (Ok(row), Ok(col)) = (
                actors.binary_search_by_key(
                    &(brief.actors[p.actor.index()].kind, p.actor.index),
                    |a| (brief.actors[a.index()].kind, a.index),
                ),
                issues.binary_search(&p.issue),
            ) else {
                continue;
            };
            placed.push(((row, col), EntityRef::new(Kind::Position, i)));
        }
        // Stable: a cell's positions stay in the brief's order.
        placed.sort_by_key(|(at, _)| *at);
        let mut cells: Vec<((usize, usize), Vec<EntityRef>)> = Vec::new();
        for (at, r) in placed {
            match cells.last_mut() {
                Some((last, list)) if *last == at => list.push(r),
                _ => cells.push((at, vec![r])),
            }
        }
        Grid {
            actors,
            issues,
            cells,
        }
    }

    pub fn cell(&self, row: usize, col: usize) -> &[EntityRef] {
        self.cells
            .binary_search_by_key(&(row, col), |(at, _)| *at)
            .map_or(&[], |i| self.cells[i].1.as_slice())
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() || self.issues.is_empty()
    }
}

/// Where the matrix cursor is, and whether the matrix is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub on: bool,
    pub row: usize,
    pub col: usize,
}
