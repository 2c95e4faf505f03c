//! First start: which languages the user knows and learns (that picks the card
//! directions) and which decks to study. Enter starts with what is ticked.

use crate::decks::Deck;
use crate::i18n::I18n;
use crate::model::Lang;
use crate::study::card::Direction;
use crate::study::settings::StudySettings;
use egui::RichText;

/// What the first-start page remembers between frames.
pub struct OnboardingState {
    known: Vec<Lang>,
    learning: Vec<Lang>,
    directions: Vec<(Direction, bool)>,
    decks: Vec<(Deck, bool)>,
    focus_pending: bool,
}

/// What the user decided.
pub enum OnboardingChoice {
    /// Still choosing.
    Pending,
    /// Study with these settings.
    Start(StudySettings),
    /// Skip studying for now (lookup only), keeping the default settings.
    Skip,
}

impl OnboardingState {
    /// Starts from `settings` (the defaults on a first start) and the decks there are.
    pub fn new(settings: &StudySettings, decks: Vec<Deck>) -> OnboardingState {
        let decks = decks
            .into_iter()
            .map(|deck| {
                let chosen = settings.decks.contains(&deck.id);
                (deck, chosen)
            })
            .collect();
        let mut state = OnboardingState {
            known: settings.known.clone(),
            learning: settings.learning.clone(),
            directions: Vec::new(),
            decks,
            focus_pending: true,
        };
        state.derive_directions();
        state
    }

    fn derive_directions(&mut self) {
        self.directions = StudySettings::directions_for(&self.known, &self.learning)
            .into_iter()
            .map(|direction| (direction, true))
            .collect();
    }

    /// Draws the page; returns what the user decided.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        i18n: &I18n,
        base: &StudySettings,
    ) -> OnboardingChoice {
        let mut choice = OnboardingChoice::Pending;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(12.0);
                ui.heading(i18n.t("onboarding-title"));
                ui.label(i18n.t("onboarding-intro"));
                ui.add_space(12.0);
                let mut languages_changed = false;
                egui::Grid::new("onboarding-languages")
                    .num_columns(5)
                    .spacing([18.0, 8.0])
                    .show(ui, |ui| {
                        for (label, list) in [
                            (i18n.t("onboarding-know"), &mut self.known),
                            (i18n.t("onboarding-learn"), &mut self.learning),
                        ] {
                            ui.label(RichText::new(label).strong());
                            for lang in Lang::ALL {
                                let mut on = list.contains(&lang);
                                let name = i18n.t(&format!("lang-{lang}"));
                                if ui.checkbox(&mut on, name).changed() {
                                    languages_changed = true;
                                    if on {
                                        list.push(lang);
                                    } else {
                                        list.retain(|&l| l != lang);
                                    }
                                }
                            }
                            ui.end_row();
                        }
                    });
                if languages_changed {
                    self.derive_directions();
                }
                ui.add_space(10.0);
                ui.label(RichText::new(i18n.t("onboarding-directions")).strong());
                if self.directions.is_empty() {
                    ui.weak(i18n.t("onboarding-no-directions"));
                }
                ui.horizontal_wrapped(|ui| {
                    for (direction, on) in &mut self.directions {
                        let name = format!(
                            "{} → {}",
                            direction.from.code().to_uppercase(),
                            direction.to.code().to_uppercase()
                        );
                        ui.checkbox(on, name);
                    }
                });
                ui.add_space(10.0);
                ui.label(RichText::new(i18n.t("onboarding-decks")).strong());
                egui::Grid::new("onboarding-decks")
                    .num_columns(3)
                    .spacing([18.0, 4.0])
                    .show(ui, |ui| {
                        for (at, (deck, on)) in self.decks.iter_mut().enumerate() {
                            let name = deck_name(deck, i18n);
                            ui.checkbox(on, format!("{name} ({})", deck.concepts));
                            if at % 3 == 2 {
                                ui.end_row();
                            }
                        }
                    });
                ui.add_space(16.0);
                let directions: Vec<Direction> = self
                    .directions
                    .iter()
                    .filter(|d| d.1)
                    .map(|d| d.0)
                    .collect();
                let decks: Vec<String> = self
                    .decks
                    .iter()
                    .filter(|d| d.1)
                    .map(|d| d.0.id.clone())
                    .collect();
                let ready = !directions.is_empty() && !decks.is_empty();
                ui.horizontal(|ui| {
                    let start = ui.add_enabled(
                        ready,
                        egui::Button::new(RichText::new(i18n.t("onboarding-start")).strong()),
                    );
                    if self.focus_pending && ready {
                        start.request_focus();
                        self.focus_pending = false;
                    }
                    if start.clicked() {
                        choice = OnboardingChoice::Start(StudySettings {
                            onboarded: true,
                            known: self.known.clone(),
                            learning: self.learning.clone(),
                            directions: directions.clone(),
                            decks: decks.clone(),
                            ..base.clone()
                        });
                    }
                    if ui.button(i18n.t("onboarding-skip")).clicked() {
                        choice = OnboardingChoice::Skip;
                    }
                });
                if !ready {
                    ui.weak(i18n.t("onboarding-need-choice"));
                }
                ui.weak(i18n.t("onboarding-later"));
            });
        choice
    }
}

/// A deck's name in the interface language (built-in decks are translated).
pub fn deck_name(deck: &Deck, i18n: &I18n) -> String {
    if !deck.builtin {
        return deck.name.clone();
    }
    if deck.id == crate::decks::ARTICLE_DECK {
        i18n.t("deck-article")
    } else {
        i18n.t(&format!("domain-{}", deck.id))
    }
}
