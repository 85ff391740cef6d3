//! Reading typed values out of the node tree, one field at a time, every
//! problem recorded and none fatal: a bad field yields `None` and a
//! diagnostic, and the walk goes on so the author sees everything at once.

use std::cell::Cell;
use std::collections::HashMap;

use super::diagnostic::Diagnostic;
use super::suggest::closest;
use super::tree::{Loc, Node, Value};
use crate::model::{Date, EntityRef, Kind, Vocabulary};
use crate::text::safe as safe_text;

/// Every id of the brief, with where it was declared.
pub struct Ids {
    pub map: HashMap<String, (EntityRef, usize, Loc)>,
    /// How many more unknown ids may be given a suggestion. Each one scans
    /// every id, so without a bound a brief of many broken references would
    /// take time quadratic in its size; only the first problems are printed.
    pub suggestions_left: Cell<usize>,
}

/// Suggestions computed per load; more than `render` ever prints.
pub const MAX_SUGGESTIONS: usize = 1_000;

impl Ids {
    pub fn new() -> Self {
        Ids {
            map: HashMap::new(),
            suggestions_left: Cell::new(MAX_SUGGESTIONS),
        }
    }

    /// The closest id of kind `want` to `id`, and (when none is close) a
    /// few ids of that kind, while the suggestion budget lasts.
    fn suggest(&self, id: &str, want: Option<Kind>) -> Option<String> {
        let left = self.suggestions_left.get();
        if left == 0 {
            return None;
        }
        self.suggestions_left.set(left - 1);
        let of_kind = || {
            self.map
                .iter()
                .filter(move |(_, (r, _, _))| want.is_none_or(|k| k == r.kind))
                .map(|(k, _)| k.as_str())
        };
        if let Some(near) = closest(id, of_kind()) {
            return Some(format!("did you mean `{near}`?"));
        }
        let mut some: Vec<&str> = of_kind().collect();
        let what = want.map_or("entities", Kind::section);
        if some.is_empty() {
            return Some(format!("this brief has no {what} yet"));
        }
        some.sort_unstable();
        let more = if some.len() > 8 { ", …" } else { "" };
        some.truncate(8);
        Some(format!(
            "the {what} of this brief are: {}{more}",
            some.join(", ")
        ))
    }
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
    pub fn text(&mut self, node: &Node) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(safe_text::sanitize(s).into_owned()),
            other => {
                let hint = match other {
                    Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                        "; put it in quotes to keep it as written"
                    }
                    _ => "",
                };
                self.error(
                    node.loc,
                    node.width,
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

    /// A date; a bare year (`2025`) is read by YAML as a number, and is fine.
    pub fn date(&mut self, node: &Node) -> Option<Date> {
        let text = match &node.value {
            Value::Int(n) => n.to_string(),
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
    /// one of the right kind, and ids of the wrong kind.
    pub fn resolve(
        &mut self,
        id: &str,
        loc: Loc,
        len: usize,
        want: Option<Kind>,
    ) -> Option<EntityRef> {
        let id = safe_text::one_line(id);
        let id = id.as_ref();
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
        let mut cursor = self.loc_of_byte(at);
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
            line: count(i + 1),
            col: count(col),
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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

/// How to fix a bad id: its kebab-case spelling when there is one.
pub fn id_help(id: &str) -> String {
    let mut kebab = String::new();
    for c in id.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            kebab.push(c);
        } else if !kebab.is_empty() && !kebab.ends_with('-') {
            kebab.push('-');
        }
    }
    let kebab = kebab.trim_end_matches('-');
    if kebab != id && id_problem(kebab).is_none() {
        format!("write it as `{kebab}`")
    } else if id.len() > 64 {
        "shorten it to 64 characters or fewer".to_owned()
    } else {
        "an id is lowercase words and digits joined by single hyphens, such as `kabul-meeting-2026`"
            .to_owned()
    }
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

    #[test]
    fn id_help_offers_the_kebab_spelling() {
        assert_eq!(id_help("Noor Wali"), "write it as `noor-wali`");
        assert_eq!(
            id_help("kabul_meeting_2026"),
            "write it as `kabul-meeting-2026`"
        );
        assert!(id_help("---").starts_with("an id is"));
        assert!(id_help(&"a".repeat(65)).starts_with("shorten"));
    }
}
