//! YAML text → a generic tree of nodes that remember where they stand.
//!
//! The schema is checked on this tree rather than by serde derive, because
//! derive stops at the first problem and an author wants all of them at
//! once. serde-saphyr parses under explicit budgets (see `budget`), so alias
//! bombs, deep nesting and node floods end in a located error, not in
//! exhausted memory.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, DuplicateKeyPolicy, Error, Options, Spanned, budget::BudgetBreach};

/// A 1-based line and column (in characters) in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
}

#[derive(Debug)]
pub struct Node {
    pub value: Value,
    pub loc: Loc,
}

#[derive(Debug)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// What the value is, for "expected X, found Y" messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// The limits a single file is parsed under; the format document lists them.
pub mod budget {
    pub const MAX_DEPTH: usize = 32;
    pub const MAX_NODES: usize = 8_000_000;
    pub const MAX_ALIASES: usize = 10_000;
    pub const MAX_REPLAYED: usize = 100_000;
}

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = budget::MAX_DEPTH;
    budget.flow_nesting_limit = budget::MAX_DEPTH;
    budget.max_nodes = budget::MAX_NODES;
    // Every node takes an event to open it and sometimes one to close it.
    budget.max_events = budget::MAX_NODES * 2 + 16;
    budget.max_aliases = budget::MAX_ALIASES;
    budget.max_anchors = budget::MAX_ALIASES;
    budget.max_recorded_anchor_events = budget::MAX_REPLAYED;
    budget.max_documents = 1;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.strict_booleans = true;
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.alias_limits.max_total_replayed_events = budget::MAX_REPLAYED;
    options.alias_limits.max_replay_stack_depth = budget::MAX_DEPTH;
    options
}

/// A parse failure: where, and what to tell the author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub loc: Loc,
    pub message: String,
}

/// Parses one YAML document. An empty document (only comments, or nothing)
/// yields `Ok(None)`.
pub fn parse(text: &str) -> Result<Option<Node>, ParseError> {
    match serde_saphyr::from_str_with_options::<Option<Node>>(text, options()) {
        Ok(node) => Ok(node.filter(|n| !matches!(n.value, Value::Null))),
        Err(err) => Err(to_parse_error(&err)),
    }
}

fn to_parse_error(err: &Error) -> ParseError {
    let loc = err
        .location()
        .map(|l| Loc {
            line: clamp(l.line()),
            col: clamp(l.column()),
        })
        .unwrap_or(Loc { line: 1, col: 1 });
    let mut inner = err;
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = inner {
        inner = error;
    }
    let message = match inner {
        Error::Budget { breach, .. } => budget_message(breach),
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => format!(
            "aliases here expand to more than {} values; write the values out or use fewer aliases",
            budget::MAX_REPLAYED
        ),
        Error::MultipleDocuments { .. } => {
            "a brief file holds one YAML document; remove the `---` separator or split the file"
                .to_owned()
        }
        other => clean_message(&other.to_string()),
    };
    let message = if message.contains("recursion limit") {
        budget_message(&BudgetBreach::Depth {
            depth: budget::MAX_DEPTH + 1,
        })
    } else {
        message
    };
    ParseError { loc, message }
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX).max(1)
}

fn budget_message(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Depth { .. } => format!(
            "nesting deeper than {} levels; a brief needs far fewer",
            budget::MAX_DEPTH
        ),
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => format!(
            "more than {} YAML values in one file (aliases count every time they are used); split the brief into several files",
            budget::MAX_NODES
        ),
        BudgetBreach::RecordedAnchorEvents { .. } => format!(
            "aliases here expand to more than {} values; write the values out or use fewer aliases",
            budget::MAX_REPLAYED
        ),
        BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => format!(
            "more than {} aliases or anchors in one file",
            budget::MAX_ALIASES
        ),
        BudgetBreach::Documents { .. } => {
            "a brief file holds one YAML document; remove the `---` separator or split the file"
                .to_owned()
        }
        other => format!("the file is too large or too complex to read safely ({other:?})"),
    }
}

