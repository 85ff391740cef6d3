//! The located tree the schema is checked on: [`Node`]s that remember
//! where they stand. The schema is checked on nodes rather than by serde
//! derive, because derive stops at the first problem and an author wants
//! all of them at once. `reader` builds them from the YAML events under
//! the limits in [`budget`]; [`parse`] builds a whole file's tree (tests
//! and tools; the loader streams sections instead).

pub use super::parse_error::ParseError;
use super::reader::{self, Sink};

/// A 1-based line and column (in characters) in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone)]
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

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// A node standing for `value` at `loc`, with no text of its own in
    /// the file (a list whose items are read one by one).
    pub fn placeholder(value: Value, loc: Loc) -> Self {
        Node {
            value,
            loc,
            width: 1,
            span: 0..0,
            span_loc: loc,
        }
    }
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

/// Parses one YAML document into one tree. An empty document (only
/// comments, or nothing) yields `Ok(None)`.
pub fn parse(text: &str) -> Result<Option<Node>, ParseError> {
    let mut tree = Tree { root: None };
    reader::read(text, &mut tree)?;
    Ok(tree.root.filter(|n| !matches!(n.value, Value::Null)))
}

/// Puts the streamed sections back into one tree.
struct Tree {
    root: Option<Node>,
}

impl Tree {
    fn entries(&mut self) -> Option<&mut Vec<(Node, Node)>> {
        match &mut self.root {
            Some(Node {
                value: Value::Map(entries),
                ..
            }) => Some(entries),
            _ => None,
        }
    }
}

impl Sink for Tree {
    fn top(&mut self, loc: Loc) {
        self.root = Some(Node::placeholder(Value::Map(Vec::new()), loc));
    }
    fn entry(&mut self, key: Node, value: Node) {
        if let Some(entries) = self.entries() {
            entries.push((key, value));
        }
    }
    fn list(&mut self, key: Node, loc: Loc) {
        let list = Node::placeholder(Value::Seq(Vec::new()), loc);
        if let Some(entries) = self.entries() {
            entries.push((key, list));
        }
    }
    fn item(&mut self, item: Node) {
        let last = self.entries().and_then(|e| e.last_mut());
        if let Some((
            _,
            Node {
                value: Value::Seq(items),
                ..
            },
        )) = last
        {
            items.push(item);
        }
    }
    fn root(&mut self, node: Node) {
        self.root = Some(node);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Option<Node>, ParseError> {
        super::parse(text)
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
    fn tags_decide_a_scalars_type() {
        let Some(node) = parse("a: !!str 2025\nb: !!int '7'\nc: !mine 3\n")
            .ok()
            .flatten()
        else {
            panic!("no tree")
        };
        let Value::Map(m) = node.value else {
            panic!("not a map")
        };
        assert!(matches!(&m[0].1.value, Value::Str(s) if s == "2025"));
        assert!(matches!(&m[1].1.value, Value::Int(7)));
        assert!(matches!(&m[2].1.value, Value::Int(3)));
        let Err(err) = parse("a: !!binary aGk=\n") else {
            panic!("binary data was accepted")
        };
        assert!(err.message.contains("binary"), "{}", err.message);
        assert!(parse("a: !!int seven\n").is_err());
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
