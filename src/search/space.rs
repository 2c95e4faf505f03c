//! One search space: the normalized spellings ("keys") of terms, the vocabulary of their
//! words in sorted order, and which keys hold each word.
//!
//! The plain space holds terms as written (folded) and pinyin; the translit space holds
//! Kazakh and Russian terms in canonical Latin letters.
//!
//! The vocabulary is one sorted buffer: a word's id is its rank, so the words starting
//! with a prefix are one range of ids, found through a table of the words' first two bytes
//! and a short binary search inside it.

use super::Form;
use super::intern::Interner;
use crate::model::Lang;
use crate::script::is_han;
use std::ops::Range;

/// One spelling of one term.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// Position of the concept in the indexed slice.
    pub concept: u32,
    /// Language of the term.
    pub lang: Lang,
    /// Position of the term within its language entry (0 = preferred).
    pub term: u8,
    /// Which spelling this key is.
    pub form: Form,
    /// Length of the key in characters.
    pub chars: u16,
    start: u32,
    len: u32,
}

/// Builds a [`Space`] key by key.
#[derive(Default)]
pub struct SpaceBuilder {
    text: String,
    keys: Vec<Key>,
    words: Interner,
    /// (word in order of first sight, key), in key order.
    postings: Vec<(u32, u32)>,
    compact: String,
    /// Words waiting to be interned, end to end.
    batch_text: String,
    /// The end of each word waiting in `batch_text`.
    batch_ends: Vec<u32>,
    /// The key of each word waiting.
    batch_keys: Vec<u32>,
    /// The ids the words waiting were given.
    batch_ids: Vec<u32>,
}

/// Chinese is indexed by the run of this many characters starting at each character
/// (shorter at a term's end): few distinct runs make a small vocabulary, and any longer
/// part of a term starts with one of them.
const HAN_RUN: usize = 2;

/// What the vocabulary holds `word` under: the word itself, or for Chinese its first
/// [`HAN_RUN`] characters, in which case the keys found must be checked for the whole word.
pub fn indexed(word: &str) -> &str {
    if !word.chars().next().is_some_and(is_han) {
        return word;
    }
    match word.char_indices().nth(HAN_RUN) {
        Some((end, _)) => &word[..end],
        None => word,
    }
}

/// How many words are interned together (see [`Interner::intern_batch`]).
const BATCH: usize = 64;

impl SpaceBuilder {
    /// Adds the folded spelling of one term, which `write` appends to the string it is
    /// given (so that it is written once, where the space keeps it).
    pub fn add(
        &mut self,
        concept: u32,
        lang: Lang,
        term: u8,
        form: Form,
        write: impl FnOnce(&mut String),
    ) {
        let start = self.text.len();
        write(&mut self.text);
        if self.text.len() == start {
            return;
        }
        let text = std::mem::take(&mut self.text);
        let full = &text[start..];
        let key_id = self.keys.len() as u32;
        self.keys.push(Key {
            concept,
            lang,
            term,
            form,
            chars: full.chars().count().min(u16::MAX as usize) as u16,
            start: start as u32,
            len: full.len() as u32,
        });
        let mut short_words = true;
        let mut words = 0;
        for word in full.split(' ') {
            words += 1;
            short_words &= word.chars().count() <= 3;
            if word.chars().next().is_some_and(is_han) {
                // Chinese has no spaces: the run starting at every character is a word, so
                // any part can be found.
                for (at, _) in word.char_indices() {
                    self.post(indexed(&word[at..]), key_id);
                }
            } else {
                self.post(word, key_id);
            }
        }
        if words > 1 && (form == Form::Pinyin || short_words) {
            let mut compact = std::mem::take(&mut self.compact);
            compact.clear();
            compact.extend(full.split(' '));
            self.post(&compact, key_id);
            self.compact = compact;
        }
        self.text = text;
    }

    fn post(&mut self, word: &str, key_id: u32) {
        self.batch_text.push_str(word);
        self.batch_ends.push(self.batch_text.len() as u32);
        self.batch_keys.push(key_id);
        if self.batch_keys.len() == BATCH {
            self.intern_batch();
        }
    }

    /// Interns the words waiting and posts them.
    fn intern_batch(&mut self) {
        self.batch_ids.clear();
        self.words
            .intern_batch(&self.batch_text, &self.batch_ends, &mut self.batch_ids);
        self.postings.extend(
            self.batch_ids
                .iter()
                .copied()
                .zip(self.batch_keys.drain(..)),
        );
        self.batch_ends.clear();
        self.batch_text.clear();
    }

