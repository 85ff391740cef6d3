//! The one binding table: which key does what, where.
//!
//! [`BINDINGS`] is the single source for dispatch ([`resolve`]), the
//! footer ([`footer`]) and the help overlay ([`help`]), so help never
//! drifts from the keys. Keys are crossterm's, reached via
//! `ratatui::crossterm`; everything past this module speaks [`Action`].

mod keys;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, App, Focus, Tab};
pub use keys::{Key, key_name};

/// Where a binding applies. Context bindings are looked up before global ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    List,
    Detail,
    /// The stance matrix on the Positions tab.
    Matrix,
    /// Typing a search.
    Prompt,
    /// The jump palette and the filter menus.
    Picker,
    Help,
}

impl Context {
    /// Does typing a printable key here enter text?
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Prompt | Context::Picker)
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::List => "In a list",
            Context::Detail => "Reading an entry",
            Context::Matrix => "In the stance matrix (Positions, m)",
            Context::Prompt => "Typing a search (/)",
            Context::Picker => "Choosing from a list (jump, filter)",
            Context::Help => "In this help",
        }
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// The help overlay's line; `None` for a binding that a neighbour's
    /// line already covers (the number keys after the first).
    pub help: Option<&'static str>,
    /// The footer's word for it, for the few keys that matter most.
    pub footer: Option<&'static str>,
}

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help: Some(help),
        footer,
    }
}

const fn quiet(context: Context, keys: &'static [Key], action: Action) -> Binding {
    Binding {
        context,
        keys,
        action,
        help: None,
        footer: None,
    }
}

