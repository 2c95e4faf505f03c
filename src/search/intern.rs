//! Interning words while an index is built: each distinct word gets a dense id in order of
//! first sight, and its bytes go end to end into one buffer, so a million postings cost no
//! allocation per word.

use rustc_hash::FxHasher;
use std::hash::Hasher;

/// Distinct words in order of first sight, found again through an open-addressing table.
pub struct Interner {
    /// Every word, end to end.
    text: String,
    /// Word `id` is `text[ends[id]..ends[id + 1]]`.
    ends: Vec<u32>,
    /// Each slot holds the top 32 bits of a word's hash (which also choose its slot) above
    /// `id + 1`, so most probes and all of growing read nothing else; 0 is an empty slot.
    /// A power of two long.
    slots: Vec<u64>,
}

impl Default for Interner {
    fn default() -> Self {
        Interner {
            text: String::new(),
            ends: vec![0],
            slots: vec![0; 1024],
        }
    }
}

/// The top 32 bits of the hash of `word`.
fn hash(word: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(word.as_bytes());
    hasher.finish() >> 32
}

impl Interner {
    /// The id of `word`, new if it was not seen before.
    pub fn intern(&mut self, word: &str) -> u32 {
        let h = hash(word);
        let mask = self.slots.len() - 1;
        let mut slot = h as usize & mask;
        while self.slots[slot] != 0 {
            let entry = self.slots[slot];
            let id = entry as u32 - 1;
            if entry >> 32 == h && self.word(id) == word {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        let id = self.len() as u32;
        self.text.push_str(word);
        self.ends.push(self.text.len() as u32);
        self.slots[slot] = h << 32 | u64::from(id + 1);
        if self.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    /// Reads what interning `word` will read first, without changing anything: warming a
    /// batch of words before interning them lets their cache misses overlap instead of
    /// coming one after another.
    pub fn warm(&self, word: &str) {
        let h = hash(word);
        let entry = self.slots[h as usize & (self.slots.len() - 1)];
        if entry != 0 && entry >> 32 == h {
            let start = self.ends[(entry as u32 - 1) as usize] as usize;
            std::hint::black_box(self.text.as_bytes().get(start));
        }
    }

    /// Doubles the table, placing every word again by the hash bits its slot holds.
    fn grow(&mut self) {
        let mut slots = vec![0u64; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for &entry in self.slots.iter().filter(|&&entry| entry != 0) {
            let mut slot = (entry >> 32) as usize & mask;
            while slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry;
        }
        self.slots = slots;
    }

    /// How many distinct words there are.
    pub fn len(&self) -> usize {
        self.ends.len() - 1
    }

    /// Bytes of all the words together.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// The word with this id.
    pub fn word(&self, id: u32) -> &str {
        &self.text[self.ends[id as usize] as usize..self.ends[id as usize + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::Interner;

    #[test]
    fn gives_each_distinct_word_one_id_in_order_of_first_sight() {
        let mut interner = Interner::default();
        let words: Vec<String> = (0..5000).map(|n| format!("w{}", n % 3000)).collect();
        let ids: Vec<u32> = words.iter().map(|w| interner.intern(w)).collect();
        assert_eq!(interner.len(), 3000);
        for (word, id) in words.iter().zip(&ids) {
            assert_eq!(*id as usize, word[1..].parse::<usize>().unwrap());
            assert_eq!(interner.word(*id), word);
        }
        assert_eq!(interner.intern(""), 3000);
        assert_eq!(interner.word(3000), "");
    }
}
