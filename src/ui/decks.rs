//! The Decks screen: every deck with its size, cards due and mastery; creating, renaming
//! and deleting your own decks; exporting a deck; importing a file with a preview and
//! column mapping.

use super::onboarding::deck_name;
use super::study_settings::direction_checkboxes;
use crate::decks::{self, Deck};
use crate::exchange::export::{self, ExportRequest, Format};
use crate::exchange::import::{self, ImportPlan, OnDuplicate};
use crate::exchange::read::{self, Table};
use crate::exchange::table::Field;
use crate::exchange::{self, tbx};
use crate::glossary::Glossary;
use crate::i18n::I18n;
use crate::model::{Concept, Domain, Lang};
use crate::stats::{self, DeckProgress};
use crate::study::Study;
use crate::study::card::{Card, CardKey, Direction};
use crate::study::settings::StudySettings;
use egui::RichText;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

/// What the Decks screen remembers between frames.
#[derive(Default)]
pub struct DecksState {
    new_name: String,
    renaming: Option<(i64, String)>,
    export: Option<ExportPanel>,
    import: ImportPanel,
    message: Option<Result<String, String>>,
    /// Every deck with how it stands, read once and kept until something changes or it is
    /// a minute old (cards come due with time).
    rows: Option<(Vec<(Deck, DeckProgress)>, Instant)>,
}

/// How long the deck table's figures are kept before they are read again.
const ROWS_FRESH_FOR: std::time::Duration = std::time::Duration::from_secs(60);

struct ExportPanel {
    deck: String,
    format: Format,
    progress: bool,
    path: String,
    /// The card directions of the Anki formats; the text file uses the first.
    directions: Vec<Direction>,
}

/// A file loaded for import: a table whose columns the user maps, or TBX concepts.
enum ImportSource {
    Table(Table),
    Tbx(Vec<Concept>),
}

#[derive(Default)]
struct ImportPanel {
    path: String,
    source: Option<ImportSource>,
    mapping: Vec<Option<Field>>,
    on_duplicate: OnDuplicate,
    deck: String,
    domain: Option<Domain>,
    plan: Option<ImportPlan>,
    problems: Option<String>,
}

/// Whether the glossary's concepts or decks changed this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecksEvent {
    /// Nothing changed.
    None,
    /// Decks changed (names, members).
    DecksChanged,
    /// Concepts were imported: the glossary must be reloaded.
    ConceptsChanged,
}

