//! Running one query against the index, tier by tier.

mod joined;
mod typos;

use super::ceiling::Ceilings;
use super::fuzzy::tolerance;
use super::space::{Key, Space, indexed};
use super::stem::{Cyrillic, inflects, stems};
use super::typed::Typed;
use super::{Form, Hit, Index, MatchKind, Options, layout};
use crate::model::Lang;
use crate::script::{is_cyrillic, is_han};
use rustc_hash::FxHashMap;
use std::ops::Range;
use typos::all_typos;

/// The most key references one query word may pull in; a one-letter prefix of a huge
/// termbase stops there (the shortest keys come first).
const MAX_CANDIDATES: usize = 20_000;

/// A query word whose vocabulary words hold more key references than this reads the keys in
/// order of the best score they can give, and stops once that cannot beat the hits found.
const ORDERED_FROM: usize = 32;

/// Gathers the best hit per concept.
struct Collector<'a> {
    index: &'a Index,
    options: Options<'a>,
    best: FxHashMap<u32, Best>,
    whole: bool,
    exact: bool,
    /// Which pass over a space is offering hits now.
    pass: u32,
}

/// The best hit of one concept so far, and where it came from.
#[derive(Clone, Copy)]
struct Best {
    score: u32,
    pass: u32,
    key: u32,
    kind: MatchKind,
    lang: Lang,
    term: u8,
    form: Form,
}

thread_local! {
    /// The map of the last query on this thread, kept so the next does not grow its own.
    static SPARE: std::cell::Cell<FxHashMap<u32, Best>> = std::cell::Cell::default();
}

/// A map larger than this is not kept for the next query: clearing it would cost more
/// than growing a fresh one.
const SPARE_CAPACITY: usize = 4096;

impl Collector<'_> {
    /// Starts a new pass: among equal scores, an earlier pass wins, and within a pass the
    /// lower key id, whatever order the pass offers its keys in.
    fn next_pass(&mut self) {
        self.pass += 1;
    }

    fn offer(&mut self, id: u32, key: &Key, (kind, whole_words): (MatchKind, bool), penalty: u32) {
        let concept = key.concept;
        if let Some(domain) = self.options.domain
            && self.index.domains[concept as usize] != domain
        {
            return;
        }
        self.whole |= kind <= MatchKind::Prefix;
        self.exact |= kind == MatchKind::Exact;
        let score = kind.score(
            key.chars,
            key.term == 0,
            self.options.prefer.contains(&key.lang),
            key.form == Form::Translit,
            penalty,
            whole_words,
        );
        let best = Best {
            score,
            pass: self.pass,
            key: id,
            kind,
            lang: key.lang,
            term: key.term,
            form: key.form,
        };
        self.best
            .entry(concept)
            .and_modify(|old| {
                if score > old.score
                    || (score == old.score && best.pass == old.pass && id < old.key)
                {
                    *old = best;
                }
            })
            .or_insert(best);
    }

    fn len(&self) -> usize {
        self.best.len()
    }

    /// Reports every hit so far as `kind` (keeping its score).
    fn relabel(&mut self, kind: MatchKind) {
        for best in self.best.values_mut() {
            best.kind = kind;
        }
    }

    /// How many concepts score above `score`, counting no further than `enough`.
    fn count_above(&self, score: u32, enough: usize) -> usize {
        if self.best.len() < enough {
            return 0;
        }
        self.best
            .values()
            .filter(|best| best.score > score)
            .take(enough)
            .count()
    }

    /// Whether some hit is the query as a whole term or starts with it.
    fn has_whole_match(&self) -> bool {
        self.whole
    }

    /// Whether some hit is the query as a whole term.
    fn has_exact_match(&self) -> bool {
        self.exact
    }

    fn finish(mut self, limit: usize) -> Vec<Hit> {
        let mut hits: Vec<Hit> = self
            .best
            .drain()
            .map(|(concept, best)| Hit {
                concept: concept as usize,
                score: best.score,
                kind: best.kind,
                lang: best.lang,
                term: best.term as usize,
                form: best.form,
            })
            .collect();
        if self.best.capacity() <= SPARE_CAPACITY {
            SPARE.set(std::mem::take(&mut self.best));
        }
        let order = |a: &Hit, b: &Hit| b.score.cmp(&a.score).then(a.concept.cmp(&b.concept));
        // Only the best `limit` need sorting; the order is total (concepts are distinct).
        if limit < hits.len() {
            hits.select_nth_unstable_by(limit, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits
    }
}

/// Whether a query word is found in a key's folded spelling: a word of it starts with the
/// query word, or (Chinese) the spelling contains it.
fn holds(full: &str, word: &str) -> bool {
    if word.chars().next().is_some_and(is_han) {
        full.contains(word)
    } else {
        // Keys are short: a plain scan for the word starts beats setting up a searcher.
        let (full, word) = (full.as_bytes(), word.as_bytes());
        full.starts_with(word)
            || (0..full.len()).any(|at| full[at] == b' ' && full[at + 1..].starts_with(word))
    }
}

fn without_spaces(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| *c != ' ')
}

