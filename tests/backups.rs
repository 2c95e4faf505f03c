//! Backups and recovery: a backup restores exactly what was stored when it was taken, a
//! restore first backs up the current data, thinning keeps the promised spread, and every
//! kind of damaged data file is found at start, moved aside untouched and recovered from
//! the newest good backup (library and command line).

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::keruen;
use keruen::store::backup::{self, Backup};
use keruen::store::{STORE_FILE, Store, StoreError};
use std::path::{Path, PathBuf};

/// A data folder with two days of study in it.
fn studied_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::simulate_history(dir.path(), 2);
    dir
}

/// Answers the first card `keruen due` offers, as a script would.
fn answer_first_due(dir: &Path) {
    let due: serde_json::Value =
        serde_json::from_slice(&keruen(dir, &["due", "--json"]).stdout).unwrap();
    let id = due[0]["id"].as_str().expect("a card is due");
    assert!(keruen(dir, &["answer", id, "good"]).status.success());
}

fn reviews(dir: &Path) -> usize {
    Store::open(dir).unwrap().review_log_len().unwrap()
}

#[test]
fn a_restore_brings_back_the_backup_and_keeps_what_it_replaced() {
    let dir = studied_dir();
    let at_backup = reviews(dir.path());
    assert!(at_backup > 0);
    let taken = Store::open(dir.path())
        .unwrap()
        .back_up(Utc::now())
        .unwrap()
        .expect("a store on disk is backed up");
    assert!(taken.path.starts_with(backup::backup_dir(dir.path())));

    for _ in 0..3 {
        answer_first_due(dir.path());
    }
    let later = reviews(dir.path());
    assert!(later > at_backup, "more answers after the backup");

    let mut store = Store::open(dir.path()).unwrap();
    let safety = store
        .restore_from(&taken.path, Utc::now() + Duration::seconds(1))
        .unwrap()
        .expect("the current data is backed up first");
    assert_eq!(store.review_log_len().unwrap(), at_backup);
    drop(store);
    assert_eq!(reviews(dir.path()), at_backup, "the restore is on disk");
    let elsewhere = tempfile::tempdir().unwrap();
    let mut check = Store::open(elsewhere.path()).unwrap();
    check
        .restore_from(&safety.path, Utc::now() + Duration::seconds(2))
        .unwrap();
    assert_eq!(
        check.review_log_len().unwrap(),
        later,
        "the safety backup holds the answers the restore replaced"
    );
}

#[test]
fn a_damaged_backup_is_refused_and_nothing_changes() {
    let dir = studied_dir();
    let before = reviews(dir.path());
    let fake = dir.path().join("not-a-backup.sqlite3");
    std::fs::write(&fake, b"these are not the droids").unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let error = store.restore_from(&fake, Utc::now()).unwrap_err();
    assert!(matches!(error, StoreError::BadBackup { .. }), "{error}");
    assert_eq!(store.review_log_len().unwrap(), before);
}

fn backup_at(at: chrono::DateTime<Utc>) -> Backup {
    Backup {
        path: PathBuf::from(format!("{}", at.timestamp())),
        taken_at: at,
    }
}

#[test]
fn thinning_keeps_the_newest_then_daily_weekly_and_monthly() {
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
    // A backup every 30 minutes of eight hours a day for 400 days.
    let all: Vec<Backup> = (0..400)
        .flat_map(|day| (0..16).map(move |half_hour| (day, half_hour)))
        .map(|(day, half_hour)| {
            backup_at(now - Duration::days(day) - Duration::minutes(30 * half_hour + 1))
        })
        .collect();
    let removed = backup::backups_to_thin(&all, now);
    let kept: Vec<&Backup> = all.iter().filter(|b| !removed.contains(&b.path)).collect();
    let mut newest: Vec<&Backup> = all.iter().collect();
    newest.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    for backup in &newest[..backup::KEEP_NEWEST] {
        assert!(kept.contains(backup), "the newest are kept");
    }
    let older: Vec<&&Backup> = kept.iter().skip(backup::KEEP_NEWEST).collect();
    let days: std::collections::HashSet<_> = older
        .iter()
        .filter(|b| (now - b.taken_at).num_days() < backup::KEEP_DAILY_DAYS)
        .map(|b| b.taken_at.date_naive())
        .collect();
    assert_eq!(days.len(), 7, "one a day for a week");
    assert!(
        kept.iter()
            .all(|b| (now - b.taken_at).num_days() < backup::KEEP_MONTHLY_DAYS),
        "nothing older than a year"
    );
    assert!(
        (8 + 7 + 4..=8 + 7 + 6 + 13).contains(&kept.len()),
        "a spread, not a pile: {} kept",
        kept.len()
    );
    assert!(
        backup::backups_to_thin(&kept.into_iter().cloned().collect::<Vec<_>>(), now).is_empty(),
        "thinning twice removes nothing more"
    );
}

