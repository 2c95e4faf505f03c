//! Reading concepts out of the store.
//!
//! Concepts, terms and definitions are clustered by concept id (schema 3), so a range of
//! ids is read as three ordered walks merged by id, with no lookup per row. A large store
//! is read in two halves of its ids on two connections at once.

use super::{Store, StoreError};
use crate::model::{Concept, Domain, Lang, LangEntry, Origin, Term, TermKind};
use rusqlite::{Connection, OpenFlags, Row, ToSql};
use std::cmp::Ordering;

/// Below this many concepts the store is read on one thread.
const PARALLEL_FROM: usize = 4_096;

/// A range of concept ids: from `from` (inclusive, every id when None) up to `to`
/// (exclusive, no end when None).
#[derive(Clone, Copy)]
struct IdRange<'a> {
    from: Option<&'a str>,
    to: Option<&'a str>,
}

impl IdRange<'_> {
    const ALL: IdRange<'static> = IdRange {
        from: None,
        to: None,
    };

    /// `SELECT columns FROM table` limited to this range of the `id` column, ordered by
    /// `order`.
    fn select(&self, columns: &str, table: &str, id: &str, order: &str) -> String {
        let mut sql = format!("SELECT {columns} FROM {table} WHERE true");
        if self.from.is_some() {
            sql.push_str(&format!(" AND :from <= {id}"));
        }
        if self.to.is_some() {
            sql.push_str(&format!(" AND {id} < :to"));
        }
        sql.push_str(&format!(" ORDER BY {order}"));
        sql
    }

    /// The bounds, named as [`IdRange::select`] names them.
    fn params(&self) -> Vec<(&'static str, &dyn ToSql)> {
        let mut params: Vec<(&str, &dyn ToSql)> = Vec::with_capacity(2);
        if let Some(from) = &self.from {
            params.push((":from", from));
        }
        if let Some(to) = &self.to {
            params.push((":to", to));
        }
        params
    }
}

impl Store {
    /// Every concept in the store, bundled and user, sorted by id.
    pub fn all_concepts(&self) -> Result<Vec<Concept>, StoreError> {
        let mut lower = Vec::new();
        let mut upper = Vec::new();
        self.visit_concepts(
            |concept| {
                lower.push(concept);
                Ok::<(), StoreError>(())
            },
            |concept| {
                upper.push(concept);
                Ok(())
            },
        )?;
        lower.append(&mut upper);
        Ok(lower)
    }

    /// Reads every concept in id order and hands each over as it is read: those in the
    /// lower half of the ids to `lower` on this thread, the others to `upper` on a second
    /// thread, each half on a read-only connection of its own, so that reading and whatever
    /// the visitors do run on two cores. A small or in-memory store goes to `lower` alone.
    /// An error (of the store or of a visitor) stops the half it happens in, and the lower
    /// half's error is returned before the upper's.
    pub fn visit_concepts<E>(
        &self,
        mut lower: impl FnMut(Concept) -> Result<(), E>,
        upper: impl FnMut(Concept) -> Result<(), E> + Send,
    ) -> Result<(), E>
    where
        E: From<StoreError> + Send,
    {
        let count = self.concept_count()?;
        let (Some(path), true) = (self.path.as_deref(), count >= PARALLEL_FROM) else {
            return visit_range(&self.conn, IdRange::ALL, &mut lower);
        };
        let middle: String = self
            .conn
            .query_row(
                "SELECT id FROM concept ORDER BY id LIMIT 1 OFFSET ?1",
                [count as i64 / 2],
                |row| row.get(0),
            )
            .map_err(StoreError::from)?;
        let (first, second) = (open_reader(path)?, open_reader(path)?);
        std::thread::scope(|scope| {
            let middle = &middle;
            let later = scope.spawn(move || {
                let mut upper = upper;
                let range = IdRange {
                    from: Some(middle),
                    to: None,
                };
                visit_range(&second, range, &mut upper)
            });
            let range = IdRange {
                from: None,
                to: Some(middle),
            };
            let first = visit_range(&first, range, &mut lower);
            let second = later.join().expect("the concept reader does not panic");
            first.and(second)
        })
    }

    /// The number of concepts in the store.
    pub fn concept_count(&self) -> Result<usize, StoreError> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM concept", [], |row| row.get(0))?;
        Ok(count as usize)
    }
}

/// A read-only connection for one thread (so without SQLite's per-call locking);
/// it maps the file into memory (reading a large store without copying every page), which
/// is safe for a connection that lives only for one read.
fn open_reader(path: &std::path::Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.pragma_update(None, "mmap_size", 1_i64 << 30)?;
    Ok(conn)
}

