//! Forgiving short typos: a deletion index over the vocabulary (the SymSpell idea) finds
//! the words within one or two edits of a query word without scanning the vocabulary.

/// How many edits a query word of `len` characters may be away from a word it finds:
/// none under four characters, one up to seven, two from eight.
pub fn tolerance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Maps each word, and each form of it with one character deleted, to the words it
/// came from. The (hash of the form, word id) pairs are grouped by the top bits of the hash
/// (a counting sort, no comparison sort), so a probe reads one short bucket; within it the
/// low 32 bits of the hash tell the forms apart.
#[derive(Default)]
pub struct DeletionIndex {
    /// Pairs added since the last [`DeletionIndex::finish`].
    pending: Vec<(u64, u32)>,
    /// How many top bits of a hash choose its bucket.
    bits: u32,
    /// Bucket `b` is `entries[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    /// (low 32 bits of the hash, word id).
    entries: Vec<(u32, u32)>,
}

fn hash(chars: &[char]) -> u64 {
    // FNV-1a over the characters: cheap, and collisions are re-checked by distance.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Calls `each` with the hash of every distinct form of `chars` with one character
/// deleted, without building the forms (deleting either of two equal neighbours gives the
/// same form, so only the first of a run is deleted).
fn deletion_hashes(chars: &[char], each: impl FnMut(u64)) {
    deletion_hashes_from(chars, 0, each);
}

/// Like [`deletion_hashes`], deleting only characters at `from` and after.
fn deletion_hashes_from(chars: &[char], from: usize, mut each: impl FnMut(u64)) {
    let mut prefix: u64 = 0xcbf2_9ce4_8422_2325;
    for (skip, &c) in chars.iter().enumerate() {
        if skip >= from && (skip == from || c != chars[skip - 1]) {
            let mut h = prefix;
            for &c in &chars[skip + 1..] {
                h ^= c as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            each(h);
        }
        prefix ^= c as u64;
        prefix = prefix.wrapping_mul(0x0100_0000_01b3);
    }
}

/// Calls `each` with every distinct form of `chars` with one character deleted, and the
/// position deleted.
fn deletions(chars: &[char], mut each: impl FnMut(usize, &[char])) {
    let mut buffer = Vec::with_capacity(chars.len());
    for skip in 0..chars.len() {
        if skip > 0 && chars[skip] == chars[skip - 1] {
            continue;
        }
        buffer.clear();
        buffer.extend_from_slice(&chars[..skip]);
        buffer.extend_from_slice(&chars[skip + 1..]);
        each(skip, &buffer);
    }
}

impl DeletionIndex {
    /// Adds word number `id`.
    pub fn insert(&mut self, id: u32, word: &str) {
        let chars: Vec<char> = word.chars().collect();
        self.insert_chars(id, &chars);
    }

    /// Adds word number `id`, given as its characters.
    pub fn insert_chars(&mut self, id: u32, chars: &[char]) {
        if tolerance(chars.len() + 1) == 0 {
            return;
        }
        self.pending.push((hash(chars), id));
        deletion_hashes(chars, |h| self.pending.push((h, id)));
    }

    /// Groups the pairs into buckets; call once, after the last [`DeletionIndex::insert`].
    pub fn finish(&mut self) {
        debug_assert!(
            self.entries.is_empty(),
            "DeletionIndex::finish is called once"
        );
        let pending = std::mem::take(&mut self.pending);
        // About one pair per bucket.
        self.bits = (usize::BITS - pending.len().leading_zeros()).clamp(4, 26);
        let shift = 64 - self.bits;
        let mut starts = vec![0u32; (1 << self.bits) + 1];
        for &(h, _) in &pending {
            starts[(h >> shift) as usize + 1] += 1;
        }
        for at in 1..starts.len() {
            starts[at] += starts[at - 1];
        }
        let mut fill = starts.clone();
        let mut entries = vec![(0u32, 0u32); pending.len()];
        for &(h, id) in &pending {
            let slot = &mut fill[(h >> shift) as usize];
            entries[*slot as usize] = (h as u32, id);
            *slot += 1;
        }
        self.starts = starts;
        self.entries = entries;
    }

    /// Bytes of memory the index takes.
    pub fn memory(&self) -> usize {
        self.entries.capacity() * 8 + self.starts.capacity() * 4
    }

    /// Ids of the words that may be within `edits` (at most 2) of `query`; the caller
    /// checks the true distance with [`distance`].
    pub fn candidates(&self, query: &str, edits: usize) -> Vec<u32> {
        debug_assert!(
            self.pending.is_empty(),
            "DeletionIndex::finish was not called"
        );
        let mut found = Vec::new();
        if self.entries.is_empty() {
            return found;
        }
        let chars: Vec<char> = query.chars().collect();
        let shift = 64 - self.bits;
        let mut probe_hash = |h: u64| {
            let bucket = (h >> shift) as usize;
            let low = h as u32;
            found.extend(
                self.entries[self.starts[bucket] as usize..self.starts[bucket + 1] as usize]
                    .iter()
                    .filter(|(k, _)| *k == low)
                    .map(|(_, id)| *id),
            );
        };
        probe_hash(hash(&chars));
        if edits >= 1 {
            deletions(&chars, |skip, once| {
                probe_hash(hash(once));
                if edits >= 2 {
                    // Two deletions in increasing order of position reach every form once.
                    deletion_hashes_from(once, skip, &mut probe_hash);
                }
            });
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
/// two neighbouring characters each cost one edit.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_swaps_as_one() {
        assert_eq!(distance("logistics", "logisitcs"), 1);
        assert_eq!(distance("container", "contaner"), 1);
        assert_eq!(distance("таможня", "таможна"), 1);
        assert_eq!(distance("abc", "abc"), 0);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn deletion_hashes_equal_the_hashes_of_the_deleted_forms() {
        let chars: Vec<char> = "контейнер".chars().collect();
        let mut direct = Vec::new();
        deletions(&chars, |_, form| direct.push(hash(form)));
        let mut rolled = Vec::new();
        deletion_hashes(&chars, |h| rolled.push(h));
        assert_eq!(direct, rolled);
    }

    #[test]
    fn finds_words_within_tolerance() {
        let mut index = DeletionIndex::default();
        for (id, word) in ["container", "logistics", "таможня", "customs"]
            .iter()
            .enumerate()
        {
            index.insert(id as u32, word);
        }
        index.finish();
        assert!(index.candidates("contaner", 1).contains(&0));
        assert!(index.candidates("logisitcs", 2).contains(&1));
        assert!(index.candidates("tamozhnya", 2).is_empty());
        assert!(index.candidates("таможна", 1).contains(&2));
        assert!(index.candidates("cutsoms", 1).contains(&3));
    }
}
