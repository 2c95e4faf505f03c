//! The study part of Settings: directions, decks, retention, limits, steps, the hour the
//! day starts, typed answers, and optimizing FSRS on the user's own reviews.

use super::onboarding::deck_name;
use crate::decks::Deck;
use crate::i18n::I18n;
use crate::model::Lang;
use crate::store::Store;
use crate::study::card::{Direction, Review};
use crate::study::optimize::{self, Optimization, OptimizeError};
use crate::study::settings::{RETENTION_RANGE, StudySettings};
use egui::RichText;
use std::thread::JoinHandle;

/// An optimization running in the background, and the last one's result.
#[derive(Default)]
pub struct OptimizeJob {
    running: Option<JoinHandle<Result<Optimization, OptimizeError>>>,
    last: Option<Result<Optimization, OptimizeError>>,
}

impl OptimizeJob {
    /// Whether an optimization is running.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Collects a finished optimization; returns it once.
    fn poll(&mut self) -> Option<&Result<Optimization, OptimizeError>> {
        if self.running.as_ref().is_some_and(JoinHandle::is_finished) {
            let handle = self.running.take().expect("checked above");
            self.last = Some(handle.join().unwrap_or_else(|_| {
                Err(OptimizeError::Fsrs(
                    "the optimizer stopped unexpectedly".into(),
                ))
            }));
            return self.last.as_ref();
        }
        None
    }
}

/// Draws the study settings; changes go straight into `settings`. Returns whether
/// suspended cards were returned to study.
pub fn show(
    ui: &mut egui::Ui,
    settings: &mut StudySettings,
    decks: &[Deck],
    i18n: &I18n,
    job: &mut OptimizeJob,
    store: &Store,
) -> bool {
    let mut unsuspended = false;
    let unsuspended_ref = &mut unsuspended;
    if let Some(Ok(result)) = job.poll()
        && result.adopted
    {
        settings.parameters = result.parameters.clone();
    }
    if job.is_running() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(200));
    }
    egui::Grid::new("study-settings")
        .num_columns(2)
        .spacing([24.0, 14.0])
        .show(ui, |ui| {
            ui.label(RichText::new(i18n.t("settings-directions")).strong());
            direction_checkboxes(ui, "direction-grid", &mut settings.directions);
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-decks")).strong());
            ui.horizontal_wrapped(|ui| {
                for deck in decks {
                    let mut on = settings.decks.contains(&deck.id);
                    if ui.checkbox(&mut on, deck_name(deck, i18n)).changed() {
                        if on {
                            settings.decks.push(deck.id.clone());
                        } else {
                            settings.decks.retain(|id| id != &deck.id);
                        }
                    }
                }
            });
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-retention")).strong());
            let percent = format!("{:.0} %", settings.desired_retention * 100.0);
            ui.add(
                egui::Slider::new(&mut settings.desired_retention, RETENTION_RANGE)
                    .step_by(0.01)
                    .show_value(false)
                    .text(percent),
            )
            .on_hover_text(i18n.t("settings-retention-hint"));
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-limits")).strong());
            ui.horizontal(|ui| {
                let new = ui.add(egui::DragValue::new(&mut settings.new_per_day).range(0..=999));
                let label = ui.label(i18n.t("settings-new-per-day"));
                new.labelled_by(label.id);
                ui.add_space(12.0);
                let reviews =
                    ui.add(egui::DragValue::new(&mut settings.reviews_per_day).range(0..=9999));
                let label = ui.label(i18n.t("settings-reviews-per-day"));
                reviews.labelled_by(label.id);
            });
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-steps")).strong());
            ui.horizontal(|ui| {
                let learning = steps_field(ui, "learning-steps", &mut settings.learning_steps);
                let label = ui.label(i18n.t("settings-learning-steps"));
                learning.labelled_by(label.id);
                ui.add_space(12.0);
                let relearning =
                    steps_field(ui, "relearning-steps", &mut settings.relearning_steps);
                let label = ui.label(i18n.t("settings-relearning-steps"));
                relearning.labelled_by(label.id);
            });
            ui.end_row();

            let label = ui.label(RichText::new(i18n.t("settings-day-starts")).strong());
            ui.horizontal(|ui| {
                ui.add(
                    egui::DragValue::new(&mut settings.day_starts_at)
                        .range(0..=23)
                        .suffix(":00"),
                )
                .labelled_by(label.id);
                ui.weak(i18n.t("settings-day-starts-hint"));
            });
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-typed")).strong());
            ui.checkbox(&mut settings.typed_answers, i18n.t("settings-typed-hint"));
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-suspended")).strong());
            ui.horizontal(|ui| {
                let count = store.suspended_count().unwrap_or(0);
                ui.label(i18n.t_with("settings-suspended-count", "n", count));
                if count > 0 && ui.button(i18n.t("settings-unsuspend")).clicked() {
                    *unsuspended_ref = store.unsuspend_all().is_ok();
                }
            });
            ui.end_row();

            ui.label(RichText::new(i18n.t("settings-optimize")).strong());
            ui.vertical(|ui| {
                optimize_section(ui, settings, i18n, job, || {
                    store.review_history().map_err(|e| e.to_string())
                })
            });
            ui.end_row();
        });
    unsuspended
}

