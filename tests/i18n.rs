//! The interface strings: every language complete, every message formats.

use keruen::i18n::I18n;
use keruen::model::Lang;
use std::collections::BTreeSet;

#[test]
fn every_language_has_exactly_the_english_keys() {
    let english: BTreeSet<String> = I18n::new(Lang::En).keys().into_iter().collect();
    assert!(english.len() > 30);
    for lang in Lang::ALL {
        let keys: BTreeSet<String> = I18n::new(lang).keys().into_iter().collect();
        let missing: Vec<_> = english.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&english).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
    }
}

#[test]
fn every_message_formats_in_every_language() {
    for lang in Lang::ALL {
        let i18n = I18n::new(lang);
        for key in i18n.keys() {
            let text = i18n.t_with(&key, "count", 3);
            assert!(!text.trim().is_empty(), "{lang} {key} is empty");
            assert!(!text.contains('['), "{lang} {key} did not resolve: {text}");
        }
    }
}

#[test]
fn translations_differ_from_english() {
    let english = I18n::new(Lang::En);
    for lang in [Lang::Kk, Lang::Ru, Lang::Zh] {
        let other = I18n::new(lang);
        for key in [
            "tab-lookup",
            "tab-settings",
            "search-hint",
            "card-definitions",
            "settings-theme",
        ] {
            assert_ne!(
                other.t(key),
                english.t(key),
                "{lang} {key} is still English"
            );
        }
    }
}

#[test]
fn russian_plurals_agree_with_the_number() {
    let ru = I18n::new(Lang::Ru);
    assert_eq!(ru.t_with("results-count", "count", 1), "1 результат");
    assert_eq!(ru.t_with("results-count", "count", 3), "3 результата");
    assert_eq!(ru.t_with("results-count", "count", 5), "5 результатов");
    assert_eq!(ru.t_with("results-count", "count", 21), "21 результат");
}
