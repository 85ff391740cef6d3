//! The one sanitiser between text from a brief and any terminal.
//!
//! A valid YAML file can carry ESC, C1 controls or bidirectional overrides
//! (`"\e]52;…"`, `"\u202e"`); printed raw, they would drive the reader's
//! terminal (set its clipboard, hide text, reorder a line). Every string
//! that comes from a brief passes through [`sanitize`] before it can reach
//! the screen or stdout/stderr: the loader applies it to every text field,
//! the diagnostics renderer to every quoted line and message.

use std::borrow::Cow;

/// Is this character one that must never reach a terminal raw?
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // Bidirectional embeddings, overrides and isolates, and the marks
        // that can reorder a line's display.
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Replaces every unsafe character with a visible escape such as `\u{1b}`.
/// Newlines and tabs are kept: prose uses them, and the renderers lay them
/// out themselves. Borrows when there is nothing to replace (the common case).
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`sanitize`], and also turns tabs and newlines into spaces: for a
/// single line of output such as a quoted source line or a list row.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let clean = sanitize(text);
    if clean.contains(['\n', '\t']) {
        Cow::Owned(clean.replace(['\n', '\t'], " "))
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_text() {
        assert_eq!(
            sanitize("a\u{1b}]52;c;SGVsbG8=\u{7}b"),
            "a\\u{1b}]52;c;SGVsbG8=\\u{7}b"
        );
        assert_eq!(sanitize("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(sanitize("abc\u{202e}fed"), "abc\\u{202e}fed");
    }

    #[test]
    fn ordinary_text_is_borrowed_untouched() {
        let text = "Kabul — 中文 e\u{301} 👩\u{200d}👩\u{200d}👧\nnext\tline";
        assert!(matches!(sanitize(text), Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_flattens_breaks() {
        assert_eq!(one_line("a\nb\tc"), "a b c");
        // A lone carriage return could overwrite the line: it stays visible.
        assert_eq!(one_line("c\rd"), "c\\u{d}d");
    }
}