use Context::{Detail, Global, Help, List, Matrix, Picker, Prompt};
use Key::{Alt, Char, Code, Ctrl};

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // Everywhere.
    b(Global, &[Code(KeyCode::Backspace), Char('H'), Alt(KeyCode::Left)], Action::Back, "back to where you followed a link from", Some("back")),
    b(Global, &[Char('L'), Alt(KeyCode::Right)], Action::Forward, "forward again", None),
    b(Global, &[Char('q'), Ctrl('c')], Action::Quit, "quit", Some("quit")),
    b(Global, &[Char('?'), Code(KeyCode::F(1))], Action::ToggleHelp, "show or hide this help", Some("help")),
    b(Global, &[Code(KeyCode::Tab)], Action::NextTab, "next tab", None),
    b(Global, &[Code(KeyCode::BackTab)], Action::PrevTab, "previous tab", None),
    b(Global, &[Char('1')], Action::GoTab(Tab::Overview), "go to a tab by its number (1–7)", Some("tabs")),
    quiet(Global, &[Char('2')], Action::GoTab(Tab::Timeline)),
    quiet(Global, &[Char('3')], Action::GoTab(Tab::Actors)),
    quiet(Global, &[Char('4')], Action::GoTab(Tab::Demands)),
    quiet(Global, &[Char('5')], Action::GoTab(Tab::Positions)),
    quiet(Global, &[Char('6')], Action::GoTab(Tab::Issues)),
    quiet(Global, &[Char('7')], Action::GoTab(Tab::Sources)),
    b(Global, &[Char('/')], Action::Search, "search every text (Tab in the prompt: this tab only)", Some("search")),
    b(Global, &[Char('n')], Action::NextMatch, "next match, across tabs", None),
    b(Global, &[Char('N')], Action::PrevMatch, "previous match", None),
    b(Global, &[Ctrl('p'), Char(':')], Action::Jump, "jump to any entry by name, short name or alias", Some("jump")),
    b(Global, &[Char('D')], Action::ToggleDisputes, "disputed claims, side by side (on the Overview)", None),
    // A list.
    b(List, &[Char('j'), Code(KeyCode::Down)], Action::Down, "next entry", Some("move")),
    b(List, &[Char('k'), Code(KeyCode::Up)], Action::Up, "previous entry", None),
    b(List, &[Ctrl('d')], Action::HalfPageDown, "half a page down", None),
    b(List, &[Ctrl('u')], Action::HalfPageUp, "half a page up", None),
    b(List, &[Code(KeyCode::PageDown), Ctrl('f')], Action::PageDown, "page down", None),
    b(List, &[Code(KeyCode::PageUp), Ctrl('b')], Action::PageUp, "page up", None),
    b(List, &[Char('g'), Code(KeyCode::Home)], Action::Top, "first entry", None),
    b(List, &[Char('G'), Code(KeyCode::End)], Action::Bottom, "last entry", None),
    b(List, &[Code(KeyCode::Enter), Char('l'), Code(KeyCode::Right)], Action::Open, "read the entry (its links, its sources)", Some("read")),
    b(List, &[Char('f')], Action::Filter, "filter this list (timeline, demands, positions)", Some("filter")),
    b(List, &[Char('F')], Action::ClearFilters, "clear this list's filters", None),
    b(List, &[Char('m')], Action::ToggleMatrix, "stance matrix: actors × issues (Positions)", None),
    b(List, &[Code(KeyCode::Esc)], Action::ClearSearch, "clear the search", None),
    // The detail of an entry.
    b(Detail, &[Char('j'), Code(KeyCode::Down)], Action::Down, "next link, or scroll down", Some("links")),
    b(Detail, &[Char('k'), Code(KeyCode::Up)], Action::Up, "previous link, or scroll up", None),
    b(Detail, &[Code(KeyCode::Enter)], Action::FollowLink, "follow the highlighted link", Some("follow")),
    b(Detail, &[Ctrl('d')], Action::HalfPageDown, "half a page down", None),
    b(Detail, &[Ctrl('u')], Action::HalfPageUp, "half a page up", None),
    b(Detail, &[Code(KeyCode::PageDown), Char(' '), Ctrl('f')], Action::PageDown, "page down", None),
    b(Detail, &[Code(KeyCode::PageUp), Ctrl('b')], Action::PageUp, "page up", None),
    b(Detail, &[Char('g'), Code(KeyCode::Home)], Action::Top, "top", None),
    b(Detail, &[Char('G'), Code(KeyCode::End)], Action::Bottom, "bottom", None),
    b(Detail, &[Code(KeyCode::Esc), Char('h'), Code(KeyCode::Left)], Action::Leave, "back to the list", Some("list")),
    // The stance matrix.
    b(Matrix, &[Char('j'), Code(KeyCode::Down)], Action::Down, "next actor", Some("move")),
    b(Matrix, &[Char('k'), Code(KeyCode::Up)], Action::Up, "previous actor", None),
    b(Matrix, &[Char('l'), Code(KeyCode::Right)], Action::Right, "next issue", None),
    b(Matrix, &[Char('h'), Code(KeyCode::Left)], Action::Left, "previous issue", None),
    b(Matrix, &[Char('g'), Code(KeyCode::Home)], Action::Top, "first actor", None),
    b(Matrix, &[Char('G'), Code(KeyCode::End)], Action::Bottom, "last actor", None),
    b(Matrix, &[Code(KeyCode::PageDown), Ctrl('d')], Action::PageDown, "ten actors down", None),
    b(Matrix, &[Code(KeyCode::PageUp), Ctrl('u')], Action::PageUp, "ten actors up", None),
    b(Matrix, &[Code(KeyCode::Enter)], Action::Open, "open the position(s) in the cell", Some("open")),
    b(Matrix, &[Code(KeyCode::Esc), Char('m')], Action::Leave, "back to the list of positions", Some("list")),
    // Typing a search.
    b(Prompt, &[Code(KeyCode::Enter)], Action::Submit, "keep the matches, close the prompt", Some("done")),
    b(Prompt, &[Code(KeyCode::Esc)], Action::Leave, "cancel the search", Some("cancel")),
    b(Prompt, &[Code(KeyCode::Backspace)], Action::DeleteChar, "delete a character", None),
    b(Prompt, &[Code(KeyCode::Tab)], Action::ToggleScope, "search every tab, or this tab only", Some("scope")),
    // Choosing from a list.
    b(Picker, &[Code(KeyCode::Enter)], Action::Submit, "choose", Some("choose")),
    b(Picker, &[Code(KeyCode::Esc)], Action::Leave, "close", Some("close")),
    b(Picker, &[Code(KeyCode::Backspace)], Action::DeleteChar, "delete a character", None),
    b(Picker, &[Code(KeyCode::Down)], Action::Down, "next", Some("move")),
    b(Picker, &[Code(KeyCode::Up)], Action::Up, "previous", None),
    b(Picker, &[Code(KeyCode::PageDown)], Action::PageDown, "ten down", None),
    b(Picker, &[Code(KeyCode::PageUp)], Action::PageUp, "ten up", None),
    // The help overlay.
    b(Help, &[Code(KeyCode::Esc)], Action::Leave, "close this help", Some("close")),
    b(Help, &[Char('j'), Code(KeyCode::Down)], Action::Down, "scroll down", Some("scroll")),
    b(Help, &[Char('k'), Code(KeyCode::Up)], Action::Up, "scroll up", None),
];

