//! Reading typed values out of the node tree, one field at a time, every
//! problem recorded and none fatal: a bad field yields `None` and a
//! diagnostic, and the walk goes on so the author sees everything at once.

use std::collections::HashMap;

use compact_str::CompactString;

use super::diagnostic::Diagnostic;
use super::ids::Ids;
use super::suggest::closest;
use super::tree::{Loc, Node, Value};
use crate::model::{Date, EntityRef, Kind, Vocabulary};
use crate::text::safe as safe_text;

/// The shapes of a date, for help lines.
const DATE_FORMS: &str =
    "as 2025, 2025-10, 2025-10-28, late 2025-10 or 2026-01-02..2026-01-03 (see briefs/FORMAT.md)";

/// What `one` builds of each item, in a list exactly as long as the items
/// (`collect` over a filter would leave room for four; a large brief holds
/// hundreds of thousands of one-item lists).
pub fn each<T>(items: &[Node], one: impl FnMut(&Node) -> Option<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len());
    out.extend(items.iter().filter_map(one));
    out
}

/// The state of a walk over a node of one file (an entity, or `brief:`).
pub struct Ctx<'a> {
    pub file: usize,
    /// The file's text, for locating inline links inside prose.
    pub text: &'a str,
    pub ids: &'a Ids,
    pub diagnostics: &'a mut Vec<Diagnostic>,
    /// Where references to ids not declared yet wait for the end of the
    /// brief (see `forward`); `None` resolves them now, for good.
    pub pending: Option<&'a mut Vec<Pending>>,
}

/// A reference to an id not declared when it was read: it may be declared
/// further on, in this file or another.
pub struct Pending {
    pub id: CompactString,
    pub file: usize,
    pub loc: Loc,
    pub len: usize,
    pub want: Option<Kind>,
}

/// The entries of one mapping, after unknown keys were reported.
pub struct Fields<'n> {
    entries: &'n [(Node, Node)],
    pub loc: Loc,
    what: &'static str,
}

impl<'n> Fields<'n> {
    /// The key node of `key`, if written (even with an empty value).
    pub fn key(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .map(|(k, _)| k)
    }

    /// The value of `key`, or `None` if absent or left empty (`key:`).
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .map(|(_, v)| v)
            .filter(|v| !matches!(v.value, Value::Null))
    }
}

impl<'a> Ctx<'a> {
    pub fn new(
        file: usize,
        text: &'a str,
        ids: &'a Ids,
        diagnostics: &'a mut Vec<Diagnostic>,
        pending: Option<&'a mut Vec<Pending>>,
    ) -> Self {
        Ctx {
            file,
            text,
            ids,
            diagnostics,
            pending,
        }
    }

    pub fn error(&mut self, loc: Loc, len: usize, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::at(self.file, loc, len, message));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    /// Sets the help of the last diagnostic.
    pub fn help_last(&mut self, help: &str) {
        self.help(Some(help.to_owned()));
    }

    fn help(&mut self, help: Option<String>) {
        if let (Some(h), Some(d)) = (help, self.diagnostics.last_mut()) {
            d.help = Some(h);
        }
    }

