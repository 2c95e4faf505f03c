//! Forward migrations of the user store, versioned by `PRAGMA user_version`.

use super::StoreError;
use rusqlite::Connection;

/// Each entry moves the schema from version `index` to `index + 1`. Released entries are
/// never edited; a change of schema appends one.
const MIGRATIONS: &[&str] = &[
    include_str!("../../db/user.sql"),
    include_str!("../../db/user-2.sql"),
];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the store up to [`CURRENT_VERSION`], one transaction per step.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if found > CURRENT_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: CURRENT_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
