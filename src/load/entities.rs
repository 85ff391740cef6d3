//! One builder per section: a node of the tree → a model entity, with every
//! field checked against the format (briefs/FORMAT.md).

use compact_str::CompactString;

use super::fields::Ctx;
use super::tree::Node;
use crate::model::{
    Actor, ActorKind, Certainty, Date, Demand, DemandStatus, Event, Issue, Kind, Meta, Position,
    Source, SourceKind, Stance,
};

pub const BRIEF_FIELDS: &[&str] = &["id", "title", "as_of", "summary", "key_points", "cites"];
const SOURCE_FIELDS: &[&str] = &[
    "id",
    "title",
    "short",
    "kind",
    "publisher",
    "author",
    "published",
    "published_note",
    "file",
    "url",
    "summary",
];
const ACTOR_FIELDS: &[&str] = &[
    "id",
    "name",
    "short",
    "aliases",
    "kind",
    "role",
    "summary",
    "relations",
    "figures",
    "cites",
];
const ISSUE_FIELDS: &[&str] = &["id", "title", "short", "summary", "cites"];
const EVENT_FIELDS: &[&str] = &[
    "id",
    "date",
    "date_note",
    "title",
    "place",
    "actors",
    "summary",
    "figures",
    "tags",
    "certainty",
    "cites",
];
const DEMAND_FIELDS: &[&str] = &[
    "id",
    "by",
    "of",
    "title",
    "summary",
    "status",
    "date",
    "certainty",
    "cites",
];
const POSITION_FIELDS: &[&str] = &[
    "id",
    "actor",
    "issue",
    "stance",
    "title",
    "summary",
    "quote",
    "quote_by",
    "date",
    "date_note",
    "certainty",
    "cites",
];

/// The fields an entity of `kind` may have (for the declare pass).
pub fn fields_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Source => SOURCE_FIELDS,
        Kind::Actor => ACTOR_FIELDS,
        Kind::Issue => ISSUE_FIELDS,
        Kind::Event => EVENT_FIELDS,
        Kind::Demand => DEMAND_FIELDS,
        Kind::Position => POSITION_FIELDS,
    }
}

/// "an event", "a source": how messages name an entity of a kind.
pub fn what(kind: Kind) -> &'static str {
    match kind {
        Kind::Source => "a source",
        Kind::Actor => "an actor",
        Kind::Issue => "an issue",
        Kind::Event => "an event",
        Kind::Demand => "a demand",
        Kind::Position => "a position",
    }
}

/// A built entity of any kind, before the brief is assembled.
pub enum Built {
    Source(Source),
    Actor(Actor),
    Issue(Issue),
    Event(Event),
    Demand(Demand),
    /// The title is left for assembly when the author gave none, because
    /// the default names the actor and the issue.
    Position(Position, bool),
}

