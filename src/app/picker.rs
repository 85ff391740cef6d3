//! A list to choose from by typing: the jump palette (every entity by name,
//! short name and alias, fuzzy-matched as in fzf or helix's picker), the
//! filter menus, and the positions behind a cell of the stance matrix.

use std::borrow::Cow;
use std::sync::Arc;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::filter::{Field, Value};
use crate::model::EntityRef;

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

#[derive(Debug, Clone)]
pub struct Item {
    /// What is matched and shown (shared with the search index's names).
    pub text: Arc<str>,
    /// Shown beside it, dimmer ("actor", "alias of TTP", "12 entries").
    pub detail: Cow<'static, str>,
    pub choice: Choice,
    /// The entity's own name (not an alias): listed when nothing is typed.
    pub primary: bool,
}

pub struct Picker {
    pub title: String,
    pub query: String,
    pub items: Vec<Item>,
    /// Indexes of the items that match, best first.
    pub shown: Vec<usize>,
    pub selected: usize,
    matcher: Matcher,
    buf: Vec<char>,
    scored: Vec<(u32, usize)>,
    /// Every item the query matches (before an entity's names are merged).
    matched: Vec<usize>,
    /// Earlier (query, matched, shown) while the query only grew: typing
    /// rescores only what still can match, deleting takes a step back.
    narrowed: Vec<(String, Vec<usize>, Vec<usize>)>,
}

impl std::fmt::Debug for Picker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Picker")
            .field("title", &self.title)
            .field("query", &self.query)
            .field("shown", &self.shown.len())
            .finish()
    }
}

impl Picker {
    pub fn new(title: impl Into<String>, items: Vec<Item>) -> Self {
        let mut picker = Picker {
            title: title.into(),
            query: String::new(),
            items,
            shown: Vec::new(),
            selected: 0,
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
            scored: Vec::new(),
            matched: Vec::new(),
            narrowed: Vec::new(),
        };
        picker.refilter();
        picker
    }

    pub fn chosen(&self) -> Option<&Item> {
        self.shown
            .get(self.selected)
            .and_then(|&i| self.items.get(i))
    }

    pub fn type_char(&mut self, c: char) {
        // fzf syntax (`!`, `^`, `$`, `'`, `|`) can widen a match; plain
        // text only narrows it, so only then is the last result reused.
        let plain = |q: &str| !q.contains(['!', '^', '$', '\'', '|', '\\']);
        let narrows = !self.query.trim().is_empty() && plain(&self.query) && plain(&c.to_string());
        if narrows {
            let step = (self.query.clone(), self.matched.clone(), self.shown.clone());
            self.narrowed.push(step);
            self.query.push(c);
            let candidates = std::mem::take(&mut self.matched);
            self.score(candidates.into_iter());
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
            if let Some((_, matched, shown)) = self.narrowed.pop() {
                self.matched = matched;
                self.shown = shown;
                self.selected = 0;
            }
            return;
        }
        self.refilter();
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = self.shown.len();
        if n > 0 {
            self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
        }
    }

    /// Ranks the items against the query. An entity that matches through
    /// several names (its name and an alias) is listed once, by its best.
    fn refilter(&mut self) {
        self.narrowed.clear();
        if self.query.trim().is_empty() {
            self.shown.clear();
            self.matched.clear();
            self.selected = 0;
            self.shown
                .extend((0..self.items.len()).filter(|&i| self.items[i].primary));
            return;
        }
        self.score(0..self.items.len());
    }

    /// Scores `candidates` against the query and lists the matches.
    fn score(&mut self, candidates: impl Iterator<Item = usize>) {
        self.shown.clear();
        self.matched.clear();
        self.selected = 0;
        let pattern = Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
        self.scored.clear();
        for i in candidates {
            let hay = Utf32Str::new(&self.items[i].text, &mut self.buf);
            if let Some(score) = pattern.score(hay, &mut self.matcher) {
                self.scored.push((score, i));
                self.matched.push(i);
            }
        }
        self.scored
            .sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut seen = std::collections::HashSet::new();
        for &(_, i) in &self.scored {
            let fresh = match &self.items[i].choice {
                Choice::Entity(r) => seen.insert(*r),
                _ => true,
            };
            if fresh {
                self.shown.push(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn item(text: &str, index: usize, primary: bool) -> Item {
        Item {
            text: text.into(),
            detail: Cow::Borrowed(""),
            choice: Choice::Entity(EntityRef::new(Kind::Actor, index)),
            primary,
        }
    }

    fn texts(p: &Picker) -> Vec<&str> {
        p.shown.iter().map(|&i| &*p.items[i].text).collect()
    }

    #[test]
    fn fuzzy_matching_ranks_and_lists_an_entity_once() {
        let mut p = Picker::new(
            "Jump",
            vec![
                item("Tehreek-e-Taliban Pakistan", 0, true),
                item("TTP", 0, false),
                item("Tehrik-i-Taliban Pakistan", 0, false),
                item("Afghan Taliban", 1, true),
                item("Mullah Shirin Akhund", 2, true),
            ],
        );
        assert_eq!(
            texts(&p),
            [
                "Tehreek-e-Taliban Pakistan",
                "Afghan Taliban",
                "Mullah Shirin Akhund"
            ]
        );
        for c in "ttp".chars() {
            p.type_char(c);
        }
        assert_eq!(texts(&p)[0], "TTP", "the exact short name ranks first");
        assert_eq!(
            texts(&p).len(),
            1,
            "the TTP's other names are not listed again"
        );
        p.query.clear();
        for c in "shirn".chars() {
            p.type_char(c);
        }
        assert_eq!(
            texts(&p),
            ["Mullah Shirin Akhund"],
            "letters in order, gaps allowed"
        );
        p.query.clear();
        for c in "SHIRIN".chars() {
            p.type_char(c);
        }
        assert_eq!(texts(&p), ["Mullah Shirin Akhund"], "case does not matter");
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
        let items: Vec<Item> = names
            .iter()
            .enumerate()
            .map(|(i, n)| item(n, i, true))
            .collect();
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
    }

    #[test]
    fn accents_do_not_matter() {
        let mut p = Picker::new("Jump", vec![item("Zoë Ünïcödé", 0, true)]);
        for c in "zoe unicode".chars() {
            p.type_char(c);
        }
        assert_eq!(texts(&p), ["Zoë Ünïcödé"]);
    }
}
