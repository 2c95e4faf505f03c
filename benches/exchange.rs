//! Exchange at scale: 100,000 concepts (the bundled termbase repeated with fresh ids, so
//! every string is a real four-language term) are imported into a new store in one
//! transaction, loaded, and exported as CSV — through the library and through the
//! `keruen export` command, to its standard output and with `--out`. Run with `cargo bench --bench exchange`.

use keruen::exchange::csv::{CsvStyle, write_csv};
use keruen::exchange::export::{ExportRequest, Format, export};
use keruen::glossary::Glossary;
use keruen::model::{Concept, Origin};
use keruen::store::Store;
use std::ffi::OsStr;
use std::path::Path;
use std::process::Stdio;
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
    let (formatted, bytes) = best_of(5, || {
        let mut out = Vec::with_capacity(64 << 20);
        write_csv(&all, None, CsvStyle::default(), &mut out).expect("the export");
        out.len()
    });

    let store = glossary.store();
    let request = ExportRequest {
        deck: None,
        format: Format::Csv,
        with_progress: false,
        directions: vec![],
    };
    let (streamed, _) = best_of(5, || {
        let mut out = Vec::with_capacity(64 << 20);
        export(store, &request, &mut out).expect("the export")
    });

    let out = dir.path().join("all.csv");
    let to_stdout = best_of(5, || {
        keruen_export(
            dir.path(),
            &[],
            Some(std::fs::File::create(&out).expect("a file")),
        )
    })
    .0;
    let to_file = best_of(3, || {
        keruen_export(dir.path(), &["--out".as_ref(), out.as_os_str()], None)
    })
    .0;

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
        formatted.as_secs_f64() * 1e3,
        bytes as f64 / 1e6
    );
    println!(
        "  export from the store (library)  {:>8.1} ms  (read and write as it goes)",
        streamed.as_secs_f64() * 1e3
    );
    println!(
        "  keruen export --format csv > F   {:>8.1} ms  (whole process)",
        to_stdout.as_secs_f64() * 1e3
    );
    println!(
        "  keruen export ... --out F        {:>8.1} ms  (whole process, synced to disk)",
        to_file.as_secs_f64() * 1e3
    );
}

/// Runs `keruen export --format csv` on the store in `dir` with `extra` arguments, its
/// standard output going to `stdout` (or nowhere).
fn keruen_export(dir: &Path, extra: &[&OsStr], stdout: Option<std::fs::File>) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_keruen"))
        .args(["export", "--format", "csv"])
        .args(extra)
        .env("KERUEN_DATA_DIR", dir)
        .stdout(stdout.map_or_else(Stdio::null, Stdio::from))
        .stderr(Stdio::null())
        .status()
        .expect("keruen runs");
    assert!(status.success());
}
