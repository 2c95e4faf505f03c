//! The user store: one SQLite file holding the merged termbase, settings and decks.
//! This module tree is the only place in Keruen that speaks SQL.

mod bundle;
pub mod bundle_writer;
mod cards;
mod concepts;
mod decks;
mod migrations;
mod settings;
mod user_concepts;

pub use decks::DeckCount;

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// The bundled termbase, compiled from `db/termbase/` by `build.rs`.
pub static BUNDLED_TERMBASE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/termbase.sqlite"));

/// The file name of the user store inside the data directory.
pub const STORE_FILE: &str = "keruen.sqlite3";

/// What can go wrong with the user store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data directory could not be created or read.
    #[error("cannot use the data folder {path}: {source}")]
    DataDir {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// SQLite refused an operation.
    #[error("the database failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The store was written by a newer Keruen.
    #[error(
        "this data was written by a newer version of Keruen (schema {found}, this one knows up to {supported}); please update Keruen"
    )]
    TooNew {
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build knows.
        supported: i64,
    },
    /// The change contradicts what is stored.
    #[error("{0}")]
    Conflict(String),
    /// Stored data that does not fit the model.
    #[error("the stored data is damaged: {0}")]
    Corrupt(String),
}

/// An open user store.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the store in `data_dir`, migrates it to the current schema
    /// and merges the bundled termbase when it changed.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        Self::open_with_bundle(data_dir, BUNDLED_TERMBASE)
    }

    /// Like [`Store::open`], but merges the given bundled-termbase database instead of the
    /// built-in one (tests use this to simulate older and newer releases).
    pub fn open_with_bundle(data_dir: &Path, bundle: &[u8]) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let path = data_dir.join(STORE_FILE);
        let conn = Connection::open(&path)?;
        let mut store = Store {
            conn,
            path: Some(path),
        };
        store.prepare(bundle)?;
        Ok(store)
    }

    /// A store that lives only in memory, with the built-in termbase (for tests and previews).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
        };
        store.prepare(BUNDLED_TERMBASE)?;
        Ok(store)
    }

    /// The file behind this store, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(&mut self, bundle: &[u8]) -> Result<(), StoreError> {
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        self.conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
        )?;
        migrations::migrate(&mut self.conn)?;
        bundle::merge_if_changed(&mut self.conn, bundle)?;
        Ok(())
    }
}