    /// Sorts the vocabulary and the postings into a searchable space.
    pub fn finish(mut self) -> Space {
        self.intern_batch();
        let words = self.words;
        let count = words.len();
        // Sort on the first sixteen bytes held inline, and on the whole words only on ties.
        let head = |word: &str| {
            let mut bytes = [0u8; 16];
            let n = word.len().min(16);
            bytes[..n].copy_from_slice(&word.as_bytes()[..n]);
            u128::from_be_bytes(bytes)
        };
        let mut order: Vec<(u128, u32)> = (0..count as u32)
            .map(|id| (head(words.word(id)), id))
            .collect();
        order.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| words.word(a.1).cmp(words.word(b.1)))
        });
        let mut rank = vec![0u32; count];
        let mut vocab = String::with_capacity(words.text_len());
        let mut ends = Vec::with_capacity(count + 1);
        ends.push(0u32);
        for (at, &(_, id)) in order.iter().enumerate() {
            rank[id as usize] = at as u32;
            vocab.push_str(words.word(id));
            ends.push(vocab.len() as u32);
        }
        drop(words);
        drop(order);
        // Postings grouped by word rank with a counting sort; keys stay in ascending order
        // within a word because they were added in that order.
        let mut offsets = vec![0u32; count + 1];
        for &(word, _) in &self.postings {
            offsets[rank[word as usize] as usize + 1] += 1;
        }
        for at in 1..offsets.len() {
            offsets[at] += offsets[at - 1];
        }
        let mut fill = offsets.clone();
        let mut key_ids = vec![0u32; self.postings.len()];
        for &(word, key) in &self.postings {
            let slot = &mut fill[rank[word as usize] as usize];
            key_ids[*slot as usize] = key;
            *slot += 1;
        }
        drop(self.postings);
        // A word twice in one key is posted once.
        let mut kept = 0usize;
        let mut start = 0usize;
        for word in 0..count {
            let end = offsets[word + 1] as usize;
            for at in start..end {
                if at == start || key_ids[at] != key_ids[at - 1] {
                    key_ids[kept] = key_ids[at];
                    kept += 1;
                }
            }
            start = end;
            offsets[word + 1] = kept as u32;
        }
        key_ids.truncate(kept);
        key_ids.shrink_to_fit();
        let key_lengths = key_ids
            .iter()
            .map(|&key| self.keys[key as usize].chars.min(u16::from(u8::MAX)) as u8)
            .collect();
        // The index lives as long as the window: give back what growing left spare.
        self.text.shrink_to_fit();
        self.keys.shrink_to_fit();
        let mut space = Space {
            text: self.text,
            keys: self.keys,
            vocab,
            ends,
            buckets: vec![0u32; BUCKETS + 1],
            offsets,
            key_ids,
            key_lengths,
        };
        let mut next = 0usize;
        for bucket in 0..=BUCKETS {
            while next < count && bucket_of(space.word(next as u32).as_bytes()) < bucket {
                next += 1;
            }
            space.buckets[bucket] = next as u32;
        }
        space
    }
}

/// Buckets of the vocabulary by its first two bytes.
const BUCKETS: usize = 1 << 16;

/// The bucket of a word: its first byte and its second (0 for a one-byte word, which sorts
/// before every longer word with the same first byte).
fn bucket_of(bytes: &[u8]) -> usize {
    (usize::from(bytes.first().copied().unwrap_or(0)) << 8)
        | usize::from(bytes.get(1).copied().unwrap_or(0))
}

/// A searchable space of keys.
pub struct Space {
    text: String,
    keys: Vec<Key>,
    /// Every vocabulary word, in sorted order, end to end.
    vocab: String,
    /// Word `id` is `vocab[ends[id]..ends[id + 1]]`.
    ends: Vec<u32>,
    /// Words of bucket `b` (see [`bucket_of`]) have ids `buckets[b]..buckets[b + 1]`.
    buckets: Vec<u32>,
    offsets: Vec<u32>,
    key_ids: Vec<u32>,
    /// For each entry of `key_ids`, the length of that key in characters (at most 255), so
    /// that keys can be ordered by length without reading them.
    key_lengths: Vec<u8>,
}

impl Space {
    /// The key with this id.
    pub fn key(&self, id: u32) -> &Key {
        &self.keys[id as usize]
    }

