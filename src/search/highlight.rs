//! Where a query stands inside a term as written, for highlighting.

use super::normalize::fold;

/// The byte range of `text` that matches `query` under the same folding lookup uses
/// (case, `ё`, Kazakh letters, tone marks, spaces and punctuation ignored), if any.
pub fn matched_range(text: &str, query: &str) -> Option<std::ops::Range<usize>> {
    let wanted: Vec<char> = fold(query).chars().filter(|c| !c.is_whitespace()).collect();
    if wanted.is_empty() {
        return None;
    }
    // One entry per folded character of `text`: the character and the byte span it came from.
    let mut folded: Vec<(char, usize, usize)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        for f in fold(&c.to_string()).chars().filter(|c| !c.is_whitespace()) {
            folded.push((f, at, end));
        }
    }
    folded
        .windows(wanted.len())
        .find(|window| window.iter().map(|(c, _, _)| *c).eq(wanted.iter().copied()))
        .map(|window| window[0].1..window[window.len() - 1].2)
}

#[cfg(test)]
mod tests {
    use super::matched_range;

    #[test]
    fn finds_folded_matches_in_the_original_text() {
        assert_eq!(matched_range("Bill of lading", "LADING"), Some(8..14));
        let text = "кедендік декларация";
        let range = matched_range(text, "кедендик").unwrap();
        assert_eq!(&text[range], "кедендік");
        let pinyin = "tídān";
        assert_eq!(&pinyin[matched_range(pinyin, "tidan").unwrap()], "tídān");
        assert_eq!(matched_range("提单", "运"), None);
        assert_eq!(matched_range("anything", "  "), None);
    }
}
