//! Exporting a deck (or the whole termbase) in one of the exchange formats.

use super::anki::write_anki_text;
use super::apkg::{ApkgError, write_apkg};
use super::csv::{CsvStyle, Progress, write_csv};
use super::tbx::write_tbx;
use crate::decks;
use crate::glossary::Glossary;
use crate::model::Concept;
use crate::study::card::{Card, Direction};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// A file format Keruen exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// RFC 4180 CSV, UTF-8, a header row, every field of a concept.
    Csv,
    /// The same CSV for Excel: byte-order mark, formulas neutralised.
    Excel,
    /// A text file a stock Anki imports as it is: two cards a concept.
    Anki,
    /// An Anki package with Keruen's note type, a card per studied direction.
    Apkg,
    /// TBX-Basic (ISO 30042:2019) for CAT tools and termbases.
    Tbx,
}

impl Format {
    /// Every format, as `--format` names them.
    pub const ALL: [Format; 5] = [
        Format::Csv,
        Format::Excel,
        Format::Anki,
        Format::Apkg,
        Format::Tbx,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Excel => "excel",
            Format::Anki => "anki",
            Format::Apkg => "apkg",
            Format::Tbx => "tbx",
        }
    }

    /// The format `--format` calls `name`.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv | Format::Excel => "csv",
            Format::Anki => "txt",
            Format::Apkg => "apkg",
            Format::Tbx => "tbx",
        }
    }

    /// Whether the format has the optional progress columns.
    pub fn has_progress_columns(self) -> bool {
        matches!(self, Format::Csv | Format::Excel)
    }

    /// Whether the format makes flashcards and so needs card directions.
    pub fn needs_directions(self) -> bool {
        matches!(self, Format::Anki | Format::Apkg)
    }
}

/// What to export and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// The deck's id; every concept when None.
    pub deck: Option<String>,
    /// The file format.
    pub format: Format,
    /// Add due date, stability and review count columns (CSV formats only).
    pub with_progress: bool,
    /// The card directions: an Anki text file asks in the first one's language (and Anki
    /// adds the reverse card); an Anki package gets a card template for each.
    pub directions: Vec<Direction>,
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
    /// An Anki export was asked for without a direction.
    #[error("say which language the Anki cards ask in, e.g. --direction ru-zh")]
    NoDirection,
    /// The Anki package could not be built.
    #[error(transparent)]
    Apkg(#[from] ApkgError),
    /// Writing failed.
    #[error("cannot write the export: {0}")]
    Write(String),
}

impl From<std::io::Error> for ExportError {
    fn from(error: std::io::Error) -> ExportError {
        ExportError::Write(error.to_string())
    }
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

/// The deck name an Anki export files its cards under: `Keruen::` and the deck's name.
pub fn anki_deck_name(glossary: &Glossary, deck: Option<&str>) -> Result<String, ExportError> {
    let Some(id) = deck else {
        return Ok("Keruen".into());
    };
    let name = decks::list(glossary)?
        .into_iter()
        .find(|d| d.id == id)
        .map_or_else(|| id.to_string(), |d| d.name);
    Ok(format!("Keruen::{name}"))
}

/// Writes the requested deck in the requested format to `out` and returns how many
/// concepts it holds.
pub fn export(
    glossary: &Glossary,
    request: &ExportRequest,
    out: &mut impl Write,
) -> Result<usize, ExportError> {
    let deck = request.deck.as_deref();
    let concepts = concepts_of(glossary, deck)?;
    match request.format {
        Format::Csv | Format::Excel => {
            let progress = if request.with_progress {
                Some(progress_by_concept(&glossary.store().cards()?))
            } else {
                None
            };
            let style = CsvStyle {
                excel: request.format == Format::Excel,
            };
            write_csv(&concepts, progress.as_ref(), style, out)
                .map_err(|e| ExportError::Write(e.to_string()))?;
        }
        Format::Anki => {
            let direction = *request.directions.first().ok_or(ExportError::NoDirection)?;
            write_anki_text(&concepts, direction, &anki_deck_name(glossary, deck)?, out)?;
        }
        Format::Apkg => {
            if request.directions.is_empty() {
                return Err(ExportError::NoDirection);
            }
            let name = anki_deck_name(glossary, deck)?;
            write_apkg(&concepts, &request.directions, &name, out)?;
        }
        Format::Tbx => write_tbx(&concepts, out)?,
    }
    Ok(concepts.len())
}

/// Exports to the file at `path` so that it appears whole or not at all: the export goes
/// to a temporary file beside it, which is flushed to disk and then renamed over `path`.
pub fn export_to_file(
    glossary: &Glossary,
    request: &ExportRequest,
    path: &Path,
) -> Result<usize, ExportError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
        ExportError::Write(format!("cannot write in the folder {}: {e}", dir.display()))
    })?;
    let count = {
        let mut buffered = std::io::BufWriter::new(temp.as_file_mut());
        let count = export(glossary, request, &mut buffered)?;
        buffered.flush()?;
        count
    };
    temp.as_file().sync_all()?;
    temp.persist(path)
        .map_err(|e| ExportError::Write(format!("{}: {}", path.display(), e.error)))?;
    Ok(count)
}
