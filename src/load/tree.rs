//! YAML text → a generic tree of nodes that remember where they stand.
//!
//! The schema is checked on this tree rather than by serde derive, because
//! derive stops at the first problem and an author wants all of them at
//! once. serde-saphyr parses under explicit budgets (see `budget`), so alias
//! bombs, deep nesting and node floods end in a located error, not in
//! exhausted memory.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, DuplicateKeyPolicy, NonFiniteFloatPolicy, Options, Spanned};

pub use super::parse_error::ParseError;

/// A 1-based line and column (in characters) in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
}

#[derive(Debug)]
pub struct Node {
    pub value: Value,
    /// Where the node is used (for an alias, the `*name`).
    pub loc: Loc,
    /// How many characters the node takes where it is used, for markers.
    pub width: usize,
    /// Byte range of the node's text where it is defined (for an alias, the
    /// anchored node): inline links are searched for here and nowhere else.
    pub span: std::ops::Range<usize>,
    /// Where `span` starts, so locations inside it need no counting from
    /// the start of the line.
    pub span_loc: Loc,
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
    /// Text in scalars, aliases counted each time: the size of a file.
    pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
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
    budget.max_total_scalar_bytes = budget::MAX_TEXT_BYTES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.strict_booleans = true;
    // Duplicate keys reach the tree, and the schema walk reports them with
    // both locations and goes on (a parser error would end the file there).
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    // `.nan` and `.inf` become numbers, refused where text is expected.
    options.non_finite_float_policy = NonFiniteFloatPolicy::PassThrough;
    // YAML 1.2 as written: no under-indented flow entries.
    options.strict_indentation = true;
    options.with_snippet = false;
    options.alias_limits.max_total_replayed_events = budget::MAX_REPLAYED;
    options.alias_limits.max_replay_stack_depth = budget::MAX_DEPTH;
    options
}

/// Parses one YAML document. An empty document (only comments, or nothing)
/// yields `Ok(None)`.
pub fn parse(text: &str, spans: Spans) -> Result<Option<Node>, ParseError> {
    SPANS.with(|s| s.set(spans));
    let parsed = serde_saphyr::from_str_with_options::<Option<Node>>(text, options());
    SPANS.with(|s| s.set(Spans::On));
    match parsed {
        Ok(node) => Ok(node.filter(|n| !matches!(n.value, Value::Null))),
        Err(err) => Err(ParseError::new(&err, text)),
    }
}

/// Whether nodes record where they stand. Off is several times faster
/// (serde-saphyr's `Spanned` goes through a map per node); the loader
/// turns it on only to report problems (see `load_files`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spans {
    On,
    Off,
}

thread_local! {
    /// Read by `Node::deserialize`, which serde gives no other way to
    /// configure; set only around one call of [`parse`] on this thread.
    static SPANS: std::cell::Cell<Spans> = const { std::cell::Cell::new(Spans::On) };
}

/// 1-based line or column, from serde-saphyr's u64 (0 means unknown).
pub(super) fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX).max(1)
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if SPANS.with(std::cell::Cell::get) == Spans::Off {
            return Ok(Node {
                value: Value::deserialize(d)?,
                loc: Loc { line: 1, col: 1 },
                width: 1,
                span: 0..0,
                span_loc: Loc { line: 1, col: 1 },
            });
        }
        let spanned = Spanned::<Value>::deserialize(d)?;
        let used = spanned.referenced;
        let span_loc = Loc {
            line: clamp(spanned.defined.line()),
            col: clamp(spanned.defined.column()),
        };
        let defined = spanned.defined.span();
        let start = defined.byte_offset().unwrap_or(0);
        let end = start.saturating_add(defined.byte_len().unwrap_or(0));
        Ok(Node {
            loc: Loc {
                line: clamp(used.line()),
                col: clamp(used.column()),
            },
            width: usize::try_from(used.span().len()).unwrap_or(1).max(1),
            span: usize::try_from(start).unwrap_or(0)..usize::try_from(end).unwrap_or(0),
            span_loc,
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

    fn parse(text: &str) -> Result<Option<Node>, ParseError> {
        super::parse(text, Spans::On)
    }

    #[test]
    fn without_spans_the_tree_is_the_same_but_unlocated() {
        let text = "a:\n  b: [x, 2]\n";
        let (Ok(Some(on)), Ok(Some(off))) = (parse(text), super::parse(text, Spans::Off)) else {
            panic!("no tree")
        };
        assert_eq!(
            format!("{:?}", strip(&on.value)),
            format!("{:?}", strip(&off.value))
        );
        assert_eq!(off.loc, Loc { line: 1, col: 1 });
        // The setting does not outlive the call.
        let Ok(Some(again)) = parse(text) else {
            panic!("no tree")
        };
        let Value::Map(m) = &again.value else {
            panic!("not a map")
        };
        assert_eq!(m[0].1.loc.line, 2);
    }

    /// The values without their locations.
    fn strip(v: &Value) -> String {
        match v {
            Value::Seq(items) => items
                .iter()
                .map(|n| strip(&n.value))
                .collect::<Vec<_>>()
                .join(","),
            Value::Map(entries) => entries
                .iter()
                .map(|(k, v)| format!("{}={}", strip(&k.value), strip(&v.value)))
                .collect::<Vec<_>>()
                .join(";"),
            other => format!("{other:?}"),
        }
    }

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
        assert_eq!(err.loc, Loc { line: 2, col: 1 }, "{}", err.message);
        assert!(err.message.starts_with("YAML syntax: "), "{}", err.message);
        assert!(!err.message.starts_with("error"), "{}", err.message);
        assert!(!err.message.contains("line 2"), "{}", err.message);
    }

    #[test]
    fn duplicate_keys_reach_the_tree() {
        // The schema walk reports them with both locations (see fields.rs).
        let Some(node) = parse("a: 1\na: 2\n").ok().flatten() else {
            panic!("no tree")
        };
        let Value::Map(m) = node.value else {
            panic!("not a map")
        };
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].0.loc, Loc { line: 2, col: 1 });
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
