//! The help overlay: every binding for where the reader is, generated from
//! the binding table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme;
use crate::app::App;
use crate::input::{self, Context};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, under: Context) {
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (ctx, bindings) in input::help(under) {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(ctx.title(), theme::heading())));
        for (keys, what) in bindings {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<24}"), theme::footer_key()),
                Span::raw(what),
            ]));
        }
    }
    let width = area.width.saturating_sub(4).min(72);
    let height = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    if width < 10 || height < 3 {
        return;
    }
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    // Draw only reads: an over-large scroll is shown clamped, not corrected.
    let max = lines.len().saturating_sub(usize::from(height - 2));
    let scroll = u16::try_from(app.help_scroll.min(max)).unwrap_or(0);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keys — Esc or ? to close ");
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), rect);
}
