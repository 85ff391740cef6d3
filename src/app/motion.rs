//! Moving through what is on screen: the selection in a list, the focused
//! link and the scroll of the detail view, each kept in view of the panes'
//! geometry.

use super::{Action, App, TabState};

impl App {
    pub(super) fn move_selection(&mut self, action: Action) {
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

    pub(super) fn keep_selection_visible(&mut self) {
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

    pub(super) fn clamp_scroll(&mut self) {
        let (w, h) = self.detail_size();
        let lines = self.doc().layout(w).lines.len();
        let s = self.state_mut();
        s.scroll = s.scroll.min(lines.saturating_sub(h));
    }

    /// Focuses the first link on screen, or none if none is.
    pub(super) fn focus_first_visible_link(&mut self) {
        let (w, h) = self.detail_size();
        let doc = self.doc();
        let scroll = self.state().scroll;
        let layout = doc.layout_to(w, scroll.saturating_add(h));
        let link = layout
            .link_lines
            .iter()
            .position(|&l| l >= scroll && l < scroll + h);
        self.state_mut().link = link;
    }

    /// Reading the detail: arrows step through the links on screen and
    /// scroll when the next one is off it (as lynx and w3m do); pages scroll.
    pub(super) fn move_in_detail(&mut self, action: Action) {
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