    /// Opens a mapping, reporting keys that are not in `allowed`.
    pub fn mapping<'n>(
        &mut self,
        node: &'n Node,
        what: &'static str,
        allowed: &[&'static str],
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.error(
                node.loc,
                1,
                format!(
                    "expected {what} (a mapping of fields), found {}",
                    node.value.describe()
                ),
            );
            self.help_last(
                "write its fields as `key: value` lines, indented under it (see briefs/FORMAT.md)",
            );
            return None;
        };
        // Linear in the number of keys, however many a hostile file has.
        let mut seen: HashMap<&str, Loc> = HashMap::new();
        for (key, _) in entries {
            match &key.value {
                Value::Str(k) if allowed.contains(&k.as_str()) => {
                    if let Some(first) = seen.insert(k, key.loc) {
                        self.error(
                            key.loc,
                            key.width,
                            format!(
                                "`{k}` is given twice in {what}; the first is at line {}, column {}",
                                first.line, first.col
                            ),
                        );
                        self.help(Some("keep one of them".to_owned()));
                    }
                }
                Value::Str(k) => {
                    let shown = safe_text::one_line(k).into_owned();
                    let help = match closest(k, allowed.iter().copied()) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("the fields of {what} are: {}", allowed.join(", ")),
                    };
                    self.error(
                        key.loc,
                        key.width,
                        format!("unknown field `{shown}` in {what}"),
                    );
                    self.help(Some(help));
                }
                other => {
                    self.error(
                        key.loc,
                        key.width,
                        format!("a field name must be text, found {}", other.describe()),
                    );
                }
            }
        }
        Some(Fields {
            entries,
            loc: node.loc,
            what,
        })
    }

    /// A field that must be present and not left empty. A missing field is
    /// reported at the entity (its first key), an empty one at its key.
    pub fn required<'n>(&mut self, fields: &Fields<'n>, key: &str) -> Option<&'n Node> {
        let found = fields.get(key);
        if found.is_none() {
            let what = fields.what;
            match fields.key(key) {
                Some(k) => self.error(k.loc, k.width, format!("`{key}` is empty; {what} needs it")),
                None => self.error(fields.loc, 1, format!("{what} is missing `{key}`")),
            };
        }
        found
    }

    /// Text: a string. A number or a boolean is refused, as the format says,
    /// rather than turned into text: YAML reads `007` as 7 and `0x1F` as 31,
    /// so the text would not be what the author wrote.
    pub fn text(&mut self, node: &Node) -> Option<CompactString> {
        match &node.value {
            Value::Str(s) => Some(CompactString::from(safe_text::sanitize(s))),
            other => {
                self.error(
                    node.loc,
                    node.width,
                    format!("expected text, found {}", other.describe()),
                );
                if matches!(other, Value::Int(_) | Value::Float(_) | Value::Bool(_)) {
                    self.help_last("put it in quotes to keep it as written");
                }
                None
            }
        }
    }

    /// Optional text field.
    pub fn opt_text(&mut self, fields: &Fields<'_>, key: &str) -> Option<CompactString> {
        fields.get(key).and_then(|n| self.text(n))
    }

    /// Required text field, which must not be blank.
    pub fn req_text(&mut self, fields: &Fields<'_>, key: &str) -> Option<CompactString> {
        let node = self.required(fields, key)?;
        let text = self.text(node)?;
        if text.trim().is_empty() {
            self.error(node.loc, 1, format!("`{key}` is blank"));
            return None;
        }
        Some(text)
    }

    /// A list of text items; a single item may stand without brackets.
    pub fn text_list(&mut self, node: Option<&Node>) -> Vec<CompactString> {
        match node.map(|n| &n.value) {
            None => Vec::new(),
            Some(Value::Seq(items)) => each(items, |n| self.text(n)),
            Some(_) => node.and_then(|n| self.text(n)).into_iter().collect(),
        }
    }

    /// A date; a bare year (`2025`) is read by YAML as a number, and is fine.
    pub fn date(&mut self, node: &Node) -> Option<Date> {
        let text = match &node.value {
            // Only as digits: `0x7E9` is 2025 to YAML, but not a date.
            Value::Int(n) if self.text.get(node.span.clone()) == Some(n.to_string().as_str()) => {
                CompactString::from(n.to_string())
            }
            _ => self.text(node)?,
        };
        match text.parse::<Date>() {
            Ok(date) => Some(date),
            Err(e) => {
                let offset = self.scalar_offset(node);
                let loc = Loc {
                    line: node.loc.line,
                    col: node.loc.col + offset + u32::try_from(e.column).unwrap_or(0),
                };
                self.error(loc, 1, format!("bad date: {}", e.message));
                self.help_last(&format!("write a date {DATE_FORMS}"));
                None
            }
        }
    }

    /// A date field that must be present.
    pub fn req_date(&mut self, fields: &Fields<'_>, key: &str) -> Option<Date> {
        let Some(node) = self.required(fields, key) else {
            self.help_last(&format!("add `{key}:` {DATE_FORMS}"));
            return None;
        };
        self.date(node)
    }

    /// A word from a closed vocabulary.
    pub fn vocab<V: Vocabulary>(&mut self, node: &Node) -> Option<V> {
        let word = self.text(node)?;
        if let Some(v) = V::from_name(&word) {
            return Some(v);
        }
        let shown = safe_text::one_line(&word);
        self.error(
            node.loc,
            node.width,
            format!("unknown {} `{shown}`", V::WHAT),
        );
        let help = match closest(&word, V::names()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!(
                "expected one of: {}",
                V::names().collect::<Vec<_>>().join(", ")
            ),
        };
        self.help(Some(help));
        None
    }

    pub fn req_vocab<V: Vocabulary>(&mut self, fields: &Fields<'_>, key: &str) -> Option<V> {
        let Some(node) = self.required(fields, key) else {
            let words = V::names().collect::<Vec<_>>().join(", ");
            self.help(Some(format!("add `{key}:`, one of: {words}")));
            return None;
        };
        self.vocab(node)
    }

    /// A reference to an entity of kind `want` (any kind when `None`).
    pub fn reference(&mut self, node: &Node, want: Option<Kind>) -> Option<EntityRef> {
        let id = self.text(node)?;
        self.resolve(&id, node.loc, node.width, want)
    }

    /// Resolves an id written at `loc`; reports unknown ids with the closest
    /// one of the right kind, and ids of the wrong kind. An id not declared
    /// yet, while references may wait, gets a stand-in (see `forward`).
    pub fn resolve(
        &mut self,
        id: &str,
        loc: Loc,
        len: usize,
        want: Option<Kind>,
    ) -> Option<EntityRef> {
        let id = safe_text::one_line(id);
        let id = id.as_ref();
        match self.ids.get(id).map(|d| d.entity) {
            Some(r) if want.is_none_or(|k| k == r.kind) => Some(r),
            Some(r) => {
                let want = want.unwrap_or(r.kind);
                self.error(
                    loc,
                    len,
                    format!(
                        "`{id}` is {} {}, but {} {} is expected here",
                        r.kind.article(),
                        r.kind.noun(),
                        want.article(),
                        want.noun()
                    ),
                );
                let help = self.ids.suggest(id, Some(want));
                self.help(help);
                None
            }
            None if self.pending.is_some() => {
                let pending = self.pending.as_deref_mut()?;
                let stand_in = super::forward::stand_in(pending.len(), want);
                pending.push(Pending {
                    id: CompactString::from(id),
                    file: self.file,
                    loc,
                    len,
                    want,
                });
                stand_in
            }
            None => {
                let what = want.map_or("entity", Kind::noun);
                self.error(loc, len, format!("no {what} has the id `{id}`"));
                let help = self.ids.suggest(id, want);
                self.help(help);
                None
            }
        }
    }

    /// One reference or a list of them.
    pub fn references(&mut self, node: Option<&Node>, want: Kind) -> Vec<EntityRef> {
        match node.map(|n| &n.value) {
            None => Vec::new(),
            Some(Value::Seq(items)) => each(items, |n| self.reference(n, Some(want))),
            Some(_) => node
                .and_then(|n| self.reference(n, Some(want)))
                .into_iter()
                .collect(),
        }
    }

    /// Columns between where a scalar node starts and where its text does:
    /// 1 for a quoted scalar, 0 for a plain one.
    pub fn scalar_offset(&self, node: &Node) -> u32 {
        match self.text.as_bytes().get(node.span.start) {
            Some(b'"' | b'\'') => 1,
            _ => 0,
        }
    }

    /// Locations of file bytes given in increasing order (as links are),
    /// in one pass: a long line with many links costs its length once, not
    /// once per link. `None`, or a byte out of order, falls back to `node`.
    pub fn locs(&self, node: &Node, bytes: impl Iterator<Item = Option<usize>>) -> Vec<Loc> {
        let mut at = node.span.start;
        let mut cursor = node.span_loc;
        let mut out = Vec::new();
        for byte in bytes {
            let Some(byte) = byte.filter(|b| *b >= at && *b <= self.text.len()) else {
                out.push(node.loc);
                continue;
            };
            let between = self.text.get(at..byte).unwrap_or("");
            match between.rfind('\n') {
                None => cursor.col = cursor.col.saturating_add(count(between.chars().count())),
                Some(nl) => {
                    let lines = between.bytes().filter(|b| *b == b'\n').count();
                    cursor.line = cursor.line.saturating_add(count(lines));
                    cursor.col = count(between[nl + 1..].chars().count() + 1);
                }
            }
            at = byte;
            out.push(cursor);
        }
        out
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