/// Where an export of `deck` goes unless the user says otherwise.
fn default_export_path(deck: &str, format: Format) -> String {
    let dir = directories::UserDirs::new()
        .and_then(|dirs| {
            dirs.download_dir()
                .map(PathBuf::from)
                .or_else(|| Some(dirs.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."));
    dir.join(format!("keruen-{deck}.{}", format.extension()))
        .display()
        .to_string()
}

/// Every deck with its cards due now and mastered, over the studied directions.
fn deck_rows(glossary: &Glossary, study: &Study) -> Result<Vec<(Deck, DeckProgress)>, String> {
    let decks = decks::list(glossary).map_err(|e| e.to_string())?;
    let cards = glossary.store().cards().map_err(|e| e.to_string())?;
    let by_key: HashMap<&CardKey, &Card> = cards.iter().map(|c| (&c.key, c)).collect();
    let now = study.now().timestamp();
    let directions = &study.settings().directions;
    decks
        .into_iter()
        .map(|deck| {
            let members: Vec<&Concept> =
                decks::members(glossary, &deck.id).map_err(|e| e.to_string())?;
            let progress = stats::deck_progress(&members, directions, &by_key, now);
            Ok((deck, progress))
        })
        .collect()
}

impl DecksState {
    /// Forgets the deck table's figures, so the next frame reads them again.
    pub fn invalidate(&mut self) {
        self.rows = None;
    }

    /// Draws the screen.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        glossary: &Glossary,
        study: &Study,
        i18n: &I18n,
    ) -> DecksEvent {
        let mut event = DecksEvent::None;
        let message_before = self.message.clone();
        if self
            .rows
            .as_ref()
            .is_none_or(|(_, read)| read.elapsed() >= ROWS_FRESH_FOR)
        {
            match deck_rows(glossary, study) {
                Ok(rows) => self.rows = Some((rows, Instant::now())),
                Err(error) => {
                    ui.colored_label(ui.visuals().error_fg_color, error.to_string());
                    return event;
                }
            }
        }
        let rows = self
            .rows
            .as_ref()
            .map(|(rows, _)| rows.clone())
            .unwrap_or_default();
        let decks: Vec<Deck> = rows.iter().map(|(deck, _)| deck.clone()).collect();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(8.0);
                if let Some(message) = &self.message {
                    match message {
                        Ok(text) => {
                            ui.colored_label(super::style::good_color(ui.visuals().dark_mode), text)
                        }
                        Err(text) => ui.colored_label(ui.visuals().error_fg_color, text),
                    };
                }
                event = self.table(ui, glossary, i18n, &rows);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let label = ui.label(i18n.t("decks-new"));
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.new_name)
                                .hint_text(i18n.t("decks-new-hint"))
                                .desired_width(220.0),
                        )
                        .labelled_by(label.id);
                    let create = ui.button(i18n.t("decks-create"));
                    if create.clicked()
                        || (field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                    {
                        match glossary.store().create_deck(&self.new_name) {
                            Ok(_) => {
                                self.message = Some(Ok(i18n.t_with(
                                    "decks-created",
                                    "name",
                                    self.new_name.trim().to_string(),
                                )));
                                self.new_name.clear();
                                event = DecksEvent::DecksChanged;
                            }
                            Err(error) => self.message = Some(Err(error.to_string())),
                        }
                    }
                });
                if self.export.is_some() {
                    ui.separator();
                    self.export_panel(ui, glossary, i18n, &decks);
                }
                ui.separator();
                if self.import_panel(ui, glossary, i18n, &decks) {
                    event = DecksEvent::ConceptsChanged;
                }
            });
        if event != DecksEvent::None {
            self.invalidate();
        }
        if event != DecksEvent::None || self.message != message_before {
            ui.ctx().request_repaint();
        }
        event
    }

    fn table(
        &mut self,
        ui: &mut egui::Ui,
        glossary: &Glossary,
        i18n: &I18n,
        rows: &[(Deck, DeckProgress)],
    ) -> DecksEvent {
        let mut event = DecksEvent::None;
        egui::Grid::new("decks-table")
            .num_columns(5)
            .striped(true)
            .spacing([18.0, 6.0])
            .show(ui, |ui| {
                for key in ["decks-name", "decks-concepts", "decks-due", "decks-mastery"] {
                    ui.label(RichText::new(i18n.t(key)).strong());
                }
                ui.label("");
                ui.end_row();
                for (deck, progress) in rows {
                    let user_id = deck
                        .id
                        .strip_prefix("user-")
                        .and_then(|n| n.parse::<i64>().ok());
                    match (&mut self.renaming, user_id) {
                        (Some((id, name)), Some(user)) if *id == user => {
                            let field = ui.text_edit_singleline(name);
                            if field.lost_focus() {
                                let result = glossary.store().rename_deck(user, name);
                                self.message = result.err().map(|e| Err(e.to_string()));
                                self.renaming = None;
                                event = DecksEvent::DecksChanged;
                            }
                        }
                        _ => {
                            ui.label(deck_name(deck, i18n));
                        }
                    }
                    ui.label(deck.concepts.to_string());
                    ui.label(progress.due.to_string());
                    let percent = if progress.cards == 0 {
                        0.0
                    } else {
                        100.0 * f64::from(progress.mastered) / f64::from(progress.cards)
                    };
                    ui.label(format!("{percent:.0} %"));
                    ui.horizontal(|ui| {
                        if ui.small_button(i18n.t("decks-export")).clicked() {
                            let directions = match StudySettings::load(glossary.store()) {
                                Ok(settings) => settings.directions,
                                Err(error) => {
                                    self.message = Some(Err(error.to_string()));
                                    StudySettings::default().directions
                                }
                            };
                            self.export = Some(ExportPanel {
                                deck: deck.id.clone(),
                                format: Format::Csv,
                                progress: false,
                                path: default_export_path(&deck.id, Format::Csv),
                                directions,
                            });
                        }
                        if let Some(user) = user_id {
                            if ui.small_button(i18n.t("decks-rename")).clicked() {
                                self.renaming = Some((user, deck.name.clone()));
                            }
                            if ui.small_button(i18n.t("decks-delete")).clicked() {
                                match glossary.store().delete_deck(user) {
                                    Ok(()) => {
                                        self.message = Some(Ok(i18n.t_with(
                                            "decks-deleted",
                                            "name",
                                            deck.name.clone(),
                                        )));
                                        event = DecksEvent::DecksChanged;
                                    }
                                    Err(error) => self.message = Some(Err(error.to_string())),
                                }
                            }
                        }
                    });
                    ui.end_row();
                }
            });
        event
    }

    fn export_panel(
        &mut self,
        ui: &mut egui::Ui,
        glossary: &Glossary,
        i18n: &I18n,
        decks: &[Deck],
    ) {
        let Some(panel) = &mut self.export else {
            return;
        };
        let name = decks
            .iter()
            .find(|d| d.id == panel.deck)
            .map_or(panel.deck.clone(), |d| deck_name(d, i18n));
        ui.heading(i18n.t_with("export-title", "deck", name));
        let before = panel.format;
        ui.horizontal(|ui| {
            ui.label(i18n.t("export-format"));
            for format in Format::ALL {
                ui.selectable_value(
                    &mut panel.format,
                    format,
                    i18n.t(&format!("format-{}", format.name())),
                );
            }
        });
        if panel.format != before {
            panel.path = default_export_path(&panel.deck, panel.format);
        }
        match panel.format {
            Format::Csv | Format::Excel => {
                ui.checkbox(&mut panel.progress, i18n.t("export-progress"));
            }
            Format::Anki => anki_text_direction(ui, i18n, &mut panel.directions),
            Format::Apkg => {
                ui.label(i18n.t("export-apkg-directions"));
                direction_checkboxes(ui, "export-directions", &mut panel.directions);
            }
            Format::Tbx => {
                ui.weak(i18n.t("export-tbx-hint"));
            }
        }
        let ready = match panel.format {
            Format::Anki => panel.directions.first().is_some_and(|d| d.from != d.to),
            Format::Apkg => !panel.directions.is_empty(),
            Format::Csv | Format::Excel | Format::Tbx => true,
        };
        let mut write = false;
        ui.horizontal(|ui| {
            let label = ui.label(i18n.t("export-to"));
            ui.add(egui::TextEdit::singleline(&mut panel.path).desired_width(420.0))
                .labelled_by(label.id);
            if ui
                .add_enabled(ready, egui::Button::new(i18n.t("export-choose")))
                .clicked()
            {
                let suggested = PathBuf::from(&panel.path);
                let mut dialog = rfd::FileDialog::new();
                if let Some(name) = suggested.file_name() {
                    dialog = dialog.set_file_name(name.to_string_lossy());
                }
                if let Some(dir) = suggested.parent() {
                    dialog = dialog.set_directory(dir);
                }
                if let Some(chosen) = dialog.save_file() {
                    panel.path = chosen.display().to_string();
                    write = true;
                }
            }
            write |= ui
                .add_enabled(
                    ready,
                    egui::Button::new(RichText::new(i18n.t("export-save")).strong()),
                )
                .clicked();
        });
        if write {
            let path = PathBuf::from(panel.path.trim());
            let request = ExportRequest {
                deck: Some(panel.deck.clone()),
                format: panel.format,
                with_progress: panel.progress && panel.format.has_progress_columns(),
                directions: panel.directions.clone(),
            };
            let result = export::export_to_file(glossary.store(), &request, &path)
                .map_err(|e| e.to_string());
            self.message = Some(match result {
                Ok(count) => Ok(i18n.t_with(
                    "export-done",
                    "path",
                    format!("{count} → {}", path.display()),
                )),
                Err(error) => Err(i18n.t_with("export-failed", "error", error)),
            });
        }
    }

    /// Returns whether concepts were imported.
    fn import_panel(
        &mut self,
        ui: &mut egui::Ui,
        glossary: &Glossary,
        i18n: &I18n,
        decks: &[Deck],
    ) -> bool {
        let panel = &mut self.import;
        ui.heading(i18n.t("import-title"));
        ui.weak(i18n.t("import-hint"));
        let mut load = false;
        ui.horizontal(|ui| {
            let label = ui.label(i18n.t("import-file"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut panel.path).desired_width(420.0))
                .labelled_by(label.id);
            load |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(i18n.t("import-choose")).clicked()
                && let Some(path) = rfd::FileDialog::new()
                    .add_filter("CSV, TBX", &["csv", "txt", "tsv", "tbx", "xml"])
                    .pick_file()
            {
                panel.path = path.display().to_string();
                load = true;
            }
            load |= ui.button(i18n.t("import-preview")).clicked();
        });
        if load {
            panel.plan = None;
            panel.problems = None;
            match std::fs::read(panel.path.trim()) {
                Ok(bytes) => {
                    let source = if exchange::looks_like_xml(&bytes) {
                        tbx::read_tbx(&bytes).map(ImportSource::Tbx)
                    } else {
                        read::parse_table(&bytes).map(ImportSource::Table)
                    };
                    match source {
                        Ok(source) => {
                            if let ImportSource::Table(table) = &source {
                                panel.mapping = read::guess_mapping(&table.headers);
                            }
                            panel.source = Some(source);
                        }
                        Err(error) => {
                            panel.source = None;
                            panel.problems = Some(error.to_string());
                        }
                    }
                }
                Err(error) => {
                    panel.problems =
                        Some(i18n.t_with("import-unreadable", "error", error.to_string()))
                }
            }
            if panel.deck.is_empty() {
                panel.deck = PathBuf::from(panel.path.trim())
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default();
            }
        }
        let mut imported = false;
        if let Some(source) = &panel.source {
            let mut changed = false;
            match source {
                ImportSource::Table(table) => {
                    changed |= column_mapping(ui, i18n, table, &mut panel.mapping);
                }
                ImportSource::Tbx(concepts) => tbx_preview(ui, i18n, concepts),
            }
            ui.horizontal(|ui| {
                ui.label(i18n.t("import-duplicates"));
                for (policy, key) in [
                    (OnDuplicate::Update, "import-update"),
                    (OnDuplicate::Skip, "import-skip"),
                    (OnDuplicate::KeepBoth, "import-keep-both"),
                ] {
                    changed |= ui
                        .selectable_value(&mut panel.on_duplicate, policy, i18n.t(key))
                        .changed();
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label(i18n.t("import-deck"));
                ui.add(egui::TextEdit::singleline(&mut panel.deck).desired_width(220.0))
                    .labelled_by(label.id);
                if matches!(source, ImportSource::Table(_)) {
                    let domain = panel.domain.unwrap_or(Domain::Forwarding);
                    egui::ComboBox::from_id_salt("import-domain")
                        .selected_text(i18n.t(&format!("domain-{}", domain.id())))
                        .show_ui(ui, |ui| {
                            for option in Domain::ALL {
                                changed |= ui
                                    .selectable_value(
                                        &mut panel.domain,
                                        Some(option),
                                        i18n.t(&format!("domain-{}", option.id())),
                                    )
                                    .changed();
                            }
                        })
                        .response
                        .on_hover_text(i18n.t("import-domain"));
                }
            });
            if changed || (panel.plan.is_none() && panel.problems.is_none()) {
                let domain = panel.domain.unwrap_or(Domain::Forwarding);
                let concepts = match source {
                    ImportSource::Table(table) => {
                        read::concepts_from_table(table, &panel.mapping, domain)
                    }
                    ImportSource::Tbx(concepts) => Ok(concepts.clone()),
                };
                match concepts {
                    Ok(concepts) => {
                        panel.plan = Some(import::plan(glossary, concepts, panel.on_duplicate));
                        panel.problems = None;
                    }
                    Err(error) => {
                        panel.plan = None;
                        panel.problems = Some(error.to_string());
                    }
                }
            }
            if let Some(plan) = &panel.plan {
                ui.label(plan_summary(plan, i18n));
                let deck = panel.deck.trim();
                let name_taken_by_builtin = decks.iter().any(|d| d.builtin && d.name == deck);
                if ui
                    .add_enabled(
                        !name_taken_by_builtin,
                        egui::Button::new(RichText::new(i18n.t("import-go")).strong()),
                    )
                    .clicked()
                {
                    let target = (!deck.is_empty()).then_some(deck);
                    match import::apply(glossary, plan, target) {
                        Ok(backup) => {
                            let mut message =
                                i18n.t_with("import-done", "summary", plan_summary(plan, i18n));
                            if let Some(backup) = backup {
                                message.push(' ');
                                message.push_str(&i18n.t_with(
                                    "import-backed-up",
                                    "name",
                                    backup.name(),
                                ));
                            }
                            self.message = Some(Ok(message));
                            imported = true;
                        }
                        Err(error) => self.message = Some(Err(error.to_string())),
                    }
                }
            }
        }
        if let Some(problems) = &self.import.problems {
            let shown: Vec<&str> = problems.lines().take(20).collect();
            ui.colored_label(ui.visuals().error_fg_color, shown.join("\n"));
        }
        if imported {
            self.import = ImportPanel::default();
        }
        imported
    }
}

