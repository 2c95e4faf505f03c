//! Interface preferences, kept in the user store so they survive restarts.

use crate::model::Lang;
use crate::store::{Store, StoreError};
use serde::{Deserialize, Serialize};

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

/// Everything the user can set about the window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The language of the interface.
    pub ui_lang: Lang,
    /// Light or dark.
    pub theme: Theme,
    /// Text size as a factor of the default (0.8–1.6).
    pub text_scale: f32,
    /// Colour pinyin syllables by tone.
    pub tone_colors: bool,
    /// The window's inner size in points, as last left.
    pub window_size: Option<[f32; 2]>,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            ui_lang: Lang::En,
            theme: Theme::Light,
            text_scale: 1.0,
            tone_colors: true,
            window_size: None,
        }
    }
}

/// The smallest and largest text size factor the settings offer.
pub const TEXT_SCALE_RANGE: std::ops::RangeInclusive<f32> = 0.8..=1.6;

const PREFS_KEY: &str = "ui_prefs";

impl Prefs {
    /// The preferences stored in `store`, or the defaults when none (or unreadable ones) are.
    pub fn load(store: &Store) -> Result<Prefs, StoreError> {
        let stored = store.setting(PREFS_KEY)?;
        let mut prefs: Prefs = stored
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        prefs.text_scale = prefs
            .text_scale
            .clamp(*TEXT_SCALE_RANGE.start(), *TEXT_SCALE_RANGE.end());
        Ok(prefs)
    }

    /// Stores these preferences.
    pub fn save(&self, store: &Store) -> Result<(), StoreError> {
        let json = serde_json::to_string(self).expect("preferences serialise");
        store.set_setting(PREFS_KEY, &json)
    }
}
