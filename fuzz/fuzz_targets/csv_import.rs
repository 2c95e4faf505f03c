//! Any bytes as an import file (CSV, or TBX when they look like XML): see tests/fuzz_checks/csv_import.rs.

#![no_main]

#[path = "../../tests/fuzz_checks/csv_import.rs"]
mod csv_import;
#[path = "../../tests/fuzz_checks/errors.rs"]
mod errors;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| csv_import::check(bytes));