/// How a key's folded spelling `full` matches `query` (its `words` joined by spaces), and
/// whether each query word is a whole word of it.
fn classify(full: &str, query: &str, words: &[String]) -> (MatchKind, bool) {
    let kind = if full == query || without_spaces(full).eq(without_spaces(query)) {
        MatchKind::Exact
    } else if full.starts_with(query) || {
        let mut key = without_spaces(full);
        without_spaces(query).all(|q| key.next() == Some(q))
    } {
        MatchKind::Prefix
    } else {
        MatchKind::Word
    };
    (kind, words.iter().all(|word| is_whole_word(full, word)))
}

/// Whether `word` is a whole word of `full` (in Chinese, which has no spaces, only the
/// whole term is).
fn is_whole_word(full: &str, word: &str) -> bool {
    full.split(' ').any(|w| w == word)
}

/// How a strict pass offers the keys that hold every query word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// As they match: exact, prefix or word.
    Direct,
    /// Only those that equal or start with the query's words run together: the words are
    /// the pieces of one typed without the term's spaces or hyphens (`doortodoor`).
    Joined,
    /// As stem hits, the query's words being stems.
    Stem,
}

/// Every key holding all `words` (each as a word prefix), offered as `pass` says.
fn strict(space: &Space, words: &[String], pass: Pass, limit: usize, collector: &mut Collector) {
    if words.is_empty() {
        return;
    }
    // Drive from the word whose vocabulary words hold the fewest keys (one short binary
    // search each); the others are checked on the candidates' text.
    let mut first_starts_a_word = false;
    let (driver, range) = words
        .iter()
        .enumerate()
        .map(|(at, w)| {
            let range = space.words_with_prefix(indexed(w));
            if at == 0 {
                first_starts_a_word = !range.is_empty();
            }
            (w, range)
        })
        .min_by_key(|(_, range)| space.postings(range.clone()))
        .expect("words is not empty");
    if space.postings(range.clone()) > 0 {
        read_driver(space, words, driver, range, pass, limit, collector);
    }
    // Words typed apart may be one word in the term (`hai guan`: 海关 `haiguan`), even when
    // they also start words of a longer term (海关关员 `haiguan guanyuan`). The words run
    // together start with the first, so they can only be found if it starts some word.
    if words.len() > 1 && first_starts_a_word && !collector.has_exact_match() {
        strict(space, &[words.concat()], pass, limit, collector);
    }
}

/// Offers the keys of the driver's vocabulary words `range` that hold every query word,
/// best first when there are many.
fn read_driver(
    space: &Space,
    words: &[String],
    driver: &String,
    range: Range<u32>,
    pass: Pass,
    limit: usize,
    collector: &mut Collector,
) {
    // A long Chinese driver was found by its first characters only.
    let driver_held = indexed(driver).len() == driver.len();
    let query = words.join(" ");
    collector.next_pass();
    let mut gathered_keys = Vec::new();
    let mut offer_keys = |keys: &[u32], collector: &mut Collector| {
        // The keys and their texts lie scattered in memory: loading them all in one tight
        // loop first lets the processor fetch many at once instead of one after another.
        gathered_keys.clear();
        gathered_keys.extend(keys.iter().map(|&id| {
            let key = space.key(id);
            (id, key, space.full(key))
        }));
        for &(id, key, full) in &gathered_keys {
            if words
                .iter()
                .all(|w| (w == driver && driver_held) || holds(full, w))
            {
                let kind = match pass {
                    Pass::Stem => (MatchKind::Stem, inflects(full, words)),
                    Pass::Direct | Pass::Joined => classify(full, &query, words),
                };
                if pass == Pass::Joined && kind.0 > MatchKind::Prefix {
                    continue;
                }
                collector.offer(id, key, kind, 0);
            }
        }
    };
    if space.postings(range.clone()) <= ORDERED_FROM {
        for word in range {
            offer_keys(space.keys_of(word), collector);
        }
        return;
    }
    let tier = (pass == Pass::Stem).then_some(MatchKind::Stem);
    let ceilings = Ceilings::new(&query, tier, collector.options.prefer);
    let ordered = ceilings.order(space, range);
    let (mut start, mut offered) = (0, 0);
    'levels: for &(level, end) in &ordered.levels {
        if collector.count_above(ceilings.score(level), limit) >= limit {
            break;
        }
        let chunk_len = if ordered.by_word { 1 } else { 64 };
        for chunk in ordered.ids[start..end].chunks(chunk_len) {
            if offered >= MAX_CANDIDATES {
                break 'levels;
            }
            let keys = if ordered.by_word {
                space.keys_of(chunk[0])
            } else {
                chunk
            };
            offer_keys(keys, collector);
            offered += keys.len();
        }
        start = end;
    }
}

