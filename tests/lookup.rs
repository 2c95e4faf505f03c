//! The lookup engine against the bundled termbase: a table of query → expected concept,
//! each asserting the concept is in the top three, across every kind of query.

use keruen::model::{Concept, Lang};
use keruen::search::{Hit, Index, MatchKind, Options};
use keruen::store::Store;
use std::sync::OnceLock;

/// The bundled termbase with its index, built once for all tests.
struct Termbase {
    concepts: Vec<Concept>,
    index: Index,
}

impl Termbase {
    fn lookup(&self, query: &str, limit: usize, options: Options) -> Vec<Hit> {
        self.index.lookup(query, limit, options)
    }

    fn suggest(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.index.suggest(query, limit)
    }

    fn concept(&self, hit: &Hit) -> &Concept {
        &self.concepts[hit.concept]
    }
}

fn glossary() -> &'static Termbase {
    static TERMBASE: OnceLock<Termbase> = OnceLock::new();
    TERMBASE.get_or_init(|| {
        let concepts = Store::open_in_memory().unwrap().all_concepts().unwrap();
        let index = Index::build(&concepts);
        Termbase { concepts, index }
    })
}

fn top3(query: &str) -> Vec<&'static str> {
    let glossary = glossary();
    glossary
        .lookup(query, 3, Options::default())
        .iter()
        .map(|hit| glossary.concept(hit).id.as_str())
        .collect()
}

