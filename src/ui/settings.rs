//! The Settings screen: interface language, theme, text size, tone colours, and where the
//! data lives.

use crate::glossary::Glossary;
use crate::i18n::{I18n, autonym};
use crate::model::Lang;
use crate::prefs::{Prefs, TEXT_SCALE_RANGE, Theme};
use egui::RichText;

/// Draws the settings; changes go straight into `prefs`.
pub fn show(ui: &mut egui::Ui, prefs: &mut Prefs, i18n: &I18n, glossary: &Glossary) {
    ui.add_space(8.0);
    egui::Grid::new("settings")
        .num_columns(2)
        .spacing([24.0, 14.0])
        .show(ui, |ui| {
            ui.label(RichText::new(i18n.t("settings-ui-lang")).strong());
            ui.horizontal_wrapped(|ui| {
                for lang in Lang::ALL {
                    ui.selectable_value(&mut prefs.ui_lang, lang, autonym(lang));
                }
            });
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-theme")).strong());
            ui.horizontal(|ui| {
                ui.selectable_value(&mut prefs.theme, Theme::Light, i18n.t("theme-light"));
                ui.selectable_value(&mut prefs.theme, Theme::Dark, i18n.t("theme-dark"));
            });
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-text-size")).strong());
            let percent = format!("{:.0} %", prefs.text_scale * 100.0);
            ui.add(
                egui::Slider::new(&mut prefs.text_scale, TEXT_SCALE_RANGE)
                    .step_by(0.1)
                    .show_value(false)
                    .text(percent),
            );
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-tone-colors")).strong());
            ui.checkbox(&mut prefs.tone_colors, i18n.t("settings-tone-colors-hint"));
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-data")).strong());
            ui.vertical(|ui| {
                match glossary.store().path() {
                    Some(path) => ui.label(i18n.t_with(
                        "settings-data-location",
                        "path",
                        path.display().to_string(),
                    )),
                    None => ui.label(i18n.t("settings-data-memory")),
                };
                ui.weak(i18n.t_with("settings-termbase", "count", glossary.concepts().len()));
            });
            ui.end_row();
        });
}
