//! Where Keruen keeps the user's data.

use std::path::PathBuf;

/// The data folder: `explicit` (from `--data-dir` or `KERUEN_DATA_DIR`) when given,
/// otherwise the platform's data folder for Keruen (e.g. `~/.local/share/keruen` on Linux).
pub fn data_dir(explicit: Option<PathBuf>) -> Result<PathBuf, NoDataDir> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    directories::ProjectDirs::from("kz", "Keruen", "Keruen")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(NoDataDir)
}

/// The system names no home folder, so there is nowhere to keep data by default.
#[derive(Debug, thiserror::Error)]
#[error("cannot find a home folder to keep Keruen's data in; pass --data-dir DIR")]
pub struct NoDataDir;
