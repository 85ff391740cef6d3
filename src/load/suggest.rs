//! "Did you mean …?": the closest known word to a misspelt one.

/// The candidate closest to `word` by edit distance, if it is close enough
/// to be a plausible typo (about one edit in three characters) or `word`
/// is a prefix of it.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for cand in candidates {
        if cand == word {
            continue;
        }
        let d = if cand.starts_with(word) && word.len() >= 3 {
            1
        } else {
            distance(word, cand, limit + 1)
        };
        // Ties go to the first in alphabetical order, so the suggestion does
        // not depend on the order candidates come in (ids come from a map).
        if d <= limit && best.is_none_or(|(bd, bc)| d < bd || (d == bd && cand < bc)) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance (Levenshtein, with a swap of two neighbours as one edit), giving up (returning `cap`) once it must exceed
/// `cap`, so scanning many ids stays cheap.
fn distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) >= cap {
        return cap;
    }
    // Three rows: the one before the previous serves transpositions.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut d = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            if i > 0 && j > 0 && *ca == b[j - 1] && a[i - 1] == *cb {
                d = d.min(before[j - 1] + 1);
            }
            cur[j + 1] = d;
            row_min = row_min.min(d);
        }
        if row_min >= cap {
            return cap;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_typo_fix() {
        let fields = ["summary", "title", "status", "stance"];
        assert_eq!(closest("sumary", fields), Some("summary"));
        assert_eq!(closest("titel", fields), Some("title"));
        assert_eq!(closest("colour", fields), None);
    }

    #[test]
    fn ties_are_broken_alphabetically() {
        assert_eq!(closest("tpp", ["tap", "ttp"]), Some("tap"));
        assert_eq!(closest("tpp", ["ttp", "tap"]), Some("tap"));
    }

    #[test]
    fn suggests_ids_by_prefix() {
        assert_eq!(
            closest("noor-wali", ["noor-wali-mehsud", "ttp"]),
            Some("noor-wali-mehsud")
        );
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting", 10), 3);
        assert_eq!(distance("a", "abcdef", 3), 3);
        assert_eq!(distance("titel", "title", 3), 1);
    }
}
