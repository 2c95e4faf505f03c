//! Any bytes as a TBX file: see tests/fuzz_checks/tbx_import.rs.

#![no_main]

#[path = "../../tests/fuzz_checks/errors.rs"]
mod errors;
#[path = "../../tests/fuzz_checks/tbx_import.rs"]
mod tbx_import;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| tbx_import::check(bytes));
