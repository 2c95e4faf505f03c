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

/// The base of the polynomial hash (odd, so no information is lost to the modulus).
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Polynomial hashes of every prefix of a word, so that the hash of the word with any one
/// or two characters deleted is a few multiplications away, without building the form.
struct Prefixes {
    /// `hashes[k]` is the hash of the first `k` characters.
    hashes: Vec<u64>,
    /// `powers[k]` is `BASE` to the power `k`.
    powers: Vec<u64>,
}

impl Prefixes {
    fn new(chars: &[char]) -> Prefixes {
        let mut hashes = Vec::with_capacity(chars.len() + 1);
        let mut powers = Vec::with_capacity(chars.len() + 1);
        let (mut hash, mut power) = (0u64, 1u64);
        hashes.push(hash);
        powers.push(power);
        for &c in chars {
            hash = hash.wrapping_mul(BASE).wrapping_add(c as u64);
            power = power.wrapping_mul(BASE);
            hashes.push(hash);
            powers.push(power);
        }
        Prefixes { hashes, powers }
    }

    fn len(&self) -> usize {
        self.hashes.len() - 1
    }

    /// The raw hash of characters `from..to`.
    fn part(&self, from: usize, to: usize) -> u64 {
        self.hashes[to].wrapping_sub(self.hashes[from].wrapping_mul(self.powers[to - from]))
    }

    /// The hash of the whole word.
    fn whole(&self) -> u64 {
        mix(self.hashes[self.len()])
    }

    /// The hash of the word with character `skip` deleted.
    fn without(&self, skip: usize) -> u64 {
        let n = self.len();
        let tail = n - 1 - skip;
        mix(self.hashes[skip]
            .wrapping_mul(self.powers[tail])
            .wrapping_add(self.part(skip + 1, n)))
    }

    /// The hash of the word with characters `first` and `second` (`first < second`) deleted.
    fn without_two(&self, first: usize, second: usize) -> u64 {
        let n = self.len();
        let tail = n - 1 - second;
        mix(self.hashes[first]
            .wrapping_mul(self.powers[n - 2 - first])
            .wrapping_add(self.part(first + 1, second).wrapping_mul(self.powers[tail]))
            .wrapping_add(self.part(second + 1, n)))
    }
}

/// Spreads a polynomial hash over all 64 bits: buckets use the top bits, checks the low.
fn mix(hash: u64) -> u64 {
    let hash = (hash ^ (hash >> 32)).wrapping_mul(0xd6e8_feb8_6659_fd93);
    hash ^ (hash >> 32)
}

/// Positions whose deletion gives a new form: deleting either of two equal neighbours
/// gives the same form, so only the first of a run is deleted.
fn first_of_runs(chars: &[char]) -> impl Iterator<Item = usize> + '_ {
    (0..chars.len()).filter(|&at| at == 0 || chars[at] != chars[at - 1])
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
        let prefixes = Prefixes::new(chars);
        self.pending.push((prefixes.whole(), id));
        for skip in first_of_runs(chars) {
            self.pending.push((prefixes.without(skip), id));
        }
    }

    /// Groups the pairs into buckets; call once, after the last [`DeletionIndex::insert`].
    pub fn finish(&mut self) {
        debug_assert!(
            self.entries.is_empty(),
            "DeletionIndex::finish is called once"
        );
        let pending = std::mem::take(&mut self.pending);
        // Two to four pairs per bucket: a probe still reads one cache line, and the table
        // of bucket starts stays small enough to fill without missing the cache at every pair.
        self.bits = (usize::BITS - pending.len().leading_zeros())
            .saturating_sub(2)
            .clamp(4, 24);
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
        let prefixes = Prefixes::new(&chars);
        let mut probes = vec![prefixes.whole()];
        if edits >= 1 {
            for first in first_of_runs(&chars) {
                probes.push(prefixes.without(first));
                if edits >= 2 {
                    // Every second position after the first reaches every form once or
                    // more; the duplicates go below.
                    probes.extend(
                        (first + 1..chars.len()).map(|second| prefixes.without_two(first, second)),
                    );
                }
            }
        }
        // The buckets lie scattered in memory: finding them all in one tight loop first
        // lets the processor fetch many at once instead of one after another.
        let shift = 64 - self.bits;
        let buckets: Vec<(u32, &[(u32, u32)])> = probes
            .iter()
            .map(|&h| {
                let bucket = (h >> shift) as usize;
                let range = self.starts[bucket] as usize..self.starts[bucket + 1] as usize;
                (h as u32, &self.entries[range])
            })
            .collect();
        for (low, entries) in buckets {
            found.extend(entries.iter().filter(|(k, _)| *k == low).map(|(_, id)| *id));
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
        let prefixes = Prefixes::new(&chars);
        let hash = |form: Vec<char>| Prefixes::new(&form).whole();
        for first in 0..chars.len() {
            let mut once = chars.clone();
            once.remove(first);
            assert_eq!(prefixes.without(first), hash(once.clone()));
            for second in first + 1..chars.len() {
                let mut twice = once.clone();
                twice.remove(second - 1);
                assert_eq!(prefixes.without_two(first, second), hash(twice));
            }
        }
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
