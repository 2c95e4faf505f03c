//! The user store: one SQLite file holding the merged termbase, settings and decks.
//! This module tree is the only place in Keruen that speaks SQL.

pub mod anki_collection;
pub mod backup;
mod bundle;
pub mod bundle_writer;
mod cards;
mod concepts;
mod decks;
mod migrations;
mod settings;
mod user_concepts;

pub use decks::DeckCount;
pub use migrations::CURRENT_VERSION as SCHEMA_VERSION;

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
    Sqlite(rusqlite::Error),
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
    /// The store file was damaged; it has been moved aside, nothing deleted.
    #[error(
        "your data file was damaged ({problem}); it has been moved to {} so that nothing in it is lost",
        moved_to.display()
    )]
    Damaged {
        /// Where the damaged file now is.
        moved_to: PathBuf,
        /// What SQLite found wrong.
        problem: String,
    },
    /// A backup cannot be restored.
    #[error("the backup {} cannot be restored: {problem}", path.display())]
    BadBackup {
        /// The backup file.
        path: PathBuf,
        /// Why not.
        problem: String,
    },
    /// The data file disappeared while Keruen was running, so nothing can be saved.
    #[error(
        "the data file has disappeared (was its folder deleted or a drive unplugged?); this change was not saved — restart Keruen"
    )]
    Vanished,
    /// The data folder cannot be written at all.
    #[error(
        "Keruen cannot save in the data folder {}: it is read-only or you lack permission; fix its permissions or choose another folder with --data-dir",
        .0.display()
    )]
    ReadOnlyFolder(PathBuf),
    /// A write failed: the disk is full, or the file became read-only or unreachable.
    #[error(
        "this change could not be saved ({0}): the disk may be full or the data file read-only; nothing was half-written and your earlier data is safe"
    )]
    CannotWrite(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode::{DiskFull, ReadOnly, SystemIoFailure};
        let rusqlite::Error::SqliteFailure(failure, _) = &error else {
            return StoreError::Sqlite(error);
        };
        if failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_COMMITHOOK {
            // The commit hook set in `Store::prepare` refuses a commit when the file is gone.
            StoreError::Vanished
        } else if matches!(failure.code, DiskFull | ReadOnly | SystemIoFailure) {
            StoreError::CannotWrite(error.to_string())
        } else {
            StoreError::Sqlite(error)
        }
    }
}

/// Fails with [`StoreError::ReadOnlyFolder`] unless a file can be created in `dir`.
fn ensure_writable(dir: &Path) -> Result<(), StoreError> {
    use std::io::ErrorKind::{PermissionDenied, ReadOnlyFilesystem};
    match tempfile::tempfile_in(dir) {
        Ok(_) => Ok(()),
        Err(error) if matches!(error.kind(), PermissionDenied | ReadOnlyFilesystem) => {
            Err(StoreError::ReadOnlyFolder(dir.to_path_buf()))
        }
        Err(source) => Err(StoreError::DataDir {
            path: dir.to_path_buf(),
            source,
        }),
    }
}

/// An open user store.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// How thoroughly opening checks an existing store file for damage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DamageCheck {
    /// `PRAGMA quick_check` over the whole file: for the window and commands that write.
    Full,
    /// The header, the file's length against it, and the schema: cheap enough for every
    /// read-only command on a store of any size; finds a truncated file or no database.
    Header,
}

impl Store {
    /// Opens (creating if needed) the store in `data_dir` after a full damage check,
    /// migrates it to the current schema and merges the bundled termbase when it changed.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        Self::open_checked(data_dir, BUNDLED_TERMBASE, DamageCheck::Full)
    }

    /// Like [`Store::open`] with only the [`DamageCheck::Header`] check, for commands that
    /// only read.
    pub fn open_for_reading(data_dir: &Path) -> Result<Store, StoreError> {
        Self::open_checked(data_dir, BUNDLED_TERMBASE, DamageCheck::Header)
    }

    /// Like [`Store::open`], but merges the given bundled-termbase database instead of the
    /// built-in one (tests use this to simulate older and newer releases).
    pub fn open_with_bundle(data_dir: &Path, bundle: &[u8]) -> Result<Store, StoreError> {
        Self::open_checked(data_dir, bundle, DamageCheck::Full)
    }

    fn open_checked(
        data_dir: &Path,
        bundle: &[u8],
        check: DamageCheck,
    ) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| match source.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                StoreError::ReadOnlyFolder(data_dir.to_path_buf())
            }
            _ => StoreError::DataDir {
                path: data_dir.to_path_buf(),
                source,
            },
        })?;
        ensure_writable(data_dir)?;
        let path = data_dir.join(STORE_FILE);
        let damage = match check {
            _ if !path.exists() => None,
            DamageCheck::Full => backup::damage_of(&path)?,
            DamageCheck::Header => backup::header_damage_of(&path)?,
        };
        if let Some(problem) = damage {
            let moved_to = backup::move_aside(&path, chrono::Utc::now())?;
            return Err(StoreError::Damaged { moved_to, problem });
        }
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
        if let Some(path) = self.path.clone() {
            // On Linux a deleted file stays writable through open handles, so every write
            // would "succeed" into a file nobody can open again: refuse the commit instead.
            self.conn.commit_hook(Some(move || !path.exists()))?;
        }
        migrations::migrate(&mut self.conn)?;
        bundle::merge_if_changed(&mut self.conn, bundle)?;
        Ok(())
    }
}
