//! Latin spellings of Kazakh and Russian, folded to one canonical form so that the ways
//! people type a word meet: `zhuk`, `juk` and `jük` (Kazakh Latin 2021) all give `juk`, as
//! жүк does; `tamozhnya` and `tamojnya` give `tamojnia`, as таможня does.

use super::normalize::APOSTROPHES;

/// The canonical Latin form of folded Cyrillic text (see [`super::normalize::fold`]);
/// characters that are not Cyrillic pass through.
pub fn from_cyrillic(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    from_cyrillic_into(folded, &mut out);
    out
}

/// Appends the [`from_cyrillic`] of `folded` to `out`.
pub fn from_cyrillic_into(folded: &str, out: &mut String) {
    for c in folded.chars() {
        let latin = match c {
            'а' | 'ә' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "j",
            'з' => "z",
            'и' | 'і' | 'й' | 'ы' => "i",
            'к' | 'қ' => "k",
            'л' => "l",
            'м' => "m",
            'н' | 'ң' => "n",
            'о' | 'ө' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ұ' | 'ү' => "u",
            'ф' => "f",
            'х' | 'һ' => "h",
            'ц' | 'ч' => "c",
            'ш' | 'щ' => "sh",
            'ъ' | 'ь' => "",
            'ю' => "iu",
            'я' => "ia",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(latin);
    }
}

/// How to read the Latin letters that stand for two Cyrillic ones.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    /// A `j` after a vowel and not before one is й, not ж.
    pub j_as_i: bool,
    /// An `x` is х, not кс.
    pub x_as_h: bool,
    /// An `sch` is с and ч (`schet`: счёт), not щ.
    pub sch_apart: bool,
}

/// The canonical form of Latin text as people type Kazakh or Russian words: the letters
/// of Kazakhstan's 2021 alphabet lose their marks (`ä` → `a`, `ş` → `sh`), and the usual
/// digraphs meet the single letters above (`zh` → `j`, `kh` → `h`, `ch`/`ts` → `c`,
/// `ya` → `ia`, `y` → `i`).
///
/// `j` is ambiguous: ж in `tamojnya`, й in `kontejnernyj`; so is `x`: кс in `export`, х in
/// `xranenie`. `reading` says how to read them.
pub fn from_latin(folded: &str, reading: Reading) -> String {
    let mut plain = String::with_capacity(folded.len());
    let vowel = |c: Option<char>| matches!(c, Some('a' | 'e' | 'i' | 'o' | 'u' | 'y'));
    let mut previous = None;
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        let before = previous.replace(c);
        // `j` written for й (`kontejnernyj`): after a vowel and not before one.
        if reading.j_as_i && c == 'j' && vowel(before) && !vowel(chars.peek().copied()) {
            plain.push('i');
            continue;
        }
        match c {
            'ä' | 'á' | 'à' | 'â' => plain.push('a'),
            'ğ' => plain.push('g'),
            'ñ' => plain.push('n'),
            'ö' | 'ó' | 'ô' => plain.push('o'),
            'ū' | 'ú' => plain.push('u'),
            'ı' | 'í' | 'ì' => plain.push('i'),
            'ş' => plain.push_str("sh"),
            'ç' => plain.push('c'),
            'w' => plain.push('v'),
            'q' => plain.push('k'),
            'x' if reading.x_as_h => plain.push('h'),
            'x' => plain.push_str("ks"),
            other => plain.push(other),
        }
    }
    digraphs_to_letters(&plain, reading.sch_apart)
}

/// Latin spellings of single Cyrillic letters, longest first where one starts another.
const DIGRAPHS: [(&str, &str); 10] = [
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "c"),
    ("zh", "j"),
    ("kh", "h"),
    ("ch", "c"),
    ("ts", "c"),
    ("ya", "ia"),
    ("yu", "iu"),
    ("yo", "e"),
];

