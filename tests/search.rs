//! Search as typed: narrowing the matches as the query grows, and taking
//! them back as it shrinks, gives exactly what a fresh search gives.

use brief::app::{Action, App};

fn bundled() -> App {
    match brief::load::load_files(brief::bundled::files()) {
        Ok(b) => App::new(b, (120, 40)),
        Err(r) => panic!("{}", r.short()),
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

fn matches(app: &App) -> Vec<String> {
    let s = app.search.as_ref().expect("a search is open");
    s.matches
        .iter()
        .map(|r| app.brief.id(*r).to_owned())
        .collect()
}

#[test]
fn typing_and_deleting_agree_with_a_fresh_search() {
    for query in ["kabul", "taliban", "ttp", "Durand", "shirin", "1,000"] {
        let mut fresh = bundled();
        fresh.update(Action::Search);
        // Typed in one go, the first key searches everything, the rest narrow.
        typed(&mut fresh, query);
        let narrowed = matches(&fresh);
        // Scoping to the tab and back to all tabs searches afresh: the same
        // matches, found the slow way.
        fresh.update(Action::ToggleScope);
        fresh.update(Action::ToggleScope);
        assert_eq!(
            matches(&fresh),
            narrowed,
            "narrowing {query:?} lost or gained matches"
        );

        let mut other = bundled();
        other.update(Action::Search);
        typed(&mut other, &format!("{query}zz"));
        assert!(matches(&other).len() <= narrowed.len());
        other.update(Action::DeleteChar);
        other.update(Action::DeleteChar);
        assert_eq!(
            matches(&other),
            narrowed,
            "after deleting back to {query:?}"
        );
        assert!(
            !narrowed.is_empty(),
            "{query:?} finds something in the bundled brief"
        );
    }
}

#[test]
fn accents_and_case_do_not_matter_and_aliases_count() {
    let mut app = bundled();
    app.update(Action::Search);
    typed(&mut app, "TEHRIK");
    assert!(
        matches(&app).contains(&"ttp".to_owned()),
        "the TTP through its alias"
    );
}
