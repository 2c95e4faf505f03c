//! Forgiving short typos: a deletion index over the vocabulary (the SymSpell idea) finds
//! the words within one edit of a query word, and some within two, without scanning the
//! vocabulary.

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
pub struct DeletionIndex {
    /// How many top bits of a hash choose its bucket.
    bits: u32,
    /// Bucket `b` is `entries[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    /// (low 32 bits of the hash, word id).
    entries: Vec<(u32, u32)>,
}

/// How many top bits of a hash choose the partition it is gathered in.
const PARTITION_BITS: u32 = 8;

/// How many partitions pairs are gathered in.
const PARTITIONS: usize = 1 << PARTITION_BITS;

/// The (hash of a form, word id) pairs of some words, gathered for a [`DeletionIndex`]
/// already split by the top bits of the hash: each partition then fits in the cache while
/// it is sorted into buckets, and partitions can be sorted on different threads.
pub struct DeletionPairs {
    partitions: Vec<Vec<(u64, u32)>>,
}

impl Default for DeletionPairs {
    fn default() -> Self {
        DeletionPairs {
            partitions: vec![Vec::new(); PARTITIONS],
        }
    }
}

impl DeletionPairs {
    /// Adds word number `id`, given as its characters.
    pub fn insert_chars(&mut self, id: u32, chars: &[char]) {
        if tolerance(chars.len() + 1) == 0 || chars.len() > LONGEST {
            return;
        }
        let prefixes = Prefixes::new(chars);
        self.push(prefixes.whole(), id);
        for skip in first_of_runs(chars) {
            self.push(prefixes.without(skip), id);
        }
    }

    fn push(&mut self, hash: u64, id: u32) {
        self.partitions[(hash >> (64 - PARTITION_BITS)) as usize].push((hash, id));
    }

    fn len(&self) -> usize {
        self.partitions.iter().map(Vec::len).sum()
    }
}