/// The first rows of a table with a combo above each column saying which field it fills;
/// returns whether the user changed a column's field.
fn column_mapping(
    ui: &mut egui::Ui,
    i18n: &I18n,
    table: &Table,
    mapping: &mut [Option<Field>],
) -> bool {
    let mut changed = false;
    egui::ScrollArea::horizontal()
        .id_salt("import-preview")
        .show(ui, |ui| {
            egui::Grid::new("import-grid").striped(true).show(ui, |ui| {
                for (column, header) in table.headers.iter().enumerate() {
                    let current = mapping[column];
                    let text = current.map_or(i18n.t("import-ignore"), |f| f.name().to_string());
                    egui::ComboBox::from_id_salt(("map", column))
                        .selected_text(text)
                        .show_ui(ui, |ui| {
                            changed |= ui
                                .selectable_value(
                                    &mut mapping[column],
                                    None,
                                    i18n.t("import-ignore"),
                                )
                                .changed();
                            for field in Field::EXPORTED {
                                changed |= ui
                                    .selectable_value(
                                        &mut mapping[column],
                                        Some(field),
                                        field.name(),
                                    )
                                    .changed();
                            }
                        })
                        .response
                        .on_hover_text(header);
                }
                ui.end_row();
                for header in &table.headers {
                    ui.label(RichText::new(header).strong());
                }
                ui.end_row();
                for (_, cells) in table.rows.iter().take(5) {
                    for cell in cells {
                        ui.label(cell.chars().take(40).collect::<String>());
                    }
                    ui.end_row();
                }
            });
        });
    ui.label(i18n.t_with("import-rows", "n", table.rows.len()));
    changed
}

