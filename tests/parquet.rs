//! `slant analyze --format csv,parquet`: every table also as Parquet, with the CSV file's rows
//! and values, each column typed as the codebook says.

mod common;

use arrow_array::RecordBatch;
use common::*;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::fs;
use std::path::Path;

fn read_parquet(path: &Path) -> Vec<RecordBatch> {
    let f = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let reader = ParquetRecordBatchReaderBuilder::try_new(f).unwrap().build().unwrap();
    reader.map(|b| b.unwrap()).collect()
}

#[test]
fn every_table_is_written_as_typed_parquet_with_the_csv_values() {
    let dir = tempfile::tempdir().unwrap();
    let inp = copy_examples(dir.path());
    fs::write(inp.join("zz_empty.txt"), "").unwrap(); // so that errors.csv is written
    let out = dir.path().join("out");
    let o = analyze(&[inp.to_str().unwrap(), "--format", "csv,parquet", "--fingerprints"], &out);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    let mut tables = 0;
    for f in fs::read_dir(&out).unwrap() {
        let f = f.unwrap().path();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".csv") else { continue };
        if stem == "codebook" || stem == "groups" || stem == "compare" {
            continue;
        }
        tables += 1;
        let (header, rows) = read_csv(&f);
        let batches = read_parquet(&out.join(format!("{stem}.parquet")));
        let schema = batches.first().map(|b| b.schema());
        let n: usize = batches.iter().map(RecordBatch::num_rows).sum();
        assert_eq!(n, rows.len(), "{name}: rows");
        let Some(schema) = schema else { continue };
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, header, "{name}: columns");
        for (k, field) in schema.fields().iter().enumerate() {
            let want = match slant::codebook::kind_of(&name, field.name()) {
                Some("integer") => "Int64",
                Some("number") => "Float64",
                Some("boolean") => "Boolean",
                Some("date") => "Date32",
                Some("list") => "List",
                _ => "Utf8",
            };
            assert!(
                format!("{:?}", field.data_type()).starts_with(want),
                "{name}.{}: {:?}",
                field.name(),
                field.data_type()
            );
            let mut r = 0;
            for b in &batches {
                for i in 0..b.num_rows() {
                    let decimals = slant::codebook::decimals(&name, field.name());
                    let v = slant::columnar::cell(b.column(k).as_ref(), i, decimals);
                    assert!(v == rows[r][k], "{name} row {r} {}: parquet {v:?}, csv {:?}", field.name(), rows[r][k]);
                    r += 1;
                }
            }
        }
    }
    assert_eq!(
        tables, 10,
        "articles, hits, attributions, sentences, categories_long, countries_long, captions, shared_text, errors, \
         fingerprints"
    );
    // an unknown table format is an error on the screen
    let o = bin()
        .args(["analyze", "data/examples", "--format", "csv,xlsx", "--out"])
        .arg(dir.path().join("x"))
        .output()
        .unwrap();
    assert_ne!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown table format 'xlsx'"));
}

/// A folder holding only the Parquet tables charts as the CSV files do: the same groups.csv,
/// compare.csv and chart data.
#[test]
fn slant_chart_reads_parquet_tables_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[root().join("data/examples").to_str().unwrap(), "--format", "csv,parquet"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let only = dir.path().join("only-parquet");
    fs::create_dir(&only).unwrap();
    for stem in ["articles", "sentences", "hits", "countries_long"] {
        fs::copy(out.join(format!("{stem}.parquet")), only.join(format!("{stem}.parquet"))).unwrap();
    }
    for (from, to) in [(&out, dir.path().join("from-csv")), (&only, dir.path().join("from-parquet"))] {
        let o = bin().arg("chart").arg(from).args(["--format", "svg", "--out"]).arg(&to).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let a = dir.path().join("from-csv");
    let b = dir.path().join("from-parquet");
    for f in ["groups.csv", "compare.csv", "charts/loaded_own_intervals.csv", "charts/top_terms.csv", "charts/tone.csv"]
    {
        assert_eq!(fs::read(a.join(f)).unwrap(), fs::read(b.join(f)).unwrap(), "{f}");
    }
    // a folder with neither articles.csv nor articles.parquet is an error
    let o = bin().arg("chart").arg(dir.path().join("nothing-here")).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
}
