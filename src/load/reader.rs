//! YAML events → located nodes, handed to a [`Sink`] as they complete.
//!
//! The file is read once, as a stream of granit-parser events. A list that
//! is the value of a top-level key (a section such as `events:`) is never
//! built whole: each of its items is handed over as soon as it is complete
//! and then dropped, so reading a brief costs memory for one entity, not
//! for a tree of the whole file. Everything else is built into [`Node`]s.
//!
//! Scalars are typed by `scalar`; every limit in [`budget`] is enforced
//! here, as the events arrive: nesting depth, the number of values,
//! anchors and aliases, what aliases repeat, and text. Merge keys (`<<`)
//! are applied here too, as each mapping closes.

use std::collections::HashMap;

use granit_parser::{ErrorKind, Event, Parser, Span};

use super::parse_error::{Limit, ParseError};
use super::scalar::scalar;
use super::tree::{Loc, Node, Value, budget};

/// Where the nodes of one file go.
pub trait Sink {
    /// The file's top level is a mapping, starting at `loc`.
    fn top(&mut self, loc: Loc);
    /// A top-level key and its value, when the value is not a list.
    fn entry(&mut self, key: Node, value: Node);
    /// A top-level key whose value is a list starting at `loc`; its items
    /// follow through [`Sink::item`].
    fn list(&mut self, key: Node, loc: Loc);
    /// One item of the list last opened by [`Sink::list`].
    fn item(&mut self, item: Node);
    /// The file's only value, when it is not a mapping.
    fn root(&mut self, node: Node);
}

/// Anchored nodes kept for their aliases, across all anchors of a file.
const MAX_KEPT: usize = 1_000_000;

/// Files at least this large are parsed on a thread of their own while
/// this one builds: on two cores that hides most of the parse.
const PIPELINE_BYTES: usize = 1 << 20;

/// Events handed from the parsing thread to the building one at a time.
const BATCH: usize = 2048;

/// Reads `text`, handing its nodes to `sink`. An empty document hands
/// nothing. Stops at the first syntax error or passed limit.
pub fn read(text: &str, sink: &mut impl Sink) -> Result<(), ParseError> {
    let options = granit_parser::options! {
        strict_indentation: true,
        emit_comments: false,
        // Ours are checked as values open (see `open`); these bound the
        // scanner, which looks ahead of the events.
        flow_nesting_limit: budget::MAX_DEPTH + 2,
        block_nesting_limit: budget::MAX_DEPTH + 2,
    };
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut reader = Reader::new(text);
    if text.len() < PIPELINE_BYTES {
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|e| scan_error(&e, text))?;
            reader.event(event, span, sink)?;
        }
        return Ok(());
    }
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(4);
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            while let Some(next) = parser.next_event() {
                match next {
                    Ok(pair) => batch.push(pair),
                    Err(e) => {
                        let _ = tx.send(Ok(std::mem::take(&mut batch)));
                        let _ = tx.send(Err(e));
                        return;
                    }
                }
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // The builder stopped (a passed limit): so do we.
                    if tx.send(Ok(full)).is_err() {
                        return;
                    }
                }
            }
            let _ = tx.send(Ok(batch));
        });
        // Returning early drops `rx`, which ends the parsing thread.
        for message in rx {
            for (event, span) in message.map_err(|e| scan_error(&e, text))? {
                reader.event(event, span, sink)?;
            }
        }
        Ok(())
    })
}

fn scan_error(e: &granit_parser::ScanError, text: &str) -> ParseError {
    let m = e.marker();
    let loc = Loc {
        line: count(m.line()),
        col: count(m.col() + 1),
    };
    match e.kind() {
        // The scanner looks ahead, so on deep flow nesting it can reach
        // its own limit before our count of open values does.
        ErrorKind::RecursionLimitExceeded => ParseError::limit(Limit::Depth, loc),
        _ => ParseError::syntax(&e.info(), loc, text),
    }
}

