//! Sanitiser.
