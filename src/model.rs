//! The core types of Keruen: languages, domains, concepts and their terms.
//!
//! This file is also compiled into `build.rs` (which turns the termbase source into the
//! bundled database), so it depends on nothing but `serde` and the standard library.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One of the four languages of the termbase and of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Kazakh, Cyrillic script.
    Kk,
    /// Russian.
    Ru,
    /// Chinese, simplified characters, with pinyin.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// All four languages in the order a concept card shows them.
    pub const ALL: [Lang; 4] = [Lang::Kk, Lang::Ru, Lang::Zh, Lang::En];

    /// The ISO 639-1 code: `kk`, `ru`, `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A string that names no language we know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown language '{}' (expected kk, ru, zh or en)",
            self.0
        )
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownLang(s.to_string()))
    }
}

/// The subject field of a concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Domain {
    /// Policy and cooperation between states.
    Policy,
    /// Rail transport.
    Rail,
    /// Road transport.
    Road,
    /// Air transport.
    Air,
    /// Sea transport and ports.
    Sea,
    /// Multimodal transport and freight forwarding.
    Forwarding,
    /// Customs.
    Customs,
    /// Trade terms (Incoterms).
    TradeTerms,
    /// Shipping and trade documents.
    Documents,
    /// Warehousing and inventory.
    Warehousing,
    /// Finance and payments.
    Finance,
    /// Geography of the corridor: crossings, routes, hubs.
    Geography,
}

impl Domain {
    /// Every domain, in the order decks and filters list them.
    pub const ALL: [Domain; 12] = [
        Domain::Policy,
        Domain::Rail,
        Domain::Road,
        Domain::Air,
        Domain::Sea,
        Domain::Forwarding,
        Domain::Customs,
        Domain::TradeTerms,
        Domain::Documents,
        Domain::Warehousing,
        Domain::Finance,
        Domain::Geography,
    ];

    /// The stable id used in files, the database and the command line (`trade-terms`).
    pub fn id(self) -> &'static str {
        match self {
            Domain::Policy => "policy",
            Domain::Rail => "rail",
            Domain::Road => "road",
            Domain::Air => "air",
            Domain::Sea => "sea",
            Domain::Forwarding => "forwarding",
            Domain::Customs => "customs",
            Domain::TradeTerms => "trade-terms",
            Domain::Documents => "documents",
            Domain::Warehousing => "warehousing",
            Domain::Finance => "finance",
            Domain::Geography => "geography",
        }
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A string that names no domain we know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownDomain(pub String);

impl fmt::Display for UnknownDomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown domain '{}'", self.0)
    }
}

impl std::error::Error for UnknownDomain {}

impl FromStr for Domain {
    type Err = UnknownDomain;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Domain::ALL
            .into_iter()
            .find(|domain| domain.id() == s.trim())
            .ok_or_else(|| UnknownDomain(s.to_string()))
    }
}

/// What a term is to its concept, in the order a language's terms are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    /// The preferred term of its language.
    Preferred,
    /// Another admitted term.
    Synonym,
    /// An abbreviation or acronym (B/L, СМГС, TEU).
    Abbreviation,
    /// A form still met but not to be used.
    Deprecated,
}

impl TermKind {
    /// The stable name used in files and the database.
    pub fn name(self) -> &'static str {
        match self {
            TermKind::Preferred => "preferred",
            TermKind::Synonym => "synonym",
            TermKind::Abbreviation => "abbreviation",
            TermKind::Deprecated => "deprecated",
        }
    }

    /// The kind with this name, if any.
    pub fn from_name(name: &str) -> Option<TermKind> {
        [
            TermKind::Preferred,
            TermKind::Synonym,
            TermKind::Abbreviation,
            TermKind::Deprecated,
        ]
        .into_iter()
        .find(|kind| kind.name() == name)
    }
}

/// One designation of a concept in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// The written form.
    pub text: String,
    /// Hanyu Pinyin with tone marks; only for Chinese terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinyin: Option<String>,
    /// Preferred, synonym, abbreviation or deprecated.
    pub kind: TermKind,
}

/// Everything a concept says in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LangEntry {
    /// The preferred term first, then synonyms, abbreviations and deprecated forms.
    pub terms: Vec<Term>,
    /// A one- or two-sentence definition, if written for this language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    /// An example of use, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
}

impl LangEntry {
    /// The preferred term, if the language has one.
    pub fn preferred(&self) -> Option<&Term> {
        self.terms.first()
    }
}

/// Where a concept comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Shipped with Keruen in the bundled termbase.
    Bundled,
    /// Added by the user.
    User,
}

/// One entry of the termbase: one concept, named in four languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    /// Stable slug (`container-train`); never changes once released.
    pub id: String,
    /// The subject field.
    pub domain: Domain,
    /// Bundled or added by the user.
    pub origin: Origin,
    /// Whether the seed article uses this concept.
    pub from_article: bool,
    /// A short paraphrase of where the seed article uses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_context: Option<String>,
    /// Where the usage is attested.
    pub source: String,
    /// A usage note for learners (English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Ids of concepts allowed to share a preferred term with this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub homonyms: Vec<String>,
    /// Kazakh.
    pub kk: LangEntry,
    /// Russian.
    pub ru: LangEntry,
    /// Chinese.
    pub zh: LangEntry,
    /// English.
    pub en: LangEntry,
}

impl Concept {
    /// The entry of one language.
    pub fn lang(&self, lang: Lang) -> &LangEntry {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// The entry of one language, to change it.
    pub fn lang_mut(&mut self, lang: Lang) -> &mut LangEntry {
        match lang {
            Lang::Kk => &mut self.kk,
            Lang::Ru => &mut self.ru,
            Lang::Zh => &mut self.zh,
            Lang::En => &mut self.en,
        }
    }

    /// The preferred term's text in one language, or "" when there is none.
    pub fn preferred(&self, lang: Lang) -> &str {
        self.lang(lang)
            .preferred()
            .map_or("", |term| term.text.as_str())
    }

    /// The pinyin of the preferred Chinese term, or "".
    pub fn pinyin(&self) -> &str {
        self.zh
            .preferred()
            .and_then(|term| term.pinyin.as_deref())
            .unwrap_or("")
    }
}