struct Reader<'t> {
    text: &'t str,
    stack: Vec<Frame>,
    /// Anchor id → the anchored node, or `None` when it was too large to
    /// keep (see [`MAX_KEPT`] and the replay budget).
    anchors: HashMap<usize, Option<Node>>,
    nodes: usize,
    text_bytes: usize,
    aliases: usize,
    anchor_count: usize,
    replayed: usize,
    kept: usize,
    documents: usize,
}

enum Frame {
    /// The top-level mapping, whose entries go straight to the sink.
    Top {
        key: Option<Node>,
    },
    /// A top-level list, whose items go straight to the sink. If it is
    /// anchored, copies of its items are kept for its aliases while they
    /// fit the bounds; `None` once they do not.
    Streamed(Option<Kept>),
    Seq(Building),
    Map(Building, Option<Node>),
}

/// The items of an anchored top-level list, kept for its aliases.
struct Kept {
    anchor: usize,
    loc: Loc,
    items: Option<Vec<Node>>,
    size: usize,
}

struct Building {
    node: Node,
    anchor: usize,
    /// The value counter when the node opened, to size it.
    nodes_at: usize,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Self {
        Reader {
            text,
            stack: Vec::new(),
            anchors: HashMap::new(),
            nodes: 0,
            text_bytes: 0,
            aliases: 0,
            anchor_count: 0,
            replayed: 0,
            kept: 0,
            documents: 0,
        }
    }

