//! The headless commands of `keruen` (everything but the window), writing to any output.

mod backup;
mod exchange;
mod study;

pub use backup::restore;
pub use exchange::{export, import};
pub use study::{AnswerRow, DueRow, answer, due, stats};

use crate::decks;
use crate::glossary::Glossary;
use crate::model::Lang;
use crate::search::{Form, Hit, MatchKind, Options};
use serde::Serialize;
use std::io::Write;

/// One line of `keruen lookup --json`.
#[derive(Debug, Serialize)]
pub struct LookupRow<'a> {
    /// The concept's stable id.
    pub id: &'a str,
    /// Its domain id.
    pub domain: &'a str,
    /// Preferred English term.
    pub en: &'a str,
    /// Preferred Russian term.
    pub ru: &'a str,
    /// Preferred Kazakh term.
    pub kk: &'a str,
    /// Preferred Chinese term.
    pub zh: &'a str,
    /// Pinyin of the preferred Chinese term.
    pub pinyin: &'a str,
    /// Relevance, higher is better.
    pub score: u32,
    /// Which term matched, in which language, and how.
    pub matched: Matched<'a>,
}

/// What matched a lookup query.
#[derive(Debug, Serialize)]
pub struct Matched<'a> {
    /// Language of the matched term.
    pub lang: Lang,
    /// The matched term as written (or its pinyin, when the pinyin matched).
    pub text: &'a str,
    /// Which spelling matched: text, pinyin or translit.
    pub form: Form,
    /// Exact, prefix, word, stem, layout or fuzzy.
    pub kind: MatchKind,
}

/// The row `keruen lookup --json` prints for a hit.
pub fn lookup_row<'a>(glossary: &'a Glossary, hit: &Hit) -> LookupRow<'a> {
    let concept = glossary.concept(hit);
    let term = &concept.lang(hit.lang).terms[hit.term];
    let text = match hit.form {
        Form::Text | Form::Translit => term.text.as_str(),
        Form::Pinyin => term.pinyin.as_deref().unwrap_or(&term.text),
    };
    LookupRow {
        id: &concept.id,
        domain: concept.domain.id(),
        en: concept.preferred(Lang::En),
        ru: concept.preferred(Lang::Ru),
        kk: concept.preferred(Lang::Kk),
        zh: concept.preferred(Lang::Zh),
        pinyin: concept.pinyin(),
        score: hit.score,
        matched: Matched {
            lang: hit.lang,
            text,
            form: hit.form,
            kind: hit.kind,
        },
    }
}

/// `keruen lookup QUERY [--limit N] [--json]`.
pub fn lookup(
    glossary: &Glossary,
    query: &str,
    limit: usize,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let hits = glossary.lookup(query, limit, Options::default());
    let rows: Vec<LookupRow> = hits.iter().map(|hit| lookup_row(glossary, hit)).collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "No concept matches “{query}”.")?;
    }
    for row in rows {
        writeln!(
            out,
            "{}  {} ({})  ·  {}  ·  {}  ·  {}   [{}]",
            row.en, row.zh, row.pinyin, row.ru, row.kk, row.id, row.domain
        )?;
    }
    Ok(())
}

/// `keruen decks [--json]`.
pub fn decks(glossary: &Glossary, json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let decks = decks::list(glossary)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &decks)?;
        writeln!(out)?;
        return Ok(());
    }
    for deck in decks {
        let kind = if deck.builtin { "built-in" } else { "yours" };
        writeln!(
            out,
            "{:<16} {:>5}  {}  ({kind})",
            deck.id, deck.concepts, deck.name
        )?;
    }
    Ok(())
}
