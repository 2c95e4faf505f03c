//! `keruen export` and `keruen import`.

use crate::exchange;
use crate::exchange::export::{self, ExportRequest};
use crate::exchange::import::{self, OnDuplicate};
use crate::glossary::Glossary;
use crate::model::Domain;
use crate::store::Store;
use anyhow::Context;
use std::io::Write;
use std::path::Path;

/// `keruen export [--deck ID] [--format F] [--direction A-B]… [--out FILE] [--progress]`.
/// Without `--out` the file goes to standard output; with it, the file appears whole or
/// not at all.
pub fn export(
    store: &Store,
    request: &ExportRequest,
    out_path: Option<&Path>,
    stdout: &mut impl Write,
) -> anyhow::Result<()> {
    let Some(path) = out_path else {
        let mut buffered = std::io::BufWriter::new(stdout);
        export::export(store, request, &mut buffered)?;
        buffered.flush()?;
        return Ok(());
    };
    let count = export::export_to_file(store, request, path)?;
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
    let concepts = exchange::read_concepts(&bytes, default_domain)?;
    let plan = import::plan(glossary, concepts, on_duplicate);
    if dry_run {
        writeln!(out, "Dry run, nothing imported: {}", plan.summary())?;
    } else {
        let backup = import::apply(glossary, &plan, deck)?;
        writeln!(out, "Imported: {}", plan.summary())?;
        if let Some(backup) = backup {
            writeln!(
                out,
                "Your data as it was before is in the backup {}; `keruen restore {}` brings it back.",
                backup.name(),
                backup.name()
            )?;
        }
    }
    for (from, to) in &plan.renamed {
        writeln!(out, "  {from} → {to}")?;
    }
    Ok(())
}