    fn event(
        &mut self,
        event: Event<'_>,
        span: Span,
        sink: &mut impl Sink,
    ) -> Result<(), ParseError> {
        let loc = loc(&span);
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(ParseError::limit(Limit::Documents, loc));
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                self.count_node(loc)?;
                self.text_bytes += value.len();
                if self.text_bytes > budget::MAX_TEXT_BYTES {
                    return Err(ParseError::limit(Limit::Text, loc));
                }
                let value = scalar(value, style, tag.as_deref())
                    .map_err(|message| ParseError::plain(message, loc))?;
                let node = self.node(value, &span);
                if anchor != 0 {
                    self.anchor(loc)?;
                    self.keep(anchor, &node, 1);
                }
                self.complete(node, sink);
            }
            Event::SequenceStart(_, anchor, _) => {
                self.open(loc, anchor)?;
                if let Some(Frame::Top { key }) = self.stack.last_mut()
                    && let Some(key) = key.take()
                {
                    let kept = (anchor != 0).then(|| Kept {
                        anchor,
                        loc,
                        items: Some(Vec::new()),
                        size: 1,
                    });
                    sink.list(key, loc);
                    self.stack.push(Frame::Streamed(kept));
                    return Ok(());
                }
                let b = self.building(Value::Seq(Vec::new()), &span, anchor);
                self.stack.push(Frame::Seq(b));
            }
            Event::MappingStart(_, anchor, _) => {
                self.open(loc, anchor)?;
                if self.stack.is_empty() {
                    if anchor != 0 {
                        self.anchors.insert(anchor, None);
                    }
                    sink.top(loc);
                    self.stack.push(Frame::Top { key: None });
                    return Ok(());
                }
                let b = self.building(Value::Map(Vec::new()), &span, anchor);
                self.stack.push(Frame::Map(b, None));
            }
            Event::SequenceEnd | Event::MappingEnd => match self.stack.pop() {
                Some(Frame::Seq(b)) => {
                    if b.anchor != 0 {
                        let size = self.nodes - b.nodes_at;
                        self.keep(b.anchor, &b.node, size);
                    }
                    self.complete(b.node, sink);
                }
                Some(Frame::Map(mut b, _)) => {
                    if let Value::Map(entries) = &mut b.node.value {
                        merge_keys(entries);
                    }
                    if b.anchor != 0 {
                        let size = self.nodes - b.nodes_at;
                        self.keep(b.anchor, &b.node, size);
                    }
                    self.complete(b.node, sink);
                }
                Some(Frame::Streamed(Some(kept))) => {
                    let list = kept
                        .items
                        .map(|items| Node::placeholder(Value::Seq(items), kept.loc));
                    match list {
                        Some(list) => self.keep(kept.anchor, &list, kept.size),
                        None => {
                            self.anchors.insert(kept.anchor, None);
                        }
                    }
                }
                Some(Frame::Top { .. } | Frame::Streamed(None)) | None => {}
            },
            Event::Alias(id) => self.alias(id, &span, sink)?,
            // Stream and document ends; anchor names, comments and
            // unresolved aliases are not asked for.
            _ => {}
        }
        Ok(())
    }

    fn count_node(&mut self, loc: Loc) -> Result<(), ParseError> {
        self.nodes += 1;
        if self.nodes > budget::MAX_NODES {
            return Err(ParseError::limit(Limit::Nodes, loc));
        }
        Ok(())
    }

    /// A collection opens: one more value, one level deeper.
    fn open(&mut self, loc: Loc, anchor: usize) -> Result<(), ParseError> {
        self.count_node(loc)?;
        if self.stack.len() >= budget::MAX_DEPTH {
            return Err(ParseError::limit(Limit::Depth, loc));
        }
        if anchor != 0 {
            self.anchor(loc)?;
        }
        Ok(())
    }

    fn anchor(&mut self, loc: Loc) -> Result<(), ParseError> {
        self.anchor_count += 1;
        if self.anchor_count > budget::MAX_ALIASES {
            return Err(ParseError::limit(Limit::Aliases, loc));
        }
        Ok(())
    }

    /// Keeps a copy of an anchored node for its aliases, within bounds.
    fn keep(&mut self, id: usize, node: &Node, size: usize) {
        let fits = size <= budget::MAX_REPLAYED && self.kept + size <= MAX_KEPT;
        if fits {
            self.kept += size;
        }
        self.anchors.insert(id, fits.then(|| node.clone()));
    }

    fn alias(&mut self, id: usize, span: &Span, sink: &mut impl Sink) -> Result<(), ParseError> {
        let at = loc(span);
        self.aliases += 1;
        if self.aliases > budget::MAX_ALIASES {
            return Err(ParseError::limit(Limit::Aliases, at));
        }
        let node = match self.anchors.get(&id) {
            Some(Some(node)) => node,
            Some(None) => {
                let name = self.source(span).unwrap_or("*");
                return Err(ParseError::plain(
                    format!(
                        "the alias `{name}` names a node of more than {} values: too much to repeat; write it out",
                        super::parse_error::thousands(budget::MAX_REPLAYED)
                    ),
                    at,
                ));
            }
            None => {
                let name = self.source(span).unwrap_or("*");
                return Err(ParseError::plain(
                    format!("YAML syntax: the alias `{name}` stands inside the node it names"),
                    at,
                ));
            }
        };
        let (nodes, bytes) = size(node);
        self.replayed += nodes;
        self.nodes += nodes;
        self.text_bytes += bytes;
        if self.replayed > budget::MAX_REPLAYED {
            return Err(ParseError::limit(Limit::Replayed, at));
        }
        if self.nodes > budget::MAX_NODES {
            return Err(ParseError::limit(Limit::Nodes, at));
        }
        if self.text_bytes > budget::MAX_TEXT_BYTES {
            return Err(ParseError::limit(Limit::Text, at));
        }
        let mut copy = node.clone();
        copy.loc = at;
        copy.width = width(span);
        self.complete(copy, sink);
        Ok(())
    }

    fn source(&self, span: &Span) -> Option<&str> {
        self.text
            .get(span.start.byte_offset()?..span.end.byte_offset()?)
    }

    fn node(&self, value: Value, span: &Span) -> Node {
        let start = span.start.byte_offset().unwrap_or(0);
        let end = span.end.byte_offset().unwrap_or(start).max(start);
        let at = loc(span);
        Node {
            value,
            loc: at,
            width: width(span),
            span: start..end,
            span_loc: at,
        }
    }

    fn building(&self, value: Value, span: &Span, anchor: usize) -> Building {
        Building {
            node: self.node(value, span),
            anchor,
            nodes_at: self.nodes - 1,
        }
    }

    /// A finished node goes to its parent, or to the sink.
    fn complete(&mut self, node: Node, sink: &mut impl Sink) {
        match self.stack.last_mut() {
            None => sink.root(node),
            Some(Frame::Top { key }) => match key.take() {
                None => *key = Some(node),
                Some(k) => sink.entry(k, node),
            },
            Some(Frame::Streamed(kept)) => {
                if let Some(kept) = kept {
                    // Copied only while the whole list could still be kept.
                    let (n, _) = size(&node);
                    kept.size += n;
                    let fits =
                        kept.size <= budget::MAX_REPLAYED && self.kept + kept.size <= MAX_KEPT;
                    match (&mut kept.items, fits) {
                        (Some(items), true) => items.push(node.clone()),
                        _ => kept.items = None,
                    }
                }
                sink.item(node);
            }
            Some(Frame::Seq(b)) => {
                if let Value::Seq(items) = &mut b.node.value {
                    items.push(node);
                }
            }
            Some(Frame::Map(b, key)) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    if let Value::Map(entries) = &mut b.node.value {
                        entries.push((k, node));
                    }
                }
            },
        }
    }
}

