//! The quick backend: a terminal shows the same screen from its bytes as
//! from ratatui's crossterm backend's, and it sends no more of them.

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Cell;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::super::screen::Frames;
use super::Quick;
use crate::synth::Rng;

/// Words of one width to ratatui and to the terminal (vt100), wide ones
/// among them. Where the two measure a text otherwise (a joined emoji, say),
/// the screen is already not what ratatui thinks, with either backend.
const WORDS: &[&str] = &[
    "a",
    "the",
    "Kabul",
    "TTP",
    "2007",
    "ceasefire",
    "é",
    "漢字",
    "·",
];
const COLORS: &[Color] = &[
    Color::Reset,
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightBlue,
    Color::LightYellow,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
    Color::Indexed(0),
    Color::Indexed(137),
    Color::Rgb(1, 22, 255),
];

fn style(rng: &mut Rng) -> Style {
    let mut s = Style::default();
    if rng.below(3) == 0 {
        s = s.add_modifier(Modifier::from_bits_truncate(rng.below(1 << 9) as u16));
    }
    if rng.below(3) == 0 {
        s = s.fg(COLORS[rng.below(COLORS.len())]);
    }
    if rng.below(4) == 0 {
        s = s.bg(COLORS[rng.below(COLORS.len())]);
    }
    s
}

/// A row like a reader's: words in runs of one style, single spaces
/// mostly, now and then a wider gap or a styled space.
fn line(rng: &mut Rng) -> Line<'static> {
    let mut spans = Vec::new();
    for _ in 0..rng.below(12) {
        let mut text = String::new();
        for _ in 0..1 + rng.below(4) {
            text.push_str(WORDS[rng.below(WORDS.len())]);
            text.push_str(&" ".repeat(1 + rng.below(2) * rng.below(6)));
        }
        spans.push(Span::styled(text, style(rng)));
    }
    Line::from(spans)
}

/// Does a terminal show `a` and `b` alike? A space looks the same
/// whatever its bold, colour or italics, but not its background, reverse
/// video or underline.
fn alike(a: &vt100::Cell, b: &vt100::Cell) -> bool {
    let blank = |c: &vt100::Cell| c.contents().trim().is_empty();
    let decoration = |c: &vt100::Cell| (c.bgcolor(), c.inverse(), c.underline());
    if blank(a) && blank(b) {
        return decoration(a) == decoration(b);
    }
    a.contents() == b.contents()
        && decoration(a) == decoration(b)
        && (a.fgcolor(), a.bold(), a.italic()) == (b.fgcolor(), b.bold(), b.italic())
}

#[test]
fn a_terminal_shows_the_same_screens_from_fewer_bytes() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut ours_total, mut theirs_total) = (0, 0);
    for run in 0..40 {
        let mut size = (20 + rng.below(100) as u16, 3 + rng.below(30) as u16);
        let fixed = |(w, h)| TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        };
        let (ours_out, theirs_out) = (Frames::default(), Frames::default());
        let mut ours = Terminal::with_options(Quick::new(ours_out.clone(), size), fixed(size))
            .expect("a terminal");
        let mut theirs =
            Terminal::with_options(CrosstermBackend::new(theirs_out.clone()), fixed(size))
                .expect("a terminal");
        let mut a = vt100::Parser::new(size.1, size.0, 0);
        let mut b = vt100::Parser::new(size.1, size.0, 0);
        let mut rows: Vec<Line<'static>> = (0..size.1).map(|_| line(&mut rng)).collect();
        for frame in 0..12 {
            if rng.below(8) == 0 {
                size = (20 + rng.below(100) as u16, 3 + rng.below(30) as u16);
                ours.backend_mut().resize(size);
                let area = Rect::new(0, 0, size.0, size.1);
                ours.resize(area).expect("resized");
                theirs.resize(area).expect("resized");
                a.screen_mut().set_size(size.1, size.0);
                b.screen_mut().set_size(size.1, size.0);
                rows.resize_with(usize::from(size.1), || line(&mut rng));
            }
            // Most rows stay; some change, as when a selection moves.
            for row in rows.iter_mut() {
                if rng.below(3) == 0 {
                    *row = line(&mut rng);
                }
            }
            let render = |f: &mut ratatui::Frame| {
                for (y, row) in (0..).zip(&rows) {
                    f.render_widget(row.clone(), Rect::new(0, y, size.0, 1));
                }
            };
            ours.draw(render).expect("drawn");
            theirs.draw(render).expect("drawn");
            let (mine, yours) = (ours_out.take(), theirs_out.take());
            assert!(
                mine.len() <= yours.len(),
                "run {run}, frame {frame}: {} bytes against ratatui's {}",
                mine.len(),
                yours.len()
            );
            (ours_total, theirs_total) = (ours_total + mine.len(), theirs_total + yours.len());
            a.process(&mine);
            b.process(&yours);
            for r in 0..size.1 {
                for c in 0..size.0 {
                    let (x, y) = (a.screen().cell(r, c), b.screen().cell(r, c));
                    let (Some(x), Some(y)) = (x, y) else { continue };
                    assert!(
                        alike(x, y),
                        "run {run}, frame {frame}: cell {r},{c} shows {:?} for ratatui's {:?}\nours:   {}\ntheirs: {}",
                        (
                            x.contents(),
                            x.bgcolor(),
                            x.inverse(),
                            x.underline(),
                            x.bold()
                        ),
                        (
                            y.contents(),
                            y.bgcolor(),
                            y.inverse(),
                            y.underline(),
                            y.bold()
                        ),
                        a.screen().contents(),
                        b.screen().contents(),
                    );
                }
            }
        }
    }
    assert!(ours_total < theirs_total);
}

