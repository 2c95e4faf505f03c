//! Exporting a deck (or the whole termbase) in one of the exchange formats.

use super::csv::{CsvStyle, Progress, write_csv};
use crate::decks;
use crate::glossary::Glossary;
use crate::model::Concept;
use crate::study::card::Card;
use std::collections::HashMap;
use std::io::Write;

/// A file format Keruen exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// RFC 4180 CSV, UTF-8, a header row, every field of a concept.
    Csv,
    /// The same CSV for Excel: byte-order mark, formulas neutralised.
    Excel,
}

impl Format {
    /// Every format, as `--format` names them.
    pub const ALL: [Format; 2] = [Format::Csv, Format::Excel];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Excel => "excel",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv | Format::Excel => "csv",
        }
    }
}

/// What an export could not do.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The deck does not exist.
    #[error(transparent)]
    Deck(#[from] decks::DeckError),
    /// Reading progress failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// Writing failed.
    #[error("cannot write the export: {0}")]
    Write(String),
}

/// The concepts of deck `deck`, or of the whole termbase when None.
pub fn concepts_of<'g>(
    glossary: &'g Glossary,
    deck: Option<&str>,
) -> Result<Vec<&'g Concept>, ExportError> {
    Ok(match deck {
        Some(id) => decks::members(glossary, id)?,
        None => glossary.concepts().iter().collect(),
    })
}

/// The progress of every concept with studied cards, for the progress columns.
pub fn progress_by_concept(cards: &[Card]) -> HashMap<String, Progress> {
    let mut progress: HashMap<String, Progress> = HashMap::new();
    for card in cards.iter().filter(|c| c.reps > 0) {
        let entry = progress.entry(card.key.concept.clone()).or_default();
        entry.reviews += card.reps;
        let due = chrono::DateTime::from_timestamp(card.due, 0).map(|t| t.date_naive().to_string());
        if due.is_some() && (entry.due.is_none() || due < entry.due) {
            entry.due = due;
        }
        if let Some(stability) = card.stability {
            entry.stability = Some(entry.stability.map_or(stability, |s: f64| s.min(stability)));
        }
    }
    progress
}

/// Writes `deck` (None: every concept) in `format` to `out`; with `with_progress`, the
/// CSV formats add due, stability and review counts.
pub fn export(
    glossary: &Glossary,
    deck: Option<&str>,
    format: Format,
    with_progress: bool,
    out: &mut impl Write,
) -> Result<usize, ExportError> {
    let concepts = concepts_of(glossary, deck)?;
    let progress = if with_progress {
        Some(progress_by_concept(&glossary.store().cards()?))
    } else {
        None
    };
    let style = CsvStyle {
        excel: format == Format::Excel,
    };
    write_csv(&concepts, progress.as_ref(), style, out)
        .map_err(|e| ExportError::Write(e.to_string()))?;
    Ok(concepts.len())
}
