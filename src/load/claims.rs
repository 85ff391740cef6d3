//! The composite values every claim is made of: prose with inline links,
//! citations, figures and relations.

use super::fields::Ctx;
use super::tree::{Node, Value};
use crate::model::prose::{RawSegment, split_links};
use crate::model::{Certainty, Cite, Figure, Kind, Prose, ProseSegment, Relation, RelationKind};

impl Ctx<'_> {
    /// Prose with `[[id]]` / `[[id|text]]` links, each resolved and each
    /// problem pointed at the link itself, not just the field.
    pub fn prose(&mut self, node: &Node) -> Option<Prose> {
        let text = self.text(node)?;
        let (raw, errors) = split_links(&text);
        // Pair each `[[` of the parsed text with the next `[[` in the file
        // from where the scalar starts: links are written verbatim even in
        // block scalars, so this finds them without re-parsing YAML.
        let mut cursor = self.byte_of(node.loc);
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (text_at, _) in text.match_indices("[[") {
            let Some(i) = self.text.get(cursor..).and_then(|rest| rest.find("[[")) else {
                break;
            };
            pairs.push((text_at, cursor + i));
            cursor += i + 2;
        }
        let locate = |ctx: &Self, text_at: usize| {
            pairs
                .iter()
                .rev()
                .find(|(t, _)| *t <= text_at)
                .map_or(node.loc, |(t, f)| ctx.loc_of_byte(f + (text_at - t)))
        };
        let mut ok = true;
        for e in &errors {
            let loc = locate(self, e.at);
            self.error(loc, 2, format!("malformed link: {}", e.message));
            ok = false;
        }
        let mut segments = Vec::with_capacity(raw.len());
        for seg in raw {
            match seg {
                RawSegment::Text(t) => segments.push(ProseSegment::Text(t.to_owned())),
                RawSegment::Link { id, text, at } => {
                    let loc = locate(self, at);
                    match self.resolve(id, loc, None) {
                        Some(target) => segments.push(ProseSegment::Link {
                            target,
                            text: text.map(str::to_owned),
                        }),
                        None => ok = false,
                    }
                }
            }
        }
        ok.then_some(Prose { segments })
    }

    pub fn opt_prose(&mut self, node: Option<&Node>) -> Prose {
        node.and_then(|n| self.prose(n)).unwrap_or_default()
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
        items.iter().filter_map(|item| self.cite(item)).collect()
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
        let node = self.required(f, "cites");
        let cites = self.cites(node);
        if let Some(n) = node
            && cites.is_empty()
            && matches!(&n.value, Value::Seq(v) if v.is_empty())
        {
            self.error(n.loc, 1, format!("{what} must cite at least one source"));
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
            Some((Value::Seq(items), _)) => items.iter().filter_map(|n| one(self, n)).collect(),
            Some((other, loc)) => {
                let found = other.describe();
                self.error(loc, 1, format!("`{field}` is a list, found {found}"));
                Vec::new()
            }
        }
    }
}