/// The ways a data file gets damaged.
fn damage(kind: &str, path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    match kind {
        "truncated" => bytes.truncate(bytes.len() / 3),
        "garbled" => {
            for page in bytes.chunks_mut(4096).skip(1) {
                for (at, byte) in page.iter_mut().enumerate().take(64) {
                    *byte = (at * 37 + 11) as u8;
                }
            }
        }
        "not a database" => bytes = b"Keruen notes\nnot a database at all\n".repeat(40),
        other => panic!("no damage called {other}"),
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn every_kind_of_damage_is_found_moved_aside_and_recovered_from_the_backup() {
    for kind in ["truncated", "garbled", "not a database"] {
        let dir = studied_dir();
        let at_backup = reviews(dir.path());
        Store::open(dir.path())
            .unwrap()
            .back_up(Utc::now())
            .unwrap();
        let file = dir.path().join(STORE_FILE);
        damage(kind, &file);
        let damaged_bytes = std::fs::read(&file).unwrap();

        // Read-only commands check the header (which finds truncation and no database);
        // the window and writing commands run quick_check over the whole file.
        let command: &[&str] = if kind == "garbled" {
            &["answer", "container-train:ru-zh", "good"]
        } else {
            assert!(backup::header_damage_of(&file).unwrap().is_some(), "{kind}");
            &["due"]
        };
        let output = keruen(dir.path(), command);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{kind}: {stderr}");
        assert!(
            stderr.contains("damaged") && stderr.contains("keruen restore"),
            "{kind}: the user is told and offered the backup: {stderr}"
        );
        let aside: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.to_string_lossy().contains(".damaged-")
                    && !p.to_string_lossy().ends_with("-wal")
                    && !p.to_string_lossy().ends_with("-shm")
            })
            .collect();
        assert_eq!(aside.len(), 1, "{kind}: moved aside once");
        assert_eq!(
            std::fs::read(&aside[0]).unwrap(),
            damaged_bytes,
            "{kind}: the damaged file is kept byte for byte"
        );

        let restored = keruen(dir.path(), &["restore"]);
        assert!(
            restored.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&restored.stderr)
        );
        assert_eq!(
            reviews(dir.path()),
            at_backup,
            "{kind}: every answer is back"
        );
        let check = backup::damage_of(&file).unwrap();
        assert_eq!(check, None, "{kind}: the restored file passes quick_check");
    }
}

#[test]
fn damage_without_a_backup_says_so_and_opens_fresh_data() {
    let dir = studied_dir();
    damage("not a database", &dir.path().join(STORE_FILE));
    match Store::open(dir.path()) {
        Err(StoreError::Damaged { moved_to, problem }) => {
            assert!(moved_to.exists());
            assert!(problem.contains("not a database"), "{problem}");
        }
        other => panic!("expected Damaged, got {:?}", other.err()),
    }
    assert_eq!(backup::newest_good_backup(dir.path()).unwrap(), None);
    let output = keruen(dir.path(), &["restore"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("there is no backup to restore"));
    assert_eq!(reviews(dir.path()), 0, "fresh data");
}

#[test]
fn restore_list_shows_each_backup_and_whether_it_is_usable() {
    let dir = studied_dir();
    let store = Store::open(dir.path()).unwrap();
    let good = store.back_up(Utc::now()).unwrap().unwrap();
    let bad = store
        .back_up(Utc::now() + Duration::seconds(1))
        .unwrap()
        .unwrap();
    drop(store);
    std::fs::write(&bad.path, b"garbage").unwrap();
    let output = keruen(dir.path(), &["restore", "--list"]);
    let listed = String::from_utf8_lossy(&output.stdout);
    assert!(listed.contains(&format!("{}  ", good.name())), "{listed}");
    assert!(listed.contains("unusable"), "{listed}");
    let restored = keruen(dir.path(), &["restore"]);
    assert!(
        String::from_utf8_lossy(&restored.stdout).contains(&good.name()),
        "the newest usable backup is the one restored"
    );
}

#[test]
fn an_import_is_backed_up_first_and_the_backup_it_names_undoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let export = |dir: &Path| keruen(dir, &["export"]).stdout;
    let before = export(dir.path());
    let file = dir.path().join("mine.csv");
    std::fs::write(
        &file,
        "id,ru,zh,pinyin,en\nmy-seal,пломба,铅封,qiānfēng,seal\nmy-scales,весы,秤,chèng,scales\n",
    )
    .unwrap();
    let imported = keruen(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(imported.status.success());
    let said = String::from_utf8(imported.stdout).unwrap();
    let name = said
        .split_whitespace()
        .find(|word| word.starts_with("keruen-") && word.ends_with(".sqlite3;"))
        .unwrap_or_else(|| panic!("the import names its backup: {said}"))
        .trim_end_matches(';');
    assert_ne!(export(dir.path()), before, "the import changed the data");

    assert!(keruen(dir.path(), &["restore", name]).status.success());
    assert_eq!(
        export(dir.path()),
        before,
        "the backup holds the data from before"
    );
}
