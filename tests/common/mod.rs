//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod anki;

use keruen::glossary::Glossary;
use keruen::model::Concept;
use keruen::study::Study;
use keruen::study::card::{CardKey, Rating};
use keruen::study::clock::{Clock, ManualClock};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The repository's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The termbase source of the repository.
pub fn bundled_source() -> Vec<Concept> {
    keruen::termbase::load_dir(&root().join("db/termbase")).expect("the termbase source parses")
}

/// The released ids listed in `db/released-ids.txt`.
pub fn released_ids() -> Vec<String> {
    std::fs::read_to_string(root().join("db/released-ids.txt"))
        .expect("db/released-ids.txt is readable")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Compiles the concepts of a termbase source folder into a bundle database image, as
/// `build.rs` does, with the given version string.
pub fn bundle_from_dir(dir: &Path, version: &str) -> Vec<u8> {
    let concepts = keruen::termbase::load_dir(dir).expect("the fixture parses");
    let file = tempfile::NamedTempFile::new().unwrap();
    let mut conn = rusqlite::Connection::open(file.path()).unwrap();
    keruen::store::bundle_writer::write_bundle(&mut conn, &concepts, version).unwrap();
    drop(conn);
    std::fs::read(file.path()).unwrap()
}

/// A deterministic learner: forgets about one answer in eight, except on the concepts it
/// always remembers.
pub fn grade(key: &CardKey, reps: u32, always_remembered: &HashSet<String>) -> Rating {
    if always_remembered.contains(&key.concept) {
        return Rating::Good;
    }
    let mut hash: u32 = 2166136261;
    for byte in key.to_string().bytes().chain(reps.to_le_bytes()) {
        hash = (hash ^ u32::from(byte)).wrapping_mul(16777619);
    }
    if hash.is_multiple_of(8) {
        Rating::Again
    } else {
        Rating::Good
    }
}

/// Studies until the queue is empty, stepping the clock to learning cards as they come due.
pub fn study_one_day(
    glossary: &Glossary,
    study: &Study,
    clock: &ManualClock,
    always: &HashSet<String>,
) {
    for _ in 0..2_000 {
        let queue = study.queue(glossary).unwrap();
        let Some(next) = queue.first() else {
            return;
        };
        if next.card.due > clock.now().timestamp() {
            let due = chrono::DateTime::from_timestamp(next.card.due, 0).unwrap();
            clock.set(due.with_timezone(clock.now().offset()));
        }
        let rating = grade(&next.card.key, next.card.reps, always);
        study
            .answer(glossary, &next.card.key, rating, 4_000)
            .unwrap();
    }
    panic!("a day of study never ended");
}

/// Fills the store in `data_dir` with `days` days of study ending now (skipping every
/// ninth day), as a learner of the article and customs decks would.
pub fn simulate_history(data_dir: &Path, days: i64) {
    let store = keruen::store::Store::open(data_dir).unwrap();
    let glossary = Glossary::load(store).unwrap();
    let settings = keruen::study::settings::StudySettings {
        onboarded: true,
        decks: vec!["article".into(), "customs".into()],
        new_per_day: 8,
        ..Default::default()
    };
    settings.save(glossary.store()).unwrap();
    let now = chrono::Local::now().fixed_offset();
    let clock = std::sync::Arc::new(ManualClock::new(now));
    let study = Study::new(settings, clock.clone());
    for day in (1..=days).rev() {
        if day % 9 == 4 {
            continue;
        }
        clock.set(now - chrono::Duration::days(day) - chrono::Duration::hours(1));
        study_one_day(&glossary, &study, &clock, &HashSet::new());
    }
}

/// Runs the `keruen` binary with `args` on the data in `data_dir`.
pub fn keruen(data_dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_keruen"))
        .args(args)
        .env("KERUEN_DATA_DIR", data_dir)
        .output()
        .expect("keruen runs")
}
