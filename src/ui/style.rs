//! Look and feel: theme, text size and the colours of pinyin tones.

use crate::prefs::{Prefs, Theme};
use egui::{Color32, FontFamily, FontId, TextStyle};

/// Applies the theme and text size of `prefs` to the context.
pub fn apply(ctx: &egui::Context, prefs: &Prefs) {
    ctx.set_theme(match prefs.theme {
        Theme::Light => egui::Theme::Light,
        Theme::Dark => egui::Theme::Dark,
    });
    let scale = prefs.text_scale;
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(11.0 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(14.5 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(14.5 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(21.0 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.5 * scale, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

/// The colour of a pinyin syllable of `tone` (1–4, 5 neutral), readable on the theme.
pub fn tone_color(tone: u8, dark: bool) -> Color32 {
    match (tone, dark) {
        (1, false) => Color32::from_rgb(0xC6, 0x28, 0x28),
        (2, false) => Color32::from_rgb(0x2E, 0x7D, 0x32),
        (3, false) => Color32::from_rgb(0x15, 0x65, 0xC0),
        (4, false) => Color32::from_rgb(0x7B, 0x1F, 0xA2),
        (1, true) => Color32::from_rgb(0xFF, 0x80, 0x80),
        (2, true) => Color32::from_rgb(0x81, 0xC7, 0x84),
        (3, true) => Color32::from_rgb(0x7F, 0xB2, 0xFF),
        (4, true) => Color32::from_rgb(0xCE, 0x93, 0xD8),
        (_, false) => Color32::from_gray(0x75),
        (_, true) => Color32::from_gray(0xA0),
    }
}

/// The accent used to highlight the part of a term that matched the query.
pub fn highlight(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(0xFF, 0xD5, 0x4F, 0x55)
    } else {
        Color32::from_rgb(0xFF, 0xEC, 0x99)
    }
}

/// The colour of success: a right answer, a mastered card.
pub fn good_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x81, 0xC7, 0x84)
    } else {
        Color32::from_rgb(0x2E, 0x7D, 0x32)
    }
}

/// The colour of a near miss: a wrong tone, a card still in learning.
pub fn warn_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xFF, 0xCC, 0x80)
    } else {
        Color32::from_rgb(0xB2, 0x6A, 0x00)
    }
}

/// The main colour of charts.
pub fn chart_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x64, 0xB5, 0xF6)
    } else {
        Color32::from_rgb(0x19, 0x76, 0xD2)
    }
}

/// The heatmap colour for a day with `count` answers, where `max` is the busiest day.
pub fn heat_color(count: u32, max: u32, dark: bool) -> Color32 {
    if count == 0 {
        return if dark {
            Color32::from_gray(0x3A)
        } else {
            Color32::from_gray(0xE6)
        };
    }
    let strength = 0.25 + 0.75 * (count as f32 / max.max(1) as f32).sqrt();
    let base = good_color(dark);
    let background = if dark {
        Color32::from_gray(0x3A)
    } else {
        Color32::WHITE
    };
    background.lerp_to_gamma(base, strength)
}
