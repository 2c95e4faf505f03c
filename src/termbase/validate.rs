//! The in-repository checks of CONTENT.md, run over the whole termbase by the tests.

use crate::model::{Concept, Lang, TermKind};
use crate::script::{is_cyrillic, is_han};
use ::pinyin::ToPinyinMulti;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One thing wrong with one concept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The concept's id (or the missing released id).
    pub concept: String,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.concept, self.message)
    }
}

/// Checks every concept and the set as a whole; `released` lists ids that must exist.
pub fn validate(concepts: &[Concept], released: &[String]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for concept in concepts {
        let mut report = |message: String| {
            problems.push(Problem {
                concept: concept.id.clone(),
                message,
            })
        };
        check_fields(concept, &mut report);
        check_scripts(concept, &mut report);
        check_pinyin(concept, &mut report);
    }
    check_ids(concepts, released, &mut problems);
    check_shared_terms(concepts, &mut problems);
    problems
}

/// The checks a concept of the user's own must pass (added in the window or imported):
/// a slug id, no empty term, pinyin on every Chinese term that fits its characters, each
/// script in its place. Unlike the bundled termbase, languages and definitions may be
/// missing.
pub fn user_concept_problems(concept: &Concept) -> Vec<String> {
    let mut problems = Vec::new();
    let mut report = |message: String| problems.push(message);
    if !is_slug(&concept.id) {
        report(format!(
            "the id '{}' must be lower-case Latin letters, digits and dashes",
            concept.id
        ));
    }
    for lang in Lang::ALL {
        if concept
            .lang(lang)
            .terms
            .iter()
            .any(|t| t.text.trim().is_empty())
        {
            report(format!("an empty {lang} term"));
        }
    }
    for term in &concept.zh.terms {
        if term.pinyin.as_deref().is_none_or(|p| p.trim().is_empty()) {
            report(format!("the Chinese term '{}' needs its pinyin", term.text));
        }
    }
    check_scripts(concept, &mut report);
    check_pinyin(concept, &mut report);
    problems
}

/// Whether `id` is an English kebab-case slug.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn check_fields(concept: &Concept, report: &mut impl FnMut(String)) {
    for lang in Lang::ALL {
        let entry = concept.lang(lang);
        match entry.terms.first() {
            Some(term) if term.kind == TermKind::Preferred && !term.text.is_empty() => {}
            _ => report(format!("no preferred {lang} term")),
        }
        if entry.terms.iter().any(|term| term.text.trim().is_empty()) {
            report(format!("an empty {lang} term"));
        }
    }
    for lang in [Lang::En, Lang::Ru] {
        if concept.lang(lang).definition.is_none() {
            report(format!("no {lang} definition"));
        }
    }
    if concept.source.trim().is_empty() {
        report("no source".into());
    }
    if concept.from_article && concept.article_context.is_none() {
        report("from the article, but no article context".into());
    }
    if let Some(context) = &concept.article_context
        && context.split_whitespace().count() >= 25
    {
        report("the article context is 25 words or more: paraphrase it shorter".into());
    }
    for term in &concept.zh.terms {
        if term.pinyin.as_deref().is_none_or(str::is_empty) {
            report(format!("zh '{}' has no pinyin", term.text));
        }
    }
    for lang in [Lang::Kk, Lang::Ru, Lang::En] {
        if let Some(term) = concept.lang(lang).terms.iter().find(|t| t.pinyin.is_some()) {
            report(format!("{lang} '{}' carries pinyin", term.text));
        }
    }
}

/// Punctuation and digits a Chinese term may hold besides Han characters.
const ZH_ALLOWED: &str = "0123456789·（）()、／/-—《》“”";

/// Whether `c` is a letter of Hanyu Pinyin (with or without a tone mark).
fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙÜ".contains(c)
}