/// The context keys go to now.
pub fn context(app: &App) -> Context {
    if app.help {
        Context::Help
    } else if app.picker.is_some() {
        Context::Picker
    } else if app.search.as_ref().is_some_and(|s| s.editing) {
        Context::Prompt
    } else if app.matrix_shown() {
        Context::Matrix
    } else if app.focus() == Focus::Detail {
        Context::Detail
    } else {
        Context::List
    }
}

/// What a key press means in `context`, if anything.
pub fn resolve(context: Context, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::from_event(event)?;
    let find = |ctx: Context| {
        BINDINGS
            .iter()
            .find(|b| b.context == ctx && b.keys.contains(&key))
            .map(|b| b.action)
    };
    if let Some(action) = find(context) {
        return Some(action);
    }
    // Where the reader types, a printable key is text, not a command.
    if context.takes_text()
        && let Key::Char(c) = key
    {
        return Some(Action::Type(c));
    }
    find(Context::Global)
}

/// The footer's hints for `context`: (keys, word) pairs, context first.
pub fn footer(context: Context) -> Vec<(String, &'static str)> {
    [context, Context::Global]
        .iter()
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == *ctx))
        // Help, the prompt and the picker take every key but their own and quit.
        .filter(|b| {
            let own_keys_only = context == Context::Help || context.takes_text();
            !own_keys_only || b.context == context || b.action == Action::Quit
        })
        .filter_map(|b| {
            let word = b.footer?;
            let keys = if b.action == Action::GoTab(Tab::Overview) {
                "1-7".to_owned()
            } else {
                // Where keys are text, a printable key is no command: name the others.
                b.keys
                    .iter()
                    .filter(|k| !(context.takes_text() && matches!(k, Key::Char(_))))
                    .take(2)
                    .map(key_name)
                    .collect::<Vec<_>>()
                    .join("/")
            };
            Some((keys, word))
        })
        .collect()
}

