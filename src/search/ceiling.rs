//! The best score each key of a prefix range can give a query, so that a query word with a
//! huge prefix range can read its keys best first and stop once nothing left can beat the
//! hits.

use super::MatchKind;
use super::space::Space;
use super::stem::ENDING;
use crate::model::Lang;
use std::ops::Range;

/// Keys at least this many characters long all score as if this long.
const LONGEST: usize = 150;

/// How many levels there are: one per key length for keys found through words that may
/// equal the query, then one per key length for the rest.
const LEVELS: usize = 2 * (LONGEST + 1);

/// A prefix range holding more keys than this is ordered word by word, each word at the
/// level of its shortest key: ordering every key of a one-letter prefix would cost more
/// than reading the few words that decide.
const KEY_ORDER_UP_TO: usize = 4096;

/// Levels of the keys of one strict pass: level 0 can give the best score.
pub struct Ceilings {
    tier: Option<MatchKind>,
    /// Bytes of the query without spaces: a longer word cannot make a key equal it.
    query_bytes: usize,
    /// Characters of the query without spaces: a key equal to it is no shorter.
    query_chars: usize,
    /// Whether some language is preferred, so a hit may earn that bonus.
    preferred: bool,
    /// For stems, the longest key that may be the query's words inflected.
    inflected_chars: usize,
}

impl Ceilings {
    /// Ceilings for `query` (folded, words joined by single spaces), offered with `tier`
    /// when given, with `prefer` as the user's languages.
    pub fn new(query: &str, tier: Option<MatchKind>, prefer: &[Lang]) -> Ceilings {
        let spaces = query.bytes().filter(|&b| b == b' ').count();
        Ceilings {
            tier,
            query_bytes: query.len() - spaces,
            query_chars: query.chars().count() - spaces,
            preferred: !prefer.is_empty(),
            inflected_chars: query.chars().count() + ENDING * (spaces + 1),
        }
    }

    /// The level of a key of `chars` characters found through vocabulary word `word`.
    fn level(&self, space: &Space, word: u32, chars: u8) -> usize {
        let chars = usize::from(chars).min(LONGEST);
        match self.tier {
            None if space.word_len(word) <= self.query_bytes => {
                chars.max(self.query_chars).min(LONGEST)
            }
            // A stem hit that may be the query inflected ranks with the first levels.
            Some(_) if chars <= self.inflected_chars => chars,
            _ => LONGEST + 1 + chars,
        }
    }

    /// The highest score a key of level `level` can give.
    pub fn score(&self, level: usize) -> u32 {
        // A word longer than the query is not the query word itself, so the keys found
        // through it hold the query word only as the start of a longer word (a key that
        // also holds it whole is offered through the query word, at an earlier level).
        let (kind, chars, whole) = if level <= LONGEST {
            // Exact for the query's own words; a stem tier's keys here may be inflected.
            (
                self.tier.unwrap_or(MatchKind::Exact),
                level,
                self.tier.is_some(),
            )
        } else {
            (
                self.tier.unwrap_or(MatchKind::Prefix),
                level - LONGEST - 1,
                false,
            )
        };
        kind.score(chars as u16, true, self.preferred, false, 0, whole)
    }

    /// The keys holding the words of `range` (or, in a range of more than
    /// [`KEY_ORDER_UP_TO`] keys, the words), best level first.
    pub fn order(&self, space: &Space, range: Range<u32>) -> Ordered {
        let postings = space.postings(range.clone());
        let by_word = postings > KEY_ORDER_UP_TO;
        let mut levelled = Vec::with_capacity(if by_word { range.len() } else { postings });
        for word in range {
            let lengths = space.key_lengths_of(word);
            if by_word {
                let shortest = lengths.iter().copied().min().unwrap_or(u8::MAX);
                levelled.push((self.level(space, word, shortest) as u16, word));
            } else {
                levelled.extend(
                    space
                        .keys_of(word)
                        .iter()
                        .zip(lengths)
                        .map(|(&key, &chars)| (self.level(space, word, chars) as u16, key)),
                );
            }
        }
        let mut starts = [0u32; LEVELS + 1];
        for &(level, _) in &levelled {
            starts[usize::from(level) + 1] += 1;
        }
        for at in 1..starts.len() {
            starts[at] += starts[at - 1];
        }
        let levels = (0..LEVELS)
            .filter(|&level| starts[level + 1] > starts[level])
            .map(|level| (level, starts[level + 1] as usize))
            .collect();
        let mut ids = vec![0; levelled.len()];
        for &(level, id) in &levelled {
            let slot = &mut starts[usize::from(level)];
            ids[*slot as usize] = id;
            *slot += 1;
        }
        Ordered {
            ids,
            levels,
            by_word,
        }
    }
}

/// The keys of a prefix range (or its words) in order of the best score they can give.
pub struct Ordered {
    /// Key ids (a key holding two words of the range comes twice), or word ids when
    /// `by_word`, best level first.
    pub ids: Vec<u32>,
    /// Each level present, best first, with the end of its ids in `ids`.
    pub levels: Vec<(usize, usize)>,
    /// Whether `ids` are words, each at the level of its shortest key.
    pub by_word: bool,
}
