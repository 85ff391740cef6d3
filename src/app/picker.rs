//! A list to choose from by typing: the jump palette (every entity by name,
//! short name and alias, fuzzy-matched as in fzf or helix's picker), the
//! filter menus, and the positions behind a cell of the stance matrix.
//!
//! The palette reads the search index's names where they are
//! ([`Items::Names`]): opening it copies none of them and lists every
//! entity without building a list (a brief of 100,000 events has 136,000
//! names); only what a query matches is listed, and a name's dimmer detail
//! is made when it is drawn.

use std::borrow::Cow;
use std::sync::Arc;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::filter::{Field, Value};
use crate::model::{Brief, EntityRef};
use crate::search::Index;

/// What choosing an item does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Open this entity (a history entry, like following a link).
    Entity(EntityRef),
    /// Pick a value for this filter field next.
    Field(Field),
    /// Set this filter.
    Value(Field, Value),
}

/// An item of a list built for the occasion.
#[derive(Debug, Clone)]
pub struct Item {
    /// What is matched and shown.
    pub text: String,
    /// Shown beside it, dimmer ("now: reported", "12 entries").
    pub detail: Cow<'static, str>,
    pub choice: Choice,
}

/// What a picker chooses from.
enum Items {
    /// A short list: the filter menus, the positions of a matrix cell.
    Listed(Vec<Item>),
    /// Every name of the search index; an entity's own name is listed
    /// when nothing is typed, its other names only when they match.
    Names(Arc<Index>),
}

impl Items {
    fn len(&self) -> usize {
        match self {
            Items::Names(index) => index.names.len(),
            Items::Listed(items) => items.len(),
        }
    }

    fn text(&self, i: u32) -> &str {
        match self {
            Items::Names(index) => &index.names[i as usize].1,
            Items::Listed(items) => &items[i as usize].text,
        }
    }

    fn choice(&self, i: u32) -> Choice {
        match self {
            Items::Names(index) => Choice::Entity(index.names[i as usize].0),
            Items::Listed(items) => items[i as usize].choice.clone(),
        }
    }
}

pub struct Picker {
    pub title: String,
    pub query: String,
    items: Items,
    /// The items listed when nothing is typed (for [`Items::Listed`]: all).
    listed: Vec<u32>,
    /// What the query matches, best first, each entity once.
    found: Vec<u32>,
    pub selected: usize,
    matcher: Matcher,
    buf: Vec<char>,
    /// (score, text length, item) of each match, to rank them.
    scored: Vec<(u32, u32, u32)>,
    /// Every item the query matches (before an entity's names are merged).
    matched: Vec<u32>,
    /// Earlier (query, matched, found) while the query only grew: typing
    /// rescores only what still can match, deleting takes a step back.
    narrowed: Vec<(String, Vec<u32>, Vec<u32>)>,
}

impl std::fmt::Debug for Picker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Picker")
            .field("title", &self.title)
            .field("query", &self.query)
            .field("shown", &self.shown().len())
            .finish()
    }
}

impl Picker {
    /// A picker of `items`, all listed until something is typed.
    pub fn new(title: impl Into<String>, items: Vec<Item>) -> Self {
        let listed = (0..items.len()).map(number).collect();
        Picker::of(title.into(), Items::Listed(items), listed)
    }

    /// The jump palette: every name `index` holds.
    pub fn names(title: impl Into<String>, index: Arc<Index>) -> Self {
        Picker::of(title.into(), Items::Names(index), Vec::new())
    }

    fn of(title: String, items: Items, listed: Vec<u32>) -> Self {
        Picker {
            title,
            query: String::new(),
            items,
            listed,
            found: Vec::new(),
            selected: 0,
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
            scored: Vec::new(),
            matched: Vec::new(),
            narrowed: Vec::new(),
        }
    }

    /// The items listed, best first: what the query matches, or with
    /// nothing typed every entity (every item of a short list).
    pub fn shown(&self) -> &[u32] {
        match (&self.items, self.query.trim().is_empty()) {
            (_, false) => &self.found,
            (Items::Names(index), true) => &index.primaries,
            (Items::Listed(_), true) => &self.listed,
        }
    }

    /// How many there are to choose from: entities, or a short list's items.
    pub fn total(&self) -> usize {
        match &self.items {
            Items::Names(index) => index.primaries.len(),
            Items::Listed(items) => items.len(),
        }
    }

    /// Item `i`'s text, as matched and shown.
    pub fn text(&self, i: u32) -> &str {
        self.items.text(i)
    }

