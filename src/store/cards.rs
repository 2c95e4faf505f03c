//! Study cards and the review log: reading them, recording an answer, undoing one.

use super::{Store, StoreError};
use crate::study::card::{Card, CardKey, CardState, Rating, Review};
use rusqlite::{OptionalExtension, Row, params};

const CARD_COLUMNS: &str = "id, concept_id, direction, state, due, stability, difficulty, step, reps, lapses, last_review, suspended, buried_day";

fn card_from_row(row: &Row) -> rusqlite::Result<Result<Card, StoreError>> {
    let concept: String = row.get(1)?;
    let direction: String = row.get(2)?;
    let state: String = row.get(3)?;
    let Ok(direction) = direction.parse() else {
        return Ok(Err(StoreError::Corrupt(format!(
            "card {concept} has the direction '{direction}'"
        ))));
    };
    let Some(state) = CardState::from_name(&state) else {
        return Ok(Err(StoreError::Corrupt(format!(
            "card {concept} has the state '{state}'"
        ))));
    };
    Ok(Ok(Card {
        id: row.get(0)?,
        key: CardKey { concept, direction },
        state,
        due: row.get(4)?,
        stability: row.get(5)?,
        difficulty: row.get(6)?,
        step: row.get(7)?,
        reps: row.get(8)?,
        lapses: row.get(9)?,
        last_review: row.get(10)?,
        suspended: row.get(11)?,
        buried_day: row.get(12)?,
    }))
}

fn review_from_row(row: &Row) -> rusqlite::Result<Result<Review, StoreError>> {
    let id: i64 = row.get(0)?;
    let rating: u32 = row.get(4)?;
    let state: String = row.get(5)?;
    let (Some(rating), Some(state_before)) =
        (Rating::from_number(rating), CardState::from_name(&state))
    else {
        return Ok(Err(StoreError::Corrupt(format!(
            "review {id} has rating {rating} from state '{state}'"
        ))));
    };
    Ok(Ok(Review {
        id,
        card_id: row.get(1)?,
        reviewed_at: row.get(2)?,
        study_day: row.get(3)?,
        rating,
        state_before,
        elapsed_days: row.get(6)?,
        interval_days: row.get(7)?,
        stability: row.get(8)?,
        difficulty: row.get(9)?,
        duration_ms: row.get(10)?,
    }))
}

/// Writes `card`'s schedule into row `id`; with `expected`, only if the row still holds that
/// card's state and repetition count. Returns how many rows changed.
fn write_schedule(
    conn: &rusqlite::Connection,
    id: i64,
    card: &Card,
    expected: Option<&Card>,
) -> Result<usize, StoreError> {
    let guard = expected.map(|c| (c.reps, c.state.name()));
    Ok(conn.execute(
        "UPDATE card SET state = ?2, due = ?3, stability = ?4, difficulty = ?5, step = ?6,
             reps = ?7, lapses = ?8, last_review = ?9, suspended = ?10, buried_day = ?11
         WHERE id = ?1 AND (?12 IS NULL OR (reps = ?12 AND state = ?13))",
        params![
            id,
            card.state.name(),
            card.due,
            card.stability,
            card.difficulty,
            card.step,
            card.reps,
            card.lapses,
            card.last_review,
            card.suspended,
            card.buried_day,
            guard.map(|g| g.0),
            guard.map(|g| g.1),
        ],
    )?)
}

const REVIEW_COLUMNS: &str = "id, card_id, reviewed_at, study_day, rating, state_before, elapsed_days, interval_days, stability, difficulty, duration_ms";

