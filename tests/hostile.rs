//! Hostile surroundings: a read-only data folder, a full disk, a data folder that vanishes
//! while Keruen runs, and two Keruen processes answering at once. Each gives a clear message
//! or works, never a panic, and the store stays whole.

mod common;

use keruen::glossary::Glossary;
use keruen::store::{STORE_FILE, Store, StoreError};
use keruen::study::Study;
use keruen::study::card::{CardKey, Rating};
use keruen::study::clock::SystemClock;
use keruen::study::settings::StudySettings;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

fn keruen_command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_keruen"));
    command.args(args).env("KERUEN_DATA_DIR", dir);
    command
}

/// The ids of the cards `keruen due` offers.
fn due_cards(dir: &Path) -> Vec<String> {
    let output = keruen_command(dir, &["due", "--json"]).output().unwrap();
    let due: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    due.as_array()
        .unwrap()
        .iter()
        .map(|card| card["id"].as_str().unwrap().to_string())
        .collect()
}

fn integrity(dir: &Path) -> String {
    let conn = rusqlite::Connection::open(dir.join(STORE_FILE)).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Whether a panic message reached standard error.
fn panicked(output: &Output) -> bool {
    stderr(output).contains("panicked")
}

/// `keruen` with `args`, run unable to write in folders it does not own: as the
/// unprivileged user `nobody` when the test runs as root (root ignores permissions), from
/// a copy of the binary in `bin_dir` that nobody can reach wherever the checkout is.
fn unprivileged_keruen(bin_dir: &Path, dir: &Path, args: &[&str]) -> Output {
    let binary = bin_dir.join("keruen");
    if !binary.exists() {
        std::fs::copy(env!("CARGO_BIN_EXE_keruen"), &binary).unwrap();
        std::fs::set_permissions(bin_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut command = Command::new(&binary);
    command.args(args).env("KERUEN_DATA_DIR", dir);
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } == 0 {
        command.uid(65534).gid(65534);
    }
    // A test on another thread that starts a process just while the copy above is open for
    // writing hands the child that open file until it execs; running the copy meanwhile
    // fails with "text file busy", so try again briefly.
    for _ in 0..100 {
        match command.output() {
            Err(error) if error.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            result => return result.unwrap(),
        }
    }
    panic!("the copy of keruen stayed busy for two seconds")
}

#[test]
fn a_read_only_data_folder_gets_a_clear_message_and_is_left_alone() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("data");
    common::simulate_history(&dir, 1);
    let before = std::fs::read(dir.join(STORE_FILE)).unwrap();
    for path in [parent.path(), dir.as_path()] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    std::fs::set_permissions(dir.join(STORE_FILE), std::fs::Permissions::from_mode(0o444)).unwrap();

    let bin = tempfile::tempdir().unwrap();
    for args in [&["due"][..], &["answer", "container-train:ru-zh", "good"]] {
        let output = unprivileged_keruen(bin.path(), &dir, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(!panicked(&output));
        assert!(
            stderr(&output).contains("it is read-only or you lack permission"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let below = dir.join("sub");
    let output = unprivileged_keruen(bin.path(), &below, &["due"]);
    assert!(
        stderr(&output).contains("cannot save in the data folder"),
        "a folder that cannot be created: {}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(dir.join(STORE_FILE)).unwrap(), before);
    for path in [parent.path(), dir.as_path()] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn a_full_disk_refuses_the_answer_in_plain_words_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    common::simulate_history(dir.path(), 1);
    let cards = due_cards(dir.path());
    assert!(cards.len() >= 10);
    let reps_before: Vec<u32> = {
        let store = Store::open(dir.path()).unwrap();
        cards
            .iter()
            .map(|card| store.card(&card.parse().unwrap()).unwrap().reps)
            .collect()
    };
    let mut answered = 0;
    let mut refused = None;
    for card in &cards {
        let mut command = keruen_command(dir.path(), &["answer", card, "good"]);
        // The disk is "full" beyond 64 KiB into any file: writes there fail (EFBIG).
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(|| {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let limit = libc::rlimit {
                    rlim_cur: 64 * 1024,
                    rlim_max: 64 * 1024,
                };
                if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let output = command.output().unwrap();
        assert!(!panicked(&output), "{}", stderr(&output));
        if output.status.success() {
            answered += 1;
        } else {
            refused = Some(stderr(&output));
            break;
        }
    }
    let refused = refused.expect("a full disk refuses an answer");
    assert!(
        refused.contains("the disk may be full"),
        "in plain words: {refused}"
    );
    assert_eq!(integrity(dir.path()), "ok");
    println!("{answered} answers saved, then: {refused}");
    let store = Store::open(dir.path()).unwrap();
    for (at, card) in cards.iter().enumerate() {
        let key: CardKey = card.parse().unwrap();
        let saved = u32::from(at < answered);
        assert_eq!(
            store.card(&key).unwrap().reps,
            reps_before[at] + saved,
            "{card}: every acknowledged answer kept, the refused one not half-written"
        );
    }
}

#[test]
fn a_data_folder_that_vanishes_refuses_answers_with_a_clear_message() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("data");
    let glossary = Glossary::load(Store::open(&dir).unwrap()).unwrap();
    let study = Study::new(StudySettings::default(), Arc::new(SystemClock));
    let key: CardKey = "container-train:ru-zh".parse().unwrap();
    study
        .answer(&glossary, &key, Rating::Good, 1_000)
        .expect("answers work while the folder is there");
    std::fs::remove_dir_all(&dir).unwrap();
    let error = study
        .answer(&glossary, &key, Rating::Good, 1_000)
        .unwrap_err();
    assert!(
        error.to_string().contains("the data file has disappeared"),
        "{error}"
    );
    let error = glossary.store().create_deck("After").unwrap_err();
    assert!(matches!(error, StoreError::Vanished), "{error}");
}

#[test]
fn two_processes_answering_at_once_never_corrupt_or_double_count() {
    let dir = tempfile::tempdir().unwrap();
    common::simulate_history(dir.path(), 1);
    let cards: Vec<String> = due_cards(dir.path()).into_iter().take(12).collect();
    let before = Store::open(dir.path()).unwrap().review_log_len().unwrap();
    // Both processes answer the same cards in the same order, racing each other.
    let outputs: Vec<Vec<Output>> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    cards
                        .iter()
                        .map(|card| {
                            keruen_command(dir.path(), &["answer", card, "good"])
                                .output()
                                .unwrap()
                        })
                        .collect::<Vec<Output>>()
                })
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    let mut succeeded = 0;
    for output in outputs.iter().flatten() {
        assert!(!panicked(output), "{}", stderr(output));
        if output.status.success() {
            succeeded += 1;
        } else {
            assert!(
                stderr(output).contains("was answered elsewhere in the meantime"),
                "a refused answer says why: {}",
                stderr(output)
            );
        }
    }
    assert_eq!(integrity(dir.path()), "ok");
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.review_log_len().unwrap(), before + succeeded);
    assert!(
        succeeded >= cards.len(),
        "every card was answered at least once"
    );
}
