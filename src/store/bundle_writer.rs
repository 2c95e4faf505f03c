//! Writes concepts into a bundled-termbase database (schema `db/bundle.sql`).
//!
//! Also compiled into `build.rs`, so it depends only on `crate::model` and `rusqlite`.

use crate::model::{Concept, Lang};
use rusqlite::{Connection, ToSql, params, params_from_iter};

/// The schema of a bundled-termbase database.
pub const BUNDLE_SCHEMA: &str = include_str!("../../db/bundle.sql");

/// Creates the bundle schema in `conn` and writes `concepts` and `version` into it, in one
/// transaction.
pub fn write_bundle(
    conn: &mut Connection,
    concepts: &[Concept],
    version: &str,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute_batch(BUNDLE_SCHEMA)?;
    tx.execute(
        "INSERT INTO bundle_meta (key, value) VALUES ('version', ?1)",
        params![version],
    )?;
    for concept in concepts {
        tx.prepare_cached(
            "INSERT INTO concept (id, domain, from_article, article_context, source, note, homonyms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params_from_iter(concept_row(concept)))?;
        insert_terms_and_definitions(&tx, concept)?;
    }
    tx.commit()
}

/// The seven concept columns both schemas share, in the order
/// `id, domain, from_article, article_context, source, note, homonyms`.
pub fn concept_row(concept: &Concept) -> Vec<Box<dyn ToSql + '_>> {
    vec![
        Box::new(&concept.id),
        Box::new(concept.domain.id()),
        Box::new(concept.from_article),
        Box::new(&concept.article_context),
        Box::new(&concept.source),
        Box::new(&concept.note),
        Box::new(concept.homonyms.join(" ")),
    ]
}

/// Inserts the terms and definitions of `concept` (tables `term` and `definition`, which
/// the bundle and the user store lay out alike).
pub fn insert_terms_and_definitions(conn: &Connection, concept: &Concept) -> rusqlite::Result<()> {
    let mut insert_term = conn.prepare_cached(
        "INSERT INTO term (concept_id, lang, position, text, pinyin, kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut insert_definition = conn.prepare_cached(
        "INSERT INTO definition (concept_id, lang, definition, example) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for lang in Lang::ALL {
        let entry = concept.lang(lang);
        for (position, term) in entry.terms.iter().enumerate() {
            insert_term.execute(params![
                concept.id,
                lang.code(),
                position as i64,
                term.text,
                term.pinyin,
                term.kind.name(),
            ])?;
        }
        if entry.definition.is_some() || entry.example.is_some() {
            insert_definition.execute(params![
                concept.id,
                lang.code(),
                entry.definition,
                entry.example
            ])?;
        }
    }
    Ok(())
}