impl Store {
    /// Every card ever answered (or suspended, or buried), by id.
    pub fn cards(&self) -> Result<Vec<Card>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {CARD_COLUMNS} FROM card ORDER BY id"))?;
        let rows = stmt.query_map([], card_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// The stored card for `key`, or a new one (not yet written) when it was never answered.
    pub fn card(&self, key: &CardKey) -> Result<Card, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CARD_COLUMNS} FROM card WHERE concept_id = ?1 AND direction = ?2"
        ))?;
        let found = stmt
            .query_row(
                params![key.concept, key.direction.to_string()],
                card_from_row,
            )
            .optional()?;
        match found {
            Some(card) => card,
            None => Ok(Card::new(key.clone())),
        }
    }

    /// Writes the card for `key` if it is not stored yet, and returns the stored card.
    pub fn ensure_card(&self, key: &CardKey) -> Result<Card, StoreError> {
        self.conn.execute(
            "INSERT OR IGNORE INTO card (concept_id, direction, state, due) VALUES (?1, ?2, 'new', 0)",
            params![key.concept, key.direction.to_string()],
        )?;
        self.card(key)
    }

    /// Records one answer in a single transaction: the review is appended to the log and the
    /// card takes its new schedule. Fails with [`StoreError::Conflict`], changing nothing,
    /// when the stored card is no longer `before` (another Keruen answered it meanwhile).
    pub fn record_answer(
        &self,
        before: &Card,
        after: &Card,
        review: &Review,
    ) -> Result<i64, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let changed = write_schedule(&tx, before.id, after, Some(before))?;
        if changed != 1 {
            return Err(StoreError::Conflict(format!(
                "the card {} was answered elsewhere in the meantime; nothing was recorded",
                before.key
            )));
        }
        let snapshot = serde_json::to_string(before).expect("a card serialises");
        tx.execute(
            "INSERT INTO review (card_id, reviewed_at, study_day, rating, state_before,
                 elapsed_days, interval_days, stability, difficulty, duration_ms, card_before)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                before.id,
                review.reviewed_at,
                review.study_day,
                review.rating.number(),
                review.state_before.name(),
                review.elapsed_days,
                review.interval_days,
                review.stability,
                review.difficulty,
                review.duration_ms,
                snapshot,
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Undoes the latest answer that still counts: the log row is stamped undone (never
    /// deleted) and the card is put back exactly as it was. Returns the restored card.
    pub fn undo_last_answer(&self, now_ms: i64) -> Result<Option<Card>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let last: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, card_before FROM review WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((review_id, snapshot)) = last else {
            return Ok(None);
        };
        let card: Card = serde_json::from_str(&snapshot).map_err(|e| {
            StoreError::Corrupt(format!("review {review_id} cannot be undone: {e}"))
        })?;
        tx.execute(
            "UPDATE review SET undone_at = ?2 WHERE id = ?1",
            params![review_id, now_ms],
        )?;
        write_schedule(&tx, card.id, &card, None)?;
        tx.commit()?;
        Ok(Some(card))
    }

    /// Suspends or unsuspends a card (writing it first if it was never answered).
    pub fn set_suspended(&self, key: &CardKey, suspended: bool) -> Result<(), StoreError> {
        let card = self.ensure_card(key)?;
        self.conn.execute(
            "UPDATE card SET suspended = ?2 WHERE id = ?1",
            params![card.id, suspended],
        )?;
        Ok(())
    }

    /// Hides a card for the rest of study day `day`.
    pub fn bury(&self, key: &CardKey, day: i64) -> Result<(), StoreError> {
        let card = self.ensure_card(key)?;
        self.conn.execute(
            "UPDATE card SET buried_day = ?2 WHERE id = ?1",
            params![card.id, day],
        )?;
        Ok(())
    }

    /// The answers that count (not undone) from study day `first_day` on, oldest first.
    pub fn reviews_since(&self, first_day: i64) -> Result<Vec<Review>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {REVIEW_COLUMNS} FROM review
             WHERE undone_at IS NULL AND study_day >= ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([first_day], review_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// Every answer that counts, grouped by card and oldest first within a card.
    pub fn review_history(&self) -> Result<Vec<Review>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {REVIEW_COLUMNS} FROM review WHERE undone_at IS NULL ORDER BY card_id, id"
        ))?;
        let rows = stmt.query_map([], review_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// How many answers the log holds, undone ones included.
    pub fn review_log_len(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM review", [], |row| row.get(0))?;
        Ok(n as usize)
    }
}

impl Store {
    /// Every study day with answers that count, and how many, oldest first.
    pub fn review_day_counts(&self) -> Result<Vec<(i64, u32)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT study_day, count(*) FROM review WHERE undone_at IS NULL
             GROUP BY study_day ORDER BY study_day",
        )?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

impl Store {
    /// How many cards are suspended.
    pub fn suspended_count(&self) -> Result<usize, StoreError> {
        let n: i64 =
            self.conn
                .query_row("SELECT count(*) FROM card WHERE suspended = 1", [], |row| {
                    row.get(0)
                })?;
        Ok(n as usize)
    }

    /// Returns every suspended card to study; says how many there were.
    pub fn unsuspend_all(&self) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .execute("UPDATE card SET suspended = 0 WHERE suspended = 1", [])?)
    }
}
