//! Upgrades: a store left by every released schema version (tests/fixtures/stores, made
//! by make_fixtures.py) opens in this Keruen at the current schema with every row it had.

use keruen::glossary::Glossary;
use keruen::model::{Lang, Origin};
use keruen::prefs::Prefs;
use keruen::store::{SCHEMA_VERSION, STORE_FILE, Store};
use rusqlite::types::ValueRef;
use std::collections::BTreeSet;
use std::path::Path;

/// The tables holding the user's own data.
const USER_TABLES: [&str; 8] = [
    "concept",
    "term",
    "definition",
    "setting",
    "deck",
    "deck_concept",
    "card",
    "review",
];

/// Every row of every user table that exists, as text; the merged termbase's version
/// setting is left out (opening merges the current termbase and records its version).
fn rows(path: &Path) -> BTreeSet<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut all = BTreeSet::new();
    for table in USER_TABLES {
        let Ok(mut stmt) = conn.prepare(&format!("SELECT * FROM {table}")) else {
            continue;
        };
        let columns = stmt.column_count();
        let mut found = stmt.query([]).unwrap();
        while let Some(row) = found.next().unwrap() {
            let values: Vec<String> = (0..columns)
                .map(|at| match row.get_ref(at).unwrap() {
                    ValueRef::Null => "NULL".to_string(),
                    ValueRef::Integer(n) => n.to_string(),
                    ValueRef::Real(x) => x.to_string(),
                    ValueRef::Text(text) | ValueRef::Blob(text) => {
                        String::from_utf8_lossy(text).into_owned()
                    }
                })
                .collect();
            let line = format!("{table}: {}", values.join(" | "));
            if !line.contains("bundle_version") {
                all.insert(line);
            }
        }
    }
    all
}

fn schema_version(path: &Path) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap()
}

/// Opens the fixture of `version` with this Keruen; returns the folder and the rows the
/// fixture held.
fn upgraded(version: u32) -> (tempfile::TempDir, BTreeSet<String>) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/stores/user-v{version}.sqlite3"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(STORE_FILE);
    std::fs::copy(&fixture, &file).unwrap();
    assert_eq!(schema_version(&file), i64::from(version));
    let before = rows(&file);
    assert!(before.len() > 15, "the fixture holds data");
    drop(Store::open(dir.path()).expect("the old store opens"));
    (dir, before)
}

fn check_upgrade(version: u32) {
    let (dir, before) = upgraded(version);
    let file = dir.path().join(STORE_FILE);
    assert_eq!(
        schema_version(&file),
        SCHEMA_VERSION,
        "v{version} is at the current schema"
    );
    let after = rows(&file);
    let lost: Vec<&String> = before.difference(&after).collect();
    assert!(lost.is_empty(), "v{version} lost rows: {lost:#?}");

    let glossary = Glossary::load(Store::open(dir.path()).unwrap()).unwrap();
    let own = glossary
        .concept_by_id("khorgos-dry-port")
        .expect("their concept");
    assert_eq!(own.preferred(Lang::Zh), "霍尔果斯陆港");
    let edited = glossary.concept_by_id("container-train").unwrap();
    assert_eq!(edited.origin, Origin::User, "the edit survives the merge");
    assert!(edited.en.terms.iter().any(|t| t.text == "block train"));
    assert!(
        glossary.concepts().len() > 400,
        "the bundled termbase was merged"
    );
    let decks = keruen::decks::list(&glossary).unwrap();
    let deck = decks
        .iter()
        .find(|d| d.name == "Хоргос")
        .expect("their deck");
    assert_eq!(deck.concepts, 2);
    assert_eq!(Prefs::load(glossary.store()).unwrap().ui_lang, Lang::Ru);

    for table in ["concept", "term", "definition"] {
        assert!(
            table_sql(&file, table).ends_with("WITHOUT ROWID"),
            "v{version}: {table} is clustered by concept id"
        );
    }
    glossary
        .store()
        .delete_user_concept("khorgos-dry-port")
        .unwrap();
    let conn = rusqlite::Connection::open(&file).unwrap();
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM term WHERE concept_id = 'khorgos-dry-port'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(
        orphans, 0,
        "v{version}: foreign keys cascade after the upgrade"
    );
}

fn table_sql(path: &Path, table: &str) -> String {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [table],
            |row| row.get(0),
        )
        .unwrap()
}

#[test]
fn a_version_1_store_upgrades_without_losing_a_row() {
    check_upgrade(1);
}

#[test]
fn a_version_2_store_upgrades_without_losing_a_row() {
    check_upgrade(2);
    let (dir, _) = upgraded(2);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.review_log_len().unwrap(), 4);
    assert_eq!(store.cards().unwrap().len(), 2);
}
