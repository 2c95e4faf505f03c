//! Progress figures computed from the cards and the review log: what the Progress screen
//! draws and `keruen stats` prints.

use crate::model::Concept;
use crate::study::card::{Card, CardKey, CardState, Direction, Review};
use crate::study::queue::askable;
use crate::study::settings::StudySettings;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Stability (days) from which a card counts as mastered, as Anki calls a card mature.
pub const MASTERED_STABILITY: f64 = 21.0;

/// How many days the heatmap covers.
pub const HEATMAP_DAYS: usize = 365;

/// How many days the forecast and the retention chart cover.
pub const WINDOW_DAYS: usize = 30;

/// How many studied cards are in each state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CardsByState {
    /// Never answered.
    pub new: u32,
    /// In the learning steps.
    pub learning: u32,
    /// Graduated.
    pub review: u32,
    /// Forgotten, in the relearning steps.
    pub relearning: u32,
    /// Suspended (counted here instead of in their state).
    pub suspended: u32,
}

/// Progress over one group of cards (a domain or a direction).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mastery {
    /// The domain id or the direction (`ru-zh`).
    pub group: String,
    /// Cards studied in the group.
    pub cards: u32,
    /// Cards answered at least once.
    pub learned: u32,
    /// Cards remembered for three weeks or more (stability ≥ 21 days).
    pub mastered: u32,
}

/// Every figure of the Progress screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// The current study day as a date (`2026-11-28`).
    pub today: String,
    /// Answers given today.
    pub reviews_today: u32,
    /// Consecutive study days with at least one answer, up to today (or yesterday, when
    /// today has none yet).
    pub streak_days: u32,
    /// Cards still to study today: due learning and review cards plus the new cards left
    /// under today's limit.
    pub due_today: u32,
    /// Share of graduated cards remembered at review over the last 30 days (None without
    /// such reviews).
    pub retention_30d: Option<f64>,
    /// The studied cards by state.
    pub cards_by_state: CardsByState,
    /// Answers per day for the last 365 days, oldest first; the last is today.
    pub heatmap: Vec<u32>,
    /// True retention per day for the last 30 days, oldest first.
    pub retention_daily: Vec<Option<f64>>,
    /// Review cards coming due on each of the next 30 days; the first (today) includes
    /// overdue ones.
    pub forecast: Vec<u32>,
    /// Progress per domain.
    pub mastery_by_domain: Vec<Mastery>,
    /// Progress per direction.
    pub mastery_by_direction: Vec<Mastery>,
}

/// What the statistics are computed from.
pub struct StatsInput<'a> {
    /// The study settings (directions, limits).
    pub settings: &'a StudySettings,
    /// The concepts of the studied decks.
    pub study_set: &'a [&'a Concept],
    /// Every stored card.
    pub cards: &'a [Card],
    /// Answers that count, at least from `today - 365` on (oldest first).
    pub reviews: &'a [Review],
    /// Every study day with its number of answers (for the streak).
    pub day_counts: &'a [(i64, u32)],
    /// The current study day.
    pub today: i64,
    /// The moment the next study day begins, Unix seconds.
    pub tomorrow_starts: i64,
}

/// Computes every figure.
pub fn compute(input: &StatsInput) -> Stats {
    let today = input.today;
    let stored: HashMap<&CardKey, &Card> = input.cards.iter().map(|c| (&c.key, c)).collect();
    let mut by_state = CardsByState::default();
    let mut domains: BTreeMap<String, Mastery> = BTreeMap::new();
    let mut directions: BTreeMap<Direction, Mastery> = BTreeMap::new();
    let mut forecast = vec![0u32; WINDOW_DAYS];
    let mut learning_due = 0u32;
    let mut reviews_due = 0u32;
    let mut new_available = 0u32;

    for concept in input.study_set {
        for &direction in &input.settings.directions {
            if !askable(concept, direction) {
                continue;
            }
            let key = CardKey {
                concept: concept.id.clone(),
                direction,
            };
            let card = stored.get(&key).copied();
            let state = card.map_or(CardState::New, |c| c.state);
            let suspended = card.is_some_and(|c| c.suspended);
            if suspended {
                by_state.suspended += 1;
            } else {
                match state {
                    CardState::New => by_state.new += 1,
                    CardState::Learning => by_state.learning += 1,
                    CardState::Review => by_state.review += 1,
                    CardState::Relearning => by_state.relearning += 1,
                }
            }
            let learned = state != CardState::New;
            let mastered = state == CardState::Review
                && card.and_then(|c| c.stability).unwrap_or(0.0) >= MASTERED_STABILITY;
            for mastery in [
                domains
                    .entry(concept.domain.id().to_string())
                    .or_insert_with(|| empty_mastery(concept.domain.id())),
                directions
                    .entry(direction)
                    .or_insert_with(|| empty_mastery(&direction.to_string())),
            ] {
                mastery.cards += 1;
                mastery.learned += u32::from(learned);
                mastery.mastered += u32::from(mastered);
            }
            let Some(card) = card.filter(|c| !c.suspended) else {
                new_available += u32::from(!suspended);
                continue;
            };
            match card.state {
                CardState::New => new_available += 1,
                CardState::Learning | CardState::Relearning => {
                    learning_due += u32::from(card.due < input.tomorrow_starts);
                }
                CardState::Review => {
                    let days_ahead = if card.due < input.tomorrow_starts {
                        0
                    } else {
                        1 + (card.due - input.tomorrow_starts) / 86_400
                    };
                    if let Some(slot) = forecast.get_mut(days_ahead as usize) {
                        *slot += 1;
                    }
                    reviews_due += u32::from(days_ahead == 0);
                }
            }
        }
    }

    let todays: Vec<&Review> = input
        .reviews
        .iter()
        .filter(|r| r.study_day == today)
        .collect();
    let new_done = todays
        .iter()
        .filter(|r| r.state_before == CardState::New)
        .count() as u32;
    let reviews_done = todays
        .iter()
        .filter(|r| r.state_before == CardState::Review)
        .count() as u32;
    let new_left = input
        .settings
        .new_per_day
        .saturating_sub(new_done)
        .min(new_available);
    let reviews_left = input
        .settings
        .reviews_per_day
        .saturating_sub(reviews_done)
        .min(reviews_due);

    Stats {
        today: crate::study::clock::date_of(today).to_string(),
        reviews_today: todays.len() as u32,
        streak_days: streak(input.day_counts, today),
        due_today: learning_due + reviews_left + new_left,
        retention_30d: retention(
            input
                .reviews
                .iter()
                .filter(|r| r.study_day > today - WINDOW_DAYS as i64),
        ),
        cards_by_state: by_state,
        heatmap: per_day(input.reviews, today, HEATMAP_DAYS, |day| day.len() as u32),
        retention_daily: per_day(input.reviews, today, WINDOW_DAYS, |day| {
            retention(day.iter().copied())
        }),
        forecast,
        mastery_by_domain: domains.into_values().collect(),
        mastery_by_direction: directions.into_values().collect(),
    }
}

