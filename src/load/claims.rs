//! The composite values every claim is made of: prose with inline links,
//! citations, figures and relations.

use super::fields::{Ctx, each};
use super::tree::{Node, Value};
use crate::model::prose::{RawSegment, split_links};
use crate::model::{Certainty, Cite, Figure, Kind, Prose, ProseBuilder, Relation, RelationKind};

/// How many `[[` may open while another is still open, in one text. A
/// real text has one or two such typos; a hostile one (a megabyte of `[[`)
/// would otherwise bury the report under a problem per bracket.
const MAX_REOPENED: usize = 16;

/// The offset of the `[[` that passes `limit` reopened links, if one does.
/// Jumps from one `[[` or `]]` to the next with `str::find`, so a long text
/// with few brackets costs little even in a debug build.
fn reopened(text: &str, limit: usize) -> Option<usize> {
    let next = |pattern: &str, from: usize| text.get(from..)?.find(pattern).map(|i| from + i);
    let (mut open, mut close) = (next("[[", 0), next("]]", 0));
    let (mut inside, mut count) = (false, 0);
    while let Some(o) = open {
        match close {
            Some(c) if c < o => {
                inside = false;
                close = next("]]", c + 2);
            }
            _ => {
                if inside {
                    count += 1;
                    if count > limit {
                        return Some(o);
                    }
                }
                inside = true;
                open = next("[[", o + 2);
            }
        }
    }
    None
}

/// Where a byte of the parsed text stands in the file: after the nearest
/// `[[` at or before it (links are written on one line).
fn file_byte(pairs: &[(usize, usize)], text_at: usize) -> Option<usize> {
    let i = pairs.partition_point(|(t, _)| *t <= text_at);
    i.checked_sub(1)
        .and_then(|i| pairs.get(i))
        .map(|(t, f)| f + (text_at - t))
}

