//! What text of an entity search looks at, and which names it answers to.

use crate::model::{Brief, EntityRef, Figure, Kind, Prose, ProseSegment};

/// Writes every text field of `r` into `out`, one per line: names,
/// aliases, titles, summaries (with link labels as shown), quotes, places,
/// notes, figures and tags.
pub fn write(brief: &Brief, r: EntityRef, out: &mut String) {
    let mut put = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    let i = r.index();
    match r.kind {
        Kind::Event => {
            let e = &brief.events[i];
            put(&e.title);
            e.place.iter().for_each(|p| put(p));
            e.date_note.iter().for_each(|p| put(p));
            e.tags.iter().for_each(|t| put(t));
            prose(brief, &e.summary, &mut put);
            figures(&e.figures, &mut put);
        }
        Kind::Actor => {
            let a = &brief.actors[i];
            put(&a.name);
            a.short.iter().for_each(|s| put(s));
            a.aliases.iter().for_each(|s| put(s));
            a.role.iter().for_each(|s| put(s));
            prose(brief, &a.summary, &mut put);
            for rel in &a.relations {
                rel.note.iter().for_each(|s| put(s));
            }
            figures(&a.figures, &mut put);
        }
        Kind::Demand => {
            let d = &brief.demands[i];
            put(&d.title);
            prose(brief, &d.summary, &mut put);
        }
        Kind::Position => {
            let p = &brief.positions[i];
            put(&p.title);
            p.quote.iter().for_each(|s| put(s));
            p.date_note.iter().for_each(|s| put(s));
            prose(brief, &p.summary, &mut put);
        }
        Kind::Issue => {
            let s = &brief.issues[i];
            put(&s.title);
            s.short.iter().for_each(|x| put(x));
            prose(brief, &s.summary, &mut put);
        }
        Kind::Source => {
            let s = &brief.sources[i];
            put(&s.title);
            for x in [
                &s.short,
                &s.publisher,
                &s.author,
                &s.published_note,
                &s.file,
                &s.url,
            ] {
                x.iter().for_each(|x| put(x));
            }
            prose(brief, &s.summary, &mut put);
        }
    }
}

fn prose(brief: &Brief, p: &Prose, put: &mut impl FnMut(&str)) {
    for seg in p.segments() {
        match seg {
            ProseSegment::Text(t) => put(t),
            ProseSegment::Link { target, text } => {
                put(text.unwrap_or_else(|| brief.label(target)));
            }
        }
    }
}

fn figures(figures: &[Figure], put: &mut impl FnMut(&str)) {
    for f in figures {
        put(&f.value);
        put(&f.what);
    }
}

/// Calls `each` with every name `r` answers to in the palette, its own
/// (its name or title) first.
pub fn names(brief: &Brief, r: EntityRef, mut each: impl FnMut(&str)) {
    each(brief.title(r));
    let i = r.index();
    let short = match r.kind {
        Kind::Actor => brief.actors[i].short.as_deref(),
        Kind::Issue => brief.issues[i].short.as_deref(),
        Kind::Source => brief.sources[i].short.as_deref(),
        _ => None,
    };
    if let Some(s) = short.filter(|s| *s != brief.title(r)) {
        each(s);
    }
    if r.kind == Kind::Actor {
        for a in &brief.actors[i].aliases {
            each(a);
        }
    }
}
