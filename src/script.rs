//! Which writing system a character belongs to.

/// Whether `c` is in the Cyrillic block (Russian and Kazakh letters).
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// Whether `c` is a Han character (CJK Unified Ideographs and Extension A).
pub fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}