    /// What is shown beside item `i`: a name's kind of entity, and for a
    /// short name or an alias whose it is ("actor · Tehreek-e-Taliban
    /// Pakistan").
    pub fn detail<'a>(&'a self, i: u32, brief: &'a Brief) -> Cow<'a, str> {
        match &self.items {
            Items::Names(index) => {
                let r = index.names[i as usize].0;
                if index.primaries.binary_search(&i).is_ok() {
                    Cow::Borrowed(r.kind.noun())
                } else {
                    Cow::Owned(format!("{} · {}", r.kind.noun(), brief.title(r)))
                }
            }
            Items::Listed(items) => Cow::Borrowed(&items[i as usize].detail),
        }
    }

    /// What choosing the selected item does.
    pub fn chosen(&self) -> Option<Choice> {
        self.shown()
            .get(self.selected)
            .map(|&i| self.items.choice(i))
    }

    pub fn type_char(&mut self, c: char) {
        // fzf syntax (`!`, `^`, `$`, `'`, `|`) can widen a match; plain
        // text only narrows it, so only then is the last result reused.
        let plain = |q: &str| !q.contains(['!', '^', '$', '\'', '|', '\\']);
        let narrows = !self.query.trim().is_empty() && plain(&self.query) && plain(&c.to_string());
        if narrows {
            // The last result is kept for a step back, not copied: the new
            // one is scored from it.
            let matched = std::mem::take(&mut self.matched);
            let found = std::mem::take(&mut self.found);
            self.narrowed.push((self.query.clone(), matched, found));
            self.query.push(c);
            let last = self.narrowed.len() - 1;
            let candidates = std::mem::take(&mut self.narrowed[last].1);
            self.score(candidates.iter().copied());
            self.narrowed[last].1 = candidates;
        } else {
            self.query.push(c);
            self.refilter();
        }
    }

    pub fn delete_char(&mut self) {
        self.query.pop();
        if self
            .narrowed
            .last()
            .is_some_and(|(q, _, _)| *q == self.query)
        {
            if let Some((_, matched, found)) = self.narrowed.pop() {
                self.matched = matched;
                self.found = found;
                self.selected = 0;
            }
            return;
        }
        self.refilter();
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = self.shown().len();
        if n > 0 {
            self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
        }
    }

    /// Ranks the items against the query. An entity that matches through
    /// several names (its name and an alias) is listed once, by its best.
    fn refilter(&mut self) {
        self.narrowed.clear();
        self.selected = 0;
        self.found.clear();
        self.matched.clear();
        if !self.query.trim().is_empty() {
            self.score(0..number(self.items.len()));
        }
    }

    /// Scores `candidates` against the query and lists the matches.
    fn score(&mut self, candidates: impl Iterator<Item = u32>) {
        self.found.clear();
        self.matched.clear();
        self.selected = 0;
        let pattern = Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
        self.scored.clear();
        for i in candidates {
            let text = self.items.text(i);
            let hay = Utf32Str::new(text, &mut self.buf);
            if let Some(score) = pattern.score(hay, &mut self.matcher) {
                self.scored.push((score, number(text.len()), i));
                self.matched.push(i);
            }
        }
        // Best first; of equal scores the shorter text, as fzf does, so
        // "ttp" finds the TTP before events whose titles begin with it.
        // Each item is there once, so no two keys are equal.
        self.scored
            .sort_unstable_by_key(|&(score, len, i)| (std::cmp::Reverse(score), len, i));
        let mut seen = std::collections::HashSet::new();
        for &(_, _, i) in &self.scored {
            let fresh = match self.items.choice(i) {
                Choice::Entity(r) => seen.insert(r),
                _ => true,
            };
            if fresh {
                self.found.push(i);
            }
        }
    }
}

