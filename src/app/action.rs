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
    /// Move across: the stance matrix's columns.
    Left,
    Right,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// From the list into the selected entry's detail; in the matrix, the
    /// positions behind the cell.
    Open,
    /// From the detail back to the list; closes what is open on top.
    Leave,
    /// Follow the focused link in the detail view.
    FollowLink,
    Back,
    Forward,
    /// Open the search prompt.
    Search,
    /// Typed text for the prompt or the picker.
    Type(char),
    DeleteChar,
    /// Enter in the prompt or the picker.
    Submit,
    /// Search every tab, or only the current one.
    ToggleScope,
    NextMatch,
    PrevMatch,
    /// Drop the search and its highlights.
    ClearSearch,
    /// The jump palette: any entity by name.
    Jump,
    /// Filter the current list.
    Filter,
    ClearFilters,
    /// The stance matrix, on the Positions tab.
    ToggleMatrix,
    /// The disputed claims, on the Overview tab.
    ToggleDisputes,
    /// The terminal changed size.
    Resize(u16, u16),
    /// Build what the first frame does not need: the backlinks and the
    /// search index. The event loop sends it once, after the first frame
    /// and only if no key is waiting, so the first frame does not wait for
    /// them and the first `/`, palette or entry rarely does.
    Prepare,
}
