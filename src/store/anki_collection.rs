//! Writes an Anki collection (legacy schema 11, `db/anki-collection-11.sql`) in memory, for
//! the Anki package export: the rows come ready from `exchange::apkg`, which knows what
//! they mean; this module only knows Anki's tables.

use super::StoreError;
use rusqlite::{Connection, MAIN_DB, params};

/// Anki's schema 11 tables and indexes.
const SCHEMA: &str = include_str!("../../db/anki-collection-11.sql");

/// The collection's one `col` row.
pub struct AnkiCollection {
    /// When the collection was created (Unix seconds, the start of a day).
    pub created: i64,
    /// When it was last changed (Unix milliseconds).
    pub modified_ms: i64,
    /// The collection configuration, as JSON.
    pub conf: String,
    /// The note types, as JSON keyed by id.
    pub models: String,
    /// The decks, as JSON keyed by id.
    pub decks: String,
    /// The deck options, as JSON keyed by id.
    pub dconf: String,
}

/// One note and its cards.
pub struct AnkiNote {
    /// The note's id (Unix milliseconds, unique in the collection).
    pub id: i64,
    /// The id that stays the same across exports, so a re-import updates the note.
    pub guid: String,
    /// The id of the note's note type.
    pub notetype: i64,
    /// When it was last changed (Unix seconds).
    pub modified: i64,
    /// Space-separated tags, with a space before and after.
    pub tags: String,
    /// The fields, separated by U+001F.
    pub fields: String,
    /// The sort field, as plain text.
    pub sort_field: String,
    /// The checksum of the sort field Anki uses to find duplicates.
    pub checksum: i64,
    /// Its cards.
    pub cards: Vec<AnkiCard>,
}

/// One new card.
pub struct AnkiCard {
    /// The card's id (unique in the collection).
    pub id: i64,
    /// The id of the deck it goes in.
    pub deck: i64,
    /// Which template of the note type it is.
    pub ord: i64,
    /// Its position among new cards.
    pub due: i64,
}

/// The bytes of a collection file holding `collection`'s configuration and `notes`.
pub fn write_anki_collection(
    collection: &AnkiCollection,
    notes: &[AnkiNote],
) -> Result<Vec<u8>, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    let tx = conn.transaction()?;
    tx.execute_batch(SCHEMA)?;
    tx.execute(
        "insert into col values (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            collection.created,
            collection.modified_ms,
            collection.conf,
            collection.models,
            collection.decks,
            collection.dconf,
        ],
    )?;
    {
        let mut add_note =
            tx.prepare("insert into notes values (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')")?;
        let mut add_card = tx.prepare(
            "insert into cards values (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
        )?;
        for note in notes {
            add_note.execute(params![
                note.id,
                note.guid,
                note.notetype,
                note.modified,
                note.tags,
                note.fields,
                note.sort_field,
                note.checksum,
            ])?;
            for card in &note.cards {
                add_card.execute(params![
                    card.id,
                    note.id,
                    card.deck,
                    card.ord,
                    note.modified,
                    card.due
                ])?;
            }
        }
    }
    tx.commit()?;
    Ok(conn.serialize(MAIN_DB)?.to_vec())
}
