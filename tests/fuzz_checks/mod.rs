//! The properties the fuzz targets in `fuzz/` check, one file per target. The targets
//! include these files by path, and `tests/fuzz_regressions.rs` runs every crash found and
//! every corpus file through them, so the checks run in plain `cargo test` too.

pub mod csv_import;
pub mod errors;
pub mod normalize;
pub mod tbx_import;
