//! The detail view of one entity (or the overview) as a document: blocks
//! of styled text and links, before any wrapping.
//!
//! Built from the model on demand. It carries meaning (a title, a label, a
//! link to that entity), not colours: `ui` picks the look, and `App` uses
//! the same document, laid out at the pane's width, to move between links.
//! Every link in the document is numbered in reading order.

use std::borrow::Cow;

use crate::model::{Brief, Cite, EntityRef, Figure, Kind, Prose, ProseSegment};
use crate::text::wrap::{self, Piece, Segment};
use crate::xref::Xref;

/// What a piece of text is, for the UI to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Body,
    Title,
    /// Secondary facts: dates, kinds, certainty.
    Meta,
    /// A field's name ("Actors:").
    Label,
    /// A section heading ("Referenced by").
    Section,
    Quote,
    /// A link; the number is its place in [`Doc::links`].
    Link(usize),
}

#[derive(Debug, Clone)]
pub struct Block<'a> {
    pub indent: u16,
    /// A marker before the text (a bullet, a branch of the relations
    /// tree); the lines after the first hang under the text.
    pub marker: Option<Marker>,
    pub column: Column,
    pub spans: Vec<(Cow<'a, str>, Style)>,
}

/// Where a block stands: across the page, or in one of two columns that a
/// wide pane sets side by side (a narrow one stacks them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    #[default]
    Full,
    Left,
    Right,
}

/// Narrower than this, two-column blocks are stacked.
pub const TWO_COLUMNS: usize = 90;
const GUTTER: &str = " │ ";
const SPACES: &str = "                                                                                                                                ";

/// What starts a block's first line, and what stands under it on the
/// lines that follow. Both are the same width, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub first: &'static str,
    pub rest: &'static str,
}

impl Marker {
    pub const BULLET: Marker = Marker {
        first: "• ",
        rest: "  ",
    };
    pub const BRANCH: Marker = Marker {
        first: "├─ ",
        rest: "│  ",
    };
    pub const LAST_BRANCH: Marker = Marker {
        first: "└─ ",
        rest: "   ",
    };

    fn width(self) -> u16 {
        u16::try_from(self.first.chars().count()).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Doc<'a> {
    pub blocks: Vec<Block<'a>>,
    /// Link targets in reading order.
    pub links: Vec<EntityRef>,
}

/// A line of the laid-out document.
#[derive(Debug, Clone)]
pub struct Line<'d> {
    pub indent: u16,
    /// The marker part to draw before the text, inside the indent.
    pub marker: Option<&'static str>,
    pub pieces: Vec<Piece<'d, Style>>,
}

/// The document wrapped to a width.
#[derive(Debug, Clone, Default)]
pub struct Layout<'d> {
    pub lines: Vec<Line<'d>>,
    /// The first line each link appears on.
    pub link_lines: Vec<usize>,
}

