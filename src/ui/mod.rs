//! The window: egui views over the glossary. The only module that uses egui.

pub mod backups;
mod card;
mod decks;
mod editor;
pub mod fonts;
mod lookup;
mod onboarding;
mod progress;
mod screenshot;
mod settings;
mod study;
mod study_settings;
mod style;

pub use screenshot::ScreenshotRequest;

use crate::glossary::Glossary;
use crate::i18n::I18n;
use crate::prefs::Prefs;
use crate::stats::Stats;
use crate::study::Study;
use crate::study::clock::{Clock, SystemClock};
use crate::study::settings::StudySettings;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use onboarding::{OnboardingChoice, OnboardingState};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The screens the top bar switches between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Search and the concept card.
    Lookup,
    /// Flashcards (the first-start questions until they are answered).
    Study,
    /// Charts of the user's progress.
    Progress,
    /// Decks: sizes, due cards, mastery, export and import.
    Decks,
    /// Interface language, theme, text size, and how to study.
    Settings,
}

impl Screen {
    /// The screen named `name` on the command line.
    pub fn from_name(name: &str) -> Option<Screen> {
        match name {
            "lookup" => Some(Screen::Lookup),
            "study" => Some(Screen::Study),
            "progress" => Some(Screen::Progress),
            "decks" => Some(Screen::Decks),
            "settings" => Some(Screen::Settings),
            _ => None,
        }
    }

    /// The names `--view` accepts.
    pub const NAMES: [&str; 5] = ["lookup", "study", "progress", "decks", "settings"];
}

/// How long the due count on the Study tab is trusted before it is counted again.
const DUE_COUNT_TTL: Duration = Duration::from_secs(60);

/// Ctrl+K (Cmd+K on macOS): focus the search box from any screen.
const FOCUS_SEARCH: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::K);

/// The whole application state behind the window.
pub struct KeruenApp {
    glossary: Glossary,
    prefs: Prefs,
    i18n: I18n,
    screen: Screen,
    lookup: lookup::LookupState,
    study: Study,
    study_view: study::StudyState,
    onboarding: Option<OnboardingState>,
    stats: Option<Stats>,
    decks: decks::DecksState,
    editor: Option<editor::EditorState>,
    bundled_ids: std::collections::HashSet<String>,
    optimize_job: study_settings::OptimizeJob,
    due_count: Option<(usize, Instant)>,
    error: Option<String>,
    screenshot: Option<ScreenshotRequest>,
    style_applied: bool,
    backups: backups::BackupsState,
}

/// Installs Keruen's fonts into `ctx`; call once, before the first frame.
pub fn prepare_context(ctx: &egui::Context) {
    fonts::install(ctx);
}

impl KeruenApp {
    /// Prepares the window's state. The context must have Keruen's fonts
    /// ([`prepare_context`]) before the first frame.
    pub fn new(mut glossary: Glossary, prefs: Prefs) -> KeruenApp {
        let bundled_ids = glossary
            .store_mut()
            .bundled_ids()
            .unwrap_or_default()
            .into_iter()
            .collect();
        let lookup = lookup::LookupState::new(&glossary, prefs.ui_lang);
        let (settings, error) = match StudySettings::load(glossary.store()) {
            Ok(settings) => (settings, None),
            Err(error) => (StudySettings::default(), Some(error.to_string())),
        };
        KeruenApp {
            i18n: I18n::new(prefs.ui_lang),
            study: Study::new(settings, Arc::new(SystemClock)),
            study_view: study::StudyState::default(),
            onboarding: None,
            stats: None,
            decks: decks::DecksState::default(),
            editor: None,
            bundled_ids,
            optimize_job: study_settings::OptimizeJob::default(),
            due_count: None,
            glossary,
            prefs,
            screen: Screen::Lookup,
            lookup,
            error,
            screenshot: None,
            style_applied: false,
            backups: backups::BackupsState::default(),
        }
    }

    /// Tells the user at start that the data file was damaged and offers its backup.
    pub fn with_damage_notice(mut self, notice: backups::DamageNotice) -> Self {
        self.backups = backups::BackupsState::with_notice(notice);
        self
    }

    /// Opens `screen` first.
    pub fn with_screen(mut self, screen: Screen) -> Self {
        self.screen = screen;
        self
    }

