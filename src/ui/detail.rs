//! The detail pane: the current document, laid out at the pane's width,
//! from the scroll line down, with the focused link in reverse video.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

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
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        put(frame.buffer_mut(), row, &spans);
    }
}

/// Draws `spans` along `row`, cut at its right edge, as a left-aligned
/// [`ratatui::text::Line`] would. A span of printable ASCII,
/// most of a brief, goes cell by cell; any other through ratatui's own
/// span drawing, which sets apart grapheme clusters (finding them is most
/// of the time a frame takes when all of it goes that way).
fn put(buf: &mut Buffer, row: Rect, spans: &[Span<'_>]) {
    let area = row.intersection(buf.area);
    let (mut x, y) = (area.x, area.y);
    for span in spans {
        if x >= area.right() || area.height == 0 {
            return;
        }
        let text = span.content.as_bytes();
        if text.iter().all(|b| matches!(b, b' '..=b'~')) {
            let room = usize::from(area.right() - x);
            for &b in text.iter().take(room) {
                buf[(x, y)].set_char(char::from(b)).set_style(span.style);
                x += 1;
            }
        } else {
            // As a Line does: a span of no width is not drawn at all.
            let width = span.width();
            if width > 0 {
                span.render(Rect::new(x, y, area.right() - x, 1), buf);
                x = x.saturating_add(u16::try_from(width).unwrap_or(u16::MAX));
            }
        }
    }
}
