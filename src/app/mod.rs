//! The reader's state and the one place it changes: [`App::update`].
//!
//! Owns the current tab, each tab's selection, scroll, focus and filters,
//! the focused link, history, search, the open picker (palette, filter
//! menus), the stance matrix cursor and the help overlay. No I/O and no
//! drawing: `ui` reads an `&App`, `input` turns keys into [`Action`]s.
//! The submodules add `impl App` blocks for one concern each.

mod action;
pub mod detail;
pub mod disputes;
pub mod doc;
pub mod filter;
pub mod history;
pub mod layout;
pub mod matrix;
mod motion;
pub mod picker;
pub mod rows;
pub mod search;
mod tab;
mod verbs;

pub use action::Action;
pub use tab::Tab;

use std::sync::Arc;

use crate::model::{Brief, EntityRef};
use crate::search::Index;
use crate::xref::Xref;
use history::History;
use layout::Panes;
use rows::Rows;

/// How the screen may be drawn: decided once at start (see `crate::env`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Display {
    /// Colours allowed; without, only reverse video, bold and underline.
    pub color: bool,
    /// Only ASCII reaches the terminal: borders, glyphs and text.
    pub ascii: bool,
}

impl Default for Display {
    fn default() -> Self {
        Display {
            color: true,
            ascii: false,
        }
    }
}

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// One tab's list position and detail view.
#[derive(Debug, Clone, Default)]
pub struct TabState {
    pub rows: Rows,
    pub filters: filter::Filters,
    /// The selected row (always an item row when the list has any).
    pub selected: usize,
    /// The first list row on screen.
    pub offset: usize,
    /// The first detail line on screen.
    pub scroll: usize,
    /// The focused link of the detail view, by its number in the document.
    pub link: Option<usize>,
    pub focus: Focus,
}

/// Where the reader is: what history records and Back restores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub tab: Tab,
    pub entity: Option<EntityRef>,
    pub focus: Focus,
    pub scroll: usize,
    pub link: Option<usize>,
}

pub struct App {
    pub brief: Brief,
    /// The backlinks, built on [`Action::Prepare`] or the first action of
    /// any kind: the overview, which the reader opens on, needs none.
    xref: Option<Xref>,
    /// Built on [`Action::Prepare`] or the first search or palette,
    /// not in [`App::new`]: it is most of the work before the first frame.
    /// Shared with the jump palette, which reads its names in place.
    index: Option<Arc<Index>>,
    /// Whether the list tabs' rows and [`App::grid`] are built: with the
    /// backlinks, and like them not needed by the overview.
    lists: bool,
    /// The stance matrix (empty until the first action).
    pub grid: matrix::Grid,
    pub tab: Tab,
    tabs: Vec<TabState>,
    pub history: History<Place>,
    pub search: Option<search::Search>,
    pub picker: Option<picker::Picker>,
    pub matrix: matrix::Cursor,
    /// The Overview tab shows the disputed claims instead of the summary.
    pub disputes: bool,
    pub help: bool,
    pub help_scroll: usize,
    pub display: Display,
    /// The terminal's size in cells.
    pub size: (u16, u16),
    pub quit: bool,
}

impl App {
    pub fn new(brief: Brief, size: (u16, u16)) -> Self {
        // The list tabs' rows come with the backlinks, before the first
        // action (see `build_deferred`).
        let tabs = Tab::ALL
            .iter()
            .map(|t| TabState {
                focus: if t.kind().is_some() {
                    Focus::List
                } else {
                    Focus::Detail
                },
                ..TabState::default()
            })
            .collect();
        let mut app = App {
            brief,
            xref: None,
            index: None,
            lists: false,
            grid: matrix::Grid::default(),
            tab: Tab::Overview,
            tabs,
            history: History::default(),
            search: None,
            picker: None,
            matrix: matrix::Cursor::default(),
            disputes: false,
            help: false,
            help_scroll: 0,
            display: Display::default(),
            size,
            quit: false,
        };
        app.focus_first_visible_link();
        app
    }

    /// Builds what [`App::new`] leaves out, the overview needing none of
    /// it: the backlinks (see [`App::xref`]), the list tabs' rows and the
    /// stance matrix. Every action calls it first, so every screen an
    /// action can reach has them.
    fn build_deferred(&mut self) {
        if self.xref.is_none() {
            self.xref = Some(Xref::build(&self.brief));
        }
        if !self.lists {
            self.lists = true;
            self.grid = matrix::Grid::build(&self.brief);
            for (tab, state) in Tab::ALL.iter().zip(&mut self.tabs) {
                if let Some(kind) = tab.kind() {
                    state.rows = rows::build(&self.brief, kind, |_| true);
                    state.selected = state.rows.selectable_from(0, true).unwrap_or(0);
                }
            }
        }
    }

