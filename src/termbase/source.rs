//! The termbase source format: one TOML file per domain in `db/termbase/`.
//!
//! Also compiled into `build.rs`, so it depends only on `crate::model`, `serde` and `toml`.

use crate::model::{Concept, Domain, LangEntry, Origin, Term, TermKind};
use serde::Deserialize;

/// One file of the source: a list of concepts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    #[serde(default)]
    concept: Vec<SourceConcept>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceConcept {
    id: String,
    domain: Domain,
    source: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    from_article: bool,
    #[serde(default)]
    article_context: Option<String>,
    #[serde(default)]
    homonyms: Vec<String>,
    #[serde(default)]
    kk: SourceLang,
    #[serde(default)]
    ru: SourceLang,
    #[serde(default)]
    zh: SourceLang,
    #[serde(default)]
    en: SourceLang,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceLang {
    #[serde(default)]
    term: String,
    #[serde(default)]
    pinyin: Option<String>,
    #[serde(default)]
    definition: Option<String>,
    #[serde(default)]
    example: Option<String>,
    #[serde(default)]
    variants: Vec<SourceVariant>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceVariant {
    text: String,
    #[serde(default)]
    pinyin: Option<String>,
    kind: TermKind,
}

/// Parses one source file into concepts. `name` only labels the error message.
pub fn parse(name: &str, text: &str) -> Result<Vec<Concept>, String> {
    let file: SourceFile = toml::from_str(text).map_err(|error| format!("{name}: {error}"))?;
    file.concept
        .into_iter()
        .map(|concept| {
            concept
                .into_concept()
                .map_err(|error| format!("{name}: {error}"))
        })
        .collect()
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

impl SourceConcept {
    fn into_concept(self) -> Result<Concept, String> {
        let id = self.id;
        let lang = |entry: SourceLang| entry.into_entry(&id);
        Ok(Concept {
            domain: self.domain,
            origin: Origin::Bundled,
            from_article: self.from_article,
            article_context: non_empty(self.article_context),
            source: self.source.trim().to_string(),
            note: non_empty(self.note),
            homonyms: self.homonyms,
            kk: lang(self.kk)?,
            ru: lang(self.ru)?,
            zh: lang(self.zh)?,
            en: lang(self.en)?,
            id,
        })
    }
}

impl SourceLang {
    fn into_entry(self, id: &str) -> Result<LangEntry, String> {
        let mut terms = Vec::with_capacity(1 + self.variants.len());
        if !self.term.trim().is_empty() {
            terms.push(Term {
                text: self.term.trim().to_string(),
                pinyin: non_empty(self.pinyin),
                kind: TermKind::Preferred,
            });
        }
        for variant in self.variants {
            if variant.kind == TermKind::Preferred {
                return Err(format!(
                    "concept '{id}': variant '{}' cannot be of kind preferred (use `term`)",
                    variant.text
                ));
            }
            terms.push(Term {
                text: variant.text.trim().to_string(),
                pinyin: non_empty(variant.pinyin),
                kind: variant.kind,
            });
        }
        // The model's order: preferred, then synonyms, abbreviations, deprecated forms
        // (each group in the order written).
        terms.sort_by_key(|term| term.kind);
        Ok(LangEntry {
            terms,
            definition: non_empty(self.definition),
            example: non_empty(self.example),
        })
    }
}
