//! The command-line contract of DESIGN.md: commands, JSON shapes, exit codes.

mod common;

use common::keruen;
use std::process::Output;

fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "exit {:?}, stderr: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn lookup_json_has_the_promised_fields() {
    let dir = tempfile::tempdir().unwrap();
    let rows = json(&keruen(dir.path(), &["lookup", "train", "--json"]));
    let rows = rows.as_array().expect("an array");
    assert!(!rows.is_empty(), "'train' finds something");
    for row in rows {
        for field in ["id", "domain", "en", "ru", "kk", "zh", "pinyin", "score"] {
            assert!(row.get(field).is_some(), "{field} missing in {row}");
        }
    }
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"container-train"), "{ids:?}");
    let scores: Vec<u64> = rows.iter().map(|r| r["score"].as_u64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
}

#[test]
fn lookup_finds_each_language_and_pinyin() {
    let dir = tempfile::tempdir().unwrap();
    for query in [
        "container train",
        "контейнерный поезд",
        "集装箱",
        "jizhuangxiang",
        "jízhuāngxiāng",
        "контейнерлік пойыздардың",
    ] {
        let rows = json(&keruen(
            dir.path(),
            &["lookup", query, "--json", "--limit", "5"],
        ));
        let ids: Vec<&str> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&"container-train"), "{query}: {ids:?}");
    }
}

#[test]
fn lookup_respects_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let rows = json(&keruen(
        dir.path(),
        &["lookup", "a", "--json", "--limit", "3"],
    ));
    assert_eq!(rows.as_array().unwrap().len(), 3);
}

#[test]
fn decks_json_lists_domains_and_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let decks = json(&keruen(dir.path(), &["decks", "--json"]));
    let decks = decks.as_array().unwrap();
    for deck in decks {
        for field in ["id", "name", "concepts", "builtin"] {
            assert!(deck.get(field).is_some(), "{field} missing in {deck}");
        }
    }
    let article = decks
        .iter()
        .find(|d| d["id"] == "article")
        .expect("the article deck");
    assert!(article["concepts"].as_u64().unwrap() >= 40);
    assert_eq!(decks.iter().filter(|d| d["builtin"] == true).count(), 13);
}

#[test]
fn bad_usage_exits_2_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let output = keruen(dir.path(), &["lookup"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("QUERY"));
    let output = keruen(dir.path(), &["lookup", "x", "--limit", "many"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn other_errors_exit_1_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let output = keruen(&file, &["lookup", "train"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("data folder"), "{stderr}");
}

#[test]
fn data_dir_flag_wins_over_the_environment() {
    let env_dir = tempfile::tempdir().unwrap();
    let flag_dir = tempfile::tempdir().unwrap();
    let output = keruen(
        env_dir.path(),
        &["--data-dir", flag_dir.path().to_str().unwrap(), "decks"],
    );
    assert!(output.status.success());
    assert!(flag_dir.path().join(keruen::store::STORE_FILE).exists());
    assert!(!env_dir.path().join(keruen::store::STORE_FILE).exists());
}

#[test]
fn answer_then_stats_reflects_the_answer_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let due = json(&keruen(dir.path(), &["due", "--json"]));
    let due = due.as_array().expect("an array");
    assert!(!due.is_empty(), "a fresh store has new cards to study");
    for row in due {
        for field in ["id", "concept", "direction", "new"] {
            assert!(row.get(field).is_some(), "{field} missing in {row}");
        }
    }
    assert_eq!(due[0]["new"], true);
    assert_eq!(
        due[0]["direction"], "ru-zh",
        "the default directions are ru-zh and zh-ru"
    );
    let card = due[0]["id"].as_str().unwrap();

    let before = json(&keruen(dir.path(), &["stats", "--json"]));
    assert_eq!(before["reviews_today"], 0);
    let answered = json(&keruen(dir.path(), &["answer", card, "good", "--json"]));
    assert_eq!(answered["state"], "learning");
    let after = json(&keruen(dir.path(), &["stats", "--json"]));
    assert_eq!(after["reviews_today"], 1);
    assert_eq!(after["streak_days"], 1);
    assert_eq!(after["cards_by_state"]["learning"], 1);
    assert_eq!(
        after["cards_by_state"]["new"].as_u64().unwrap() + 1,
        before["cards_by_state"]["new"].as_u64().unwrap()
    );
    for field in ["due_today", "retention_30d"] {
        assert!(after.get(field).is_some(), "{field} missing");
    }
    let due_after = json(&keruen(dir.path(), &["due", "--json"]));
    let ids: Vec<&str> = due_after
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&card), "the answered card waits for its step");
}

#[test]
fn answer_rejects_bad_cards_and_grades_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let output = keruen(dir.path(), &["answer", "no-such-concept:ru-zh", "good"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no concept"));
    let output = keruen(dir.path(), &["answer", "bill-of-lading:ru-zh", "perfect"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("again, hard, good or easy"));
    let output = keruen(dir.path(), &["answer", "bill-of-lading", "good"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("card id"));
}

fn stdout_of(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}, stderr: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn export_writes_anki_apkg_and_tbx_and_a_tbx_imports_back_losslessly() {
    let dir = tempfile::tempdir().unwrap();
    let anki = stdout_of(&keruen(
        dir.path(),
        &[
            "export",
            "--deck",
            "customs",
            "--format",
            "anki",
            "--direction",
            "zh-ru",
        ],
    ));
    assert!(anki.starts_with("#separator:tab\n"));
    let rows: Vec<&str> = anki.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(rows.len(), 65);
    assert!(
        rows.iter().any(|r| r.starts_with("关税\t")),
        "Chinese on the front"
    );

    let bad = keruen(
        dir.path(),
        &["export", "--format", "anki", "--direction", "ru-ru"],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("'ru-ru' is not a direction"));

    let export_customs_to = |format: &str| {
        let path = dir.path().join(format!("customs.{format}"));
        let made = keruen(
            dir.path(),
            &[
                "export",
                "--deck",
                "customs",
                "--format",
                format,
                "--out",
                path.to_str().unwrap(),
            ],
        );
        assert!(made.status.success(), "{format}");
        path
    };
    let package = export_customs_to("apkg");
    assert!(std::fs::read(&package).unwrap().starts_with(b"PK"));
    let tbx = export_customs_to("tbx");
    let other = tempfile::tempdir().unwrap();
    let imported = stdout_of(&keruen(
        other.path(),
        &["import", tbx.to_str().unwrap(), "--deck", "From TBX"],
    ));
    assert!(imported.contains("Imported:"), "{imported}");
    let csv_lines = |dir: &std::path::Path, deck: &str| {
        let text = stdout_of(&keruen(dir, &["export", "--deck", deck]));
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    assert_eq!(
        csv_lines(dir.path(), "customs"),
        csv_lines(other.path(), "user-1"),
        "the TBX round trip keeps every field of every concept"
    );
}
