//! The Study screen: one card at a time, the prompt large, Space to reveal, 1–4 to grade
//! (each button showing its next interval), Ctrl+Z to undo, an optional typed answer, and
//! a summary when the session is over.

use super::{card, style};
use crate::glossary::Glossary;
use crate::i18n::I18n;
use crate::model::{Concept, Lang};
use crate::prefs::Prefs;
use crate::study::Study;
use crate::study::card::{Card, Rating};
use crate::study::scheduler::Outcome;
use crate::study::typed::{self, Verdict};
use egui::{Align, Key, KeyboardShortcut, Layout, Modifiers, RichText};
use std::time::{Duration, Instant};

/// Ctrl+Z (Cmd+Z on macOS): take back the last answer.
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);

/// The card on show.
struct Current {
    card: Card,
    new: bool,
    outcomes: [Outcome; 4],
    shown_at: Instant,
}

/// Tallies of the session so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Session {
    /// Answers given.
    pub answered: u32,
    /// Of which Again.
    pub again: u32,
    /// New cards seen.
    pub new: u32,
    /// Time spent answering.
    pub time: Duration,
}

/// What the Study screen remembers between frames.
pub struct StudyState {
    current: Option<Current>,
    remaining: usize,
    revealed: bool,
    typed: String,
    verdict: Option<Verdict>,
    session: Session,
    history: Vec<(bool, Rating, Duration)>,
    next_learning_due: Option<i64>,
    error: Option<String>,
    stale: bool,
}

/// What happened on the Study screen this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StudyEvent {
    /// Nothing that changes other screens.
    None,
    /// An answer was recorded or undone.
    Changed,
}

impl Default for StudyState {
    fn default() -> Self {
        StudyState {
            current: None,
            remaining: 0,
            revealed: false,
            typed: String::new(),
            verdict: None,
            session: Session::default(),
            history: Vec::new(),
            next_learning_due: None,
            error: None,
            stale: true,
        }
    }
}

impl StudyState {
    /// Asks for the queue to be read again before the next frame (settings changed).
    pub fn invalidate(&mut self) {
        self.stale = true;
        self.current = None;
    }

    /// The card on show, as `concept:direction`.
    pub fn current_card(&self) -> Option<String> {
        self.current.as_ref().map(|c| c.card.key.to_string())
    }

    /// Whether the answer side is showing.
    pub fn revealed(&self) -> bool {
        self.revealed
    }

