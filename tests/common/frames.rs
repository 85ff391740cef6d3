//! Where one of ratatui's frames ends in the bytes a reader writes: shared
//! by the pty tests and the measurement script, so both read frames the
//! same way.
//!
//! ratatui ends every frame with one cursor command: it hides the cursor,
//! or, where the reader places it on the focused row, shows it and moves
//! it there (`ESC [ row ; col H`).

pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
pub const HIDE_CURSOR: &[u8] = b"\x1b[?25l";

/// Does `bytes` end with the end of a frame?
pub fn ends_frame(bytes: &[u8]) -> bool {
    if bytes.ends_with(HIDE_CURSOR) {
        return true;
    }
    // The cursor move after a show is short: look only at the last bytes.
    let end = &bytes[bytes.len().saturating_sub(32)..];
    let Some(at) = end
        .windows(SHOW_CURSOR.len())
        .rposition(|w| w == SHOW_CURSOR)
    else {
        return false;
    };
    let tail = &end[at + SHOW_CURSOR.len()..];
    tail.len() > 3
        && tail.starts_with(b"\x1b[")
        && tail.ends_with(b"H")
        && tail[2..tail.len() - 1]
            .iter()
            .all(|b| b.is_ascii_digit() || *b == b';')
}