impl Ctx<'_> {
    /// Prose with `[[id]]` / `[[id|text]]` links, each resolved and each
    /// problem pointed at the link itself, not just the field.
    pub fn prose(&mut self, node: &Node) -> Option<Prose> {
        let text = self.text(node)?;
        let pairs = self.link_pairs(&text, node);
        if let Some(at) = reopened(&text, MAX_REOPENED) {
            let loc = self.locs(node, std::iter::once(file_byte(&pairs, at)));
            let loc = loc.first().copied().unwrap_or(node.loc);
            self.error(
                loc,
                2,
                format!("malformed links: more than {MAX_REOPENED} `[[` open again before a `]]` closes the one before"),
            );
            self.help_last("write a link as [[id]] or [[id|text]], closed on the same line");
            return None;
        }
        let (raw, errors) = split_links(&text);
        let file_byte = |text_at: usize| file_byte(&pairs, text_at);
        let error_locs = self.locs(node, errors.iter().map(|e| file_byte(e.at)));
        let link_locs = self.locs(
            node,
            raw.iter().filter_map(|seg| match seg {
                RawSegment::Link { at, .. } => Some(file_byte(*at)),
                RawSegment::Text(_) => None,
            }),
        );
        let mut ok = true;
        for (e, loc) in errors.iter().zip(error_locs) {
            self.error(loc, 2, format!("malformed link: {}", e.message));
            self.help_last("write a link as [[id]] or [[id|text]], closed on the same line");
            ok = false;
        }
        let mut link_locs = link_locs.into_iter();
        let mut prose = ProseBuilder::default();
        for seg in raw {
            match seg {
                RawSegment::Text(t) => prose.text(t),
                RawSegment::Link { id, text, .. } => {
                    let loc = link_locs.next().unwrap_or(node.loc);
                    match self.resolve(id, loc, id.chars().count(), None) {
                        Some(target) => prose.link(target, text),
                        None => ok = false,
                    }
                }
            }
        }
        ok.then(|| prose.finish())
    }

    /// Pairs each `[[` of the parsed text with the next `[[` of the node's
    /// own text in the file: links are written verbatim even in block
    /// scalars, so this finds them without re-parsing YAML. Linear: the
    /// search never leaves the node's span nor goes back.
    fn link_pairs(&self, text: &str, node: &Node) -> Vec<(usize, usize)> {
        let span = self.text.get(node.span.clone()).unwrap_or("");
        let mut pairs = Vec::new();
        let mut found = span.match_indices("[[").map(|(i, _)| node.span.start + i);
        for (text_at, _) in text.match_indices("[[") {
            let Some(file_at) = found.next() else { break };
            pairs.push((text_at, file_at));
        }
        pairs
    }

    /// Optional prose: empty when absent, `None` when written but broken.
    pub fn opt_prose(&mut self, node: Option<&Node>) -> Option<Prose> {
        match node {
            None => Some(Prose::default()),
            Some(n) => self.prose(n),
        }
    }

    /// `cites:` — a list of source ids or `{ source, para }` mappings.
    pub fn cites(&mut self, node: Option<&Node>) -> Vec<Cite> {
        let Some(node) = node else {
            return Vec::new();
        };
        let items: &[Node] = match &node.value {
            Value::Seq(items) => items,
            _ => std::slice::from_ref(node),
        };
        each(items, |item| self.cite(item))
    }

    fn cite(&mut self, node: &Node) -> Option<Cite> {
        if !matches!(node.value, Value::Map(_)) {
            let source = self.reference(node, Some(Kind::Source))?;
            return Some(Cite { source, para: None });
        }
        let f = self.mapping(node, "a citation", &["source", "para"])?;
        let source = self.required(&f, "source");
        let source = source.and_then(|n| self.reference(n, Some(Kind::Source)));
        let para = match f.get("para") {
            None => None,
            Some(n) => match &n.value {
                Value::Int(p) if *p >= 1 && *p <= i64::from(u32::MAX) => u32::try_from(*p).ok(),
                _ => {
                    self.error(n.loc, 1, "`para` is a paragraph number, counted from 1");
                    return None;
                }
            },
        };
        Some(Cite {
            source: source?,
            para,
        })
    }

    /// `cites:` that must name at least one source.
    pub fn req_cites(&mut self, f: &super::fields::Fields<'_>, what: &str) -> Vec<Cite> {
        const HELP: &str = "list the sources it rests on: `cites: [source-id]`, or `cites: [{ source: source-id, para: 2 }]`";
        let Some(node) = self.required(f, "cites") else {
            self.help_last(HELP);
            return Vec::new();
        };
        let cites = self.cites(Some(node));
        if cites.is_empty() && matches!(&node.value, Value::Seq(v) if v.is_empty()) {
            self.error(node.loc, 2, format!("{what} must cite at least one source"));
            self.help_last(HELP);
        }
        cites
    }

    pub fn figures(&mut self, node: Option<&Node>) -> Vec<Figure> {
        self.list(node, "figures", |ctx, item| {
            let f = ctx.mapping(item, "a figure", &["value", "what", "certainty", "cites"])?;
            let value = ctx.req_text(&f, "value");
            let what = ctx.req_text(&f, "what");
            let certainty = f.get("certainty").and_then(|n| ctx.vocab::<Certainty>(n));
            let cites = ctx.req_cites(&f, "a figure");
            Some(Figure {
                value: value?,
                what: what?,
                certainty,
                cites,
            })
        })
    }

    pub fn relations(&mut self, node: Option<&Node>) -> Vec<Relation> {
        self.list(node, "relations", |ctx, item| {
            let f = ctx.mapping(
                item,
                "a relation",
                &["kind", "to", "note", "certainty", "cites"],
            )?;
            let kind = ctx.req_vocab::<RelationKind>(&f, "kind");
            let to = ctx
                .required(&f, "to")
                .and_then(|n| ctx.reference(n, Some(Kind::Actor)));
            let note = ctx.opt_text(&f, "note");
            let certainty = f.get("certainty").and_then(|n| ctx.vocab::<Certainty>(n));
            let cites = ctx.req_cites(&f, "a relation");
            Some(Relation {
                kind: kind?,
                to: to?,
                note,
                certainty,
                cites,
            })
        })
    }

    /// Items of a list field, each built by `one`; a non-list is an error.
    pub fn list<T>(
        &mut self,
        node: Option<&Node>,
        field: &str,
        mut one: impl FnMut(&mut Self, &Node) -> Option<T>,
    ) -> Vec<T> {
        match node.map(|n| (&n.value, n.loc)) {
            None => Vec::new(),
            Some((Value::Seq(items), _)) => each(items, |n| one(self, n)),
            Some((other, loc)) => {
                let found = other.describe();
                self.error(loc, 1, format!("`{field}` is a list, found {found}"));
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::reopened;

    #[test]
    fn reopened_links_are_counted_until_a_close() {
        assert_eq!(reopened("[[a]] [[b]] [[c]]", 0), None);
        assert_eq!(reopened("[[a [[b]]", 0), Some(4));
        assert_eq!(reopened("[[a [[b]]", 1), None);
        // Counted over the whole text, not reset by a `]]`.
        assert_eq!(reopened("[[a [[b [[c ]] [[d [[e", 3), None);
        assert_eq!(reopened("[[a [[b [[c ]] [[d [[e [[f", 3), Some(23));
        assert_eq!(reopened("[[[[[[", 1), Some(4));
    }
}
