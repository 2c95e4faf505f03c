//! Keruen: a four-language glossary and flashcard app for Kazakhstan–China logistics.
//!
//! Layers, arrows pointing down only: `ui` (egui) and `cli` → `glossary`, `decks`,
//! `search`, `prefs` → `store` (the only module with SQL) → SQLite.

pub mod cli;
pub mod decks;
pub mod exchange;
pub mod glossary;
pub mod i18n;
pub mod model;
pub mod paths;
pub mod prefs;
pub mod script;
pub mod search;
pub mod stats;
pub mod store;
pub mod study;
pub mod syllables;
pub mod termbase;
pub mod ui;
