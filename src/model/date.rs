//! Dates at their true precision (see docs/format.md).
