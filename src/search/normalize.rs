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
    let mut fold = Folding {
        out,
        start,
        pending_space: false,
    };
    let mut rest = text;
    loop {
        // Most of a term is its own fold already: such a run is copied whole.
        let run = own_fold_run(rest);
        if run > 0 {
            fold.word(&rest[..run]);
            rest = &rest[run..];
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        fold.char(c);
    }
}

/// A fold being appended to `out` from byte `start`.
struct Folding<'a> {
    out: &'a mut String,
    start: usize,
    /// Whether a separator came after the last word character written.
    pending_space: bool,
}

impl Folding<'_> {
    /// Writes the space a separator left pending, unless the fold is still empty.
    fn separate(&mut self) {
        if self.pending_space && self.out.len() > self.start {
            self.out.push(' ');
        }
        self.pending_space = false;
    }

    /// Appends a run of word characters, single spaces between them, that is its own fold.
    fn word(&mut self, folded: &str) {
        self.separate();
        self.out.push_str(folded);
    }

    /// Appends the fold of one character.
    fn char(&mut self, c: char) {
        let mut emit = |folded: char| {
            if is_word_char(folded) {
                self.separate();
                self.out.push(folded);
            } else {
                self.pending_space = true;
            }
        };
        let folded = fold_char(c);
        if c.is_ascii() {
            emit(folded.to_ascii_lowercase());
        } else if folded != c {
            // Kazakh letters and pinyin's toned vowels are lower case already.
            emit(folded);
        } else if ('А'..='Я').contains(&c) {
            emit(char::from_u32(c as u32 + 0x20).expect("а..я are characters"));
        } else {
            c.to_lowercase().for_each(|lower| emit(fold_char(lower)));
        }
    }
}

/// The length in bytes of the run that starts `text` and is its own fold: word characters
/// that fold to themselves (lower-case ASCII letters and digits, `а`–`я`, hanzi from
/// U+4E00 to U+9FFF) and single spaces between them.
fn own_fold_run(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        let width = match own_fold_width(bytes, at) {
            0 if at > 0 && bytes.get(at) == Some(&b' ') && own_fold_width(bytes, at + 1) > 0 => 1,
            width => width,
        };
        if width == 0 {
            return at;
        }
        at += width;
    }
}

/// The width in bytes of the word character at byte `at` of `bytes` if it is its own fold,
/// else 0.
fn own_fold_width(bytes: &[u8], at: usize) -> usize {
    let next = bytes.get(at + 1).copied().unwrap_or(0);
    match bytes.get(at) {
        Some(b'a'..=b'z' | b'0'..=b'9') => 1,
        // а–п are D0 B0..BF, р–я are D1 80..8F (ё, D1 91, folds to е).
        Some(0xD0) if (0xB0..=0xBF).contains(&next) => 2,
        Some(0xD1) if (0x80..=0x8F).contains(&next) => 2,
        // U+4E00 is E4 B8 80, U+9FFF is E9 BF BF.
        Some(0xE4) if next >= 0xB8 => 3,
        Some(0xE5..=0xE9) => 3,
        _ => 0,
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

    /// The fold with no run copied whole: every character through [`Folding::char`].
    fn fold_char_by_char(text: &str) -> String {
        let mut out = String::new();
        let mut fold = Folding {
            out: &mut out,
            start: 0,
            pending_space: false,
        };
        text.chars().for_each(|c| fold.char(c));
        out
    }

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
    fn runs_already_folded_are_copied_as_the_slow_fold_would_write_them() {
        for text in [
            "контейнерный поезд",
            "жук ушагы / жүк ұшағы",
            "集装箱 班列 Ёлка",
            "abc  def",
            "abc /",
            "abc ё",
            "ё",
            " 一",
            " lead",
            "tídān 提单",
            "容器\u{9FFF}\u{A000}",
            "ⅰ 一",
            "\u{4DFF}一",
        ] {
            assert_eq!(fold(text), fold_char_by_char(text), "{text:?}");
        }
        assert_eq!(
            own_fold_run("контейнерный поезд"),
            "контейнерный поезд".len()
        );
        assert_eq!(own_fold_run("abc  def"), 3);
        assert_eq!(own_fold_run("abc Def"), 3);
        assert_eq!(own_fold_run("жүк"), "ж".len());
        assert_eq!(own_fold_run("Def"), 0);
    }

    proptest::proptest! {
        // Failures are kept in the table above, not in a folder at the crate's root.
        #![proptest_config(proptest::test_runner::Config {
            failure_persistence: None,
            ..Default::default()
        })]

        #[test]
        fn copying_runs_whole_never_changes_the_fold(text in "[a-z0-9 а-яёәқA-ZЖ一-鿿ꀀ/.-]{0,30}") {
            proptest::prop_assert_eq!(fold(&text), fold_char_by_char(&text));
        }
    }

    #[test]
    fn compact_drops_spaces() {
        assert_eq!(compact(&fold("tí dān")), "tidan");
    }
}
