//! Prose with inline links: `[[id]]` and `[[id|text]]`.
//!
//! The grammar lives here so the loader (which resolves ids and reports
//! positions) and the tests share one reading of it. An unclosed `[[` or an
//! empty id is an error, not literal text: a typo must not silently turn a
//! link into brackets on screen.

use serde::{Deserialize, Serialize};

use super::EntityRef;

/// A paragraph (or a few) of text with links resolved to entities.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prose {
    pub segments: Vec<ProseSegment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProseSegment {
    Text(String),
    /// `text` is the author's label from `[[id|text]]`; `None` shows the
    /// target's short name.
    Link {
        target: EntityRef,
        text: Option<String>,
    },
}

impl Prose {
    pub fn plain(text: impl Into<String>) -> Self {
        Prose {
            segments: vec![ProseSegment::Text(text.into())],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.segments.iter().all(|s| match s {
            ProseSegment::Text(t) => t.is_empty(),
            ProseSegment::Link { .. } => false,
        })
    }

    /// Every entity this prose links to, in order of appearance.
    pub fn links(&self) -> impl Iterator<Item = EntityRef> + '_ {
        self.segments.iter().filter_map(|s| match s {
            ProseSegment::Link { target, .. } => Some(*target),
            ProseSegment::Text(_) => None,
        })
    }
}

/// One piece of unresolved prose, with byte ranges into the source string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawSegment<'a> {
    Text(&'a str),
    Link {
        id: &'a str,
        text: Option<&'a str>,
        /// Byte offset of the id within the prose string.
        at: usize,
    },
}

/// A malformed link, with the byte offset where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    pub message: &'static str,
    pub at: usize,
}

/// Splits prose into text and links. Returns every malformed link, not just
/// the first, so an author fixes them in one pass.
pub fn split_links(text: &str) -> (Vec<RawSegment<'_>>, Vec<LinkError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut rest_start = 0;
    let mut search = 0;
    while let Some(found) = text[search..].find("[[") {
        let open = search + found;
        let body_start = open + 2;
        // The body ends at the first `]]`; a `[[` or a line break before
        // it means this link was never closed. One scan, so text full of
        // `[[` stays linear.
        let bytes = text.as_bytes();
        let mut end = body_start;
        let close = loop {
            match bytes.get(end..end + 2) {
                Some(b"]]") => break Some(end),
                Some(b"[[") => break None,
                _ if bytes.get(end) == Some(&b'\n') => break None,
                None if end >= bytes.len() => break None,
                _ => end += 1,
            }
        };
        let Some(close) = close else {
            let message = if end >= bytes.len() {
                "`[[` is never closed with `]]`"
            } else {
                "`[[` is never closed with `]]` on the same line"
            };
            errors.push(LinkError { message, at: open });
            search = end.min(text.len());
            if end >= bytes.len() {
                break;
            }
            continue;
        };
        let body = &text[body_start..close];
        let after = close + 2;
        let (id, label) = match body.split_once('|') {
            Some((id, label)) => (id, Some(label)),
            None => (body, None),
        };
        let id_trimmed = id.trim();
        if id_trimmed.is_empty() {
            errors.push(LinkError {
                message: "a link needs an id: `[[id]]` or `[[id|text]]`",
                at: open,
            });
        } else if label.is_some_and(|l| l.trim().is_empty()) {
            errors.push(LinkError {
                message: "`[[id|]]` has an empty text: drop the `|` or write the text",
                at: open,
            });
        } else {
            if open > rest_start {
                out.push(RawSegment::Text(&text[rest_start..open]));
            }
            let lead = id.len() - id.trim_start().len();
            out.push(RawSegment::Link {
                id: id_trimmed,
                text: label.map(str::trim),
                at: body_start + lead,
            });
            rest_start = after;
        }
        search = after;
    }
    if rest_start < text.len() {
        out.push(RawSegment::Text(&text[rest_start..]));
    }
    (out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_and_labelled_links() {
        let (segs, errs) = split_links("The [[ttp]] met in [[kabul|the capital]].");
        assert!(errs.is_empty());
        assert_eq!(
            segs,
            vec![
                RawSegment::Text("The "),
                RawSegment::Link {
                    id: "ttp",
                    text: None,
                    at: 6
                },
                RawSegment::Text(" met in "),
                RawSegment::Link {
                    id: "kabul",
                    text: Some("the capital"),
                    at: 21
                },
                RawSegment::Text("."),
            ]
        );
    }

    #[test]
    fn reports_every_malformed_link() {
        let (_, errs) = split_links("a [[]] b [[x|]] c [[open");
        let at: Vec<_> = errs.iter().map(|e| e.at).collect();
        assert_eq!(at, vec![2, 9, 18]);
    }

    #[test]
    fn single_brackets_are_text() {
        let (segs, errs) = split_links("a [note] b ]] c");
        assert!(errs.is_empty());
        assert_eq!(segs, vec![RawSegment::Text("a [note] b ]] c")]);
    }

    #[test]
    fn a_reopened_link_is_an_error_and_the_next_one_still_reads() {
        let (segs, errs) = split_links("a [[b [[c]] d");
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].at, 2);
        assert!(segs.contains(&RawSegment::Link {
            id: "c",
            text: None,
            at: 8
        }));
        // Many unclosed openers cost one pass, not one pass each.
        let (_, errs) = split_links(&"[[a ".repeat(50_000));
        assert_eq!(errs.len(), 50_000);
    }
}
