//! Keys as the binding table names them, and their names for people.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character as typed (shifted letters arrive upper-case).
    Char(char),
    Ctrl(char),
    Alt(KeyCode),
    Code(KeyCode),
}

impl Key {
    pub fn from_event(event: KeyEvent) -> Option<Key> {
        let m = event.modifiers;
        match event.code {
            KeyCode::Char(c) if m.contains(KeyModifiers::CONTROL) => {
                Some(Key::Ctrl(c.to_ascii_lowercase()))
            }
            KeyCode::Char(c) if m.contains(KeyModifiers::ALT) => Some(Key::Alt(KeyCode::Char(c))),
            KeyCode::Char(c) => Some(Key::Char(c)),
            code if m.contains(KeyModifiers::ALT) => Some(Key::Alt(code)),
            code => Some(Key::Code(code)),
        }
    }
}

fn code_name(code: &KeyCode) -> String {
    match code {
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

/// "j", "Ctrl-d", "Alt-←", "Enter".
pub fn key_name(key: &Key) -> String {
    match key {
        Key::Char(' ') => "Space".into(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{c}"),
        Key::Alt(code) => format!("Alt-{}", code_name(code)),
        Key::Code(code) => code_name(code),
    }
}
