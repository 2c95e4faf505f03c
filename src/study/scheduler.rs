//! The scheduler: what each grade does to a card. FSRS (the `fsrs` crate, as in Anki)
//! tracks the memory state and picks day intervals; learning and relearning steps in
//! minutes come first, as in Anki.

use super::card::{Card, CardState, Rating};
use super::clock::{day_start, study_day};
use super::settings::StudySettings;
use chrono::{DateTime, FixedOffset};
use fsrs::{FSRS, MemoryState, NextStates};

/// The longest interval ever scheduled, in days (a hundred years, as in Anki).
pub const MAX_INTERVAL_DAYS: i64 = 36_500;

/// How far ahead a learning card may be shown when nothing else is left, in seconds.
pub const LEARN_AHEAD_SECS: i64 = 20 * 60;

/// What one grade would do to a card.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The card after the answer.
    pub card: Card,
    /// The grade.
    pub rating: Rating,
    /// Study days since the card's previous answer.
    pub elapsed_days: i64,
    /// The interval scheduled, in days (0 while in (re)learning).
    pub interval_days: i64,
    /// Seconds from the answer until the card is due again.
    pub wait_secs: i64,
}

/// Schedules cards with one set of study settings.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    desired_retention: f32,
    learning_steps: Vec<i64>,
    relearning_steps: Vec<i64>,
    day_starts_at: u8,
}

impl Scheduler {
    /// A scheduler for these settings. Personal parameters FSRS rejects fall back to
    /// FSRS's defaults, so studying never stops over them.
    pub fn new(settings: &StudySettings) -> Scheduler {
        let fsrs = FSRS::new(&settings.parameters).unwrap_or_default();
        let minutes = |steps: &[u32]| steps.iter().map(|&m| i64::from(m) * 60).collect();
        Scheduler {
            fsrs,
            desired_retention: settings.desired_retention,
            learning_steps: minutes(&settings.learning_steps),
            relearning_steps: minutes(&settings.relearning_steps),
            day_starts_at: settings.day_starts_at,
        }
    }

    /// The hour the study day starts at.
    pub fn day_starts_at(&self) -> u8 {
        self.day_starts_at
    }

    /// What each of the four grades would do, in button order.
    pub fn outcomes(&self, card: &Card, now: DateTime<FixedOffset>) -> [Outcome; 4] {
        Rating::ALL.map(|rating| self.outcome(card, rating, now))
    }

    /// What grading `card` with `rating` at `now` does to it.
    pub fn outcome(&self, card: &Card, rating: Rating, now: DateTime<FixedOffset>) -> Outcome {
        let today = study_day(now, self.day_starts_at);
        let elapsed_days = card.last_review.map_or(0, |last| {
            let last = DateTime::from_timestamp(last, 0)
                .map(|t| t.with_timezone(now.offset()))
                .unwrap_or(now);
            (today - study_day(last, self.day_starts_at)).max(0)
        });
        let states = self.next_states(card, elapsed_days);
        let chosen = match rating {
            Rating::Again => &states.again,
            Rating::Hard => &states.hard,
            Rating::Good => &states.good,
            Rating::Easy => &states.easy,
        };
        let mut after = card.clone();
        after.reps += 1;
        after.last_review = Some(now.timestamp());
        after.stability = Some(f64::from(chosen.memory.stability));
        after.difficulty = Some(f64::from(chosen.memory.difficulty));
        after.buried_day = None;

        let plan = match card.state {
            CardState::New | CardState::Learning => {
                let step = if card.state == CardState::New {
                    0
                } else {
                    card.step
                };
                self.step_plan(&self.learning_steps, step, rating, CardState::Learning)
            }
            CardState::Relearning => self.step_plan(
                &self.relearning_steps,
                card.step,
                rating,
                CardState::Relearning,
            ),
            CardState::Review if rating == Rating::Again => {
                after.lapses += 1;
                self.step_plan(&self.relearning_steps, 0, rating, CardState::Relearning)
            }
            CardState::Review => Plan::Graduate,
        };
        let interval_days = match plan {
            Plan::Step { state, step, delay } => {
                after.state = state;
                after.step = step;
                after.due = now.timestamp() + delay;
                0
            }
            Plan::Graduate => {
                let days = self.review_interval(card, &states, rating);
                after.state = CardState::Review;
                after.step = 0;
                after.due = day_start(today + days, self.day_starts_at, now).timestamp();
                days
            }
        };
        Outcome {
            rating,
            elapsed_days,
            interval_days,
            wait_secs: after.due - now.timestamp(),
            card: after,
        }
    }

    fn next_states(&self, card: &Card, elapsed_days: i64) -> NextStates {
        let memory = match (card.stability, card.difficulty) {
            (Some(stability), Some(difficulty)) if card.state != CardState::New => {
                Some(MemoryState {
                    stability: stability as f32,
                    difficulty: difficulty as f32,
                })
            }
            _ => None,
        };
        let elapsed = u32::try_from(elapsed_days).unwrap_or(u32::MAX);
        self.fsrs
            .next_states(memory, self.desired_retention, elapsed)
            .or_else(|_| self.fsrs.next_states(None, self.desired_retention, 0))
            .expect("FSRS schedules a new card with valid parameters")
    }

