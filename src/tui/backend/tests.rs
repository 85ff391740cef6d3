//! The quick backend writes exactly what ratatui's crossterm backend does.

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

use super::Quick;
use crate::synth::Rng;

const SYMBOLS: &[&str] = &[" ", "a", "Z", "~", "é", "漢", "👩‍👩‍👧", "", "e\u{301}"];
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

/// A run of cells like a frame's diff: mostly next to each other on a row,
/// now and then a jump; styles that mostly stay and sometimes change.
fn cells(rng: &mut Rng, n: usize) -> Vec<(u16, u16, Cell)> {
    let (mut x, mut y) = (0u16, 0u16);
    let mut cell = Cell::default();
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        if rng.below(8) == 0 {
            (x, y) = (rng.below(200) as u16, rng.below(60) as u16);
        } else {
            x += 1;
        }
        if rng.below(4) == 0 {
            cell.modifier = Modifier::from_bits_truncate(rng.below(1 << 9) as u16);
        }
        if rng.below(4) == 0 {
            cell.fg = COLORS[rng.below(COLORS.len())];
            cell.bg = COLORS[rng.below(COLORS.len())];
        }
        if rng.below(10) == 0 {
            cell.underline_color = COLORS[rng.below(COLORS.len())];
        }
        cell.set_symbol(SYMBOLS[rng.below(SYMBOLS.len())]);
        out.push((x, y, cell.clone()));
    }
    out
}

/// What ratatui's backend and ours write for `content`.
fn both<'a>(content: impl Iterator<Item = (u16, u16, &'a Cell)> + Clone) -> (Vec<u8>, Vec<u8>) {
    let (mut theirs, mut ours) = (Vec::new(), Vec::new());
    CrosstermBackend::new(&mut theirs)
        .draw(content.clone())
        .expect("drawn");
    Quick::new(&mut ours).draw(content).expect("drawn");
    (theirs, ours)
}

#[test]
fn draws_the_bytes_ratatuis_crossterm_backend_draws() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..500 {
        let n = 1 + rng.below(300);
        let cells = cells(&mut rng, n);
        let (theirs, ours) = both(cells.iter().map(|(x, y, c)| (*x, *y, c)));
        assert!(
            theirs == ours,
            "case {case}: the bytes differ\n theirs: {:?}\n ours:   {:?}",
            String::from_utf8_lossy(&theirs),
            String::from_utf8_lossy(&ours),
        );
    }
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
