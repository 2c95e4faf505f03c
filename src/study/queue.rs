//! Which cards a study session shows now, and in what order: learning cards that are due,
//! then reviews, then new cards, within the daily limits, one direction of a concept a day.

use super::card::{Card, CardKey, CardState, Direction, Review};
use super::scheduler::LEARN_AHEAD_SECS;
use super::settings::StudySettings;
use crate::model::Concept;
use std::collections::{HashMap, HashSet};

/// A card the session will show.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuedCard {
    /// The card (a fresh, unsaved one when it was never answered).
    pub card: Card,
    /// Whether the card has never been answered.
    pub new: bool,
}

/// What was studied so far on the current study day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayProgress {
    /// New cards introduced.
    pub new_done: u32,
    /// Review cards answered (first answer of the day per card).
    pub reviews_done: u32,
    /// Concepts answered in any direction.
    pub concepts: HashSet<String>,
}

impl DayProgress {
    /// Tallies today's answers. `cards` maps card ids to their keys.
    pub fn from_reviews(today: &[Review], cards: &HashMap<i64, &Card>) -> DayProgress {
        let mut progress = DayProgress::default();
        let mut reviewed_cards = HashSet::new();
        for review in today {
            if let Some(card) = cards.get(&review.card_id) {
                progress.concepts.insert(card.key.concept.clone());
            }
            match review.state_before {
                CardState::New => progress.new_done += 1,
                CardState::Review if reviewed_cards.insert(review.card_id) => {
                    progress.reviews_done += 1
                }
                _ => {}
            }
        }
        progress
    }
}

/// Everything the queue is built from.
pub struct QueueInput<'a> {
    /// The study settings (directions, limits).
    pub settings: &'a StudySettings,
    /// The concepts of the studied decks, in the order new cards are introduced.
    pub study_set: &'a [&'a Concept],
    /// Every stored card.
    pub cards: &'a [Card],
    /// What was already studied today.
    pub today: &'a DayProgress,
    /// The current study day.
    pub day: i64,
    /// Now, Unix seconds.
    pub now: i64,
}

/// The cards to show now, in order. When nothing is due, learning cards due within the
/// next twenty minutes are shown early rather than ending the session.
pub fn build(input: &QueueInput) -> Vec<QueuedCard> {
    let settings = input.settings;
    let directions: HashSet<Direction> = settings.directions.iter().copied().collect();
    let studied: HashSet<&str> = input.study_set.iter().map(|c| c.id.as_str()).collect();
    let in_study = |card: &Card| {
        studied.contains(card.key.concept.as_str())
            && directions.contains(&card.key.direction)
            && !card.suspended
            && card.buried_day != Some(input.day)
    };
    let stored: HashMap<&CardKey, &Card> = input.cards.iter().map(|c| (&c.key, c)).collect();

    let mut learning: Vec<&Card> = input
        .cards
        .iter()
        .filter(|c| c.state.is_learning() && in_study(c))
        .collect();
    learning.sort_by_key(|c| (c.due, c.id));
    let (due_learning, ahead): (Vec<&Card>, Vec<&Card>) =
        learning.into_iter().partition(|c| c.due <= input.now);

    let mut shown: HashSet<&str> = due_learning
        .iter()
        .map(|c| c.key.concept.as_str())
        .collect();
    let mut queue: Vec<QueuedCard> = due_learning
        .into_iter()
        .map(|card| QueuedCard {
            card: card.clone(),
            new: false,
        })
        .collect();

    let mut reviews: Vec<&Card> = input
        .cards
        .iter()
        .filter(|c| c.state == CardState::Review && c.due <= input.now && in_study(c))
        .collect();
    reviews.sort_by_key(|c| (c.due, c.id));
    let review_room = settings
        .reviews_per_day
        .saturating_sub(input.today.reviews_done);
    let mut taken = 0;
    for card in reviews {
        if taken >= review_room {
            break;
        }
        let concept = card.key.concept.as_str();
        if input.today.concepts.contains(concept) || !shown.insert(concept) {
            continue;
        }
        queue.push(QueuedCard {
            card: card.clone(),
            new: false,
        });
        taken += 1;
    }

    let new_room = settings.new_per_day.saturating_sub(input.today.new_done);
    let mut introduced = 0;
    'concepts: for concept in input.study_set {
        if introduced >= new_room {
            break;
        }
        let id = concept.id.as_str();
        if input.today.concepts.contains(id) || shown.contains(id) {
            continue;
        }
        for &direction in &settings.directions {
            if !askable(concept, direction) {
                continue;
            }
            let key = CardKey {
                concept: concept.id.clone(),
                direction,
            };
            let card = match stored.get(&key) {
                Some(card) if card.state == CardState::New && in_study(card) => (*card).clone(),
                Some(_) => continue,
                None => Card::new(key),
            };
            shown.insert(id);
            queue.push(QueuedCard { card, new: true });
            introduced += 1;
            continue 'concepts;
        }
    }

    if queue.is_empty() {
        queue.extend(
            ahead
                .into_iter()
                .filter(|c| c.due <= input.now + LEARN_AHEAD_SECS)
                .map(|card| QueuedCard {
                    card: card.clone(),
                    new: false,
                }),
        );
    }
    queue
}

/// Whether a concept can be asked in `direction`: it has a term on both sides.
pub fn askable(concept: &Concept, direction: Direction) -> bool {
    concept.lang(direction.from).preferred().is_some()
        && concept.lang(direction.to).preferred().is_some()
}
