//! The user's own concepts and edits of bundled ones: saving, deleting, returning to the
//! bundled version, and importing many at once, all or nothing.

use super::bundle_writer::{concept_row, insert_terms_and_definitions};
use super::{Store, StoreError};
use crate::model::Concept;
use rusqlite::{Connection, OptionalExtension, params_from_iter};

/// Writes `concept` as the user's (origin `user`), replacing any earlier version with
/// its id, bundled or not. A later bundled termbase never overwrites it.
fn upsert(conn: &Connection, concept: &Concept) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO concept (id, domain, origin, from_article, article_context, source, note, homonyms)
         VALUES (?1, ?2, 'user', ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET domain = excluded.domain, origin = 'user',
             from_article = excluded.from_article, article_context = excluded.article_context,
             source = excluded.source, note = excluded.note, homonyms = excluded.homonyms",
        params_from_iter(concept_row(concept)),
    )?;
    conn.execute("DELETE FROM term WHERE concept_id = ?1", [&concept.id])?;
    conn.execute(
        "DELETE FROM definition WHERE concept_id = ?1",
        [&concept.id],
    )?;
    insert_terms_and_definitions(conn, concept)?;
    Ok(())
}

/// Finds the user deck named `name`, creating it when there is none; returns its id.
fn deck_named(conn: &Connection, name: &str) -> Result<i64, StoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Conflict("a deck needs a name".into()));
    }
    let found: Option<i64> = conn
        .query_row("SELECT id FROM deck WHERE name = ?1", [name], |row| {
            row.get(0)
        })
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.execute("INSERT INTO deck (name) VALUES (?1)", [name])?;
    Ok(conn.last_insert_rowid())
}

impl Store {
    /// Saves a concept of the user's own, or the user's edit of a bundled concept, in one
    /// transaction.
    pub fn save_user_concept(&self, concept: &Concept) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        upsert(&tx, concept)?;
        tx.commit()?;
        Ok(())
    }

    /// Imports concepts in one transaction, all or nothing, into the user deck named
    /// `deck` (created when missing). Returns the deck's id when one was named.
    pub fn import_concepts(
        &self,
        concepts: &[Concept],
        deck: Option<&str>,
    ) -> Result<Option<i64>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        for concept in concepts {
            upsert(&tx, concept)?;
        }
        let deck_id = match deck {
            Some(name) => {
                let id = deck_named(&tx, name)?;
                let mut add = tx.prepare_cached(
                    "INSERT OR IGNORE INTO deck_concept (deck_id, concept_id) VALUES (?1, ?2)",
                )?;
                for concept in concepts {
                    add.execute(rusqlite::params![id, concept.id])?;
                }
                Some(id)
            }
            None => None,
        };
        tx.commit()?;
        Ok(deck_id)
    }

    /// Deletes a concept of the user's own (with its deck memberships). Bundled concepts
    /// cannot be deleted; an edited one returns to its bundled version instead
    /// ([`Store::revert_to_bundled`]).
    pub fn delete_user_concept(&self, id: &str) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let origin: Option<String> = tx
            .query_row("SELECT origin FROM concept WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?;
        match origin.as_deref() {
            None => return Err(StoreError::Conflict(format!("there is no concept '{id}'"))),
            Some("bundled") => {
                return Err(StoreError::Conflict(format!(
                    "'{id}' is a built-in concept and cannot be deleted"
                )));
            }
            Some(_) => {}
        }
        tx.execute("DELETE FROM deck_concept WHERE concept_id = ?1", [id])?;
        tx.execute("DELETE FROM concept WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Returns an edited bundled concept to the version this Keruen ships. Returns false
    /// when the bundled termbase has no concept with this id.
    pub fn revert_to_bundled(&mut self, id: &str) -> Result<bool, StoreError> {
        super::bundle::restore_one(&mut self.conn, super::BUNDLED_TERMBASE, id)
    }

    /// The ids of every concept this Keruen ships.
    pub fn bundled_ids(&mut self) -> Result<Vec<String>, StoreError> {
        super::bundle::ids(&mut self.conn, super::BUNDLED_TERMBASE)
    }
}