/// `text` with each digraph of [`DIGRAPHS`] made its single letter and every other `y`
/// made `i`, in one pass from the left; `sch_apart` reads `sch` as `s` and `ch`.
fn digraphs_to_letters(text: &str, sch_apart: bool) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut rest = text;
    'text: while let Some(c) = rest.chars().next() {
        if matches!(c, 's' | 't' | 'z' | 'k' | 'c' | 'y') {
            for (from, to) in DIGRAPHS {
                if sch_apart && from == "sch" {
                    continue;
                }
                if let Some(after) = rest.strip_prefix(from) {
                    out.push_str(to);
                    rest = after;
                    continue 'text;
                }
            }
        }
        out.push(if c == 'y' { 'i' } else { c });
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The canonical Latin keys of a typed query (`jük`, `temır jol`, `tamozhnya`): one, or
/// more when a `j` may stand for either ж or й, an `x` for кс or х (`eksport`,
/// `xranenie`), or an `sch` for щ or сч (`tovarishch`, `schet`).
/// `ü` is the Kazakh letter here, not pinyin's `v`.
///
/// ```
/// use keruen::search::{normalize::fold, translit};
/// let cargo = translit::from_cyrillic(&fold("жүк"));
/// for typed in ["zhuk", "juk", "jük"] {
///     assert_eq!(translit::query_keys(typed), vec![cargo.clone()]);
/// }
/// ```
pub fn query_keys(query: &str) -> Vec<String> {
    query_keys_folded(query, &super::normalize::fold(query))
}

/// [`query_keys`] of `query`, given its [`fold`](super::normalize::fold) `folded`, which is
/// reused unless the query has a Kazakh `ü` (which folding reads as pinyin's `v`) or
/// an apostrophe (which folding reads as a break between pinyin syllables, but which here
/// stands for ь or ъ, as in `ob'em`, and is dropped as they are).
pub fn query_keys_folded(query: &str, folded: &str) -> Vec<String> {
    let refolded;
    let latin = if query.contains(['ü', 'Ü']) || query.contains(APOSTROPHES) {
        let plain = query.replace(['ü', 'Ü'], "u").replace(APOSTROPHES, "");
        refolded = super::normalize::fold(&plain);
        &refolded
    } else {
        folded
    };
    // Only a `j` (ж or й), an `x` (кс or х) and an `sch` (щ or сч) can be read two ways.
    let mut keys: Vec<String> = Vec::with_capacity(1);
    // Reading letters the other way is pointless where the query has none.
    let (has_j, has_x, has_sch) = (
        latin.contains('j'),
        latin.contains('x'),
        latin.contains("sch"),
    );
    let pointless = |other_way: bool, has: bool| other_way && !has;
    for j_as_i in [false, true] {
        for x_as_h in [false, true] {
            for sch_apart in [false, true] {
                if pointless(j_as_i, has_j)
                    || pointless(x_as_h, has_x)
                    || pointless(sch_apart, has_sch)
                {
                    continue;
                }
                let reading = Reading {
                    j_as_i,
                    x_as_h,
                    sch_apart,
                };
                let key = from_latin(latin, reading);
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::fold;

    fn both(cyrillic: &str, typed: &str) -> (String, String) {
        let keys = query_keys(typed);
        let cyrillic = from_cyrillic(&fold(cyrillic));
        let matched = keys.iter().find(|k| **k == cyrillic).cloned();
        (cyrillic, matched.unwrap_or_else(|| keys.join(" | ")))
    }

    #[test]
    fn typed_spellings_meet_the_cyrillic() {
        for (cyrillic, typed) in [
            ("кеден", "keden"),
            ("коносамент", "konosament"),
            ("жүк", "zhuk"),
            ("жүк", "juk"),
            ("жүк", "jük"),
            ("таможня", "tamozhnya"),
            ("таможня", "tamojnya"),
            ("темір жол", "temır jol"),
            ("темір жол", "temir zhol"),
            ("Хоргос", "Khorgos"),
            ("Қорғас", "Qorğas"),
            ("шекара", "şekara"),
            ("контейнерный", "kontejnernyj"),
            ("таможенный", "tamozhennyj"),
            ("таможенный", "tamozhenniy"),
            ("подъездной путь", "pod'ezdnoi put'"),
            ("объём", "ob’em"),
            ("подъезд", "podʼezd"),
            ("хранение", "xranenie"),
            ("экспорт", "eksport"),
            ("экспорт", "export"),
            ("счёт", "schet"),
            ("щит", "schit"),
            ("щит", "shchit"),
        ] {
            let (a, b) = both(cyrillic, typed);
            assert_eq!(a, b, "{cyrillic} vs {typed}");
        }
    }
}
