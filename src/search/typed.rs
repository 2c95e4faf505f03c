//! One query as typed, folded once: its words, and its canonical Latin spellings when it
//! is typed in Latin letters, shared by every tier that reads them.

use super::normalize::fold;
use super::translit;
use std::cell::OnceCell;

/// A query and the forms the tiers search with.
pub struct Typed<'a> {
    query: &'a str,
    /// The query folded (see [`fold`]).
    pub folded: String,
    /// The words of the folded query.
    pub words: Vec<String>,
    latin: OnceCell<Vec<Vec<String>>>,
}

impl<'a> Typed<'a> {
    /// Folds `query` and splits it into words; the Latin spellings wait until asked for.
    pub fn new(query: &'a str) -> Typed<'a> {
        let folded = fold(query);
        let words = words(&folded);
        Typed {
            query,
            folded,
            words,
            latin: OnceCell::new(),
        }
    }

    /// The words of each canonical Latin spelling of the query (see
    /// [`translit::query_keys`]); none unless it is typed in Latin letters.
    pub fn latin(&self) -> &[Vec<String>] {
        self.latin.get_or_init(|| {
            if is_latin(&self.folded) {
                translit::query_keys_folded(self.query, &self.folded)
                    .iter()
                    .map(|key| words(key))
                    .collect()
            } else {
                Vec::new()
            }
        })
    }
}

/// Splits a folded query into words; pinyin with tone numbers (`ti2dan1`) loses the digits.
fn words(folded: &str) -> Vec<String> {
    folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|word| {
            let pinyin_with_numbers = word.bytes().any(|b| b.is_ascii_digit())
                && word.bytes().all(|b| b.is_ascii_alphanumeric())
                && word.starts_with(|c: char| c.is_ascii_alphabetic())
                && word.bytes().filter(u8::is_ascii_digit).all(|b| b <= b'5');
            if pinyin_with_numbers {
                word.chars().filter(|c| !c.is_ascii_digit()).collect()
            } else {
                word.to_string()
            }
        })
        .collect()
}

/// Whether folded text is written in Latin letters, Kazakh Latin included.
fn is_latin(folded: &str) -> bool {
    folded.chars().any(|c| c.is_ascii_alphabetic()) && folded.is_ascii()
        || folded
            .chars()
            .any(|c| matches!(c, 'ä' | 'ğ' | 'ñ' | 'ö' | 'ı' | 'ç' | 'ş'))
}