impl Ctx<'_> {
    /// Builds one entity. Every field is read (and every problem reported)
    /// before any `?` can return: a missing title must not hide a broken
    /// link in the summary.
    pub fn build(&mut self, kind: Kind, node: &Node, id: Option<CompactString>) -> Option<Built> {
        let f = self.mapping(node, what(kind), fields_of(kind))?;
        // The declare pass already reported a bad or missing id.
        let built = match kind {
            Kind::Source => {
                let title = self.req_text(&f, "title");
                let short = self.opt_text(&f, "short");
                let kind = self.req_vocab::<SourceKind>(&f, "kind");
                let publisher = self.opt_text(&f, "publisher");
                let author = self.opt_text(&f, "author");
                let published = f.get("published").and_then(|n| self.date(n));
                let published_note = self.opt_text(&f, "published_note");
                self.check_inferred(
                    published,
                    published_note.as_deref(),
                    &f,
                    "published",
                    "published_note",
                );
                let file = self.opt_text(&f, "file");
                let url = self.opt_text(&f, "url");
                let summary = self.opt_prose(f.get("summary"));
                Built::Source(Source {
                    id: id?,
                    title: title?,
                    short,
                    kind: kind?,
                    publisher,
                    author,
                    published,
                    published_note,
                    file,
                    url,
                    summary: summary?,
                })
            }
            Kind::Actor => {
                let name = self.req_text(&f, "name");
                let short = self.opt_text(&f, "short");
                let aliases = self.text_list(f.get("aliases"));
                let kind = self.req_vocab::<ActorKind>(&f, "kind");
                let role = self.opt_text(&f, "role");
                let summary = self.opt_prose(f.get("summary"));
                let relations = self.relations(f.get("relations"));
                let figures = self.figures(f.get("figures"));
                let cites = self.req_cites(&f, "an actor");
                Built::Actor(Actor {
                    id: id?,
                    name: name?,
                    short,
                    aliases,
                    kind: kind?,
                    role,
                    summary: summary?,
                    relations,
                    figures,
                    cites,
                })
            }
            Kind::Issue => {
                let title = self.req_text(&f, "title");
                let short = self.opt_text(&f, "short");
                let summary = self.opt_prose(f.get("summary"));
                let cites = self.cites(f.get("cites"));
                Built::Issue(Issue {
                    id: id?,
                    title: title?,
                    short,
                    summary: summary?,
                    cites,
                })
            }
            Kind::Event => {
                let date = self.req_date(&f, "date");
                let date_note = self.opt_text(&f, "date_note");
                self.check_inferred(date, date_note.as_deref(), &f, "date", "date_note");
                let title = self.req_text(&f, "title");
                let place = self.opt_text(&f, "place");
                let actors = self.references(f.get("actors"), Kind::Actor);
                let summary = self.opt_prose(f.get("summary"));
                let figures = self.figures(f.get("figures"));
                let tags = self.text_list(f.get("tags"));
                let certainty = self.req_vocab::<Certainty>(&f, "certainty");
                let cites = self.req_cites(&f, "an event");
                Built::Event(Event {
                    id: id?,
                    date: date?,
                    date_note,
                    title: title?,
                    place,
                    actors,
                    summary: summary?,
                    figures,
                    tags,
                    certainty: certainty?,
                    cites,
                })
            }
            Kind::Demand => {
                let by = self
                    .required(&f, "by")
                    .and_then(|n| self.reference(n, Some(Kind::Actor)));
                let of = self
                    .required(&f, "of")
                    .and_then(|n| self.actor_list(n, "of"));
                let title = self.req_text(&f, "title");
                let summary = self.opt_prose(f.get("summary"));
                let status = self.req_vocab::<DemandStatus>(&f, "status");
                let date = f.get("date").and_then(|n| self.date(n));
                let certainty = self.req_vocab::<Certainty>(&f, "certainty");
                let cites = self.req_cites(&f, "a demand");
                Built::Demand(Demand {
                    id: id?,
                    by: by?,
                    of: of?,
                    title: title?,
                    summary: summary?,
                    status: status?,
                    date,
                    certainty: certainty?,
                    cites,
                })
            }
            Kind::Position => {
                let actor = self
                    .required(&f, "actor")
                    .and_then(|n| self.reference(n, Some(Kind::Actor)));
                let issue = self
                    .required(&f, "issue")
                    .and_then(|n| self.reference(n, Some(Kind::Issue)));
                let stance = self.req_vocab::<Stance>(&f, "stance");
                let title = self.opt_text(&f, "title");
                let summary = self.opt_prose(f.get("summary"));
                let quote = self.opt_text(&f, "quote");
                let quote_by = f
                    .get("quote_by")
                    .and_then(|n| self.reference(n, Some(Kind::Actor)));
                let date = f.get("date").and_then(|n| self.date(n));
                let date_note = self.opt_text(&f, "date_note");
                self.check_inferred(date, date_note.as_deref(), &f, "date", "date_note");
                let certainty = self.req_vocab::<Certainty>(&f, "certainty");
                let cites = self.req_cites(&f, "a position");
                let has_title = title.is_some();
                Built::Position(
                    Position {
                        id: id?,
                        title: title.unwrap_or_default(),
                        actor: actor?,
                        issue: issue?,
                        stance: stance?,
                        summary: summary?,
                        quote,
                        quote_by,
                        date,
                        date_note,
                        certainty: certainty?,
                        cites,
                    },
                    has_title,
                )
            }
        };
        Some(built)
    }

    /// One actor id or a list of them, at least one.
    fn actor_list(&mut self, node: &Node, key: &str) -> Option<Vec<crate::model::EntityRef>> {
        if matches!(&node.value, super::tree::Value::Seq(v) if v.is_empty()) {
            self.error(
                node.loc,
                node.width,
                format!("`{key}` names at least one actor"),
            );
            return None;
        }
        let refs = self.references(Some(node), Kind::Actor);
        let written = match &node.value {
            super::tree::Value::Seq(v) => v.len(),
            _ => 1,
        };
        // Every unresolved one was reported.
        (refs.len() == written).then_some(refs)
    }

    /// An inferred (`~`) date must say why.
    fn check_inferred(
        &mut self,
        date: Option<Date>,
        note: Option<&str>,
        f: &super::fields::Fields<'_>,
        date_key: &str,
        note_key: &str,
    ) {
        if date.is_some_and(|d| d.inferred)
            && note.is_none_or(|n| n.trim().is_empty())
            && let Some(n) = f.get(date_key)
        {
            // Points at the `~` itself.
            let loc = super::tree::Loc {
                line: n.loc.line,
                col: n.loc.col + self.scalar_offset(n),
            };
            self.error(
                loc,
                1,
                format!("an inferred date (`~`) needs a `{note_key}` saying why"),
            );
            self.help_last(&format!(
                "add `{note_key}:` saying how the date was inferred, or drop the `~` if the source gives the date"
            ));
        }
    }

    /// The `brief:` section.
    pub fn meta(&mut self, node: &Node) -> Option<Meta> {
        let f = self.mapping(node, "the `brief` section", BRIEF_FIELDS)?;
        let id = self.req_text(&f, "id");
        if let (Some(id), Some(n)) = (&id, f.get("id"))
            && let Some(problem) = super::ids::id_problem(id)
        {
            self.error(n.loc, id.chars().count(), problem.to_owned());
        }
        let title = self.req_text(&f, "title");
        let as_of = self.req_date(&f, "as_of");
        let summary = self.required(&f, "summary").and_then(|n| self.prose(n));
        let key_points = self.list(f.get("key_points"), "key_points", |ctx, n| ctx.prose(n));
        let cites = self.cites(f.get("cites"));
        Some(Meta {
            id: id?,
            title: title?,
            as_of: as_of?,
            summary: summary?,
            key_points,
            cites,
        })
    }
}
