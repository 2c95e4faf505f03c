//! One search space: the normalized spellings ("keys") of terms, the vocabulary of their
//! words in sorted order, and which keys hold each word.
//!
//! The plain space holds terms as written (folded) and pinyin; the translit space holds
//! Kazakh and Russian terms in canonical Latin letters.

use super::Form;
use crate::model::Lang;
use crate::script::is_han;
use rustc_hash::FxHashMap;

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
    word_ids: FxHashMap<String, u32>,
    postings: Vec<(u32, u32)>,
}

impl SpaceBuilder {
    /// Adds the folded spelling `full` of one term.
    pub fn add(&mut self, concept: u32, lang: Lang, term: u8, form: Form, full: &str) {
        if full.is_empty() {
            return;
        }
        let key_id = self.keys.len() as u32;
        self.keys.push(Key {
            concept,
            lang,
            term,
            form,
            chars: full.chars().count().min(u16::MAX as usize) as u16,
            start: self.text.len() as u32,
            len: full.len() as u32,
        });
        self.text.push_str(full);
        let mut short_words = true;
        let mut words = 0;
        for word in full.split(' ') {
            words += 1;
            short_words &= word.chars().count() <= 3;
            if word.chars().next().is_some_and(is_han) {
                // Chinese has no spaces: every suffix is a word, so any part can be found.
                for (at, _) in word.char_indices() {
                    self.post(&word[at..], key_id);
                }
            } else {
                self.post(word, key_id);
            }
        }
        if words > 1 && (form == Form::Pinyin || short_words) {
            let compact: String = full.split(' ').collect();
            self.post(&compact, key_id);
        }
    }

    fn post(&mut self, word: &str, key_id: u32) {
        let next = self.word_ids.len() as u32;
        let id = match self.word_ids.get(word) {
            Some(&id) => id,
            None => {
                self.word_ids.insert(word.to_string(), next);
                next
            }
        };
        self.postings.push((id, key_id));
    }

    /// Sorts the vocabulary and the postings into a searchable space.
    pub fn finish(self) -> Space {
        let mut words = vec![String::new(); self.word_ids.len()];
        for (word, id) in self.word_ids {
            words[id as usize] = word;
        }
        let mut order: Vec<u32> = (0..words.len() as u32).collect();
        order.sort_unstable_by(|a, b| words[*a as usize].cmp(&words[*b as usize]));
        let mut postings = self.postings;
        postings.sort_unstable();
        postings.dedup();
        let mut offsets = vec![0u32; words.len() + 1];
        for (word, _) in &postings {
            offsets[*word as usize + 1] += 1;
        }
        for at in 1..offsets.len() {
            offsets[at] += offsets[at - 1];
        }
        Space {
            text: self.text,
            keys: self.keys,
            words,
            order,
            offsets,
            key_ids: postings.into_iter().map(|(_, key)| key).collect(),
        }
    }
}

/// A searchable space of keys.
pub struct Space {
    text: String,
    keys: Vec<Key>,
    words: Vec<String>,
    order: Vec<u32>,
    offsets: Vec<u32>,
    key_ids: Vec<u32>,
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
        &self.words[id as usize]
    }

    /// How many distinct words the space holds.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Ids of the words that start with `prefix`, in sorted order.
    pub fn words_with_prefix(&self, prefix: &str) -> &[u32] {
        let start = self
            .order
            .partition_point(|&id| self.words[id as usize].as_str() < prefix);
        let end = start
            + self.order[start..]
                .partition_point(|&id| self.words[id as usize].starts_with(prefix));
        &self.order[start..end]
    }

    /// The keys holding word `id`.
    pub fn keys_of(&self, word: u32) -> &[u32] {
        &self.key_ids
            [self.offsets[word as usize] as usize..self.offsets[word as usize + 1] as usize]
    }

    /// Approximate bytes of memory the space takes.
    pub fn memory(&self) -> usize {
        self.text.capacity()
            + self.keys.capacity() * std::mem::size_of::<Key>()
            + self
                .words
                .iter()
                .map(|w| w.capacity() + std::mem::size_of::<String>())
                .sum::<usize>()
            + self.order.capacity() * 4
            + self.offsets.capacity() * 4
            + self.key_ids.capacity() * 4
    }
}
