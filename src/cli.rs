//! The command line, declared with clap (and skipped for a bare `brief`).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// A terminal reader for briefings: timelines, actors, demands and
/// positions, every claim traceable to its source.
#[derive(Debug, PartialEq, Eq, Parser)]
#[command(name = "brief", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A brief to open: a .yaml file or a directory of them. Without one,
    /// the bundled brief opens.
    pub path: Option<PathBuf>,

    /// When to use colour, in the reader and in diagnostics. `auto` honours
    /// NO_COLOR and TERM=dumb.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,

    /// Draw with ASCII only (automatic for TERM=linux, vt100 or dumb, and
    /// for a locale that is not UTF-8).
    #[arg(long)]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Check briefs and print every problem as file:line:col, then a summary.
    /// Exits 0 when all are clean, 1 when any has a problem.
    Check {
        /// Brief files or directories (the bundled brief when none is given).
        paths: Vec<PathBuf>,
    },
    /// Write a synthetic brief of a given size (for benchmarks).
    #[command(hide = true)]
    Synth {
        /// How many events; the other sections grow in proportion.
        #[arg(long, default_value_t = 1000)]
        events: usize,
        /// The generator's seed: the same seed writes the same brief.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write a directory of one file per section instead of one file.
        #[arg(long)]
        split: bool,
        /// Where to write it (a .yaml file, or a directory with --split).
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Cli {
    /// The command line, read by clap, except that a bare `brief` skips
    /// clap: there is nothing to parse, and building clap's command costs
    /// about a tenth of the time to the bundled brief's first frame.
    pub fn from_process() -> Self {
        if std::env::args_os().len() <= 1 {
            Cli::bare()
        } else {
            Cli::parse()
        }
    }

    /// What clap makes of `brief` alone (a test holds the two equal).
    fn bare() -> Self {
        Cli {
            path: None,
            color: Color::Auto,
            ascii: false,
            command: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_brief_is_what_clap_makes_of_no_arguments() {
        assert_eq!(Cli::bare(), Cli::parse_from(["brief"]));
    }
}
