//! Reading concepts out of the store.
//!
//! The tables are read in storage order rather than through their primary-key indexes
//! (which costs a table lookup per row, several seconds at 100,000 concepts). A concept's
//! terms are stored together and in position order, so each row goes straight to its
//! concept; a row out of that order (never written by Keruen, but possible in a file
//! edited elsewhere) makes the terms be read again and sorted. With a store on disk the
//! terms are read on a second connection while this one reads the definitions.

use super::{Store, StoreError};
use crate::model::{Concept, Domain, Lang, LangEntry, Origin, Term, TermKind};
use rusqlite::{Connection, OpenFlags};
use rustc_hash::FxHashMap;

/// A term row: the concept's index in the sorted concepts, its language and position.
type TermRow = (usize, Lang, i64, Term);

/// Concept ids to their index in the concepts sorted by id, remembering the last id asked
/// for (rows of one concept come together, so most lookups need no hashing).
struct ConceptIndex<'a> {
    by_id: FxHashMap<&'a str, usize>,
    last: Option<(String, usize)>,
}

impl<'a> ConceptIndex<'a> {
    fn new(ids: &'a [String]) -> ConceptIndex<'a> {
        let by_id = ids
            .iter()
            .enumerate()
            .map(|(at, id)| (id.as_str(), at))
            .collect();
        ConceptIndex { by_id, last: None }
    }

    fn position(&mut self, id: &str) -> Option<usize> {
        if let Some((last_id, at)) = &self.last
            && last_id == id
        {
            return Some(*at);
        }
        let at = *self.by_id.get(id)?;
        self.last = Some((id.to_string(), at));
        Some(at)
    }
}

impl Store {
    /// Every concept in the store, bundled and user, sorted by id.
    pub fn all_concepts(&self) -> Result<Vec<Concept>, StoreError> {
        let mut concepts = self.concepts_without_terms()?;
        let ids: Vec<String> = concepts.iter().map(|c| c.id.clone()).collect();
        let second = self.path.as_deref().map(open_term_reader).transpose()?;
        let terms = std::thread::scope(|scope| {
            let terms = second.map(|conn| {
                let ids = &ids;
                scope.spawn(move || read_terms(&conn, ids))
            });
            read_definitions(&self.conn, &ids, &mut concepts)?;
            match terms {
                Some(thread) => thread.join().expect("the term reader does not panic"),
                None => read_terms(&self.conn, &ids),
            }
        })?;
        if !place_in_row_order(&mut concepts, terms) {
            for concept in &mut concepts {
                for lang in Lang::ALL {
                    concept.lang_mut(lang).terms.clear();
                }
            }
            let mut terms = read_terms(&self.conn, &ids)?;
            terms.sort_by_key(|(at, lang, position, _)| (*at, *lang, *position));
            place_in_row_order(&mut concepts, terms);
        }
        Ok(concepts)
    }

    /// Every concept with its fields but no terms or definitions yet, sorted by id.
    fn concepts_without_terms(&self) -> Result<Vec<Concept>, StoreError> {
        let mut concepts = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, domain, origin, from_article, article_context, source, note, homonyms
             FROM concept",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let domain: String = row.get(1)?;
            let origin: String = row.get(2)?;
            let homonyms: String = row.get(7)?;
            concepts.push(Concept {
                domain: domain
                    .parse::<Domain>()
                    .map_err(|e| StoreError::Corrupt(format!("concept '{id}': {e}")))?,
                origin: if origin == "user" {
                    Origin::User
                } else {
                    Origin::Bundled
                },
                from_article: row.get(3)?,
                article_context: row.get(4)?,
                source: row.get(5)?,
                note: row.get(6)?,
                homonyms: homonyms.split_whitespace().map(str::to_string).collect(),
                kk: LangEntry::default(),
                ru: LangEntry::default(),
                zh: LangEntry::default(),
                en: LangEntry::default(),
                id,
            });
        }
        concepts.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        Ok(concepts)
    }

    /// The number of concepts in the store.
    pub fn concept_count(&self) -> Result<usize, StoreError> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM concept", [], |row| row.get(0))?;
        Ok(count as usize)
    }
}

/// A second, read-only connection for reading the terms; it maps the file into memory
/// (reading a large store without copying every page), which is safe for a connection
/// that lives only for one read.
fn open_term_reader(path: &std::path::Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.pragma_update(None, "mmap_size", 1_i64 << 30)?;
    Ok(conn)
}

/// Every term row in storage order, with its concept's index (rows of unknown concepts
/// are left out).
fn read_terms(conn: &Connection, ids: &[String]) -> Result<Vec<TermRow>, StoreError> {
    let mut index = ConceptIndex::new(ids);
    let mut terms = Vec::new();
    let mut stmt =
        conn.prepare_cached("SELECT concept_id, lang, position, text, pinyin, kind FROM term")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let concept_id = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        let Some(at) = index.position(concept_id) else {
            continue;
        };
        let kind = row.get_ref(5)?.as_str().map_err(rusqlite::Error::from)?;
        let term = Term {
            text: row.get(3)?,
            pinyin: row.get(4)?,
            kind: TermKind::from_name(kind)
                .ok_or_else(|| StoreError::Corrupt(format!("term kind '{kind}'")))?,
        };
        let lang = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
        terms.push((at, lang_of(lang)?, row.get(2)?, term));
    }
    Ok(terms)
}

/// Gives each concept its terms in the order given; false (with the concepts part filled)
/// when some language's positions do not rise, so the rows must be sorted first.
fn place_in_row_order(concepts: &mut [Concept], terms: Vec<TermRow>) -> bool {
    let mut last_position = vec![[i64::MIN; 4]; concepts.len()];
    for (at, lang, position, term) in terms {
        let slot = &mut last_position[at][lang as usize];
        if position <= *slot {
            return false;
        }
        *slot = position;
        concepts[at].lang_mut(lang).terms.push(term);
    }
    true
}

/// Fills in the definitions and examples of `concepts`, whose ids are `ids`.
fn read_definitions(
    conn: &Connection,
    ids: &[String],
    concepts: &mut [Concept],
) -> Result<(), StoreError> {
    let mut index = ConceptIndex::new(ids);
    let mut stmt =
        conn.prepare_cached("SELECT concept_id, lang, definition, example FROM definition")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let concept_id = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        let lang = lang_of(row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?;
        if let Some(at) = index.position(concept_id) {
            let entry = concepts[at].lang_mut(lang);
            entry.definition = row.get(2)?;
            entry.example = row.get(3)?;
        }
    }
    Ok(())
}

fn lang_of(code: &str) -> Result<Lang, StoreError> {
    code.parse::<Lang>()
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}
