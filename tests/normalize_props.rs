//! Properties of the lookup normaliser and of lookup itself, on generated input.

use keruen::search::normalize::{compact, fold};
use keruen::search::{Index, Options, translit};
use keruen::store::Store;
use proptest::prelude::*;
use std::sync::OnceLock;

/// Letters of the four languages: Latin, Cyrillic with the Kazakh letters, pinyin vowels
/// with tone marks, a few Han characters, and separators.
const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyzABCXYZ абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБЁЖЯ\
                        әғқңөұүһіӘҒҚҢӨҰҮҺІ āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü 提单集装箱 -'/.";

fn our_text() -> impl Strategy<Value = String> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    proptest::collection::vec(proptest::sample::select(chars), 0..40)
        .prop_map(|v| v.into_iter().collect())
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::build(&Store::open_in_memory().unwrap().all_concepts().unwrap()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn fold_never_panics_and_is_idempotent(text in any::<String>()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert_eq!(compact(&compact(&once)), compact(&once));
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
    }

    #[test]
    fn fold_ignores_case(text in our_text()) {
        prop_assert_eq!(fold(&text.to_uppercase()), fold(&text));
        prop_assert_eq!(fold(&text.to_lowercase()), fold(&text));
    }

    #[test]
    fn translit_keys_never_panic_and_ignore_case(text in our_text()) {
        prop_assert_eq!(translit::query_keys(&text.to_uppercase()), translit::query_keys(&text));
    }

    #[test]
    fn lookup_never_panics_on_any_text(text in any::<String>(), limit in 0usize..20) {
        let hits = index().lookup(&text, limit, Options::default());
        prop_assert!(hits.len() <= limit);
        prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        let _ = index().suggest(&text, limit);
    }
}
