//! A tab's list: only the rows on screen are turned into text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::highlight::marks;
use super::theme;
use crate::app::rows::{Group, Row};
use crate::app::{App, Focus};
use crate::model::{Brief, EntityRef, Kind, Stance};
use crate::text::wrap::fit;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let s = app.state();
    let focused = app.focus() == Focus::List;
    let width = usize::from(area.width);
    if s.rows.is_empty() {
        let why = if s.filters.is_empty() {
            let what = app.tab.kind().map_or("entries", |k| k.section());
            format!("No {what} in this brief.")
        } else {
            "Nothing matches the filter; F clears it.".to_owned()
        };
        let why = fit(&why, width).into_owned();
        frame.render_widget(Span::styled(why, theme::meta()), Rect { height: 1, ..area });
        return;
    }
    let rows = s
        .rows
        .rows
        .iter()
        .enumerate()
        .skip(s.offset)
        .take(usize::from(area.height));
    for (y, (i, row)) in (area.y..).zip(rows) {
        let line = match row {
            Row::Heading(g) => Line::from(Span::styled(
                fit(&heading(&app.brief, *g), width).into_owned(),
                theme::heading(),
            )),
            Row::Item(r) => {
                let selected = i == s.selected;
                let marker = if selected { "▸ " } else { "  " };
                let mut spans = vec![Span::raw(marker)];
                let query = app.search.as_ref().map(|s| s.folded.as_str());
                spans.extend(marks(item(&app.brief, *r), query));
                let line = Line::from(clip(spans, width));
                if selected && focused {
                    // The hardware cursor sits on the selection, so screen
                    // readers and braille displays follow it.
                    frame.set_cursor_position((area.x, y));
                }
                if selected {
                    line.style(theme::selected(focused))
                } else {
                    line
                }
            }
        };
        frame.render_widget(
            line,
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}

fn heading(brief: &Brief, g: Group) -> String {
    match g {
        Group::Year(y) => y.to_string(),
        Group::ActorKind(k) => k.label().to_owned(),
        Group::About(r) if r.kind == Kind::Actor => format!("By {}", brief.label(r)),
        Group::About(r) => brief.title(r).to_owned(),
    }
}

/// A glyph for a stance, so it reads without colour.
pub fn stance_glyph(s: Stance) -> &'static str {
    match s {
        Stance::Supports => "+",
        Stance::Opposes => "−",
        Stance::Conditional => "~",
        Stance::Ambiguous => "?",
    }
}

fn item(brief: &Brief, r: EntityRef) -> Vec<Span<'_>> {
    let i = r.index();
    match r.kind {
        Kind::Event => {
            let e = &brief.events[i];
            vec![
                Span::styled(format!("{:<12} ", e.date.display()), theme::meta()),
                Span::raw(e.title.as_str()),
            ]
        }
        Kind::Actor => {
            let a = &brief.actors[i];
            let mut v = vec![Span::raw(a.name.as_str())];
            if let Some(s) = a.short.as_ref().filter(|s| **s != a.name) {
                v.push(Span::styled(format!(" ({s})"), theme::meta()));
            }
            v
        }
        Kind::Demand => {
            let d = &brief.demands[i];
            vec![
                Span::raw(d.title.as_str()),
                Span::styled(format!(" · {}", d.status.label()), theme::meta()),
            ]
        }
        Kind::Position => {
            let p = &brief.positions[i];
            vec![
                Span::raw(format!("{} ", stance_glyph(p.stance))),
                Span::raw(brief.label(p.actor)),
                Span::styled(format!(" {}", p.stance.label()), theme::meta()),
            ]
        }
        Kind::Issue => vec![Span::raw(brief.issues[i].title.as_str())],
        Kind::Source => {
            let s = &brief.sources[i];
            vec![
                Span::raw(s.title.as_str()),
                Span::styled(format!(" · {}", s.kind.label()), theme::meta()),
            ]
        }
    }
}

/// Cuts spans to `width` cells, ending with "…" when something was cut.
fn clip(spans: Vec<Span<'_>>, width: usize) -> Vec<Span<'_>> {
    let mut out = Vec::with_capacity(spans.len());
    let mut left = width;
    for span in spans {
        let w = crate::text::wrap::str_width(&span.content);
        if w <= left {
            left -= w;
            out.push(span);
            continue;
        }
        let style: Style = span.style;
        out.push(Span::styled(fit(&span.content, left).into_owned(), style));
        break;
    }
    out
}
