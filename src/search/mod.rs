//! Lookup: finds concepts from whatever the user types, in any of the four languages or
//! in pinyin. No SQL and no egui here; the window and `keruen lookup` share this code.

pub mod highlight;
pub mod normalize;

use crate::model::{Concept, Domain, Lang};
use normalize::{compact, fold};
use serde::Serialize;

/// How a key matched the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The whole term equals the query.
    Exact,
    /// The term starts with the query.
    Prefix,
    /// A word inside the term starts with the query.
    Word,
    /// The query stands somewhere inside the term.
    Inside,
}

impl MatchKind {
    fn base_score(self) -> u32 {
        match self {
            MatchKind::Exact => 1000,
            MatchKind::Prefix => 800,
            MatchKind::Word => 600,
            MatchKind::Inside => 400,
        }
    }
}

/// Which written form of which term a hit came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// The term as written.
    Text,
    /// The pinyin of a Chinese term.
    Pinyin,
}

/// One concept found by a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Index of the concept in the slice the index was built from.
    pub concept: usize,
    /// Higher is better.
    pub score: u32,
    /// How the best key matched.
    pub kind: MatchKind,
    /// The language of the matched term.
    pub lang: Lang,
    /// Index of the matched term within its language entry.
    pub term: usize,
    /// Whether the text or the pinyin matched.
    pub form: Form,
}

/// A search key: one folded spelling of one term.
struct Key {
    concept: u32,
    lang: Lang,
    term: u16,
    form: Form,
    folded: String,
    compact: String,
}

/// An in-memory index over a set of concepts.
pub struct Index {
    keys: Vec<Key>,
    domains: Vec<Domain>,
}

impl Index {
    /// Builds the index over `concepts`; hits refer to them by position.
    pub fn build(concepts: &[Concept]) -> Index {
        let mut keys = Vec::new();
        for (at, concept) in concepts.iter().enumerate() {
            for lang in Lang::ALL {
                for (term_at, term) in concept.lang(lang).terms.iter().enumerate() {
                    let spellings = std::iter::once((Form::Text, term.text.as_str()))
                        .chain(term.pinyin.as_deref().map(|p| (Form::Pinyin, p)));
                    for (form, text) in spellings {
                        let folded = fold(text);
                        keys.push(Key {
                            concept: at as u32,
                            lang,
                            term: term_at as u16,
                            form,
                            compact: compact(&folded),
                            folded,
                        });
                    }
                }
            }
        }
        Index {
            keys,
            domains: concepts.iter().map(|c| c.domain).collect(),
        }
    }

    /// The best `limit` concepts for `query`, best first, optionally only from one domain.
    /// An empty query lists the concepts in index order.
    pub fn lookup(&self, query: &str, limit: usize, domain: Option<Domain>) -> Vec<Hit> {
        let in_domain = |concept: usize| domain.is_none_or(|d| self.domains[concept] == d);
        let folded = fold(query);
        if folded.is_empty() {
            return (0..self.domains.len())
                .filter(|&c| in_domain(c))
                .take(limit)
                .map(|concept| Hit {
                    concept,
                    score: 0,
                    kind: MatchKind::Inside,
                    lang: Lang::En,
                    term: 0,
                    form: Form::Text,
                })
                .collect();
        }
        let compact_query = compact(&folded);
        let mut best: std::collections::HashMap<usize, Hit> = std::collections::HashMap::new();
        for key in &self.keys {
            let concept = key.concept as usize;
            if !in_domain(concept) {
                continue;
            }
            let Some(kind) = match_kind(key, &folded, &compact_query) else {
                continue;
            };
            let length_penalty = key.folded.chars().count().min(200) as u32;
            let preferred_bonus = if key.term == 0 { 50 } else { 0 };
            let score = kind.base_score() + preferred_bonus - length_penalty;
            let hit = Hit {
                concept,
                score,
                kind,
                lang: key.lang,
                term: key.term as usize,
                form: key.form,
            };
            best.entry(concept)
                .and_modify(|old| {
                    if hit.score > old.score {
                        *old = hit.clone();
                    }
                })
                .or_insert(hit);
        }
        let mut hits: Vec<Hit> = best.into_values().collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.concept.cmp(&b.concept)));
        hits.truncate(limit);
        hits
    }
}

fn match_kind(key: &Key, folded: &str, compact_query: &str) -> Option<MatchKind> {
    if key.folded == folded || key.compact == compact_query {
        Some(MatchKind::Exact)
    } else if key.folded.starts_with(folded) || key.compact.starts_with(compact_query) {
        Some(MatchKind::Prefix)
    } else if key.folded.split(' ').any(|word| word.starts_with(folded)) {
        Some(MatchKind::Word)
    } else if key.folded.contains(folded) {
        Some(MatchKind::Inside)
    } else {
        None
    }
}