impl<'a> Doc<'a> {
    pub(super) fn block(&mut self, indent: u16) -> &mut Block<'a> {
        self.blocks.push(Block {
            indent,
            marker: None,
            column: Column::Full,
            spans: Vec::new(),
        });
        let last = self.blocks.len() - 1;
        &mut self.blocks[last]
    }

    pub(super) fn bullet(&mut self, indent: u16) {
        self.marked(indent, Marker::BULLET);
    }

    pub(super) fn marked(&mut self, indent: u16, marker: Marker) {
        self.block(indent).marker = Some(marker);
    }

    pub(super) fn blank(&mut self) {
        if self.blocks.last().is_some_and(|b| !b.spans.is_empty()) {
            self.block(0);
        }
    }

    pub(super) fn push(&mut self, text: impl Into<Cow<'a, str>>, style: Style) {
        if self.blocks.is_empty() {
            self.block(0);
        }
        let last = self.blocks.len() - 1;
        self.blocks[last].spans.push((text.into(), style));
    }

    pub(super) fn link(&mut self, text: impl Into<Cow<'a, str>>, target: EntityRef) {
        let n = self.links.len();
        self.links.push(target);
        self.push(text, Style::Link(n));
    }

    /// Starts a block in a column (see [`Column`]).
    pub fn column(&mut self, column: Column) {
        self.block(0).column = column;
    }

    /// Wraps every block to `width` cells, setting runs of left and right
    /// column blocks side by side when the width allows.
    pub fn layout(&self, width: usize) -> Layout<'_> {
        let mut out = Layout {
            lines: Vec::new(),
            link_lines: vec![usize::MAX; self.links.len()],
        };
        let mut i = 0;
        while i < self.blocks.len() {
            let side = |b: &Block<'_>, c: Column| b.column == c;
            let left_end = i + self.blocks[i..]
                .iter()
                .take_while(|b| side(b, Column::Left))
                .count();
            let right_end = left_end
                + self.blocks[left_end..]
                    .iter()
                    .take_while(|b| side(b, Column::Right))
                    .count();
            if left_end > i && right_end > left_end && width >= TWO_COLUMNS {
                let col = (width - GUTTER.len()) / 2;
                let left = wrap_blocks(&self.blocks[i..left_end], col);
                let right = wrap_blocks(&self.blocks[left_end..right_end], col);
                for n in 0..left.len().max(right.len()) {
                    let mut pieces = left.get(n).map(|l| l.pieces.clone()).unwrap_or_default();
                    let used: usize = pieces.iter().map(|p| p.width).sum();
                    let pad = col.saturating_sub(used).min(SPACES.len());
                    pieces.push(Piece {
                        text: &SPACES[..pad],
                        tag: Style::Body,
                        width: pad,
                    });
                    pieces.push(Piece {
                        text: GUTTER,
                        tag: Style::Meta,
                        width: 3,
                    });
                    if let Some(r) = right.get(n) {
                        pieces.extend(r.pieces.iter().cloned());
                    }
                    out.push(Line {
                        indent: 0,
                        marker: None,
                        pieces,
                    });
                }
                i = right_end;
            } else {
                for line in wrap_blocks(&self.blocks[i..=i], width) {
                    out.push(line);
                }
                i += 1;
            }
        }
        for n in &mut out.link_lines {
            if *n == usize::MAX {
                *n = 0;
            }
        }
        out
    }
}

impl<'d> Layout<'d> {
    fn push(&mut self, line: Line<'d>) {
        for p in &line.pieces {
            if let Style::Link(n) = p.tag
                && self.link_lines[n] == usize::MAX
            {
                self.link_lines[n] = self.lines.len();
            }
        }
        self.lines.push(line);
    }
}