/// (kind of query, query, a concept that must be in the top three)
const CASES: &[(&str, &str, &str)] = &[
    // Own text, every language, case-insensitive, ё = е, words inside terms.
    ("text", "коносамент", "bill-of-lading"),
    ("text", "КОНОСАМЕНТ", "bill-of-lading"),
    ("text", "bill of lading", "bill-of-lading"),
    ("text", "Bill Of Lading", "bill-of-lading"),
    ("text", "提单", "bill-of-lading"),
    ("text", "海运提单", "bill-of-lading"),
    ("text", "B/L", "bill-of-lading"),
    ("text", "контейнерный поезд", "container-train"),
    ("word", "поезд", "container-train"),
    ("text", "таможня", "customs-authority"),
    ("text", "кеден", "customs-authority"),
    ("text", "контейнерлік пойыз", "container-train"),
    ("text", "集装箱班列", "container-train"),
    ("text", "中欧班列", "china-europe-railway-express"),
    ("text", "customs union", "customs-union"),
    ("text", "таможенный союз", "customs-union"),
    ("text", "кеден одағы", "customs-union"),
    ("text", "关税同盟", "customs-union"),
    ("text", "ЕАЭС", "eaeu"),
    ("text", "ЕАЭО", "eaeu"),
    ("text", "TEU", "teu"),
    (
        "text",
        "четвертая свобода воздуха",
        "fourth-freedom-of-the-air",
    ),
    (
        "text",
        "четвёртая свобода воздуха",
        "fourth-freedom-of-the-air",
    ),
    ("text", "Алтынкөл", "altynkol"),
    ("text", "霍尔果斯口岸", "khorgos-horgos"),
    ("text", "Достык", "dostyk-alashankou"),
    ("word", "declaration", "customs-declaration"),
    ("word", "Gateway", "khorgos-gateway"),
    ("word", "invoice", "commercial-invoice"),
    ("word", "lading", "bill-of-lading"),
    ("word", "班列", "container-train"),
    ("word", "盟", "customs-union"),
    // Kazakh letters folded to Russian look-alikes.
    ("kazakh", "жук", "cargo"),
    ("kazakh", "кеден одагы", "customs-union"),
    ("kazakh", "тиркеме", "trailer"),
    ("kazakh", "Алтынкол", "altynkol"),
    ("kazakh", "коргас", "khorgos-horgos"),
    ("kazakh", "койма", "warehouse"),
    // Latin transliteration of Kazakh and Russian, and Kazakh Latin 2021.
    ("translit", "konosament", "bill-of-lading"),
    ("translit", "keden odagy", "customs-union"),
    ("translit", "zhuk", "cargo"),
    ("translit", "juk", "cargo"),
    ("translit", "jük", "cargo"),
    ("translit", "temir zhol", "railway"),
    ("translit", "temır jol", "railway"),
    ("translit", "tamozhennyj soyuz", "customs-union"),
    ("translit", "tamozhnya", "customs-authority"),
    ("translit", "tamojnya", "customs-authority"),
    ("translit", "poezd", "container-train"),
    ("translit", "tamozhenniy soyuz", "customs-union"),
    ("translit", "kontejnernyj poezd", "container-train"),
    ("translit", "ekspeditor", "freight-forwarder"),
    ("translit", "Qorğas", "khorgos-horgos"),
    ("translit", "pritsep", "trailer"),
    // Pinyin: toneless, tone numbers, tone marks, spacing, v for ü, syllable prefixes.
    ("pinyin", "tidan", "bill-of-lading"),
    ("pinyin", "ti2dan1", "bill-of-lading"),
    ("pinyin", "tídān", "bill-of-lading"),
    ("pinyin", "ti dan", "bill-of-lading"),
    ("pinyin", "jizhuangxiang banlie", "container-train"),
    ("pinyin", "jizhuangxiangbanlie", "container-train"),
    ("pinyin", "jízhuāngxiāng bānliè", "container-train"),
    ("pinyin", "ji2zhuang1xiang1 ban1lie4", "container-train"),
    ("pinyin", "guanshui tongmeng", "customs-union"),
    ("pinyin", "Zhong-Ou Banlie", "china-europe-railway-express"),
    ("pinyin", "zhongou banlie", "china-europe-railway-express"),
    ("pinyin", "huoche", "truck"),
    ("pinyin", "lvke", "passenger-air-transport"),
    ("pinyin", "hangkong lvke yunshu", "passenger-air-transport"),
    ("pinyin", "Alashankou Kou'an", "dostyk-alashankou"),
    ("pinyin", "alashankoukouan", "dostyk-alashankou"),
    ("pinyin", "di5 hangquan", "fifth-freedom-of-the-air"),
    ("pinyin", "biaozhunxiang", "teu"),
    // Syllables typed apart that also start words of a longer term (海关关员).
    ("pinyin", "hai guan", "customs-authority"),
    ("pinyin", "hǎi guān", "customs-authority"),
    ("pinyin", "guan1 shui4", "customs-duty"),
    // The other keyboard layout, both ways.
    ("translit", "pod'ezdnoi put'", "railway-siding"),
    ("translit", "ob'em gruzoperevozok", "freight-volume"),
    // sch is с and ч here (счет-фактура), not щ.
    ("translit", "schet", "commercial-invoice"),
    ("layout", "rjyjcfvtyn", "bill-of-lading"),
    // Capitals typed on QWERTY: shifted [ ; ' keys are Х Ж Э.
    ("layout", "{jhujc", "horgos"),
    ("layout", ":tktpyfz ljhjuf", "railway"),
    ("layout", "rjyntqythysq gjtpl", "container-train"),
    ("layout", "nfvj;tyysq cj.p", "customs-union"),
    // Inflected, in the other layout: контейнерных поездов, таможенной декларации, портов
    // (which also starts other terms, портовый …).
    ("layout", "gjhnjd", "seaport"),
    ("layout", "rjyntqythys[ gjtpljd", "container-train"),
    ("layout", "nfvj;tyyjq ltrkfhfwbb", "customs-declaration"),
    ("layout", "сгыещьы гтшщт", "customs-union"),
    ("layout", "зфддуе", "pallet"),
    ("layout", "ekspeditor", "freight-forwarder"),
    // Russian inflected forms.
    ("stem", "контейнерных поездов", "container-train"),
    ("stem", "таможенной декларации", "customs-declaration"),
    ("stem", "таможенного союза", "customs-union"),
    ("stem", "коносаментов", "bill-of-lading"),
    ("stem", "экспедиторам", "freight-forwarder"),
    ("stem", "поддонах", "pallet"),
    ("stem", "declarations", "customs-declaration"),
    ("stem", "pallets", "pallet"),
    ("stem", "customs duties", "customs-duty"),
    ("stem", "countries of origin", "country-of-origin"),
    ("stem", "груза", "cargo"),
    ("stem", "портов", "seaport"),
    ("stem", "судов", "vessel"),
    // Genitive plurals with a vowel their base form has not (перевозка: перевозок).
    ("stem", "грузоперевозок", "cargo-transportation"),
    ("stem", "поставок", "delivery"),
    // Kazakh inflected forms: plural, possessive and case endings, in layers.
    ("stem", "қоймасында", "warehouse"),
    ("stem", "вагондардың", "freight-wagon"),
    ("stem", "кедендік декларациясын", "customs-declaration"),
    ("stem", "жүктерді", "cargo"),
    ("stem", "тасымалдаушылардан", "carrier"),
    ("stem", "пойыздарға", "freight-train"),
    // Short typos.
    ("fuzzy", "contaner train", "container-train"),
    // A typo in an inflected word: corrected, then stemmed.
    ("fuzzy", "таможенной деклорации", "customs-declaration"),
    ("fuzzy", "контейнерных паездов", "container-train"),
    ("fuzzy", "logisitcs", "logistics"),
    ("fuzzy", "konosamnet", "bill-of-lading"),
    ("fuzzy", "коносамнет", "bill-of-lading"),
    ("fuzzy", "тамажня", "customs-authority"),
    ("fuzzy", "экспидитор", "freight-forwarder"),
    ("fuzzy", "custms union", "customs-union"),
    ("fuzzy", "warehuose", "warehouse"),
    ("fuzzy", "semi-trailr", "semi-trailer"),
    // Two letters changed or dropped in one word, and a typo in each of two words.
    ("fuzzy", "экспедетар", "freight-forwarder"),
    ("fuzzy", "локамотиф", "locomotive"),
    ("fuzzy", "trnsshpment", "transshipment"),
    ("fuzzy", "demerage", "demurrage"),
    ("fuzzy", "contaner trein", "container-train"),
    ("fuzzy", "frieght forwader", "freight-forwarder"),
    // Typed without the term's spaces or hyphens.
    ("joined", "doortodoor", "door-to-door"),
    ("joined", "crossdocking", "cross-docking"),
    ("joined", "кроссдокинг", "cross-docking"),
    ("joined", "вагонцистерна", "tank-wagon"),
    ("joined", "nonscheduled flight", "non-scheduled-flight"),
    ("joined", "semitrailer", "semi-trailer"),
    ("joined", "timecharter", "time-charter"),
    ("joined", "lowcost", "low-cost-carrier"),
];

