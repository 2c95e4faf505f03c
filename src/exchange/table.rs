//! The columns of Keruen's CSV: which field of a concept each one holds, how it is written
//! into a cell and read back.

use crate::model::{Concept, Lang, TermKind};
use std::borrow::Cow;

/// Separates the items of a list cell (synonyms, abbreviations, homonyms).
pub const LIST_SEPARATOR: &str = " | ";

/// A field of a concept that a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The stable id.
    Id,
    /// The preferred term of a language.
    Preferred(Lang),
    /// The pinyin of the preferred Chinese term.
    Pinyin,
    /// Synonyms of a language.
    Synonyms(Lang),
    /// Abbreviations of a language.
    Abbreviations(Lang),
    /// Deprecated forms of a language.
    Deprecated(Lang),
    /// The definition in a language.
    Definition(Lang),
    /// The example in a language.
    Example(Lang),
    /// The domain id.
    Domain,
    /// Tags (written for spreadsheets and Anki; derived, so ignored on import).
    Tags,
    /// Where the usage is attested.
    Source,
    /// A usage note.
    Note,
    /// Whether the seed article uses the concept.
    FromArticle,
    /// Where the seed article uses it.
    ArticleContext,
    /// Concepts allowed to share a preferred term with this one.
    Homonyms,
}

const L: [Lang; 4] = Lang::ALL;

impl Field {
    /// Every column of an export, in order: the ones people read first, then the rest.
    pub const EXPORTED: [Field; 33] = [
        Field::Id,
        Field::Preferred(Lang::Kk),
        Field::Preferred(Lang::Ru),
        Field::Preferred(Lang::Zh),
        Field::Pinyin,
        Field::Preferred(Lang::En),
        Field::Synonyms(L[0]),
        Field::Synonyms(L[1]),
        Field::Synonyms(L[2]),
        Field::Synonyms(L[3]),
        Field::Definition(L[0]),
        Field::Definition(L[1]),
        Field::Definition(L[2]),
        Field::Definition(L[3]),
        Field::Domain,
        Field::Tags,
        Field::Abbreviations(L[0]),
        Field::Abbreviations(L[1]),
        Field::Abbreviations(L[2]),
        Field::Abbreviations(L[3]),
        Field::Deprecated(L[0]),
        Field::Deprecated(L[1]),
        Field::Deprecated(L[2]),
        Field::Deprecated(L[3]),
        Field::Example(L[0]),
        Field::Example(L[1]),
        Field::Example(L[2]),
        Field::Example(L[3]),
        Field::Source,
        Field::Note,
        Field::FromArticle,
        Field::ArticleContext,
        Field::Homonyms,
    ];

    /// The column's header name.
    pub fn name(self) -> &'static str {
        const SYN: [&str; 4] = ["kk_synonyms", "ru_synonyms", "zh_synonyms", "en_synonyms"];
        const ABBR: [&str; 4] = [
            "kk_abbreviations",
            "ru_abbreviations",
            "zh_abbreviations",
            "en_abbreviations",
        ];
        const DEP: [&str; 4] = [
            "kk_deprecated",
            "ru_deprecated",
            "zh_deprecated",
            "en_deprecated",
        ];
        const DEF: [&str; 4] = [
            "kk_definition",
            "ru_definition",
            "zh_definition",
            "en_definition",
        ];
        const EX: [&str; 4] = ["kk_example", "ru_example", "zh_example", "en_example"];
        let at = |lang: Lang| L.iter().position(|&l| l == lang).expect("a language");
        match self {
            Field::Id => "id",
            Field::Preferred(lang) => lang.code(),
            Field::Pinyin => "pinyin",
            Field::Synonyms(lang) => SYN[at(lang)],
            Field::Abbreviations(lang) => ABBR[at(lang)],
            Field::Deprecated(lang) => DEP[at(lang)],
            Field::Definition(lang) => DEF[at(lang)],
            Field::Example(lang) => EX[at(lang)],
            Field::Domain => "domain",
            Field::Tags => "tags",
            Field::Source => "source",
            Field::Note => "note",
            Field::FromArticle => "from_article",
            Field::ArticleContext => "article_context",
            Field::Homonyms => "homonyms",
        }
    }

    /// The field a header names: Keruen's own names, or a language's name in English,
    /// Russian, Kazakh or Chinese. Case, spaces and dashes do not matter.
    pub fn from_header(header: &str) -> Option<Field> {
        let key = header
            .trim()
            .trim_start_matches('\u{FEFF}')
            .to_lowercase()
            .replace([' ', '-'], "_");
        if let Some(field) = Field::EXPORTED.into_iter().find(|f| f.name() == key) {
            return Some(field);
        }
        let lang = match key.as_str() {
            "kazakh" | "қазақша" | "казахский" | "哈萨克语" => Lang::Kk,
            "russian" | "русский" | "орысша" | "俄语" => Lang::Ru,
            "chinese" | "китайский" | "қытайша" | "中文" | "汉语" => Lang::Zh,
            "english" | "английский" | "ағылшынша" | "英语" => Lang::En,
            "拼音" => return Some(Field::Pinyin),
            _ => return None,
        };
        Some(Field::Preferred(lang))
    }

    /// The cell this field writes for `concept`.
    pub fn get<'c>(self, concept: &'c Concept) -> Cow<'c, str> {
        let list = |lang, kind| Cow::Owned(super::csv::list_cell(concept, lang, kind));
        let optional = |text: &'c Option<String>| Cow::Borrowed(text.as_deref().unwrap_or(""));
        match self {
            Field::Id => Cow::Borrowed(&concept.id),
            Field::Preferred(lang) => Cow::Borrowed(
                concept
                    .lang(lang)
                    .preferred()
                    .filter(|t| t.kind == TermKind::Preferred)
                    .map_or("", |t| t.text.as_str()),
            ),
            Field::Pinyin => Cow::Borrowed(
                concept
                    .zh
                    .preferred()
                    .filter(|t| t.kind == TermKind::Preferred)
                    .and_then(|t| t.pinyin.as_deref())
                    .unwrap_or(""),
            ),
            Field::Synonyms(lang) => list(lang, TermKind::Synonym),
            Field::Abbreviations(lang) => list(lang, TermKind::Abbreviation),
            Field::Deprecated(lang) => list(lang, TermKind::Deprecated),
            Field::Definition(lang) => optional(&concept.lang(lang).definition),
            Field::Example(lang) => optional(&concept.lang(lang).example),
            Field::Domain => Cow::Borrowed(concept.domain.id()),
            Field::Tags if concept.from_article => {
                Cow::Owned(format!("{} article", concept.domain.id()))
            }
            Field::Tags => Cow::Borrowed(concept.domain.id()),
            Field::Source => Cow::Borrowed(&concept.source),
            Field::Note => optional(&concept.note),
            Field::FromArticle => Cow::Borrowed(if concept.from_article { "yes" } else { "" }),
            Field::ArticleContext => optional(&concept.article_context),
            Field::Homonyms => Cow::Owned(concept.homonyms.join(LIST_SEPARATOR)),
        }
    }
}
