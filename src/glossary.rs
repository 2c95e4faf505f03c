//! The glossary the window and the command line work with: the store, every concept it
//! holds, and the lookup index over them (built on the first lookup, so commands that
//! never search — export, study — do not pay for it).

use crate::model::Concept;
use crate::search::{Hit, Index, Options};
use crate::store::{Store, StoreError};
use std::sync::OnceLock;

/// The open user store with its concepts loaded, and their lookup index.
pub struct Glossary {
    store: Store,
    concepts: Vec<Concept>,
    index: OnceLock<Index>,
}

impl Glossary {
    /// Loads every concept of `store`; the lookup index follows on first use.
    pub fn load(store: Store) -> Result<Glossary, StoreError> {
        let concepts = store.all_concepts()?;
        Ok(Glossary {
            store,
            concepts,
            index: OnceLock::new(),
        })
    }

    /// The lookup index, built now if this is its first use.
    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(&self.concepts))
    }

    /// The underlying store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The underlying store, for changes that need it exclusively; call
    /// [`Glossary::reload`] after changing concepts.
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Reads the concepts again and rebuilds the index (after concepts were added, edited
    /// or deleted).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.concepts = self.store.all_concepts()?;
        self.index = OnceLock::new();
        Ok(())
    }

    /// Every concept, sorted by id.
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// The concept with this id, if the glossary has it.
    pub fn concept_by_id(&self, id: &str) -> Option<&Concept> {
        self.concepts
            .binary_search_by(|concept| concept.id.as_str().cmp(id))
            .ok()
            .map(|at| &self.concepts[at])
    }

    /// The concept a hit refers to.
    pub fn concept(&self, hit: &Hit) -> &Concept {
        &self.concepts[hit.concept]
    }

    /// The best `limit` matches for `query`.
    pub fn lookup(&self, query: &str, limit: usize, options: Options) -> Vec<Hit> {
        self.index().lookup(query, limit, options)
    }

    /// Near misses for a query that found nothing ("did you mean").
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.index().suggest(query, limit)
    }
}
