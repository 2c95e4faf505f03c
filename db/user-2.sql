-- The user store, schema version 2: study cards and the review log.
-- Released migrations are never edited; a later change appends db/user-3.sql.

-- A card is a concept asked in one direction. Cards are written the first time they are
-- answered; concept_id has no foreign key so that progress outlives a concept a later
-- termbase drops.
CREATE TABLE card (
    id          INTEGER PRIMARY KEY,
    concept_id  TEXT NOT NULL,
    direction   TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('new', 'learning', 'review', 'relearning')),
    due         INTEGER NOT NULL,            -- Unix seconds
    stability   REAL,                        -- FSRS memory state, NULL while new
    difficulty  REAL,
    step        INTEGER NOT NULL DEFAULT 0,  -- index into the (re)learning steps
    reps        INTEGER NOT NULL DEFAULT 0,
    lapses      INTEGER NOT NULL DEFAULT 0,
    last_review INTEGER,                     -- Unix seconds
    suspended   INTEGER NOT NULL DEFAULT 0,
    buried_day  INTEGER,                     -- hidden during this study day
    UNIQUE (concept_id, direction)
);

CREATE INDEX card_by_due ON card (state, due);

-- Every answer ever given. Rows are only appended; undo stamps undone_at once.
CREATE TABLE review (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    card_id       INTEGER NOT NULL REFERENCES card(id),
    reviewed_at   INTEGER NOT NULL,          -- Unix milliseconds
    study_day     INTEGER NOT NULL,          -- days since 1970-01-01 of the study day
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    state_before  TEXT NOT NULL CHECK (state_before IN ('new', 'learning', 'review', 'relearning')),
    elapsed_days  INTEGER NOT NULL,
    interval_days INTEGER NOT NULL,          -- 0 while the card stays in (re)learning
    stability     REAL NOT NULL,
    difficulty    REAL NOT NULL,
    duration_ms   INTEGER NOT NULL,
    card_before   TEXT NOT NULL,             -- JSON of the card as it was, for an exact undo
    undone_at     INTEGER                    -- Unix milliseconds, NULL while the answer counts
);

CREATE INDEX review_by_card ON review (card_id, id);
CREATE INDEX review_by_day ON review (study_day);

CREATE TRIGGER review_is_never_deleted BEFORE DELETE ON review
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;

CREATE TRIGGER review_is_never_rewritten
BEFORE UPDATE OF id, card_id, reviewed_at, study_day, rating, state_before, elapsed_days,
    interval_days, stability, difficulty, duration_ms, card_before ON review
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;

CREATE TRIGGER review_is_undone_once BEFORE UPDATE OF undone_at ON review
WHEN OLD.undone_at IS NOT NULL OR NEW.undone_at IS NULL
BEGIN
    SELECT RAISE(ABORT, 'an answer is undone only once');
END;
