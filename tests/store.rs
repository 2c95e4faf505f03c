//! The user store: schema, migrations, and merging a changed bundled termbase.

mod common;

use keruen::exchange::export::{ExportRequest, Format, export};
use keruen::glossary::Glossary;
use keruen::model::{Concept, Domain, Lang, LangEntry, Origin, Term, TermKind};
use keruen::prefs::Prefs;
use keruen::store::{Store, StoreError};

fn entry(text: &str, pinyin: Option<&str>) -> LangEntry {
    LangEntry {
        terms: vec![Term {
            text: text.into(),
            pinyin: pinyin.map(str::to_string),
            kind: TermKind::Preferred,
        }],
        definition: Some(format!("Definition of {text}.")),
        example: None,
    }
}

fn user_concept(id: &str) -> Concept {
    Concept {
        id: id.into(),
        domain: Domain::Customs,
        origin: Origin::User,
        from_article: false,
        article_context: None,
        source: "my notes".into(),
        note: None,
        homonyms: vec![],
        kk: entry("менің терминім", None),
        ru: entry("мой термин", None),
        zh: entry("我的术语", Some("wǒ de shùyǔ")),
        en: entry("my term", None),
    }
}

#[test]
fn a_newer_bundle_keeps_every_user_row_and_adds_new_concepts() {
    let dir = tempfile::tempdir().unwrap();
    let old_bundle =
        common::bundle_from_dir(&common::root().join("tests/fixtures/termbase-old"), "old");

    let store = Store::open_with_bundle(dir.path(), &old_bundle).unwrap();
    assert_eq!(store.concept_count().unwrap(), 1);
    store.save_user_concept(&user_concept("my-term")).unwrap();
    let deck = store.create_deck("Khorgos call").unwrap();
    store.add_to_deck(deck, "container-train").unwrap();
    store.add_to_deck(deck, "my-term").unwrap();
    let prefs = Prefs {
        text_scale: 1.3,
        ..Prefs::default()
    };
    prefs.save(&store).unwrap();
    let old = store.all_concepts().unwrap();
    assert_eq!(
        old[0].preferred(keruen::model::Lang::En),
        "container train (old wording)"
    );
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    let concepts = store.all_concepts().unwrap();
    let bundled = common::bundled_source();
    assert_eq!(
        concepts.len(),
        bundled.len() + 1,
        "every bundled concept plus the user's"
    );
    let mine = concepts.iter().find(|c| c.id == "my-term").unwrap();
    assert_eq!(mine, &user_concept("my-term"));
    let train = concepts.iter().find(|c| c.id == "container-train").unwrap();
    let expected = bundled.iter().find(|c| c.id == "container-train").unwrap();
    assert_eq!(
        train.en, expected.en,
        "the bundled concept took the new wording"
    );
    let decks = store.user_decks().unwrap();
    assert_eq!(decks.len(), 1);
    assert_eq!(
        (decks[0].name.as_str(), decks[0].concepts),
        ("Khorgos call", 2)
    );
    assert_eq!(Prefs::load(&store).unwrap().text_scale, 1.3);
}

#[test]
fn a_user_concept_is_never_overwritten_by_a_bundled_one_with_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    let old_bundle =
        common::bundle_from_dir(&common::root().join("tests/fixtures/termbase-old"), "old");
    let store = Store::open_with_bundle(dir.path(), &old_bundle).unwrap();
    let bundled = common::bundled_source();
    let taken = bundled.iter().find(|c| c.id != "container-train").unwrap();
    let mut mine = user_concept(&taken.id);
    mine.domain = taken.domain;
    store.save_user_concept(&mine).unwrap();
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    let found = store
        .all_concepts()
        .unwrap()
        .into_iter()
        .find(|c| c.id == taken.id)
        .unwrap();
    assert_eq!(found, mine);
}

#[test]
fn an_edited_bundled_concept_survives_a_new_termbase_and_can_be_reverted() {
    let dir = tempfile::tempdir().unwrap();
    let old_bundle =
        common::bundle_from_dir(&common::root().join("tests/fixtures/termbase-old"), "old");
    let store = Store::open_with_bundle(dir.path(), &old_bundle).unwrap();
    let mut edited = store
        .all_concepts()
        .unwrap()
        .into_iter()
        .find(|c| c.id == "container-train")
        .expect("the old termbase has container-train");
    edited.en.terms[0].text = "block container train".into();
    edited.origin = Origin::User;
    store.save_user_concept(&edited).unwrap();
    drop(store);

    let mut store = Store::open(dir.path()).unwrap();
    let find = |store: &Store| {
        store
            .all_concepts()
            .unwrap()
            .into_iter()
            .find(|c| c.id == "container-train")
            .unwrap()
    };
    assert_eq!(
        find(&store),
        edited,
        "the newer termbase did not overwrite the edit"
    );
    assert!(store.revert_to_bundled("container-train").unwrap());
    let reverted = find(&store);
    assert_eq!(reverted.origin, Origin::Bundled);
    let shipped = common::bundled_source()
        .into_iter()
        .find(|c| c.id == "container-train")
        .unwrap();
    assert_eq!(reverted.en, shipped.en, "back to the shipped wording");
    assert!(!store.revert_to_bundled("my-own-term").unwrap());
    assert!(
        store
            .bundled_ids()
            .unwrap()
            .contains(&"container-train".to_string())
    );
    assert!(
        store.delete_user_concept("container-train").is_err(),
        "built-ins stay"
    );
}

