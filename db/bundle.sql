-- The compiled bundled termbase (built by build.rs from db/termbase/*.toml).
CREATE TABLE bundle_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE concept (
    id              TEXT PRIMARY KEY,
    domain          TEXT NOT NULL,
    from_article    INTEGER NOT NULL,
    article_context TEXT,
    source          TEXT NOT NULL,
    note            TEXT,
    homonyms        TEXT NOT NULL DEFAULT ''   -- space-separated concept ids
);

CREATE TABLE term (
    concept_id TEXT NOT NULL REFERENCES concept(id),
    lang       TEXT NOT NULL,
    position   INTEGER NOT NULL,               -- 0 is the preferred term
    text       TEXT NOT NULL,
    pinyin     TEXT,
    kind       TEXT NOT NULL,
    PRIMARY KEY (concept_id, lang, position)
);

CREATE TABLE definition (
    concept_id TEXT NOT NULL REFERENCES concept(id),
    lang       TEXT NOT NULL,
    definition TEXT,
    example    TEXT,
    PRIMARY KEY (concept_id, lang)
);