/// Applies merge keys (`<<: *base`, or `<<: [*a, *b]`): the merged
/// mappings' entries are added after the mapping's own, skipping keys it
/// already has (its own win; among merged ones, the first). A `<<` whose
/// value is not mappings is left for the schema to report.
fn merge_keys(entries: &mut Vec<(Node, Node)>) {
    let is_merge = |(k, v): &(Node, Node)| {
        matches!(&k.value, Value::Str(s) if s == "<<")
            && match &v.value {
                Value::Map(_) => true,
                Value::Seq(items) => items.iter().all(|i| matches!(i.value, Value::Map(_))),
                _ => false,
            }
    };
    if !entries.iter().any(is_merge) {
        return;
    }
    let (merges, mut own): (Vec<_>, Vec<_>) =
        std::mem::take(entries).into_iter().partition(is_merge);
    let mut have: std::collections::HashSet<String> = own
        .iter()
        .filter_map(|(k, _)| match &k.value {
            Value::Str(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    for (_, v) in merges {
        let maps = match v.value {
            Value::Seq(items) => items,
            other => vec![Node { value: other, ..v }],
        };
        for map in maps {
            let Value::Map(merged) = map.value else {
                continue;
            };
            for (k, v) in merged {
                if let Value::Str(s) = &k.value
                    && !have.insert(s.clone())
                {
                    continue;
                }
                own.push((k, v));
            }
        }
    }
    *entries = own;
}

/// How many values and bytes of text a node holds.
fn size(node: &Node) -> (usize, usize) {
    match &node.value {
        Value::Str(s) => (1, s.len()),
        Value::Seq(items) => items.iter().fold((1, 0), |(n, b), i| {
            let (n2, b2) = size(i);
            (n + n2, b + b2)
        }),
        Value::Map(entries) => entries.iter().fold((1, 0), |(n, b), (k, v)| {
            let (nk, bk) = size(k);
            let (nv, bv) = size(v);
            (n + nk + nv, b + bk + bv)
        }),
        _ => (1, 0),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX).max(1)
}

fn loc(span: &Span) -> Loc {
    Loc {
        line: count(span.start.line()),
        col: count(span.start.col() + 1),
    }
}

fn width(span: &Span) -> usize {
    span.end.index().saturating_sub(span.start.index()).max(1)
}
