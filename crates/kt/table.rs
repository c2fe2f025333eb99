//! kt's tables for people (`--output table`): one style everywhere, and
//! wrapped to the terminal's width when stdout is one.
//!
//! A table keeps its cells in one string and draws itself line by line as
//! it is written, in comfy-table's `UTF8_FULL_CONDENSED` style: a table of
//! every partition of a big cluster costs its text and a few bytes a cell,
//! where comfy-table held each cell several times over while drawing the
//! whole table into one string. Only a table wider than the terminal it is
//! shown on goes through comfy-table, which wraps its cells.

use std::fmt::{self, Display, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, CellAlignment, ContentArrangement};
use unicode_width::UnicodeWidthStr;

/// An empty table with kt's style and `header`.
pub fn new<T: Display>(header: impl IntoIterator<Item = T>) -> Table {
    let mut table = Table::default();
    table.push_row(header);
    table
}

#[derive(Default)]
pub struct Table {
    /// Every cell's text, header first, one after another.
    text: String,
    /// Where each cell ends in `text`.
    cell_ends: Vec<usize>,
    /// Where each row (the header first) ends in `cell_ends`.
    row_ends: Vec<usize>,
    /// Each column's widest line.
    widths: Vec<usize>,
    right: Vec<bool>,
}

impl Table {
    pub fn add_row<T: Display>(&mut self, cells: impl IntoIterator<Item = T>) -> &mut Self {
        self.push_row(cells);
        self
    }

    fn push_row<T: Display>(&mut self, cells: impl IntoIterator<Item = T>) {
        for (column, cell) in cells.into_iter().enumerate() {
            let start = self.text.len();
            let _ = write!(self.text, "{cell}");
            let width = self.text[start..].split('\n').map(|l| l.width()).max();
            if self.widths.len() <= column {
                self.widths.resize(column + 1, 0);
            }
            self.widths[column] = self.widths[column].max(width.unwrap_or(0));
            self.cell_ends.push(self.text.len());
        }
        self.row_ends.push(self.cell_ends.len());
    }

    /// Rows below the header.
    pub fn row_count(&self) -> usize {
        self.row_ends.len().saturating_sub(1)
    }

    /// Column `index`'s cells aligned to the right.
    pub fn align_right(&mut self, index: usize) {
        if self.right.len() <= index {
            self.right.resize(index + 1, false);
        }
        self.right[index] = true;
    }

    fn row(&self, index: usize) -> impl Iterator<Item = &str> {
        let first = if index == 0 {
            0
        } else {
            self.row_ends[index - 1]
        };
        (first..self.row_ends[index]).map(move |cell| {
            let start = if cell == 0 {
                0
            } else {
                self.cell_ends[cell - 1]
            };
            &self.text[start..self.cell_ends[cell]]
        })
    }

    /// Each column's width inside its padding (comfy-table's least is 1).
    fn content_widths(&self) -> impl Iterator<Item = usize> + '_ {
        self.widths.iter().map(|w| (*w).max(1))
    }

    /// The same table in comfy-table, which wraps cells to `width`.
    fn wrapped(&self, width: u16) -> comfy_table::Table {
        let mut table = comfy_table::Table::new();
        table
            .load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width)
            .set_header(self.row(0));
        for index in 1..self.row_ends.len() {
            table.add_row(self.row(index));
        }
        for (index, right) in self.right.iter().enumerate() {
            if let (true, Some(column)) = (*right, table.column_mut(index)) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        table
    }

    fn border(
        &self,
        f: &mut fmt::Formatter<'_>,
        [left, line, middle, right]: [char; 4],
    ) -> fmt::Result {
        f.write_char(left)?;
        for (index, width) in self.content_widths().enumerate() {
            if index > 0 {
                f.write_char(middle)?;
            }
            for _ in 0..width + 2 {
                f.write_char(line)?;
            }
        }
        f.write_char(right)
    }

    fn draw_row(&self, f: &mut fmt::Formatter<'_>, index: usize) -> fmt::Result {
        let cells: Vec<&str> = self.row(index).collect();
        let height = cells
            .iter()
            .map(|c| c.split('\n').count())
            .max()
            .unwrap_or(1);
        for line in 0..height {
            if line > 0 {
                f.write_char('\n')?;
            }
            f.write_char('│')?;
            for (column, width) in self.content_widths().enumerate() {
                if column > 0 {
                    f.write_char('┆')?;
                }
                let text = cells.get(column).and_then(|c| c.split('\n').nth(line));
                let Some(text) = text else {
                    write!(f, "{:1$}", "", width + 2)?;
                    continue;
                };
                let pad = width.saturating_sub(text.width());
                if self.right.get(column).copied().unwrap_or(false) {
                    write!(f, " {:pad$}{text} ", "")?;
                } else {
                    write!(f, " {text}{:pad$} ", "")?;
                }
            }
            f.write_char('│')?;
        }
        Ok(())
    }
}

