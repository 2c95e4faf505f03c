//! The termbase source (`db/termbase/*.toml`) and its checks.

pub mod source;
pub mod validate;

pub use validate::{Problem, validate};

/// Reads every `*.toml` file of a termbase source folder, sorted by name.
pub fn load_dir(dir: &std::path::Path) -> Result<Vec<crate::model::Concept>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut concepts = Vec::new();
    for path in files {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        concepts.extend(source::parse(&name, &text)?);
    }
    Ok(concepts)
}
