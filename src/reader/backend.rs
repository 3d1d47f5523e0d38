//! A backend adapter that sends each frame's changed cells bottom row first.
//!
//! A terminal (or tmux) may show a frame while it is still arriving. Drawing
//! from the bottom up means that once the top rows (the headline, the first
//! sidebar entries) are visible, everything below them already is: a
//! half-drawn frame never looks like a finished one. Frames are also wrapped
//! in synchronized-update marks (DEC mode 2026) by the runtime, for the
//! terminals that honour them.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// Wraps a backend; see the module docs.
#[derive(Debug)]
pub struct BottomUp<B>(pub B);

impl<B: Backend> Backend for BottomUp<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut cells: Vec<(u16, u16, &Cell)> = content.collect();
        if cells.is_sorted_by_key(|&(_, y, _)| y) {
            // Rows top first (as ratatui's diff gives them): the rows in
            // reverse, each in its own order, without sorting.
            let rows: Vec<&[(u16, u16, &Cell)]> = cells.chunk_by(|a, b| a.1 == b.1).rev().collect();
            return self.0.draw(rows.into_iter().flatten().copied());
        }
        // Stable: cells keep their left-to-right order within a row.
        cells.sort_by_key(|&(_, y, _)| std::cmp::Reverse(y));
        self.0.draw(cells.into_iter())
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.0.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::text::Line;
    use ratatui::Terminal;

    #[test]
    fn draws_the_same_screen() {
        let mut t = Terminal::new(BottomUp(TestBackend::new(10, 3))).unwrap();
        t.draw(|f| {
            f.render_widget(Line::from("top 日本"), ratatui::layout::Rect::new(0, 0, 10, 1));
            f.render_widget(Line::from("bottom"), ratatui::layout::Rect::new(0, 2, 10, 1));
        })
        .unwrap();
        t.backend().0.assert_buffer_lines(["top 日本  ", "          ", "bottom    "]);
    }

    /// The order cells are sent in: bottom row first, each row left to right.
    #[derive(Default)]
    struct Order(Vec<(u16, u16)>);

    impl Backend for Order {
        type Error = std::io::Error;
        fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> std::io::Result<()> {
            self.0.extend(content.map(|(x, y, _)| (x, y)));
            Ok(())
        }
        fn hide_cursor(&mut self) -> std::io::Result<()> {
            Ok(())
        }
        fn show_cursor(&mut self) -> std::io::Result<()> {
            Ok(())
        }
        fn get_cursor_position(&mut self) -> std::io::Result<Position> {
            Ok(Position::default())
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> std::io::Result<()> {
            Ok(())
        }
        fn clear(&mut self) -> std::io::Result<()> {
            Ok(())
        }
        fn clear_region(&mut self, _: ClearType) -> std::io::Result<()> {
            Ok(())
        }
        fn size(&self) -> std::io::Result<Size> {
            Ok(Size::new(3, 3))
        }
        fn window_size(&mut self) -> std::io::Result<WindowSize> {
            Ok(WindowSize { columns_rows: Size::new(3, 3), pixels: Size::new(0, 0) })
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn bottom_row_first_each_row_in_order() {
        let cell = Cell::default();
        let sorted = [(0, 0), (2, 0), (1, 1), (0, 2), (1, 2)];
        let mut b = BottomUp(Order::default());
        b.draw(sorted.iter().map(|&(x, y)| (x, y, &cell))).unwrap();
        assert_eq!(b.0 .0, vec![(0, 2), (1, 2), (1, 1), (0, 0), (2, 0)]);
        let unsorted = [(1, 1), (0, 0), (0, 2), (2, 0), (1, 2)];
        let mut b = BottomUp(Order::default());
        b.draw(unsorted.iter().map(|&(x, y)| (x, y, &cell))).unwrap();
        assert_eq!(b.0 .0, vec![(0, 2), (1, 2), (1, 1), (0, 0), (2, 0)]);
    }
}
