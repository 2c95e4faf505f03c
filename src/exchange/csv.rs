//! Keruen's own CSV: RFC 4180, UTF-8, one header row, one concept per row, every field of
//! a concept in its own column so that export → import loses nothing. The Excel variant
//! adds a byte-order mark and neutralises cells a spreadsheet would run as a formula.

use super::table::{Field, LIST_SEPARATOR};
use crate::model::{Concept, Lang, TermKind};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;

/// Progress of a concept's cards, for the optional progress columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    /// The earliest due date among its studied cards (`2026-12-01`).
    pub due: Option<String>,
    /// The lowest stability (days) among them: the weakest direction.
    pub stability: Option<f64>,
    /// Answers given to all its cards.
    pub reviews: u32,
}

/// How to write the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvStyle {
    /// Byte-order mark and formula neutralisation, for Excel.
    pub excel: bool,
}

/// The header row: the concept's columns, then the progress columns when asked for.
pub fn header(with_progress: bool) -> Vec<&'static str> {
    let mut names: Vec<&str> = Field::EXPORTED.iter().map(|f| f.name()).collect();
    if with_progress {
        names.extend(["due", "stability", "reviews"]);
    }
    names
}

/// Writes `concepts` as CSV; with `progress`, adds the due, stability and reviews columns.
pub fn write_csv(
    concepts: &[&Concept],
    progress: Option<&HashMap<String, Progress>>,
    style: CsvStyle,
    out: &mut impl Write,
) -> Result<(), csv::Error> {
    write_header(progress.is_some(), style, &mut *out)?;
    let mut rows = CsvRows::new(out, progress, style);
    for concept in concepts {
        rows.write(concept)?;
    }
    rows.finish()?;
    Ok(())
}

/// Writes the byte-order mark (for Excel) and the header row.
pub fn write_header(
    with_progress: bool,
    style: CsvStyle,
    mut out: impl Write,
) -> Result<(), csv::Error> {
    if style.excel {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut writer = record_writer(out);
    writer.write_record(header(with_progress))?;
    writer.flush()?;
    Ok(())
}

fn record_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// Writes one CSV record per concept, as the concepts come (no header: see
/// [`write_header`]); parts of one file can be written apart and joined.
pub struct CsvRows<'p, W: Write> {
    writer: csv::Writer<W>,
    progress: Option<&'p HashMap<String, Progress>>,
    style: CsvStyle,
}

impl<'p, W: Write> CsvRows<'p, W> {
    /// Rows written to `out`, with the progress columns when `progress` is given.
    pub fn new(
        out: W,
        progress: Option<&'p HashMap<String, Progress>>,
        style: CsvStyle,
    ) -> CsvRows<'p, W> {
        CsvRows {
            writer: record_writer(out),
            progress,
            style,
        }
    }

    /// Writes the record of `concept`.
    pub fn write(&mut self, concept: &Concept) -> Result<(), csv::Error> {
        for field in Field::EXPORTED {
            self.cell(field.get(concept))?;
        }
        if let Some(progress) = self.progress {
            let p = progress.get(&concept.id).cloned().unwrap_or_default();
            self.cell(p.due.unwrap_or_default().into())?;
            self.cell(
                p.stability
                    .map(|s| format!("{s:.2}"))
                    .unwrap_or_default()
                    .into(),
            )?;
            self.cell(p.reviews.to_string().into())?;
        }
        self.writer.write_record(None::<&[u8]>)
    }

    fn cell(&mut self, cell: Cow<str>) -> Result<(), csv::Error> {
        self.writer
            .write_field(neutralise(cell, self.style.excel).as_bytes())
    }

    /// Flushes the rows and gives back the writer they went to.
    pub fn finish(self) -> Result<W, csv::Error> {
        self.writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }
}

/// The characters that make a spreadsheet treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Prefixes an apostrophe to a cell a spreadsheet would run as a formula (for Excel), and
/// to a cell whose text itself starts with apostrophes before a formula character (always),
/// so that [`unneutralise`] gives back exactly the text written.
fn neutralise(cell: Cow<str>, excel: bool) -> Cow<str> {
    let bare = cell.trim_start_matches('\'');
    if bare.starts_with(FORMULA_STARTS) && (excel || bare.len() < cell.len()) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

/// Undoes [`neutralise`]: one leading apostrophe before apostrophes and a formula character
/// goes away.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// The terms of `kind` in `lang`, as one list cell.
pub(super) fn list_cell(concept: &Concept, lang: Lang, kind: TermKind) -> String {
    let entry = concept.lang(lang);
    let skip = usize::from(kind == TermKind::Preferred);
    entry
        .terms
        .iter()
        .skip(skip)
        .filter(|t| t.kind == kind)
        .map(|t| match &t.pinyin {
            Some(pinyin) => format!("{} [{pinyin}]", t.text),
            None => t.text.clone(),
        })
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}
