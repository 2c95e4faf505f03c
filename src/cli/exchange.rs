//! `keruen export` and `keruen import`.

use crate::exchange::export::{self, Format};
use crate::exchange::import::{self, OnDuplicate};
use crate::exchange::read;
use crate::glossary::Glossary;
use crate::model::Domain;
use anyhow::Context;
use std::io::Write;
use std::path::Path;

/// `keruen export [--deck ID] [--format F] [--out FILE] [--progress]`. Without `--out`
/// the file goes to standard output; with it, the file appears whole or not at all.
pub fn export(
    glossary: &Glossary,
    deck: Option<&str>,
    format: Format,
    with_progress: bool,
    out_path: Option<&Path>,
    stdout: &mut impl Write,
) -> anyhow::Result<()> {
    let Some(path) = out_path else {
        let mut buffered = std::io::BufWriter::new(stdout);
        export::export(glossary, deck, format, with_progress, &mut buffered)?;
        buffered.flush()?;
        return Ok(());
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let count = {
        let mut buffered = std::io::BufWriter::new(temp.as_file_mut());
        let count = export::export(glossary, deck, format, with_progress, &mut buffered)?;
        buffered.flush()?;
        count
    };
    temp.as_file().sync_all()?;
    temp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("Exported {count} concepts to {}", path.display());
    Ok(())
}

/// `keruen import FILE [--deck NAME] [--dry-run] [--on-duplicate …] [--domain D]`.
pub fn import(
    glossary: &Glossary,
    file: &Path,
    deck: Option<&str>,
    dry_run: bool,
    on_duplicate: OnDuplicate,
    default_domain: Domain,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let concepts = read::read_csv(&bytes, default_domain)?;
    let plan = import::plan(glossary, concepts, on_duplicate);
    if dry_run {
        writeln!(out, "Dry run, nothing imported: {}", plan.summary())?;
    } else {
        import::apply(glossary, &plan, deck)?;
        writeln!(out, "Imported: {}", plan.summary())?;
    }
    for (from, to) in &plan.renamed {
        writeln!(out, "  {from} → {to}")?;
    }
    Ok(())
}