/// The direct tiers (exact, prefix, word) of one spelling of the query.
fn direct(index: &Index, typed: &Typed, limit: usize, collector: &mut Collector) {
    strict(&index.plain, &typed.words, Pass::Direct, limit, collector);
    // A query that a term equals or starts with is not transliterated.
    if !collector.has_whole_match() {
        for latin in typed.latin() {
            strict(&index.translit, latin, Pass::Direct, limit, collector);
        }
    }
}

/// The stem tier of the query's `words`, those in Cyrillic read as `cyrillic` says.
fn stemmed(
    index: &Index,
    words: &[String],
    cyrillic: Cyrillic,
    limit: usize,
    collector: &mut Collector,
) {
    // A Russian inflected form may start other terms (`портов`: портовый терминал) or be
    // a word of many (`груза`), and still be the term itself inflected (порт, груз), which
    // ranks above them: only a term equal to the query makes its stems pointless. English
    // inflects less: its stems are tried only when nothing starts with the query and there
    // is room for more hits.
    let russian = words.iter().any(|w| w.chars().any(is_cyrillic));
    let stems_may_help = if russian {
        !collector.has_exact_match()
    } else {
        !collector.has_whole_match() && collector.len() < limit
    };
    if stems_may_help && let Some(stemmed) = stems(words, &index.plain, cyrillic) {
        strict(&index.plain, &stemmed, Pass::Stem, limit, collector);
    }
}

/// Runs `query` through every tier until `limit` concepts are found.
pub fn run(index: &Index, query: &str, limit: usize, options: Options) -> Vec<Hit> {
    let typed = Typed::new(query);
    if typed.folded.is_empty() {
        return (0..index.domains.len())
            .filter(|&c| options.domain.is_none_or(|d| index.domains[c] == d))
            .take(limit)
            .map(|concept| Hit {
                concept,
                score: 0,
                kind: MatchKind::Word,
                lang: Lang::En,
                term: 0,
                form: Form::Text,
            })
            .collect();
    }
    let mut collector = Collector {
        index,
        options,
        best: SPARE.take(),
        whole: false,
        exact: false,
        pass: 0,
    };
    direct(index, &typed, limit, &mut collector);
    stemmed(
        index,
        &typed.words,
        Cyrillic::KazakhOrRussian,
        limit,
        &mut collector,
    );
    // The other layout and typos are second guesses: tried only when the text as typed
    // finds nothing, so they cost nothing on the common path and never crowd real matches.
    let switched = match collector.len() {
        0 => layout::switch(query),
        _ => None,
    };
    let switched = switched.as_deref().map(Typed::new);
    // The other layout is Russian's; Kazakh letters sit where it has digits, so a Kazakh
    // word is rarely typed in it by mistake.
    let switched_stems = |switched: &Typed, collector: &mut Collector| {
        stemmed(index, &switched.words, Cyrillic::Russian, limit, collector);
        collector.relabel(MatchKind::Layout);
    };
    if let Some(switched) = &switched {
        direct(index, switched, limit, &mut collector);
        collector.relabel(MatchKind::Layout);
        // Switched text that starts terms is what was meant, inflected perhaps (`gjhnjd`:
        // портов, порт); switched text that finds nothing is stemmed only after typos,
        // since stemming the switched text of every typo costs it about 2.5k instructions.
        if collector.len() > 0 {
            switched_stems(switched, &mut collector);
        }
    }
    if collector.len() == 0 {
        all_typos(index, &typed, tolerance, &mut collector);
    }
    // An inflected word in the other layout (`rjyntqythys[`: контейнерных).
    if collector.len() == 0
        && let Some(switched) = &switched
    {
        switched_stems(switched, &mut collector);
    }
    // Words typed without the term's spaces or hyphens (`doortodoor`) are cut into the
    // vocabulary's words. Cutting takes many lookups, so it comes after typos, when they
    // explain nothing.
    if collector.len() == 0
        && let Some(pieces) = joined::pieces(&index.plain, &typed.words)
    {
        strict(&index.plain, &pieces, Pass::Joined, limit, &mut collector);
    }
    // Last, a typo in an inflected word (`сертификат происхаждения`): the words corrected
    // to their nearest vocabulary words, then stemmed.
    if collector.len() == 0
        && let Some(corrected) = typos::corrected(index, &typed, tolerance)
    {
        stemmed(
            index,
            &corrected,
            Cyrillic::KazakhOrRussian,
            limit,
            &mut collector,
        );
        collector.relabel(MatchKind::Fuzzy);
    }
    collector.finish(limit)
}

