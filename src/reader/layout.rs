//! Where the panes go for a terminal size. A pure function of the size and a
//! few view settings, used by `update` (to store the viewport and map mouse
//! clicks) and by `render` (to draw), so both always agree.

use ratatui::layout::Rect;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Article,
    Entities,
    Pledges,
}

impl Focus {
    /// The next pane in Tab order.
    pub fn next(self) -> Focus {
        match self {
            Focus::Article => Focus::Entities,
            Focus::Entities => Focus::Pledges,
            Focus::Pledges => Focus::Article,
        }
    }
    /// The previous pane in Tab order.
    pub fn prev(self) -> Focus {
        match self {
            Focus::Article => Focus::Pledges,
            Focus::Entities => Focus::Article,
            Focus::Pledges => Focus::Entities,
        }
    }
}

/// How much room there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Article with a right column of entities above pledges.
    #[default]
    Wide,
    /// Article on top; the sidebars stacked below when shown.
    Narrow,
    /// Too small to read: only a note is drawn.
    Tiny,
}

/// Narrower than this, the sidebars are stacked (and hidden unless asked for).
pub const WIDE_MIN_WIDTH: u16 = 80;
/// Smaller than this, the reader shows a "terminal too small" note.
pub const MIN_WIDTH: u16 = 30;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 7;

/// The pane rectangles (zero-sized when a pane is not shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub mode: Mode,
    pub area: Rect,
    /// The article pane, borders included.
    pub article: Rect,
    /// Where the article text goes (inside borders and padding, capped).
    pub text: Rect,
    pub entities: Option<Rect>,
    pub pledges: Option<Rect>,
    pub status: Rect,
}

impl Screen {
    /// Lays out `area`. `sidebars` is the user's override (`None`: shown when
    /// wide); a focused sidebar is always shown.
    pub fn compute(area: Rect, sidebars: Option<bool>, focus: Focus, width_cap: u16) -> Screen {
        let mut s = Screen { area, ..Screen::default() };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            s.mode = Mode::Tiny;
            return s;
        }
        let main = Rect { height: area.height - 1, ..area };
        s.status = Rect { y: area.y + area.height - 1, height: 1, ..area };
        let cap = width_cap.max(1).saturating_add(4);
        if area.width >= WIDE_MIN_WIDTH {
            s.mode = Mode::Wide;
            let show = sidebars.unwrap_or(true) || focus != Focus::Article;
            if show {
                let mut side = (area.width / 3).clamp(28, 50);
                let mut art = area.width - side;
                if art > cap {
                    art = cap;
                    side = area.width - art;
                }
                s.article = Rect { width: art, ..main };
                let ent_h = main.height * 3 / 5;
                s.entities = Some(Rect { x: main.x + art, y: main.y, width: side, height: ent_h });
                s.pledges = Some(Rect { x: main.x + art, y: main.y + ent_h, width: side, height: main.height - ent_h });
            } else {
                s.article = Rect { width: area.width.min(cap), ..main };
            }
        } else {
            s.mode = Mode::Narrow;
            let both = sidebars == Some(true);
            let one = !both && focus != Focus::Article;
            if both {
                let art_h = main.height / 2;
                let ent_h = (main.height - art_h) / 2;
                s.article = Rect { height: art_h, ..main };
                s.entities = Some(Rect { y: main.y + art_h, height: ent_h, ..main });
                s.pledges = Some(Rect { y: main.y + art_h + ent_h, height: main.height - art_h - ent_h, ..main });
            } else if one {
                let art_h = main.height / 2;
                s.article = Rect { height: art_h, ..main };
                let pane = Rect { y: main.y + art_h, height: main.height - art_h, ..main };
                if focus == Focus::Entities {
                    s.entities = Some(pane);
                } else {
                    s.pledges = Some(pane);
                }
            } else {
                s.article = main;
            }
            s.article.width = s.article.width.min(cap);
        }
        s.text = text_area(s.article, width_cap);
        s
    }
}

/// Inside the article's border, one column of padding each side, capped.
fn text_area(article: Rect, width_cap: u16) -> Rect {
    if article.width < 5 || article.height < 3 {
        return Rect { x: article.x, y: article.y, width: 0, height: 0 };
    }
    Rect {
        x: article.x + 2,
        y: article.y + 1,
        width: (article.width - 4).min(width_cap.max(1)),
        height: article.height - 2,
    }
}

/// The inside of a bordered list pane.
pub fn list_inner(pane: Rect) -> Rect {
    if pane.width < 3 || pane.height < 3 {
        return Rect { x: pane.x, y: pane.y, width: 0, height: 0 };
    }
    Rect { x: pane.x + 1, y: pane.y + 1, width: pane.width - 2, height: pane.height - 2 }
}

/// The first visible row of a list of `len` rows, `height` tall, so that
/// `cursor` is visible (the cursor rides the bottom edge when scrolled).
pub fn list_offset(cursor: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    cursor.saturating_sub(height - 1).min(len - height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        let s = Screen::compute(Rect::new(0, 0, 120, 40), None, Focus::Article, 100);
        assert_eq!(s.mode, Mode::Wide);
        assert_eq!(s.article.width + s.entities.unwrap().width, 120);
        assert_eq!(s.status.y, 39);
        let s = Screen::compute(Rect::new(0, 0, 300, 40), None, Focus::Article, 100);
        assert_eq!(s.text.width, 100);
        let s = Screen::compute(Rect::new(0, 0, 60, 20), None, Focus::Article, 100);
        assert_eq!((s.mode, s.entities, s.article.height), (Mode::Narrow, None, 19));
        let s = Screen::compute(Rect::new(0, 0, 60, 20), None, Focus::Pledges, 100);
        assert!(s.pledges.is_some() && s.entities.is_none());
        for (w, h) in [(20, 6), (1, 1), (0, 0), (100, 0)] {
            assert_eq!(Screen::compute(Rect::new(0, 0, w, h), None, Focus::Article, 100).mode, Mode::Tiny);
        }
    }

    #[test]
    fn offsets() {
        assert_eq!(list_offset(0, 10, 5), 0);
        assert_eq!(list_offset(4, 10, 5), 0);
        assert_eq!(list_offset(5, 10, 5), 1);
        assert_eq!(list_offset(9, 10, 5), 5);
        assert_eq!(list_offset(3, 2, 5), 0);
        assert_eq!(list_offset(3, 10, 0), 0);
    }
}
