//! Merges the bundled termbase into the user store by concept id.
//!
//! Bundled concepts are inserted or updated; user concepts, decks, settings and (later)
//! progress are never touched. The merge runs in one transaction, and only when the
//! bundle's version differs from the one last merged.

use super::StoreError;
use rusqlite::{Connection, OptionalExtension};

const MERGED_VERSION_KEY: &str = "bundle_version";

/// Merges `bundle` (a bundled-termbase database image) unless it was merged already.
pub fn merge_if_changed(conn: &mut Connection, bundle: &[u8]) -> Result<(), StoreError> {
    with_bundle(conn, bundle, merge_attached)
}

fn merge_attached(conn: &Connection) -> Result<(), StoreError> {
    let version: String = conn.query_row(
        "SELECT value FROM bundle.bundle_meta WHERE key = 'version'",
        [],
        |row| row.get(0),
    )?;
    let merged: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [MERGED_VERSION_KEY],
            |row| row.get(0),
        )
        .optional()?;
    if merged.as_deref() == Some(version.as_str()) {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    tx.execute_batch(
        "INSERT INTO concept (id, domain, origin, from_article, article_context, source, note, homonyms)
             SELECT id, domain, 'bundled', from_article, article_context, source, note, homonyms
             FROM bundle.concept WHERE true
         ON CONFLICT (id) DO UPDATE SET
             domain = excluded.domain,
             from_article = excluded.from_article,
             article_context = excluded.article_context,
             source = excluded.source,
             note = excluded.note,
             homonyms = excluded.homonyms
         WHERE concept.origin = 'bundled';

         DELETE FROM term WHERE concept_id IN (SELECT id FROM concept WHERE origin = 'bundled');
         DELETE FROM definition WHERE concept_id IN (SELECT id FROM concept WHERE origin = 'bundled');

         INSERT INTO term (concept_id, lang, position, text, pinyin, kind)
             SELECT t.concept_id, t.lang, t.position, t.text, t.pinyin, t.kind
             FROM bundle.term AS t JOIN concept AS c ON c.id = t.concept_id
             WHERE c.origin = 'bundled';
         INSERT INTO definition (concept_id, lang, definition, example)
             SELECT d.concept_id, d.lang, d.definition, d.example
             FROM bundle.definition AS d JOIN concept AS c ON c.id = d.concept_id
             WHERE c.origin = 'bundled';",
    )?;
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [MERGED_VERSION_KEY, version.as_str()],
    )?;
    tx.commit()?;
    Ok(())
}

/// Runs `work` with `bundle` attached as the schema `bundle`, detaching it afterwards.
fn with_bundle<T>(
    conn: &mut Connection,
    bundle: &[u8],
    work: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    conn.execute_batch("ATTACH DATABASE ':memory:' AS bundle")?;
    let result = conn
        .deserialize_read_exact("bundle", bundle, bundle.len(), true)
        .map_err(StoreError::from)
        .and_then(|()| work(conn));
    conn.execute_batch("DETACH DATABASE bundle")?;
    result
}

/// The ids of every concept in `bundle`.
pub fn ids(conn: &mut Connection, bundle: &[u8]) -> Result<Vec<String>, StoreError> {
    with_bundle(conn, bundle, |conn| {
        let mut stmt = conn.prepare("SELECT id FROM bundle.concept ORDER BY id")?;
        let ids = stmt
            .query_map([], |row| row.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(ids)
    })
}

/// Replaces concept `id` with its version in `bundle`, in one transaction; false when the
/// bundle has no such concept.
pub fn restore_one(conn: &mut Connection, bundle: &[u8], id: &str) -> Result<bool, StoreError> {
    with_bundle(conn, bundle, |conn| {
        let tx = conn.unchecked_transaction()?;
        let restored = tx.execute(
            "INSERT INTO concept (id, domain, origin, from_article, article_context, source, note, homonyms)
                 SELECT id, domain, 'bundled', from_article, article_context, source, note, homonyms
                 FROM bundle.concept WHERE id = ?1
             ON CONFLICT (id) DO UPDATE SET domain = excluded.domain, origin = 'bundled',
                 from_article = excluded.from_article, article_context = excluded.article_context,
                 source = excluded.source, note = excluded.note, homonyms = excluded.homonyms",
            [id],
        )?;
        if restored == 0 {
            return Ok(false);
        }
        tx.execute("DELETE FROM term WHERE concept_id = ?1", [id])?;
        tx.execute("DELETE FROM definition WHERE concept_id = ?1", [id])?;
        tx.execute(
            "INSERT INTO term (concept_id, lang, position, text, pinyin, kind)
             SELECT concept_id, lang, position, text, pinyin, kind FROM bundle.term
             WHERE concept_id = ?1",
            [id],
        )?;
        tx.execute(
            "INSERT INTO definition (concept_id, lang, definition, example)
             SELECT concept_id, lang, definition, example FROM bundle.definition
             WHERE concept_id = ?1",
            [id],
        )?;
        tx.commit()?;
        Ok(true)
    })
}