#[test]
fn reopening_is_idempotent_and_merges_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let first = Store::open(dir.path()).unwrap().all_concepts().unwrap();
    let second = Store::open(dir.path()).unwrap().all_concepts().unwrap();
    assert_eq!(first, second);
    assert_eq!(first, {
        let mut bundled = common::bundled_source();
        bundled.sort_by(|a, b| a.id.cmp(&b.id));
        bundled
    });
}

#[test]
fn a_store_from_a_newer_keruen_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join(keruen::store::STORE_FILE)).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let error = Store::open(dir.path())
        .err()
        .expect("a newer schema is refused");
    assert!(matches!(error, StoreError::TooNew { found: 99, .. }));
    assert!(error.to_string().contains("newer version of Keruen"));
}

#[test]
fn the_store_uses_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join(keruen::store::STORE_FILE)).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert!(version >= 1);
}

#[test]
fn decks_need_unique_names() {
    let store = Store::open_in_memory().unwrap();
    store.create_deck("Rail words").unwrap();
    assert!(matches!(
        store.create_deck(" Rail words ").unwrap_err(),
        StoreError::Conflict(_)
    ));
    assert!(matches!(
        store.create_deck("  ").unwrap_err(),
        StoreError::Conflict(_)
    ));
}

#[test]
fn terms_stored_out_of_position_order_are_read_in_position_order() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    // A file edited by another tool: the rows of one language arrive 2, 0, 1.
    let conn = rusqlite::Connection::open(dir.path().join(keruen::store::STORE_FILE)).unwrap();
    conn.execute_batch(
        "INSERT INTO concept (id, domain, origin, source) VALUES ('seal', 'customs', 'user', 'me');
         INSERT INTO term VALUES ('seal', 'en', 2, 'lead seal', NULL, 'synonym');
         INSERT INTO term VALUES ('seal', 'en', 0, 'seal', NULL, 'preferred');
         INSERT INTO term VALUES ('seal', 'ru', 0, 'пломба', NULL, 'preferred');
         INSERT INTO term VALUES ('seal', 'en', 1, 'customs seal', NULL, 'synonym');",
    )
    .unwrap();
    drop(conn);
    let glossary = Glossary::load(Store::open(dir.path()).unwrap()).unwrap();
    let seal = glossary.concept_by_id("seal").unwrap();
    let en: Vec<&str> = seal.en.terms.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(en, ["seal", "customs seal", "lead seal"]);
    assert_eq!(seal.preferred(Lang::Ru), "пломба");
    let train = glossary.concept_by_id("container-train").unwrap();
    assert_eq!(
        train.preferred(Lang::En),
        "container train",
        "the others are intact"
    );
}

/// Enough concepts that the store is read in two halves on two threads.
fn many_user_concepts(count: usize) -> Vec<Concept> {
    (0..count)
        .map(|n| {
            let mut concept = user_concept(&format!("large-{n:05}"));
            concept.en.terms[0].text = format!("term {n}");
            concept.en.terms.push(Term {
                text: format!("synonym {n}"),
                pinyin: None,
                kind: TermKind::Synonym,
            });
            concept.ru.definition = Some(format!("Определение {n}."));
            concept
        })
        .collect()
}

#[test]
fn a_large_store_is_read_whole_and_in_order_on_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let bundled = store.concept_count().unwrap();
    let added = many_user_concepts(6_000);
    store.import_concepts(&added, None).unwrap();

    let all = store.all_concepts().unwrap();
    assert_eq!(all.len(), bundled + added.len());
    assert!(all.windows(2).all(|pair| pair[0].id < pair[1].id));
    for concept in &added {
        let at = all
            .binary_search_by(|c| c.id.cmp(&concept.id))
            .unwrap_or_else(|_| panic!("{} is read", concept.id));
        assert_eq!(&all[at], concept);
    }
    let train = all.iter().find(|c| c.id == "container-train").unwrap();
    assert_eq!(train.preferred(Lang::En), "container train");
}

#[test]
fn a_large_user_deck_exports_every_member_once_in_id_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let added = many_user_concepts(6_000);
    let deck = store
        .import_concepts(&added, Some("Large"))
        .unwrap()
        .unwrap();
    let request = ExportRequest {
        deck: Some(format!("user-{deck}")),
        format: Format::Csv,
        with_progress: false,
        directions: vec![],
    };
    let mut out = Vec::new();
    assert_eq!(export(&store, &request, &mut out).unwrap(), added.len());
    let text = String::from_utf8(out).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap())
        .collect();
    let expected: Vec<&str> = added.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, expected);
}