/// An item's number: a picker never holds more than a brief's names,
/// which the loader's limits keep far below `u32::MAX`.
fn number(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn item(text: &str, index: usize) -> Item {
        Item {
            text: text.into(),
            detail: Cow::Borrowed(""),
            choice: Choice::Entity(EntityRef::new(Kind::Actor, index)),
        }
    }

    fn texts(p: &Picker) -> Vec<&str> {
        p.shown().iter().map(|&i| p.text(i)).collect()
    }

    fn typed(p: &mut Picker, query: &str) {
        while !p.query.is_empty() {
            p.delete_char();
        }
        for c in query.chars() {
            p.type_char(c);
        }
    }

    fn brief() -> Brief {
        let text = r#"
brief: { id: t, title: T, as_of: 2026, summary: S }
sources: [{ id: s, title: Kabul report, kind: news }]
actors:
  - { id: ttp, name: Tehreek-e-Taliban Pakistan, short: TTP, aliases: [Tehrik-i-Taliban Pakistan], kind: armed-group, cites: [s] }
  - { id: iea, name: Afghan Taliban, kind: government, cites: [s] }
  - { id: shirin, name: Mullah Shirin Akhund, kind: person, cites: [s] }
events:
  - { id: rise, date: 2007, title: TTP emerges in the border regions, actors: [ttp], certainty: confirmed, cites: [s] }
"#;
        crate::load::brief_of(text)
    }

    #[test]
    fn the_palette_lists_each_entity_once_and_matches_every_name() {
        let b = brief();
        let mut p = Picker::names("Jump", Arc::new(Index::build(&b)));
        assert_eq!(
            texts(&p),
            [
                "TTP emerges in the border regions",
                "Tehreek-e-Taliban Pakistan",
                "Afghan Taliban",
                "Mullah Shirin Akhund",
                "Kabul report"
            ],
            "nothing typed: every entity by its own name"
        );
        assert_eq!(p.total(), 5);
        typed(&mut p, "ttp");
        assert_eq!(
            texts(&p),
            ["TTP", "TTP emerges in the border regions"],
            "the exact short name first, before a longer title; the TTP's other names not again"
        );
        assert_eq!(
            p.chosen(),
            Some(Choice::Entity(EntityRef::new(Kind::Actor, 0)))
        );
        typed(&mut p, "shirn");
        assert_eq!(
            texts(&p),
            ["Mullah Shirin Akhund"],
            "letters in order, gaps allowed"
        );
        typed(&mut p, "SHIRIN");
        assert_eq!(texts(&p), ["Mullah Shirin Akhund"], "case does not matter");
        typed(&mut p, "nowhere at all");
        assert!(texts(&p).is_empty());
        assert_eq!(p.chosen(), None);
    }

    #[test]
    fn a_name_says_whose_it_is_when_it_is_not_the_entitys_own() {
        let b = brief();
        let p = Picker::names("Jump", Arc::new(Index::build(&b)));
        let detail = |text: &str| {
            let i = (0..number(p.items.len())).find(|&i| p.text(i) == text);
            p.detail(i.expect("a name"), &b).into_owned()
        };
        assert_eq!(detail("Tehreek-e-Taliban Pakistan"), "actor");
        assert_eq!(detail("TTP"), "actor · Tehreek-e-Taliban Pakistan");
        assert_eq!(
            detail("Tehrik-i-Taliban Pakistan"),
            "actor · Tehreek-e-Taliban Pakistan"
        );
        assert_eq!(detail("Kabul report"), "source");
    }

    #[test]
    fn opening_the_palette_copies_no_names() {
        let b = brief();
        let index = Arc::new(Index::build(&b));
        let p = Picker::names("Jump", Arc::clone(&index));
        for (i, (_, name)) in index.names.iter().enumerate() {
            assert!(std::ptr::eq(p.text(number(i)), name.as_str()));
        }
    }

    #[test]
    fn narrowing_as_you_type_agrees_with_scoring_everything() {
        let names = [
            "Tehreek-e-Taliban Pakistan",
            "TTP",
            "Afghan Taliban",
            "Pakistan Army",
            "Taliban regime",
        ];
        let items: Vec<Item> = names.iter().enumerate().map(|(i, n)| item(n, i)).collect();
        let mut typed = Picker::new("Jump", items.clone());
        for c in "talib".chars() {
            typed.type_char(c);
        }
        let mut fresh = Picker::new("Jump", items.clone());
        fresh.query = "talib".into();
        fresh.refilter();
        assert_eq!(texts(&typed), texts(&fresh));
        typed.delete_char();
        typed.delete_char();
        fresh.query = "tal".into();
        fresh.refilter();
        assert_eq!(texts(&typed), texts(&fresh));
        typed.type_char('i');
        fresh.query = "tali".into();
        fresh.refilter();
        assert_eq!(
            texts(&typed),
            texts(&fresh),
            "and typing again after a step back"
        );
    }

    #[test]
    fn a_short_list_shows_everything_until_something_is_typed() {
        let mut p = Picker::new("Filter", vec![item("Actor", 0), item("Year", 1)]);
        assert_eq!(texts(&p), ["Actor", "Year"]);
        typed(&mut p, "yr");
        assert_eq!(texts(&p), ["Year"]);
    }

    #[test]
    fn accents_do_not_matter() {
        let mut p = Picker::new("Jump", vec![item("Zoë Ünïcödé", 0)]);
        for c in "zoe unicode".chars() {
            p.type_char(c);
        }
        assert_eq!(texts(&p), ["Zoë Ünïcödé"]);
    }
}
