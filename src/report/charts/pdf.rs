//! A chart's SVG drawing as a one-page PDF, with the embedded font subset into it, so the
//! PDF prints the same on any machine.

use std::sync::{Arc, OnceLock};

use svg2pdf::usvg::{fontdb, Options, Tree};

use super::canvas::font_bytes;

/// The fonts the SVG is read with: only the embedded DejaVu Sans, for every family.
fn fonts() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(font_bytes().to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// `svg` as PDF bytes, one pixel a 300th of an inch.
pub fn from_svg(svg: &str) -> Result<Vec<u8>, String> {
    let opt = Options {
        fontdb: fonts(),
        font_family: "DejaVu Sans".into(),
        dpi: super::canvas::DPI as f32,
        ..Options::default()
    };
    let tree = Tree::from_str(svg, &opt).map_err(|e| format!("cannot read the chart's SVG: {e}"))?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions { dpi: super::canvas::DPI as f32 },
    )
    .map_err(|e| format!("cannot write the PDF: {e:?}"))
}
