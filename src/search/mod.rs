//! Finding things: full-text search over every text field, and the names
//! the jump palette matches against. Both built once, by the reader just
//! after its first frame (building them is most of the work before it).
//!
//! Full-text search folds case and accents ([`fold`]) and scans one folded
//! text of the whole brief with memchr's substring search, so a keystroke
//! costs one pass over memory and no allocation beyond the results. Imports
//! the model only.

pub mod fold;
mod haystack;

use compact_str::CompactString;
use memchr::memmem;

use crate::model::{Brief, EntityRef, Kind};

pub use fold::{find, fold};

/// Separates entities in the folded text; never produced by folding
/// sanitised brief text, so no match can span two entities.
const SEP: char = '\u{0}';

#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Folded text of every entity, separated by [`SEP`].
    text: String,
    /// Where each entity's text starts in `text`, in `entities` order.
    starts: Vec<usize>,
    entities: Vec<EntityRef>,
    /// Where each kind's entities start in `entities`, in `Kind::ALL` order.
    kind_start: [usize; Kind::ALL.len()],
    /// Every name an entity answers to (name or title, short name,
    /// aliases), for the palette, which reads them here.
    pub names: Vec<(EntityRef, CompactString)>,
    /// Where each entity's own name (its name or title) is in `names`:
    /// what the palette lists before anything is typed. Increasing.
    pub primaries: Vec<u32>,
}

impl Index {
    pub fn build(brief: &Brief) -> Self {
        let mut index = Index::default();
        let mut scratch = String::new();
        for kind in Kind::ALL {
            index.kind_start[kind as usize] = index.entities.len();
            for i in 0..brief.len(kind) {
                let r = EntityRef::new(kind, i);
                index.starts.push(index.text.len());
                index.entities.push(r);
                scratch.clear();
                haystack::write(brief, r, &mut scratch);
                fold::fold_into(&scratch, &mut index.text);
                index.text.push(SEP);
                let own = u32::try_from(index.names.len()).unwrap_or(u32::MAX);
                index.primaries.push(own);
                haystack::names(brief, r, |name| index.names.push((r, name.into())));
            }
        }
        index
    }

    /// Does entity `r`'s text contain `folded_query`? For narrowing a
    /// search as the query grows: only the previous matches are looked at.
    pub fn contains(&self, r: EntityRef, folded_query: &str) -> bool {
        let n = self.kind_start[r.kind as usize] + r.index();
        let (Some(&start), end) = (self.starts.get(n), self.starts.get(n + 1)) else {
            return false;
        };
        let end = end.copied().unwrap_or(self.text.len());
        memmem::find(&self.text.as_bytes()[start..end], folded_query.as_bytes()).is_some()
    }

    /// Every entity whose text contains `folded_query`, in kind then index
    /// order, each once. Clears and fills `out`.
    pub fn search(&self, folded_query: &str, out: &mut Vec<EntityRef>) {
        out.clear();
        if folded_query.is_empty() || folded_query.contains(SEP) {
            return;
        }
        // After a hit, skip to the next entity: a common query ("e")
        // costs one search per entity, not one per occurrence.
        let finder = memmem::Finder::new(folded_query.as_bytes());
        let hay = self.text.as_bytes();
        let (mut from, mut n) = (0, 0);
        while let Some(found) = hay.get(from..).and_then(|rest| finder.find(rest)) {
            let at = from + found;
            // Hits come in text order: the entity holding this one is found
            // by walking on from the last, one step for a common query,
            // where a binary search from scratch took seventeen.
            while self.starts.get(n + 1).is_some_and(|&s| s <= at) {
                n += 1;
            }
            out.push(self.entities[n]);
            from = self.starts.get(n + 1).copied().unwrap_or(hay.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brief() -> Brief {
        let text = r#"
brief: { id: t, title: T, as_of: 2026, summary: "About [[ttp]]." }
sources: [{ id: s, title: Kabul report, kind: news }]
actors:
  - { id: ttp, name: Tehreek-e-Taliban Pakistan, short: TTP, aliases: [Tehrik-i-Taliban Pakistan], kind: armed-group, cites: [s] }
  - { id: shirin, name: Mullah Shirin Akhund, kind: person, role: governor of Kandahar, cites: [s] }
events:
  - { id: barmal, date: 2026-01-02, title: JuA meets, place: "Barmal, Paktika", certainty: reported, cites: [s] }
"#;
        crate::load::brief_of(text)
    }

    fn ids(index: &Index, brief: &Brief, q: &str) -> Vec<String> {
        let mut out = Vec::new();
        index.search(&fold(q), &mut out);
        out.iter().map(|r| brief.id(*r).to_owned()).collect()
    }

    #[test]
    fn finds_through_aliases_places_and_roles_regardless_of_case() {
        let b = brief();
        let index = Index::build(&b);
        assert_eq!(ids(&index, &b, "tehrik"), ["ttp"]);
        assert_eq!(ids(&index, &b, "BARMAL"), ["barmal"]);
        assert_eq!(ids(&index, &b, "shirin"), ["shirin"]);
        assert_eq!(ids(&index, &b, "Kandahar"), ["shirin"]);
        assert!(ids(&index, &b, "nowhere").is_empty());
        for kind in Kind::ALL {
            for i in 0..b.len(kind) {
                let r = EntityRef::new(kind, i);
                let found = ids(&index, &b, "kandahar").contains(&b.id(r).to_owned());
                assert_eq!(index.contains(r, "kandahar"), found, "{}", b.id(r));
            }
        }
    }

    #[test]
    fn searching_everything_finds_what_each_entity_contains_in_order() {
        let b = crate::load::brief_of(&crate::synth::single(300, 3));
        let index = Index::build(&b);
        let every: Vec<EntityRef> = Kind::ALL
            .iter()
            .flat_map(|k| (0..b.len(*k)).map(|i| EntityRef::new(*k, i)))
            .collect();
        // Also the first letters of some entity's text: a hit at the very
        // start of an entity belongs to it, not to the one before.
        let start = |n: usize| {
            index.text[index.starts[n]..]
                .chars()
                .take(6)
                .collect::<String>()
        };
        let queries = ["e", "ta", "event 1", "talks ceasefire", "zzz"].map(String::from);
        for q in queries.into_iter().chain([start(1), start(40), start(300)]) {
            let q = fold(&q);
            let mut found = Vec::new();
            index.search(&q, &mut found);
            let contained: Vec<EntityRef> = every
                .iter()
                .copied()
                .filter(|r| index.contains(*r, &q))
                .collect();
            assert_eq!(found, contained, "{q:?}");
        }
    }

    #[test]
    fn a_match_never_spans_two_entities() {
        let b = brief();
        let index = Index::build(&b);
        // The end of one entity's text and the start of the next.
        assert!(ids(&index, &b, "pakistan\u{0}mullah").is_empty());
    }

    #[test]
    fn palette_names_include_short_names_and_aliases() {
        let b = brief();
        let index = Index::build(&b);
        let ttp: Vec<&str> = index
            .names
            .iter()
            .filter(|(r, _)| b.id(*r) == "ttp")
            .map(|(_, n)| &**n)
            .collect();
        assert_eq!(
            ttp,
            [
                "Tehreek-e-Taliban Pakistan",
                "TTP",
                "Tehrik-i-Taliban Pakistan"
            ]
        );
    }
}
