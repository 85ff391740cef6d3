//! Case- and accent-insensitive text: "Zoë" and "ZOE" fold to "zoe".
//!
//! Folding is per character (lower-case, canonical decomposition, combining
//! marks dropped), so a match in folded text maps back to a byte range of
//! the original, for highlighting.

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the folded form of `c` to `out`.
fn fold_char(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        decompose_canonical(lower, |d| {
            if !is_combining_mark(d) {
                out.push(d);
            }
        });
    }
}

/// The folded form of `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in text.chars() {
        fold_char(c, out);
    }
}

/// Byte ranges of `text` where `folded_query` (already folded) occurs,
/// case- and accent-insensitively, without overlaps.
pub fn find(text: &str, folded_query: &str) -> Vec<Range<usize>> {
    if folded_query.is_empty() {
        return Vec::new();
    }
    // The folded text, and for each of its bytes the original char's range.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        let range = i..i + c.len_utf8();
        origin.extend(std::iter::repeat_n(range, folded.len() - before));
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, _) in folded.match_indices(folded_query) {
        let end = at + folded_query.len();
        let (Some(first), Some(last)) = (origin.get(at), origin.get(end - 1)) else {
            continue;
        };
        // Marks that folded away belong to the match they follow.
        let tail: usize = text[last.end..]
            .chars()
            .take_while(|c| is_combining_mark(*c))
            .map(char::len_utf8)
            .sum();
        let range = first.start..last.end + tail;
        if out.last().is_none_or(|prev| prev.end <= range.start) {
            out.push(range);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accents_fold_away() {
        assert_eq!(fold("Shirin"), fold("shirin"));
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("Zoe\u{308}"), "zoe");
        assert_eq!(fold("ÜNÏCÖDÉ"), "unicode");
        assert_eq!(fold("中文"), "中文");
    }

    #[test]
    fn matches_map_back_to_the_original_bytes() {
        let text = "Mullah Shirin Akhund and SHIRIN";
        let hits = find(text, "shirin");
        let words: Vec<&str> = hits.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["Shirin", "SHIRIN"]);
        let text = "la Zoë de Zoe\u{308}!";
        let words: Vec<&str> = find(text, "zoe").into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, ["Zoë", "Zoe\u{308}"]);
    }

    #[test]
    fn no_query_no_match() {
        assert!(find("anything", "").is_empty());
        assert!(find("", "x").is_empty());
    }
}
