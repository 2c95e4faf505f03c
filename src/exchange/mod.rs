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

use std::fmt;

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
