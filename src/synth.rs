//! Synthetic briefs of any size, for benchmarks and load tests: valid,
//! deterministic from a seed, with the proportions and cross-links of a
//! real brief (actors, sources, issues, demands and positions in step with
//! the events; field references, citations with paragraphs, and inline
//! links in prose).

use std::fmt::Write;

/// A tiny deterministic generator (xorshift), so no crate is needed; the
/// library's tests draw their random cases from it too.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "talks",
    "border",
    "ceasefire",
    "strike",
    "militants",
    "province",
    "delegation",
    "council",
    "sanctuary",
    "statement",
    "officials",
    "report",
    "attack",
    "mediators",
    "agreement",
    "government",
    "leadership",
    "meeting",
    "security",
    "forces",
];
const KINDS: &[&str] = &[
    "state",
    "government",
    "armed-group",
    "faction",
    "party",
    "person",
];
const CERTAINTY: &[&str] = &["confirmed", "reported", "claimed", "alleged", "unconfirmed"];
const STANCES: &[&str] = &["supports", "opposes", "conditional", "ambiguous"];
const STATUS: &[&str] = &["met", "partly-met", "unmet", "rejected", "unknown"];

/// How many of each entity a brief of `events` events has.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub events: usize,
    pub actors: usize,
    pub sources: usize,
    pub issues: usize,
    pub demands: usize,
    pub positions: usize,
}

impl Sizes {
    pub fn for_events(events: usize) -> Self {
        Sizes {
            events,
            actors: (events / 20).max(8),
            sources: (events / 100).max(3),
            issues: (events / 500).max(3),
            demands: (events / 10).max(2),
            positions: (events / 5).max(4),
        }
    }
}

/// The brief as files: (file name, YAML text), one section per file.
pub fn files(events: usize, seed: u64) -> Vec<(String, String)> {
    let n = Sizes::for_events(events);
    let mut rng = Rng(seed | 1);
    let mut out = Vec::new();
    let words = |rng: &mut Rng, k: usize| -> String {
        (0..k)
            .map(|_| WORDS[rng.below(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let cite = |rng: &mut Rng| {
        format!(
            "{{ source: s{}, para: {} }}",
            rng.below(n.sources),
            1 + rng.below(30)
        )
    };

    out.push((
        "brief.yaml".to_owned(),
        format!(
            "brief:\n  id: synthetic\n  title: A synthetic brief of {events} events\n  as_of: 2026-01\n  summary: >-\n    Generated for benchmarks; it names [[a0]] and [[e0]].\n  key_points:\n    - The busiest actor is [[a0]].\n  cites: [s0]\n"
        ),
    ));

    let mut s = String::from("sources:\n");
    for i in 0..n.sources {
        let _ = writeln!(
            s,
            "  - {{ id: s{i}, title: Source document {i}, short: Source {i}, kind: news, published: 2025-{:02} }}",
            1 + i % 12
        );
    }
    out.push(("sources.yaml".to_owned(), s));

    let mut s = String::from("actors:\n");
    for i in 0..n.actors {
        let kind = KINDS[i % KINDS.len()];
        let to = rng.below(n.actors);
        let _ = write!(
            s,
            "  - id: a{i}\n    name: Actor number {i}\n    short: A{i}\n    aliases: [Alias of {i}]\n    kind: {kind}\n    summary: >-\n      An actor of {} linked to [[a{to}]].\n    relations:\n      - {{ kind: allied-with, to: a{to}, certainty: reported, cites: [{}] }}\n    cites: [{}]\n",
            words(&mut rng, 6),
            cite(&mut rng),
            cite(&mut rng),
        );
    }
    out.push(("actors.yaml".to_owned(), s));

    let mut s = String::from("issues:\n");
    for i in 0..n.issues {
        let _ = writeln!(
            s,
            "  - {{ id: i{i}, title: Question number {i}, short: Q{i}, cites: [s0] }}"
        );
    }
    out.push(("issues.yaml".to_owned(), s));

    let mut s = String::from("events:\n");
    for i in 0..events {
        let year = 2000 + rng.below(26);
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let date = match i % 4 {
            0 => format!("{year}-{month:02}-{day:02}"),
            1 => format!("{year}-{month:02}"),
            2 => format!("late {year}-{month:02}"),
            _ => format!("{year}-{month:02}-{day:02}..{year}-{month:02}-28"),
        };
        let (a, b) = (rng.below(n.actors), rng.below(n.actors));
        let other = rng.below(events);
        let _ = write!(
            s,
            "  - id: e{i}\n    date: {date}\n    title: \"Event {i}: {}\"\n    place: Place {}\n    actors: [a{a}, a{b}]\n    summary: >-\n      [[a{a}|The first actor]] and [[a{b}]] {}; see [[e{other}]].\n    tags: [t{}]\n    certainty: {}\n    cites: [{}]\n",
            words(&mut rng, 4),
            rng.below(500),
            words(&mut rng, 14),
            rng.below(20),
            CERTAINTY[rng.below(CERTAINTY.len())],
            cite(&mut rng),
        );
    }
    out.push(("events.yaml".to_owned(), s));

    let mut s = String::from("demands:\n");
    for i in 0..n.demands {
        let _ = writeln!(
            s,
            "  - {{ id: d{i}, by: a{}, of: [a{}], title: \"Demand {i}: {}\", status: {}, certainty: {}, cites: [{}] }}",
            rng.below(n.actors),
            rng.below(n.actors),
            words(&mut rng, 5),
            STATUS[rng.below(STATUS.len())],
            CERTAINTY[rng.below(CERTAINTY.len())],
            cite(&mut rng),
        );
    }
    out.push(("demands.yaml".to_owned(), s));

    let mut s = String::from("positions:\n");
    for i in 0..n.positions {
        let _ = writeln!(
            s,
            "  - {{ id: p{i}, actor: a{}, issue: i{}, stance: {}, summary: \"On [[i{}]]: {}\", certainty: {}, cites: [{}] }}",
            rng.below(n.actors),
            rng.below(n.issues),
            STANCES[rng.below(STANCES.len())],
            rng.below(n.issues),
            words(&mut rng, 8),
            CERTAINTY[rng.below(CERTAINTY.len())],
            cite(&mut rng),
        );
    }
    out.push(("positions.yaml".to_owned(), s));
    out
}

/// The same brief as one YAML file.
pub fn single(events: usize, seed: u64) -> String {
    files(events, seed)
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}
