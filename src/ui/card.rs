//! The concept card: the four languages, pinyin, variants, definitions, the article
//! context, source and note, with a copy button per term.

use super::style;
use crate::i18n::I18n;
use crate::model::{Concept, Lang, Term, TermKind};
use crate::prefs::Prefs;
use crate::syllables::{Piece, split};
use egui::text::LayoutJob;
use egui::{FontFamily, FontId, RichText, TextFormat, TextStyle};

/// Draws `concept`; `copied` remembers which text was copied last, to say so.
pub fn show(
    ui: &mut egui::Ui,
    concept: &Concept,
    i18n: &I18n,
    prefs: &Prefs,
    copied: &mut Option<String>,
) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(i18n.t(&format!("domain-{}", concept.domain.id())))
                        .small()
                        .strong(),
                );
                if concept.from_article {
                    ui.label(
                        RichText::new(i18n.t("card-article"))
                            .small()
                            .color(ui.visuals().hyperlink_color),
                    );
                }
                ui.weak(RichText::new(&concept.id).small().monospace());
            });
            ui.add_space(8.0);
            egui::Grid::new("languages")
                .num_columns(2)
                .spacing([14.0, 10.0])
                .min_col_width(28.0)
                .show(ui, |ui| {
                    for lang in Lang::ALL {
                        ui.label(RichText::new(lang.code().to_uppercase()).monospace().weak());
                        ui.vertical(|ui| language_block(ui, concept, lang, i18n, prefs, copied));
                        ui.end_row();
                    }
                });
            ui.add_space(10.0);
            definitions(ui, concept, i18n);
            if let Some(context) = &concept.article_context {
                section(ui, &i18n.t("card-article"), context);
            }
            if let Some(note) = &concept.note {
                section(ui, &i18n.t("card-note"), note);
            }
            section(ui, &i18n.t("card-source"), &concept.source);
        });
}

fn language_block(
    ui: &mut egui::Ui,
    concept: &Concept,
    lang: Lang,
    i18n: &I18n,
    prefs: &Prefs,
    copied: &mut Option<String>,
) {
    let entry = concept.lang(lang);
    for (at, term) in entry.terms.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if at == 0 {
                preferred_term(ui, term, lang, prefs);
            } else {
                ui.label(RichText::new(&term.text).strong());
                if let Some(pinyin) = &term.pinyin {
                    ui.label(pinyin_job(
                        ui,
                        pinyin,
                        prefs,
                        TextStyle::Body.resolve(ui.style()),
                    ));
                }
                if let Some(kind) = kind_label(term.kind, i18n) {
                    ui.weak(RichText::new(kind).small().italics());
                }
            }
            copy_button(ui, &term.text, i18n, copied);
        });
    }
}

fn preferred_term(ui: &mut egui::Ui, term: &Term, lang: Lang, prefs: &Prefs) {
    let heading = TextStyle::Heading.resolve(ui.style()).size;
    if lang == Lang::Zh {
        let size = heading * 1.6;
        ui.label(
            RichText::new(&term.text)
                .font(FontId::new(size, FontFamily::Proportional))
                .strong(),
        );
        if let Some(pinyin) = &term.pinyin {
            ui.label(pinyin_job(
                ui,
                pinyin,
                prefs,
                FontId::new(heading, FontFamily::Proportional),
            ));
        }
    } else {
        ui.label(RichText::new(&term.text).size(heading).strong());
    }
}

/// Pinyin laid out with each syllable in its tone's colour (when the setting is on).
pub(super) fn pinyin_job(ui: &egui::Ui, pinyin: &str, prefs: &Prefs, font: FontId) -> LayoutJob {
    let dark = ui.visuals().dark_mode;
    let plain = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    for piece in split(pinyin) {
        let (text, color) = match piece {
            Piece::Syllable(s) if prefs.tone_colors => (s.text, style::tone_color(s.tone, dark)),
            Piece::Syllable(s) => (s.text, plain),
            Piece::Separator(text) => (text, plain),
        };
        job.append(text, 0.0, TextFormat::simple(font.clone(), color));
    }
    job
}

fn kind_label(kind: TermKind, i18n: &I18n) -> Option<String> {
    match kind {
        TermKind::Preferred => None,
        TermKind::Synonym => Some(i18n.t("kind-synonym")),
        TermKind::Abbreviation => Some(i18n.t("kind-abbreviation")),
        TermKind::Deprecated => Some(i18n.t("kind-deprecated")),
    }
}

fn copy_button(ui: &mut egui::Ui, text: &str, i18n: &I18n, copied: &mut Option<String>) {
    if copied.as_deref() == Some(text) {
        ui.weak(RichText::new(format!("✓ {}", i18n.t("copied"))).small());
        return;
    }
    let button =
        ui.small_button(i18n.t("copy"))
            .on_hover_text(i18n.t_with("copy-tooltip", "term", text));
    if button.clicked() {
        ui.ctx().copy_text(text.to_string());
        *copied = Some(text.to_string());
    }
}

fn definitions(ui: &mut egui::Ui, concept: &Concept, i18n: &I18n) {
    let written: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|&lang| {
            concept.lang(lang).definition.is_some() || concept.lang(lang).example.is_some()
        })
        .collect();
    if written.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new(i18n.t("card-definitions")).strong());
    egui::Grid::new("definitions")
        .num_columns(2)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for lang in written {
                let entry = concept.lang(lang);
                ui.label(RichText::new(lang.code().to_uppercase()).monospace().weak());
                ui.vertical(|ui| {
                    ui.set_max_width(ui.available_width().min(640.0));
                    if let Some(definition) = &entry.definition {
                        ui.add(egui::Label::new(definition).wrap());
                    }
                    if let Some(example) = &entry.example {
                        ui.add(egui::Label::new(RichText::new(example).italics()).wrap());
                    }
                });
                ui.end_row();
            }
        });
}

fn section(ui: &mut egui::Ui, title: &str, text: &str) {
    ui.separator();
    ui.label(RichText::new(title).strong());
    ui.add(egui::Label::new(text).wrap());
}
