//! Parquet tables: the same rows as the CSV files, each column typed by the codebook
//! (integers as Int64, numbers as Float64, booleans, dates as Date32, `;`-joined lists as lists
//! of strings, anything else and carried columns as UTF-8 strings; an empty cell is null).
//! Written in row groups of [`ROWS_PER_GROUP`] to a temporary file, renamed into place when
//! complete, so memory stays flat however many rows a table has.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::error::SlantError;
use crate::output::{output_target, temp_path};

/// Rows buffered before they are written as a row group.
pub const ROWS_PER_GROUP: usize = 65_536;

enum Column {
    Int(Int64Builder),
    Num(Float64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
    List(ListBuilder<StringBuilder>),
    Str(StringBuilder),
}

impl Column {
    fn of(kind: Option<&str>) -> (Column, DataType) {
        match kind {
            Some("integer") => (Column::Int(Int64Builder::new()), DataType::Int64),
            Some("number") => (Column::Num(Float64Builder::new()), DataType::Float64),
            Some("boolean") => (Column::Bool(BooleanBuilder::new()), DataType::Boolean),
            Some("date") => (Column::Date(Date32Builder::new()), DataType::Date32),
            Some("list") => (
                Column::List(ListBuilder::new(StringBuilder::new())),
                DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            ),
            _ => (Column::Str(StringBuilder::new()), DataType::Utf8),
        }
    }

    /// Appends `v`; a value that does not parse as the column's type is null (slant writes
    /// none such: the codebook test holds every column to its type).
    fn push(&mut self, v: &str) {
        let empty = v.is_empty();
        match self {
            Column::Int(b) => b.append_option(v.parse().ok()),
            Column::Num(b) => b.append_option(v.parse::<f64>().ok().filter(|x| x.is_finite())),
            Column::Bool(b) => b.append_option(v.parse().ok()),
            Column::Date(b) => b.append_option(crate::report::charts::day_number(v)),
            Column::List(b) => {
                if empty {
                    b.append(false);
                } else {
                    for part in v.split(';') {
                        b.values().append_value(part);
                    }
                    b.append(true);
                }
            }
            Column::Str(b) => {
                if empty {
                    b.append_null()
                } else {
                    b.append_value(v)
                }
            }
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Int(b) => Arc::new(b.finish()),
            Column::Num(b) => Arc::new(b.finish()),
            Column::Bool(b) => Arc::new(b.finish()),
            Column::Date(b) => Arc::new(b.finish()),
            Column::List(b) => Arc::new(b.finish()),
            Column::Str(b) => Arc::new(b.finish()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Column::Int(b) => b.len(),
            Column::Num(b) => b.len(),
            Column::Bool(b) => b.len(),
            Column::Date(b) => b.len(),
            Column::List(b) => b.len(),
            Column::Str(b) => b.len(),
        }
    }
}

/// A Parquet table written row by row.
pub struct ParquetTable {
    path: PathBuf,
    schema: Arc<Schema>,
    columns: Vec<Column>,
    writer: ArrowWriter<File>,
}

fn werr(path: &Path) -> impl Fn(String) -> SlantError + '_ {
    move |m| SlantError::Write { path: path.to_path_buf(), source: std::io::Error::other(m) }
}

impl ParquetTable {
    /// A table at `path` with `columns`, typed as the codebook types the columns of `file`
    /// (`articles.csv`, ...).
    pub fn create<S: AsRef<str>>(path: &Path, file: &str, columns: &[S]) -> Result<ParquetTable, SlantError> {
        let target = output_target(path)?;
        let (columns, fields): (Vec<Column>, Vec<Field>) = columns
            .iter()
            .map(|c| {
                let (col, ty) = Column::of(crate::codebook::kind_of(file, c.as_ref()));
                (col, Field::new(c.as_ref(), ty, true))
            })
            .unzip();
        let schema = Arc::new(Schema::new(fields));
        let f = File::create(temp_path(&target)).map_err(|e| SlantError::Write { path: target.clone(), source: e })?;
        let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        let writer = ArrowWriter::try_new(f, schema.clone(), Some(props)).map_err(|e| werr(&target)(e.to_string()))?;
        Ok(ParquetTable { path: target, schema, columns, writer })
    }

    /// Appends one row (as the CSV file has it).
    pub fn write<S: AsRef<str>>(&mut self, values: &[S]) -> Result<(), SlantError> {
        for (c, v) in self.columns.iter_mut().zip(values.iter().map(AsRef::as_ref).chain(std::iter::repeat(""))) {
            c.push(v);
        }
        if self.columns.first().map_or(0, Column::len) >= ROWS_PER_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), SlantError> {
        if self.columns.first().map_or(0, Column::len) == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.columns.iter_mut().map(Column::finish).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays).map_err(|e| werr(&self.path)(e.to_string()))?;
        self.writer.write(&batch).map_err(|e| werr(&self.path)(e.to_string()))?;
        self.writer.flush().map_err(|e| werr(&self.path)(e.to_string()))
    }

