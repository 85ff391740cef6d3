//! What a reader can ask for. Keys become these at one boundary
//! (`input`); `App::update` is the only place they take effect. Variants
//! are verbs, never key names.

use super::Tab;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    ToggleHelp,
    NextTab,
    PrevTab,
    GoTab(Tab),
    /// Move down one row (list) or to the next link / line (detail).
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// From the list into the selected entry's detail.
    Open,
    /// From the detail back to the list.
    Leave,
    /// Follow the focused link in the detail view.
    FollowLink,
    Back,
    Forward,
    /// The terminal changed size.
    Resize(u16, u16),
}
