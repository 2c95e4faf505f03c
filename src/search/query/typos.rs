//! The typo tier: keys holding a word within a few edits of each query word that no
//! vocabulary word starts with.

use super::{Collector, holds};
use crate::script::is_han;
use crate::search::fuzzy::{DeletionIndex, Distance, Probes};
use crate::search::space::{Space, indexed};
use crate::search::typed::Typed;
use crate::search::{Index, MatchKind};

/// Buffers one typo tier reuses from word to word, and keeps for the next query on the
/// same thread, so that probing allocates nothing.
#[derive(Default)]
struct Scratch {
    probes: Probes,
    near: Distance,
    /// (vocabulary word id, its distance from the query word).
    found: Vec<(u32, usize)>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

/// How many letters a word allowed two typos must share with the start of a vocabulary
/// word for that word to be compared with it when the deletion index finds none.
const KEPT_START: usize = 2;

/// The typo tier in the plain space and, for Latin queries, in the translit space, each
/// query word allowed `edits_for(its length in characters)` edits.
pub fn all_typos(
    index: &Index,
    typed: &Typed,
    edits_for: impl Fn(usize) -> usize + Copy,
    collector: &mut Collector,
) {
    let mut scratch = SCRATCH.take();
    let plain = (&index.plain, &index.typos, typed.words.as_slice());
    let latin = typed
        .latin()
        .iter()
        .map(|latin| (&index.translit, &index.translit_typos, latin.as_slice()));
    for (space, deletions, words) in std::iter::once(plain).chain(latin) {
        typos(space, deletions, words, edits_for, &mut scratch, collector);
    }
    SCRATCH.set(scratch);
}

/// Keys holding, for each query word that no vocabulary word starts with, a word within
/// its edits, and the other query words as prefixes; when every word starts some
/// vocabulary word (but no key holds them all), any one of them may be the typo.
fn typos(
    space: &Space,
    deletions: &DeletionIndex,
    words: &[String],
    edits_for: impl Fn(usize) -> usize,
    scratch: &mut Scratch,
    collector: &mut Collector,
) {
    let missing: Vec<usize> = if words.len() > 1 {
        (0..words.len())
            .filter(|&at| space.words_with_prefix(indexed(&words[at])).is_empty())
            .collect()
    } else {
        Vec::new()
    };
    let edits_of = |word: &str| {
        if word.chars().any(is_han) {
            0
        } else {
            edits_for(word.chars().count())
        }
    };
    // A key must hold a word near each missing word, so one allowed no typo rules out
    // every key, and the first missing word drives alone.
    if missing.iter().any(|&at| edits_of(&words[at]) == 0) {
        return;
    }
    let drivers = match missing.first() {
        Some(&first) => first..first + 1,
        None => 0..words.len(),
    };
    for at in drivers {
        let edits = edits_of(&words[at]);
        if edits == 0 {
            continue;
        }
        collector.next_pass();
        // Comparing words one by one is for when nothing else is found.
        let scan = collector.len() == 0;
        near_words(space, deletions, &words[at], edits, scan, scratch);
        for &(candidate, distance) in &scratch.found {
            for &id in space.keys_of(candidate) {
                let key = space.key(id);
                let full = space.full(key);
                let mut total = distance;
                let all_held = words.iter().enumerate().all(|(other, word)| {
                    if other == at {
                        true
                    } else if missing.contains(&other) {
                        nearest_word(full, word, edits_of(word), &mut scratch.near)
                            .map(|d| total += d)
                            .is_some()
                    } else {
                        holds(full, word)
                    }
                });
                if all_held {
                    collector.offer(id, key, (MatchKind::Fuzzy, false), 60 * total as u32);
                }
            }
        }
    }
}

/// The query's words with each one that no vocabulary word of the plain space starts with
/// replaced by the nearest word within its edits, if every such word has one and there is
/// one at least (`происхаждения`: происхождения), so that the words corrected can be
/// stemmed.
pub fn corrected(
    index: &Index,
    typed: &Typed,
    edits_for: impl Fn(usize) -> usize,
) -> Option<Vec<String>> {
    let space = &index.plain;
    let mut scratch = SCRATCH.take();
    let mut replaced = false;
    let words = typed
        .words
        .iter()
        .map(|word| {
            if !space.words_with_prefix(indexed(word)).is_empty() || word.chars().any(is_han) {
                return Some(word.clone());
            }
            let edits = edits_for(word.chars().count());
            near_words(space, &index.typos, word, edits, true, &mut scratch);
            // Among equally near words, the one sharing the longest start with the word
            // typed: people mistype the ends of words more than their starts.
            let shared = |id| {
                let near = space.word(id).chars();
                near.zip(word.chars()).take_while(|(a, b)| a == b).count()
            };
            let nearest = scratch
                .found
                .iter()
                .min_by_key(|&&(id, distance)| (distance, std::cmp::Reverse(shared(id)), id))?;
            replaced = true;
            Some(space.word(nearest.0).to_string())
        })
        .collect::<Option<Vec<String>>>();
    SCRATCH.set(scratch);
    words.filter(|_| replaced)
}

/// Fills the scratch's `found` with the vocabulary words within `edits` of `word` and their
/// distances. The deletion index finds those one edit away, but only some two away (not
/// two letters changed or dropped: `экспедетар`, `trnsshpment`); when it finds nothing for
/// a word allowed two edits, and `scan` allows, the words sharing its first letters, which
/// people rarely mistype, are compared with it one by one.
fn near_words(
    space: &Space,
    deletions: &DeletionIndex,
    word: &str,
    edits: usize,
    scan: bool,
    scratch: &mut Scratch,
) {
    let Scratch {
        probes,
        near,
        found,
    } = scratch;
    found.clear();
    for &candidate in deletions.candidates(word, probes) {
        if let Some(d) = near.within(space.word(candidate), word, edits) {
            found.push((candidate, d));
        }
    }
    if !found.is_empty() || edits < 2 || !scan {
        return;
    }
    let start = word
        .char_indices()
        .nth(KEPT_START)
        .map_or(word, |(at, _)| &word[..at]);
    for candidate in space.words_with_prefix(start) {
        // A character is at most four bytes: a word longer or shorter by more is too far.
        if space.word_len(candidate).abs_diff(word.len()) <= 4 * edits
            && let Some(d) = near.within(space.word(candidate), word, edits)
        {
            found.push((candidate, d));
        }
    }
}

/// The distance from `word` to the nearest word of the key spelling `full`, if one is
/// within `edits`.
fn nearest_word(full: &str, word: &str, edits: usize, near: &mut Distance) -> Option<usize> {
    full.split(' ')
        .filter_map(|key_word| near.within(key_word, word, edits))
        .min()
}