/// The base of the polynomial hash (odd, so no information is lost to the modulus).
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Words longer than this many characters are not forgiven typos (no term has such words;
/// the limit keeps the hashing on the stack).
const LONGEST: usize = 64;

/// `POWERS[k]` is `BASE` to the power `k`.
const POWERS: [u64; LONGEST + 1] = {
    let mut powers = [1u64; LONGEST + 1];
    let mut at = 1;
    while at <= LONGEST {
        powers[at] = powers[at - 1].wrapping_mul(BASE);
        at += 1;
    }
    powers
};

/// Polynomial hashes of every prefix of a word, so that the hash of the word with any one
/// or two characters deleted is a few multiplications away, without building the form.
struct Prefixes {
    /// `hashes[k]` is the hash of the first `k` characters.
    hashes: [u64; LONGEST + 1],
    len: usize,
}

impl Prefixes {
    /// The prefixes of `chars`, which are at most [`LONGEST`].
    fn new(chars: &[char]) -> Prefixes {
        let mut hashes = [0u64; LONGEST + 1];
        for (at, &c) in chars.iter().enumerate() {
            hashes[at + 1] = hashes[at].wrapping_mul(BASE).wrapping_add(c as u64);
        }
        Prefixes {
            hashes,
            len: chars.len(),
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// The raw hash of characters `from..to`.
    fn part(&self, from: usize, to: usize) -> u64 {
        self.hashes[to].wrapping_sub(self.hashes[from].wrapping_mul(POWERS[to - from]))
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
            .wrapping_mul(POWERS[tail])
            .wrapping_add(self.part(skip + 1, n)))
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
    /// The index over the pairs `gathered` (from disjoint sets of words), grouped into
    /// buckets on `threads` threads.
    pub fn group(gathered: &[DeletionPairs], threads: usize) -> DeletionIndex {
        let total: usize = gathered.iter().map(DeletionPairs::len).sum();
        // Two to four pairs per bucket: a probe still reads one cache line, and the table
        // of bucket starts stays small.
        let bits = (usize::BITS - total.leading_zeros())
            .saturating_sub(2)
            .clamp(PARTITION_BITS, 24);
        let per_partition = 1usize << (bits - PARTITION_BITS);
        let mut starts = vec![0u32; (1 << bits) + 1];
        let mut entries = vec![(0u32, 0u32); total];
        // Each partition's buckets and entries are one stretch of `starts` and `entries`:
        // cut both into one piece per partition, so threads sort pieces of their own.
        let mut pieces = Vec::with_capacity(PARTITIONS);
        let (mut rest_starts, mut rest_entries) = (&mut starts[..1 << bits], &mut entries[..]);
        let mut first = 0usize;
        for partition in 0..PARTITIONS {
            let size: usize = gathered.iter().map(|g| g.partitions[partition].len()).sum();
            let (starts, more_starts) = rest_starts.split_at_mut(per_partition);
            let (entries, more_entries) = rest_entries.split_at_mut(size);
            pieces.push(Piece {
                partition,
                first,
                starts,
                entries,
            });
            (rest_starts, rest_entries) = (more_starts, more_entries);
            first += size;
        }
        let shift = 64 - bits;
        let share = PARTITIONS.div_ceil(threads.max(1));
        std::thread::scope(|scope| {
            let mut chunks = pieces.chunks_mut(share);
            let own = chunks.next();
            for chunk in chunks {
                scope.spawn(move || chunk.iter_mut().for_each(|p| p.sort(gathered, shift)));
            }
            own.into_iter()
                .flatten()
                .for_each(|piece| piece.sort(gathered, shift));
        });
        starts[1 << bits] = total as u32;
        DeletionIndex {
            bits,
            starts,
            entries,
        }
    }

    /// Bytes of memory the index takes.
    pub fn memory(&self) -> usize {
        self.entries.capacity() * 8 + self.starts.capacity() * 4
    }

    /// Ids of the words that may be within one edit of `query` (or two: a letter changed in
    /// both, one added to it and one changed, …), sorted; the caller checks the true distance
    /// with [`Distance`].
    pub fn candidates<'a>(&self, query: &str, probes: &'a mut Probes) -> &'a [u32] {
        let Probes {
            chars,
            buckets,
            found,
        } = probes;
        found.clear();
        chars.clear();
        chars.extend(query.chars());
        if self.entries.is_empty() || chars.len() > LONGEST {
            return found;
        }
        let prefixes = Prefixes::new(chars);
        let shift = 64 - self.bits;
        // The buckets lie scattered in memory: finding them all in one tight loop first
        // lets the processor fetch many at once instead of one after another.
        buckets.clear();
        let mut probe = |hash: u64| {
            let bucket = (hash >> shift) as usize;
            buckets.push((hash as u32, self.starts[bucket], self.starts[bucket + 1]));
        };
        probe(prefixes.whole());
        for skip in first_of_runs(chars) {
            probe(prefixes.without(skip));
        }
        for &(low, start, end) in buckets.iter() {
            let entries = &self.entries[start as usize..end as usize];
            found.extend(entries.iter().filter(|(k, _)| *k == low).map(|(_, id)| *id));
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// One partition's share of a [`DeletionIndex`] being grouped.
struct Piece<'a> {
    partition: usize,
    /// Position in the whole index of the partition's first entry.
    first: usize,
    /// The starts of the partition's buckets.
    starts: &'a mut [u32],
    entries: &'a mut [(u32, u32)],
}

impl Piece<'_> {
    /// Counting-sorts the partition's pairs from every gatherer into its buckets, by the
    /// hash bits below the partition's own.
    fn sort(&mut self, gathered: &[DeletionPairs], shift: u32) {
        let mask = self.starts.len() - 1;
        let pairs = || {
            gathered
                .iter()
                .flat_map(|g| g.partitions[self.partition].iter())
        };
        let bucket = |hash: u64| (hash >> shift) as usize & mask;
        for &(hash, _) in pairs() {
            self.starts[bucket(hash)] += 1;
        }
        let mut next = self.first as u32;
        for start in self.starts.iter_mut() {
            (*start, next) = (next, next + *start);
        }
        let mut fill: Vec<u32> = self.starts.to_vec();
        for &(hash, id) in pairs() {
            let slot = &mut fill[bucket(hash)];
            self.entries[*slot as usize - self.first] = (hash as u32, id);
            *slot += 1;
        }
    }
}

/// Buffers one query's typo probes reuse from word to word, so that probing allocates
/// only for the first.
#[derive(Default)]
pub struct Probes {
    chars: Vec<char>,
    /// (low 32 bits of a probe's hash, start and end of its bucket).
    buckets: Vec<(u32, u32, u32)>,
    found: Vec<u32>,
}

/// Measures edit distances, reusing its buffers from one pair of words to the next.
#[derive(Default)]
pub struct Distance {
    a: Vec<char>,
    b: Vec<char>,
    rows: Vec<usize>,
}

impl Distance {
    /// The optimal-string-alignment distance between `a` and `b` if it is at most `max`:
    /// insertions, deletions, substitutions and swaps of two neighbouring characters each
    /// cost one edit. Only cells within `max` of the diagonal are worked out, and the work
    /// stops at the first row whose every cell is over `max`: no later cell can be under it.
    pub fn within(&mut self, a: &str, b: &str, max: usize) -> Option<usize> {
        // ASCII words (most English and Latin spellings) are compared as bytes, with no
        // decoding into characters.
        if a.is_ascii() && b.is_ascii() {
            return banded(a.as_bytes(), b.as_bytes(), max, &mut self.rows);
        }
        self.a.clear();
        self.a.extend(a.chars());
        self.b.clear();
        self.b.extend(b.chars());
        banded(&self.a, &self.b, max, &mut self.rows)
    }
}

/// [`Distance::within`] of two sequences of letters, with `rows` as the working rows.
fn banded<T: PartialEq>(a: &[T], b: &[T], max: usize, rows: &mut Vec<usize>) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let over = max + 1;
    let width = b.len() + 1;
    // Three rows in turn: the swap of two neighbours looks two rows up. Only the band
    // and the cell on each side of it are ever read, so only those are written.
    if rows.len() < 3 * width {
        rows.resize(3 * width, over);
    }
    for (j, cell) in rows.iter_mut().enumerate().take(width.min(max + 2)) {
        *cell = j.min(over);
    }
    for i in 1..=a.len() {
        let (row, up, two_up) = (
            (i % 3) * width,
            ((i + 2) % 3) * width,
            ((i + 1) % 3) * width,
        );
        let (first, last) = (i.saturating_sub(max).max(1), (i + max).min(b.len()));
        rows[row] = i.min(over);
        rows[row + first - 1] = if first == 1 { i.min(over) } else { over };
        let mut least = rows[row];
        for j in first..=last {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[up + j] + 1)
                .min(rows[row + j - 1] + 1)
                .min(rows[up + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[two_up + j - 2] + 1);
            }
            rows[row + j] = best.min(over);
            least = least.min(best);
        }
        if last < b.len() {
            rows[row + last + 1] = over;
        }
        if least > max {
            return None;
        }
    }
    let distance = rows[(a.len() % 3) * width + b.len()];
    (distance <= max).then_some(distance)
}

