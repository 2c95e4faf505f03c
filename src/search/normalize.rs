//! Folding text into search keys: one spelling for what users consider the same letters.

/// Folds text for matching: lower case, `ё` = `е`, Kazakh letters to their Russian
/// look-alikes (`қ` → `к`), tone marks dropped (`ā` → `a`), `ü` written `v` as pinyin
/// keyboards do, and every run of punctuation or space made one space.
///
/// ```
/// use keruen::search::normalize::fold;
/// assert_eq!(fold("Кедендік  ДЕКЛАРАЦИЯ"), "кедендик декларация");
/// assert_eq!(fold("jízhuāngxiāng bānliè"), "jizhuangxiang banlie");
/// assert_eq!(fold("Ёлка / lǜ"), "елка lv");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the [`fold`] of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    let mut append = |folded: char, is_word: bool| {
        if is_word {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            out.push(folded);
        } else {
            pending_space = true;
        }
    };
    for c in text.chars() {
        // ASCII, basic Cyrillic and common hanzi fold to themselves (ASCII lower-cased)
        // and need no Unicode tables; only ASCII letters and digits are word characters.
        if c.is_ascii() {
            append(c.to_ascii_lowercase(), c.is_ascii_alphanumeric());
        } else if ('а'..='я').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            append(c, true);
        } else {
            let mut fold_one = |c: char| {
                let folded = fold_char(c);
                append(folded, is_word_char(folded));
            };
            if fold_char(c) != c {
                // Kazakh letters and pinyin's toned vowels: already lower case.
                fold_one(c);
            } else if ('А'..='Я').contains(&c) {
                fold_one(char::from_u32(c as u32 + 0x20).expect("а..я are characters"));
            } else {
                c.to_lowercase().for_each(fold_one);
            }
        }
    }
}

/// The apostrophes people type: between pinyin syllables (`Xī'ān`), for ь and ъ in Latin
/// spellings (`ob'em`), and the modifier letter of Ukrainian and Kazakh keyboards (`ʼ`).
pub const APOSTROPHES: [char; 3] = ['\'', '’', 'ʼ'];

/// The same key without any spaces (`ti dan` and `tídān` both give `tidan`).
pub fn compact(folded: &str) -> String {
    folded.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Letters and digits: fast answers for ASCII, Cyrillic and Han, Unicode's for the rest.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{0430}'..='\u{044F}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        true
    } else {
        c.is_alphanumeric()
    }
}

fn fold_char(c: char) -> char {
    match c {
        'ё' => 'е',
        'ә' => 'а',
        'ғ' => 'г',
        'қ' => 'к',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' | 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => 'v',
        c if APOSTROPHES.contains(&c) => ' ',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_yo_kazakh_and_tones() {
        assert_eq!(fold("Жүк ТАСЫМАЛЫ"), "жук тасымалы");
        assert_eq!(fold("ЁЛКА"), "елка");
        assert_eq!(fold("jízhuāngxiāng bānliè"), "jizhuangxiang banlie");
        assert_eq!(fold("lǜsè"), "lvse");
        assert_eq!(fold("Xī'ān"), "xi an");
        assert_eq!(fold("  B/L  "), "b l");
    }

    #[test]
    fn folding_onto_text_adds_no_leading_space() {
        let mut out = String::from("key");
        fold_into(" / Жүк", &mut out);
        assert_eq!(out, "keyжук");
    }

    #[test]
    fn compact_drops_spaces() {
        assert_eq!(compact(&fold("tí dān")), "tidan");
    }
}
