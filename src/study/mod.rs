//! Studying: cards in chosen directions, scheduled by FSRS, answered from the window or
//! the command line through the same [`Study`] calls.

pub mod card;
pub mod clock;
pub mod optimize;
pub mod queue;
pub mod scheduler;
pub mod settings;
pub mod typed;

use crate::decks::{self, DeckError};
use crate::glossary::Glossary;
use crate::model::Concept;
use crate::store::StoreError;
use card::{Card, CardKey, Rating, Review};
use chrono::{DateTime, FixedOffset};
use clock::{Clock, study_day};
use queue::{DayProgress, QueueInput, QueuedCard};
use scheduler::{Outcome, Scheduler};
use settings::StudySettings;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Why a study action could not be done.
#[derive(Debug, thiserror::Error)]
pub enum StudyError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A studied deck no longer exists.
    #[error(transparent)]
    Deck(#[from] DeckError),
    /// The card names a concept the glossary does not have.
    #[error("there is no concept '{0}'")]
    UnknownConcept(String),
    /// The concept lacks a term on one side of the card.
    #[error("the concept '{0}' has no term in one of the card's languages")]
    NotAskable(CardKey),
    /// The card is suspended.
    #[error("the card {0} is suspended; unsuspend it first")]
    Suspended(CardKey),
}

/// Studying with one set of settings and one clock.
#[derive(Clone)]
pub struct Study {
    settings: StudySettings,
    scheduler: Scheduler,
    clock: Arc<dyn Clock>,
}

impl Study {
    /// Studies with `settings`, reading the time from `clock`.
    pub fn new(settings: StudySettings, clock: Arc<dyn Clock>) -> Study {
        Study {
            scheduler: Scheduler::new(&settings),
            settings,
            clock,
        }
    }

    /// The settings in force.
    pub fn settings(&self) -> &StudySettings {
        &self.settings
    }

    /// Replaces the settings (the caller keeps them in the store).
    pub fn set_settings(&mut self, settings: StudySettings) {
        self.scheduler = Scheduler::new(&settings);
        self.settings = settings;
    }

    /// The current moment.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    /// The current study day (days since 1970-01-01).
    pub fn today(&self) -> i64 {
        study_day(self.now(), self.settings.day_starts_at)
    }

    /// The concepts of every studied deck, each once, in the order new cards come.
    pub fn study_set<'g>(&self, glossary: &'g Glossary) -> Result<Vec<&'g Concept>, StudyError> {
        let mut seen = HashSet::new();
        let mut set = Vec::new();
        for deck in &self.settings.decks {
            for concept in decks::members(glossary, deck)? {
                if seen.insert(concept.id.as_str()) {
                    set.push(concept);
                }
            }
        }
        Ok(set)
    }

    /// What was studied so far today.
    pub fn day_progress(&self, glossary: &Glossary) -> Result<DayProgress, StudyError> {
        let store = glossary.store();
        let cards = store.cards()?;
        let by_id: HashMap<i64, &Card> = cards.iter().map(|c| (c.id, c)).collect();
        let today = store.reviews_since(self.today())?;
        Ok(DayProgress::from_reviews(&today, &by_id))
    }

    /// The cards a session shows now, in order (the first is next).
    pub fn queue(&self, glossary: &Glossary) -> Result<Vec<QueuedCard>, StudyError> {
        let store = glossary.store();
        let cards = store.cards()?;
        let by_id: HashMap<i64, &Card> = cards.iter().map(|c| (c.id, c)).collect();
        let day = self.today();
        let today = DayProgress::from_reviews(&store.reviews_since(day)?, &by_id);
        let study_set = self.study_set(glossary)?;
        Ok(queue::build(&QueueInput {
            settings: &self.settings,
            study_set: &study_set,
            cards: &cards,
            today: &today,
            day,
            now: self.now().timestamp(),
        }))
    }

    /// What each grade would do to `card` now (the intervals on the grade buttons).
    pub fn preview(&self, card: &Card) -> [Outcome; 4] {
        self.scheduler.outcomes(card, self.now())
    }

    /// Grades a card and commits the answer before returning. The window and
    /// `keruen answer` both come through here.
    pub fn answer(
        &self,
        glossary: &Glossary,
        key: &CardKey,
        rating: Rating,
        duration_ms: i64,
    ) -> Result<Outcome, StudyError> {
        let concept = glossary
            .concept_by_id(&key.concept)
            .ok_or_else(|| StudyError::UnknownConcept(key.concept.clone()))?;
        if !queue::askable(concept, key.direction) {
            return Err(StudyError::NotAskable(key.clone()));
        }
        let store = glossary.store();
        let before = store.ensure_card(key)?;
        if before.suspended {
            return Err(StudyError::Suspended(key.clone()));
        }
        let now = self.now();
        let outcome = self.scheduler.outcome(&before, rating, now);
        let review = Review {
            id: 0,
            card_id: before.id,
            reviewed_at: now.timestamp_millis(),
            study_day: study_day(now, self.settings.day_starts_at),
            rating,
            state_before: before.state,
            elapsed_days: outcome.elapsed_days,
            interval_days: outcome.interval_days,
            stability: outcome.card.stability.unwrap_or_default(),
            difficulty: outcome.card.difficulty.unwrap_or_default(),
            duration_ms: duration_ms.max(0),
        };
        store.record_answer(&before, &outcome.card, &review)?;
        Ok(outcome)
    }

    /// Takes back the latest answer; returns the card as it was before it.
    pub fn undo(&self, glossary: &Glossary) -> Result<Option<Card>, StudyError> {
        Ok(glossary
            .store()
            .undo_last_answer(self.now().timestamp_millis())?)
    }

    /// Every figure of the Progress screen and `keruen stats`.
    pub fn stats(&self, glossary: &Glossary) -> Result<crate::stats::Stats, StudyError> {
        let store = glossary.store();
        let today = self.today();
        let cards = store.cards()?;
        let reviews = store.reviews_since(today - crate::stats::HEATMAP_DAYS as i64)?;
        let day_counts = store.review_day_counts()?;
        let study_set = self.study_set(glossary)?;
        let tomorrow_starts =
            clock::day_start(today + 1, self.settings.day_starts_at, self.now()).timestamp();
        Ok(crate::stats::compute(&crate::stats::StatsInput {
            settings: &self.settings,
            study_set: &study_set,
            cards: &cards,
            reviews: &reviews,
            day_counts: &day_counts,
            today,
            tomorrow_starts,
        }))
    }

    /// Hides a card until the next study day.
    pub fn bury(&self, glossary: &Glossary, key: &CardKey) -> Result<(), StudyError> {
        Ok(glossary.store().bury(key, self.today())?)
    }

    /// Keeps a card out of study until it is unsuspended.
    pub fn suspend(&self, glossary: &Glossary, key: &CardKey) -> Result<(), StudyError> {
        Ok(glossary.store().set_suspended(key, true)?)
    }
}
