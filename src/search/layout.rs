//! Text typed with the wrong keyboard layout: ЙЦУКЕН ↔ QWERTY (`rjyntqyth` is контейнер
//! typed on an English layout; `сгыещьы` is customs typed on a Russian one).

use std::sync::LazyLock;

const QWERTY: &str = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const JCUKEN: &str = "йцукенгшщзхъфывапролджэячсмитьбюё";

/// The same keys shifted on QWERTY, which give capital letters on ЙЦУКЕН (Caps Lock on, or
/// a capital first letter: `{jhujc` is Хоргос).
const QWERTY_SHIFTED: &str = "{}:\"<>~";
const JCUKEN_OF_SHIFTED: &str = "хъжэбюё";

/// Both layouts as lookup tables: ASCII by byte, Cyrillic `а`..`ё` by offset from `а`.
struct Tables {
    to_jcuken: [Option<char>; 128],
    to_qwerty: [Option<char>; 34],
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut tables = Tables {
        to_jcuken: [None; 128],
        to_qwerty: [None; 34],
    };
    for (q, j) in QWERTY.chars().zip(JCUKEN.chars()) {
        tables.to_jcuken[q as usize] = Some(j);
        tables.to_qwerty[j as usize - 'а' as usize] = Some(q);
    }
    for (q, j) in QWERTY_SHIFTED.chars().zip(JCUKEN_OF_SHIFTED.chars()) {
        tables.to_jcuken[q as usize] = Some(j);
    }
    tables
});

/// The character at the same place of the other layout, if `c` (lower case) is on either.
fn other_key(c: char) -> Option<char> {
    let tables = &*TABLES;
    if c.is_ascii() {
        tables.to_jcuken[c as usize]
    } else {
        let at = (c as usize).checked_sub('а' as usize)?;
        tables.to_qwerty.get(at).copied().flatten()
    }
}

/// `text` as it would read had it been typed in the other layout; `None` when no
/// character changes (nothing to retry).
pub fn switch(text: &str) -> Option<String> {
    let mut changed = false;
    let mut switched = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let lower = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        match other_key(lower) {
            Some(other) => {
                changed = true;
                switched.push(other);
            }
            None => switched.push(c),
        }
    }
    changed.then_some(switched)
}

#[cfg(test)]
mod tests {
    use super::switch;

    #[test]
    fn switches_both_ways() {
        assert_eq!(switch("rjyntqyth").as_deref(), Some("контейнер"));
        assert_eq!(switch("сгыещьы").as_deref(), Some("customs"));
        assert_eq!(switch("Rjyjcfvtyn").as_deref(), Some("коносамент"));
        assert_eq!(switch("提单"), None);
        // Shifted keys are the capitals of the letters they share a key with.
        assert_eq!(switch("{JHUJC").as_deref(), Some("хоргос"));
        assert_eq!(
            switch(":tktpyfz ljhjuf").as_deref(),
            Some("железная дорога")
        );
        assert_eq!(switch("NY D\"L").as_deref(), Some("тн вэд"));
        assert_eq!(switch("<th,jen-xfhnth").as_deref(), Some("бербоут-чартер"));
    }
}
