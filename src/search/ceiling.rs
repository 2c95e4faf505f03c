//! The best score a vocabulary word's keys can give a query, so that a query word with a
//! huge prefix range can read it best first and stop once nothing left can beat the hits.

use super::MatchKind;
use super::space::Space;
use crate::model::Lang;
use std::ops::Range;

/// Keys at least this many characters long all score as if this long.
const LONGEST: usize = 150;

/// How many levels there are: one per key length for words that may equal the query,
/// then one per key length for the rest.
const LEVELS: usize = 2 * (LONGEST + 1);

/// Levels of the words of one strict pass: level 0 can give the best score.
pub struct Ceilings {
    tier: Option<MatchKind>,
    /// Bytes of the query without spaces: a longer word cannot make a key equal it.
    query_bytes: usize,
    /// Characters of the query without spaces: a key equal to it is no shorter.
    query_chars: usize,
    /// Whether some language is preferred, so a hit may earn that bonus.
    preferred: bool,
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
        }
    }

    /// The level of vocabulary word `word`.
    fn level(&self, space: &Space, word: u32) -> usize {
        let shortest = usize::from(space.shortest(word)).min(LONGEST);
        if self.tier.is_none() && space.word_len(word) <= self.query_bytes {
            shortest.max(self.query_chars).min(LONGEST)
        } else {
            LONGEST + 1 + shortest
        }
    }

    /// The highest score a word of level `level` can give.
    pub fn score(&self, level: usize) -> u32 {
        // A word longer than the query is not the query word itself, so its keys hold the
        // query word only as the start of a longer word (a key that also holds it whole is
        // offered through the query word, an earlier level).
        let (kind, chars) = if level <= LONGEST {
            (MatchKind::Exact, level)
        } else {
            (self.tier.unwrap_or(MatchKind::Prefix), level - LONGEST - 1)
        };
        kind.score(chars as u16, true, self.preferred, false, 0, false)
    }

    /// The words of `range` with their levels, best level first.
    pub fn order(&self, space: &Space, range: Range<u32>) -> Vec<(usize, u32)> {
        let levels: Vec<u16> = range
            .clone()
            .map(|word| self.level(space, word) as u16)
            .collect();
        let mut starts = [0u32; LEVELS + 1];
        for &level in &levels {
            starts[usize::from(level) + 1] += 1;
        }
        for at in 1..starts.len() {
            starts[at] += starts[at - 1];
        }
        let mut ordered = vec![(0, 0); levels.len()];
        for (word, &level) in range.zip(&levels) {
            let slot = &mut starts[usize::from(level)];
            ordered[*slot as usize] = (usize::from(level), word);
            *slot += 1;
        }
        ordered
    }
}
