//! What the user chose about studying: languages, directions, decks, limits and scheduling.

use super::card::Direction;
use crate::model::Lang;
use crate::store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// The desired retention the settings offer.
pub const RETENTION_RANGE: RangeInclusive<f32> = 0.70..=0.97;

/// Everything about studying the user can set, kept in the store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StudySettings {
    /// Whether the first-start questions were answered.
    pub onboarded: bool,
    /// The languages the user reads well.
    pub known: Vec<Lang>,
    /// The languages the user is learning.
    pub learning: Vec<Lang>,
    /// The card directions studied.
    pub directions: Vec<Direction>,
    /// The decks studied (deck ids as `keruen decks` prints them).
    pub decks: Vec<String>,
    /// The probability of recall FSRS aims for when a card comes due.
    pub desired_retention: f32,
    /// New cards introduced per study day at most.
    pub new_per_day: u32,
    /// Review cards shown per study day at most.
    pub reviews_per_day: u32,
    /// Learning steps of a new card, in minutes.
    pub learning_steps: Vec<u32>,
    /// Relearning steps of a forgotten card, in minutes.
    pub relearning_steps: Vec<u32>,
    /// The local hour (0–23) at which a new study day begins.
    pub day_starts_at: u8,
    /// Type the answer instead of only revealing it.
    pub typed_answers: bool,
    /// Personal FSRS parameters; empty means FSRS's defaults.
    pub parameters: Vec<f32>,
}

impl Default for StudySettings {
    fn default() -> Self {
        StudySettings {
            onboarded: false,
            known: vec![Lang::Ru],
            learning: vec![Lang::Zh],
            directions: vec![
                Direction::new(Lang::Ru, Lang::Zh),
                Direction::new(Lang::Zh, Lang::Ru),
            ],
            decks: vec![crate::decks::ARTICLE_DECK.to_string()],
            desired_retention: 0.90,
            new_per_day: 20,
            reviews_per_day: 200,
            learning_steps: vec![1, 10],
            relearning_steps: vec![10],
            day_starts_at: 4,
            typed_answers: false,
            parameters: Vec::new(),
        }
    }
}

const SETTINGS_KEY: &str = "study_settings";

impl StudySettings {
    /// The settings kept in `store`, or the defaults; out-of-range values are brought back
    /// into range.
    pub fn load(store: &Store) -> Result<StudySettings, StoreError> {
        let mut settings: StudySettings = store
            .setting(SETTINGS_KEY)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        settings.clamp();
        Ok(settings)
    }

    /// Keeps these settings in `store`.
    pub fn save(&self, store: &Store) -> Result<(), StoreError> {
        let json = serde_json::to_string(self).expect("study settings serialise");
        store.set_setting(SETTINGS_KEY, &json)
    }

    /// Brings every value into the range the scheduler accepts.
    pub fn clamp(&mut self) {
        self.desired_retention = self
            .desired_retention
            .clamp(*RETENTION_RANGE.start(), *RETENTION_RANGE.end());
        self.day_starts_at = self.day_starts_at.min(23);
        self.learning_steps.retain(|&m| m > 0);
        self.relearning_steps.retain(|&m| m > 0);
        self.directions.dedup();
    }

    /// Every direction between a known and a learnt language, both ways, in a stable order.
    pub fn directions_for(known: &[Lang], learning: &[Lang]) -> Vec<Direction> {
        let mut directions = Vec::new();
        for &target in learning {
            for &base in known {
                if base == target {
                    continue;
                }
                for direction in [Direction::new(base, target), Direction::new(target, base)] {
                    if !directions.contains(&direction) {
                        directions.push(direction);
                    }
                }
            }
        }
        directions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knowing_russian_and_kazakh_and_learning_chinese_gives_four_directions() {
        let directions = StudySettings::directions_for(&[Lang::Ru, Lang::Kk], &[Lang::Zh]);
        let names: Vec<String> = directions.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["ru-zh", "zh-ru", "kk-zh", "zh-kk"]);
    }
}