/// Blocks wrapped one after the other at `width`.
fn wrap_blocks<'d>(blocks: &'d [Block<'_>], width: usize) -> Vec<Line<'d>> {
    let mut lines = Vec::new();
    for block in blocks {
        let segments: Vec<Segment<'_, Style>> = block
            .spans
            .iter()
            .map(|(t, s)| Segment { text: t, tag: *s })
            .collect();
        let hang = block.marker.map_or(0, Marker::width);
        let indent = block.indent + hang;
        let inner = width.saturating_sub(usize::from(indent)).max(1);
        let wrapped = if segments.is_empty() {
            vec![Vec::new()]
        } else {
            wrap::wrap(&segments, inner)
        };
        for (n, pieces) in wrapped.into_iter().enumerate() {
            lines.push(Line {
                indent,
                marker: block.marker.map(|m| if n == 0 { m.first } else { m.rest }),
                pieces,
            });
        }
    }
    lines
}

/// The document for one entity.
pub fn entity<'a>(brief: &'a Brief, xref: &Xref, r: EntityRef) -> Doc<'a> {
    let mut d = Doc::default();
    let i = r.index();
    match r.kind {
        Kind::Event => {
            let e = &brief.events[i];
            d.push(e.title.as_str(), Style::Title);
            d.block(0);
            d.push(e.date.display(), Style::Meta);
            d.push(format!(" · {}", e.certainty.label()), Style::Meta);
            if let Some(place) = &e.place {
                d.push(format!(" · {place}"), Style::Meta);
            }
            if let Some(note) = &e.date_note {
                field(&mut d, "Date note: ", note);
            }
            refs(&mut d, brief, "Actors: ", &e.actors);
            tags(&mut d, &e.tags);
            prose(&mut d, brief, &e.summary);
            figures(&mut d, brief, &e.figures);
        }
        Kind::Actor => {
            let a = &brief.actors[i];
            d.push(a.name.as_str(), Style::Title);
            if let Some(short) = a.short.as_ref().filter(|s| **s != a.name) {
                d.push(format!(" ({short})"), Style::Title);
            }
            d.block(0);
            d.push(a.kind.label(), Style::Meta);
            if let Some(role) = &a.role {
                d.push(format!(" · {role}"), Style::Meta);
            }
            if !a.aliases.is_empty() {
                field(&mut d, "Also known as: ", &a.aliases.join("; "));
            }
            prose(&mut d, brief, &a.summary);
            relations(&mut d, brief, xref, r);
            figures(&mut d, brief, &a.figures);
        }
        Kind::Demand => {
            let m = &brief.demands[i];
            d.push(m.title.as_str(), Style::Title);
            d.block(0);
            d.link(brief.label(m.by), m.by);
            d.push(" demands of ", Style::Body);
            links(&mut d, brief, &m.of);
            d.block(0);
            d.push(m.status.label(), Style::Meta);
            d.push(format!(" · {}", m.certainty.label()), Style::Meta);
            if let Some(date) = &m.date {
                d.push(format!(" · {}", date.display()), Style::Meta);
            }
            prose(&mut d, brief, &m.summary);
        }
        Kind::Position => {
            let p = &brief.positions[i];
            d.push(p.title.as_str(), Style::Title);
            d.block(0);
            d.link(brief.label(p.actor), p.actor);
            d.push(format!(" {} ", p.stance.label()), Style::Label);
            d.link(brief.label(p.issue), p.issue);
            d.block(0);
            d.push(p.certainty.label(), Style::Meta);
            if let Some(date) = &p.date {
                d.push(format!(" · {}", date.display()), Style::Meta);
            }
            if let Some(note) = &p.date_note {
                field(&mut d, "Date note: ", note);
            }
            if let Some(q) = &p.quote {
                d.blank();
                d.block(2)
                    .spans
                    .push((format!("“{q}”").into(), Style::Quote));
                if let Some(by) = p.quote_by {
                    d.push(" — ", Style::Quote);
                    d.link(brief.label(by), by);
                }
            }
            prose(&mut d, brief, &p.summary);
        }
        Kind::Issue => {
            let s = &brief.issues[i];
            d.push(s.title.as_str(), Style::Title);
            prose(&mut d, brief, &s.summary);
            let held: Vec<EntityRef> = xref
                .referenced_by(r)
                .iter()
                .copied()
                .filter(|b| b.kind == Kind::Position && brief.positions[b.index()].issue == r)
                .collect();
            if !held.is_empty() {
                section(&mut d, "Positions on this issue");
                for b in held {
                    let p = &brief.positions[b.index()];
                    d.bullet(2);
                    d.link(brief.label(p.actor), p.actor);
                    d.push(format!(" {}: ", p.stance.label()), Style::Label);
                    d.link(p.title.as_str(), b);
                }
            }
        }
        Kind::Source => {
            let s = &brief.sources[i];
            d.push(s.title.as_str(), Style::Title);
            d.block(0);
            d.push(s.kind.label(), Style::Meta);
            if let Some(date) = &s.published {
                d.push(format!(" · published {}", date.display()), Style::Meta);
            }
            for (label, value) in [
                ("Publisher: ", &s.publisher),
                ("Author: ", &s.author),
                ("Date note: ", &s.published_note),
                ("File: ", &s.file),
                ("URL: ", &s.url),
            ] {
                if let Some(v) = value {
                    field(&mut d, label, v);
                }
            }
            prose(&mut d, brief, &s.summary);
        }
    }
    cites(&mut d, brief, brief.cites(r));
    referenced_by(&mut d, brief, xref.referenced_by(r));
    d
}

