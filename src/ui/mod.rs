//! Pure rendering from `&App`: nothing here changes state.
//!
//! One function per part of the screen: the tab bar, the pane titles, the
//! list ([`list`]), the detail ([`detail`]), the stance matrix
//! ([`matrix`]), the footer, and the overlays ([`picker`], [`help`]); search
//! matches are marked by [`highlight`], and [`finish`] takes colour or
//! non-ASCII away for terminals that cannot show them. Geometry comes from
//! `app::layout`, shared with `update`, so both agree on what is visible.

mod detail;
mod finish;
mod help;
mod highlight;
mod list;
mod matrix;
mod picker;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::layout::Area;
use crate::app::{App, Focus, Tab};
use crate::input;
use crate::text::wrap::fit;

fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

pub fn draw(frame: &mut Frame, app: &App) {
    draw_all(frame, app);
    finish::finish(frame.buffer_mut(), app.display);
}

fn draw_all(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(panes) = app.panes() else {
        let msg = "Terminal too small for brief: enlarge it, or press q to quit.";
        let para = Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(para, area);
        return;
    };
    tabs(frame, app, rect(panes.tabs));
    if app.matrix_shown() {
        let body = rect(panes.body);
        let title = fit(
            "Stance matrix · actors × issues · Enter opens · m or Esc: the list",
            usize::from(area.width),
        );
        frame.render_widget(
            Span::styled(title.into_owned(), theme::pane_title()),
            Rect::new(0, panes.tabs.y + 1, area.width, 1),
        );
        matrix::draw(frame, app, body);
        footer(frame, app, rect(panes.footer), input::context(app));
        overlays(frame, app, area);
        return;
    }
    let doc = app.doc();
    let width = panes.detail.map_or(1, |d| usize::from(d.width).max(1));
    let layout = doc.layout(width);
    titles(frame, app, &panes, layout.lines.len());
    if let Some(l) = panes.list {
        list::draw(frame, app, rect(l));
    }
    if let Some(d) = panes.divider {
        for y in d.y..d.y + d.height {
            frame.render_widget(Span::styled("│", theme::rule()), Rect::new(d.x, y, 1, 1));
        }
    }
    if let Some(d) = panes.detail {
        detail::draw(frame, app, rect(d), &layout);
    }
    let context = input::context(app);
    footer(frame, app, rect(panes.footer), context);
    overlays(frame, app, area);
}

fn overlays(frame: &mut Frame, app: &App, area: Rect) {
    if let Some(p) = &app.picker {
        picker::draw(frame, p, &app.brief, area);
    }
    if app.help {
        let under = if app.matrix_shown() {
            input::Context::Matrix
        } else if app.focus() == Focus::Detail {
            input::Context::Detail
        } else {
            input::Context::List
        };
        help::draw(frame, app, area, under);
    }
}

fn tabs(frame: &mut Frame, app: &App, area: Rect) {
    let long =
        Tab::ALL.iter().map(|t| t.title().len() + 4).sum::<usize>() <= usize::from(area.width);
    let spans: Vec<Span<'_>> = Tab::ALL
        .iter()
        .enumerate()
        .map(|(n, t)| {
            let current = *t == app.tab;
            let text = if long || current {
                format!(" {} {} ", n + 1, t.title())
            } else {
                format!(" {} ", n + 1)
            };
            Span::styled(
                text,
                if current {
                    theme::tab_current()
                } else {
                    theme::tab()
                },
            )
        })
        .collect();
    frame.render_widget(Line::from(spans), area);
}

/// The line under the tabs: which entry of the list is shown, and where
/// in the detail the reader is.
fn titles(frame: &mut Frame, app: &App, panes: &crate::app::layout::Panes, lines: usize) {
    let s = app.state();
    let y = panes.tabs.y + 1;
    let position = app.tab.kind().map(|_| {
        let n = s.rows.items();
        let at = s.rows.ordinal(s.selected);
        let filters = &s.filters;
        if filters.is_empty() {
            format!("{} {}/{}", app.tab.title(), at, n)
        } else {
            format!(
                "{} {}/{} · only {} (F clears)",
                app.tab.title(),
                at,
                n,
                filters.describe(&app.brief)
            )
        }
    });
    if let (Some(l), Some(text)) = (panes.list, &position) {
        let text = fit(text, usize::from(l.width)).into_owned();
        frame.render_widget(
            Span::styled(text, theme::pane_title()),
            Rect::new(l.x, y, l.width, 1),
        );
    }
    if let Some(d) = panes.detail {
        let h = usize::from(d.height);
        let scrolled = if lines <= h {
            String::new()
        } else {
            let last = (s.scroll + h).min(lines);
            format!("lines {}–{} of {}", s.scroll + 1, last, lines)
        };
        // Alone on a narrow screen, the detail says which entry it is.
        let title = match (&position, panes.list) {
            (Some(p), None) => p.clone(),
            _ if app.tab == Tab::Overview && app.disputes => {
                "Disputed claims (D: back to the overview)".to_owned()
            }
            _ if app.tab == Tab::Overview => "Overview (D: disputed claims)".to_owned(),
            _ => String::new(),
        };
        let room = usize::from(d.width).saturating_sub(scrolled.chars().count() + 1);
        let line = Line::from(vec![
            Span::styled(format!("{:<room$}", fit(&title, room)), theme::pane_title()),
            Span::raw(" "),
            Span::styled(scrolled, theme::meta()),
        ]);
        frame.render_widget(line, Rect::new(d.x, y, d.width, 1));
    }
}

fn footer(frame: &mut Frame, app: &App, area: Rect, context: input::Context) {
    let width = usize::from(area.width);
    let mut spans = Vec::new();
    let mut used = 0;
    if let Some(search) = &app.search {
        let scope = match search.scope {
            crate::app::search::Scope::All => "all tabs".to_owned(),
            crate::app::search::Scope::Tab(t) => t.title().to_owned(),
        };
        let count = match (search.current, search.matches.len()) {
            (_, 0) if search.active() => "no match".to_owned(),
            (_, 0) => String::new(),
            (Some(c), n) => format!("match {} of {n}", c + 1),
            (None, n) => format!("{n} matches"),
        };
        let query = crate::text::one_line(&search.query);
        if search.editing {
            let x = 1 + crate::text::wrap::str_width(&query);
            let x = u16::try_from(x)
                .unwrap_or(u16::MAX)
                .min(area.width.saturating_sub(1));
            frame.set_cursor_position((area.x + x, area.y));
        }
        let text = if search.editing {
            format!("/{query}  {count} in {scope}  ")
        } else {
            format!("/{query} {count}  ")
        };
        let text = fit(&text, width).into_owned();
        used += crate::text::wrap::str_width(&text);
        spans.push(Span::styled(text, theme::prompt()));
    }
    for (keys, word) in input::footer(context) {
        let pointless = (word == "back" && !app.history.can_back())
            || (word == "list" && app.tab.kind().is_none())
            || (word == "filter" && crate::app::filter::Field::for_tab(app.tab).is_empty());
        if pointless {
            continue;
        }
        let n = keys.chars().count() + word.chars().count() + 3;
        if used + n > width {
            break;
        }
        used += n;
        spans.push(Span::styled(keys, theme::footer_key()));
        spans.push(Span::styled(format!(" {word}  "), theme::footer()));
    }
    frame.render_widget(Line::from(spans), area);
}