/// Optimal-string-alignment distance between two words (see [`Distance::within`]).
pub fn distance(a: &str, b: &str) -> usize {
    let most = a.chars().count().max(b.chars().count());
    Distance::default()
        .within(a, b, most)
        .expect("no two words are further apart than the longer one is long")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bounded_distance_is_the_distance_when_within_the_bound() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "container",
            "contaner",
            "cotnainer",
            "containers",
            "logistics",
            "logisitcs",
            "lgoistics",
            "таможня",
            "таможна",
            "тамжоня",
        ];
        let mut near = Distance::default();
        for a in words {
            for b in words {
                let d = full_matrix_distance(a, b);
                assert_eq!(distance(a, b), d, "{a} {b}");
                for max in 0..4 {
                    assert_eq!(
                        near.within(a, b, max),
                        (d <= max).then_some(d),
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }

    /// The textbook optimal-string-alignment distance over the whole matrix, to check the
    /// banded one against.
    fn full_matrix_distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

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
            assert_eq!(prefixes.without(first), hash(once));
        }
    }

    #[test]
    fn finds_words_within_tolerance() {
        let mut pairs = DeletionPairs::default();
        for (id, word) in ["container", "logistics", "таможня", "customs"]
            .iter()
            .enumerate()
        {
            pairs.insert_chars(id as u32, &word.chars().collect::<Vec<_>>());
        }
        let index = DeletionIndex::group(&[pairs], 2);
        let mut probes = Probes::default();
        assert!(index.candidates("contaner", &mut probes).contains(&0));
        assert!(index.candidates("logisitcs", &mut probes).contains(&1));
        assert!(index.candidates("tamozhnya", &mut probes).is_empty());
        assert!(index.candidates("таможна", &mut probes).contains(&2));
        assert!(index.candidates("cutsoms", &mut probes).contains(&3));
    }

    #[test]
    fn gathering_and_grouping_on_several_threads_changes_nothing() {
        let words: Vec<Vec<char>> = (0..3000u32)
            .map(|n| {
                format!("w{}x{}", n * 7919 % 10007, n % 13)
                    .chars()
                    .collect()
            })
            .collect();
        let gather = |ids: std::ops::Range<usize>| {
            let mut pairs = DeletionPairs::default();
            for id in ids {
                pairs.insert_chars(id as u32, &words[id]);
            }
            pairs
        };
        let whole = DeletionIndex::group(&[gather(0..3000)], 1);
        let split = DeletionIndex::group(
            &[gather(0..1000), gather(1000..1001), gather(1001..3000)],
            3,
        );
        assert_eq!(whole.starts, split.starts);
        let (mut probes, mut more) = (Probes::default(), Probes::default());
        for word in &words {
            let typo: String = word.iter().skip(1).collect();
            let found = whole.candidates(&typo, &mut probes).to_vec();
            assert!(!found.is_empty(), "{typo}");
            assert_eq!(found, split.candidates(&typo, &mut more), "{typo}");
        }
    }
}