/// The overview: the brief's own title, date, summary and key points.
pub fn overview(brief: &Brief) -> Doc<'_> {
    let mut d = Doc::default();
    let m = &brief.meta;
    d.push(m.title.as_str(), Style::Title);
    d.block(0);
    d.push(format!("As of {}", m.as_of.display()), Style::Meta);
    prose(&mut d, brief, &m.summary);
    if !m.key_points.is_empty() {
        section(&mut d, "Key points");
        for p in &m.key_points {
            d.bullet(2);
            prose_spans(&mut d, brief, p);
        }
    }
    section(&mut d, "In this brief");
    d.block(2).spans.push((
        format!(
            "{} events · {} actors · {} demands · {} positions on {} issues · {} sources",
            brief.events.len(),
            brief.actors.len(),
            brief.demands.len(),
            brief.positions.len(),
            brief.issues.len(),
            brief.sources.len()
        )
        .into(),
        Style::Meta,
    ));
    cites(&mut d, brief, &m.cites);
    d
}

pub(super) fn section<'a>(d: &mut Doc<'a>, title: &'a str) {
    d.blank();
    d.block(0).spans.push((title.into(), Style::Section));
}

fn field<'a>(d: &mut Doc<'a>, label: &'a str, value: &str) {
    d.block(0).spans.push((label.into(), Style::Label));
    d.push(value.to_owned(), Style::Body);
}

fn prose<'a>(d: &mut Doc<'a>, brief: &'a Brief, p: &'a Prose) {
    if p.is_empty() {
        return;
    }
    d.blank();
    d.block(0);
    prose_spans(d, brief, p);
}

/// Prose inside the current block. As in Markdown, a blank line separates
/// paragraphs and a single line break is a space, so authors may wrap
/// their YAML lines anywhere; the newline a block scalar ends with is dropped.
fn prose_spans<'a>(d: &mut Doc<'a>, brief: &'a Brief, p: &'a Prose) {
    let last = p.segments.len().saturating_sub(1);
    for (n, seg) in p.segments.iter().enumerate() {
        match seg {
            ProseSegment::Text(t) if n == last => d.push(reflow(t.trim_end()), Style::Body),
            ProseSegment::Text(t) => d.push(reflow(t), Style::Body),
            ProseSegment::Link { target, text } => {
                let label = text.as_deref().unwrap_or_else(|| brief.label(*target));
                d.link(label, *target);
            }
        }
    }
}

/// Single line breaks become spaces; two or more become one blank line.
fn reflow(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut breaks = 0;
    for c in text.chars() {
        if c == '\n' {
            breaks += 1;
            continue;
        }
        match breaks {
            0 => {}
            1 => out.push(' '),
            _ => out.push_str("\n\n"),
        }
        breaks = 0;
        out.push(c);
    }
    match breaks {
        0 => {}
        1 => out.push(' '),
        _ => out.push_str("\n\n"),
    }
    Cow::Owned(out)
}

fn links<'a>(d: &mut Doc<'a>, brief: &'a Brief, targets: &[EntityRef]) {
    for (n, t) in targets.iter().enumerate() {
        if n > 0 {
            d.push(", ", Style::Body);
        }
        d.link(brief.label(*t), *t);
    }
}

fn refs<'a>(d: &mut Doc<'a>, brief: &'a Brief, label: &'a str, targets: &[EntityRef]) {
    if targets.is_empty() {
        return;
    }
    d.block(0).spans.push((label.into(), Style::Label));
    links(d, brief, targets);
}

fn tags(d: &mut Doc<'_>, tags: &[String]) {
    if !tags.is_empty() {
        field(d, "Tags: ", &tags.join(", "));
    }
}

pub(super) fn cite_links<'a>(d: &mut Doc<'a>, brief: &'a Brief, cites: &[Cite]) {
    for (n, c) in cites.iter().enumerate() {
        if n > 0 {
            d.push(", ", Style::Body);
        }
        let label = brief.label(c.source);
        match c.para {
            Some(p) => d.link(format!("{label} ¶{p}"), c.source),
            None => d.link(label, c.source),
        }
    }
}

fn cites<'a>(d: &mut Doc<'a>, brief: &'a Brief, cites: &[Cite]) {
    if cites.is_empty() {
        return;
    }
    section(d, "Sources");
    d.block(2);
    cite_links(d, brief, cites);
}

