//! Text on its way to a terminal: made safe ([`safe`]), measured and
//! wrapped ([`wrap`]) the way ratatui draws it.
//!
//! Pure functions over `&str`; imports nothing of ours. `wrap` borrows
//! ratatui's own cell-width function so measuring and drawing agree.

pub mod safe;
pub mod wrap;

pub use safe::{one_line, sanitize};
