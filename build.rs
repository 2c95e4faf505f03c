//! Compiles the termbase source (`db/termbase/*.toml`) into the SQLite database that the
//! binary embeds (`$OUT_DIR/termbase.sqlite`). The same input always gives the same output.

#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;

#[path = "src/termbase/source.rs"]
mod source;

#[path = "src/store/bundle_writer.rs"]
mod bundle_writer;

use std::path::{Path, PathBuf};

fn main() {
    let termbase_dir = Path::new("db/termbase");
    println!("cargo:rerun-if-changed=db/termbase");
    println!("cargo:rerun-if-changed=db/bundle.sql");

    let mut files: Vec<PathBuf> = std::fs::read_dir(termbase_dir)
        .expect("db/termbase is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();

    let mut concepts = Vec::new();
    let mut fingerprint = Fnv64::default();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(path).expect("a termbase file is UTF-8 text");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        fingerprint.write(name.as_bytes());
        fingerprint.write(text.as_bytes());
        match source::parse(&name, &text) {
            Ok(parsed) => concepts.extend(parsed),
            Err(error) => panic!("the termbase source does not parse: {error}"),
        }
    }
    concepts.sort_by(|a, b| a.id.cmp(&b.id));

    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("termbase.sqlite");
    let _ = std::fs::remove_file(&out);
    let mut conn = rusqlite::Connection::open(&out).expect("the bundle database opens");
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096;")
        .expect("pragmas apply");
    bundle_writer::write_bundle(&mut conn, &concepts, &format!("{:016x}", fingerprint.0))
        .expect("the bundle is written");
    conn.execute_batch("VACUUM")
        .expect("the bundle is compacted");
}

/// FNV-1a, 64 bit: a stable fingerprint of the source, so the store knows when it changed.
struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
