//! Row types own their columns. Each table with fixed columns has one row type, and that type
//! lists its columns once, each name with the cell it takes from a row ([`Col`]). Every writer
//! (the CSV and Parquet tables, the JSON Lines stream, the Python tables read from Parquet)
//! takes the names and cells from that one list, so a column is added in one place; the
//! codebook test then asks for its documentation.
//!
//! `articles.csv` is the one table whose columns depend on the run (one per lexicon category
//! and source category, and the input's own columns): its list is
//! [`crate::output::article_columns`], with those families as entries.

use serde_json::Value;

/// How a column's cell is made from a row.
pub enum Cell<T> {
    /// Text as written (integers, booleans and strings are written with `to_string`).
    Text(fn(&T) -> String),
    /// A number, written with this many decimals (none: an empty cell).
    Number(fn(&T) -> Option<f64>, usize),
}

/// One column of a row type: its name and its cell.
pub struct Col<T> {
    pub name: &'static str,
    pub cell: Cell<T>,
}

impl<T> Col<T> {
    /// The cell of `row` in this column, as the CSV file writes it.
    pub fn cell(&self, row: &T) -> String {
        match self.cell {
            Cell::Text(f) => f(row),
            Cell::Number(f, d) => f(row).map_or_else(String::new, |x| format!("{x:.d$}")),
        }
    }
}

/// A column written as text.
pub const fn text<T>(name: &'static str, f: fn(&T) -> String) -> Col<T> {
    Col { name, cell: Cell::Text(f) }
}

/// A number column written with `decimals` decimals (empty for `None`).
pub const fn number<T>(name: &'static str, f: fn(&T) -> Option<f64>, decimals: usize) -> Col<T> {
    Col { name, cell: Cell::Number(f, decimals) }
}

/// A row of a table with fixed columns.
pub trait Row: Sized + 'static {
    /// The table's CSV file name (the codebook's name for it).
    const FILE: &'static str;
    /// Its columns, in order.
    const COLUMNS: &'static [Col<Self>];

    /// The column names, in order.
    fn names() -> Vec<&'static str> {
        Self::COLUMNS.iter().map(|c| c.name).collect()
    }

    /// The row's cells as the CSV file writes them.
    fn cells(&self) -> Vec<String> {
        Self::COLUMNS.iter().map(|c| c.cell(self)).collect()
    }

    /// The row as a JSON object (the streaming mode's), each value typed by the codebook.
    fn json(&self) -> Value {
        crate::sink::typed_row(Self::FILE, &Self::names(), &self.cells())
    }
}

/// The decimals of a number column of a row type.
pub fn decimals_of<T: Row>(column: &str) -> Option<usize> {
    T::COLUMNS.iter().find(|c| c.name == column).and_then(|c| match c.cell {
        Cell::Number(_, d) => Some(d),
        Cell::Text(_) => None,
    })
}

/// The table of `rows`, header first (for the tables written whole).
pub fn table<T: Row>(rows: &[T]) -> Vec<Vec<String>> {
    let mut out = Vec::with_capacity(rows.len() + 1);
    out.push(T::names().into_iter().map(String::from).collect());
    out.extend(rows.iter().map(Row::cells));
    out
}

/// `rows` as a JSON array of objects.
pub fn json_array<T: Row>(rows: &[T]) -> Value {
    Value::Array(rows.iter().map(Row::json).collect())
}
