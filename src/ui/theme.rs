//! The look: one place for every style, built on the terminal's own
//! 16-colour palette and its default colours (no RGB), so it reads on light
//! and dark backgrounds; colour only ever repeats what a glyph or a
//! modifier already says: the selection and the focused link are in
//! reverse video, links underlined, headings bold, stances have glyphs.

use ratatui::style::{Color, Modifier, Style};

use crate::app::doc;

pub fn tab() -> Style {
    Style::new()
}

pub fn tab_current() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

pub fn rule() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

pub fn pane_title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// Bold in the terminal's own foreground: yellow or grey would vanish on
/// a light background or a dark one.
pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn selected(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

/// Secondary text: dimmed foreground, legible on light and dark alike.
pub fn meta() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

pub fn footer_key() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn footer() -> Style {
    Style::new()
}

pub fn link() -> Style {
    Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::UNDERLINED)
}

pub fn link_focused() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
}

/// The style of a piece of the detail document.
pub fn detail(style: doc::Style, focused_link: Option<usize>) -> Style {
    match style {
        doc::Style::Body => Style::new(),
        doc::Style::Title => Style::new().add_modifier(Modifier::BOLD),
        doc::Style::Meta => meta(),
        doc::Style::Label => Style::new().add_modifier(Modifier::BOLD),
        doc::Style::Section => heading(),
        doc::Style::Quote => Style::new().add_modifier(Modifier::ITALIC),
        doc::Style::Link(n) if Some(n) == focused_link => link_focused(),
        doc::Style::Link(_) => link(),
    }
}

/// Text that matches the search.
pub fn matched() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// The prompt line while typing a search.
pub fn prompt() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// A cell of the stance matrix: its glyph's colour, by stance.
pub fn stance(stance: crate::model::Stance) -> Style {
    use crate::model::Stance;
    let color = match stance {
        Stance::Supports => Color::Green,
        Stance::Opposes => Color::Red,
        Stance::Conditional => Color::Yellow,
        Stance::Ambiguous => Color::Magenta,
    };
    Style::new().fg(color).add_modifier(Modifier::BOLD)
}
