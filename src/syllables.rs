//! Pinyin syllables: splitting written pinyin into syllables and reading their tones.

use crate::termbase::validate::strip_tones;
use ::pinyin::ToPinyin;
use std::collections::HashSet;
use std::sync::OnceLock;

/// One syllable of written pinyin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable<'a> {
    /// The syllable as written, with its tone mark.
    pub text: &'a str,
    /// 1–4, or 5 for the neutral tone.
    pub tone: u8,
}

/// Every toneless Hanyu Pinyin syllable (with `ü`), as the `pinyin` crate reads the CJK
/// Unified Ideographs block.
fn syllable_set() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        ('\u{4E00}'..='\u{9FFF}')
            .filter_map(|c| c.to_pinyin())
            .map(|p| strip_tones(p.with_tone()))
            .collect()
    })
}

/// Whether `toneless` (lower case, `ü` with dots) is a pinyin syllable.
pub fn is_syllable(toneless: &str) -> bool {
    syllable_set().contains(toneless)
}

/// The tone a written syllable carries: 1–4 by its mark, 5 when it has none.
pub fn tone_of(syllable: &str) -> u8 {
    for c in syllable.chars() {
        match c {
            'ā' | 'ē' | 'ī' | 'ō' | 'ū' | 'ǖ' | 'Ā' | 'Ē' | 'Ī' | 'Ō' | 'Ū' => return 1,
            'á' | 'é' | 'í' | 'ó' | 'ú' | 'ǘ' | 'Á' | 'É' | 'Í' | 'Ó' | 'Ú' => return 2,
            'ǎ' | 'ě' | 'ǐ' | 'ǒ' | 'ǔ' | 'ǚ' | 'Ǎ' | 'Ě' | 'Ǐ' | 'Ǒ' | 'Ǔ' => return 3,
            'à' | 'è' | 'ì' | 'ò' | 'ù' | 'ǜ' | 'À' | 'È' | 'Ì' | 'Ò' | 'Ù' => return 4,
            _ => {}
        }
    }
    5
}

/// Splits written pinyin (`jízhuāngxiāng bānliè`, `Xī'ān`) into syllables and the
/// separators between them, in order; text that is not pinyin comes back as separators.
pub fn split(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let letters_end = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(at, _)| at);
        if letters_end == 0 {
            let c = rest.chars().next().expect("rest is not empty");
            pieces.push(Piece::Separator(&rest[..c.len_utf8()]));
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let word = &rest[..letters_end];
        match split_word(word) {
            Some(syllables) => pieces.extend(syllables.into_iter().map(Piece::Syllable)),
            None => pieces.push(Piece::Separator(word)),
        }
        rest = &rest[letters_end..];
    }
    pieces
}

/// A pinyin reading suggested for Chinese text: each character's most common reading
/// with its tone mark, the syllables of a word run together (`提单` → `tídān`); other
/// characters are kept. Polyphonic characters may need correcting by hand.
pub fn suggest(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c.to_pinyin() {
            Some(reading) => out.push_str(reading.with_tone()),
            None if c.is_whitespace() => out.push(' '),
            None => out.push(c),
        }
    }
    out
}

/// A piece of written pinyin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A syllable with its tone.
    Syllable(Syllable<'a>),
    /// Spaces, apostrophes, hyphens or anything that is not pinyin.
    Separator(&'a str),
}

/// Splits one run of letters into syllables, preferring the longest first syllable that
/// lets the rest split too.
fn split_word(word: &str) -> Option<Vec<Syllable<'_>>> {
    if word.is_empty() {
        return Some(Vec::new());
    }
    let ends: Vec<usize> = word
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .take(6)
        .collect();
    for &end in ends.iter().rev() {
        let head = &word[..end];
        if is_syllable(&strip_tones(&head.to_lowercase()))
            && let Some(mut tail) = split_word(&word[end..])
        {
            tail.insert(
                0,
                Syllable {
                    text: head,
                    tone: tone_of(head),
                },
            );
            return Some(tail);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syllables(text: &str) -> Vec<(&str, u8)> {
        split(text)
            .into_iter()
            .filter_map(|piece| match piece {
                Piece::Syllable(s) => Some((s.text, s.tone)),
                Piece::Separator(_) => None,
            })
            .collect()
    }

    #[test]
    fn splits_words_into_syllables_with_tones() {
        assert_eq!(
            syllables("jízhuāngxiāng bānliè"),
            vec![
                ("jí", 2),
                ("zhuāng", 1),
                ("xiāng", 1),
                ("bān", 1),
                ("liè", 4)
            ]
        );
        assert_eq!(syllables("Xī'ān"), vec![("Xī", 1), ("ān", 1)]);
        assert_eq!(syllables("tídān"), vec![("tí", 2), ("dān", 1)]);
        assert_eq!(syllables("xiāngzi"), vec![("xiāng", 1), ("zi", 5)]);
    }

    #[test]
    fn suggests_the_reading_of_characters() {
        assert_eq!(suggest("提单"), "tídān");
        assert_eq!(suggest("集装箱"), "jízhuāngxiāng");
    }

    #[test]
    fn keeps_separators() {
        assert_eq!(
            split("dì-wǔ"),
            vec![
                Piece::Syllable(Syllable {
                    text: "dì",
                    tone: 4
                }),
                Piece::Separator("-"),
                Piece::Syllable(Syllable {
                    text: "wǔ",
                    tone: 3
                }),
            ]
        );
    }
}