    /// The tallies of this session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    fn load_next(&mut self, glossary: &Glossary, study: &Study) {
        self.stale = false;
        self.revealed = false;
        self.typed.clear();
        self.verdict = None;
        match study.queue(glossary) {
            Ok(queue) => {
                self.remaining = queue.len();
                self.current = queue.into_iter().next().map(|queued| Current {
                    outcomes: study.preview(&queued.card),
                    card: queued.card,
                    new: queued.new,
                    shown_at: Instant::now(),
                });
                self.next_learning_due = if self.current.is_none() {
                    self.next_learning(glossary)
                } else {
                    None
                };
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    fn next_learning(&self, glossary: &Glossary) -> Option<i64> {
        let cards = glossary.store().cards().ok()?;
        cards
            .iter()
            .filter(|c| c.state.is_learning() && !c.suspended)
            .map(|c| c.due)
            .min()
    }

    fn grade(&mut self, glossary: &Glossary, study: &Study, rating: Rating) -> StudyEvent {
        let Some(current) = &self.current else {
            return StudyEvent::None;
        };
        let took = current.shown_at.elapsed().min(Duration::from_secs(120));
        match study.answer(glossary, &current.card.key, rating, took.as_millis() as i64) {
            Ok(_) => {
                self.session.answered += 1;
                self.session.again += u32::from(rating == Rating::Again);
                self.session.new += u32::from(current.new);
                self.session.time += took;
                self.history.push((current.new, rating, took));
                self.error = None;
                self.load_next(glossary, study);
                StudyEvent::Changed
            }
            Err(error) => {
                self.error = Some(error.to_string());
                StudyEvent::None
            }
        }
    }

    fn undo(&mut self, glossary: &Glossary, study: &Study) -> StudyEvent {
        match study.undo(glossary) {
            Ok(Some(card)) => {
                if let Some((new, rating, took)) = self.history.pop() {
                    self.session.answered -= 1;
                    self.session.again -= u32::from(rating == Rating::Again);
                    self.session.new -= u32::from(new);
                    self.session.time = self.session.time.saturating_sub(took);
                }
                self.revealed = false;
                self.typed.clear();
                self.verdict = None;
                self.current = Some(Current {
                    outcomes: study.preview(&card),
                    new: card.reps == 0,
                    card,
                    shown_at: Instant::now(),
                });
                StudyEvent::Changed
            }
            Ok(None) => StudyEvent::None,
            Err(error) => {
                self.error = Some(error.to_string());
                StudyEvent::None
            }
        }
    }

    fn reveal(&mut self, glossary: &Glossary, typed_mode: bool) {
        self.revealed = true;
        if typed_mode && let Some(current) = &self.current {
            let key = &current.card.key;
            self.verdict = glossary
                .concept_by_id(&key.concept)
                .map(|concept| typed::check(concept, key.direction.to, &self.typed));
        }
    }

    /// Draws the screen and handles its keys.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        glossary: &Glossary,
        study: &Study,
        i18n: &I18n,
        prefs: &Prefs,
    ) -> StudyEvent {
        if self.stale {
            self.load_next(glossary, study);
        }
        let mut event = StudyEvent::None;
        if ui.input_mut(|i| i.consume_shortcut(&UNDO)) {
            event = self.undo(glossary, study);
        }
        let typed_mode = study.settings().typed_answers;
        self.progress_line(ui);
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        let Some(current) = &self.current else {
            self.summary(ui, glossary, study, i18n);
            return event;
        };
        let Some(concept) = glossary.concept_by_id(&current.card.key.concept) else {
            self.error = Some(i18n.t_with(
                "study-missing-concept",
                "id",
                current.card.key.concept.clone(),
            ));
            self.invalidate();
            return event;
        };
        let typing = typed_mode && !self.revealed;
        if !self.revealed && !typing && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Space))
        {
            self.reveal(glossary, false);
        }
        if self.revealed {
            let pressed = ui.input_mut(|i| {
                [Key::Num1, Key::Num2, Key::Num3, Key::Num4]
                    .into_iter()
                    .position(|key| i.consume_key(Modifiers::NONE, key))
            });
            let enter = typed_mode && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
            let chosen = pressed
                .and_then(|n| Rating::from_number(n as u32 + 1))
                .or_else(|| enter.then(|| suggested(self.verdict.as_ref())));
            if let Some(rating) = chosen {
                return self.grade(glossary, study, rating);
            }
        }