    /// The backlinks. Every action builds them first, so they are there
    /// for any entry a reader can reach; before the first action, when only
    /// the overview (which lists none) can be on screen, there are none,
    /// so drawing never has to build them.
    pub fn xref(&self) -> &Xref {
        static NONE: Xref = Xref::NONE;
        self.xref.as_ref().unwrap_or(&NONE)
    }

    /// The search index, built the first time it is needed.
    fn index(&mut self) -> &Arc<Index> {
        self.index
            .get_or_insert_with(|| Arc::new(Index::build(&self.brief)))
    }

    pub fn state(&self) -> &TabState {
        &self.tabs[self.tab as usize]
    }

    fn state_mut(&mut self) -> &mut TabState {
        &mut self.tabs[self.tab as usize]
    }

    pub fn focus(&self) -> Focus {
        self.state().focus
    }

    /// Is the stance matrix what the Positions tab shows now?
    pub fn matrix_shown(&self) -> bool {
        self.tab == Tab::Positions && self.matrix.on && !self.grid.is_empty()
    }

    /// The entity the detail view shows (`None` on the overview).
    pub fn current(&self) -> Option<EntityRef> {
        let s = self.state();
        self.tab.kind().and_then(|_| s.rows.item(s.selected))
    }

    pub fn panes(&self) -> Option<Panes> {
        Panes::compute(
            self.size.0,
            self.size.1,
            self.tab.kind().is_some(),
            self.focus() == Focus::Detail,
        )
    }

    /// The document the detail pane shows now.
    pub fn doc(&self) -> doc::Doc<'_> {
        match self.current() {
            Some(r) => detail::entity(&self.brief, self.xref(), r),
            None if self.tab == Tab::Overview && self.disputes => disputes::doc(&self.brief),
            None if self.tab == Tab::Overview => detail::overview(&self.brief),
            None => doc::Doc::default(),
        }
    }

    /// The detail pane's width and height, as if it were shown.
    fn detail_size(&self) -> (usize, usize) {
        let panes = Panes::compute(self.size.0, self.size.1, self.tab.kind().is_some(), true);
        panes.and_then(|p| p.detail).map_or((1, 1), |a| {
            (usize::from(a.width).max(1), usize::from(a.height).max(1))
        })
    }

    fn list_height(&self) -> usize {
        let panes = Panes::compute(self.size.0, self.size.1, true, false);
        panes
            .and_then(|p| p.list)
            .map_or(1, |a| usize::from(a.height).max(1))
    }

    pub fn place(&self) -> Place {
        let s = self.state();
        Place {
            tab: self.tab,
            entity: self.current(),
            focus: s.focus,
            scroll: s.scroll,
            link: s.link,
        }
    }

    /// Shows `target` in its tab's detail view.
    pub fn go_to(&mut self, target: EntityRef) {
        self.tab = Tab::for_kind(target.kind);
        if self.state().rows.position(target).is_none() {
            // A filter hides it: lift the tab's filters rather than fail.
            self.set_filters(filter::Filters::default());
        }
        self.matrix.on = false;
        let s = self.state_mut();
        if let Some(row) = s.rows.position(target) {
            s.selected = row;
        }
        s.focus = Focus::Detail;
        s.scroll = 0;
        s.link = None;
        self.keep_selection_visible();
        self.focus_first_visible_link();
    }

    /// Following a link or a jump: a history entry, then the target.
    pub(super) fn visit(&mut self, target: EntityRef) {
        self.history.visit(self.place());
        self.go_to(target);
    }

    fn restore(&mut self, p: Place) {
        self.tab = p.tab;
        if let Some(e) = p.entity
            && self.state().rows.position(e).is_none()
        {
            self.set_filters(filter::Filters::default());
        }
        let s = self.state_mut();
        if let Some(row) = p.entity.and_then(|e| s.rows.position(e)) {
            s.selected = row;
        }
        s.focus = p.focus;
        s.scroll = p.scroll;
        s.link = p.link;
        self.keep_selection_visible();
        self.clamp_scroll();
    }

    /// Replaces the current tab's filters and rebuilds its list, keeping
    /// the selected entity selected when it still shows.
    pub(super) fn set_filters(&mut self, filters: filter::Filters) {
        let Some(kind) = self.tab.kind() else { return };
        let keep = self.current();
        let rows = rows::build(&self.brief, kind, |r| filters.admit(&self.brief, r));
        let s = self.state_mut();
        s.rows = rows;
        s.filters = filters;
        s.offset = 0;
        match keep.and_then(|r| s.rows.position(r)) {
            Some(row) => s.selected = row,
            None => {
                s.selected = s.rows.selectable_from(0, true).unwrap_or(0);
                s.scroll = 0;
                s.link = None;
            }
        }
        self.keep_selection_visible();
    }
}
