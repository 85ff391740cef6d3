//! A document for the detail pane: blocks of styled text and numbered
//! links, and its layout at a width (wrapping, bullets and tree markers
//! that hang, two columns side by side when the pane is wide enough).
//!
//! It carries meaning (a title, a label, a link to that entity), not
//! colours: `ui` picks the look, and `App` uses the same layout to move
//! between links and keep the focused one in view.

use std::borrow::Cow;

use crate::model::EntityRef;
use crate::text::wrap::{self, Piece, Segment};

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
        self.layout_to(width, usize::MAX)
    }

    /// The layout of the lines before `end` (and perhaps a few after):
    /// enough to know which links are on a screen that ends there, without
    /// wrapping the rest of a long document. A link not reached keeps
    /// `usize::MAX` as its line; once the whole document is laid out, a
    /// link on no line at all counts as on the first.
    pub fn layout_to(&self, width: usize, end: usize) -> Layout<'_> {
        let mut out = Layout {
            lines: Vec::new(),
            link_lines: vec![usize::MAX; self.links.len()],
        };
        let mut i = 0;
        while i < self.blocks.len() && out.lines.len() < end {
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
        if i == self.blocks.len() {
            for n in &mut out.link_lines {
                if *n == usize::MAX {
                    *n = 0;
                }
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

#[cfg(test)]
mod tests {
    use crate::app::detail;
    use crate::model::{EntityRef, Kind};
    use crate::xref::Xref;

    /// A partial layout is the start of the whole one: the same lines, and
    /// the same line for every link that falls on them.
    #[test]
    fn a_partial_layout_is_the_start_of_the_whole() {
        let brief = crate::bundled::brief().expect("the compiled-in brief");
        let xref = Xref::build(&brief);
        let mut docs = vec![detail::overview(&brief)];
        for kind in Kind::ALL {
            for i in 0..brief.len(kind) {
                docs.push(detail::entity(&brief, &xref, EntityRef::new(kind, i)));
            }
        }
        for doc in &docs {
            for width in [20, 60, 78, 118] {
                let whole = doc.layout(width);
                for end in [0, 1, 10, 22, 38, usize::MAX] {
                    let part = doc.layout_to(width, end);
                    let n = part.lines.len();
                    assert!(n >= end.min(whole.lines.len()), "too few lines");
                    let (part_lines, whole_lines) = (&part.lines[..], &whole.lines[..n]);
                    assert_eq!(format!("{part_lines:?}"), format!("{whole_lines:?}"));
                    for (p, w) in part.link_lines.iter().zip(&whole.link_lines) {
                        match *p {
                            usize::MAX => assert!(*w >= n, "a link on the lines was missed"),
                            p => assert_eq!(p, *w),
                        }
                    }
                }
            }
        }
    }
}
