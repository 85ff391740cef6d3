//! The detail pane: the current document, laid out at the pane's width,
//! from the scroll line down, with the focused link in reverse video.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::highlight::marks;
use super::theme;
use crate::app::doc::{Layout, Style};
use crate::app::{App, Focus};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, layout: &Layout<'_>) {
    let s = app.state();
    let focused = if app.focus() == Focus::Detail {
        s.link
    } else {
        None
    };
    let query = app.search.as_ref().map(|s| s.folded.as_str());
    let lines = layout
        .lines
        .iter()
        .skip(s.scroll)
        .take(usize::from(area.height));
    let mut cursor_placed = false;
    for (y, line) in (area.y..).zip(lines) {
        let mut spans = Vec::with_capacity(line.pieces.len() + 1);
        let indent = usize::from(line.indent);
        if let Some(marker) = line.marker {
            let pad = indent.saturating_sub(marker.chars().count());
            spans.push(Span::raw(format!("{}{marker}", " ".repeat(pad))));
        } else if indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        // The hardware cursor goes to the focused link, for screen readers.
        let mut x = indent;
        for p in &line.pieces {
            if !cursor_placed && focused.is_some_and(|n| p.tag == Style::Link(n)) {
                cursor_placed = true;
                let col = area.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
                frame.set_cursor_position((col.min(area.right().saturating_sub(1)), y));
                break;
            }
            x += p.width;
        }
        let pieces = line
            .pieces
            .iter()
            .map(|p| Span::styled(p.text, theme::detail(p.tag, focused)))
            .collect();
        spans.extend(marks(pieces, query));
        frame.render_widget(
            Line::from(spans),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}
