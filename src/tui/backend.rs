//! ratatui's crossterm backend with a quicker, leaner `draw`.
//!
//! Quicker: ratatui's `CrosstermBackend::draw` sends every cell's text
//! through crossterm's `Print` command, which formats it with `write!`:
//! most of the time a first frame takes to encode (1,920 cells at 80×24).
//! Here a cell's text is copied as it is, and only what changes between
//! cells (a cursor move, colours, attributes) goes through crossterm's
//! commands, in the order ratatui sends them.
//!
//! Leaner: ratatui sends only the cells that changed, and crossterm moves
//! the cursor over each run it skips, six bytes or more a time, though
//! most runs are the single space between two words. Where the skipped
//! cells are plain spaces on the background being written with, spaces
//! are sent instead, when that is shorter: the screen looks the same, and
//! a first frame takes about a third fewer bytes. To know what is under
//! the cursor, the backend keeps what it has drawn ([`Shown`]); where that
//! is in doubt (after text the terminal may measure otherwise than ratatui,
//! after a clear it cannot follow), it moves the cursor as crossterm does.
//!
//! Tests hold the screen a terminal makes of our bytes equal to what it
//! makes of ratatui's, for random cells and frames, and our bytes never
//! more. Everything but `draw` and the clears is ratatui's own.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

use crate::text::wrap::str_width;

/// ratatui's [`CrosstermBackend`] writing to `W`, but for [`Backend::draw`].
pub struct Quick<W: Write> {
    inner: CrosstermBackend<W>,
    shown: Shown,
}

impl<W: Write> Quick<W> {
    /// A backend for a blank screen of `size` (columns, rows): the
    /// alternate screen as a terminal enters it.
    pub fn new(writer: W, size: (u16, u16)) -> Self {
        let mut shown = Shown::unknown(size);
        shown.blank_from(0, 0);
        Quick {
            inner: CrosstermBackend::new(writer),
            shown,
        }
    }

    /// The terminal is now `size`; what it shows is unknown until ratatui
    /// clears it, as it does on a resize.
    pub fn resize(&mut self, size: (u16, u16)) {
        self.shown = Shown::unknown(size);
    }
}

/// What the backend knows of the screen: for each cell, the background of
/// the plain space it shows, or nothing (text, an underlined or reversed
/// space, or not known); and where the cursor is, when that is known.
struct Shown {
    width: u16,
    cells: Vec<Option<Color>>,
    cursor: Option<(u16, u16)>,
}

/// Attributes that show on a space: it cannot stand in for a plain one.
const SHOWS_ON_SPACE: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT);

impl Shown {
    fn unknown((width, height): (u16, u16)) -> Shown {
        Shown {
            width,
            cells: vec![None; usize::from(width) * usize::from(height)],
            cursor: None,
        }
    }

    fn rows(&self) -> u16 {
        let rows = self.cells.len() / usize::from(self.width.max(1));
        u16::try_from(rows).unwrap_or(u16::MAX)
    }

    fn at(&self, x: u16, y: u16) -> usize {
        usize::from(y) * usize::from(self.width) + usize::from(x)
    }

    /// Cleared, with the default background, from (x, y) to the end.
    fn blank_from(&mut self, x: u16, y: u16) {
        let from = self.at(x, y).min(self.cells.len());
        self.cells[from..].fill(Some(Color::Reset));
    }

    /// Not known from (x, y) to the end of its row.
    fn forget_rest_of_row(&mut self, x: u16, y: u16) {
        let (from, end) = (self.at(x, y), self.at(0, y) + usize::from(self.width));
        let end = end.min(self.cells.len());
        if let Some(cells) = self.cells.get_mut(from..end) {
            cells.fill(None);
        }
    }

    /// `cell` is written at (x, y).
    fn write(&mut self, x: u16, y: u16, cell: &Cell) {
        if self.cursor != Some((x, y)) {
            // Where the text lands is not known: after text of another width
            // on this row, all from there on is already forgotten.
            self.cursor = None;
            return;
        }
        let symbol = cell.symbol();
        let narrow = match symbol.as_bytes() {
            [b] => (b' '..=b'~').contains(b),
            _ => symbol.chars().nth(1).is_none() && str_width(symbol) == 1,
        };
        if narrow {
            let plain = symbol == " " && !cell.modifier.intersects(SHOWS_ON_SPACE);
            let i = self.at(x, y);
            if let Some(c) = self.cells.get_mut(i) {
                *c = plain.then_some(cell.bg);
            }
            self.cursor = Some((x.saturating_add(1), y));
        } else {
            // Wide, or several characters in one cell: a terminal may give
            // it other room than ratatui does, and shift the rest.
            self.forget_rest_of_row(x, y);
            self.cursor = None;
        }
    }

    /// How many spaces take the cursor to (x, y) along its row, when each
    /// cell passed shows a plain space on `bg` and `pen` leaves a space
    /// plain, and that is fewer bytes than moving there.
    fn spaces_to(&self, x: u16, y: u16, bg: Color, pen: Modifier) -> Option<u16> {
        let (cx, cy) = self.cursor?;
        let gap = x.checked_sub(cx).filter(|g| *g > 0 && cy == y)?;
        let move_to = 4 + digits(y.saturating_add(1)) + digits(x.saturating_add(1));
        let cells = self.cells.get(self.at(cx, y)..self.at(x, y))?;
        let plain = cells.iter().all(|c| *c == Some(bg)) && !pen.intersects(SHOWS_ON_SPACE);
        (plain && gap < move_to).then_some(gap)
    }
}