/// A checkbox for every direction between two of the four languages, in a grid with one
/// row per prompt language.
pub(super) fn direction_checkboxes(ui: &mut egui::Ui, id: &str, chosen: &mut Vec<Direction>) {
    egui::Grid::new(id).spacing([10.0, 4.0]).show(ui, |ui| {
        for from in Lang::ALL {
            for to in Lang::ALL {
                if from == to {
                    continue;
                }
                let direction = Direction::new(from, to);
                let mut on = chosen.contains(&direction);
                let name = format!(
                    "{} → {}",
                    from.code().to_uppercase(),
                    to.code().to_uppercase()
                );
                if ui.checkbox(&mut on, name).changed() {
                    if on {
                        chosen.push(direction);
                    } else {
                        chosen.retain(|&d| d != direction);
                    }
                }
            }
            ui.end_row();
        }
    });
}

/// A field of minutes separated by spaces (`1 10`); a value is taken once it reads well.
fn steps_field(ui: &mut egui::Ui, id: &str, steps: &mut Vec<u32>) -> egui::Response {
    let id = ui.make_persistent_id(id);
    let mut text = ui.data_mut(|d| {
        d.get_temp::<String>(id).unwrap_or_else(|| {
            steps
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        })
    });
    let response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(70.0));
    let parsed: Option<Vec<u32>> = text
        .split_whitespace()
        .map(|m| m.parse::<u32>().ok().filter(|&m| (1..=1440).contains(&m)))
        .collect();
    if response.changed()
        && let Some(parsed) = parsed
    {
        *steps = parsed;
    }
    ui.data_mut(|d| d.insert_temp(id, text));
    response
}

fn optimize_section(
    ui: &mut egui::Ui,
    settings: &StudySettings,
    i18n: &I18n,
    job: &mut OptimizeJob,
    history: impl FnOnce() -> Result<Vec<Review>, String>,
) {
    let which = if settings.parameters.is_empty() {
        i18n.t("optimize-defaults")
    } else {
        i18n.t("optimize-personal")
    };
    ui.weak(which);
    if job.is_running() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(i18n.t("optimize-running"));
        });
        return;
    }
    if ui.button(i18n.t("optimize-button")).clicked() {
        match history() {
            Ok(reviews) => {
                let current = settings.parameters.clone();
                let relearning = settings.relearning_steps.len();
                job.running = Some(std::thread::spawn(move || {
                    optimize::optimize(&reviews, &current, relearning)
                }));
            }
            Err(error) => job.last = Some(Err(OptimizeError::Fsrs(error))),
        }
    }
    match &job.last {
        Some(Ok(result)) => {
            let line = |fit: &optimize::Fit| {
                format!(
                    "log loss {:.4} · RMSE {:.2} %",
                    fit.log_loss,
                    fit.rmse * 100.0
                )
            };
            ui.label(format!(
                "{}: {}",
                i18n.t("optimize-before"),
                line(&result.before)
            ));
            ui.label(format!(
                "{}: {}",
                i18n.t("optimize-after"),
                line(&result.after)
            ));
            let verdict = if result.adopted {
                "optimize-adopted"
            } else {
                "optimize-kept"
            };
            ui.strong(i18n.t_with(verdict, "n", result.items));
        }
        Some(Err(error)) => {
            ui.colored_label(ui.visuals().warn_fg_color, error.to_string());
        }
        None => {}
    }
}
