//! Importing concepts into the store: what happens to duplicates is planned first (and
//! shown by `--dry-run` and the window's preview), then applied in one transaction.

use crate::glossary::Glossary;
use crate::model::{Concept, Lang};
use crate::store::StoreError;
use crate::store::backup::Backup;
use std::collections::{HashMap, HashSet};

/// What to do with an imported concept that is already in the glossary (same id, or the
/// same preferred term in some language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnDuplicate {
    /// Replace the existing concept with the imported one (a built-in concept becomes
    /// your edited version).
    #[default]
    Update,
    /// Keep the existing concept and drop the imported one.
    Skip,
    /// Keep both; the imported one gets a new id when the id is taken.
    KeepBoth,
}

impl std::str::FromStr for OnDuplicate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "update" => Ok(OnDuplicate::Update),
            "skip" => Ok(OnDuplicate::Skip),
            "keep-both" => Ok(OnDuplicate::KeepBoth),
            other => Err(format!("'{other}' is not update, skip or keep-both")),
        }
    }
}

/// What an import will do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportPlan {
    /// Concepts to write (new ones and updates), ids final.
    pub write: Vec<Concept>,
    /// How many of them are new.
    pub added: usize,
    /// Ids of existing concepts that will be replaced.
    pub updated: Vec<String>,
    /// Ids (as imported) of concepts dropped as duplicates.
    pub skipped: Vec<String>,
    /// Imported ids that were taken, with the new id each got.
    pub renamed: Vec<(String, String)>,
}

impl ImportPlan {
    /// One line for the user: how many concepts are added, updated, skipped, renamed.
    pub fn summary(&self) -> String {
        format!(
            "{} new, {} updated, {} skipped, {} kept under a new id",
            self.added,
            self.updated.len(),
            self.skipped.len(),
            self.renamed.len()
        )
    }
}

/// Which existing concept an imported one duplicates: the same id, else the same
/// preferred term (case aside) in some language.
fn duplicate_of<'g>(
    concept: &Concept,
    glossary: &'g Glossary,
    by_term: &HashMap<(Lang, String), &'g str>,
) -> Option<&'g str> {
    if let Some(existing) = glossary.concept_by_id(&concept.id) {
        return Some(existing.id.as_str());
    }
    Lang::ALL.into_iter().find_map(|lang| {
        let term = concept.preferred(lang);
        (!term.is_empty())
            .then(|| by_term.get(&(lang, term.to_lowercase())).copied())
            .flatten()
    })
}

/// Decides, for every imported concept, whether it is added, updates an existing one, is
/// skipped or is kept under a new id. Under [`OnDuplicate::Update`] the first imported
/// concept to match an existing one updates it; a later one matching the same concept is
/// skipped rather than overwriting the first.
pub fn plan(glossary: &Glossary, imported: Vec<Concept>, on_duplicate: OnDuplicate) -> ImportPlan {
    let mut by_term: HashMap<(Lang, String), &str> = HashMap::new();
    for concept in glossary.concepts() {
        for lang in Lang::ALL {
            let term = concept.preferred(lang);
            if !term.is_empty() {
                by_term
                    .entry((lang, term.to_lowercase()))
                    .or_insert(&concept.id);
            }
        }
    }
    let mut taken: HashSet<String> = glossary.concepts().iter().map(|c| c.id.clone()).collect();
    taken.extend(imported.iter().map(|c| c.id.clone()));
    let mut plan = ImportPlan::default();
    let mut updated: HashSet<&str> = HashSet::new();
    for mut concept in imported {
        match (duplicate_of(&concept, glossary, &by_term), on_duplicate) {
            (None, _) => plan.added += 1,
            (Some(existing), OnDuplicate::Update) if updated.insert(existing) => {
                concept.id = existing.to_string();
                plan.updated.push(existing.to_string());
            }
            (Some(_), OnDuplicate::Skip | OnDuplicate::Update) => {
                plan.skipped.push(concept.id);
                continue;
            }
            (Some(existing), OnDuplicate::KeepBoth) => {
                if existing == concept.id {
                    let fresh = (2..)
                        .map(|n| format!("{}-{n}", concept.id))
                        .find(|id| !taken.contains(id))
                        .expect("some suffix is free");
                    taken.insert(fresh.clone());
                    plan.renamed.push((concept.id.clone(), fresh.clone()));
                    concept.id = fresh;
                }
                plan.added += 1;
            }
        }
        plan.write.push(concept);
    }
    plan
}

/// Backs up the store (so the import can be undone with a restore), then writes the plan
/// in one transaction, into the user deck named `deck` when given. Returns the backup
/// (None for a store in memory).
pub fn apply(
    glossary: &Glossary,
    plan: &ImportPlan,
    deck: Option<&str>,
) -> Result<Option<Backup>, StoreError> {
    let backup = glossary.store().back_up(chrono::Utc::now())?;
    glossary.store().import_concepts(&plan.write, deck)?;
    Ok(backup)
}
