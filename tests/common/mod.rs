//! Helpers shared by the integration tests.
#![allow(dead_code)]

use keruen::model::Concept;
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