/// The first concepts of a TBX file, a row each with its four preferred terms.
fn tbx_preview(ui: &mut egui::Ui, i18n: &I18n, concepts: &[Concept]) {
    egui::Grid::new("import-tbx-grid")
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("id").strong());
            for lang in Lang::ALL {
                ui.label(RichText::new(i18n.t(&format!("lang-{}", lang.code()))).strong());
            }
            ui.end_row();
            for concept in concepts.iter().take(5) {
                ui.label(&concept.id);
                for lang in Lang::ALL {
                    ui.label(concept.preferred(lang));
                }
                ui.end_row();
            }
        });
    ui.label(i18n.t_with("import-concepts", "n", concepts.len()));
}

/// What an import will do, in the interface language.
fn plan_summary(plan: &ImportPlan, i18n: &I18n) -> String {
    i18n.t_args(
        "import-summary",
        &[
            ("added", plan.added.into()),
            ("updated", plan.updated.len().into()),
            ("skipped", plan.skipped.len().into()),
            ("renamed", plan.renamed.len().into()),
        ],
    )
}

/// The Anki text file's direction: the language on the front and the one answered first on
/// the back (Anki adds the reverse card itself). Keeps the chosen one first in `directions`.
fn anki_text_direction(ui: &mut egui::Ui, i18n: &I18n, directions: &mut Vec<Direction>) {
    let mut direction = directions
        .first()
        .copied()
        .unwrap_or(Direction::new(Lang::Ru, Lang::Zh));
    ui.horizontal(|ui| {
        language_combo(ui, i18n, "export-front", "anki-front", &mut direction.from);
        language_combo(ui, i18n, "export-back", "anki-back", &mut direction.to);
    });
    if direction.from == direction.to {
        ui.colored_label(ui.visuals().warn_fg_color, i18n.t("export-same-language"));
    }
    if directions.first() != Some(&direction) {
        directions.retain(|&d| d != direction);
        directions.insert(0, direction);
    }
}

/// A labelled choice of one of the four languages.
fn language_combo(ui: &mut egui::Ui, i18n: &I18n, label_key: &str, id: &str, lang: &mut Lang) {
    let label = ui.label(i18n.t(label_key));
    egui::ComboBox::from_id_salt(id)
        .selected_text(i18n.t(&format!("lang-{}", lang.code())))
        .show_ui(ui, |ui| {
            for choice in Lang::ALL {
                ui.selectable_value(lang, choice, i18n.t(&format!("lang-{}", choice.code())));
            }
        })
        .response
        .labelled_by(label.id);
}