/// Draws the reader's screens of the bundled brief with both backends.
fn reader_screens(size: (u16, u16), keys: &[crate::app::Action]) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut app = crate::app::App::new(crate::bundled::brief().expect("decoded"), size);
    let fixed = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, size.0, size.1)),
    };
    let (ours_out, theirs_out) = (Frames::default(), Frames::default());
    let mut ours = Terminal::with_options(Quick::new(ours_out.clone(), size), fixed.clone())
        .expect("a terminal");
    let mut theirs = Terminal::with_options(CrosstermBackend::new(theirs_out.clone()), fixed)
        .expect("a terminal");
    let mut frames = Vec::new();
    for key in [None].into_iter().chain(keys.iter().cloned().map(Some)) {
        if let Some(key) = key {
            app.update(key);
        }
        ours.draw(|f| crate::ui::draw(f, &app)).expect("drawn");
        theirs.draw(|f| crate::ui::draw(f, &app)).expect("drawn");
        frames.push((ours_out.take(), theirs_out.take()));
    }
    frames
}

#[test]
fn the_readers_frames_look_the_same_in_a_quarter_fewer_bytes() {
    use crate::app::Action::{Down, NextTab, Submit};
    for size in [(80, 24), (120, 40)] {
        let keys = [NextTab, Down, Down, Submit, Down, Down, NextTab, Down];
        let frames = reader_screens(size, &keys);
        let mut a = vt100::Parser::new(size.1, size.0, 0);
        let mut b = vt100::Parser::new(size.1, size.0, 0);
        for (n, (ours, theirs)) in frames.iter().enumerate() {
            a.process(ours);
            b.process(theirs);
            for r in 0..size.1 {
                for c in 0..size.0 {
                    let (x, y) = (a.screen().cell(r, c), b.screen().cell(r, c));
                    assert!(
                        matches!((x, y), (Some(x), Some(y)) if alike(x, y)),
                        "frame {n} at {size:?}: cell {r},{c} differs"
                    );
                }
            }
            assert!(ours.len() <= theirs.len(), "frame {n} at {size:?}");
        }
        let (first, ratatuis) = (frames[0].0.len(), frames[0].1.len());
        assert!(
            first * 4 <= ratatuis * 3,
            "first frame at {size:?}: {first} bytes against ratatui's {ratatuis}"
        );
    }
}

/// What ratatui's backend and ours write for `content`.
fn both<'a>(content: impl Iterator<Item = (u16, u16, &'a Cell)> + Clone) -> (Vec<u8>, Vec<u8>) {
    let (mut theirs, mut ours) = (Vec::new(), Vec::new());
    CrosstermBackend::new(&mut theirs)
        .draw(content.clone())
        .expect("drawn");
    Quick::new(&mut ours, (2, 1)).draw(content).expect("drawn");
    (theirs, ours)
}

#[test]
fn every_modifier_change_is_sent_as_ratatui_sends_it() {
    // All 2^9 × 2^9 pairs of attribute sets, one cell each way.
    for from in 0..1u16 << 9 {
        for to in 0..1u16 << 9 {
            let a = Cell::default()
                .set_style(Modifier::from_bits_truncate(from))
                .clone();
            let b = Cell::default()
                .set_style(Modifier::from_bits_truncate(to))
                .clone();
            let (theirs, ours) = both([(0, 0, &a), (1, 0, &b)].into_iter());
            assert_eq!(theirs, ours, "{from:#011b} → {to:#011b}");
        }
    }
}

#[test]
fn every_colour_is_sent_as_ratatui_sends_it() {
    for &fg in COLORS {
        for &bg in COLORS {
            let cell = Cell::default()
                .set_style(Style::default().fg(fg).bg(bg).underline_color(bg))
                .clone();
            let (theirs, ours) = both([(0, 0, &cell)].into_iter());
            assert_eq!(theirs, ours, "{fg:?} on {bg:?}");
        }
    }
}

#[test]
fn a_single_space_between_words_is_sent_as_a_space() {
    let word = |s: &str| {
        let mut c = Cell::default();
        c.set_symbol(s);
        c
    };
    let (a, b) = (word("a"), word("b"));
    let (theirs, ours) = both([(0, 0, &a), (2, 0, &b)].into_iter());
    assert!(String::from_utf8_lossy(&theirs).contains("\x1b[1;3H"));
    assert!(
        String::from_utf8_lossy(&ours).starts_with("\x1b[1;1Ha b"),
        "{:?}",
        String::from_utf8_lossy(&ours)
    );
}
