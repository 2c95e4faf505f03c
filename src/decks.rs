//! Decks: the built-in ones (one per domain, and "From the article") and the user's own.

use crate::glossary::Glossary;
use crate::model::{Concept, Domain};
use crate::store::StoreError;
use serde::Serialize;

/// The id of the built-in deck of every concept the seed article uses.
pub const ARTICLE_DECK: &str = "article";

/// A deck as listed by `keruen decks` and the Decks screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deck {
    /// `article`, a domain id (`rail`), or `user-N` for the user's own decks.
    pub id: String,
    /// The name shown to the user (English for built-in decks; the user's own name otherwise).
    pub name: String,
    /// How many concepts the deck holds.
    pub concepts: usize,
    /// Whether Keruen ships the deck.
    pub builtin: bool,
}

/// The English name of a domain's deck.
pub fn domain_deck_name(domain: Domain) -> &'static str {
    match domain {
        Domain::Policy => "Policy & cooperation",
        Domain::Rail => "Rail",
        Domain::Road => "Road",
        Domain::Air => "Air",
        Domain::Sea => "Sea & ports",
        Domain::Forwarding => "Multimodal & forwarding",
        Domain::Customs => "Customs",
        Domain::TradeTerms => "Trade terms (Incoterms)",
        Domain::Documents => "Documents",
        Domain::Warehousing => "Warehousing & inventory",
        Domain::Finance => "Finance & payments",
        Domain::Geography => "Geography of the corridor",
    }
}

/// Every deck: "From the article", one per domain, then the user's decks by name.
pub fn list(glossary: &Glossary) -> Result<Vec<Deck>, StoreError> {
    let concepts = glossary.concepts();
    let mut decks = vec![Deck {
        id: ARTICLE_DECK.into(),
        name: "From the article".into(),
        concepts: concepts.iter().filter(|c| c.from_article).count(),
        builtin: true,
    }];
    decks.extend(Domain::ALL.into_iter().map(|domain| Deck {
        id: domain.id().into(),
        name: domain_deck_name(domain).into(),
        concepts: concepts.iter().filter(|c| c.domain == domain).count(),
        builtin: true,
    }));
    decks.extend(glossary.store().user_decks()?.into_iter().map(|deck| Deck {
        id: format!("user-{}", deck.id),
        name: deck.name,
        concepts: deck.concepts,
        builtin: false,
    }));
    Ok(decks)
}

/// A deck id that names no deck.
#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    /// No deck has this id.
    #[error("there is no deck '{0}'; keruen decks lists them")]
    Unknown(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The concepts of deck `id`, in the glossary's order (by concept id).
pub fn members<'g>(glossary: &'g Glossary, id: &str) -> Result<Vec<&'g Concept>, DeckError> {
    let concepts = glossary.concepts();
    if id == ARTICLE_DECK {
        return Ok(concepts.iter().filter(|c| c.from_article).collect());
    }
    if let Ok(domain) = id.parse::<Domain>() {
        return Ok(concepts.iter().filter(|c| c.domain == domain).collect());
    }
    let user_id = id
        .strip_prefix("user-")
        .and_then(|n| n.parse::<i64>().ok())
        .ok_or_else(|| DeckError::Unknown(id.to_string()))?;
    let ids = glossary
        .store()
        .deck_concept_ids(user_id)?
        .ok_or_else(|| DeckError::Unknown(id.to_string()))?;
    Ok(ids
        .iter()
        .filter_map(|concept_id| glossary.concept_by_id(concept_id))
        .collect())
}
