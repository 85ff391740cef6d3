//! `brief`: a terminal reader for briefings written in YAML.
//!
//! The module map, and who may import whom:
//!
//! - [`model`]: the domain (brief, actors, events, demands, positions,
//!   sources, ids, dates). Imports nothing else of ours; no YAML, no screen.
//! - [`load`]: YAML → validated [`model::Brief`]. The ONLY module that knows
//!   YAML; collects every problem with file:line:col before failing.
//! - [`xref`]: links and backlinks ("referenced by"), built once, just
//!   after the first frame.
//! - [`app`]: state and `update(Action)`: tabs, selection, history. No I/O,
//!   no drawing.
//! - [`input`]: the one binding table: key → `Action` per context. It also
//!   feeds the footer and the help overlay.
//! - [`ui`]: pure rendering from `&App`.
//! - [`search`]: full-text search (case- and accent-folded) and the names
//!   the jump palette matches, indexed once, just after the first frame.
//!   Imports the model only.
//! - [`tui`]: the terminal's lifetime (raw mode, alternate screen, signals)
//!   and the event loop; [`cli`] the command line; [`bundled`] the brief
//!   compiled into the binary.
//! - [`env`]: colour and ASCII, decided once from the command line, `TERM`,
//!   the locale and `NO_COLOR`.
//! - [`synth`]: synthetic briefs of any size, for benchmarks.
//! - [`text`]: the one sanitiser that keeps brief text from driving a
//!   terminal, and word wrapping at the widths ratatui draws with.
//!
//! `model`, `load` and `xref` never import ratatui or crossterm; crossterm is
//! only reached through `ratatui::crossterm`.

pub mod app;
pub mod bundled;
pub mod cli;
pub mod env;
pub mod input;
pub mod load;
pub mod model;
pub mod search;
pub mod synth;
pub mod text;
pub mod tui;
pub mod ui;
pub mod xref;
