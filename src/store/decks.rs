//! Deck sizes as the store counts them.

use super::{Store, StoreError};

/// A user deck and how many concepts it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckCount {
    /// The deck's row id.
    pub id: i64,
    /// The name the user gave it.
    pub name: String,
    /// How many concepts it holds.
    pub concepts: usize,
}

impl Store {
    /// The user's own decks with their sizes, by name.
    pub fn user_decks(&self) -> Result<Vec<DeckCount>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.name, count(dc.concept_id) FROM deck AS d
             LEFT JOIN deck_concept AS dc ON dc.deck_id = d.id
             GROUP BY d.id ORDER BY d.name",
        )?;
        let decks = stmt
            .query_map([], |row| {
                Ok(DeckCount {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    concepts: row.get::<_, i64>(2)? as usize,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(decks)
    }
}

impl Store {
    /// Creates an empty user deck and returns its id. Names are unique.
    pub fn create_deck(&self, name: &str) -> Result<i64, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Conflict("a deck needs a name".into()));
        }
        let inserted = self
            .conn
            .execute("INSERT OR IGNORE INTO deck (name) VALUES (?1)", [name])?;
        if inserted == 0 {
            return Err(StoreError::Conflict(format!(
                "a deck named '{name}' exists already"
            )));
        }
        Ok(self.conn.last_insert_rowid())
    }

    /// Puts a concept into a user deck (nothing happens if it is there already).
    pub fn add_to_deck(&self, deck_id: i64, concept_id: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR IGNORE INTO deck_concept (deck_id, concept_id) VALUES (?1, ?2)",
            rusqlite::params![deck_id, concept_id],
        )?;
        Ok(())
    }
}

impl Store {
    /// The ids of the concepts in a user deck, by id; None when there is no such deck.
    pub fn deck_concept_ids(&self, deck_id: i64) -> Result<Option<Vec<String>>, StoreError> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM deck WHERE id = ?1)",
            [deck_id],
            |row| row.get(0),
        )?;
        if !exists {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT concept_id FROM deck_concept WHERE deck_id = ?1 ORDER BY concept_id",
        )?;
        let ids = stmt
            .query_map([deck_id], |row| row.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(Some(ids))
    }
}

impl Store {
    /// Renames a user deck; names stay unique.
    pub fn rename_deck(&self, deck_id: i64, name: &str) -> Result<(), StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Conflict("a deck needs a name".into()));
        }
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM deck WHERE name = ?1 AND id != ?2)",
            rusqlite::params![name, deck_id],
            |row| row.get(0),
        )?;
        if taken {
            return Err(StoreError::Conflict(format!(
                "a deck named '{name}' exists already"
            )));
        }
        self.conn.execute(
            "UPDATE deck SET name = ?2 WHERE id = ?1",
            rusqlite::params![deck_id, name],
        )?;
        Ok(())
    }

    /// Deletes a user deck; its concepts stay in the glossary.
    pub fn delete_deck(&self, deck_id: i64) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM deck_concept WHERE deck_id = ?1", [deck_id])?;
        tx.execute("DELETE FROM deck WHERE id = ?1", [deck_id])?;
        tx.commit()?;
        Ok(())
    }

    /// Puts many concepts into a user deck in one transaction; returns how many were new
    /// to it.
    pub fn add_many_to_deck(
        &self,
        deck_id: i64,
        concept_ids: &[&str],
    ) -> Result<usize, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let mut added = 0;
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO deck_concept (deck_id, concept_id) VALUES (?1, ?2)",
            )?;
            for id in concept_ids {
                added += insert.execute(rusqlite::params![deck_id, id])?;
            }
        }
        tx.commit()?;
        Ok(added)
    }
}