/// serde-saphyr's display repeats the location ("error: line 2 column 2: …")
/// and may append a snippet; we print our own location and snippet.
fn clean_message(text: &str) -> String {
    let first = text.lines().next().unwrap_or(text);
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let rest = match first.strip_prefix("line ") {
        Some(after) => after
            .split_once(": ")
            .filter(|(pos, _)| pos.contains(" column "))
            .map_or(first, |(_, msg)| msg),
        None => first,
    };
    // Drop a trailing " at line N, column M": we print the location ourselves.
    let rest = match rest.rfind(" at line ") {
        Some(i) if rest[i..].contains(", column ") => &rest[..i],
        _ => rest,
    };
    let rest = rest.trim_end_matches(", set DuplicateKeyPolicy in Options if acceptable");
    rest.to_owned()
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(d)?;
        Ok(Node {
            loc: Loc {
                line: clamp(spanned.referenced.line()),
                col: clamp(spanned.referenced.column()),
            },
            value: spanned.value,
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Int(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(i64::try_from(n).map_or(Value::Float(n as f64), Value::Int))
    }
    fn visit_i128<E>(self, n: i128) -> Result<Value, E> {
        Ok(i64::try_from(n).map_or(Value::Float(n as f64), Value::Int))
    }
    fn visit_u128<E>(self, n: u128) -> Result<Value, E> {
        Ok(i64::try_from(n).map_or(Value::Float(n as f64), Value::Int))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Float(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::Str(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::Str(s))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Value, E> {
        Err(E::custom("binary data is not allowed in a brief"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(node) = seq.next_element()? {
            items.push(node);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_know_their_line_and_column() {
        let Some(node) = parse("a:\n  b: [x, y]\n").ok().flatten() else {
            panic!("no tree")
        };
        let Value::Map(top) = &node.value else {
            panic!("not a map")
        };
        let Value::Map(inner) = &top[0].1.value else {
            panic!("not a map")
        };
        assert_eq!(inner[0].0.loc, Loc { line: 2, col: 3 });
        let Value::Seq(items) = &inner[0].1.value else {
            panic!("not a seq")
        };
        assert_eq!(items[1].loc, Loc { line: 2, col: 10 });
    }

    #[test]
    fn empty_and_comment_only_documents_are_empty() {
        assert!(matches!(parse(""), Ok(None)));
        assert!(matches!(parse("# nothing\n"), Ok(None)));
    }

    #[test]
    fn yaml_1_1_booleans_stay_text() {
        let Some(node) = parse("x: yes").ok().flatten() else {
            panic!("no tree")
        };
        let Value::Map(m) = node.value else {
            panic!("not a map")
        };
        assert!(matches!(&m[0].1.value, Value::Str(s) if s == "yes"));
    }

    #[test]
    fn syntax_errors_are_located_and_cleaned() {
        let err = parse("a: [b, c\nd: e\n").err();
        let Some(err) = err else { panic!("parsed") };
        assert_eq!(err.loc, Loc { line: 2, col: 2 });
        assert!(!err.message.starts_with("error"), "{}", err.message);
        assert!(!err.message.contains("line 2"), "{}", err.message);
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let err = parse("a: 1\na: 2\n").err();
        let Some(err) = err else { panic!("parsed") };
        assert_eq!(err.loc.line, 2);
        assert_eq!(err.message, "duplicate mapping key: a");
    }

    #[test]
    fn alias_bombs_end_in_an_error() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
        {
            let refs = vec![format!("*{prev}"); 9].join(", ");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let Err(err) = parse(&text) else {
            panic!("an alias bomb was accepted")
        };
        assert!(
            err.message.contains("alias") || err.message.contains("values"),
            "{}",
            err.message
        );
    }

    #[test]
    fn deep_nesting_ends_in_an_error() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let Err(err) = parse(&text) else {
            panic!("deep nesting was accepted")
        };
        assert!(
            err.message.contains("nesting") || err.message.contains("deep"),
            "{}",
            err.message
        );
    }
}
