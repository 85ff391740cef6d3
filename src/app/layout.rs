//! Where the panes sit for a terminal size: the one geometry that `update`
//! (to keep the selection and the focused link in view) and `ui` (to draw)
//! share, so they never disagree about what is visible.

/// A rectangle of cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

/// Below this a terminal shows a short message instead of the reader.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;

/// Wider than this, the list and the detail sit side by side; at this
/// width or less, one of them fills the screen.
pub const SIDE_BY_SIDE: u16 = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub tabs: Area,
    pub footer: Area,
    /// Everything between the pane titles and the footer (the stance
    /// matrix uses it whole).
    pub body: Area,
    /// The list, when shown.
    pub list: Option<Area>,
    /// The column between list and detail, when both are shown.
    pub divider: Option<Area>,
    /// The detail text, when shown (inside its one-cell margins).
    pub detail: Option<Area>,
}

impl Panes {
    /// `None` when the terminal is too small to be useful.
    pub fn compute(width: u16, height: u16, has_list: bool, detail_focused: bool) -> Option<Self> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let tabs = Area {
            x: 0,
            y: 0,
            width,
            height: 1,
        };
        let footer = Area {
            x: 0,
            y: height - 1,
            width,
            height: 1,
        };
        let body_y = 2;
        let body_h = height.saturating_sub(3);
        let detail_at = |x: u16, w: u16| Area {
            x: x + 1,
            y: body_y,
            width: w.saturating_sub(2),
            height: body_h,
        };
        let mut panes = Panes {
            tabs,
            footer,
            body: Area {
                x: 0,
                y: body_y,
                width,
                height: body_h,
            },
            ..Panes::default()
        };
        if !has_list {
            panes.detail = Some(detail_at(0, width));
        } else if width > SIDE_BY_SIDE {
            let list_w = (width * 2 / 5).clamp(30, 56);
            panes.list = Some(Area {
                x: 0,
                y: body_y,
                width: list_w,
                height: body_h,
            });
            panes.divider = Some(Area {
                x: list_w,
                y: body_y,
                width: 1,
                height: body_h,
            });
            panes.detail = Some(detail_at(list_w + 1, width - list_w - 1));
        } else if detail_focused {
            panes.detail = Some(detail_at(0, width));
        } else {
            panes.list = Some(Area {
                x: 0,
                y: body_y,
                width,
                height: body_h,
            });
        }
        Some(panes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_terminals_show_one_pane() {
        let Some(p) = Panes::compute(80, 24, true, false) else {
            panic!("too small")
        };
        assert!(p.list.is_some() && p.detail.is_none());
        let Some(p) = Panes::compute(80, 24, true, true) else {
            panic!("too small")
        };
        assert!(p.list.is_none() && p.detail.is_some());
    }

    #[test]
    fn wide_terminals_show_both_without_overlap() {
        let Some(p) = Panes::compute(120, 40, true, false) else {
            panic!("too small")
        };
        let (Some(l), Some(d)) = (p.list, p.detail) else {
            panic!("a pane is missing")
        };
        assert!(l.x + l.width < d.x);
        assert!(d.x + d.width <= 120);
        assert_eq!(d.height, 37);
    }

    #[test]
    fn tiny_terminals_get_no_panes() {
        assert!(Panes::compute(1, 1, true, false).is_none());
        assert!(Panes::compute(23, 24, true, false).is_none());
        assert!(Panes::compute(80, 5, true, false).is_none());
    }
}
