//! The `brief` binary: parse the command line, load, then either print
//! diagnostics or run the reader. Everything else lives in the library.
//!
//! The process starts at the C `main` below, not at std's `fn main`
//! (`#![no_main]`). std's runtime, on the way to `fn main`, sets up the
//! stack-overflow message: it reads `/proc/self/maps` to find the main
//! thread's stack and installs an alternate signal stack, about 50 µs of
//! the 2 ms from `exec` to the first frame, all of it before anything of
//! ours runs. What of that runtime `brief` relies on is done here instead
//! ([`prepare`]); what is left out is the stack-overflow message (a stack
//! overflow still ends the process, by SIGSEGV; the loader's depth limit
//! keeps hostile input from getting near one).
#![no_main]

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use brief::cli::{Cli, Color, Command};
use brief::load::{self, Report};
use brief::model::Brief;

/// Where the process starts: [`prepare`], then [`run`], and std's exit,
/// which flushes stdout as its runtime would. A panic (already reported,
/// and the terminal restored, by the hook) ends it with 101, as std does;
/// it must not unwind out of a C function.
#[unsafe(no_mangle)]
extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    prepare();
    let code = match std::panic::catch_unwind(run) {
        Ok(code) if code == ExitCode::SUCCESS => 0,
        Ok(_) => 1,
        Err(_) => 101,
    };
    std::process::exit(code)
}

/// What std's runtime does before `fn main` that `brief` relies on: a
/// standard stream that was closed is opened on `/dev/null`, so no file
/// `brief` opens can take its place and receive its output; and SIGPIPE
/// no longer ends the process, so writing to a closed pipe is an error
/// the writer sees (`brief check | head`).
fn prepare() {
    use rustix::event::{PollFd, PollFlags, poll};
    let (stdin, stdout, stderr) = (std::io::stdin(), std::io::stdout(), std::io::stderr());
    let mut fds = [
        PollFd::new(&stdin, PollFlags::empty()),
        PollFd::new(&stdout, PollFlags::empty()),
        PollFd::new(&stderr, PollFlags::empty()),
    ];
    let zero = rustix::event::Timespec::default();
    if poll(&mut fds, Some(&zero)).is_ok() {
        let closed = fds.iter().filter(|f| f.revents().contains(PollFlags::NVAL));
        for _ in 0..closed.count() {
            // Each takes the lowest free descriptor, a closed stream's, and
            // stays open for good.
            let null = rustix::fs::open(
                "/dev/null",
                rustix::fs::OFlags::RDWR,
                rustix::fs::Mode::empty(),
            );
            std::mem::forget(null);
        }
    }
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGPIPE,
        Arc::new(AtomicBool::new(false)),
    );
}

fn run() -> ExitCode {
    let cli = Cli::from_process();
    let vars = brief::env::Vars::from_process();
    let display = brief::env::display(cli.color, cli.ascii, &vars);
    // Diagnostics are coloured only on a terminal, whatever the reader does.
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && display.color,
    };
    match cli.command {
        Some(Command::Check { paths }) => check(&paths, color),
        Some(Command::Synth {
            events,
            seed,
            split,
            out,
        }) => synth(events, seed, split, &out),
        None => open(cli.path, color, display),
    }
}

/// What `brief check` reads: the brief at `path`, or the bundled brief's
/// YAML (not the model compiled from it: an author checks the text).
fn load(path: Option<&PathBuf>) -> Result<Brief, Report> {
    match path {
        Some(p) => load::load_path(p),
        None => load::load_files(brief::bundled::files()),
    }
}

/// Writes to stderr without panicking if it has gone away (a closed pipe
/// or a hung-up terminal).
fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn check(paths: &[PathBuf], color: bool) -> ExitCode {
    let targets: Vec<Option<&PathBuf>> = if paths.is_empty() {
        vec![None]
    } else {
        paths.iter().map(Some).collect()
    };
    let mut failed = false;
    for target in targets {
        let name = target.map_or(brief::bundled::DIR.to_owned(), |p| p.display().to_string());
        let name = brief::text::safe::one_line(&name).into_owned();
        match load(target) {
            Ok(b) => {
                let n = brief::model::Kind::ALL
                    .iter()
                    .map(|k| b.len(*k))
                    .sum::<usize>();
                let _ = writeln!(std::io::stdout(), "{name}: ok ({n} entities)");
            }
            Err(report) => {
                failed = true;
                eprint(&report.render(color));
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn open(path: Option<PathBuf>, color: bool, display: brief::app::Display) -> ExitCode {
    let brief = match path {
        Some(path) => load::load_path(&path).map_err(|report| report.render(color)),
        // Compiled at build time: no YAML is read on the way to the first frame.
        None => brief::bundled::brief().map_err(|e| format!("brief: {e}\n")),
    };
    match brief {
        Ok(brief) => match brief::tui::run(brief, display) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprint(&format!("brief: {e}\n"));
                ExitCode::FAILURE
            }
        },
        Err(message) => {
            eprint(&message);
            ExitCode::FAILURE
        }
    }
}

fn synth(events: usize, seed: u64, split: bool, out: &std::path::Path) -> ExitCode {
    let written = if split {
        std::fs::create_dir_all(out).and_then(|()| {
            brief::synth::files(events, seed)
                .into_iter()
                .try_for_each(|(name, text)| std::fs::write(out.join(name), text))
        })
    } else {
        std::fs::write(out, brief::synth::single(events, seed))
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprint(&format!("brief: cannot write {}: {e}\n", out.display()));
            ExitCode::FAILURE
        }
    }
}
