//! Interning words while an index is built: each distinct word gets a dense id in order of
//! first sight, and its bytes go end to end into one buffer, so a million postings cost no
//! allocation per word.
//!
//! The table and the words outgrow the processor's caches, and finding a word there takes
//! three reads that each wait for the one before (its slot, where its bytes start, the
//! bytes). Words are therefore interned in batches, one step of the three at a time for
//! the whole batch: the reads of one step do not wait for each other, so their cache
//! misses overlap instead of coming one after another.

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
    /// The hashes of the batch being interned.
    hashes: Vec<u64>,
}

impl Default for Interner {
    fn default() -> Self {
        Interner {
            text: String::new(),
            ends: vec![0],
            slots: vec![0; 1024],
            hashes: Vec::new(),
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
    /// The ids of the words of `batch`, which are `text[ends[i - 1]..ends[i]]` (from 0 for
    /// the first), appended to `ids` in order; a word not seen before gets a new id.
    pub fn intern_batch(&mut self, text: &str, ends: &[u32], ids: &mut Vec<u32>) {
        let words = || {
            std::iter::once(0)
                .chain(ends.iter().copied())
                .zip(ends)
                .map(|(start, &end)| &text[start as usize..end as usize])
        };
        let mut hashes = std::mem::take(&mut self.hashes);
        hashes.clear();
        hashes.extend(words().map(hash));
        // Each step only reads, and sums what it read so that the reads are not dropped.
        let mask = self.slots.len() - 1;
        let mut read = 0u64;
        for &h in &hashes {
            read = read.wrapping_add(self.slots[h as usize & mask]);
        }
        let first_ids = || {
            hashes.iter().filter_map(|&h| {
                let entry = self.slots[h as usize & mask];
                (entry != 0 && entry >> 32 == h).then(|| (entry as u32 - 1) as usize)
            })
        };
        for id in first_ids() {
            read = read.wrapping_add(u64::from(self.ends[id]));
        }
        for id in first_ids() {
            let start = self.ends[id] as usize;
            read = read.wrapping_add(u64::from(
                self.text.as_bytes().get(start).copied().unwrap_or(0),
            ));
        }
        std::hint::black_box(read);
        for (word, &h) in words().zip(&hashes) {
            ids.push(self.intern_hashed(word, h));
        }
        self.hashes = hashes;
    }

    /// The id of `word`, whose hash is `h`.
    fn intern_hashed(&mut self, word: &str, h: u64) -> u32 {
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

    /// Interns `words` in batches of `batch`, the way an index is built.
    fn intern_all(interner: &mut Interner, words: &[String], batch: usize) -> Vec<u32> {
        let mut ids = Vec::new();
        for chunk in words.chunks(batch) {
            let mut text = String::new();
            let mut ends = Vec::new();
            for word in chunk {
                text.push_str(word);
                ends.push(text.len() as u32);
            }
            interner.intern_batch(&text, &ends, &mut ids);
        }
        ids
    }

    #[test]
    fn gives_each_distinct_word_one_id_in_order_of_first_sight() {
        let mut interner = Interner::default();
        // Repeats inside one batch, across batches, and across the table's growth.
        let words: Vec<String> = (0..5000)
            .flat_map(|n| {
                let word = format!("w{}", n % 3000);
                vec![word; 1 + usize::from(n % 5 == 0)]
            })
            .collect();
        let ids = intern_all(&mut interner, &words, 7);
        assert_eq!(interner.len(), 3000);
        for (word, id) in words.iter().zip(&ids) {
            assert_eq!(*id as usize, word[1..].parse::<usize>().unwrap());
            assert_eq!(interner.word(*id), word);
        }
        assert_eq!(
            intern_all(&mut interner, &["".into(), "w7".into(), "".into()], 64),
            [3000, 7, 3000]
        );
        assert_eq!(interner.word(3000), "");
    }
}
