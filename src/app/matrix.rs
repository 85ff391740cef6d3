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
    /// `cells[row][col]`: the positions behind a cell.
    pub cells: Vec<Vec<Vec<EntityRef>>>,
}

impl Grid {
    pub fn build(brief: &Brief) -> Self {
        let mut actors: Vec<EntityRef> = brief.positions.iter().map(|p| p.actor).collect();
        actors.sort_by_key(|a| (brief.actors[a.index()].kind, a.index));
        actors.dedup();
        let mut issues: Vec<EntityRef> = brief.positions.iter().map(|p| p.issue).collect();
        issues.sort();
        issues.dedup();
        let mut cells = vec![vec![Vec::new(); issues.len()]; actors.len()];
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
            cells[row][col].push(EntityRef::new(Kind::Position, i));
        }
        Grid {
            actors,
            issues,
            cells,
        }
    }

    pub fn cell(&self, row: usize, col: usize) -> &[EntityRef] {
        self.cells
            .get(row)
            .and_then(|r| r.get(col))
            .map_or(&[], Vec::as_slice)
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
