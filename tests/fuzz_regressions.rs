//! Every input the fuzzers in `fuzz/` found a crash with (`tests/fixtures/fuzz/<target>/`) and
//! every file of their committed corpora (`fuzz/corpus/<target>/`), run through the same
//! checks as the fuzz targets, in plain `cargo test`.

mod fuzz_checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// The files of one target's crash fixtures and corpus; the corpus must not be empty.
fn inputs(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        root.join("tests/fixtures/fuzz").join(target),
        root.join("fuzz/corpus").join(target),
    ] {
        // A target without crash fixtures has no folder for them.
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        files.extend(entries.map(|entry| entry.expect("a readable folder").path()));
    }
    assert!(
        files
            .iter()
            .any(|f| f.starts_with(root.join("fuzz/corpus"))),
        "the corpus of {target} is missing"
    );
    files.sort();
    files
}

/// Runs `check` on every input of `target` and names each one it panicked on.
fn run(target: &str, check: fn(&[u8])) {
    let failed: Vec<String> = inputs(target)
        .into_iter()
        .filter(|file| {
            let bytes = std::fs::read(file).expect("a readable input");
            catch_unwind(AssertUnwindSafe(|| check(&bytes))).is_err()
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "{target} fails on:\n{}",
        failed.join("\n")
    );
}

#[test]
fn csv_import_crashes_and_corpus_pass() {
    run("csv_import", fuzz_checks::csv_import::check);
}

#[test]
fn tbx_import_crashes_and_corpus_pass() {
    run("tbx_import", fuzz_checks::tbx_import::check);
}

#[test]
fn normalize_crashes_and_corpus_pass() {
    run("normalize", fuzz_checks::normalize::check);
}
