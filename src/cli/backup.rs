//! `keruen restore`: list the backups, or restore one into the store.

use crate::store::Store;
use crate::store::backup::{self, Backup};
use anyhow::{Context, bail};
use chrono::{Local, Utc};
use std::io::Write;
use std::path::Path;

/// A backup's time in the computer's time zone.
fn local_time(backup: &Backup) -> String {
    backup
        .taken_at
        .with_timezone(&Local)
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// `keruen restore [BACKUP] [--list]`: with `--list`, every backup newest first with its
/// size and whether it can be restored; otherwise restores `which` (a file name in the
/// backups folder or a path) or the newest good backup, backing up the current data first.
pub fn restore(
    store: &mut Store,
    data_dir: &Path,
    which: Option<&Path>,
    list: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if list {
        let backups = backup::list_backups(data_dir)?;
        if backups.is_empty() {
            writeln!(
                out,
                "No backups in {}",
                backup::backup_dir(data_dir).display()
            )?;
        }
        for found in &backups {
            let size = std::fs::metadata(&found.path).map_or(0, |m| m.len());
            let health = backup::check_store_file(&found.path).map_or_else(
                || "ok".to_string(),
                |problem| format!("unusable: {problem}"),
            );
            writeln!(
                out,
                "{}  {}  {:.1} MB  {health}",
                local_time(found),
                found.name(),
                size as f64 / 1e6
            )?;
        }
        return Ok(());
    }
    let path = match which {
        Some(given) if given.exists() => given.to_path_buf(),
        Some(given) => {
            let named = backup::backup_dir(data_dir).join(given);
            if !named.exists() {
                bail!(
                    "there is no backup {}; `keruen restore --list` shows the backups",
                    given.display()
                );
            }
            named
        }
        None => match backup::newest_good_backup(data_dir)? {
            Some(newest) => newest.path,
            None => bail!(
                "there is no backup to restore in {}",
                backup::backup_dir(data_dir).display()
            ),
        },
    };
    let safety = store
        .restore_from(&path, Utc::now())
        .context("the restore failed and nothing was changed")?;
    writeln!(out, "Restored {}", path.display())?;
    if let Some(safety) = safety {
        writeln!(
            out,
            "Your data from before the restore is in the backup {}",
            safety.name()
        )?;
    }
    Ok(())
}
