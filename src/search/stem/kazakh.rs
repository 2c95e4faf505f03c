//! Kazakh inflected words cut back to the word they inflect. Kazakh adds its endings in
//! layers, plural, then possessive, then case (`пойыз-дар-ы-нда`), each spelt several ways
//! by vowel harmony and by the sound before it. This works on folded text (`қ` → `к`,
//! `і` → `и`), so `қоймада` arrives as `коймада` and is cut to `койма`.

use super::VOWELS;
use crate::search::space::Space;
use std::borrow::Cow;

/// Plural endings: `-лар` after vowels and sonorants, `-дар` after voiced consonants,
/// `-тар` after voiceless ones, each with its front-vowel twin.
const PLURAL: [&str; 6] = ["лар", "лер", "дар", "дер", "тар", "тер"];

/// Third-person possessive endings (`жүк вагоны`, `кедендік декларациясы`): the form a
/// term takes inside a longer phrase.
const POSSESSIVE: [&str; 4] = ["сы", "си", "ы", "и"];

/// Case endings after a stem, a plural or a possessive (after a possessive only the
/// genitive, ablative and instrumental are Kazakh, but the others cost nothing to allow:
/// a cut counts only if it leaves a word of the vocabulary).
const CASE: [&str; 31] = [
    // genitive
    "нын", "нин", "дын", "дин", "тын", "тин", //
    // dative
    "га", "ге", "ка", "ке", //
    // accusative
    "ны", "ни", "ды", "ди", "ты", "ти", //
    // locative, and the adjective made from it (`қоймадағы`)
    "да", "де", "та", "те", "дагы", "деги", "тагы", "теги", //
    // ablative
    "дан", "ден", "тан", "тен", "нан", "нен", //
    // instrumental
    "мен",
];

/// Case endings that only follow a possessive ending (`декларациясын`, `қоймасында`).
const CASE_AFTER_POSSESSIVE: [&str; 7] = ["н", "на", "не", "нда", "нде", "ндагы", "ндеги"];

/// A stem keeps at least this many letters; shorter ones start too many words.
const SHORTEST_STEM: usize = 3;

/// A Kazakh word's stem, and how sure it is.
pub struct KazakhStem {
    /// The word without its endings.
    pub stem: String,
    /// Whether the stem is a whole word of the space (else it only starts one).
    pub whole_word: bool,
}

/// The stem of the Kazakh word `word` (folded): the shortest way of cutting its endings
/// that leaves a whole word of `space`, else the longest that leaves the start of one. A
/// stem that ends in `б` or `г` is read first as ending in `п` or `к`, which Kazakh voices
/// before a vowel (`жүгі`: жүк).
pub fn kazakh_stem(word: &str, space: &Space) -> Option<KazakhStem> {
    // The cuts are read shortest first, each once: the first whole word ends the search;
    // until then, the longest cut that starts a word is kept.
    let mut start: Option<(usize, Cow<str>)> = None;
    for (at, &stem) in cuts(word).iter().enumerate().rev() {
        let devoiced = devoiced(stem).map(Cow::Owned);
        for spelling in devoiced.into_iter().chain([Cow::Borrowed(stem)]) {
            let words = space.words_with_prefix(&spelling);
            if words.is_empty() {
                continue;
            }
            if space.word(words.start) == spelling {
                return Some(KazakhStem {
                    stem: spelling.into_owned(),
                    whole_word: true,
                });
            }
            if start.as_ref().is_none_or(|(kept, _)| *kept != at) {
                start = Some((at, spelling));
            }
        }
    }
    start.map(|(_, stem)| KazakhStem {
        stem: stem.into_owned(),
        whole_word: false,
    })
}

/// `stem` with a final `б` or `г` made `п` or `к`, if it ends so.
fn devoiced(stem: &str) -> Option<String> {
    let (head, last) = stem.char_indices().next_back()?;
    let voiceless = match last {
        'б' => 'п',
        'г' => 'к',
        _ => return None,
    };
    let mut devoiced = stem[..head].to_string();
    devoiced.push(voiceless);
    Some(devoiced)
}