fn check_scripts(concept: &Concept, report: &mut impl FnMut(String)) {
    for lang in [Lang::Kk, Lang::Ru] {
        let entry = concept.lang(lang);
        for term in &entry.terms {
            if let Some(bad) = term
                .text
                .chars()
                .find(|c| c.is_alphabetic() && !is_cyrillic(*c))
            {
                report(format!(
                    "{lang} '{}' holds the non-Cyrillic letter '{bad}' (U+{:04X})",
                    term.text, bad as u32
                ));
            }
        }
        for text in entry.definition.iter().chain(&entry.example) {
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                let cyrillic = word.chars().any(is_cyrillic);
                let latin = word.chars().any(|c| c.is_ascii_alphabetic());
                if cyrillic && latin {
                    report(format!(
                        "{lang} word '{word}' mixes Cyrillic and Latin letters"
                    ));
                }
            }
        }
    }
    for term in &concept.zh.terms {
        if let Some(bad) = term
            .text
            .chars()
            .find(|c| !is_han(*c) && !ZH_ALLOWED.contains(*c))
        {
            report(format!(
                "zh '{}' holds '{bad}', which is not a Han character",
                term.text
            ));
        }
        if let Some(pinyin) = &term.pinyin
            && let Some(bad) = pinyin
                .chars()
                .find(|c| !is_pinyin_letter(*c) && !" '-0123456789·/".contains(*c))
        {
            report(format!("pinyin '{pinyin}' holds '{bad}'"));
        }
    }
    for term in &concept.en.terms {
        if let Some(bad) = term.text.chars().find(|c| is_cyrillic(*c) || is_han(*c)) {
            report(format!("en '{}' holds '{bad}'", term.text));
        }
    }
}

/// Removes tone marks from a pinyin syllable (`lǜ` → `lü`).
pub fn strip_tones(syllable: &str) -> String {
    syllable
        .chars()
        .map(|c| match c {
            'ā' | 'á' | 'ǎ' | 'à' => 'a',
            'ē' | 'é' | 'ě' | 'è' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
            'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'ü',
            other => other,
        })
        .collect()
}

/// The readings (with tone marks) the `pinyin` crate knows for a character.
fn readings(c: char) -> Vec<&'static str> {
    c.to_pinyin_multi()
        .map(|multi| multi.into_iter().map(|p| p.with_tone()).collect())
        .unwrap_or_default()
}

/// Splits `spelled` (lowercase pinyin without separators) into one reading per character,
/// each a known reading of that character or its toneless (neutral-tone) form.
fn align(chars: &[char], spelled: &str) -> Option<Vec<String>> {
    let Some((&first, rest_chars)) = chars.split_first() else {
        return spelled.is_empty().then(Vec::new);
    };
    let mut candidates: Vec<String> = readings(first).into_iter().map(str::to_string).collect();
    candidates.extend(candidates.clone().iter().map(|r| strip_tones(r)));
    candidates.sort_by_key(|r| std::cmp::Reverse(r.chars().count()));
    candidates.dedup();
    candidates.into_iter().find_map(|reading| {
        let tail = spelled.strip_prefix(reading.as_str())?;
        let mut rest = align(rest_chars, tail)?;
        rest.insert(0, reading);
        Some(rest)
    })
}

fn check_pinyin(concept: &Concept, report: &mut impl FnMut(String)) {
    for term in &concept.zh.terms {
        let Some(pinyin) = &term.pinyin else { continue };
        let chars: Vec<char> = term.text.chars().filter(|c| is_han(*c)).collect();
        let spelled: String = pinyin
            .to_lowercase()
            .chars()
            .filter(|c| is_pinyin_letter(*c))
            .collect();
        if align(&chars, &spelled).is_none() {
            report(format!(
                "pinyin '{pinyin}' is not a reading of '{}' syllable by syllable",
                term.text
            ));
        }
    }
}

fn check_ids(concepts: &[Concept], released: &[String], problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for concept in concepts {
        if !is_slug(&concept.id) {
            problems.push(Problem {
                concept: concept.id.clone(),
                message: "the id is not a kebab-case slug".into(),
            });
        }
        if !seen.insert(concept.id.as_str()) {
            problems.push(Problem {
                concept: concept.id.clone(),
                message: "the id is used twice".into(),
            });
        }
    }
    for id in released {
        if !seen.contains(id.as_str()) {
            problems.push(Problem {
                concept: id.clone(),
                message: "a released id is missing: released ids never disappear".into(),
            });
        }
    }
}

fn check_shared_terms(concepts: &[Concept], problems: &mut Vec<Problem>) {
    for lang in Lang::ALL {
        let mut owners: HashMap<String, &Concept> = HashMap::new();
        for concept in concepts {
            let key = concept.preferred(lang).to_lowercase().replace('ё', "е");
            if key.is_empty() {
                continue;
            }
            if let Some(other) = owners.get(&key) {
                let declared =
                    concept.homonyms.contains(&other.id) || other.homonyms.contains(&concept.id);
                if !declared {
                    problems.push(Problem {
                        concept: concept.id.clone(),
                        message: format!(
                            "shares its preferred {lang} term '{}' with '{}' without being marked as homonyms",
                            concept.preferred(lang),
                            other.id
                        ),
                    });
                }
            } else {
                owners.insert(key, concept);
            }
        }
    }
}
