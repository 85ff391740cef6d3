//! Browser-style history of where the reader has been.
//!
//! An entry is made only by following a link (in the detail view or, later,
//! a jump): moving the selection by hand or switching tabs is not history.
//! Following pushes the current place on `back` and clears `forward`; Back
//! and Forward move between places. Bounded, so a long session cannot grow
//! it without limit.

/// Places kept in each direction; the oldest are dropped first.
pub const LIMIT: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History<T> {
    back: Vec<T>,
    forward: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            back: Vec::new(),
            forward: Vec::new(),
        }
    }
}

impl<T> History<T> {
    /// Leaving `here` by following a link.
    pub fn visit(&mut self, here: T) {
        if self.back.len() == LIMIT {
            self.back.remove(0);
        }
        self.back.push(here);
        self.forward.clear();
    }

    /// Going back from `here`: the place to return to, if any.
    pub fn back(&mut self, here: T) -> Option<T> {
        let to = self.back.pop()?;
        self.forward.push(here);
        Some(to)
    }

    /// Going forward from `here`.
    pub fn forward(&mut self, here: T) -> Option<T> {
        let to = self.forward.pop()?;
        self.back.push(here);
        Some(to)
    }

    pub fn can_back(&self) -> bool {
        !self.back.is_empty()
    }

    pub fn can_forward(&self) -> bool {
        !self.forward.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forward_retrace_the_path() {
        let mut h = History::default();
        h.visit("a");
        h.visit("b");
        // Now at c.
        assert_eq!(h.back("c"), Some("b"));
        assert_eq!(h.back("b"), Some("a"));
        assert_eq!(h.back("a"), None);
        assert_eq!(h.forward("a"), Some("b"));
        assert_eq!(h.forward("b"), Some("c"));
        assert_eq!(h.forward("c"), None);
    }

    #[test]
    fn following_a_link_clears_forward() {
        let mut h = History::default();
        h.visit("a");
        assert_eq!(h.back("b"), Some("a"));
        assert!(h.can_forward());
        h.visit("a");
        assert!(!h.can_forward());
        assert_eq!(h.back("d"), Some("a"));
    }

    #[test]
    fn a_failed_back_changes_nothing() {
        let mut h: History<&str> = History::default();
        assert_eq!(h.back("x"), None);
        assert!(!h.can_forward());
    }

    #[test]
    fn history_is_bounded() {
        let mut h = History::default();
        for i in 0..LIMIT + 10 {
            h.visit(i);
        }
        let mut n = 0;
        let mut here = usize::MAX;
        while let Some(p) = h.back(here) {
            here = p;
            n += 1;
        }
        assert_eq!(n, LIMIT);
        assert_eq!(here, 10, "the oldest entries are the ones dropped");
    }
}
