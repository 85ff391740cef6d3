//! The disputed-claims page: where the sources or the parties disagree,
//! both sides next to each other, each with its certainty and sources.
//!
//! Two kinds of disagreement come out of the brief as it is: issues on
//! which some actors support and others oppose (shown side by side), and
//! claims the sources themselves hedge (claimed, alleged, unconfirmed,
//! disputed, denied).

use super::detail::{cite_links, section};
use super::doc::{Column, Doc, Style};
use crate::model::{Brief, Certainty, EntityRef, Kind, Stance};

const HEDGED: [Certainty; 5] = [
    Certainty::Disputed,
    Certainty::Denied,
    Certainty::Alleged,
    Certainty::Claimed,
    Certainty::Unconfirmed,
];

pub fn doc(brief: &Brief) -> Doc<'_> {
    let mut d = Doc::default();
    d.push("Disputed claims", Style::Title);
    d.block(0);
    d.push(
        "Where actors take opposite sides, and what the sources only claim, allege or cannot confirm.",
        Style::Meta,
    );
    opposing(&mut d, brief);
    hedged(&mut d, brief);
    d
}

fn opposing<'a>(d: &mut Doc<'a>, brief: &'a Brief) {
    let mut any = false;
    for (i, issue) in brief.issues.iter().enumerate() {
        let issue_ref = EntityRef::new(Kind::Issue, i);
        let on = |stance: Stance| -> Vec<EntityRef> {
            (0..brief.positions.len())
                .map(|p| EntityRef::new(Kind::Position, p))
                .filter(|p| {
                    let x = &brief.positions[p.index()];
                    x.issue == issue_ref && x.stance == stance
                })
                .collect()
        };
        let (pro, con) = (on(Stance::Supports), on(Stance::Opposes));
        if pro.is_empty() || con.is_empty() {
            continue;
        }
        if !any {
            section(d, "Opposite sides");
            any = true;
        }
        d.blank();
        d.block(0);
        d.link(issue.title.as_str(), issue_ref);
        side(d, brief, Column::Left, "+ supports", &pro);
        side(d, brief, Column::Right, "− opposes", &con);
    }
}

fn side<'a>(
    d: &mut Doc<'a>,
    brief: &'a Brief,
    column: Column,
    label: &'a str,
    positions: &[EntityRef],
) {
    d.column(column);
    d.push(label, Style::Label);
    for &p in positions {
        let x = &brief.positions[p.index()];
        d.column(column);
        d.link(brief.label(x.actor), x.actor);
        d.push(format!(" ({}) ", x.certainty.label()), Style::Meta);
        d.link("position", p);
        d.push(" — ", Style::Body);
        cite_links(d, brief, &x.cites);
    }
}

fn hedged<'a>(d: &mut Doc<'a>, brief: &'a Brief) {
    for certainty in HEDGED {
        let claims: Vec<EntityRef> = [Kind::Event, Kind::Demand, Kind::Position]
            .into_iter()
            .flat_map(|k| (0..brief.len(k)).map(move |i| EntityRef::new(k, i)))
            .filter(|r| certainty_of(brief, *r) == Some(certainty))
            .collect();
        if claims.is_empty() {
            continue;
        }
        section(d, heading(certainty));
        for r in claims {
            d.bullet(2);
            d.push(format!("{}: ", r.kind.noun()), Style::Meta);
            d.link(brief.title(r), r);
            d.push(" — ", Style::Body);
            cite_links(d, brief, brief.cites(r));
        }
    }
}

fn certainty_of(brief: &Brief, r: EntityRef) -> Option<Certainty> {
    let i = r.index();
    match r.kind {
        Kind::Event => Some(brief.events[i].certainty),
        Kind::Demand => Some(brief.demands[i].certainty),
        Kind::Position => Some(brief.positions[i].certainty),
        _ => None,
    }
}

fn heading(c: Certainty) -> &'static str {
    match c {
        Certainty::Disputed => "Disputed",
        Certainty::Denied => "Denied",
        Certainty::Alleged => "Alleged",
        Certainty::Claimed => "Claimed by one side",
        _ => "Unconfirmed",
    }
}
