//! The CSV importer on any bytes.

use super::errors::assert_clear;
use keruen::exchange::csv::{CsvStyle, write_csv};
use keruen::exchange::import::{OnDuplicate, plan};
use keruen::exchange::read::read_csv;
use keruen::exchange::{looks_like_xml, read_concepts};
use keruen::glossary::Glossary;
use keruen::model::{Concept, Domain};
use keruen::store::Store;
use std::collections::HashSet;

thread_local! {
    /// The bundled termbase, which imports are planned against.
    static GLOSSARY: Glossary = Glossary::load(Store::open_in_memory().expect("an in-memory store"))
        .expect("the bundled termbase loads");
}

/// Reads `bytes` as an import file: refused with a clear error, or read. What is read is
/// planned against the bundled glossary with every duplicate rule, and a CSV file's
/// concepts come back unchanged from a plain and an Excel CSV export.
pub fn check(bytes: &[u8]) {
    let concepts = match read_concepts(bytes, Domain::Forwarding) {
        Ok(concepts) => concepts,
        Err(error) => return assert_clear(bytes, &error),
    };
    GLOSSARY.with(|glossary| {
        for rule in [
            OnDuplicate::Update,
            OnDuplicate::Skip,
            OnDuplicate::KeepBoth,
        ] {
            let plan = plan(glossary, concepts.clone(), rule);
            assert_eq!(
                plan.write.len() + plan.skipped.len(),
                concepts.len(),
                "{rule:?}: every concept is written or skipped"
            );
            assert_eq!(
                plan.added + plan.updated.len(),
                plan.write.len(),
                "{rule:?}"
            );
            let ids: HashSet<&str> = plan.write.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids.len(), plan.write.len(), "{rule:?} writes an id twice");
        }
    });
    if looks_like_xml(bytes) {
        return;
    }
    let refs: Vec<&Concept> = concepts.iter().collect();
    for excel in [false, true] {
        let mut out = Vec::new();
        write_csv(&refs, None, CsvStyle { excel }, &mut out).expect("writing to memory works");
        let back = read_csv(&out, Domain::Forwarding)
            .unwrap_or_else(|error| panic!("our own export (excel: {excel}) is refused: {error}"));
        assert_eq!(
            back, concepts,
            "a CSV round trip (excel: {excel}) changed the concepts"
        );
    }
}
