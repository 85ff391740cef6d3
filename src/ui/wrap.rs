//! Word wrapping with ratatui-compatible widths.
