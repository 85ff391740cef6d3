//! The terminal's lifetime around the reader: enter raw mode and the
//! alternate screen, run the event loop, and always put the terminal back.
//!
//! The loop blocks on the next event: no tick, no polling, so an idle
//! reader costs no CPU. It redraws only after an event that did something.
//! Once, after the first frame, it has the backlinks and the search index
//! built (nothing on screen changes, so nothing is redrawn).
//! A panic hook restores the terminal (see [`screen`], which also sends
//! each frame in one write, its cells encoded by [`backend`]); a signal
//! thread restores it and exits on SIGTERM, SIGHUP, SIGINT and SIGQUIT, and another ends the reader when the terminal hangs up, so a
//! killed reader or a dropped SSH connection leaves no terminal in raw mode
//! and no process spinning on a dead one. The signals are caught before raw
//! mode; both threads start just after the first frame, and act on what
//! came before as soon as they start.

use std::io::{self, IsTerminal};

use ratatui::crossterm::event::{self, Event};
use signal_hook::iterator::Signals;

use crate::app::{Action, App, Display};
use crate::model::Brief;
use crate::{input, ui};

mod backend;
mod screen;
use screen::Screen;

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(
        "the reader needs a terminal (stdin and stdout must be one); to validate a brief use `brief check`"
    )]
    NotATerminal,
    #[error("terminal error: {0}")]
    Io(#[from] io::Error),
}

/// Runs the reader on `brief` until the user quits.
pub fn run(brief: Brief, display: Display) -> Result<(), TuiError> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    // With NO_COLOR set, crossterm writes a bare reset for every colour,
    // which also clears reverse video and bold: the selection would vanish.
    // Colour is the theme's business (`Display::color`), so crossterm
    // always writes what it is given.
    ratatui::crossterm::style::force_color_output(true);
    // The handlers are in place before raw mode; their threads start after
    // the first frame (see `event_loop`).
    let signals = catch_signals()?;
    Screen::enter()?;
    let result = screen::size()
        .and_then(|size| Ok((size, Screen::new(size)?)))
        .map_err(TuiError::from)
        .and_then(|(size, mut screen)| {
            let mut app = App::new(brief, size);
            app.display = display;
            event_loop(&mut screen, &mut app, signals)
        });
    let restored = screen::restore();
    result?;
    restored?;
    Ok(())
}

fn event_loop(screen: &mut Screen, app: &mut App, signals: Signals) -> Result<(), TuiError> {
    draw(screen, app)?;
    // crossterm watches for SIGWINCH from its first event read on, and
    // setting that up waits until the first frame is out; a resize before
    // it is found by asking the size again.
    let waiting = event::poll(std::time::Duration::ZERO)?;
    let size = screen::size()?;
    if size != app.size {
        screen.resize(size)?;
        app.update(Action::Resize(size.0, size.1));
        draw(screen, app)?;
    }
    // Starting a thread is a good part of the time to a first frame, and
    // nothing is lost by starting these after it: a signal caught before
    // waits in the handler's pipe, and a hang-up stays on stdin, until
    // their thread looks.
    watch_signals(signals)?;
    watch_hangup()?;
    // The search index is most of the work before a first frame: build it
    // after, while the reader looks at the screen. If a key is already
    // waiting, answer it first; then the first search builds the index.
    if !waiting {
        app.update(Action::Prepare);
    }
    loop {
        let action = match event::read()? {
            Event::Key(key) => input::resolve(input::context(app), key),
            Event::Resize(w, h) => {
                screen.resize((w, h))?;
                Some(Action::Resize(w, h))
            }
            _ => None,
        };
        let Some(action) = action else { continue };
        app.update(action);
        if app.quit {
            return Ok(());
        }
        draw(screen, app)?;
    }
}

/// Draws `app` and sends the frame.
fn draw(screen: &mut Screen, app: &App) -> io::Result<()> {
    screen.draw(|f| ui::draw(f, app))
}

/// Catches the signals that stop the process, so none of them can end it
/// before [`watch_signals`] restores the terminal.
fn catch_signals() -> io::Result<Signals> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
}

/// Restores the terminal and exits when the process is told to stop.
fn watch_signals(mut signals: Signals) -> io::Result<()> {
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Best effort: after a hang-up there may be no terminal left.
                let _ = screen::restore();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Ends the reader when its terminal goes away even if SIGHUP never comes
/// (started under `nohup`, or by a parent that ignores it): a thread
/// sleeps in poll(2) on stdin for POLLHUP alone, which costs nothing while
/// the terminal lives. crossterm would otherwise spin on the dead terminal.
fn watch_hangup() -> io::Result<()> {
    use rustix::event::{PollFd, PollFlags, poll};
    std::thread::Builder::new()
        .name("hangup".into())
        .spawn(|| {
            let stdin = io::stdin();
            loop {
                let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
                match poll(&mut fds, None) {
                    Ok(_) => {
                        let got = fds[0].revents();
                        if got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                            let _ = screen::restore();
                            std::process::exit(128 + 1);
                        }
                    }
                    Err(rustix::io::Errno::INTR) => {}
                    Err(_) => return,
                }
            }
        })?;
    Ok(())
}
