//! The reader's state and the one place it changes: [`App::update`].
//!
//! Owns the current tab, each tab's selection and scroll, which pane has
//! the focus, the focused link, history and the help overlay. No I/O and
//! no drawing: `ui` reads an `&App`, `input` turns keys into [`Action`]s.

mod action;
pub mod detail;
pub mod history;
pub mod layout;
pub mod rows;
mod tab;

pub use action::Action;
pub use tab::Tab;

use crate::model::{Brief, EntityRef};
use crate::xref::Xref;
use history::History;
use layout::Panes;
use rows::Rows;

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
    pub xref: Xref,
    pub tab: Tab,
    tabs: Vec<TabState>,
    pub history: History<Place>,
    pub help: bool,
    pub help_scroll: usize,
    /// The terminal's size in cells.
    pub size: (u16, u16),
    pub quit: bool,
}

impl App {
    pub fn new(brief: Brief, size: (u16, u16)) -> Self {
        let xref = Xref::build(&brief);
        let tabs = Tab::ALL
            .iter()
            .map(|t| {
                let rows = t.kind().map(|k| rows::build(&brief, k)).unwrap_or_default();
                let selected = rows.selectable_from(0, true).unwrap_or(0);
                TabState {
                    rows,
                    selected,
                    focus: if t.kind().is_some() {
                        Focus::List
                    } else {
                        Focus::Detail
                    },
                    ..TabState::default()
                }
            })
            .collect();
        let mut app = App {
            brief,
            xref,
            tab: Tab::Overview,
            tabs,
            history: History::default(),
            help: false,
            help_scroll: 0,
            size,
            quit: false,
        };
        app.focus_first_visible_link();
        app
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
    pub fn doc(&self) -> detail::Doc<'_> {
        match self.current() {
            Some(r) => detail::entity(&self.brief, &self.xref, r),
            None if self.tab == Tab::Overview => detail::overview(&self.brief),
            None => detail::Doc::default(),
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

    pub fn update(&mut self, action: Action) {
        if self.help {
            match action {
                Action::ToggleHelp | Action::Leave => self.help = false,
                Action::Quit => self.quit = true,
                Action::Down => self.help_scroll += 1,
                Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::Resize(w, h) => self.size = (w, h),
                _ => {}
            }
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::NextTab => self.switch_tab(self.tab.next()),
            Action::PrevTab => self.switch_tab(self.tab.prev()),
            Action::GoTab(t) => self.switch_tab(t),
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.keep_selection_visible();
                self.clamp_scroll();
            }
            Action::Open => {
                if self.current().is_some() {
                    self.state_mut().focus = Focus::Detail;
                    if self.state().link.is_none() {
                        self.focus_first_visible_link();
                    }
                }
            }
            Action::Leave => {
                if self.tab.kind().is_some() {
                    self.state_mut().focus = Focus::List;
                }
            }
            Action::FollowLink => self.follow(),
            Action::Back => {
                if let Some(p) = self.history.back(self.place()) {
                    self.restore(p);
                }
            }
            Action::Forward => {
                if let Some(p) = self.history.forward(self.place()) {
                    self.restore(p);
                }
            }
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom => match self.focus() {
                Focus::List => self.move_selection(action),
                Focus::Detail => self.move_in_detail(action),
            },
        }
    }

    fn switch_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.keep_selection_visible();
    }

