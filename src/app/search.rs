//! Search as the reader uses it: `/` opens a prompt, matches update as you
//! type and the selection moves to the first one, `n` / `N` step through
//! them across tabs (or within one tab, when the search is scoped to it),
//! Esc clears.
//!
//! The matching itself is `crate::search`; this is the state around it.

use super::{App, Focus, Tab};
use crate::model::EntityRef;
use crate::search::fold;

/// Where a search looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Only the entities one tab lists.
    Tab(Tab),
}

#[derive(Debug, Clone)]
pub struct Search {
    pub query: String,
    /// `query`, case- and accent-folded, for matching and highlighting.
    pub folded: String,
    pub scope: Scope,
    /// The prompt is open and typing goes to the query.
    pub editing: bool,
    /// Matching entities in reading order: by tab, then by list row.
    pub matches: Vec<EntityRef>,
    /// Which match the reader is on, if on one.
    pub current: Option<usize>,
    /// Scratch for the index's results, kept to avoid an allocation per key.
    found: Vec<EntityRef>,
    /// Earlier (folded query, matches) while the query only grew: typing
    /// narrows the last matches, deleting a character takes them back.
    narrowed: Vec<(String, Vec<EntityRef>)>,
}

impl Search {
    fn new(scope: Scope) -> Self {
        Search {
            query: String::new(),
            folded: String::new(),
            scope,
            editing: true,
            matches: Vec::new(),
            current: None,
            found: Vec::new(),
            narrowed: Vec::new(),
        }
    }

    /// Highlighting is on while there is a query.
    pub fn active(&self) -> bool {
        !self.folded.is_empty()
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        let scope = match self.search.as_ref().map(|s| s.scope) {
            Some(scope) => scope,
            None => Scope::All,
        };
        self.search = Some(Search::new(scope));
    }

    pub(super) fn search_type(&mut self, c: char) {
        let Some(mut s) = self.search.take() else {
            return;
        };
        s.query.push(c);
        let folded = fold(&s.query);
        // A longer query matches a subset of what the shorter one did, in
        // the same order: filter those instead of searching everything.
        if !s.folded.is_empty() && folded.starts_with(&s.folded) {
            // The last matches stay for a step back; the new list holds only
            // what still matches, never a copy of them all.
            let index = self.index();
            let kept = s.matches.iter().copied();
            let kept = kept.filter(|r| index.contains(*r, &folded)).collect();
            let old = std::mem::replace(&mut s.matches, kept);
            s.narrowed
                .push((std::mem::replace(&mut s.folded, folded), old));
            self.show_first_match(s);
            return;
        }
        self.search = Some(s);
        self.rerun_search();
    }

    pub(super) fn search_delete(&mut self) {
        let Some(mut s) = self.search.take() else {
            return;
        };
        s.query.pop();
        let folded = fold(&s.query);
        if s.narrowed.last().is_some_and(|(q, _)| *q == folded) {
            if let Some((q, matches)) = s.narrowed.pop() {
                s.folded = q;
                s.matches = matches;
            }
            self.show_first_match(s);
            return;
        }
        self.search = Some(s);
        self.rerun_search();
    }

    pub(super) fn search_toggle_scope(&mut self) {
        let tab = self.tab;
        if let Some(s) = self.search.as_mut() {
            s.scope = match s.scope {
                Scope::All if tab.kind().is_some() => Scope::Tab(tab),
                _ => Scope::All,
            };
        }
        self.rerun_search();
    }

    /// Enter: keep the matches and leave the prompt; an empty query closes.
    pub(super) fn search_submit(&mut self) {
        match self.search.as_mut() {
            Some(s) if !s.query.is_empty() => s.editing = false,
            _ => self.search = None,
        }
    }

    pub(super) fn clear_search(&mut self) {
        self.search = None;
    }

