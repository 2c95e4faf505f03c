//! The window: egui views over the glossary. The only module that uses egui.

mod card;
pub mod fonts;
mod lookup;
mod screenshot;
mod settings;
mod style;

pub use screenshot::ScreenshotRequest;

use crate::glossary::Glossary;
use crate::i18n::I18n;
use crate::prefs::Prefs;
use egui::{Key, KeyboardShortcut, Modifiers};

/// The screens the top bar switches between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Search and the concept card.
    Lookup,
    /// Interface language, theme, text size.
    Settings,
}

impl Screen {
    /// The screen named `name` on the command line (`lookup`, `settings`).
    pub fn from_name(name: &str) -> Option<Screen> {
        match name {
            "lookup" => Some(Screen::Lookup),
            "settings" => Some(Screen::Settings),
            _ => None,
        }
    }

    /// The names `--view` accepts.
    pub const NAMES: [&str; 2] = ["lookup", "settings"];
}

/// Ctrl+K (Cmd+K on macOS): focus the search box from any screen.
const FOCUS_SEARCH: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::K);

/// The whole application state behind the window.
pub struct KeruenApp {
    glossary: Glossary,
    prefs: Prefs,
    i18n: I18n,
    screen: Screen,
    lookup: lookup::LookupState,
    error: Option<String>,
    screenshot: Option<ScreenshotRequest>,
    style_applied: bool,
}

/// Installs Keruen's fonts into `ctx`; call once, before the first frame.
pub fn prepare_context(ctx: &egui::Context) {
    fonts::install(ctx);
}

impl KeruenApp {
    /// Prepares the window's state. The context must have Keruen's fonts
    /// ([`prepare_context`]) before the first frame.
    pub fn new(glossary: Glossary, prefs: Prefs) -> KeruenApp {
        let lookup = lookup::LookupState::new(&glossary, prefs.ui_lang);
        KeruenApp {
            i18n: I18n::new(prefs.ui_lang),
            glossary,
            prefs,
            screen: Screen::Lookup,
            lookup,
            error: None,
            screenshot: None,
            style_applied: false,
        }
    }

    /// Opens `screen` first.
    pub fn with_screen(mut self, screen: Screen) -> Self {
        self.screen = screen;
        self
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
        if let Some(error) = self.error.clone() {
            egui::Panel::bottom("error-bar").show(ui, |ui| {
                ui.colored_label(ui.visuals().error_fg_color, error);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| match self.screen {
            Screen::Lookup => self
                .lookup
                .show(ui, &self.glossary, &self.i18n, &self.prefs),
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
            for (screen, key) in [
                (Screen::Lookup, "tab-lookup"),
                (Screen::Settings, "tab-settings"),
            ] {
                let selected = self.screen == screen;
                if ui.selectable_label(selected, self.i18n.t(key)).clicked() {
                    self.screen = screen;
                }
            }
        });
    }

    fn settings(&mut self, ui: &mut egui::Ui) {
        let before = self.prefs.clone();
        settings::show(ui, &mut self.prefs, &self.i18n, &self.glossary);
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
            let mut app = KeruenApp::new(glossary, prefs).with_screen(start.screen);
            if let Some(query) = &start.query {
                app = app.with_query(query);
            }
            if let Some(request) = start.screenshot {
                app = app.with_screenshot(request);
            }
            Ok(Box::new(app))
        }),
    )
}

/// How the window starts.
#[derive(Debug, Clone)]
pub struct StartOptions {
    /// The first screen.
    pub screen: Screen,
    /// Text typed into the search box at start.
    pub query: Option<String>,
    /// Save a screenshot and exit.
    pub screenshot: Option<ScreenshotRequest>,
}
