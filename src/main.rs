//! The `brief` binary: parse the command line, load, then either print
//! diagnostics or run the reader. Everything else lives in the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use brief::cli::{Cli, Color, Command};
use brief::load::{self, Report};
use brief::model::Brief;

fn main() -> ExitCode {
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