/// How many decimal digits `n` takes.
fn digits(n: u16) -> u16 {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => 5,
    }
}

impl<W: Write> Backend for Quick<W> {
    type Error = io::Error;

    /// What `CrosstermBackend::draw` does, step for step, but that a run
    /// of plain spaces may be written over instead of moved past.
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let (w, shown) = (&mut self.inner, &mut self.shown);
        let mut pen = Pen::default();
        let mut last: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            let mut styled = false;
            if !matches!(last, Some((lx, ly)) if x == lx + 1 && y == ly) {
                // Spaces in the pen as it is, or in this cell's (which it
                // needs anyway); else a cursor move, as crossterm does.
                let now = shown.spaces_to(x, y, pen.bg, pen.modifier);
                let next = || shown.spaces_to(x, y, cell.bg, cell.modifier);
                match now
                    .map(|n| (n, false))
                    .or_else(|| next().map(|n| (n, true)))
                {
                    Some((n, restyle)) => {
                        if restyle {
                            pen.to(w, cell)?;
                            styled = true;
                        }
                        for _ in 0..n {
                            w.write_all(b" ")?;
                        }
                    }
                    None => queue!(w, MoveTo(x, y))?,
                }
                shown.cursor = Some((x, y));
            }
            last = Some((x, y));
            if !styled {
                pen.to(w, cell)?;
            }
            // crossterm's `Print` writes the text as it is, through `write!`.
            w.write_all(cell.symbol().as_bytes())?;
            shown.write(x, y, cell);
        }
        queue!(
            w,
            SetForegroundColor(CColor::Reset),
            SetBackgroundColor(CColor::Reset),
            SetUnderlineColor(CColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        let size = (self.shown.width, self.shown.rows());
        self.shown = Shown::unknown(size);
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        self.shown.cursor = Some((p.x, p.y));
        self.inner.set_cursor_position(p)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        match (clear_type, self.shown.cursor) {
            (ClearType::All, _) => self.shown.blank_from(0, 0),
            (ClearType::AfterCursor, Some((x, y))) => self.shown.blank_from(x, y),
            _ => self.shown = Shown::unknown((self.shown.width, self.shown.rows())),
        }
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The style the terminal writes with: where ratatui's draw starts (it ends
/// every draw by resetting all of it) and where each cell leaves it.
#[derive(Default)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    /// Takes the pen to `cell`'s style, sending what changes as ratatui's
    /// backend sends it: attributes, then colours, then underline colour.
    fn to(&mut self, w: &mut impl Write, cell: &Cell) -> io::Result<()> {
        if cell.modifier != self.modifier {
            modifiers(w, self.modifier, cell.modifier)?;
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg || cell.bg != self.bg {
            let colors = Colors::new(color(cell.fg), color(cell.bg));
            queue!(w, SetColors(colors))?;
            (self.fg, self.bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != self.underline {
            queue!(w, SetUnderlineColor(color(cell.underline_color)))?;
            self.underline = cell.underline_color;
        }
        Ok(())
    }
}

/// ratatui's colour as crossterm names it (ratatui's `IntoCrossterm`).
fn color(c: Color) -> CColor {
    match c {
        Color::Reset => CColor::Reset,
        Color::Black => CColor::Black,
        Color::Red => CColor::DarkRed,
        Color::Green => CColor::DarkGreen,
        Color::Yellow => CColor::DarkYellow,
        Color::Blue => CColor::DarkBlue,
        Color::Magenta => CColor::DarkMagenta,
        Color::Cyan => CColor::DarkCyan,
        Color::Gray => CColor::Grey,
        Color::DarkGray => CColor::DarkGrey,
        Color::LightRed => CColor::Red,
        Color::LightGreen => CColor::Green,
        Color::LightBlue => CColor::Blue,
        Color::LightYellow => CColor::Yellow,
        Color::LightMagenta => CColor::Magenta,
        Color::LightCyan => CColor::Cyan,
        Color::White => CColor::White,
        Color::Indexed(i) => CColor::AnsiValue(i),
        Color::Rgb(r, g, b) => CColor::Rgb { r, g, b },
    }
}

/// The attributes that take `from` to `to`, as ratatui's crossterm
/// backend sends them (its private `ModifierDiff`): what is removed
/// first, then what is added; bold and dim share one reset.
fn modifiers<W: Write>(w: &mut W, from: Modifier, to: Modifier) -> io::Result<()> {
    let set = |w: &mut W, a| queue!(w, SetAttribute(a));
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        set(w, Attribute::NoReverse)?;
    }
    let intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if intensity {
        set(w, Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(w, Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(w, Attribute::Bold)?;
        }
    }
    for (m, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(m) {
            set(w, off)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(w, Attribute::NoBlink)?;
    }
    let added = to - from;
    for (m, on) in [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        let reapplied = intensity && (m == Modifier::BOLD || m == Modifier::DIM);
        if added.contains(m) && !reapplied {
            set(w, on)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
