-- The user store, schema version 1. Later versions are forward migrations in
-- src/store/migrations.rs; this file is never edited once released.
CREATE TABLE concept (
    id              TEXT PRIMARY KEY,
    domain          TEXT NOT NULL,
    origin          TEXT NOT NULL CHECK (origin IN ('bundled', 'user')),
    from_article    INTEGER NOT NULL DEFAULT 0,
    article_context TEXT,
    source          TEXT NOT NULL,
    note            TEXT,
    homonyms        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE term (
    concept_id TEXT NOT NULL REFERENCES concept(id) ON DELETE CASCADE,
    lang       TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'zh', 'en')),
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    pinyin     TEXT,
    kind       TEXT NOT NULL CHECK (kind IN ('preferred', 'synonym', 'abbreviation', 'deprecated')),
    PRIMARY KEY (concept_id, lang, position)
);

CREATE TABLE definition (
    concept_id TEXT NOT NULL REFERENCES concept(id) ON DELETE CASCADE,
    lang       TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'zh', 'en')),
    definition TEXT,
    example    TEXT,
    PRIMARY KEY (concept_id, lang)
);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE deck (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE deck_concept (
    deck_id    INTEGER NOT NULL REFERENCES deck(id) ON DELETE CASCADE,
    concept_id TEXT NOT NULL REFERENCES concept(id),
    PRIMARY KEY (deck_id, concept_id)
);
