//! `slant codebook`: every column of every CSV file slant writes, as CSV (the `codebook.csv`
//! of every output folder) or as Markdown tables.

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant codebook --markdown > codebook.md\n\
Prints the codebook that every output folder holds as codebook.csv: file, column, type, unit and \
definition of every column slant writes.")]
pub struct Args {
    /// Markdown tables, one per file, instead of CSV.
    #[arg(long)]
    pub markdown: bool,
}

pub fn run(a: Args) -> anyhow::Result<u8> {
    if a.markdown {
        out!("{}", slant::codebook::markdown());
    } else {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["file", "column", "type", "unit", "definition"])?;
        for c in slant::codebook::CODEBOOK {
            w.write_record([c.file, c.column, c.kind, c.unit, c.definition])?;
        }
        out!("{}", String::from_utf8(w.into_inner()?)?);
    }
    Ok(0)
}
