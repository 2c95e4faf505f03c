//! Any text through the lookup normaliser and lookup: see tests/fuzz_checks/normalize.rs.

#![no_main]

#[path = "../../tests/fuzz_checks/normalize.rs"]
mod normalize;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| normalize::check(bytes));
