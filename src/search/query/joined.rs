//! Words typed without the spaces or hyphens of a term (`doortodoor`, `кроссдокинг`,
//! `вагонцистерна`), cut back into the vocabulary's words.

use crate::script::is_han;
use crate::search::space::{Space, indexed};
use std::ops::Range;

/// How many vocabulary lookups cutting one query may take: a word of many one-letter
/// pieces could otherwise be cut in countless ways.
const BUDGET: usize = 48;

/// The fewest characters of a last piece that only starts a vocabulary word: a shorter one
/// is more likely an ending (`railways` is not `railway s…`).
const SHORTEST_PARTIAL: usize = 3;

/// The fewest characters of a last piece that is a whole vocabulary word (`roro`: ro ro).
const SHORTEST_WHOLE: usize = 2;

/// The query's `words`, each that starts no vocabulary word cut into pieces that do, all
/// but the last of them whole vocabulary words; `None` when no word needed cutting or
/// one cannot be cut.
pub fn pieces(space: &Space, words: &[String]) -> Option<Vec<String>> {
    let mut budget = BUDGET;
    let mut out = Vec::with_capacity(words.len() + 2);
    for word in words {
        if !space.words_with_prefix(indexed(word)).is_empty() {
            out.push(word.clone());
        } else if word.chars().any(is_han) || !cut_head(space, word, &mut out, &mut budget) {
            return None;
        }
    }
    (out.len() > words.len()).then_some(out)
}

/// Appends the pieces of `rest` (no Chinese) to `out`: itself if it may be the last, or else
/// a whole vocabulary word, the longest first, and the pieces of what follows it. Says
/// whether it could be cut within `budget` lookups.
fn cut(space: &Space, rest: &str, out: &mut Vec<String>, budget: &mut usize) -> bool {
    let Some(range) = lookup(space, rest, budget) else {
        return false;
    };
    if !range.is_empty() && may_end(space, rest, range.start) {
        out.push(rest.to_string());
        return true;
    }
    cut_head(space, rest, out, budget)
}

/// Appends the pieces of `rest` (no Chinese, and starting no vocabulary word) to `out`, its
/// first a whole vocabulary word, and says whether it could be cut within `budget` lookups.
fn cut_head(space: &Space, rest: &str, out: &mut Vec<String>, budget: &mut usize) -> bool {
    // Ends of the whole vocabulary words that `rest` starts with, shortest first.
    let mut heads = Vec::new();
    for (end, _) in rest.char_indices().skip(1) {
        let head = &rest[..end];
        match lookup(space, head, budget) {
            Some(range) if !range.is_empty() => {
                if space.word(range.start) == head {
                    heads.push(end);
                }
            }
            _ => break,
        }
    }
    for &end in heads.iter().rev() {
        out.push(rest[..end].to_string());
        if cut(space, &rest[end..], out, budget) {
            return true;
        }
        out.pop();
    }
    false
}

/// The vocabulary words starting with `prefix`, if `budget` allows one more lookup.
fn lookup(space: &Space, prefix: &str, budget: &mut usize) -> Option<Range<u32>> {
    *budget = budget.checked_sub(1)?;
    Some(space.words_with_prefix(indexed(prefix)))
}

/// Whether `rest`, which vocabulary word `first` starts with, may be the last piece: long
/// enough not to be an ending.
fn may_end(space: &Space, rest: &str, first: u32) -> bool {
    let chars = rest.chars().count();
    chars >= SHORTEST_PARTIAL || chars >= SHORTEST_WHOLE && space.word(first) == rest
}
