//! Property: whatever a brief's text holds (wide, combining, emoji, control
//! characters, very long words) and whatever the terminal's size, from 1×1
//! to 300×100, driving the reader through its keys and drawing every pane
//! never panics, and no control character reaches a cell. Deterministic: a fixed-seed generator, no new crate.

use brief::app::{Action, App, Display, Tab};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Pieces of text, written as YAML double-quoted escapes where needed.
const PIECES: &[&str] = &[
    "Kabul",
    "Tehreek-e-Taliban",
    " ",
    " ",
    " ",
    "中文字符",
    "e\\u0301",
    "Zoë",
    "❤\\uFE0F",
    "👩\\u200D👩\\u200D👧",
    "\\e]52;c;aGk=\\a",
    "\\x9b31m",
    "\\u202e",
    "\\t",
    "\\x07",
    "\\u00a0",
    "ｶﾞ",
    "\\u200b",
    "x",
    "supercalifragilisticexpialidocious",
    "—",
    "¶",
    "\\n",
];

fn text(rng: &mut Rng, words: u64) -> String {
    (0..1 + rng.below(words))
        .map(|_| PIECES[rng.below(PIECES.len() as u64) as usize])
        .collect()
}

fn brief(rng: &mut Rng) -> brief::model::Brief {
    let mut y = String::new();
    y.push_str(&format!(
        "brief: {{ id: p, title: \"T {}\", as_of: 2025, summary: \"{} [[a0]] {}\" }}\n",
        text(rng, 6),
        text(rng, 30),
        text(rng, 30)
    ));
    y.push_str("sources: [{ id: s, title: \"S\", kind: news }]\n");
    y.push_str("issues: [{ id: i, title: \"Issue\" }]\nactors:\n");
    for n in 0..4 {
        y.push_str(&format!(
            "  - {{ id: a{n}, name: \"N {}\", aliases: [\"{}\"], kind: person, summary: \"{} [[e0]]\", relations: [{{ kind: leads, to: a{}, cites: [s] }}], cites: [s] }}\n",
            text(rng, 4),
            text(rng, 3),
            text(rng, 40),
            (n + 1) % 4
        ));
    }
    y.push_str("events:\n");
    for n in 0..6 {
        y.push_str(&format!(
            "  - {{ id: e{n}, date: 202{}-0{}, title: \"T {}\", place: \"{}\", actors: [a{}], tags: [t{}], summary: \"{}\", certainty: reported, cites: [{{ source: s, para: {} }}] }}\n",
            n % 5, 1 + n % 9, text(rng, 8), text(rng, 3), n % 4, n % 2, text(rng, 60), 1 + n
        ));
    }
    y.push_str("demands: [{ id: d, by: a0, of: [a1], title: \"Demand\", status: unmet, certainty: reported, cites: [s] }]\n");
    y.push_str("positions:\n");
    for n in 0..4 {
        y.push_str(&format!(
            "  - {{ id: p{n}, actor: a{n}, issue: i, stance: {}, quote: \"{}\", certainty: claimed, cites: [s] }}\n",
            ["supports", "opposes", "conditional", "ambiguous"][n],
            text(rng, 10)
        ));
    }
    match brief::load::load_files(vec![brief::load::SourceFile {
        name: "p.yaml".into(),
        text: y,
    }]) {
        Ok(b) => b,
        Err(r) => panic!("the generated brief does not load:\n{}", r.short()),
    }
}

const ACTIONS: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::Left,
    Action::Right,
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
    Action::Open,
    Action::Leave,
    Action::FollowLink,
    Action::Back,
    Action::Forward,
    Action::NextTab,
    Action::PrevTab,
    Action::GoTab(Tab::Positions),
    Action::ToggleMatrix,
    Action::ToggleDisputes,
    Action::ToggleHelp,
    Action::Search,
    Action::Type('a'),
    Action::Type('中'),
    Action::Submit,
    Action::NextMatch,
    Action::Jump,
    Action::Type('k'),
    Action::Filter,
    Action::ClearFilters,
    Action::ClearSearch,
];

#[test]
fn any_text_at_any_size_draws_without_panicking() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..40 {
        let b = brief(&mut rng);
        let mut app = App::new(b, (80, 24));
        app.display = Display {
            color: round % 2 == 0,
            ascii: round % 3 == 0,
        };
        for _ in 0..30 {
            let w = 1 + rng.below(300) as u16;
            let h = 1 + rng.below(100) as u16;
            app.update(Action::Resize(w, h));
            for _ in 0..rng.below(6) {
                app.update(ACTIONS[rng.below(ACTIONS.len() as u64) as usize]);
            }
            if app.quit {
                break;
            }
            let mut terminal = match Terminal::new(TestBackend::new(w, h)) {
                Ok(t) => t,
                Err(e) => panic!("{e}"),
            };
            if let Err(e) = terminal.draw(|f| brief::ui::draw(f, &app)) {
                panic!("draw at {w}x{h}: {e}");
            }
            // Nothing that could drive a terminal made it into the frame.
            for cell in &terminal.backend().buffer().content {
                let sym = cell.symbol();
                assert!(
                    !sym.chars().any(brief::text::safe::is_unsafe),
                    "a control character in a cell at {w}x{h}: {sym:?}"
                );
            }
        }
    }
}