fn empty_mastery(group: &str) -> Mastery {
    Mastery {
        group: group.to_string(),
        cards: 0,
        learned: 0,
        mastered: 0,
    }
}

/// True retention: of the answers to graduated cards, the share not graded Again.
fn retention<'r>(reviews: impl Iterator<Item = &'r Review>) -> Option<f64> {
    let (mut asked, mut remembered) = (0u32, 0u32);
    for review in reviews.filter(|r| r.state_before == CardState::Review) {
        asked += 1;
        remembered += u32::from(review.rating != crate::study::card::Rating::Again);
    }
    (asked > 0).then(|| f64::from(remembered) / f64::from(asked))
}

/// One value per day for the `days` days ending today, oldest first.
fn per_day<T>(
    reviews: &[Review],
    today: i64,
    days: usize,
    value: impl Fn(&[&Review]) -> T,
) -> Vec<T> {
    let first = today - days as i64 + 1;
    let mut buckets: Vec<Vec<&Review>> = vec![Vec::new(); days];
    for review in reviews {
        if (first..=today).contains(&review.study_day) {
            buckets[(review.study_day - first) as usize].push(review);
        }
    }
    buckets.iter().map(|day| value(day)).collect()
}

/// Consecutive days with answers ending today, or ending yesterday when today has none.
fn streak(day_counts: &[(i64, u32)], today: i64) -> u32 {
    let studied: std::collections::HashSet<i64> = day_counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(day, _)| *day)
        .collect();
    let mut day = if studied.contains(&today) {
        today
    } else {
        today - 1
    };
    let mut streak = 0;
    while studied.contains(&day) {
        streak += 1;
        day -= 1;
    }
    streak
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_streak_survives_until_the_day_is_over() {
        let days = [(8, 3), (9, 1), (10, 5)];
        assert_eq!(streak(&days, 10), 3);
        assert_eq!(streak(&days, 11), 3, "today not studied yet");
        assert_eq!(streak(&days, 12), 0);
    }
}

/// How one deck stands: cards due now and cards mastered, over its studied directions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DeckProgress {
    /// Cards (concept × studied direction) the deck holds.
    pub cards: u32,
    /// Of which due now (learning or review; suspended ones left out).
    pub due: u32,
    /// Of which mastered (stability of three weeks or more).
    pub mastered: u32,
}

/// The progress of the deck whose concepts are `members`.
pub fn deck_progress(
    members: &[&Concept],
    directions: &[Direction],
    cards: &HashMap<&CardKey, &Card>,
    now: i64,
) -> DeckProgress {
    let mut progress = DeckProgress::default();
    for concept in members {
        for &direction in directions {
            if !askable(concept, direction) {
                continue;
            }
            progress.cards += 1;
            let key = CardKey {
                concept: concept.id.clone(),
                direction,
            };
            let Some(card) = cards.get(&key).filter(|c| !c.suspended) else {
                continue;
            };
            let due = card.state != CardState::New && card.due <= now;
            progress.due += u32::from(due);
            let mastered = card.state == CardState::Review
                && card.stability.unwrap_or(0.0) >= MASTERED_STABILITY;
            progress.mastered += u32::from(mastered);
        }
    }
    progress
}
