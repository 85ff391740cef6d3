//! The domain model of a brief. Knows nothing of YAML or of the screen.

pub mod date;
