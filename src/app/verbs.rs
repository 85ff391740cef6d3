//! [`App::update`]: every action, routed to what is on top — help, then
//! an open picker, then the search prompt, then the matrix or the panes —
//! and the filling of the pickers it opens (palette, filter menus, the
//! positions behind a matrix cell).

use std::sync::Arc;

use super::filter::{self, Field};
use super::picker::{Choice, Item, Picker};
use super::{Action, App, Focus, Tab};
use crate::model::Kind;

impl App {
    pub fn update(&mut self, action: Action) {
        self.build_deferred();
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            self.keep_selection_visible();
            self.clamp_scroll();
            return;
        }
        if action == Action::Prepare {
            self.index();
            return;
        }
        if action == Action::Quit {
            self.quit = true;
        } else if self.help {
            self.update_help(action);
        } else if self.picker.is_some() {
            self.update_picker(action);
        } else if self.search.as_ref().is_some_and(|s| s.editing) {
            self.update_prompt(action);
        } else {
            self.update_reader(action);
        }
    }

    fn update_help(&mut self, action: Action) {
        match action {
            Action::ToggleHelp | Action::Leave => self.help = false,
            // The help has fewer lines than this; `ui` shows it clamped.
            Action::Down => self.help_scroll = (self.help_scroll + 1).min(200),
            Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            _ => {}
        }
    }

    fn update_picker(&mut self, action: Action) {
        let Some(p) = self.picker.as_mut() else {
            return;
        };
        match action {
            Action::Type(c) => p.type_char(c),
            Action::DeleteChar => p.delete_char(),
            Action::Down => p.move_by(1),
            Action::Up => p.move_by(-1),
            Action::PageDown => p.move_by(10),
            Action::PageUp => p.move_by(-10),
            Action::Leave => self.picker = None,
            Action::Submit => {
                let choice = p.chosen();
                self.picker = None;
                match choice {
                    Some(Choice::Entity(r)) => self.visit(r),
                    Some(Choice::Field(f)) => self.open_filter_values(f),
                    Some(Choice::Value(f, v)) => {
                        let mut filters = self.state().filters.clone();
                        filters.set(f, v);
                        self.set_filters(filters);
                    }
                    None => {}
                }
            }
            _ => {}
        }
    }

    fn update_prompt(&mut self, action: Action) {
        match action {
            Action::Type(c) => self.search_type(c),
            Action::DeleteChar => self.search_delete(),
            Action::ToggleScope => self.search_toggle_scope(),
            Action::Submit => self.search_submit(),
            Action::Leave => self.clear_search(),
            _ => {}
        }
    }

    fn update_reader(&mut self, action: Action) {
        match action {
            Action::ToggleHelp => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::NextTab => self.switch_tab(self.tab.next()),
            Action::PrevTab => self.switch_tab(self.tab.prev()),
            Action::GoTab(t) => self.switch_tab(t),
            Action::Search => self.open_search(),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::ClearSearch => self.clear_search(),
            Action::Jump => self.open_palette(),
            Action::Filter => self.open_filter_fields(),
            Action::ClearFilters => self.set_filters(filter::Filters::default()),
            Action::ToggleMatrix if self.tab == Tab::Positions => {
                self.matrix.on = !self.matrix.on;
            }
            Action::ToggleDisputes => {
                self.tab = Tab::Overview;
                self.disputes = !self.disputes;
                let s = self.state_mut();
                s.scroll = 0;
                s.link = None;
                self.focus_first_visible_link();
            }
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
            _ if self.matrix_shown() => self.update_matrix(action),
            Action::Open if self.current().is_some() => {
                self.state_mut().focus = Focus::Detail;
                if self.state().link.is_none() {
                    self.focus_first_visible_link();
                }
            }
            Action::Leave if self.tab.kind().is_some() => {
                self.state_mut().focus = Focus::List;
            }
            Action::FollowLink => {
                let n = self.state().link;
                if let Some(target) = n.and_then(|n| self.doc().links.get(n).copied()) {
                    self.visit(target);
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
            _ => {}
        }
    }

    fn update_matrix(&mut self, action: Action) {
        let rows = self.grid.actors.len();
        let cols = self.grid.issues.len();
        let m = &mut self.matrix;
        match action {
            Action::Down => m.row = (m.row + 1).min(rows.saturating_sub(1)),
            Action::Up => m.row = m.row.saturating_sub(1),
            Action::Right => m.col = (m.col + 1).min(cols.saturating_sub(1)),
            Action::Left => m.col = m.col.saturating_sub(1),
            Action::Top => m.row = 0,
            Action::Bottom => m.row = rows.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => {
                m.row = (m.row + 10).min(rows.saturating_sub(1));
            }
            Action::PageUp | Action::HalfPageUp => m.row = m.row.saturating_sub(10),
            Action::Open => {
                let cell = self.grid.cell(m.row, m.col).to_vec();
                match cell.as_slice() {
                    [] => {}
                    [one] => self.visit(*one),
                    several => {
                        let items = several
                            .iter()
                            .map(|r| Item {
                                text: self.brief.title(*r).into(),
                                detail: self.brief.positions[r.index()].stance.label().into(),
                                choice: Choice::Entity(*r),
                            })
                            .collect();
                        self.picker = Some(Picker::new("Positions in this cell", items));
                    }
                }
            }
            Action::Leave => m.on = false,
            _ => {}
        }
    }

    fn switch_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.keep_selection_visible();
    }

    fn open_palette(&mut self) {
        let index = Arc::clone(self.index());
        self.picker = Some(Picker::names("Jump to", index));
    }

    fn open_filter_fields(&mut self) {
        let fields = Field::for_tab(self.tab);
        if fields.is_empty() {
            return;
        }
        let filters = &self.state().filters;
        let items = fields
            .iter()
            .map(|f| Item {
                text: f.label().into(),
                detail: filters
                    .active
                    .iter()
                    .find(|(g, _)| g == f)
                    .map(|(_, v)| format!("now: {}", v.label(&self.brief)).into())
                    .unwrap_or_default(),
                choice: Choice::Field(*f),
            })
            .collect();
        self.picker = Some(Picker::new(
            format!("Filter {} by", self.tab.title()),
            items,
        ));
    }

    fn open_filter_values(&mut self, field: Field) {
        let values = filter::values(&self.brief, self.tab, field);
        let noun = self.tab.kind().map_or("entries", |k| match k {
            Kind::Event => "events",
            Kind::Demand => "demands",
            Kind::Position => "positions",
            _ => "entries",
        });
        let items = values
            .into_iter()
            .map(|(v, n)| Item {
                text: v.label(&self.brief).into(),
                detail: format!("{n} {noun}").into(),
                choice: Choice::Value(field, v),
            })
            .collect();
        self.picker = Some(Picker::new(
            format!("Show only {noun} with {}", field.label()),
            items,
        ));
    }
}