        egui::Panel::bottom("grade-bar")
            .show_separator_line(false)
            .show(ui, |ui| {
                ui.add_space(8.0);
                if let Some(rating) = self.grade_bar(ui, i18n, typed_mode) {
                    event = self.grade(glossary, study, rating);
                }
                ui.add_space(8.0);
            });
        if event == StudyEvent::Changed && self.current.is_none() {
            return event;
        }
        let Some(current) = &self.current else {
            return event;
        };
        let direction = current.card.key.direction;
        let key_text = current.card.key.to_string();
        let new = current.new;
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            ui.weak(
                RichText::new(format!(
                    "{} → {}",
                    i18n.t(&format!("lang-{}", direction.from)),
                    i18n.t(&format!("lang-{}", direction.to))
                ))
                .small(),
            );
            ui.weak(RichText::new(i18n.t(&format!("domain-{}", concept.domain.id()))).small());
            if new {
                ui.label(
                    RichText::new(i18n.t("study-new-card"))
                        .small()
                        .color(ui.visuals().hyperlink_color),
                );
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui
                    .small_button(i18n.t("study-suspend"))
                    .on_hover_text(i18n.t("study-suspend-hint"))
                    .clicked()
                {
                    event = self.act(glossary, study, |g, s, k| s.suspend(g, k));
                }
                if ui
                    .small_button(i18n.t("study-bury"))
                    .on_hover_text(i18n.t("study-bury-hint"))
                    .clicked()
                {
                    event = self.act(glossary, study, |g, s, k| s.bury(g, k));
                }
                ui.weak(RichText::new(key_text).small().monospace());
            });
        });
        let lead = if self.revealed {
            16.0
        } else {
            ui.available_height() * 0.22
        };
        ui.add_space(lead);
        ui.vertical_centered(|ui| prompt(ui, concept, direction.from, prefs, false));
        ui.add_space(16.0);
        if typed_mode {
            self.typed_field(ui, glossary, i18n);
        }
        if self.revealed {
            ui.add_space(8.0);
            ui.separator();
            ui.vertical_centered(|ui| prompt(ui, concept, direction.to, prefs, true));
            ui.add_space(8.0);
            let mut copied = None;
            card::show(ui, concept, i18n, prefs, &mut copied);
        } else if !typed_mode {
            ui.vertical_centered(|ui| {
                if ui.button(i18n.t("study-show-answer")).clicked() {
                    self.reveal(glossary, false);
                }
            });
        }
        event
    }

    fn act(
        &mut self,
        glossary: &Glossary,
        study: &Study,
        action: impl Fn(
            &Glossary,
            &Study,
            &crate::study::card::CardKey,
        ) -> Result<(), crate::study::StudyError>,
    ) -> StudyEvent {
        let Some(current) = &self.current else {
            return StudyEvent::None;
        };
        match action(glossary, study, &current.card.key) {
            Ok(()) => {
                self.load_next(glossary, study);
                StudyEvent::Changed
            }
            Err(error) => {
                self.error = Some(error.to_string());
                StudyEvent::None
            }
        }
    }

    fn typed_field(&mut self, ui: &mut egui::Ui, glossary: &Glossary, i18n: &I18n) {
        ui.vertical_centered(|ui| {
            let field = egui::TextEdit::singleline(&mut self.typed)
                .id_salt("typed-answer")
                .hint_text(i18n.t("study-type-hint"))
                .desired_width(360.0)
                .font(egui::TextStyle::Heading)
                .interactive(!self.revealed);
            let response = ui.add(field);
            if !self.revealed {
                if !response.has_focus() && !response.lost_focus() {
                    response.request_focus();
                }
                if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    self.reveal(glossary, true);
                }
            }
            if let Some(verdict) = &self.verdict {
                ui.add_space(6.0);
                verdict_line(ui, verdict, i18n);
            }
        });
    }

    fn progress_line(&self, ui: &mut egui::Ui) {
        let done = self.session.answered as f32;
        let total = done + self.remaining as f32;
        let fraction = if total > 0.0 { done / total } else { 0.0 };
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(ui.available_width(), 3.0), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 1.5, ui.visuals().faint_bg_color);
        let mut filled = rect;
        filled.set_width(rect.width() * fraction);
        painter.rect_filled(filled, 1.5, ui.visuals().selection.bg_fill);
    }

    fn grade_bar(&self, ui: &mut egui::Ui, i18n: &I18n, typed_mode: bool) -> Option<Rating> {
        let current = self.current.as_ref()?;
        if !self.revealed {
            ui.vertical_centered(|ui| {
                let hint = if typed_mode {
                    "study-enter-hint"
                } else {
                    "study-space-hint"
                };
                ui.weak(i18n.t(hint));
            });
            return None;
        }
        let suggestion = self.verdict.as_ref().map(|v| suggested(Some(v)));
        let mut chosen = None;
        let width = 128.0;
        let total = width * 4.0 + ui.spacing().item_spacing.x * 3.0;
        ui.horizontal(|ui| {
            ui.add_space(((ui.available_width() - total) / 2.0).max(0.0));
            for (outcome, rating) in current.outcomes.iter().zip(Rating::ALL) {
                let text = format!(
                    "{}  {}\n{}",
                    rating.number(),
                    i18n.t(&format!("grade-{}", rating.name())),
                    interval_text(outcome.wait_secs, i18n)
                );
                let mut button =
                    egui::Button::new(RichText::new(text)).min_size(egui::vec2(width, 44.0));
                if suggestion == Some(rating) {
                    button = button.selected(true);
                }
                if ui.add(button).clicked() {
                    chosen = Some(rating);
                }
            }
        });
        chosen
    }

    fn summary(&mut self, ui: &mut egui::Ui, glossary: &Glossary, study: &Study, i18n: &I18n) {
        ui.add_space(48.0);
        ui.vertical_centered(|ui| {
            let session = &self.session;
            if session.answered == 0 {
                ui.heading(i18n.t("study-nothing-due"));
            } else {
                ui.heading(i18n.t("study-session-done"));
                ui.add_space(12.0);
                let remembered = session.answered - session.again;
                let percent = 100.0 * f64::from(remembered) / f64::from(session.answered);
                egui::Grid::new("session-summary")
                    .spacing([24.0, 8.0])
                    .show(ui, |ui| {
                        ui.label(i18n.t("summary-answered"));
                        ui.strong(session.answered.to_string());
                        ui.end_row();
                        ui.label(i18n.t("summary-new"));
                        ui.strong(session.new.to_string());
                        ui.end_row();
                        ui.label(i18n.t("summary-remembered"));
                        ui.strong(format!("{percent:.0} %"));
                        ui.end_row();
                        ui.label(i18n.t("summary-time"));
                        ui.strong(i18n.t_with(
                            "minutes",
                            "n",
                            (session.time.as_secs() as f64 / 60.0).ceil(),
                        ));
                        ui.end_row();
                    });
            }
            ui.add_space(12.0);
            if let Some(due) = self.next_learning_due {
                let wait = (due - study.now().timestamp()).max(60);
                ui.label(i18n.t_with("study-next-learning", "when", interval_text(wait, i18n)));
                if ui.button(i18n.t("study-check-again")).clicked() {
                    self.load_next(glossary, study);
                }
            } else {
                ui.weak(i18n.t("study-come-back"));
            }
        });
    }
}

