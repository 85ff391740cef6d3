//! Ids: which are well formed, declaring each as its entity is read (a
//! duplicate is caught with the place of the first), and the "did you
//! mean …?" for an id that does not exist.

use std::cell::Cell;
use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;

use compact_str::CompactString;

use super::diagnostic::{Diagnostic, SourceFile};
use super::entities;
use super::suggest::closest;
use super::tree::{Loc, Node, Value};
use crate::model::{EntityRef, Kind};
use crate::text::safe as safe_text;

/// One declared id: the entity, and where (file, place) it was declared.
pub struct Declared {
    pub id: CompactString,
    pub entity: EntityRef,
    pub file: usize,
    pub loc: Loc,
}

/// Every id of the brief, with where it was declared.
pub struct Ids {
    /// In the order declared.
    declared: Vec<Declared>,
    /// Indexes into `declared`, hashed by id: a table of 4-byte slots
    /// rather than of whole entries, which a large brief has hundreds of
    /// thousands of.
    table: HashTable<u32>,
    hasher: RandomState,
    /// How many more ids may be compared with an unknown one to suggest the
    /// closest. Each suggestion scans every id, so without a bound a brief
    /// of many broken references would take time quadratic in its size;
    /// only the first problems are printed anyway.
    pub comparisons_left: Cell<usize>,
}

/// Id comparisons per load: a suggestion for each of the first thousand
/// unknown ids of a brief of a thousand ids, about a second in debug.
pub const MAX_COMPARISONS: usize = 1_000_000;

impl Ids {
    pub fn new() -> Self {
        Ids {
            declared: Vec::new(),
            table: HashTable::new(),
            hasher: RandomState::new(),
            comparisons_left: Cell::new(MAX_COMPARISONS),
        }
    }

    /// Where `id` was declared, if it was.
    pub fn get(&self, id: &str) -> Option<&Declared> {
        let hash = self.hasher.hash_one(id);
        let at = self
            .table
            .find(hash, |&i| self.declared[i as usize].id == id)?;
        Some(&self.declared[*at as usize])
    }

    /// Declares `id` (not declared before: see [`Ids::get`]).
    fn insert(&mut self, d: Declared) {
        let Ok(n) = u32::try_from(self.declared.len()) else {
            return;
        };
        let hash = self.hasher.hash_one(d.id.as_str());
        let (declared, hasher) = (&self.declared, &self.hasher);
        self.table.insert_unique(hash, n, |&i| {
            hasher.hash_one(declared[i as usize].id.as_str())
        });
        self.declared.push(d);
    }

    /// The closest id of kind `want` to `id`, and (when none is close) a
    /// few ids of that kind, while the suggestion budget lasts.
    pub fn suggest(&self, id: &str, want: Option<Kind>) -> Option<String> {
        let left = self.comparisons_left.get();
        if left < self.declared.len() {
            return None;
        }
        self.comparisons_left.set(left - self.declared.len());
        let of_kind = || {
            self.declared
                .iter()
                .filter(move |d| want.is_none_or(|k| k == d.entity.kind))
                .map(|d| d.id.as_str())
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

/// The `id` of an entity, when it is written as text.
pub fn entity_id(node: &Node) -> Option<&str> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    entries
        .iter()
        .find_map(|(k, v)| match (&k.value, &v.value) {
            (Value::Str(k), Value::Str(v)) if k == "id" => Some(v.as_str()),
            _ => None,
        })
}

impl Ids {
    /// Declares entity `r`, written as `node` in file `file`; a missing,
    /// malformed or duplicate id is reported and not declared.
    pub fn declare(
        &mut self,
        files: &[SourceFile],
        file: usize,
        r: EntityRef,
        node: &Node,
        out: &mut Vec<Diagnostic>,
    ) {
        let Value::Map(entries) = &node.value else {
            return;
        };
        let Some((_, id_node)) = entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == "id"))
        else {
            out.push(
                Diagnostic::at(file, node.loc, 1, format!("{} is missing `id`", entities::what(r.kind)))
                    .with_help("give it an `id:`, a short kebab-case name such as `kabul-meeting-2026`, unique in the brief"),
            );
            return;
        };
        let Value::Str(id) = &id_node.value else {
            out.push(
                Diagnostic::at(
                    file,
                    id_node.loc,
                    id_node.width,
                    format!("an id is text, found {}", id_node.value.describe()),
                )
                .with_help("write an id such as `ttp` or `kabul-meeting-2026`"),
            );
            return;
        };
        let shown = safe_text::one_line(id);
        if let Some(problem) = id_problem(id) {
            out.push(
                Diagnostic::at(
                    file,
                    id_node.loc,
                    id_node.width,
                    format!("bad id `{shown}`: {problem}"),
                )
                .with_help(id_help(id)),
            );
            return;
        }
        if let Some(first) = self.get(id) {
            let name = &files[first.file].name;
            out.push(
                Diagnostic::at(
                    file,
                    id_node.loc,
                    id_node.width,
                    format!(
                        "duplicate id `{id}`: already used by {} at {name}:{}:{}",
                        entities::what(first.entity.kind),
                        first.loc.line,
                        first.loc.col
                    ),
                )
                .with_help("ids are unique across the whole brief; rename one of them"),
            );
            return;
        }
        self.insert(Declared {
            id: CompactString::from(id.as_str()),
            entity: r,
            file,
            loc: id_node.loc,
        });
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
