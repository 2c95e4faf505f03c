//! Backups of the user store: consistent copies written with `VACUUM INTO` into the data
//! folder's `backups/`, thinned the way Anki thins its own (the newest few, then one a day,
//! one a week and one a month), checked before they are trusted, and restored into the
//! live store after the current content has itself been backed up.

use super::{Store, StoreError, migrations};
use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The folder inside the data folder that holds the backups.
pub const BACKUP_DIR: &str = "backups";

/// How many of the newest backups are always kept.
pub const KEEP_NEWEST: usize = 8;
/// For how many days the newest backup of each day is kept.
pub const KEEP_DAILY_DAYS: i64 = 7;
/// For how many days the newest backup of each week is kept.
pub const KEEP_WEEKLY_DAYS: i64 = 35;
/// For how many days the newest backup of each month is kept.
pub const KEEP_MONTHLY_DAYS: i64 = 365;

const PREFIX: &str = "keruen-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%d-%H%M%S%3f";

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// Where the file is.
    pub path: PathBuf,
    /// When it was taken (from its name).
    pub taken_at: DateTime<Utc>,
}

impl Backup {
    /// The backup a file name describes, if it is one of ours (`keruen-YYYYMMDD-HHMMSSmmm.sqlite3`).
    fn from_path(path: PathBuf) -> Option<Backup> {
        let name = path.file_name()?.to_str()?;
        let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
        let taken_at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
        Some(Backup { path, taken_at })
    }

    /// The file name, as the window and `keruen restore` show it.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// The backups folder of the data folder `data_dir`.
pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

/// Every backup in the data folder, newest first (none when the folder does not exist).
pub fn list_backups(data_dir: &Path) -> Result<Vec<Backup>, StoreError> {
    let dir = backup_dir(data_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::DataDir { path: dir, source }),
    };
    let mut backups: Vec<Backup> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| Backup::from_path(entry.path()))
        .collect();
    backups.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    Ok(backups)
}

/// What `PRAGMA quick_check` finds wrong with the SQLite file at `path`, in SQLite's
/// words: Some for a damaged file (not a database, truncated, garbled), None for a sound
/// one. Errors that say nothing about the file's health (busy, no permission) are errors.
pub fn damage_of(path: &Path) -> Result<Option<String>, StoreError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let verdict: Result<Vec<String>, rusqlite::Error> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect());
    match verdict {
        Ok(lines) if lines == ["ok"] => Ok(None),
        Ok(lines) => Ok(Some(lines.join("; "))),
        Err(error) if is_damage(&error) => Ok(Some(error.to_string())),
        Err(error) => Err(error.into()),
    }
}

/// What is wrong with the SQLite file at `path` that can be seen without reading it all:
/// not a database, shorter than its header says (truncated), or a schema that cannot be
/// read. Some for such damage, None otherwise.
pub fn header_damage_of(path: &Path) -> Result<Option<String>, StoreError> {
    let mut header = [0u8; 100];
    let length = {
        use std::io::Read;
        let mut file = std::fs::File::open(path).map_err(|source| StoreError::DataDir {
            path: path.to_path_buf(),
            source,
        })?;
        let length = file.metadata().map_or(0, |m| m.len());
        if length == 0 {
            return Ok(None);
        }
        if file.read_exact(&mut header).is_err() || !header.starts_with(b"SQLite format 3\0") {
            return Ok(Some("file is not a database".into()));
        }
        length
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let counter_valid = header[24..28] == header[92..96];
    if counter_valid && pages * page_size > length {
        return Ok(Some(format!(
            "the file is {length} bytes but its header says {} (truncated)",
            pages * page_size
        )));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| {
        row.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(None),
        Err(error) if is_damage(&error) => Ok(Some(error.to_string())),
        Err(error) => Err(error.into()),
    }
}

/// Whether SQLite's error says the file is damaged (rather than busy or unreadable).
fn is_damage(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// Why the file at `path` cannot be restored as a Keruen store, in words for the user; None
/// when it can.
pub fn check_store_file(path: &Path) -> Option<String> {
    match damage_of(path) {
        Ok(None) => {}
        Ok(Some(problem)) => return Some(problem),
        Err(error) => return Some(error.to_string()),
    }
    let version = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|conn| conn.query_row("PRAGMA user_version", [], |row| row.get::<_, i64>(0)));
    match version {
        Ok(version) if version > migrations::CURRENT_VERSION => Some(format!(
            "it was written by a newer Keruen (schema {version})"
        )),
        Ok(0) => Some("it is not a Keruen data file".into()),
        Ok(_) => None,
        Err(error) => Some(error.to_string()),
    }
}

/// Moves a damaged store file (and its `-wal` and `-shm` companions) aside to
/// `NAME.damaged-STAMP`, never deleting anything, and returns where the file went.
pub fn move_aside(path: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let stamp = now.format(STAMP);
    let aside = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".damaged-{stamp}{suffix}"));
        PathBuf::from(name)
    };
    for suffix in ["-wal", "-shm"] {
        let mut companion = path.as_os_str().to_owned();
        companion.push(suffix);
        let companion = PathBuf::from(companion);
        if companion.exists() {
            std::fs::rename(&companion, aside(suffix)).map_err(|source| StoreError::DataDir {
                path: companion.clone(),
                source,
            })?;
        }
    }
    let moved_to = aside("");
    std::fs::rename(path, &moved_to).map_err(|source| StoreError::DataDir {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(moved_to)
}

/// The newest backup that passes [`check_store_file`].
pub fn newest_good_backup(data_dir: &Path) -> Result<Option<Backup>, StoreError> {
    Ok(list_backups(data_dir)?
        .into_iter()
        .find(|backup| check_store_file(&backup.path).is_none()))
}

/// Writes a consistent copy of the store file `source` into `dir` as a backup taken `now`:
/// `VACUUM INTO` a temporary name, flushed to disk, then renamed, so a backup file is
/// always whole.
pub fn write_backup(source: &Path, dir: &Path, now: DateTime<Utc>) -> Result<Backup, StoreError> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut path = dir.join(format!("{PREFIX}{}{SUFFIX}", now.format(STAMP)));
    let mut taken_at = now;
    while path.exists() {
        taken_at += chrono::Duration::milliseconds(1);
        path = dir.join(format!("{PREFIX}{}{SUFFIX}", taken_at.format(STAMP)));
    }
    let temp = path.with_extension("partial");
    let _ = std::fs::remove_file(&temp);
    let conn = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let temp_text = temp.to_str().ok_or_else(|| {
        StoreError::Conflict(format!(
            "the backup folder {} has an unusable name",
            dir.display()
        ))
    })?;
    conn.execute("VACUUM INTO ?1", [temp_text])?;
    let io_error = |source| StoreError::DataDir {
        path: temp.clone(),
        source,
    };
    std::fs::File::open(&temp)
        .and_then(|file| file.sync_all())
        .map_err(io_error)?;
    std::fs::rename(&temp, &path).map_err(io_error)?;
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(Backup { path, taken_at })
}

