//! The TBX importer on any bytes.

use super::errors::assert_clear;
use keruen::exchange::tbx::{read_tbx, write_tbx};
use keruen::model::Concept;

/// Reads `bytes` as TBX: refused with a clear error, or read; what is read comes back
/// unchanged from a TBX export.
pub fn check(bytes: &[u8]) {
    let concepts = match read_tbx(bytes) {
        Ok(concepts) => concepts,
        Err(error) => return assert_clear(bytes, &error),
    };
    let refs: Vec<&Concept> = concepts.iter().collect();
    let mut out = Vec::new();
    write_tbx(&refs, &mut out).expect("writing to memory works");
    let back = read_tbx(&out).unwrap_or_else(|error| panic!("our own export is refused: {error}"));
    assert_eq!(back, concepts, "a TBX round trip changed the concepts");
}
