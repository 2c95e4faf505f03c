//! Keruen's own CSV: RFC 4180, UTF-8, one header row, one concept per row, every field of
//! a concept in its own column so that export → import loses nothing. The Excel variant
//! adds a byte-order mark and neutralises cells a spreadsheet would run as a formula.

use super::table::{Field, LIST_SEPARATOR};
use crate::model::{Concept, Lang, TermKind};
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

/// Below this many concepts a CSV is written on one thread.
const PARALLEL_FROM: usize = 4_096;

/// Writes `concepts` as CSV; with `progress`, adds the due, stability and reviews columns.
/// A large export is formatted on two threads: the second half into memory while the
/// first is written, then appended.
pub fn write_csv(
    concepts: &[&Concept],
    progress: Option<&HashMap<String, Progress>>,
    style: CsvStyle,
    out: &mut impl Write,
) -> Result<(), csv::Error> {
    if style.excel {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(header(progress.is_some()))?;
    if concepts.len() < PARALLEL_FROM {
        write_rows(&mut writer, concepts, progress, style)?;
        writer.flush()?;
        return Ok(());
    }
    let (first, second) = concepts.split_at(concepts.len() / 2);
    let second = std::thread::scope(|scope| {
        let later = scope.spawn(|| {
            let mut buffer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::with_capacity(second.len() * 1_024));
            write_rows(&mut buffer, second, progress, style)?;
            buffer
                .into_inner()
                .map_err(|e| csv::Error::from(e.into_error()))
        });
        write_rows(&mut writer, first, progress, style)?;
        later.join().expect("the CSV formatter does not panic")
    })?;
    let out = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    out.write_all(&second)?;
    Ok(())
}

/// Writes one CSV record per concept.
fn write_rows<W: Write>(
    writer: &mut csv::Writer<W>,
    concepts: &[&Concept],
    progress: Option<&HashMap<String, Progress>>,
    style: CsvStyle,
) -> Result<(), csv::Error> {
    let mut row: Vec<String> = Vec::with_capacity(40);
    for concept in concepts {
        row.clear();
        row.extend(Field::EXPORTED.iter().map(|field| field.get(concept)));
        if let Some(progress) = progress {
            let p = progress.get(&concept.id).cloned().unwrap_or_default();
            row.push(p.due.unwrap_or_default());
            row.push(p.stability.map(|s| format!("{s:.2}")).unwrap_or_default());
            row.push(p.reviews.to_string());
        }
        for cell in row.iter_mut() {
            neutralise(cell, style.excel);
        }
        writer.write_record(&row)?;
    }
    Ok(())
}

/// The characters that make a spreadsheet treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Prefixes an apostrophe to a cell a spreadsheet would run as a formula (for Excel), and
/// to a cell whose text itself starts with apostrophes before a formula character (always),
/// so that [`unneutralise`] gives back exactly the text written.
fn neutralise(cell: &mut String, excel: bool) {
    let bare = cell.trim_start_matches('\'');
    if bare.starts_with(FORMULA_STARTS) && (excel || bare.len() < cell.len()) {
        cell.insert(0, '\'');
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