/// The backups to delete so that what remains is: the [`KEEP_NEWEST`] newest, then the
/// newest of each day for a week, of each ISO week for five weeks and of each month for a
/// year. `backups` may be in any order.
pub fn backups_to_thin(backups: &[Backup], now: DateTime<Utc>) -> Vec<PathBuf> {
    let mut newest_first: Vec<&Backup> = backups.iter().collect();
    newest_first.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    let mut buckets: HashSet<(u8, i32, u32)> = HashSet::new();
    let mut remove = Vec::new();
    for backup in newest_first.into_iter().skip(KEEP_NEWEST) {
        let age = (now - backup.taken_at).num_days();
        let date = backup.taken_at.date_naive();
        let bucket = if age < KEEP_DAILY_DAYS {
            Some((0, date.year(), date.ordinal()))
        } else if age < KEEP_WEEKLY_DAYS {
            let week = date.iso_week();
            Some((1, week.year(), week.week()))
        } else if age < KEEP_MONTHLY_DAYS {
            Some((2, date.year(), date.month()))
        } else {
            None
        };
        if !bucket.is_some_and(|bucket| buckets.insert(bucket)) {
            remove.push(backup.path.clone());
        }
    }
    remove
}

impl Store {
    /// The data folder this store's file lives in; None for an in-memory store.
    pub fn data_dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }

    /// Backs the store up now and thins the older backups; None for an in-memory store.
    pub fn back_up(&self, now: DateTime<Utc>) -> Result<Option<Backup>, StoreError> {
        let (Some(path), Some(data_dir)) = (self.path.as_deref(), self.data_dir()) else {
            return Ok(None);
        };
        back_up_file(path, data_dir, now).map(Some)
    }

    /// Replaces everything in the store with the content of `backup`, after checking that
    /// the backup is sound and backing up the current content first (that backup is
    /// returned). The restored content is brought to the current schema.
    pub fn restore_from(
        &mut self,
        backup: &Path,
        now: DateTime<Utc>,
    ) -> Result<Option<Backup>, StoreError> {
        if let Some(problem) = check_store_file(backup) {
            return Err(StoreError::BadBackup {
                path: backup.to_path_buf(),
                problem,
            });
        }
        let safety = self.back_up(now)?;
        self.conn.restore(
            rusqlite::MAIN_DB,
            backup,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        migrations::migrate(&mut self.conn)?;
        super::bundle::merge_if_changed(&mut self.conn, super::BUNDLED_TERMBASE)?;
        Ok(safety)
    }
}

/// Backs up the store file at `path` into `data_dir`'s backups and thins them.
pub fn back_up_file(
    path: &Path,
    data_dir: &Path,
    now: DateTime<Utc>,
) -> Result<Backup, StoreError> {
    let backup = write_backup(path, &backup_dir(data_dir), now)?;
    for old in backups_to_thin(&list_backups(data_dir)?, now) {
        if old != backup.path {
            let _ = std::fs::remove_file(old);
        }
    }
    Ok(backup)
}
