//! `keruen due`, `keruen answer` and `keruen stats`: studying from scripts, through the
//! same calls the window makes.

use crate::glossary::Glossary;
use crate::study::Study;
use crate::study::card::{CardKey, Rating};
use crate::study::scheduler::Outcome;
use serde::Serialize;
use std::io::Write;

/// One line of `keruen due --json`.
#[derive(Debug, Serialize)]
pub struct DueRow {
    /// The card id `keruen answer` takes (`container-train:ru-zh`).
    pub id: String,
    /// The concept's id.
    pub concept: String,
    /// The direction asked (`ru-zh`).
    pub direction: String,
    /// Whether the card was never answered.
    pub new: bool,
    /// new, learning, review or relearning.
    pub state: &'static str,
    /// What the card asks: the preferred term in the prompt language.
    pub prompt: String,
}

/// `keruen due [--json]`: the cards the next study session would show now.
pub fn due(
    glossary: &Glossary,
    study: &Study,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let rows: Vec<DueRow> = study
        .queue(glossary)?
        .into_iter()
        .map(|queued| {
            let key = &queued.card.key;
            let prompt = glossary
                .concept_by_id(&key.concept)
                .map(|c| c.preferred(key.direction.from).to_string())
                .unwrap_or_default();
            DueRow {
                id: key.to_string(),
                concept: key.concept.clone(),
                direction: key.direction.to_string(),
                new: queued.new,
                state: queued.card.state.name(),
                prompt,
            }
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "Nothing is due now.")?;
    }
    for row in rows {
        let new = if row.new { "  (new)" } else { "" };
        writeln!(out, "{:<40} {}{new}", row.id, row.prompt)?;
    }
    Ok(())
}

/// What `keruen answer --json` prints.
#[derive(Debug, Serialize)]
pub struct AnswerRow {
    /// The card answered.
    pub id: String,
    /// The grade given.
    pub rating: Rating,
    /// The card's state after the answer.
    pub state: &'static str,
    /// When it is due next (RFC 3339).
    pub due: String,
    /// The interval in days (0 while in (re)learning).
    pub interval_days: i64,
}

/// `keruen answer CARD_ID again|hard|good|easy`: grades one card.
pub fn answer(
    glossary: &Glossary,
    study: &Study,
    card: &str,
    rating: &str,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let key: CardKey = card.parse()?;
    let rating: Rating = rating.parse()?;
    let outcome = study.answer(glossary, &key, rating, 0)?;
    let row = answer_row(&key, &outcome, study);
    if json {
        serde_json::to_writer_pretty(&mut *out, &row)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{}: {} — {}, due {}",
            row.id,
            rating.name(),
            row.state,
            row.due
        )?;
    }
    Ok(())
}

fn answer_row(key: &CardKey, outcome: &Outcome, study: &Study) -> AnswerRow {
    let due = chrono::DateTime::from_timestamp(outcome.card.due, 0)
        .map(|t| t.with_timezone(study.now().offset()).to_rfc3339())
        .unwrap_or_default();
    AnswerRow {
        id: key.to_string(),
        rating: outcome.rating,
        state: outcome.card.state.name(),
        due,
        interval_days: outcome.interval_days,
    }
}

/// `keruen stats [--json]`.
pub fn stats(
    glossary: &Glossary,
    study: &Study,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let stats = study.stats(glossary)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &stats)?;
        writeln!(out)?;
        return Ok(());
    }
    let retention = stats
        .retention_30d
        .map_or("—".to_string(), |r| format!("{:.1} %", r * 100.0));
    let states = &stats.cards_by_state;
    writeln!(out, "Study day        {}", stats.today)?;
    writeln!(out, "Answers today    {}", stats.reviews_today)?;
    writeln!(out, "Streak           {} days", stats.streak_days)?;
    writeln!(out, "Due today        {}", stats.due_today)?;
    writeln!(out, "Retention (30 d) {retention}")?;
    writeln!(
        out,
        "Cards            {} new · {} learning · {} review · {} relearning · {} suspended",
        states.new, states.learning, states.review, states.relearning, states.suspended
    )?;
    for mastery in stats
        .mastery_by_direction
        .iter()
        .chain(&stats.mastery_by_domain)
    {
        writeln!(
            out,
            "  {:<14} {:>4} cards, {:>4} learnt, {:>4} mastered",
            mastery.group, mastery.cards, mastery.learned, mastery.mastered
        )?;
    }
    Ok(())
}