/// Concepts with terms within two typos of the query's words (three letters and longer).
pub fn suggest(index: &Index, query: &str, limit: usize) -> Vec<Hit> {
    let mut collector = Collector {
        index,
        options: Options::default(),
        best: SPARE.take(),
        whole: false,
        exact: false,
        pass: 0,
    };
    let edits = |len: usize| if len >= 3 { 2 } else { 0 };
    all_typos(index, &Typed::new(query), edits, &mut collector);
    collector.finish(limit)
}

#[cfg(test)]
mod tests {
    use crate::model::{Concept, Domain, Lang, LangEntry, Origin, Term, TermKind};
    use crate::search::{Index, Options};

    fn entry(terms: &[String]) -> LangEntry {
        LangEntry {
            terms: terms
                .iter()
                .enumerate()
                .map(|(at, text)| Term {
                    text: text.clone(),
                    pinyin: None,
                    kind: if at == 0 {
                        TermKind::Preferred
                    } else {
                        TermKind::Synonym
                    },
                })
                .collect(),
            definition: None,
            example: None,
        }
    }

    /// Many concepts whose terms share prefixes, so that prefix ranges are read best first:
    /// short prefixes key by key, one-letter ones (over 4,096 keys) word by word.
    fn crowded() -> Vec<Concept> {
        (0..3000)
            .map(|n: usize| {
                let tail: String = (0..n % 60)
                    .map(|at| char::from(b'a' + (n / (at + 1) % 26) as u8))
                    .collect();
                // Odd concepts' short spelling is a synonym, under a longer preferred term.
                let mut en = if n.is_multiple_of(2) {
                    vec![format!("con{tail}"), format!("cargo con{tail}")]
                } else {
                    vec![format!("the con{tail}"), format!("con{tail}")]
                };
                // Every third concept has a long synonym too: a word's longest key says
                // nothing of its shortest.
                if n.is_multiple_of(3) {
                    en.push(format!(
                        "con{tail} {}",
                        "long ".repeat(1 + n % 7).trim_end()
                    ));
                }
                Concept {
                    id: format!("c{n}"),
                    domain: Domain::ALL[n / 2 % Domain::ALL.len()],
                    origin: Origin::User,
                    from_article: false,
                    article_context: None,
                    source: String::new(),
                    note: None,
                    homonyms: vec![],
                    kk: LangEntry::default(),
                    ru: entry(&[format!("кон{tail} груз")]),
                    zh: LangEntry::default(),
                    en: entry(&en),
                }
            })
            .collect()
    }

    #[test]
    fn stopping_early_finds_the_same_best_hits_as_reading_everything() {
        let concepts = crowded();
        let index = Index::build(&concepts);
        let prefer = [Lang::En];
        let options = [
            Options::default(),
            Options {
                domain: None,
                prefer: &prefer,
            },
            Options {
                domain: Some(Domain::ALL[1]),
                prefer: &[],
            },
        ];
        for query in [
            "c",
            "co",
            "con",
            "conb",
            "ca",
            "cargo c",
            "cargo con",
            "t",
            "the c",
            "к",
            "кон",
            "гр",
        ] {
            for options in options {
                let all = index.lookup(query, 5000, options);
                assert!(!all.is_empty(), "{query:?} finds something");
                for limit in [1, 3, 10, 40] {
                    assert_eq!(
                        index.lookup(query, limit, options),
                        all[..limit.min(all.len())],
                        "{query:?} limit {limit}"
                    );
                }
            }
        }
    }
}
