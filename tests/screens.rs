//! Whole-screen snapshots of the reader, driven through the real binding
//! table (keys → `input::resolve` → `App::update` → `ui::draw`), at the
//! sizes a reader meets: 80×24, 120×40, and a tiny one.
//!
//! Snapshots are reviewed like code: each one is a screen a user sees.

use brief::app::App;
use brief::input;
use brief::load;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn fixture() -> brief::model::Brief {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/screens/brief.yaml"
    );
    match load::load_path(std::path::Path::new(path)) {
        Ok(b) => b,
        Err(report) => panic!("fixture does not load:\n{}", report.short()),
    }
}

/// A reader at a terminal size, driven by key names.
struct Reader {
    app: App,
    terminal: Terminal<TestBackend>,
}

impl Reader {
    fn new(width: u16, height: u16) -> Self {
        let terminal = match Terminal::new(TestBackend::new(width, height)) {
            Ok(t) => t,
            Err(e) => panic!("test terminal: {e}"),
        };
        Reader {
            app: App::new(fixture(), (width, height)),
            terminal,
        }
    }

    /// Presses keys, named as in the help: "j", "Enter", "Backspace", "Ctrl-d", "?".
    fn keys(&mut self, keys: &[&str]) -> &mut Self {
        for name in keys {
            let (code, mods) = match *name {
                "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
                "Down" => (KeyCode::Down, KeyModifiers::NONE),
                "PageDown" => (KeyCode::PageDown, KeyModifiers::NONE),
                "Ctrl-d" => (KeyCode::Char('d'), KeyModifiers::CONTROL),
                "Ctrl-p" => (KeyCode::Char('p'), KeyModifiers::CONTROL),
                s if s.chars().count() == 1 => {
                    let c = s.chars().next().unwrap_or(' ');
                    let m = if c.is_uppercase() {
                        KeyModifiers::SHIFT
                    } else {
                        KeyModifiers::NONE
                    };
                    (KeyCode::Char(c), m)
                }
                other => panic!("no such key in this test: {other}"),
            };
            let context = input::context(&self.app);
            let (code, mods) = if *name == "Space" {
                (KeyCode::Char(' '), KeyModifiers::NONE)
            } else {
                (code, mods)
            };
            match input::resolve(context, input::press(code, mods)) {
                Some(action) => self.app.update(action),
                None => panic!("{name} does nothing in {context:?}"),
            }
        }
        self
    }

    fn resize(&mut self, width: u16, height: u16) -> &mut Self {
        self.terminal.backend_mut().resize(width, height);
        self.app.update(brief::app::Action::Resize(width, height));
        self
    }

    fn screen(&mut self) -> String {
        let app = &self.app;
        if let Err(e) = self.terminal.draw(|f| brief::ui::draw(f, app)) {
            panic!("draw: {e}");
        }
        self.terminal.backend().to_string()
    }
}

macro_rules! screen {
    ($name:literal, $w:expr, $h:expr, [$($key:literal),*]) => {{
        let mut r = Reader::new($w, $h);
        r.keys(&[$($key),*]);
        insta::assert_snapshot!($name, r.screen());
    }};
}

#[test]
fn overview() {
    screen!("overview_80x24", 80, 24, []);
    screen!("overview_120x40", 120, 40, []);
}

#[test]
fn timeline() {
    screen!("timeline_80x24", 80, 24, ["2"]);
    screen!("timeline_120x40", 120, 40, ["2"]);
    screen!("timeline_event_80x24", 80, 24, ["2", "j", "j", "Enter"]);
}

#[test]
fn actors() {
    screen!("actors_80x24", 80, 24, ["3"]);
    screen!("actors_120x40", 120, 40, ["3", "j", "j"]);
    screen!("actor_wide_text_80x24", 80, 24, ["3", "G", "Enter"]);
}

#[test]
fn demands_positions_issues_sources() {
    screen!("demands_120x40", 120, 40, ["4"]);
    screen!("demands_80x24", 80, 24, ["4", "Enter"]);
    screen!("positions_120x40", 120, 40, ["5"]);
    screen!("positions_80x24", 80, 24, ["5", "Enter"]);
    screen!("issues_120x40", 120, 40, ["6"]);
    screen!("issues_80x24", 80, 24, ["6", "Enter"]);
    screen!("sources_120x40", 120, 40, ["7"]);
    screen!("sources_80x24", 80, 24, ["7", "Enter"]);
}

#[test]
fn following_a_link_then_back_and_forward() {
    let mut r = Reader::new(80, 24);
    // Timeline, the Kabul council (last but one), its detail; its first link is the TTP.
    r.keys(&["2", "G", "k", "Enter"]);
    insta::assert_snapshot!("story_1_event", r.screen());
    r.keys(&["Enter"]);
    insta::assert_snapshot!("story_2_followed_to_actor", r.screen());
    r.keys(&["Backspace"]);
    insta::assert_snapshot!("story_3_back_at_event", r.screen());
    r.keys(&["L"]);
    insta::assert_snapshot!("story_4_forward_to_actor", r.screen());
}

#[test]
fn help_overlay() {
    screen!("help_80x24", 80, 24, ["?"]);
    screen!("help_120x40_in_detail", 120, 40, ["2", "Enter", "?"]);
}

