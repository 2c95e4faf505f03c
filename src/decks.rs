//! Decks: the built-in ones (one per domain, and "From the article") and the user's own.

use crate::glossary::Glossary;
use crate::model::{Concept, Domain};
use crate::store::{Store, StoreError};
use serde::Serialize;
use std::collections::HashSet;

/// The id of the built-in deck of every concept the seed article uses.
pub const ARTICLE_DECK: &str = "article";

/// The name of the "From the article" deck.
const ARTICLE_DECK_NAME: &str = "From the article";

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
        name: ARTICLE_DECK_NAME.into(),
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
    let membership = Membership::of(glossary.store(), id)?;
    Ok(glossary
        .concepts()
        .iter()
        .filter(|concept| membership.contains(concept))
        .collect())
}

/// Which concepts a deck holds, decided one concept at a time, so that a deck can be
/// picked out of concepts as they are read from the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Membership {
    /// The concepts the seed article uses.
    Article,
    /// The concepts of one domain.
    Domain(Domain),
    /// A user deck: the concepts with these ids.
    Listed(HashSet<String>),
}

impl Membership {
    /// The membership of deck `id` in `store`.
    pub fn of(store: &Store, id: &str) -> Result<Membership, DeckError> {
        if id == ARTICLE_DECK {
            return Ok(Membership::Article);
        }
        if let Ok(domain) = id.parse::<Domain>() {
            return Ok(Membership::Domain(domain));
        }
        let ids = store
            .deck_concept_ids(user_deck_number(id)?)?
            .ok_or_else(|| DeckError::Unknown(id.to_string()))?;
        Ok(Membership::Listed(ids.into_iter().collect()))
    }

    /// Whether the deck holds `concept`.
    pub fn contains(&self, concept: &Concept) -> bool {
        match self {
            Membership::Article => concept.from_article,
            Membership::Domain(domain) => concept.domain == *domain,
            Membership::Listed(ids) => ids.contains(&concept.id),
        }
    }
}

/// The name of deck `id`, as [`list`] shows it.
pub fn name_of(store: &Store, id: &str) -> Result<String, DeckError> {
    if id == ARTICLE_DECK {
        return Ok(ARTICLE_DECK_NAME.into());
    }
    if let Ok(domain) = id.parse::<Domain>() {
        return Ok(domain_deck_name(domain).into());
    }
    let number = user_deck_number(id)?;
    store
        .user_decks()?
        .into_iter()
        .find(|deck| deck.id == number)
        .map(|deck| deck.name)
        .ok_or_else(|| DeckError::Unknown(id.to_string()))
}

/// The number in a user deck's id `user-N`.
fn user_deck_number(id: &str) -> Result<i64, DeckError> {
    id.strip_prefix("user-")
        .and_then(|n| n.parse::<i64>().ok())
        .ok_or_else(|| DeckError::Unknown(id.to_string()))
}
