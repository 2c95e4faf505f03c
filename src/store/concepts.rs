//! Reading concepts out of the store.

use super::{Store, StoreError};
use crate::model::{Concept, Domain, Lang, LangEntry, Origin, Term, TermKind};
use rustc_hash::FxHashMap;

impl Store {
    /// Every concept in the store, bundled and user, sorted by id. The tables are read in
    /// storage order and sorted here: walking the primary-key indexes instead costs a
    /// table lookup per row, several seconds at 100,000 concepts.
    pub fn all_concepts(&self) -> Result<Vec<Concept>, StoreError> {
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
        let index: FxHashMap<String, usize> = concepts
            .iter()
            .enumerate()
            .map(|(at, c)| (c.id.clone(), at))
            .collect();

        let mut terms: Vec<(usize, Lang, i64, Term)> = Vec::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT concept_id, lang, position, text, pinyin, kind FROM term")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let concept_id = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let Some(&at) = index.get(concept_id) else {
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
        terms.sort_unstable_by_key(|(at, lang, position, _)| (*at, *lang, *position));
        for (at, lang, _, term) in terms {
            concepts[at].lang_mut(lang).terms.push(term);
        }

        let mut stmt = self
            .conn
            .prepare_cached("SELECT concept_id, lang, definition, example FROM definition")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let concept_id = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let lang = lang_of(row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?;
            if let Some(&at) = index.get(concept_id) {
                let entry = concepts[at].lang_mut(lang);
                entry.definition = row.get(2)?;
                entry.example = row.get(3)?;
            }
        }
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

fn lang_of(code: &str) -> Result<Lang, StoreError> {
    code.parse::<Lang>()
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}
