//! What the detail pane says about one entity (or the brief as a whole):
//! its fields, prose, relations, figures, sources and "Referenced by",
//! built from the model on demand as a [`Doc`].

use std::borrow::Cow;

use super::doc::{Doc, Marker, Style};
use crate::model::{Brief, Cite, EntityRef, Figure, Kind, Prose, ProseSegment};
use crate::xref::Xref;

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
                    d.push(format!(" {} ", p.stance.label()), Style::Label);
                    d.push(format!("({}): ", p.certainty.label()), Style::Meta);
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
    let last = p.segments().count().saturating_sub(1);
    for (n, seg) in p.segments().enumerate() {
        match seg {
            ProseSegment::Text(t) if n == last => d.push(reflow(t.trim_end()), Style::Body),
            ProseSegment::Text(t) => d.push(reflow(t), Style::Body),
            ProseSegment::Link { target, text } => {
                let label = text.unwrap_or_else(|| brief.label(target));
                d.link(label, target);
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

fn tags(d: &mut Doc<'_>, tags: &[compact_str::CompactString]) {
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
