//! The study types: a direction, a card, a rating and a logged review.

use crate::model::{Lang, UnknownLang};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Which language a card asks in and which it expects back, e.g. ru→zh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Direction {
    /// The language of the prompt.
    pub from: Lang,
    /// The language of the answer.
    pub to: Lang,
}

impl Direction {
    /// A direction from one language to another.
    pub const fn new(from: Lang, to: Lang) -> Direction {
        Direction { from, to }
    }

    /// The same pair asked the other way round.
    pub fn reversed(self) -> Direction {
        Direction::new(self.to, self.from)
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.from, self.to)
    }
}

/// Text that names no direction (`ru-zh` is one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a direction; write two different language codes like ru-zh")]
pub struct BadDirection(pub String);

impl From<UnknownLang> for BadDirection {
    fn from(error: UnknownLang) -> Self {
        BadDirection(error.0)
    }
}

impl FromStr for Direction {
    type Err = BadDirection;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (from, to) = s
            .split_once(['-', '>', '→'])
            .ok_or_else(|| BadDirection(s.to_string()))?;
        let from: Lang = from.trim_end_matches('-').parse()?;
        let to: Lang = to.trim_start_matches('>').parse()?;
        if from == to {
            return Err(BadDirection(s.to_string()));
        }
        Ok(Direction::new(from, to))
    }
}

impl Serialize for Direction {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Direction {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Names a card independently of any store: its concept and its direction, written
/// `container-train:ru-zh`. This is what `keruen due` prints and `keruen answer` takes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CardKey {
    /// The concept's stable id.
    pub concept: String,
    /// The direction asked.
    pub direction: Direction,
}

impl fmt::Display for CardKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.concept, self.direction)
    }
}

/// Text that names no card.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a card id; card ids look like container-train:ru-zh (see keruen due)")]
pub struct BadCardKey(pub String);

impl FromStr for CardKey {
    type Err = BadCardKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadCardKey(s.to_string());
        let (concept, direction) = s.trim().rsplit_once(':').ok_or_else(bad)?;
        if concept.is_empty() {
            return Err(bad());
        }
        Ok(CardKey {
            concept: concept.to_string(),
            direction: direction.parse().map_err(|_| bad())?,
        })
    }
}

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardState {
    /// Never answered.
    New,
    /// Answered, still going through the learning steps.
    Learning,
    /// Graduated: scheduled in days by FSRS.
    Review,
    /// Forgotten after graduating, going through the relearning steps.
    Relearning,
}

impl CardState {
    /// Every state, in the order of a card's life.
    pub const ALL: [CardState; 4] = [
        CardState::New,
        CardState::Learning,
        CardState::Review,
        CardState::Relearning,
    ];

    /// The name stored and printed: `new`, `learning`, `review`, `relearning`.
    pub fn name(self) -> &'static str {
        match self {
            CardState::New => "new",
            CardState::Learning => "learning",
            CardState::Review => "review",
            CardState::Relearning => "relearning",
        }
    }

    /// The state called `name`.
    pub fn from_name(name: &str) -> Option<CardState> {
        CardState::ALL
            .into_iter()
            .find(|state| state.name() == name)
    }

    /// Whether the card is going through (re)learning steps measured in minutes.
    pub fn is_learning(self) -> bool {
        matches!(self, CardState::Learning | CardState::Relearning)
    }
}

/// How well the answer was remembered, as the four grade buttons say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    /// Forgotten.
    Again = 1,
    /// Remembered with serious difficulty.
    Hard = 2,
    /// Remembered.
    Good = 3,
    /// Remembered effortlessly.
    Easy = 4,
}

impl Rating {
    /// The four ratings, button order.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// 1–4, as FSRS and the keyboard count them.
    pub fn number(self) -> u32 {
        self as u32
    }

    /// The rating with number `n` (1–4).
    pub fn from_number(n: u32) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.number() == n)
    }

    /// `again`, `hard`, `good` or `easy`.
    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }
}

/// A word that is not a rating.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a grade; use again, hard, good or easy (or 1–4)")]
pub struct BadRating(pub String);

impl FromStr for Rating {
    type Err = BadRating;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let word = s.trim().to_lowercase();
        Rating::ALL
            .into_iter()
            .find(|r| r.name() == word || r.number().to_string() == word)
            .ok_or_else(|| BadRating(s.to_string()))
    }
}

/// A card with its schedule, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// The store's row id.
    pub id: i64,
    /// Which concept, which direction.
    pub key: CardKey,
    /// Where the card is in its life.
    pub state: CardState,
    /// When it is next due, Unix seconds.
    pub due: i64,
    /// FSRS stability in days (None while new).
    pub stability: Option<f64>,
    /// FSRS difficulty 1–10 (None while new).
    pub difficulty: Option<f64>,
    /// The (re)learning step the card is at.
    pub step: u32,
    /// How many times it was answered.
    pub reps: u32,
    /// How many times it was forgotten after graduating.
    pub lapses: u32,
    /// When it was last answered, Unix seconds.
    pub last_review: Option<i64>,
    /// Kept out of study until the user unsuspends it.
    pub suspended: bool,
    /// Hidden for the rest of this study day.
    pub buried_day: Option<i64>,
}

impl Card {
    /// A card never answered, not yet in the store.
    pub fn new(key: CardKey) -> Card {
        Card {
            id: 0,
            key,
            state: CardState::New,
            due: 0,
            stability: None,
            difficulty: None,
            step: 0,
            reps: 0,
            lapses: 0,
            last_review: None,
            suspended: false,
            buried_day: None,
        }
    }
}

/// One answer as the review log keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The log's row id (increasing with time).
    pub id: i64,
    /// The card answered.
    pub card_id: i64,
    /// When, Unix milliseconds.
    pub reviewed_at: i64,
    /// The study day it counts for (days since 1970-01-01).
    pub study_day: i64,
    /// The grade given.
    pub rating: Rating,
    /// The card's state when it was asked.
    pub state_before: CardState,
    /// Study days since the card's previous answer.
    pub elapsed_days: i64,
    /// The interval scheduled by this answer, in days (0 while in (re)learning).
    pub interval_days: i64,
    /// FSRS stability after the answer.
    pub stability: f64,
    /// FSRS difficulty after the answer.
    pub difficulty: f64,
    /// How long the user took, milliseconds.
    pub duration_ms: i64,
}
