//! Query words reduced to stems that start the words of their base forms: Russian with the
//! Snowball stemmer, Kazakh and English by cutting their inflections. Stems are matched as
//! prefixes of the terms' own words, so a stemmer may cut a word but never rewrite its end:
//! Porter's `duties` → `duti` would miss `duty`, where the cut `dut` finds it.

mod kazakh;

use super::space::Space;
use crate::script::is_cyrillic;
use kazakh::kazakh_stem;
use rust_stemmers::{Algorithm, Stemmer};

/// Letters a Russian inflected ending may add to a stem (`-ами`, `-ого`).
pub const ENDING: usize = 3;

/// Letters an English base form may add to its stem: the `e` or `y` that an inflection
/// replaced (`stor`: store, `dut`: duty). A longer word sharing the stem is another word.
const ENGLISH_ENDING: usize = 1;

/// The vowels of folded Russian and Kazakh (`ә` is `а`, `і` is `и`, `ө` is `о`).
const VOWELS: [char; 9] = ['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я'];

/// Words shorter than this are not stemmed: their endings are too much of the word.
const SHORTEST: usize = 4;

/// The languages a word in Cyrillic letters may be read in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Cyrillic {
    /// Kazakh (folded) or Russian.
    KazakhOrRussian,
    /// Russian only.
    Russian,
}

/// The query's words reduced to their stems, if that changes any and the stems may find
/// something in `space`; words in Cyrillic letters are read as `cyrillic` says.
pub fn stems(words: &[String], space: &Space, cyrillic: Cyrillic) -> Option<Vec<String>> {
    // The stem tier finds a key only if some vocabulary word starts with the first word's
    // stem (its fallback, the words run together, starts with it too). A Russian stem
    // keeps the word up to its first vowel (Snowball strips endings only after it), and so
    // does a Kazakh one (a stem has a vowel, and its endings start after it), so with no
    // vocabulary word starting so, stemming cannot help.
    if let Some(first) = words.first()
        && first.chars().count() >= SHORTEST
        && first.chars().any(is_cyrillic)
        && let Some((at, vowel)) = first.char_indices().find(|(_, c)| VOWELS.contains(c))
        && space
            .words_with_prefix(&first[..at + vowel.len_utf8()])
            .is_empty()
    {
        return None;
    }
    let russian = Stemmer::create(Algorithm::Russian);
    let stemmed: Vec<String> = words
        .iter()
        .map(|word| {
            if word.chars().count() < SHORTEST {
                word.clone()
            } else if word.chars().any(is_cyrillic) {
                cyrillic_stem(word, space, cyrillic, &russian)
            } else if word.bytes().all(|b| b.is_ascii_lowercase()) {
                english_stem(word).to_string()
            } else {
                word.clone()
            }
        })
        .collect();
    (stemmed != words).then_some(stemmed)
}

/// The stem of a word in Cyrillic letters, read as `cyrillic` says. Folded Kazakh is
/// Cyrillic too: a word whose Kazakh endings cut off leave a whole word (`жүктерді`: жүк)
/// is read as Kazakh, and so is one that nothing Russian explains.
fn cyrillic_stem(word: &str, space: &Space, cyrillic: Cyrillic, russian: &Stemmer) -> String {
    let starts_words = |stem: &str| !space.words_with_prefix(stem).is_empty();
    let kazakh = match cyrillic {
        Cyrillic::KazakhOrRussian => kazakh_stem(word, space),
        Cyrillic::Russian => None,
    };
    if let Some(kazakh) = &kazakh
        && kazakh.whole_word
    {
        return kazakh.stem.clone();
    }
    let stem = russian.stem(word);
    if stem != word && starts_words(&stem) {
        return stem.into_owned();
    }
    // Snowball cut nothing, or nothing that starts a word: perhaps a genitive plural that
    // a term holds as it is (`объём перевозок`), but whose base form is wanted too.
    if let Some(stem) = without_fleeting_vowel(word).filter(|stem| starts_words(stem)) {
        return stem;
    }
    if stem == word && starts_words(&stem) {
        return stem.into_owned();
    }
    kazakh.map_or_else(|| stem.into_owned(), |kazakh| kazakh.stem)
}

/// A word ending in `-ок` or `-ек` without that vowel: the genitive plural of a noun whose
/// stem ends in к puts a vowel before it (`перевозок`, `наценок`: перевозка, наценка),
/// which Snowball keeps. Other words so ending give stems that start no word, or a word
/// of the same family (`порошок`: порошка).
fn without_fleeting_vowel(word: &str) -> Option<String> {
    let head = word
        .strip_suffix("ок")
        .or_else(|| word.strip_suffix("ек"))?;
    (head.chars().count() >= SHORTEST - 1).then(|| format!("{head}к"))
}

/// An English word (lower-case ASCII) without its plural, `-ing` or `-ed` ending, and
/// without the doubled consonant such an ending brings (`shipped`: `ship`). Words ending in
/// `ss`, `us` or `is` (`express`, `bus`, `basis`) are not plurals.
fn english_stem(word: &str) -> &str {
    let cut = |ending: &str| {
        word.strip_suffix(ending)
            .filter(|stem| stem.len() >= SHORTEST - 1)
    };
    if let Some(stem) = cut("ies").or_else(|| cut("es")) {
        return stem;
    }
    if let Some(stem) = cut("s")
        && !stem.ends_with(['s', 'u', 'i'])
    {
        return stem;
    }
    match cut("ing").or_else(|| cut("ed")) {
        Some(stem) => undoubled(stem),
        None => word,
    }
}

/// `stem` without the second of two equal final consonants (`shipp`: `ship`).
fn undoubled(stem: &str) -> &str {
    let bytes = stem.as_bytes();
    match bytes {
        [.., a, b] if a == b && !b"aeiou".contains(b) => &stem[..stem.len() - 1],
        _ => stem,
    }
}

/// Whether `full` is the term that `stems` are the stems of, inflected: as many words, each
/// its stem and an ending of at most [`ENDING`] letters ([`ENGLISH_ENDING`] in Latin).
pub fn inflects(full: &str, stems: &[String]) -> bool {
    let mut words = full.split(' ');
    stems.iter().all(|stem| {
        let ending = if stem.chars().any(is_cyrillic) {
            ENDING
        } else {
            ENGLISH_ENDING
        };
        words.next().is_some_and(|word| {
            word.starts_with(stem.as_str()) && word.chars().count() <= stem.chars().count() + ending
        })
    }) && words.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::{english_stem, without_fleeting_vowel};

    #[test]
    fn genitive_plurals_lose_the_vowel_before_their_final_k() {
        assert_eq!(
            without_fleeting_vowel("перевозок").as_deref(),
            Some("перевозк")
        );
        assert_eq!(without_fleeting_vowel("наценок").as_deref(), Some("наценк"));
        assert_eq!(without_fleeting_vowel("срок"), None, "too short to be one");
        assert_eq!(without_fleeting_vowel("перевозка"), None);
    }

    #[test]
    fn english_endings_are_cut_and_never_rewritten() {
        for (word, stem) in [
            ("containers", "container"),
            ("duties", "dut"),
            ("countries", "countr"),
            ("boxes", "box"),
            ("packages", "packag"),
            ("loading", "load"),
            ("shipping", "ship"),
            ("shipped", "ship"),
            ("stored", "stor"),
            ("stuffing", "stuf"),
            ("express", "express"),
            ("surplus", "surplus"),
            ("basis", "basis"),
            ("container", "container"),
            ("bus", "bus"),
            ("sing", "sing"),
        ] {
            assert_eq!(english_stem(word), stem, "{word}");
        }
    }
}