    /// The folded spelling of a key.
    pub fn full(&self, key: &Key) -> &str {
        &self.text[key.start as usize..(key.start + key.len) as usize]
    }

    /// The vocabulary word with this id.
    pub fn word(&self, id: u32) -> &str {
        &self.vocab[self.ends[id as usize] as usize..self.ends[id as usize + 1] as usize]
    }

    /// How many distinct words the space holds.
    pub fn word_count(&self) -> usize {
        self.ends.len() - 1
    }

    /// Ids of the words that start with `prefix`, in sorted order.
    pub fn words_with_prefix(&self, prefix: &str) -> Range<u32> {
        let bytes = prefix.as_bytes();
        let (low, high) = match bytes.len() {
            0 => return 0..self.word_count() as u32,
            1 => {
                let first = usize::from(bytes[0]) << 8;
                (self.buckets[first], self.buckets[first + 256])
            }
            _ => {
                let bucket = bucket_of(bytes);
                (self.buckets[bucket], self.buckets[bucket + 1])
            }
        };
        let start = low + partition_point(low..high, |id| self.word_bytes(id) < bytes);
        // Most lookups of words not typed right end here, at one comparison.
        if start == high || !self.word_bytes(start).starts_with(bytes) {
            return start..start;
        }
        let end = start + partition_point(start..high, |id| self.word_bytes(id).starts_with(bytes));
        start..end
    }

    /// The bytes of word `id` (sorted order is byte order).
    fn word_bytes(&self, id: u32) -> &[u8] {
        &self.vocab.as_bytes()[self.ends[id as usize] as usize..self.ends[id as usize + 1] as usize]
    }

    /// Length in bytes of word `id`.
    pub fn word_len(&self, id: u32) -> usize {
        (self.ends[id as usize + 1] - self.ends[id as usize]) as usize
    }

    /// How many key references the words `words` hold together.
    pub fn postings(&self, words: Range<u32>) -> usize {
        (self.offsets[words.end as usize] - self.offsets[words.start as usize]) as usize
    }

    /// The keys holding word `id`.
    pub fn keys_of(&self, word: u32) -> &[u32] {
        &self.key_ids
            [self.offsets[word as usize] as usize..self.offsets[word as usize + 1] as usize]
    }

    /// The lengths in characters (at most 255) of the keys holding word `id`, in the order
    /// of [`Space::keys_of`].
    pub fn key_lengths_of(&self, word: u32) -> &[u8] {
        &self.key_lengths
            [self.offsets[word as usize] as usize..self.offsets[word as usize + 1] as usize]
    }

    /// Approximate bytes of memory the space takes.
    pub fn memory(&self) -> usize {
        self.text.capacity()
            + self.keys.capacity() * std::mem::size_of::<Key>()
            + self.vocab.capacity()
            + (self.ends.capacity()
                + self.buckets.capacity()
                + self.offsets.capacity()
                + self.key_ids.capacity())
                * 4
            + self.key_lengths.capacity()
    }
}

/// How many ids of `ids`, from its start, satisfy `pred` (which holds for a leading run).
fn partition_point(ids: Range<u32>, pred: impl Fn(u32) -> bool) -> u32 {
    let (mut low, mut high) = (ids.start, ids.end);
    while low < high {
        let mid = low + (high - low) / 2;
        if pred(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low - ids.start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_ranges_of_the_sorted_vocabulary() {
        let mut builder = SpaceBuilder::default();
        for (at, text) in ["b", "ba bc", "a", "bab", "ж жук", "提单", "c", "ba"]
            .iter()
            .enumerate()
        {
            builder.add(at as u32, Lang::En, 0, Form::Text, |out| out.push_str(text));
        }
        let space = builder.finish();
        let words: Vec<&str> = (0..space.word_count() as u32)
            .map(|id| space.word(id))
            .collect();
        let mut sorted = words.clone();
        sorted.sort_unstable();
        assert_eq!(words, sorted);
        for prefix in [
            "", "b", "ba", "bab", "babc", "z", "ж", "жу", "提", "单", "c",
        ] {
            let found: Vec<&str> = space
                .words_with_prefix(prefix)
                .map(|id| space.word(id))
                .collect();
            let expected: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| w.starts_with(prefix))
                .collect();
            assert_eq!(found, expected, "{prefix:?}");
        }
        let ba = space.words_with_prefix("ba").start;
        assert_eq!(space.keys_of(ba), &[1, 7]);
    }
}