    /// Reads the time from `clock` instead of the computer's (tests, screenshots).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.study = Study::new(self.study.settings().clone(), clock);
        self.study_view.invalidate();
        self
    }

    /// The study settings in force.
    pub fn study_settings(&self) -> &StudySettings {
        self.study.settings()
    }

    /// The card the Study screen shows (`concept:direction`), if any.
    pub fn study_card(&self) -> Option<String> {
        self.study_view.current_card()
    }

    /// Whether the Study screen shows the answer side.
    pub fn answer_revealed(&self) -> bool {
        self.study_view.revealed()
    }

    /// How many answers this session has given.
    pub fn session_answers(&self) -> u32 {
        self.study_view.session().answered
    }

    /// The glossary behind the window.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Starts with `query` typed into the search box.
    pub fn with_query(mut self, query: &str) -> Self {
        self.lookup.set_query(&self.glossary, query);
        self
    }

    /// Saves a screenshot and closes the window once the first frames are painted.
    pub fn with_screenshot(mut self, request: ScreenshotRequest) -> Self {
        self.screenshot = Some(request);
        self
    }

    /// The current preferences (as the settings screen last changed them).
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Which result of the lookup list is selected, if the list is not empty.
    pub fn selected_index(&self) -> Option<usize> {
        self.lookup.selected_index()
    }

    /// The id of the concept the card shows, if any.
    pub fn opened_concept(&self) -> Option<&str> {
        self.lookup.opened(&self.glossary).map(|c| c.id.as_str())
    }

    /// The id of the concept at `position` in the result list.
    pub fn result_id(&self, position: usize) -> Option<&str> {
        self.lookup
            .result(&self.glossary, position)
            .map(|c| c.id.as_str())
    }

    /// How many results the lookup list holds.
    pub fn result_count(&self) -> usize {
        self.lookup.result_count()
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Draws one frame of the whole window into `ui`.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if !self.style_applied {
            style::apply(ui.ctx(), &self.prefs);
            self.style_applied = true;
        }
        if ui.input_mut(|i| i.consume_shortcut(&FOCUS_SEARCH)) {
            self.screen = Screen::Lookup;
            self.lookup.request_focus();
        }
        egui::Panel::top("top-bar").show(ui, |ui| self.top_bar(ui));
        self.backups.tick(&self.glossary);
        if self.backups.notice_bar(ui, &mut self.glossary, &self.i18n)
            == backups::BackupsEvent::Restored
        {
            self.restored();
        }
        if let Some(error) = self.error.clone() {
            egui::Panel::bottom("error-bar").show(ui, |ui| {
                ui.colored_label(ui.visuals().error_fg_color, error);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| match self.screen {
            Screen::Lookup if self.editor.is_some() => self.editor_view(ui),
            Screen::Lookup => {
                let decks = self.user_decks();
                let context = lookup::LookupContext {
                    decks: &decks,
                    bundled: &self.bundled_ids,
                };
                let action =
                    self.lookup
                        .show(ui, &self.glossary, &self.i18n, &self.prefs, &context);
                self.lookup_action(action);
            }
            Screen::Study if !self.study.settings().onboarded => self.onboarding(ui),
            Screen::Study => {
                let event =
                    self.study_view
                        .show(ui, &self.glossary, &self.study, &self.i18n, &self.prefs);
                if event == study::StudyEvent::Changed {
                    self.progress_changed();
                }
            }
            Screen::Progress => self.progress(ui),
            Screen::Decks => match self.decks.show(ui, &self.glossary, &self.study, &self.i18n) {
                decks::DecksEvent::None => {}
                decks::DecksEvent::DecksChanged => self.decks_changed(),
                decks::DecksEvent::ConceptsChanged => self.concepts_changed(),
            },
            Screen::Settings => self.settings(ui),
        });
        if let Some(request) = &mut self.screenshot {
            request.tick(ui.ctx());
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.add_space(4.0);
            ui.heading("Keruen");
            ui.add_space(16.0);
            let due = self.due_count();
            for (screen, key) in [
                (Screen::Lookup, "tab-lookup"),
                (Screen::Study, "tab-study"),
                (Screen::Progress, "tab-progress"),
                (Screen::Decks, "tab-decks"),
                (Screen::Settings, "tab-settings"),
            ] {
                let selected = self.screen == screen;
                let mut label = RichText::new(self.i18n.t(key));
                if screen == Screen::Study && due > 0 {
                    label = RichText::new(format!("{}  ({due})", self.i18n.t(key)));
                }
                let tab = ui.selectable_label(selected, label);
                let tab = if screen == Screen::Study {
                    tab.on_hover_text(self.i18n.t_with("tab-study-due", "n", due))
                } else {
                    tab
                };
                if tab.clicked() {
                    self.screen = screen;
                    if screen == Screen::Progress {
                        self.stats = None;
                    }
                }
            }
        });
    }

    /// Cards due now, counted at most once a minute and after every answer.
    fn due_count(&mut self) -> usize {
        if let Some((count, at)) = self.due_count
            && at.elapsed() < DUE_COUNT_TTL
        {
            return count;
        }
        let count = self.study.queue(&self.glossary).map_or(0, |q| q.len());
        self.due_count = Some((count, Instant::now()));
        count
    }

    /// The user's decks as (id, name), for deck menus.
    fn user_decks(&self) -> Vec<(i64, String)> {
        self.glossary
            .store()
            .user_decks()
            .map(|decks| decks.into_iter().map(|d| (d.id, d.name)).collect())
            .unwrap_or_default()
    }

    fn lookup_action(&mut self, action: lookup::LookupAction) {
        use lookup::LookupAction;
        let result = match action {
            LookupAction::None => return,
            LookupAction::New => {
                let prefill = self.lookup.query_prefill();
                self.editor = Some(editor::EditorState::new_concept(
                    prefill.as_ref().map(|(lang, text)| (*lang, text.as_str())),
                ));
                return;
            }
            LookupAction::Edit(id) => {
                self.editor = self
                    .glossary
                    .concept_by_id(&id)
                    .map(editor::EditorState::edit);
                return;
            }
            LookupAction::Revert(id) => self
                .glossary
                .store_mut()
                .revert_to_bundled(&id)
                .map(|_| self.i18n.t("lookup-reverted")),
            LookupAction::Delete(id) => self
                .glossary
                .store()
                .delete_user_concept(&id)
                .map(|()| self.i18n.t_with("lookup-deleted", "id", id)),
            LookupAction::AddToDeck(deck, ids) => {
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                let result = self.glossary.store().add_many_to_deck(deck, &ids);
                self.decks_changed();
                self.error = result.err().map(|e| e.to_string());
                return;
            }
        };
        match result {
            Ok(_) => {
                self.error = None;
                self.concepts_changed();
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    fn editor_view(&mut self, ui: &mut egui::Ui) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let decks = self
            .glossary
            .store()
            .user_decks()
            .map(|decks| {
                decks
                    .into_iter()
                    .map(|d| (d.id, d.name))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        match editor.show(ui, &self.glossary, &decks, &self.i18n) {
            editor::EditorOutcome::Open => {}
            editor::EditorOutcome::Cancel => self.editor = None,
            editor::EditorOutcome::Save(concept, deck) => {
                let store = self.glossary.store();
                let saved = store.save_user_concept(&concept).and_then(|()| match deck {
                    Some(deck) => store.add_to_deck(deck, &concept.id),
                    None => Ok(()),
                });
                match saved {
                    Ok(()) => {
                        self.editor = None;
                        self.concepts_changed();
                        self.lookup
                            .refresh_results(&self.glossary, Some(&concept.id));
                        if self.lookup.opened(&self.glossary).map(|c| c.id.as_str())
                            != Some(concept.id.as_str())
                        {
                            self.lookup.set_query(&self.glossary, &concept.id);
                        }
                    }
                    Err(error) => self.error = Some(error.to_string()),
                }
            }
        }
    }

    /// Decks changed: what is studied may have too.
    fn decks_changed(&mut self) {
        self.study_view.invalidate();
        self.progress_changed();
    }

    /// Concepts were added, edited or deleted: reload and re-index them.
    fn concepts_changed(&mut self) {
        let open = self.opened_concept().map(str::to_string);
        if let Err(error) = self.glossary.reload() {
            self.error = Some(self.i18n.t_with("error-save", "error", error.to_string()));
        }
        self.lookup.refresh_results(&self.glossary, open.as_deref());
        self.decks_changed();
    }

    /// A backup replaced the store's content (the glossary is already read again): read
    /// the preferences, study settings and built-in ids again and forget every view.
    fn restored(&mut self) {
        match Prefs::load(self.glossary.store()) {
            Ok(prefs) => self.prefs = prefs,
            Err(error) => self.error = Some(error.to_string()),
        }
        self.i18n = I18n::new(self.prefs.ui_lang);
        self.style_applied = false;
        match StudySettings::load(self.glossary.store()) {
            Ok(settings) => self.study.set_settings(settings),
            Err(error) => self.error = Some(error.to_string()),
        }
        match self.glossary.store_mut().bundled_ids() {
            Ok(ids) => self.bundled_ids = ids.into_iter().collect(),
            Err(error) => self.error = Some(error.to_string()),
        }
        self.onboarding = None;
        self.editor = None;
        self.decks = decks::DecksState::default();
        self.lookup.set_language(&self.glossary, self.prefs.ui_lang);
        self.lookup.refresh_results(&self.glossary, None);
        self.decks_changed();
    }

    /// Forgets every figure derived from the review log.
    fn progress_changed(&mut self) {
        self.due_count = None;
        self.stats = None;
        self.decks.invalidate();
    }

    fn onboarding(&mut self, ui: &mut egui::Ui) {
        if self.onboarding.is_none() {
            let decks = crate::decks::list(&self.glossary).unwrap_or_default();
            self.onboarding = Some(OnboardingState::new(self.study.settings(), decks));
        }
        let state = self.onboarding.as_mut().expect("made above");
        let settings = match state.show(ui, &self.i18n, self.study.settings()) {
            OnboardingChoice::Pending => return,
            OnboardingChoice::Start(settings) => settings,
            OnboardingChoice::Skip => {
                self.screen = Screen::Lookup;
                StudySettings {
                    onboarded: true,
                    ..self.study.settings().clone()
                }
            }
        };
        self.onboarding = None;
        self.apply_study_settings(settings);
    }

    fn apply_study_settings(&mut self, settings: StudySettings) {
        self.error = settings
            .save(self.glossary.store())
            .err()
            .map(|e| self.i18n.t_with("error-save", "error", e.to_string()));
        self.study.set_settings(settings);
        self.study_view.invalidate();
        self.progress_changed();
    }

    fn progress(&mut self, ui: &mut egui::Ui) {
        if self.stats.is_none() {
            match self.study.stats(&self.glossary) {
                Ok(stats) => self.stats = Some(stats),
                Err(error) => {
                    ui.colored_label(ui.visuals().error_fg_color, error.to_string());
                    return;
                }
            }
        }
        let stats = self.stats.as_ref().expect("computed above");
        let goal = self.study.settings().desired_retention;
        progress::show(ui, stats, self.study.today(), goal, &self.i18n);
    }

    fn settings(&mut self, ui: &mut egui::Ui) {
        let before = self.prefs.clone();
        let mut study = self.study.settings().clone();
        let mut restored = false;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                settings::show(ui, &mut self.prefs, &self.i18n, &self.glossary);
                ui.add_space(8.0);
                ui.separator();
                ui.heading(self.i18n.t("settings-study"));
                ui.add_space(4.0);
                let decks = crate::decks::list(&self.glossary).unwrap_or_default();
                let unsuspended = study_settings::show(
                    ui,
                    &mut study,
                    &decks,
                    &self.i18n,
                    &mut self.optimize_job,
                    self.glossary.store(),
                );
                if unsuspended {
                    self.study_view.invalidate();
                    self.progress_changed();
                }
                ui.add_space(8.0);
                ui.separator();
                restored = self
                    .backups
                    .settings_section(ui, &mut self.glossary, &self.i18n)
                    == backups::BackupsEvent::Restored;
            });
        if restored {
            self.restored();
            return;
        }
        study.clamp();
        if &study != self.study.settings() {
            self.apply_study_settings(study);
        }
        if self.prefs != before {
            if self.prefs.ui_lang != before.ui_lang {
                self.i18n = I18n::new(self.prefs.ui_lang);
                self.lookup.set_language(&self.glossary, self.prefs.ui_lang);
            }
            style::apply(ui.ctx(), &self.prefs);
            self.save_prefs();
        }
    }

    fn save_prefs(&mut self) {
        self.error = self
            .prefs
            .save(self.glossary.store())
            .err()
            .map(|e| self.i18n.t_with("error-save", "error", e.to_string()));
    }
}

impl eframe::App for KeruenApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.screenshot.is_none() {
            self.save_prefs();
        }
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if let Some(rect) = ctx.input(|i| i.viewport().inner_rect) {
            self.prefs.window_size = Some([rect.width(), rect.height()]);
        }
    }
}