/// Every stem that cutting a case, a possessive and a plural ending (each optional, in
/// that order from the end) leaves of `word`, longest first, `word` itself excluded.
fn cuts(word: &str) -> Vec<&str> {
    let after_case = std::iter::once((word, false))
        .chain(
            CASE.iter()
                .filter_map(|ending| cut(word, ending).map(|rest| (rest, false))),
        )
        .chain(
            CASE_AFTER_POSSESSIVE
                .iter()
                .filter_map(|ending| cut(word, ending).map(|rest| (rest, true))),
        );
    let mut stems = Vec::new();
    for (rest, needs_possessive) in after_case {
        // `-сы` follows a vowel, `-ы` a consonant (`декларациясы`, not `декларацияс-ы`).
        let possessive_cuts = POSSESSIVE.iter().filter_map(|ending| {
            cut(rest, ending).filter(|stem| ends_in_vowel(stem) == ending.starts_with('с'))
        });
        let unpossessed = (!needs_possessive).then_some(rest);
        for rest in unpossessed.into_iter().chain(possessive_cuts) {
            let plural_cuts = PLURAL.iter().filter_map(|ending| cut(rest, ending));
            for stem in std::iter::once(rest).chain(plural_cuts) {
                if stem.len() < word.len() && stem.chars().count() >= SHORTEST_STEM {
                    stems.push(stem);
                }
            }
        }
    }
    stems.sort_by_key(|stem| std::cmp::Reverse(stem.len()));
    stems.dedup();
    stems
}

/// `word` without `ending`, if it ends so. The last bytes are compared first: most
/// endings do not match, and most fail there.
fn cut<'a>(word: &'a str, ending: &str) -> Option<&'a str> {
    let last = |text: &str| text.as_bytes().last().copied();
    if last(word) != last(ending) {
        return None;
    }
    word.strip_suffix(ending)
}

/// Whether `text` ends in a vowel.
fn ends_in_vowel(text: &str) -> bool {
    text.ends_with(VOWELS)
}

#[cfg(test)]
mod tests {
    use super::{cuts, devoiced, kazakh_stem};
    use crate::model::Lang;
    use crate::search::Form;
    use crate::search::space::{Space, SpaceBuilder};

    fn space(terms: &[&str]) -> Space {
        let mut space = SpaceBuilder::default();
        for (at, term) in terms.iter().enumerate() {
            space.add(at as u32, Lang::Kk, 0, Form::Text, |out| out.push_str(term));
        }
        space.finish()
    }

    #[test]
    fn the_shortest_whole_word_wins_else_the_longest_start() {
        let space = space(&[
            "жук",
            "кауипти жуктер",
            "жуктерди шогырландыру",
            "жук пойызы",
            "пойыздардын кестеси",
            "контейнерлик",
        ]);
        let stem = |word| kazakh_stem(word, &space).map(|found| (found.stem, found.whole_word));
        assert_eq!(stem("жуктерди"), Some(("жук".into(), true)));
        assert_eq!(stem("жугин"), Some(("жук".into(), true)), "г read as к");
        // пойыз and пойыздар both start words, and neither is one.
        assert_eq!(stem("пойыздарга"), Some(("пойыздар".into(), false)));
        assert_eq!(stem("контейнерликтер"), Some(("контейнерлик".into(), true)));
        assert_eq!(stem("вагондар"), None);
    }

    #[test]
    fn endings_are_cut_layer_by_layer() {
        for (word, stem) in [
            ("коймада", "койма"),
            ("вагондар", "вагон"),
            ("жуктин", "жук"),
            ("тасымалдаушыга", "тасымалдаушы"),
            ("декларациясы", "декларация"),
            ("декларацияны", "декларация"),
            ("пойыздардын", "пойыз"),
            ("коймасында", "койма"),
            ("коймадагы", "койма"),
            ("станцияларынан", "станция"),
            ("контейнерлер", "контейнер"),
        ] {
            assert!(cuts(word).contains(&stem), "{word}: {:?}", cuts(word));
        }
    }

    #[test]
    fn longer_stems_come_first_and_short_ones_never() {
        let stems = cuts("станциялары");
        assert_eq!(stems, ["станциялар", "станция"]);
        assert_eq!(cuts("процессы"), ["процесс"], "-сы follows no consonant");
        assert!(stems.windows(2).all(|pair| pair[0].len() > pair[1].len()));
        assert!(cuts("жукка").iter().all(|stem| stem.chars().count() >= 3));
        assert!(cuts("вагон").is_empty());
    }

    #[test]
    fn voiced_final_consonants_are_read_voiceless() {
        assert_eq!(devoiced("жуг").as_deref(), Some("жук"));
        assert_eq!(devoiced("китаб").as_deref(), Some("китап"));
        assert_eq!(devoiced("койма"), None);
    }
}
