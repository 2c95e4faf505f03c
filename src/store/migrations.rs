//! Forward migrations of the user store, versioned by `PRAGMA user_version`.

use super::StoreError;
use rusqlite::Connection;

/// Each entry moves the schema from version `index` to `index + 1`. Released entries are
/// never edited; a change of schema appends one.
const MIGRATIONS: &[&str] = &[
    include_str!("../../db/user.sql"),
    include_str!("../../db/user-2.sql"),
    include_str!("../../db/user-3.sql"),
];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the store up to [`CURRENT_VERSION`], one transaction per step, and leaves
/// foreign keys enforced; an upgraded store is then compacted.
///
/// The steps run with foreign keys off, as SQLite requires for rebuilding a table that
/// others refer to: dropping the old table would otherwise cascade to the rows that refer
/// to it. A step copies every row, so no reference is left dangling.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if found > CURRENT_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: CURRENT_VERSION,
        });
    }
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = MIGRATIONS
        .iter()
        .enumerate()
        .skip(found as usize)
        .try_for_each(|(index, sql)| {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.commit()?;
            Ok::<(), StoreError>(())
        });
    conn.pragma_update(None, "foreign_keys", true)?;
    migrated?;
    if found > 0 && found < CURRENT_VERSION {
        // A step may rebuild tables, leaving the old pages free inside the file.
        conn.execute_batch("VACUUM")?;
    }
    Ok(())
}
