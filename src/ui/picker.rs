//! The picker overlay: a prompt, then the items that match it, best first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use super::theme;
use crate::app::picker::Picker;
use crate::model::Brief;
use crate::text::wrap::{fit, str_width};

pub fn draw(frame: &mut Frame, picker: &Picker, brief: &Brief, area: Rect) {
    let width = area.width.saturating_sub(4).min(76);
    let height = area.height.saturating_sub(2).min(22);
    if width < 12 || height < 5 {
        return;
    }
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height,
    };
    let title = format!(
        " {} — {} of {} ",
        picker.title,
        picker.shown().len(),
        picker.total()
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(fit(&title, usize::from(width).saturating_sub(2)).into_owned());
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let w = usize::from(inner.width);
    let prompt = Line::from(vec![
        Span::styled("› ", theme::prompt()),
        Span::styled(
            fit(&picker.query, w.saturating_sub(3)).into_owned(),
            theme::prompt(),
        ),
        Span::styled("▏", theme::meta()),
    ]);
    frame.render_widget(prompt, Rect { height: 1, ..inner });
    let rows = usize::from(inner.height.saturating_sub(1));
    // Keep the chosen item in view; draw only reads, so the window is derived.
    let first = picker.selected.saturating_sub(rows.saturating_sub(1));
    let shown = picker.shown();
    for (n, &i) in shown.iter().enumerate().skip(first).take(rows) {
        let detail = picker.detail(i, brief);
        let chosen = n == picker.selected;
        let marker = if chosen { "▸ " } else { "  " };
        let detail_w = str_width(&detail).min(w / 2);
        let text_w = w.saturating_sub(2 + detail_w + 1);
        let text = fit(picker.text(i), text_w);
        let pad = text_w.saturating_sub(str_width(&text));
        let line = Line::from(vec![
            Span::raw(marker),
            Span::raw(text.into_owned()),
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(fit(&detail, detail_w).into_owned(), theme::meta()),
        ]);
        let line = if chosen {
            line.style(theme::selected(true))
        } else {
            line
        };
        let y = inner.y + 1 + u16::try_from(n - first).unwrap_or(0);
        frame.render_widget(
            line,
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
    if shown.is_empty() {
        let y = inner.y + 1;
        frame.render_widget(
            Span::styled("nothing matches", theme::meta()),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
}