fn figures<'a>(d: &mut Doc<'a>, brief: &'a Brief, figures: &'a [Figure]) {
    if figures.is_empty() {
        return;
    }
    section(d, "Figures");
    for f in figures {
        d.bullet(2);
        d.push(f.value.as_str(), Style::Label);
        d.push(format!(" {}", f.what), Style::Body);
        if let Some(c) = f.certainty {
            d.push(format!(" ({})", c.label()), Style::Meta);
        }
        d.push(" — ", Style::Body);
        cite_links(d, brief, &f.cites);
    }
}

fn relations<'a>(d: &mut Doc<'a>, brief: &'a Brief, xref: &Xref, r: EntityRef) {
    let a = &brief.actors[r.index()];
    let incoming: Vec<(EntityRef, usize)> = xref
        .referenced_by(r)
        .iter()
        .filter(|b| b.kind == Kind::Actor)
        .flat_map(|b| {
            brief.actors[b.index()]
                .relations
                .iter()
                .enumerate()
                .filter(|(_, rel)| rel.to == r)
                .map(|(n, _)| (*b, n))
        })
        .collect();
    if a.relations.is_empty() && incoming.is_empty() {
        return;
    }
    section(d, "Relations");
    // A small tree of the neighbourhood, grouped by kind of relation:
    // first what this actor does (→), then what others do to it (←).
    let mut branches: Vec<(
        bool,
        crate::model::RelationKind,
        EntityRef,
        &crate::model::Relation,
    )> = a
        .relations
        .iter()
        .map(|rel| (false, rel.kind, rel.to, rel))
        .chain(incoming.iter().map(|&(from, n)| {
            let rel = &brief.actors[from.index()].relations[n];
            (true, rel.kind, from, rel)
        }))
        .collect();
    branches.sort_by_key(|(inward, kind, _, _)| (*inward, *kind));
    d.block(2).spans.push((brief.label(r).into(), Style::Title));
    let last = branches.len().saturating_sub(1);
    for (n, (inward, kind, other, rel)) in branches.into_iter().enumerate() {
        d.marked(
            2,
            if n == last {
                Marker::LAST_BRANCH
            } else {
                Marker::BRANCH
            },
        );
        let (label, arrow) = if inward {
            (kind.inverse_label(), "←")
        } else {
            (kind.label(), "→")
        };
        d.push(format!("{label} {arrow} "), Style::Label);
        d.link(brief.label(other), other);
        relation_tail(d, brief, rel);
    }
}

fn relation_tail<'a>(d: &mut Doc<'a>, brief: &'a Brief, rel: &'a crate::model::Relation) {
    if let Some(c) = rel.certainty {
        d.push(format!(" ({})", c.label()), Style::Meta);
    }
    if let Some(note) = &rel.note {
        d.push(format!(": {note}"), Style::Body);
    }
    if !rel.cites.is_empty() {
        d.push(" — ", Style::Body);
        cite_links(d, brief, &rel.cites);
    }
}

fn referenced_by<'a>(d: &mut Doc<'a>, brief: &'a Brief, back: &[EntityRef]) {
    d.blank();
    d.block(0).spans.push((
        format!("Referenced by ({})", back.len()).into(),
        Style::Section,
    ));
    if back.is_empty() {
        d.block(2)
            .spans
            .push(("nothing links here".into(), Style::Meta));
        return;
    }
    for &b in back {
        d.block(2)
            .spans
            .push((format!("{}: ", b.kind.noun()).into(), Style::Meta));
        if b.kind == Kind::Event {
            d.push(
                format!("{} ", brief.events[b.index()].date.display()),
                Style::Meta,
            );
        }
        d.link(brief.title(b), b);
    }
}

#[cfg(test)]
mod tests {
    use super::reflow;

    #[test]
    fn single_breaks_are_spaces_and_blank_lines_paragraphs() {
        assert_eq!(reflow("a\nb"), "a b");
        assert_eq!(reflow("a\n\nb"), "a\n\nb");
        assert_eq!(reflow("a\n\n\n\nb"), "a\n\nb");
        assert_eq!(reflow("plain"), "plain");
        // Before a link, the break still separates the words.
        assert_eq!(reflow("while\n"), "while ");
    }
}