/// The table, drawn line by line into the writer (no trailing newline).
impl Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let natural: usize = self.content_widths().map(|w| w + 3).sum::<usize>() + 1;
        // comfy-table's width: the terminal's, when stdout is one.
        if let Some(limit) = comfy_table::Table::new().width() {
            if natural > usize::from(limit) {
                return write!(f, "{}", self.wrapped(limit));
            }
        }
        self.border(f, ['┌', '─', '┬', '┐'])?;
        f.write_char('\n')?;
        self.draw_row(f, 0)?;
        f.write_char('\n')?;
        self.border(f, ['╞', '═', '╪', '╡'])?;
        for index in 1..self.row_ends.len() {
            f.write_char('\n')?;
            self.draw_row(f, index)?;
        }
        f.write_char('\n')?;
        self.border(f, ['└', '─', '┴', '┘'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// comfy-table's drawing of the same cells, the oracle.
    fn comfy(rows: &[Vec<&str>], right: &[usize], width: Option<u16>) -> String {
        let mut table = comfy_table::Table::new();
        table
            .load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(rows[0].clone());
        if let Some(w) = width {
            table.set_width(w);
        }
        for row in &rows[1..] {
            table.add_row(row.clone());
        }
        for &index in right {
            if let Some(c) = table.column_mut(index) {
                c.set_cell_alignment(CellAlignment::Right);
            }
        }
        table.to_string()
    }

    fn ours(rows: &[Vec<&str>], right: &[usize]) -> Table {
        let mut table = new(rows[0].iter());
        for row in &rows[1..] {
            table.add_row(row.iter());
        }
        for &index in right {
            table.align_right(index);
        }
        table
    }

    #[test]
    fn draws_what_comfy_table_draws() {
        let cases: Vec<(Vec<Vec<&str>>, Vec<usize>)> = vec![
            (vec![vec!["TOPIC", "PARTITION", "OFFSET"]], vec![]),
            (
                vec![
                    vec!["TOPIC", "PARTITION", "OFFSET"],
                    vec!["orders", "0", "12"],
                    vec!["a-much-longer-topic-name", "10", "123456789"],
                ],
                vec![],
            ),
            (
                vec![
                    vec!["BROKER", "DIR", "SIZE"],
                    vec!["1", "/var/lib/kafka", "1024"],
                    vec!["2", "", "7"],
                ],
                vec![0, 2],
            ),
            // Wide characters, empty columns, short and long rows, lines.
            (
                vec![
                    vec!["GROUP", "", "X"],
                    vec!["分组-ü", "", ""],
                    vec!["g"],
                    vec!["two\nlines", "x", "y", "extra"],
                    vec!["", "", ""],
                ],
                vec![1],
            ),
        ];
        for (rows, right) in &cases {
            let table = ours(rows, right);
            assert_eq!(table.to_string(), comfy(rows, right, None), "{rows:?}");
            // A terminal wide enough changes nothing in comfy-table's drawing.
            assert_eq!(table.to_string(), comfy(rows, right, Some(400)), "{rows:?}");
        }
        assert_eq!(ours(&cases[1].0, &[]).row_count(), 2);
        assert_eq!(ours(&cases[0].0, &[]).row_count(), 0);
    }

    #[test]
    fn too_wide_for_the_terminal_wraps_as_comfy_table_does() {
        let rows = vec![
            vec!["TOPIC", "CONFIG"],
            vec!["orders", "cleanup.policy=compact,retention.ms=1000000"],
        ];
        let table = ours(&rows, &[]);
        assert_eq!(table.wrapped(30).to_string(), comfy(&rows, &[], Some(30)));
    }
}
