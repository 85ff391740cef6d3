//! The screen the reader draws on: raw mode, the alternate screen, and a
//! ratatui `Terminal` whose bytes leave in one write a frame.
//!
//! ratatui's own `try_init` writes through `Stdout`, which sends a frame
//! in 1 KiB pieces and the cursor's last move in a write of its own: five
//! or more writes for a first frame, and over a slow SSH link as many
//! packets, each showing part of a frame. Here a frame is gathered in
//! memory and sent by [`Screen::draw`], once; the first one brings the
//! switch to the alternate screen with it. The viewport is fixed at the
//! size read at start and moved only by a resize event, so drawing never
//! asks the terminal its size (crossterm opens `/dev/tty` for each asking).
//!
//! [`restore`] puts the terminal back: raw mode off, the main screen, the
//! cursor shown. The panic hook, the signal and hang-up threads and the
//! normal exit all call it. It writes straight to stdout: whatever a
//! frame had gathered and not sent is dropped, never written after it.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::crossterm::{cursor, execute, queue, terminal};
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

use super::backend::Quick;

/// The reader's terminal: ratatui's, and the bytes it has drawn.
pub struct Screen {
    terminal: Terminal<Quick<Frames>>,
    pending: Frames,
}

impl Screen {
    /// Enters raw mode, with the panic hook set first. Draw with
    /// [`Screen::new`] once the size is known.
    pub fn enter() -> io::Result<()> {
        set_panic_hook();
        terminal::enable_raw_mode()
    }

    /// The screen of a terminal of `size` (columns, rows). Its first frame
    /// enters the alternate screen, in the same write.
    pub fn new(size: (u16, u16)) -> io::Result<Screen> {
        let mut first = Vec::with_capacity(8 * 1024);
        queue!(first, terminal::EnterAlternateScreen)?;
        let pending = Frames(Rc::new(RefCell::new(first)));
        let frames = pending.clone();
        let viewport = Viewport::Fixed(area(size));
        let backend = Quick::new(frames, size);
        let terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
        Ok(Screen { terminal, pending })
    }

    /// Draws a frame with `render` and sends what changed, in one write
    /// (more only if the terminal takes less at a time).
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        let drawn = self.terminal.draw(render).map(drop);
        let mut pending = self.pending.0.borrow_mut();
        let mut out = io::stdout().lock();
        let sent = out.write_all(&pending).and_then(|()| out.flush());
        pending.clear();
        drawn.and(sent)
    }

    /// The terminal is now `size`: the next frame repaints all of it.
    pub fn resize(&mut self, size: (u16, u16)) -> io::Result<()> {
        self.terminal.backend_mut().resize(size);
        self.terminal.resize(area(size))
    }
}

/// The terminal's size (columns, rows), asked of stdout in one call;
/// crossterm's way (which opens `/dev/tty`, then tries `tput`) only when
/// stdout answers nothing.
pub fn size() -> io::Result<(u16, u16)> {
    match rustix::termios::tcgetwinsize(io::stdout()) {
        Ok(w) if w.ws_col > 0 && w.ws_row > 0 => Ok((w.ws_col, w.ws_row)),
        _ => terminal::size(),
    }
}

/// The whole screen of a terminal of `(columns, rows)`.
fn area((width, height): (u16, u16)) -> Rect {
    Rect::new(0, 0, width, height)
}

/// Where the backend writes: memory, until [`Screen::draw`] sends it (or a
/// test takes it). `flush` does nothing, since crossterm flushes after every
/// cursor command and each would otherwise be a write of its own.
#[derive(Clone, Default)]
pub(super) struct Frames(Rc<RefCell<Vec<u8>>>);

#[cfg(test)]
impl Frames {
    /// What has been written since the last take.
    pub(super) fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

impl Write for Frames {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Puts the terminal back as it was found. Safe to call more than once and
/// from any thread; every step is tried even if one before failed.
pub fn restore() -> io::Result<()> {
    let raw = terminal::disable_raw_mode();
    let mut out = io::stdout();
    // ratatui hides the cursor at every frame; leaving the alternate
    // screen does not show it again.
    let shown = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
    raw.and(shown)
}

/// Restores the terminal before the panic message is printed, so the
/// message lands on the main screen, readable, and the shell works.
fn set_panic_hook() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        hook(info);
    }));
}