    /// Writes the rows left and renames the file into place.
    pub fn finish(mut self) -> Result<(), SlantError> {
        self.flush()?;
        let path = self.path.clone();
        self.writer.close().map_err(|e| werr(&path)(e.to_string()))?;
        std::fs::rename(temp_path(&path), &path).map_err(|e| SlantError::Write { path: path.clone(), source: e })
    }
}

/// Writes a whole table (header first) as Parquet.
pub fn write_rows(path: &Path, file: &str, rows: &[Vec<String>]) -> Result<(), SlantError> {
    let Some((header, body)) = rows.split_first() else { return Ok(()) };
    let mut t = ParquetTable::create(path, file, header)?;
    for r in body {
        t.write(r)?;
    }
    t.finish()
}

/// Cell `row` of `column` as the CSV file writes it (dates as `YYYY-MM-DD`, lists `;`-joined,
/// null as empty, numbers with `decimals` when given, else as they come).
pub fn cell(column: &dyn arrow_array::Array, row: usize, decimals: Option<usize>) -> String {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type};
    use arrow_array::Array;
    if column.is_null(row) {
        return String::new();
    }
    match column.data_type() {
        DataType::Int64 => column.as_primitive::<Int64Type>().value(row).to_string(),
        DataType::Int32 => column.as_primitive::<Int32Type>().value(row).to_string(),
        DataType::Float64 => {
            let x = column.as_primitive::<Float64Type>().value(row);
            match decimals {
                Some(d) => format!("{x:.d$}"),
                None => x.to_string(),
            }
        }
        DataType::Boolean => column.as_boolean().value(row).to_string(),
        DataType::Date32 => crate::report::charts::date_of(column.as_primitive::<Date32Type>().value(row)),
        DataType::Utf8 => column.as_string::<i32>().value(row).to_string(),
        DataType::LargeUtf8 => column.as_string::<i64>().value(row).to_string(),
        DataType::List(_) => {
            let list = column.as_list::<i32>().value(row);
            match list.as_string_opt::<i32>() {
                Some(s) => (0..s.len()).map(|i| s.value(i)).collect::<Vec<_>>().join(";"),
                None => String::new(),
            }
        }
        // a type slant does not write (a file made elsewhere): its display form
        _ => arrow_cast_display(column, row),
    }
}

fn arrow_cast_display(column: &dyn arrow_array::Array, row: usize) -> String {
    format!("{:?}", column.slice(row, 1))
}

fn open(path: &Path) -> Result<parquet::arrow::arrow_reader::ParquetRecordBatchReader, String> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .build()
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The Parquet files of a table: `path` itself, or, when it is a folder (a dataset as Spark's
/// `write.parquet` leaves it), its `*.parquet` files in name order (the order of the
/// partitions that wrote them).
pub fn parts(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut parts: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            p.is_file() && name.ends_with(".parquet") && !name.starts_with(['.', '_'])
        })
        .collect();
    parts.sort();
    if parts.is_empty() {
        return Err(format!("{}: a folder without .parquet files", path.display()));
    }
    Ok(parts)
}

/// The column names of a Parquet table (a file, or a folder of parts that must all have them).
pub fn header(path: &Path) -> Result<Vec<String>, String> {
    use arrow_array::RecordBatchReader;
    let mut first: Option<Vec<String>> = None;
    for part in parts(path)? {
        let names: Vec<String> = open(&part)?.schema().fields().iter().map(|f| f.name().clone()).collect();
        match &first {
            None => first = Some(names),
            Some(h) if *h != names => {
                return Err(format!("{}: its columns differ from those of the folder's first part", part.display()))
            }
            Some(_) => {}
        }
    }
    Ok(first.unwrap_or_default())
}

/// Reads a Parquet table's rows (a file, or a folder of parts in name order): `f` gets each
/// row's 0-based index and its cells as the CSV file `file` writes them ([`cell`], with the
/// codebook's decimals), batch by batch (memory stays flat).
pub fn read_rows(
    path: &Path,
    file: &str,
    mut f: impl FnMut(usize, &[String]) -> Result<(), String>,
) -> Result<(), String> {
    use arrow_array::RecordBatchReader;
    let mut row = 0;
    let mut values: Vec<String> = Vec::new();
    for part in parts(path)? {
        let reader = open(&part)?;
        let decimals: Vec<Option<usize>> =
            reader.schema().fields().iter().map(|c| crate::codebook::decimals(file, c.name())).collect();
        for batch in reader {
            let batch = batch.map_err(|e| format!("{}: {e}", part.display()))?;
            for i in 0..batch.num_rows() {
                values.clear();
                values.extend(batch.columns().iter().zip(&decimals).map(|(c, d)| cell(c.as_ref(), i, *d)));
                f(row, &values)?;
                row += 1;
            }
        }
    }
    Ok(())
}
