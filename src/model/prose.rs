//! Prose with inline links: `[[id]]` and `[[id|text]]`.
//!
//! The grammar lives here so the loader (which resolves ids and reports
//! positions) and the tests share one reading of it. An unclosed `[[` or an
//! empty id is an error, not literal text: a typo must not silently turn a
//! link into brackets on screen.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::EntityRef;

/// A paragraph (or a few) of text with links resolved to entities.
///
/// Stored as one string (the text, and each link's own label) and one
/// list of where each piece ends: two allocations however many links,
/// where a list of owned pieces took one per piece. A large brief holds
/// hundreds of thousands of these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prose {
    text: CompactString,
    /// Each piece ends at `end` in `text`; a link piece has a target, and
    /// its text (if any) is the author's label. Plain prose with no link
    /// has no pieces: the whole text is one.
    pieces: Box<[Piece]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Piece {
    end: u32,
    target: Option<EntityRef>,
}

/// One piece of prose, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProseSegment<'a> {
    Text(&'a str),
    /// `text` is the author's label from `[[id|text]]`; `None` shows the
    /// target's short name.
    Link {
        target: EntityRef,
        text: Option<&'a str>,
    },
}

impl Prose {
    pub fn plain(text: impl Into<CompactString>) -> Self {
        Prose {
            text: text.into(),
            pieces: Box::new([]),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.pieces.iter().all(|p| p.target.is_none())
    }

    /// The pieces in order.
    pub fn segments(&self) -> impl Iterator<Item = ProseSegment<'_>> + '_ {
        let text: &str = &self.text;
        let plain =
            (self.pieces.is_empty() && !text.is_empty()).then_some(ProseSegment::Text(text));
        let mut start = 0usize;
        plain.into_iter().chain(self.pieces.iter().map(move |p| {
            let end = (p.end as usize).min(text.len());
            let piece = text.get(start..end).unwrap_or("");
            start = end;
            match p.target {
                None => ProseSegment::Text(piece),
                Some(target) => ProseSegment::Link {
                    target,
                    text: (!piece.is_empty()).then_some(piece),
                },
            }
        }))
    }

    /// Every entity this prose links to, in order of appearance.
    pub fn links(&self) -> impl Iterator<Item = EntityRef> + '_ {
        self.pieces.iter().filter_map(|p| p.target)
    }

    /// Every link's target, to be changed in place (the loader resolves
    /// forward references this way).
    pub fn links_mut(&mut self) -> impl Iterator<Item = &mut EntityRef> + '_ {
        self.pieces.iter_mut().filter_map(|p| p.target.as_mut())
    }
}

/// Builds a [`Prose`] piece by piece.
#[derive(Debug, Default)]
pub struct ProseBuilder {
    text: String,
    pieces: Vec<Piece>,
}

impl ProseBuilder {
    fn end(&self) -> u32 {
        u32::try_from(self.text.len()).unwrap_or(u32::MAX)
    }

    pub fn text(&mut self, text: &str) {
        self.text.push_str(text);
        let end = self.end();
        // Consecutive text pieces are one.
        match self.pieces.last_mut() {
            Some(last) if last.target.is_none() => last.end = end,
            _ => self.pieces.push(Piece { end, target: None }),
        }
    }

    pub fn link(&mut self, target: EntityRef, label: Option<&str>) {
        self.text.push_str(label.unwrap_or(""));
        let end = self.end();
        self.pieces.push(Piece {
            end,
            target: Some(target),
        });
    }

    pub fn finish(self) -> Prose {
        let plain = self.pieces.iter().all(|p| p.target.is_none());
        Prose {
            // Copied at its length: the builder's buffer has room to spare.
            text: CompactString::from(self.text.as_str()),
            pieces: if plain {
                Box::new([])
            } else {
                self.pieces.into_boxed_slice()
            },
        }
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
    use crate::model::Kind;

    #[test]
    fn prose_gives_back_its_pieces_in_order() {
        let a = EntityRef::new(Kind::Actor, 1);
        let b = EntityRef::new(Kind::Event, 2);
        let mut p = ProseBuilder::default();
        p.text("The ");
        p.link(a, None);
        p.text(" met ");
        p.text("in ");
        p.link(b, Some("the capital"));
        p.text(".");
        let prose = p.finish();
        let got: Vec<_> = prose.segments().collect();
        assert_eq!(
            got,
            [
                ProseSegment::Text("The "),
                ProseSegment::Link {
                    target: a,
                    text: None
                },
                ProseSegment::Text(" met in "),
                ProseSegment::Link {
                    target: b,
                    text: Some("the capital")
                },
                ProseSegment::Text("."),
            ]
        );
        assert_eq!(prose.links().collect::<Vec<_>>(), [a, b]);
        assert!(!prose.is_empty());
        // A link alone is not empty prose; nothing at all is.
        let mut only = ProseBuilder::default();
        only.link(a, None);
        assert!(!only.finish().is_empty());
        assert!(ProseBuilder::default().finish().is_empty());
        let plain = Prose::plain("just text");
        assert_eq!(
            plain.segments().collect::<Vec<_>>(),
            [ProseSegment::Text("just text")]
        );
        assert_eq!(Prose::default().segments().count(), 0);
    }

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
