//! Pure rendering from `&App`.

pub mod wrap;