    fn rerun_search(&mut self) {
        let Some(mut s) = self.search.take() else {
            return;
        };
        s.narrowed.clear();
        s.folded = fold(&s.query);
        self.index().search(&s.folded, &mut s.found);
        s.matches.clear();
        s.matches
            .extend(s.found.iter().copied().filter(|r| match s.scope {
                Scope::All => true,
                Scope::Tab(t) => Tab::for_kind(r.kind) == t,
            }));
        // Entities a filter hides cannot be shown, so they are not matches.
        s.matches.retain(|r| self.reading_order(*r).1 != usize::MAX);
        s.matches.sort_unstable_by_key(|r| self.reading_order(*r));
        self.show_first_match(s);
    }

    /// Puts the search back with the selection on its first match from here.
    fn show_first_match(&mut self, mut s: Search) {
        s.current = None;
        let first = self.first_match_from_here(&s.matches);
        self.search = Some(s);
        if let Some(n) = first {
            self.go_to_match(n);
        }
    }

    /// The first match at or after the selection, in reading order.
    fn first_match_from_here(&self, matches: &[EntityRef]) -> Option<usize> {
        if matches.is_empty() {
            return None;
        }
        let here = (self.tab as usize, self.state().selected);
        let at = matches.iter().position(|r| self.reading_order(*r) >= here);
        Some(at.unwrap_or(0))
    }

    /// Where `r` stands in reading order: its tab, then its list row
    /// (`usize::MAX` when a filter hides it).
    fn reading_order(&self, r: EntityRef) -> (usize, usize) {
        let tab = Tab::for_kind(r.kind) as usize;
        (tab, self.tabs[tab].rows.position(r).unwrap_or(usize::MAX))
    }

    pub(super) fn next_match(&mut self, forward: bool) {
        let Some(s) = self.search.as_ref() else {
            return;
        };
        let n = s.matches.len();
        if n == 0 {
            return;
        }
        let next = match s.current {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None => {
                let start = self.first_match_from_here(&s.matches).unwrap_or(0);
                // From a spot between matches, N goes to the one before it.
                if forward { start } else { (start + n - 1) % n }
            }
        };
        self.go_to_match(next);
    }

    /// Selects match `n` in its tab's list, keeping the focus where it is.
    fn go_to_match(&mut self, n: usize) {
        let Some(target) = self.search.as_ref().and_then(|s| s.matches.get(n).copied()) else {
            return;
        };
        let focus = self.focus();
        self.tab = Tab::for_kind(target.kind);
        let s = self.state_mut();
        if let Some(row) = s.rows.position(target) {
            if row != s.selected {
                s.scroll = 0;
                s.link = None;
            }
            s.selected = row;
        }
        s.focus = if focus == Focus::Detail {
            Focus::Detail
        } else {
            Focus::List
        };
        self.keep_selection_visible();
        if let Some(search) = self.search.as_mut() {
            search.current = Some(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;

    fn app() -> App {
        let brief = crate::bundled::brief().expect("the compiled-in brief");
        App::new(brief, (80, 24))
    }

    fn search(app: &mut App, query: &str) -> Vec<EntityRef> {
        app.update(Action::Search);
        query.chars().for_each(|c| app.update(Action::Type(c)));
        app.search.as_ref().expect("a search").matches.clone()
    }

    #[test]
    fn the_index_is_built_after_the_first_frame_or_by_the_first_search() {
        let mut lazy = app();
        assert!(lazy.index.is_none(), "App::new builds no index");
        assert!(lazy.xref.is_none(), "nor the backlinks");
        let mut prepared = app();
        prepared.update(Action::Prepare);
        assert!(prepared.index.is_some() && prepared.xref.is_some());
        let found = search(&mut lazy, "kabul");
        assert!(!found.is_empty());
        assert_eq!(found, search(&mut prepared, "kabul"));

        let mut palette = app();
        palette.update(Action::Jump);
        assert!(palette.index.is_some(), "the palette builds it too");
        assert!(palette.xref.is_some(), "any action builds the backlinks");
        assert!(palette.picker.is_some());
    }
}
