//! Reading typed values out of the node tree, one field at a time, every
//! problem recorded and none fatal: a bad field yields `None` and a
//! diagnostic, and the walk goes on so the author sees everything at once.

use std::collections::HashMap;

use super::diagnostic::Diagnostic;
use super::suggest::closest;
use super::tree::{Loc, Node, Value};
use crate::model::{Date, EntityRef, Kind, Vocabulary};
use crate::text::safe as safe_text;

/// Every id of the brief, with where it was declared.
#[derive(Default)]
pub struct Ids {
    pub map: HashMap<String, (EntityRef, usize, Loc)>,
}

/// The state of one walk over one file.
pub struct Ctx<'a> {
    pub file: usize,
    /// The file's text, for locating inline links inside prose.
    pub text: &'a str,
    /// Byte offset where each line starts, so locations convert in O(log n).
    line_starts: Vec<usize>,
    pub ids: &'a Ids,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

/// The entries of one mapping, after unknown keys were reported.
pub struct Fields<'n> {
    entries: &'n [(Node, Node)],
    pub loc: Loc,
    what: &'static str,
}

impl<'n> Fields<'n> {
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
    ) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Ctx {
            file,
            text,
            line_starts,
            ids,
            diagnostics,
        }
    }

    pub fn error(&mut self, loc: Loc, len: usize, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::at(self.file, loc, len, message));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
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
            return None;
        };
        for (key, _) in entries {
            match &key.value {
                Value::Str(k) if allowed.contains(&k.as_str()) => {}
                Value::Str(k) => {
                    let shown = safe_text::one_line(k).into_owned();
                    let len = shown.chars().count();
                    let help = match closest(k, allowed.iter().copied()) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("{what} fields are: {}", allowed.join(", ")),
                    };
                    self.error(key.loc, len, format!("unknown field `{shown}` in {what}"));
                    self.help(Some(help));
                }
                other => {
                    self.error(
                        key.loc,
                        1,
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

    /// A field that must be present.
    pub fn required<'n>(&mut self, fields: &Fields<'n>, key: &str) -> Option<&'n Node> {
        let found = fields.get(key);
        if found.is_none() {
            let what = fields.what;
            self.error(fields.loc, 1, format!("{what} is missing `{key}`"));
        }
        found
    }

    /// Text: a string, or an integer written without quotes (`2025`).
    pub fn text(&mut self, node: &Node) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(safe_text::sanitize(s).into_owned()),
            Value::Int(n) => Some(n.to_string()),
            other => {
                let hint = match other {
                    Value::Float(_) | Value::Bool(_) => "; put it in quotes to keep it as written",
                    _ => "",
                };
                self.error(
                    node.loc,
                    1,
                    format!("expected text, found {}{hint}", other.describe()),
                );
                None
            }
        }
    }

    /// Optional text field.
    pub fn opt_text(&mut self, fields: &Fields<'_>, key: &str) -> Option<String> {
        fields.get(key).and_then(|n| self.text(n))
    }

    /// Required text field, which must not be blank.
    pub fn req_text(&mut self, fields: &Fields<'_>, key: &str) -> Option<String> {
        let node = self.required(fields, key)?;
        let text = self.text(node)?;
        if text.trim().is_empty() {
            self.error(node.loc, 1, format!("`{key}` is blank"));
            return None;
        }
        Some(text)
    }

    /// A list of text items; a single item may stand without brackets.
    pub fn text_list(&mut self, node: Option<&Node>) -> Vec<String> {
        match node.map(|n| &n.value) {
            None => Vec::new(),
            Some(Value::Seq(items)) => items.iter().filter_map(|n| self.text(n)).collect(),
            Some(_) => node.and_then(|n| self.text(n)).into_iter().collect(),
        }
    }

    pub fn date(&mut self, node: &Node) -> Option<Date> {
        let text = self.text(node)?;
        match text.parse::<Date>() {
            Ok(date) => Some(date),
            Err(e) => {
                let offset = self.scalar_offset(node.loc);
                let loc = Loc {
                    line: node.loc.line,
                    col: node.loc.col + offset + u32::try_from(e.column).unwrap_or(0),
                };
                self.error(loc, 1, format!("bad date: {}", e.message));
                self.help(Some(
                    "dates look like 2025, 2025-10, 2025-10-28, late 2025-10 or 2026-01-02..2026-01-03"
                        .to_owned(),
                ));
                None
            }
        }
    }

    /// A word from a closed vocabulary.
    pub fn vocab<V: Vocabulary>(&mut self, node: &Node) -> Option<V> {
        let word = self.text(node)?;
        if let Some(v) = V::from_name(&word) {
            return Some(v);
        }
        let len = word.chars().count();
        self.error(node.loc, len, format!("unknown {} `{word}`", V::WHAT));
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
        let node = self.required(fields, key)?;
        self.vocab(node)
    }

    /// A reference to an entity of kind `want` (any kind when `None`).
    pub fn reference(&mut self, node: &Node, want: Option<Kind>) -> Option<EntityRef> {
        let id = self.text(node)?;
        self.resolve(&id, node.loc, want)
    }

    /// Resolves an id written at `loc`; reports unknown ids with the closest
    /// one of the right kind, and ids of the wrong kind.
    pub fn resolve(&mut self, id: &str, loc: Loc, want: Option<Kind>) -> Option<EntityRef> {
        let len = id.chars().count();
        match self.ids.map.get(id) {
            Some((r, _, _)) if want.is_none_or(|k| k == r.kind) => Some(*r),
            Some((r, _, _)) => {
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
                None
            }
            None => {
                let ids = self.ids;
                let near = closest(
                    id,
                    ids.map
                        .iter()
                        .filter(|(_, (r, _, _))| want.is_none_or(|k| k == r.kind))
                        .map(|(k, _)| k.as_str()),
                );
                let what = want.map_or("entity", Kind::noun);
                self.error(loc, len, format!("no {what} has the id `{id}`"));
                self.help(near.map(|n| format!("did you mean `{n}`?")));
                None
            }
        }
    }

    /// One reference or a list of them.
    pub fn references(&mut self, node: Option<&Node>, want: Kind) -> Vec<EntityRef> {
        match node.map(|n| &n.value) {
            None => Vec::new(),
            Some(Value::Seq(items)) => items
                .iter()
                .filter_map(|n| self.reference(n, Some(want)))
                .collect(),
            Some(_) => node
                .and_then(|n| self.reference(n, Some(want)))
                .into_iter()
                .collect(),
        }
    }

    /// Columns between where a scalar node starts and where its text does:
    /// 1 for a quoted scalar, 0 for a plain one.
    pub fn scalar_offset(&self, loc: Loc) -> u32 {
        match self.char_at(loc) {
            Some('"' | '\'') => 1,
            _ => 0,
        }
    }

    fn line(&self, number: u32) -> Option<&'a str> {
        let i = number.checked_sub(1)? as usize;
        let start = *self.line_starts.get(i)?;
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |e| e - 1);
        self.text.get(start..end)
    }

    fn char_at(&self, loc: Loc) -> Option<char> {
        self.line(loc.line)?
            .chars()
            .nth(loc.col.checked_sub(1)? as usize)
    }

    /// Byte offset in the file of a location.
    pub fn byte_of(&self, loc: Loc) -> usize {
        let i = loc.line.saturating_sub(1) as usize;
        let Some(&start) = self.line_starts.get(i) else {
            return self.text.len();
        };
        let line = self.line(loc.line).unwrap_or("");
        let col = loc.col.saturating_sub(1) as usize;
        start + line.char_indices().nth(col).map_or(line.len(), |(b, _)| b)
    }

    /// Location of a byte offset in the file.
    pub fn loc_of_byte(&self, byte: usize) -> Loc {
        let byte = self.text.floor_char_boundary(byte.min(self.text.len()));
        let i = self
            .line_starts
            .partition_point(|&s| s <= byte)
            .saturating_sub(1);
        let start = self.line_starts.get(i).copied().unwrap_or(0);
        let col = self.text[start..byte].chars().count() + 1;
        Loc {
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(u32::MAX),
        }
    }
}

/// Is `id` a well-formed id: lowercase kebab-case, at most 64 characters?
pub fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        return Some("an id cannot be empty");
    }
    if id.len() > 64 {
        return Some("an id has at most 64 characters");
    }
    let ok_chars = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok_chars {
        return Some("an id uses only lowercase letters, digits and hyphens (kebab-case)");
    }
    if id.starts_with('-') || id.ends_with('-') || id.contains("--") {
        return Some("an id has single hyphens between words, none at either end");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kebab_case() {
        assert_eq!(id_problem("ttp"), None);
        assert_eq!(id_problem("kabul-meeting-2026"), None);
        assert!(id_problem("TTP").is_some());
        assert!(id_problem("a--b").is_some());
        assert!(id_problem("-a").is_some());
        assert!(id_problem("a_b").is_some());
        assert!(id_problem(&"a".repeat(65)).is_some());
    }
}