    /// Where a card in (re)learning steps goes next.
    fn step_plan(&self, steps: &[i64], step: u32, rating: Rating, state: CardState) -> Plan {
        let step = (step as usize).min(steps.len().saturating_sub(1));
        if steps.is_empty() {
            return Plan::Graduate;
        }
        match rating {
            Rating::Again => Plan::Step {
                state,
                step: 0,
                delay: steps[0],
            },
            Rating::Hard => {
                let delay = match (step, steps.get(1)) {
                    (0, Some(&next)) => (steps[0] + next) / 2,
                    (0, None) => steps[0] * 3 / 2,
                    _ => steps[step],
                };
                Plan::Step {
                    state,
                    step: step as u32,
                    delay,
                }
            }
            Rating::Good if step + 1 < steps.len() => Plan::Step {
                state,
                step: step as u32 + 1,
                delay: steps[step + 1],
            },
            Rating::Good | Rating::Easy => Plan::Graduate,
        }
    }

    /// The day interval of a graduating or reviewed card: FSRS's interval for the grade,
    /// fuzzed a little so cards learnt together spread out, with hard < good < easy kept.
    fn review_interval(&self, card: &Card, states: &NextStates, rating: Rating) -> i64 {
        let seed = fuzz_seed(card);
        let days = |interval: f32, salt: u64| {
            let days = (f64::from(interval).round() as i64).clamp(1, MAX_INTERVAL_DAYS);
            fuzz(days, seed ^ salt)
        };
        let again = days(states.again.interval, 1);
        let hard = days(states.hard.interval, 2);
        let mut good = days(states.good.interval, 3);
        let mut easy = days(states.easy.interval, 4);
        if card.state == CardState::Review {
            good = good.max(hard + 1);
        }
        easy = easy.max(good + 1);
        match rating {
            Rating::Again => again,
            Rating::Hard => hard.min(good),
            Rating::Good => good,
            Rating::Easy => easy,
        }
        .min(MAX_INTERVAL_DAYS)
    }
}

enum Plan {
    Step {
        state: CardState,
        step: u32,
        delay: i64,
    },
    Graduate,
}

/// A number fixed for a card at a given repetition, so that a preview and the answer agree.
fn fuzz_seed(card: &Card) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let key = card.key.to_string();
    for byte in key.bytes().chain(card.reps.to_le_bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Moves an interval of `days` by up to a few percent, chosen by `seed`. Intervals under
/// three days are left alone; the band widens with the interval (±1 day at 3 days, about
/// ±5 % beyond 20 days).
fn fuzz(days: i64, seed: u64) -> i64 {
    if days < 3 {
        return days;
    }
    let d = days as f64;
    let band = 1.0
        + 0.15 * (d.min(7.0) - 2.5).max(0.0)
        + 0.10 * (d.min(20.0) - 7.0).max(0.0)
        + 0.05 * (d - 20.0).max(0.0);
    let mixed = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11;
    let unit = mixed as f64 / (1u64 << 53) as f64;
    let fuzzed = (d - band + unit * 2.0 * band).round() as i64;
    fuzzed.clamp(2, MAX_INTERVAL_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::study::card::{CardKey, Direction};
    use crate::study::clock::{Clock, ManualClock};

    fn card() -> Card {
        Card::new(CardKey {
            concept: "bill-of-lading".into(),
            direction: Direction::new(Lang::Ru, Lang::Zh),
        })
    }

    #[test]
    fn a_new_card_walks_the_learning_steps_then_graduates() {
        let scheduler = Scheduler::new(&StudySettings::default());
        let clock = ManualClock::almaty(2026, 3, 10, 9, 0);
        let first = scheduler.outcome(&card(), Rating::Good, clock.now());
        assert_eq!(first.card.state, CardState::Learning);
        assert_eq!(first.wait_secs, 600, "Good moves to the 10-minute step");
        let again = scheduler.outcome(&card(), Rating::Again, clock.now());
        assert_eq!(again.wait_secs, 60);
        let hard = scheduler.outcome(&card(), Rating::Hard, clock.now());
        assert_eq!(
            hard.wait_secs, 330,
            "Hard on the first step waits between the two"
        );
        clock.advance(chrono::Duration::minutes(10));
        let graduated = scheduler.outcome(&first.card, Rating::Good, clock.now());
        assert_eq!(graduated.card.state, CardState::Review);
        assert!(graduated.interval_days >= 1);
        let easy = scheduler.outcome(&card(), Rating::Easy, clock.now());
        assert_eq!(easy.card.state, CardState::Review);
        assert!(easy.interval_days > graduated.interval_days);
    }

    #[test]
    fn review_intervals_are_ordered_and_again_relearns() {
        let scheduler = Scheduler::new(&StudySettings::default());
        let clock = ManualClock::almaty(2026, 3, 10, 9, 0);
        let mut card = scheduler.outcome(&card(), Rating::Easy, clock.now()).card;
        clock.advance(chrono::Duration::days(10));
        let [again, hard, good, easy] = scheduler.outcomes(&card, clock.now());
        assert!(hard.interval_days < good.interval_days);
        assert!(good.interval_days < easy.interval_days);
        assert_eq!(again.card.state, CardState::Relearning);
        assert_eq!(again.card.lapses, 1);
        card = again.card;
        clock.advance(chrono::Duration::minutes(10));
        let back = scheduler.outcome(&card, Rating::Good, clock.now());
        assert_eq!(back.card.state, CardState::Review);
    }

    #[test]
    fn fuzz_stays_within_its_band_and_is_repeatable() {
        for seed in 0..200u64 {
            let days = fuzz(30, seed);
            assert!((27..=33).contains(&days), "{days}");
            assert_eq!(days, fuzz(30, seed));
            assert_eq!(fuzz(2, seed), 2);
        }
    }
}