#[test]
fn every_size_is_safe() {
    let mut r = Reader::new(80, 24);
    r.keys(&["2", "Enter"]);
    for (w, h) in [
        (1, 1),
        (2, 1),
        (10, 3),
        (23, 24),
        (24, 6),
        (80, 5),
        (300, 100),
        (80, 24),
    ] {
        r.resize(w, h);
        let _ = r.screen();
    }
    r.resize(10, 3);
    insta::assert_snapshot!("too_small_10x3", r.screen());
}

/// Types text into whatever prompt is open.
fn typed(text: &str) -> Vec<String> {
    text.chars().map(|c| c.to_string()).collect()
}

fn run(r: &mut Reader, keys: &[String]) {
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    r.keys(&keys);
}

#[test]
fn search_highlights_and_counts_matches() {
    for (name, w, h) in [("search_80x24", 80, 24), ("search_120x40", 120, 40)] {
        let mut r = Reader::new(w, h);
        r.keys(&["2", "/"]);
        run(&mut r, &typed("kabul"));
        insta::assert_snapshot!(format!("{name}_typing"), r.screen());
        r.keys(&["Enter", "n"]);
        insta::assert_snapshot!(format!("{name}_next"), r.screen());
    }
}

#[test]
fn palette_jumps_by_alias() {
    for (name, w, h) in [("palette_80x24", 80, 24), ("palette_120x40", 120, 40)] {
        let mut r = Reader::new(w, h);
        r.keys(&["Ctrl-p"]);
        run(&mut r, &typed("fitna"));
        insta::assert_snapshot!(name, r.screen());
    }
}

#[test]
fn filtered_timeline() {
    for (name, w, h) in [("filter_80x24", 80, 24), ("filter_120x40", 120, 40)] {
        let mut r = Reader::new(w, h);
        // Filter by actor, then choose Jamaat-ul-Ahrar by typing.
        r.keys(&["2", "f", "Enter"]);
        run(&mut r, &typed("ahrar"));
        r.keys(&["Enter"]);
        insta::assert_snapshot!(name, r.screen());
    }
}

#[test]
fn stance_matrix() {
    for (name, w, h) in [("matrix_80x24", 80, 24), ("matrix_120x40", 120, 40)] {
        let mut r = Reader::new(w, h);
        r.keys(&["5", "m", "j"]);
        insta::assert_snapshot!(name, r.screen());
    }
    let mut r = Reader::new(80, 24);
    r.keys(&["5", "m", "j", "Enter"]);
    insta::assert_snapshot!("matrix_cell_opened", r.screen());
}

#[test]
fn disputed_claims_side_by_side() {
    let mut r = Reader::new(120, 40);
    r.keys(&["D"]);
    insta::assert_snapshot!("disputes_120x40", r.screen());
    let mut r = Reader::new(80, 24);
    r.keys(&["D"]);
    insta::assert_snapshot!("disputes_80x24", r.screen());
}

#[test]
fn story_search_open_follow_back() {
    let mut r = Reader::new(80, 24);
    r.keys(&["3", "/"]);
    run(&mut r, &typed("mehsud"));
    r.keys(&["Enter", "Enter"]);
    insta::assert_snapshot!("story_search_1_match_opened", r.screen());
    let at_match = r.app.current();
    r.keys(&["Enter"]);
    insta::assert_snapshot!("story_search_2_followed", r.screen());
    assert_ne!(
        r.app.current(),
        at_match,
        "following a link leaves the match"
    );
    r.keys(&["Backspace"]);
    insta::assert_snapshot!("story_search_3_back_at_match", r.screen());
    assert_eq!(r.app.current(), at_match, "Back returns to the match");
}

#[test]
fn matches_are_highlighted_in_the_list_and_the_detail() {
    let mut r = Reader::new(120, 40);
    r.keys(&["2", "/"]);
    run(&mut r, &typed("barmal"));
    r.keys(&["Enter"]);
    let _ = r.screen();
    let buf = r.terminal.backend().buffer().clone();
    let marked: Vec<(u16, u16)> = (0..40u16)
        .flat_map(|y| (0..120u16).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].bg == ratatui::style::Color::Yellow)
        .collect();
    let text: String = marked.iter().map(|&p| buf[p].symbol().to_owned()).collect();
    // "Barmal" in the selected list row and in the detail beside it (title, place).
    assert!(text.matches("Barmal").count() >= 2, "highlighted: {text:?}");
    let columns: std::collections::BTreeSet<bool> = marked.iter().map(|&(x, _)| x > 48).collect();
    assert_eq!(
        columns.len(),
        2,
        "matches marked in both the list and the detail"
    );
}

#[test]
fn an_empty_list_says_so() {
    let text = "brief: { id: tiny, title: Tiny, as_of: 2026, summary: Nothing else. }\n";
    let b = match load::load_files(vec![load::SourceFile {
        name: "tiny.yaml".into(),
        text: text.into(),
    }]) {
        Ok(b) => b,
        Err(r) => panic!("{}", r.short()),
    };
    let mut r = Reader::new(80, 24);
    r.app = App::new(b, (80, 24));
    r.keys(&[
        "2", "Enter", "j", "f", "Esc", "5", "m", "Enter", "/", "x", "Enter", "n",
    ]);
    let screen = r.screen();
    assert!(screen.contains("No positions in this brief."), "{screen}");
}
