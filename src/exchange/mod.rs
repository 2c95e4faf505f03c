//! Exchanging decks with other programs: export to CSV (plain, Anki, Excel), Anki packages
//! and TBX; import from CSV and TBX, all or nothing.

pub mod anki;
pub mod apkg;
pub mod csv;
pub mod export;
pub mod import;
pub mod read;
pub mod table;
pub mod tbx;

use crate::model::{Concept, Domain};
use std::fmt;

/// Whether `bytes` look like an XML document (and so a TBX file) rather than a table:
/// after an optional byte-order mark and whitespace they start with `<`.
pub fn looks_like_xml(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

/// Reads the concepts of an import file, TBX or CSV (told apart by content, not by name),
/// all or nothing. Rows of a CSV file that name no domain get `default_domain`.
pub fn read_concepts(bytes: &[u8], default_domain: Domain) -> Result<Vec<Concept>, ImportError> {
    if looks_like_xml(bytes) {
        tbx::read_tbx(bytes)
    } else {
        read::read_csv(bytes, default_domain)
    }
}

/// One problem found in a file being imported, located for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the file.
    pub line: usize,
    /// The column (a header name, or a 1-based number as text), when the problem is in one.
    pub column: Option<String>,
    /// What is wrong, in words a user understands.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "line {}, column {column}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// Why a file was not imported. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read as the format at all.
    #[error("this file cannot be imported: {0}")]
    Unreadable(String),
    /// Rows or entries with problems; every one found is listed.
    #[error("{} problem(s) found; nothing was imported:\n{}", .0.len(), list(.0))]
    Problems(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}
