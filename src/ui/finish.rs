//! The last pass over a drawn frame, for terminals that cannot show all of
//! it: without colour, every cell keeps its reverse video, bold and
//! underline but loses its colours; in ASCII, every symbol becomes one
//! ASCII character of the same width. Done once here, after drawing,
//! rather than in every widget, so nothing drawn can slip past it.

use ratatui::buffer::Buffer;
use ratatui::style::Color;
use unicode_normalization::char::decompose_canonical;

use crate::app::Display;

pub fn finish(buf: &mut Buffer, display: Display) {
    if display.color && !display.ascii {
        return;
    }
    for cell in &mut buf.content {
        if !display.color {
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
        }
        if display.ascii && !cell.symbol().is_ascii() {
            let c = cell.symbol().chars().next().map_or(' ', ascii);
            cell.set_char(c);
        }
    }
}

/// One ASCII character standing for `c`.
pub fn ascii(c: char) -> char {
    match c {
        '─' | '━' | '–' | '—' | '−' | '‐' | '‑' => '-',
        '│' | '┃' | '▏' => '|',
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' => '+',
        '▸' | '›' | '→' | '»' => '>',
        '‹' | '←' | '«' => '<',
        '↑' => '^',
        '↓' => 'v',
        '•' => '*',
        // Not '*': the stance matrix marks a cell of mixed stances so, and
        // one with none '·'.
        '·' => '.',
        '×' => 'x',
        '…' => '.',
        '¶' => '#',
        '“' | '”' | '„' => '"',
        '‘' | '’' | '‚' => '\'',
        '\u{a0}' => ' ',
        _ => {
            // Latin letters with accents keep their base letter (é → e).
            let mut base = None;
            decompose_canonical(c, |d| {
                if base.is_none() {
                    base = Some(d);
                }
            });
            base.filter(char::is_ascii).unwrap_or('?')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Modifier, Style};

    #[test]
    fn glyphs_and_accents_become_ascii() {
        let s: String = "├─ Zoë → ¶3 “quoted” — 中 • a · b × c"
            .chars()
            .map(ascii)
            .collect();
        assert_eq!(s, "+- Zoe > #3 \"quoted\" - ? * a . b x c");
    }

    #[test]
    fn without_colour_reverse_video_stays() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        let style = Style::new()
            .fg(Color::Yellow)
            .bg(Color::Blue)
            .add_modifier(Modifier::REVERSED);
        buf.set_string(0, 0, "ab", style);
        finish(
            &mut buf,
            Display {
                color: false,
                ascii: false,
            },
        );
        let cell = &buf.content[0];
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        assert!(cell.modifier.contains(Modifier::REVERSED));
    }
}
