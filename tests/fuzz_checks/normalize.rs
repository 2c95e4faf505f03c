//! The lookup normaliser and lookup itself on any text.

use keruen::search::fuzzy::distance;
use keruen::search::highlight::matched_range;
use keruen::search::normalize::{compact, fold};
use keruen::search::{Index, Options, layout, translit};
use keruen::store::Store;
use std::sync::LazyLock;

/// A small index (the first 60 bundled concepts): enough for every tier of a lookup.
static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut concepts = Store::open_in_memory()
        .expect("an in-memory store")
        .all_concepts()
        .expect("the bundled termbase loads");
    concepts.truncate(60);
    Index::build(&concepts)
});

/// Longer texts than this are not given to the quadratic edit distance.
const DISTANCE_CHARS: usize = 64;

/// `input` (lossy UTF-8) is a term and, after its first tab if it has one, a query
/// (otherwise the whole text is both). Folding is idempotent and leaves single inner
/// spaces only; compacting is idempotent; transliteration and the layout switch never
/// panic; a highlighted range lies on character boundaries and holds the query; lookup
/// keeps to its limit and ranks best first.
pub fn check(input: &[u8]) {
    let input = String::from_utf8_lossy(input);
    let (text, query) = input.split_once('\t').unwrap_or((&input, &input));
    for s in [text, query] {
        let folded = fold(s);
        assert_eq!(fold(&folded), folded, "fold is not idempotent on {s:?}");
        assert!(
            !folded.starts_with(' ') && !folded.ends_with(' ') && !folded.contains("  "),
            "fold leaves stray spaces in {folded:?}"
        );
        let compacted = compact(&folded);
        assert_eq!(compact(&compacted), compacted);
        let _ = translit::from_cyrillic(&folded);
        let _ = translit::from_latin(
            &folded,
            translit::Reading {
                j_as_i: true,
                x_as_h: true,
                sch_apart: true,
            },
        );
        let _ = translit::query_keys(s);
        let _ = layout::switch(s);
    }
    if let Some(range) = matched_range(text, query) {
        let found = text
            .get(range.clone())
            .expect("the range lies on character boundaries");
        assert!(
            compact(&fold(found)).contains(&compact(&fold(query))),
            "{range:?} of {text:?} does not hold {query:?}"
        );
    }
    let (a, b) = (fold(text), fold(query));
    if a.chars().count() <= DISTANCE_CHARS && b.chars().count() <= DISTANCE_CHARS {
        assert_eq!(
            distance(&a, &b),
            distance(&b, &a),
            "distance is not symmetric"
        );
        assert_eq!(distance(&a, &a), 0);
    }
    let limit = 1 + input.len() % 10;
    let hits = INDEX.lookup(query, limit, Options::default());
    assert!(
        hits.len() <= limit,
        "{} hits for a limit of {limit}",
        hits.len()
    );
    assert!(
        hits.windows(2).all(|w| w[0].score >= w[1].score),
        "hits are not best first"
    );
    assert!(INDEX.suggest(query, limit).len() <= limit);
}
