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
    conn.execute_batch("ATTACH DATABASE ':memory:' AS bundle")?;
    let result = attach_and_merge(conn, bundle);
    conn.execute_batch("DETACH DATABASE bundle")?;
    result
}

fn attach_and_merge(conn: &mut Connection, bundle: &[u8]) -> Result<(), StoreError> {
    conn.deserialize_read_exact("bundle", bundle, bundle.len(), true)?;
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
    let tx = conn.transaction()?;
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