/// The grade a typed verdict suggests: Good when right, Hard for a tone slip, else Again.
fn suggested(verdict: Option<&Verdict>) -> Rating {
    match verdict {
        Some(Verdict::Correct { .. }) | None => Rating::Good,
        Some(Verdict::ToneError { .. }) => Rating::Hard,
        Some(Verdict::Wrong) => Rating::Again,
    }
}

/// The term of `concept` in `lang`, at card size; Chinese gets its pinyin only on the
/// answer side (`with_pinyin`), so the prompt does not give the reading away.
fn prompt(ui: &mut egui::Ui, concept: &Concept, lang: Lang, prefs: &Prefs, with_pinyin: bool) {
    let text = concept.preferred(lang);
    let scale = prefs.text_scale;
    let size = if lang == Lang::Zh { 48.0 } else { 32.0 } * scale;
    ui.label(RichText::new(text).size(size).strong());
    if with_pinyin && lang == Lang::Zh {
        let font = egui::FontId::proportional(22.0 * scale);
        ui.label(card::pinyin_job(ui, concept.pinyin(), prefs, font));
    }
}

fn verdict_line(ui: &mut egui::Ui, verdict: &Verdict, i18n: &I18n) {
    let visuals = ui.visuals();
    match verdict {
        Verdict::Correct { term } => {
            ui.colored_label(
                style::good_color(visuals.dark_mode),
                i18n.t_with("typed-correct", "term", term.clone()),
            );
        }
        Verdict::ToneError { term, slips } => {
            let slips: Vec<String> = slips
                .iter()
                .map(|slip| {
                    let typed = slip.typed.map_or("—".to_string(), |t| t.to_string());
                    format!("{} ({} → {typed})", slip.syllable, slip.expected)
                })
                .collect();
            ui.colored_label(
                style::warn_color(visuals.dark_mode),
                i18n.t_with("typed-tone-error", "term", term.clone()),
            );
            ui.weak(slips.join(", "));
        }
        Verdict::Wrong => {
            ui.colored_label(visuals.error_fg_color, i18n.t("typed-wrong"));
        }
    }
}

/// A wait in words: minutes, hours, days, months or years.
pub fn interval_text(secs: i64, i18n: &I18n) -> String {
    let minutes = (secs as f64 / 60.0).round().max(1.0);
    let days = secs as f64 / 86_400.0;
    if minutes < 60.0 {
        i18n.t_with("interval-minutes", "n", minutes)
    } else if days < 1.0 {
        i18n.t_with("interval-hours", "n", (minutes / 60.0).round())
    } else if days < 30.0 {
        i18n.t_with("interval-days", "n", days.round())
    } else if days < 365.0 {
        i18n.t_with("interval-months", "n", (days / 30.4 * 10.0).round() / 10.0)
    } else {
        i18n.t_with("interval-years", "n", (days / 365.0 * 10.0).round() / 10.0)
    }
}
