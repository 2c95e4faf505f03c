//! Personal FSRS parameters fitted to the user's own review log, adopted only when they
//! predict that log better than the parameters in use.

use super::card::Review;
use fsrs::{ComputeParametersInput, FSRS, FSRSItem, FSRSReview, compute_parameters};

/// The fewest trainable answers (answers a day or more after an earlier one) worth fitting.
pub const MIN_ITEMS: usize = 64;

/// How well a set of parameters predicts the review log.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// Log loss of the predicted recall (lower is better).
    pub log_loss: f32,
    /// Root mean square error of predicted against actual recall, over bins (lower is better).
    pub rmse: f32,
}

/// The result of an optimization.
#[derive(Debug, Clone, PartialEq)]
pub struct Optimization {
    /// How many answers the fit used.
    pub items: usize,
    /// The fit of the parameters in use.
    pub before: Fit,
    /// The fit of the new parameters.
    pub after: Fit,
    /// The parameters to use from now on: the new ones when they fit better, else the old.
    pub parameters: Vec<f32>,
    /// Whether the new parameters were better and are now the ones to use.
    pub adopted: bool,
}

/// Why no new parameters came out.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OptimizeError {
    /// The log is still too short.
    #[error(
        "optimizing needs at least {need} answers given a day or more after an earlier one; there are {have} so far"
    )]
    NotEnoughReviews {
        /// Trainable answers in the log.
        have: usize,
        /// The minimum.
        need: usize,
    },
    /// FSRS could not fit the log.
    #[error("FSRS could not fit parameters to this review log ({0})")]
    Fsrs(String),
}

/// Turns a review log (grouped by card, oldest first within a card, as
/// `Store::review_history` returns it) into FSRS training items: one per answer that came a
/// day or more after an earlier answer, each carrying the card's history up to it.
pub fn training_items(history: &[Review]) -> (Vec<FSRSItem>, Vec<i64>) {
    let mut items = Vec::new();
    let mut card_ids = Vec::new();
    for card in history.chunk_by(|a, b| a.card_id == b.card_id) {
        let mut reviews = Vec::with_capacity(card.len());
        let mut previous_day = None;
        for review in card {
            let delta_t = previous_day.map_or(0, |day: i64| (review.study_day - day).max(0));
            previous_day = Some(review.study_day);
            reviews.push(FSRSReview {
                rating: review.rating.number(),
                delta_t: delta_t as u32,
            });
            let item = FSRSItem {
                reviews: reviews.clone(),
            };
            if delta_t > 0 && item.long_term_review_cnt() > 0 {
                items.push(item);
                card_ids.push(review.card_id);
            }
        }
    }
    (items, card_ids)
}

/// FSRS's default parameters, used until personal ones are adopted.
pub fn default_parameters() -> Vec<f32> {
    fsrs::DEFAULT_PARAMETERS.to_vec()
}

/// How well `parameters` predict `items`.
pub fn evaluate(parameters: &[f32], items: &[FSRSItem]) -> Result<Fit, OptimizeError> {
    let fsrs = FSRS::new(parameters).map_err(|e| OptimizeError::Fsrs(format!("{e:?}")))?;
    let evaluation = fsrs
        .evaluate(items.to_vec(), |_| true)
        .map_err(|e| OptimizeError::Fsrs(format!("{e:?}")))?;
    Ok(Fit {
        log_loss: evaluation.log_loss,
        rmse: evaluation.rmse_bins,
    })
}

/// Fits parameters to `history` and compares them with `current` (empty = FSRS defaults).
pub fn optimize(
    history: &[Review],
    current: &[f32],
    relearning_steps: usize,
) -> Result<Optimization, OptimizeError> {
    let (items, card_ids) = training_items(history);
    if items.len() < MIN_ITEMS {
        return Err(OptimizeError::NotEnoughReviews {
            have: items.len(),
            need: MIN_ITEMS,
        });
    }
    let current: Vec<f32> = if current.is_empty() {
        default_parameters()
    } else {
        current.to_vec()
    };
    let before = evaluate(&current, &items)?;
    let fitted = compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        card_ids: Some(card_ids),
        enable_short_term: true,
        num_relearning_steps: Some(relearning_steps),
        ..Default::default()
    })
    .map_err(|e| OptimizeError::Fsrs(format!("{e:?}")))?;
    let after = evaluate(&fitted, &items)?;
    let adopted = after.log_loss < before.log_loss;
    Ok(Optimization {
        items: items.len(),
        before,
        after,
        parameters: if adopted { fitted } else { current },
        adopted,
    })
}
