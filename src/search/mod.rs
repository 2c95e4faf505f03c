//! Lookup: finds concepts from whatever the user types, in any of the four languages, in
//! pinyin, in Latin letters for Kazakh and Russian, in the wrong keyboard layout, inflected,
//! or with a short typo. No SQL and no egui here; the window and `keruen lookup` share it.
//!
//! Ranking: exact, then prefix, then word inside the term, then stem, then the other
//! keyboard layout, then typo; within a tier, preferred terms, the user's own languages and
//! shorter terms first. One stem hit ranks just below exact: the term that is the query's
//! own words inflected (`груза`: груз), which no exact hit can be when the query is inflected.
//! Words typed without the term's spaces (`doortodoor`) are tried when nothing else is
//! found, and then rank as exact or prefix hits; last of all, a typo in an inflected word.

mod build;
mod ceiling;
pub mod fuzzy;
pub mod highlight;
mod intern;
pub mod layout;
pub mod normalize;
mod query;
pub mod space;
mod stem;
pub mod translit;
mod typed;

use crate::model::{Concept, Domain, Lang};
use fuzzy::DeletionIndex;
use serde::Serialize;
use space::Space;

/// How a hit matched the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The whole term equals the query.
    Exact,
    /// The term starts with the query.
    Prefix,
    /// Words inside the term start with the query's words.
    Word,
    /// The query's words, reduced to their stems, start words of the term (ranked just
    /// below exact when the term is the query's own words inflected).
    Stem,
    /// The query typed in the other keyboard layout matches (ranked among such hits as
    /// the kind it would be if typed in the right layout).
    Layout,
    /// Within a typo or two of the query.
    Fuzzy,
}

impl MatchKind {
    /// The score of a hit of this kind on a key of `chars` characters: the term preferred
    /// within its language, in one of the user's languages, in Latin letters for Cyrillic,
    /// and `penalty` for its typos. `whole_words` says that each query word is a whole
    /// word of the key, so that a term holding the word typed (`поезд` in
    /// `контейнерный поезд`) ranks above one that merely starts with it (`поездной …`);
    /// for a stem hit, that the key is the query's words inflected (`груза`: груз):
    /// exact, inflected, whole-word prefix, whole word, prefix, word, stem, typo.
    fn score(
        self,
        chars: u16,
        preferred_term: bool,
        preferred_lang: bool,
        translit: bool,
        penalty: u32,
        whole_words: bool,
    ) -> u32 {
        let base = match self {
            MatchKind::Exact => 7000,
            MatchKind::Stem if whole_words => 6500,
            MatchKind::Prefix if whole_words => 6000,
            MatchKind::Word if whole_words => 5000,
            MatchKind::Prefix => 4000,
            MatchKind::Word => 3000,
            MatchKind::Stem | MatchKind::Layout => 2000,
            MatchKind::Fuzzy => 1000,
        };
        let mut score = base + 200;
        if preferred_term {
            score += 300;
        }
        if preferred_lang {
            score += 100;
        }
        if translit {
            score -= 20;
        }
        score - u32::from(chars).min(150) - penalty.min(150)
    }
}

/// Which spelling of a term a hit came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// The term as written.
    Text,
    /// The pinyin of a Chinese term.
    Pinyin,
    /// A Kazakh or Russian term in Latin letters.
    Translit,
}

/// One concept found by a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Position of the concept in the slice the index was built from.
    pub concept: usize,
    /// Higher is better.
    pub score: u32,
    /// How the best key matched.
    pub kind: MatchKind,
    /// The language of the matched term.
    pub lang: Lang,
    /// Position of the matched term within its language entry.
    pub term: usize,
    /// Which spelling matched.
    pub form: Form,
}

/// What a lookup asks for besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Only concepts of this domain.
    pub domain: Option<Domain>,
    /// Languages the user knows or learns: their terms rank first among equals.
    pub prefer: &'a [Lang],
}

/// An in-memory index over a set of concepts.
pub struct Index {
    plain: Space,
    translit: Space,
    typos: DeletionIndex,
    translit_typos: DeletionIndex,
    domains: Vec<Domain>,
}

impl Index {
    /// Builds the index over `concepts`, on two threads; hits refer to them by position.
    pub fn build(concepts: &[Concept]) -> Index {
        build::build(concepts)
    }

    /// The best `limit` concepts for `query`, best first. An empty query lists the
    /// concepts in index order.
    pub fn lookup(&self, query: &str, limit: usize, options: Options) -> Vec<Hit> {
        query::run(self, query, limit, options)
    }

    /// Concepts whose terms are within a few typos of `query`, for "did you mean" when a
    /// lookup finds nothing.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<Hit> {
        query::suggest(self, query, limit)
    }

    /// Approximate bytes of memory the index takes.
    pub fn memory(&self) -> usize {
        self.plain.memory()
            + self.translit.memory()
            + self.typos.memory()
            + self.translit_typos.memory()
            + self.domains.capacity()
    }
}