/// The help overlay's sections: the current context first, then the rest
/// that can apply from here, then the global keys.
pub fn help(context: Context) -> Vec<(Context, Vec<(String, &'static str)>)> {
    use Context as C;
    let order: &[Context] = match context {
        C::Help | C::List => &[
            C::List,
            C::Detail,
            C::Global,
            C::Prompt,
            C::Picker,
            C::Matrix,
        ],
        C::Detail => &[
            C::Detail,
            C::List,
            C::Global,
            C::Prompt,
            C::Picker,
            C::Matrix,
        ],
        C::Matrix => &[C::Matrix, C::Global, C::List, C::Detail],
        C::Prompt => &[C::Prompt, C::Global],
        C::Picker => &[C::Picker, C::Global],
        C::Global => &[C::Global],
    };
    order
        .iter()
        .map(|ctx| {
            let lines = BINDINGS
                .iter()
                .filter(|b| b.context == *ctx)
                .filter_map(|b| {
                    let help = b.help?;
                    let keys = if b.action == Action::GoTab(Tab::Overview) {
                        "1 … 7".to_owned()
                    } else {
                        b.keys.iter().map(key_name).collect::<Vec<_>>().join("  ")
                    };
                    Some((keys, help))
                })
                .collect();
            (*ctx, lines)
        })
        .collect()
}

/// For tests: a key as the terminal would deliver it.
pub fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_key_is_bound_twice_in_a_context_or_shadows_a_global_key() {
        let mut seen: HashSet<(Context, Key)> = HashSet::new();
        for b in BINDINGS {
            for k in b.keys {
                assert!(
                    seen.insert((b.context, *k)),
                    "{} bound twice in {:?}",
                    key_name(k),
                    b.context
                );
            }
        }
        // Where the reader types, keys are text first: there, shadowing
        // a global key (Backspace deletes rather than goes back) is the point.
        let navigation = BINDINGS
            .iter()
            .filter(|b| b.context != Context::Global && !b.context.takes_text());
        for b in navigation {
            for k in b.keys {
                assert!(
                    !seen.contains(&(Context::Global, *k)),
                    "{} in {:?} hides a global key",
                    key_name(k),
                    b.context
                );
            }
        }
    }

    #[test]
    fn every_action_has_a_key_and_a_help_line() {
        use crate::app::Action as A;
        // Type(c) is every printable key in a text context, not a binding.
        #[rustfmt::skip]
        let mut all = vec![
            A::Quit, A::ToggleHelp, A::NextTab, A::PrevTab, A::Down, A::Up, A::Left, A::Right,
            A::PageDown, A::PageUp, A::HalfPageDown, A::HalfPageUp, A::Top, A::Bottom, A::Open,
            A::Leave, A::FollowLink, A::Back, A::Forward, A::Search, A::DeleteChar, A::Submit,
            A::ToggleScope, A::NextMatch, A::PrevMatch, A::ClearSearch, A::Jump, A::Filter,
            A::ClearFilters, A::ToggleMatrix, A::ToggleDisputes,
        ];
        all.extend(Tab::ALL.map(A::GoTab));
        for action in all {
            let bound: Vec<&Binding> = BINDINGS.iter().filter(|b| b.action == action).collect();
            assert!(!bound.is_empty(), "{action:?} has no key");
            assert!(
                bound.iter().all(|b| !b.keys.is_empty()),
                "{action:?} has an empty key list"
            );
            let helped = bound.iter().any(|b| b.help.is_some()) || matches!(action, A::GoTab(_));
            assert!(helped, "{action:?} has no help line");
        }
        // The number keys share one help line, and it exists.
        assert!(
            BINDINGS
                .iter()
                .any(|b| b.action == A::GoTab(Tab::Overview) && b.help.is_some())
        );
    }

    #[test]
    fn context_keys_come_before_global_ones() {
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(resolve(Context::List, enter), Some(Action::Open));
        assert_eq!(resolve(Context::Detail, enter), Some(Action::FollowLink));
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(resolve(Context::Detail, q), Some(Action::Quit));
        let shift_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(resolve(Context::List, shift_g), Some(Action::Bottom));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(resolve(Context::Help, ctrl_c), Some(Action::Quit));
        assert_eq!(resolve(Context::Prompt, ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn typing_in_a_prompt_is_text_not_commands() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(resolve(Context::Prompt, q), Some(Action::Type('q')));
        assert_eq!(resolve(Context::Picker, q), Some(Action::Type('q')));
        let bs = press(KeyCode::Backspace, KeyModifiers::NONE);
        assert_eq!(resolve(Context::Prompt, bs), Some(Action::DeleteChar));
        assert_eq!(resolve(Context::List, bs), Some(Action::Back));
    }

    #[test]
    fn help_lists_what_the_footer_shows() {
        for ctx in [Context::List, Context::Detail] {
            let helped: Vec<String> = help(ctx)
                .into_iter()
                .flat_map(|(_, l)| l)
                .map(|(_, h)| h.to_owned())
                .collect();
            assert!(!helped.is_empty());
            for b in BINDINGS.iter().filter(|b| b.footer.is_some()) {
                if b.context == ctx || b.context == Context::Global {
                    assert!(b.help.is_some_and(|h| helped.iter().any(|x| x == h)));
                }
            }
        }
    }
}