/// Opens the window and runs until it is closed.
pub fn run(glossary: Glossary, prefs: Prefs, start: StartOptions) -> Result<(), eframe::Error> {
    let size = start
        .screenshot
        .as_ref()
        .map(|s| s.size)
        .or(prefs.window_size)
        .unwrap_or([1200.0, 760.0]);
    let onboarded = StudySettings::load(glossary.store()).is_ok_and(|s| s.onboarded);
    let screen = start.screen.unwrap_or(if onboarded {
        Screen::Lookup
    } else {
        Screen::Study
    });
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Keruen")
            .with_inner_size(size)
            .with_min_inner_size([720.0, 480.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Keruen",
        options,
        Box::new(move |cc| {
            prepare_context(&cc.egui_ctx);
            let mut app = KeruenApp::new(glossary, prefs).with_screen(screen);
            if let Some(query) = &start.query {
                app = app.with_query(query);
            }
            if let Some(request) = start.screenshot {
                app = app.with_screenshot(request);
            }
            if let Some(notice) = start.damage {
                app = app.with_damage_notice(notice);
            }
            Ok(Box::new(app))
        }),
    )
}

/// How the window starts.
#[derive(Debug, Clone)]
pub struct StartOptions {
    /// The first screen; None picks Lookup, or Study (with the first-start questions) when
    /// they were never answered.
    pub screen: Option<Screen>,
    /// Text typed into the search box at start.
    pub query: Option<String>,
    /// Save a screenshot and exit.
    pub screenshot: Option<ScreenshotRequest>,
    /// The data file was found damaged and moved aside: say so and offer the backup.
    pub damage: Option<backups::DamageNotice>,
}
