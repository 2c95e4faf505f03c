//! Checking a typed answer. Pinyin is accepted with tone marks (`tídān`) or tone numbers
//! (`ti2dan1`), and a wrong tone is told apart from a wrong syllable; Kazakh, Russian and
//! English answers forgive case, ё/е and extra spaces.

use crate::model::{Concept, Lang, TermKind};
use crate::script::is_han;
use crate::syllables::{self, Piece};
use crate::termbase::validate::strip_tones;

/// A syllable whose tone was missed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToneSlip {
    /// The syllable as it should be written, with its tone mark.
    pub syllable: String,
    /// The tone it carries (5 = neutral).
    pub expected: u8,
    /// The tone typed, None when none was given.
    pub typed: Option<u8>,
}

/// How a typed answer compares with the card's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Right (`term` is the accepted term it matched).
    Correct {
        /// The term matched.
        term: String,
    },
    /// The right syllables with one or more wrong or missing tones.
    ToneError {
        /// The term matched, with its pinyin.
        term: String,
        /// The syllables whose tone was wrong, in order.
        slips: Vec<ToneSlip>,
    },
    /// Not the answer.
    Wrong,
}

/// Checks `typed` against every accepted term of `concept` in `lang` (preferred terms,
/// synonyms and abbreviations) and returns the best verdict.
pub fn check(concept: &Concept, lang: Lang, typed: &str) -> Verdict {
    let typed = typed.trim();
    if typed.is_empty() {
        return Verdict::Wrong;
    }
    let accepted = concept
        .lang(lang)
        .terms
        .iter()
        .filter(|term| term.kind != TermKind::Deprecated);
    let mut best = Verdict::Wrong;
    for term in accepted {
        if same_text(&term.text, typed) {
            return Verdict::Correct {
                term: term.text.clone(),
            };
        }
        if lang != Lang::Zh || typed.chars().any(is_han) {
            continue;
        }
        let Some(pinyin) = term.pinyin.as_deref() else {
            continue;
        };
        match compare_pinyin(pinyin, typed) {
            Some(slips) if slips.is_empty() => {
                return Verdict::Correct {
                    term: format!("{} {pinyin}", term.text),
                };
            }
            Some(slips) if best == Verdict::Wrong => {
                best = Verdict::ToneError {
                    term: format!("{} {pinyin}", term.text),
                    slips,
                }
            }
            _ => {}
        }
    }
    best
}

/// Case, ё/е and spacing aside, whether two answers are the same.
fn same_text(expected: &str, typed: &str) -> bool {
    let fold = |text: &str| -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .replace('ё', "е")
            .trim_end_matches(['.', '!', ';'])
            .to_string()
    };
    fold(expected) == fold(typed)
}

/// Typed pinyin reduced to toneless letters, with the tones it gives and where.
struct TypedPinyin {
    letters: Vec<char>,
    /// (index into `letters`, tone 1–5)
    tones: Vec<(usize, u8)>,
}

fn read_typed(typed: &str) -> TypedPinyin {
    let mut letters = Vec::new();
    let mut tones = Vec::new();
    let lowered = typed.to_lowercase().replace("u:", "ü");
    for c in lowered.chars() {
        match c {
            '1'..='5' if !letters.is_empty() => {
                tones.push((letters.len() - 1, c as u8 - b'0'));
            }
            'v' => letters.push('ü'),
            c if c.is_alphabetic() => {
                let tone = syllables::tone_of(c.encode_utf8(&mut [0; 4]));
                if tone != 5 {
                    tones.push((letters.len(), tone));
                }
                letters.extend(strip_tones(c.encode_utf8(&mut [0; 4])).chars());
            }
            _ => {}
        }
    }
    TypedPinyin { letters, tones }
}

/// None when the syllables differ; otherwise the syllables whose tone is wrong.
fn compare_pinyin(expected: &str, typed: &str) -> Option<Vec<ToneSlip>> {
    let typed = read_typed(typed);
    let mut letters = Vec::new();
    let mut slips = Vec::new();
    for piece in syllables::split(&expected.to_lowercase()) {
        let Piece::Syllable(syllable) = piece else {
            continue;
        };
        let start = letters.len();
        letters.extend(strip_tones(syllable.text).chars());
        let end = letters.len();
        let given = typed
            .tones
            .iter()
            .rev()
            .find(|(at, _)| (start..end).contains(at))
            .map(|&(_, tone)| tone);
        let fits = match (syllable.tone, given) {
            (5, None | Some(5)) => true,
            (expected, Some(given)) => expected == given,
            (_, None) => false,
        };
        if !fits {
            slips.push(ToneSlip {
                syllable: syllable.text.to_string(),
                expected: syllable.tone,
                typed: given,
            });
        }
    }
    (letters == typed.letters).then_some(slips)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_numbers_and_tone_marks_are_both_right() {
        assert_eq!(compare_pinyin("tídān", "ti2dan1"), Some(vec![]));
        assert_eq!(compare_pinyin("tídān", "tí dān"), Some(vec![]));
        assert_eq!(compare_pinyin("xiāngzi", "xiang1zi"), Some(vec![]));
        assert_eq!(compare_pinyin("lǜsè", "lv4se4"), Some(vec![]));
    }

    #[test]
    fn a_wrong_tone_is_not_a_wrong_syllable() {
        let slips = compare_pinyin("tídān", "ti3dan1").unwrap();
        assert_eq!(slips.len(), 1);
        assert_eq!(slips[0].syllable, "tí");
        assert_eq!(slips[0].typed, Some(3));
        let missing = compare_pinyin("tídān", "tidan").unwrap();
        assert_eq!(missing.len(), 2);
        assert_eq!(compare_pinyin("tídān", "tidang1"), None);
    }

    #[test]
    fn cyrillic_answers_forgive_case_and_yo() {
        assert!(same_text(
            "Тариф на перевозку ёмкостей",
            "тариф на  перевозку емкостей"
        ));
        assert!(!same_text("кеден", "кедэн"));
    }
}
