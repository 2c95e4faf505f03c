//! Exporting a deck (or the whole termbase) in one of the exchange formats.

use super::anki::write_anki_text;
use super::apkg::{ApkgError, write_apkg};
use super::csv::{CsvRows, CsvStyle, Progress, write_header};
use super::tbx::write_tbx;
use crate::decks;
use crate::decks::Membership;
use crate::model::Concept;
use crate::store::Store;
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

impl From<csv::Error> for ExportError {
    fn from(error: csv::Error) -> ExportError {
        ExportError::Write(error.to_string())
    }
}

/// The concepts of deck `deck`, or of the whole termbase when None, read from `store`.
fn concepts_of(store: &Store, deck: Option<&Membership>) -> Result<Vec<Concept>, ExportError> {
    let mut concepts = store.all_concepts()?;
    if let Some(deck) = deck {
        concepts.retain(|concept| deck.contains(concept));
    }
    Ok(concepts)
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
pub fn anki_deck_name(store: &Store, deck: Option<&str>) -> Result<String, ExportError> {
    Ok(match deck {
        Some(id) => format!("Keruen::{}", decks::name_of(store, id)?),
        None => "Keruen".into(),
    })
}

/// Writes the requested deck in the requested format to `out` and returns how many
/// concepts it holds. The CSV formats are written as the concepts are read from `store`;
/// the others read the deck first.
pub fn export(
    store: &Store,
    request: &ExportRequest,
    out: &mut impl Write,
) -> Result<usize, ExportError> {
    let deck = request.deck.as_deref();
    let membership = deck.map(|id| Membership::of(store, id)).transpose()?;
    let read = || concepts_of(store, membership.as_ref());
    let concepts = match request.format {
        Format::Csv | Format::Excel => {
            return write_csv_from_store(store, request, membership.as_ref(), out);
        }
        Format::Anki => {
            let direction = *request.directions.first().ok_or(ExportError::NoDirection)?;
            let concepts = read()?;
            let name = anki_deck_name(store, deck)?;
            write_anki_text(&refs(&concepts), direction, &name, out)?;
            concepts
        }
        Format::Apkg => {
            if request.directions.is_empty() {
                return Err(ExportError::NoDirection);
            }
            let concepts = read()?;
            let name = anki_deck_name(store, deck)?;
            write_apkg(&refs(&concepts), &request.directions, &name, out)?;
            concepts
        }
        Format::Tbx => {
            let concepts = read()?;
            write_tbx(&refs(&concepts), out)?;
            concepts
        }
    };
    Ok(concepts.len())
}

fn refs(concepts: &[Concept]) -> Vec<&Concept> {
    concepts.iter().collect()
}

/// Writes the CSV formats as the concepts are read: the lower half of the ids straight to
/// `out` on this thread, the upper half into memory on the store's second thread, appended
/// when the first is done.
fn write_csv_from_store(
    store: &Store,
    request: &ExportRequest,
    deck: Option<&Membership>,
    out: &mut impl Write,
) -> Result<usize, ExportError> {
    let progress = if request.with_progress {
        Some(progress_by_concept(&store.cards()?))
    } else {
        None
    };
    let style = CsvStyle {
        excel: request.format == Format::Excel,
    };
    let wanted = |concept: &Concept| deck.is_none_or(|deck| deck.contains(concept));
    write_header(request.with_progress, style, &mut *out)?;
    let mut lower = CsvRows::new(&mut *out, progress.as_ref(), style);
    let mut upper = CsvRows::new(Vec::new(), progress.as_ref(), style);
    let (mut lower_count, mut upper_count) = (0, 0);
    store.visit_concepts(
        |concept| {
            if wanted(&concept) {
                lower.write(&concept)?;
                lower_count += 1;
            }
            Ok::<(), ExportError>(())
        },
        |concept| {
            if wanted(&concept) {
                upper.write(&concept)?;
                upper_count += 1;
            }
            Ok(())
        },
    )?;
    let upper = upper.finish()?;
    lower.finish()?.write_all(&upper)?;
    Ok(lower_count + upper_count)
}

/// Exports to the file at `path` so that it appears whole or not at all: the export goes
/// to a temporary file beside it, which is flushed to disk and then renamed over `path`.
pub fn export_to_file(
    store: &Store,
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
        let count = export(store, request, &mut buffered)?;
        buffered.flush()?;
        count
    };
    temp.as_file().sync_all()?;
    temp.persist(path)
        .map_err(|e| ExportError::Write(format!("{}: {}", path.display(), e.error)))?;
    Ok(count)
}