    /// Shows `target` in its tab's detail view.
    pub fn go_to(&mut self, target: EntityRef) {
        self.tab = Tab::for_kind(target.kind);
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

    fn follow(&mut self) {
        let Some(n) = self.state().link else { return };
        let Some(&target) = self.doc().links.get(n) else {
            return;
        };
        self.history.visit(self.place());
        self.go_to(target);
    }

    fn restore(&mut self, p: Place) {
        self.tab = p.tab;
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

    fn move_selection(&mut self, action: Action) {
        let page = self.list_height();
        let s = self.state_mut();
        let n = s.rows.len();
        if n == 0 {
            return;
        }
        let (target, down) = match action {
            Action::Down => (s.selected + 1, true),
            Action::Up => (s.selected.saturating_sub(1), false),
            Action::PageDown => (s.selected + page, true),
            Action::PageUp => (s.selected.saturating_sub(page), false),
            Action::HalfPageDown => (s.selected + page / 2, true),
            Action::HalfPageUp => (s.selected.saturating_sub(page / 2), false),
            Action::Top => (0, true),
            _ => (n - 1, false),
        };
        let target = target.min(n - 1);
        // Skip headings in the direction of travel; at the ends, stay put.
        let found = if down {
            (target..n).find(|&i| s.rows.item(i).is_some())
        } else {
            (0..=target).rev().find(|&i| s.rows.item(i).is_some())
        };
        if let Some(row) = found.or_else(|| s.rows.selectable_from(target, !down))
            && row != s.selected
        {
            s.selected = row;
            s.scroll = 0;
            s.link = None;
        }
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let h = self.list_height();
        let s = self.state_mut();
        // Show the group heading above the first item too.
        let top = if s.selected > 0 && s.rows.item(s.selected - 1).is_none() {
            s.selected - 1
        } else {
            s.selected
        };
        if top < s.offset {
            s.offset = top;
        } else if s.selected >= s.offset + h {
            s.offset = s.selected + 1 - h;
        }
        s.offset = s.offset.min(s.rows.len().saturating_sub(h));
    }

    fn clamp_scroll(&mut self) {
        let (w, h) = self.detail_size();
        let lines = self.doc().layout(w).lines.len();
        let s = self.state_mut();
        s.scroll = s.scroll.min(lines.saturating_sub(h));
    }

    /// Focuses the first link on screen, or none if none is.
    fn focus_first_visible_link(&mut self) {
        let (w, h) = self.detail_size();
        let doc = self.doc();
        let layout = doc.layout(w);
        let scroll = self.state().scroll;
        let link = layout
            .link_lines
            .iter()
            .position(|&l| l >= scroll && l < scroll + h);
        self.state_mut().link = link;
    }

    /// Reading the detail: arrows step through the links on screen and
    /// scroll when the next one is off it (as lynx and w3m do); pages scroll.
    fn move_in_detail(&mut self, action: Action) {
        let (w, h) = self.detail_size();
        let doc = self.doc();
        let layout = doc.layout(w);
        let lines = layout.lines.len();
        let max_scroll = lines.saturating_sub(h);
        let links = layout.link_lines;
        let TabState { scroll, link, .. } = *self.state();
        let visible = |l: usize, scroll: usize| l >= scroll && l < scroll + h;
        let (mut scroll, mut link) = (scroll, link);
        match action {
            Action::Down => {
                let next = link.map_or(0, |n| n + 1);
                match links.get(next) {
                    Some(&l) if visible(l, scroll) => link = Some(next),
                    Some(&l) if scroll == max_scroll || l < scroll => {
                        link = Some(next);
                        scroll = l.saturating_sub(h / 2).min(max_scroll);
                    }
                    _ => scroll = (scroll + 1).min(max_scroll),
                }
            }
            Action::Up => {
                let prev = match link {
                    Some(n) => n.checked_sub(1),
                    None => links.iter().rposition(|&l| l < scroll + h),
                };
                match prev.map(|p| (p, links[p])) {
                    Some((p, l)) if visible(l, scroll) => link = Some(p),
                    Some((p, l)) if scroll == 0 || l >= scroll + h => {
                        link = Some(p);
                        scroll = l.saturating_sub(h / 2).min(max_scroll);
                    }
                    _ => scroll = scroll.saturating_sub(1),
                }
            }
            Action::PageDown => scroll = (scroll + h.saturating_sub(1).max(1)).min(max_scroll),
            Action::PageUp => scroll = scroll.saturating_sub(h.saturating_sub(1).max(1)),
            Action::HalfPageDown => scroll = (scroll + (h / 2).max(1)).min(max_scroll),
            Action::HalfPageUp => scroll = scroll.saturating_sub((h / 2).max(1)),
            Action::Top => scroll = 0,
            _ => scroll = max_scroll,
        }
        // A focused link that scrolled away gives way to one on screen.
        if link.is_none_or(|n| !visible(links[n], scroll)) {
            link = links.iter().position(|&l| visible(l, scroll));
        }
        let s = self.state_mut();
        s.scroll = scroll;
        s.link = link;
    }
}
