//! Exchange at scale: 100,000 concepts (the bundled termbase repeated with fresh ids, so
//! every string is a real four-language term) are imported into a new store in one
//! transaction, loaded, and exported as CSV — through the library and through the
//! `keruen export` command. Run with `cargo bench --bench exchange`.

use keruen::exchange::csv::{CsvStyle, write_csv};
use keruen::glossary::Glossary;
use keruen::model::{Concept, Origin};
use keruen::store::Store;
use std::time::{Duration, Instant};

const TARGET: usize = 100_000;

/// The bundled concepts, copied with `-N` ids until there are `count`.
fn scaled(bundled: &[Concept], count: usize) -> Vec<Concept> {
    (0..count)
        .map(|n| {
            let mut concept = bundled[n % bundled.len()].clone();
            concept.id = format!("{}-{}", concept.id, n / bundled.len());
            concept.origin = Origin::User;
            concept
        })
        .collect()
}

fn best_of<T>(runs: usize, mut work: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(work());
        best = best.min(start.elapsed());
    }
    (best, last.expect("at least one run"))
}

fn main() {
    let bundled = Glossary::load(Store::open_in_memory().expect("a store"))
        .expect("the termbase")
        .concepts()
        .to_vec();
    let concepts = scaled(&bundled, TARGET);
    let dir = tempfile::tempdir().expect("a temp dir");

    let store = Store::open(dir.path()).expect("a store");
    let start = Instant::now();
    store
        .import_concepts(&concepts, Some("Scaled"))
        .expect("the import");
    let import = start.elapsed();
    drop(store);

    let (load, glossary) = best_of(3, || {
        Glossary::load(Store::open(dir.path()).expect("the store")).expect("the concepts")
    });
    let all: Vec<&Concept> = glossary.concepts().iter().collect();
    let (export, bytes) = best_of(5, || {
        let mut out = Vec::with_capacity(64 << 20);
        write_csv(&all, None, CsvStyle::default(), &mut out).expect("the export");
        out.len()
    });

    let binary = env!("CARGO_BIN_EXE_keruen");
    let out = dir.path().join("all.csv");
    let (command, _) = best_of(3, || {
        let status = std::process::Command::new(binary)
            .args(["export", "--format", "csv", "--out"])
            .arg(&out)
            .env("KERUEN_DATA_DIR", dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("keruen runs");
        assert!(status.success());
    });

    println!(
        "exchange at {} concepts ({} in the glossary)",
        TARGET,
        all.len()
    );
    println!(
        "  import, one transaction          {:>8.1} ms",
        import.as_secs_f64() * 1e3
    );
    println!(
        "  load the glossary                {:>8.1} ms",
        load.as_secs_f64() * 1e3
    );
    println!(
        "  write CSV (library)              {:>8.1} ms  ({:.1} MB)",
        export.as_secs_f64() * 1e3,
        bytes as f64 / 1e6
    );
    println!(
        "  keruen export --format csv       {:>8.1} ms  (whole process: open, load, write, sync)",
        command.as_secs_f64() * 1e3
    );
}