#[test]
fn every_case_finds_its_concept_in_the_top_three() {
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for (kind, query, expected) in CASES {
        let found = top3(query);
        if !found.contains(expected) {
            failures.push(format!(
                "[{kind}] {query:?}: expected {expected}, got {found:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn exact_matches_are_never_drowned_by_typos() {
    let glossary = glossary();
    for query in ["TEU", "коносамент", "提单", "logistics", "pallet"] {
        let hits = glossary.lookup(query, 10, Options::default());
        assert_eq!(hits[0].kind, MatchKind::Exact, "{query}: {:?}", hits[0]);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
}

#[test]
fn tiers_come_in_order() {
    let glossary = glossary();
    let hits = glossary.lookup("declaration", 50, Options::default());
    let kinds: Vec<MatchKind> = hits.iter().map(|h| h.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "exact, prefix, word, stem, layout, fuzzy");
}

/// The term a hit matched, as written.
fn matched_text(hit: &Hit) -> &'static str {
    let concept = glossary().concept(hit);
    &concept.lang(hit.lang).terms[hit.term].text
}

#[test]
fn a_term_holding_the_word_typed_ranks_above_one_only_starting_with_it() {
    let glossary = glossary();
    for (query, word) in [
        ("поезд", "поезд"),
        ("poezd", "поезд"),
        ("container", "container"),
    ] {
        let hits = glossary.lookup(query, 50, Options::default());
        let holds = |hit: &Hit| {
            matched_text(hit)
                .to_lowercase()
                .split([' ', '-'])
                .any(|w| w == word)
        };
        let first_partial = hits.iter().position(|h| !holds(h)).unwrap_or(hits.len());
        assert!(first_partial > 0, "{query}: {:?}", matched_text(&hits[0]));
        assert!(
            hits[first_partial..].iter().all(|h| !holds(h)),
            "{query}: every term holding '{word}' comes before the terms only starting with it"
        );
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
}

#[test]
fn the_term_itself_inflected_ranks_first_when_nothing_equals_the_query() {
    let glossary = glossary();
    // Each of these starts other terms (портов: портовый …) or is a word of many
    // (груза: партия груза, крепление груза …); the term it inflects comes first.
    for (query, id) in [
        ("груза", "cargo"),
        ("портов", "seaport"),
        ("судна", "vessel"),
        ("валюты", "currency"),
        ("поставки", "delivery"),
        ("железных дорог", "railway"),
        ("licences", "import-export-licence"),
    ] {
        let hits = glossary.lookup(query, 10, Options::default());
        assert_eq!(glossary.concept(&hits[0]).id, id, "{query}");
        assert_eq!(hits[0].kind, MatchKind::Stem, "{query}");
    }
    // A longer word that merely starts with the stem is not the term inflected.
    let hits = glossary.lookup("груза", 10, Options::default());
    assert!(hits.len() > 1, "груза starts other terms too");
    assert!(
        hits[1..].iter().all(|h| h.score < hits[0].score - 100),
        "{:?}",
        hits.iter().map(matched_text).collect::<Vec<_>>()
    );
}

#[test]
fn words_typed_together_match_as_the_term_typed_apart() {
    let glossary = glossary();
    let hit = &glossary.lookup("doortodoor", 1, Options::default())[0];
    assert_eq!(
        (glossary.concept(hit).id.as_str(), hit.kind),
        ("door-to-door", MatchKind::Exact)
    );
    // A trailing ending is not cut off as a word: `railways` is railway inflected.
    let hit = &glossary.lookup("railways", 1, Options::default())[0];
    assert_eq!(
        (glossary.concept(hit).id.as_str(), hit.kind),
        ("railway", MatchKind::Stem)
    );
}

#[test]
fn the_other_layout_ranks_as_the_right_layout_would() {
    let glossary = glossary();
    // "customs" typed on a Russian keyboard: the exact synonym comes first, as for "customs".
    let hits = glossary.lookup("сгыещьы", 5, Options::default());
    assert_eq!(glossary.concept(&hits[0]).id, "customs-authority");
    assert!(hits.iter().all(|h| h.kind == MatchKind::Layout));
    let typed = glossary.lookup("customs", 5, Options::default());
    let ids = |hits: &[Hit]| -> Vec<usize> { hits.iter().map(|h| h.concept).collect() };
    assert_eq!(ids(&hits), ids(&typed));
}

#[test]
fn each_hit_says_which_language_and_form_matched() {
    let glossary = glossary();
    let hit = &glossary.lookup("tidan", 1, Options::default())[0];
    assert_eq!(
        (hit.lang, hit.form),
        (keruen::model::Lang::Zh, keruen::search::Form::Pinyin)
    );
    let hit = &glossary.lookup("konosament", 1, Options::default())[0];
    assert_eq!(hit.form, keruen::search::Form::Translit);
    let hit = &glossary.lookup("rjyjcfvtyn", 1, Options::default())[0];
    assert_eq!(hit.kind, MatchKind::Layout);
}

/// Chinese is indexed by short runs of characters, so a longer Chinese query is first
/// found by its start and must then be checked against the whole term.
#[test]
fn a_long_chinese_query_finds_exactly_the_terms_holding_it() {
    let glossary = glossary();
    let holds = |concept: &Concept, part: &str| {
        concept.zh.terms.iter().any(|term| term.text.contains(part))
    };
    let mut tried = 0;
    for (at, concept) in glossary.concepts.iter().enumerate() {
        let chars: Vec<char> = concept.preferred(Lang::Zh).chars().collect();
        if chars.len() < 4 {
            continue;
        }
        tried += 1;
        // Its end, from the second character: at least three characters from the middle.
        let part: String = chars[1..].iter().collect();
        let hits = glossary.lookup(&part, 1000, Options::default());
        assert!(
            hits.iter().any(|hit| hit.concept == at),
            "{part:?} finds {}",
            concept.id
        );
        for hit in &hits {
            assert!(
                holds(glossary.concept(hit), &part),
                "{part:?} found {}, which does not hold it",
                glossary.concept(hit).id
            );
        }
        // Its first two characters, then one that follows them in no term.
        let wrong: String = chars[..2].iter().chain(['龘'].iter()).collect();
        assert!(
            glossary.lookup(&wrong, 1000, Options::default()).is_empty(),
            "{wrong:?} finds nothing"
        );
    }
    assert!(tried > 50, "the termbase has long Chinese terms ({tried})");
}

#[test]
fn the_domain_filter_and_preferred_languages_apply() {
    let glossary = glossary();
    let options = Options {
        domain: Some(keruen::model::Domain::Customs),
        prefer: &[],
    };
    let hits = glossary.lookup("declaration", 20, options);
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| glossary.concept(h).domain == keruen::model::Domain::Customs)
    );
}

#[test]
fn nothing_found_offers_near_terms() {
    let glossary = glossary();
    assert!(glossary.lookup("palett", 5, Options::default()).is_empty());
    let suggestions: Vec<&str> = glossary
        .suggest("palett", 5)
        .iter()
        .map(|h| glossary.concept(h).id.as_str())
        .collect();
    assert!(suggestions.contains(&"pallet"), "{suggestions:?}");
}
