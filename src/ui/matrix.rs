//! The stance matrix: actors down, issues across, a glyph per cell so it
//! reads without colour (+ supports, − opposes, ~ conditional,
//! ? ambiguous, * mixed, · none). Below it, what the cursor's cell holds.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{list::stance_glyph, theme};
use crate::app::App;
use crate::text::wrap::fit;

const CELL: usize = 4;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let grid = &app.grid;
    let m = app.matrix;
    let w = usize::from(area.width);
    let label_w = (w / 3).clamp(8, 26);
    let cols = ((w.saturating_sub(label_w)) / CELL).max(1);
    let legend_h = 4usize;
    let rows = usize::from(area.height).saturating_sub(2 + legend_h).max(1);
    // The window follows the cursor; derived here, nothing is stored.
    let col0 = m.col.saturating_sub(cols - 1);
    let row0 = m.row.saturating_sub(rows - 1);
    let mut out = Lines { area, y: area.y };
    let mut line = |frame: &mut Frame, l: Line<'_>| out.put(frame, l);
    line(
        frame,
        Line::from(Span::styled(
            fit(
                "+ supports  − opposes  ~ conditional  ? ambiguous  * mixed  · none",
                w,
            )
            .into_owned(),
            theme::meta(),
        )),
    );
    let mut header = vec![Span::raw(" ".repeat(label_w))];
    for c in col0..(col0 + cols).min(grid.issues.len()) {
        let style = if c == m.col {
            theme::pane_title()
        } else {
            theme::meta()
        };
        header.push(Span::styled(format!("{:^CELL$}", c + 1), style));
    }
    if col0 + cols < grid.issues.len() {
        header.push(Span::styled("›", theme::meta()));
    }
    line(frame, Line::from(header));
    for r in row0..(row0 + rows).min(grid.actors.len()) {
        let actor = grid.actors[r];
        let label = fit(app.brief.label(actor), label_w - 1).into_owned();
        let mut spans = vec![Span::styled(
            format!("{label:<width$} ", width = label_w - 1),
            if r == m.row {
                theme::pane_title()
            } else {
                theme::tab()
            },
        )];
        for c in col0..(col0 + cols).min(grid.issues.len()) {
            let cell = grid.cell(r, c);
            let stances: Vec<_> = cell
                .iter()
                .map(|p| app.brief.positions[p.index()].stance)
                .collect();
            let (glyph, style) = match stances.as_slice() {
                [] => ("·", theme::meta()),
                [s, rest @ ..] if rest.iter().all(|x| x == s) => {
                    (stance_glyph(*s), theme::stance(*s))
                }
                _ => ("*", theme::pane_title()),
            };
            let style = if r == m.row && c == m.col {
                style.patch(theme::selected(true))
            } else {
                style
            };
            spans.push(Span::styled(format!(" {glyph}  "), style));
        }
        line(frame, Line::from(spans));
    }
    // The legend: the cursor's issue and what its cell holds.
    let legend_y = area.y
        + area
            .height
            .saturating_sub(u16::try_from(legend_h).unwrap_or(4));
    let mut out = Lines {
        area,
        y: out.y.max(legend_y),
    };
    let mut line = |frame: &mut Frame, l: Line<'_>| out.put(frame, l);
    if let (Some(&issue), Some(&actor)) = (grid.issues.get(m.col), grid.actors.get(m.row)) {
        let b = &app.brief;
        line(
            frame,
            Line::from(Span::styled(
                fit(&format!("{}: {}", m.col + 1, b.title(issue)), w).into_owned(),
                theme::heading(),
            )),
        );
        let cell = grid.cell(m.row, m.col);
        if cell.is_empty() {
            line(
                frame,
                Line::from(Span::styled(
                    fit(
                        &format!("{} takes no position on it in this brief", b.label(actor)),
                        w,
                    )
                    .into_owned(),
                    theme::meta(),
                )),
            );
        }
        for p in cell.iter().take(legend_h - 1) {
            let x = &b.positions[p.index()];
            let text = format!(
                "{} {} — {} ({})",
                stance_glyph(x.stance),
                b.label(actor),
                x.title,
                x.certainty.label()
            );
            line(frame, Line::from(Span::raw(fit(&text, w).into_owned())));
        }
    }
}

/// Lines written one under the other, never past the area.
struct Lines {
    area: Rect,
    y: u16,
}

impl Lines {
    fn put(&mut self, frame: &mut Frame, l: Line<'_>) {
        if self.y < self.area.y + self.area.height {
            frame.render_widget(l, Rect::new(self.area.x, self.y, self.area.width, 1));
            self.y += 1;
        }
    }
}