/// Hands `visit` each concept whose id is in `range`, in id order, with its terms and
/// definitions. Terms and definitions of no concept are left out.
fn visit_range<E: From<StoreError>>(
    conn: &Connection,
    range: IdRange,
    visit: &mut impl FnMut(Concept) -> Result<(), E>,
) -> Result<(), E> {
    read_range(conn, range, visit).map_err(|error| match error {
        Stopped::Store(error) => E::from(error),
        Stopped::Visitor(error) => error,
    })
}

/// Why reading a range stopped early.
enum Stopped<E> {
    Store(StoreError),
    Visitor(E),
}

impl<E> From<StoreError> for Stopped<E> {
    fn from(error: StoreError) -> Stopped<E> {
        Stopped::Store(error)
    }
}

impl<E> From<rusqlite::Error> for Stopped<E> {
    fn from(error: rusqlite::Error) -> Stopped<E> {
        Stopped::Store(error.into())
    }
}

fn read_range<E>(
    conn: &Connection,
    range: IdRange,
    visit: &mut impl FnMut(Concept) -> Result<(), E>,
) -> Result<(), Stopped<E>> {
    let mut concept_stmt = conn.prepare_cached(&range.select(
        "id, domain, origin, from_article, article_context, source, note, homonyms",
        "concept",
        "id",
        "id",
    ))?;
    let mut term_stmt = conn.prepare_cached(&range.select(
        "concept_id, lang, text, pinyin, kind",
        "term",
        "concept_id",
        "concept_id, lang, position",
    ))?;
    let mut definition_stmt = conn.prepare_cached(&range.select(
        "concept_id, lang, definition, example",
        "definition",
        "concept_id",
        "concept_id, lang",
    ))?;
    let mut terms = term_stmt.query(range.params().as_slice())?;
    let mut term = terms.next()?;
    let mut definitions = definition_stmt.query(range.params().as_slice())?;
    let mut definition = definitions.next()?;
    let mut rows = concept_stmt.query(range.params().as_slice())?;
    while let Some(row) = rows.next()? {
        let mut concept = concept_of(row)?;
        while let Some(row) = term {
            match id_of(row)?.cmp(concept.id.as_str()) {
                Ordering::Greater => break,
                Ordering::Less => {}
                Ordering::Equal => add_term(&mut concept, row)?,
            }
            term = terms.next()?;
        }
        while let Some(row) = definition {
            match id_of(row)?.cmp(concept.id.as_str()) {
                Ordering::Greater => break,
                Ordering::Less => {}
                Ordering::Equal => add_definition(&mut concept, row)?,
            }
            definition = definitions.next()?;
        }
        visit(concept).map_err(Stopped::Visitor)?;
    }
    Ok(())
}

/// The concept of a `concept` row, with no terms or definitions yet.
fn concept_of(row: &Row) -> Result<Concept, StoreError> {
    let id: String = row.get(0)?;
    let domain = text_of(row, 1)?
        .parse::<Domain>()
        .map_err(|e| StoreError::Corrupt(format!("concept '{id}': {e}")))?;
    Ok(Concept {
        domain,
        origin: if text_of(row, 2)? == "user" {
            Origin::User
        } else {
            Origin::Bundled
        },
        from_article: row.get(3)?,
        article_context: row.get(4)?,
        source: row.get(5)?,
        note: row.get(6)?,
        homonyms: text_of(row, 7)?
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        kk: LangEntry::default(),
        ru: LangEntry::default(),
        zh: LangEntry::default(),
        en: LangEntry::default(),
        id,
    })
}

/// Adds the term of a `term` row (concept_id, lang, text, pinyin, kind) to `concept`.
fn add_term(concept: &mut Concept, row: &Row) -> Result<(), StoreError> {
    let kind = text_of(row, 4)?;
    let term = Term {
        text: row.get(2)?,
        pinyin: row.get(3)?,
        kind: TermKind::from_name(kind)
            .ok_or_else(|| StoreError::Corrupt(format!("term kind '{kind}'")))?,
    };
    concept.lang_mut(lang_of(row)?).terms.push(term);
    Ok(())
}

/// Sets the definition and example of a `definition` row (concept_id, lang, definition,
/// example) on `concept`.
fn add_definition(concept: &mut Concept, row: &Row) -> Result<(), StoreError> {
    let entry = concept.lang_mut(lang_of(row)?);
    entry.definition = row.get(2)?;
    entry.example = row.get(3)?;
    Ok(())
}

/// The concept id in column 0.
fn id_of<'r>(row: &'r Row) -> Result<&'r str, StoreError> {
    text_of(row, 0)
}

/// The language in column 1.
fn lang_of(row: &Row) -> Result<Lang, StoreError> {
    text_of(row, 1)?
        .parse::<Lang>()
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// The text in column `at`, borrowed from the row.
fn text_of<'r>(row: &'r Row, at: usize) -> Result<&'r str, StoreError> {
    Ok(row.get_ref(at)?.as_str().map_err(rusqlite::Error::from)?)
}
