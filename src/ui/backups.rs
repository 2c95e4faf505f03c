//! Backups in the window: one when the window opens and one every 30 minutes of use (on a
//! thread, so a large store never stalls a frame), the Settings section that lists and
//! restores them, and the notice shown when the data file was found damaged at start.

use crate::glossary::Glossary;
use crate::i18n::I18n;
use crate::store::StoreError;
use crate::store::backup::{self, Backup};
use chrono::{DateTime, Local, Utc};
use egui::RichText;
use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How much use passes between automatic backups.
pub const BACKUP_EVERY: Duration = Duration::from_secs(30 * 60);

/// What Keruen found at start: the damaged data file it moved aside, and the newest good
/// backup it can offer.
#[derive(Debug, Clone)]
pub struct DamageNotice {
    /// Where the damaged file was moved.
    pub moved_to: PathBuf,
    /// What SQLite found wrong with it.
    pub problem: String,
    /// The newest backup that passed its check, if any.
    pub backup: Option<Backup>,
}

/// Whether the store's content was replaced this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupsEvent {
    /// Nothing changed.
    None,
    /// A backup was restored: everything read from the store must be read again.
    Restored,
}

/// What the window remembers about backups.
#[derive(Default)]
pub struct BackupsState {
    notice: Option<DamageNotice>,
    last_started: Option<Instant>,
    job: Option<JoinHandle<Result<Backup, StoreError>>>,
    /// The backups with their sizes in bytes, read once and again after a change.
    listed: Option<Vec<(Backup, u64)>>,
    confirm: Option<Backup>,
    message: Option<Result<String, String>>,
}

/// A backup's time in the computer's time zone.
fn local_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

impl BackupsState {
    /// Starts with the notice about a damaged data file.
    pub fn with_notice(notice: DamageNotice) -> BackupsState {
        BackupsState {
            notice: Some(notice),
            ..BackupsState::default()
        }
    }

    /// Starts a backup on a thread when none was started in this run yet or the last one
    /// is [`BACKUP_EVERY`] old, and collects a finished one. Does nothing for a store that
    /// lives in memory.
    pub fn tick(&mut self, glossary: &Glossary) {
        if self.job.as_ref().is_some_and(JoinHandle::is_finished) {
            let outcome = self.job.take().map(JoinHandle::join);
            if let Some(Ok(Err(error))) = outcome {
                self.message = Some(Err(error.to_string()));
            }
            self.listed = None;
        }
        let due = self
            .last_started
            .is_none_or(|started| started.elapsed() >= BACKUP_EVERY);
        let store = glossary.store();
        if !due || self.job.is_some() {
            return;
        }
        let (Some(path), Some(data_dir)) = (store.path(), store.data_dir()) else {
            return;
        };
        let (path, data_dir) = (path.to_path_buf(), data_dir.to_path_buf());
        self.last_started = Some(Instant::now());
        self.job = Some(std::thread::spawn(move || {
            backup::back_up_file(&path, &data_dir, Utc::now())
        }));
    }

    /// The bar that tells about a damaged data file and offers the newest good backup.
    pub fn notice_bar(
        &mut self,
        ui: &mut egui::Ui,
        glossary: &mut Glossary,
        i18n: &I18n,
    ) -> BackupsEvent {
        let Some(notice) = self.notice.clone() else {
            return BackupsEvent::None;
        };
        let mut event = BackupsEvent::None;
        egui::Panel::top("damage-notice").show(ui, |ui| {
            ui.add_space(4.0);
            ui.colored_label(
                ui.visuals().warn_fg_color,
                i18n.t_args(
                    "damaged-notice",
                    &[
                        ("path", notice.moved_to.display().to_string().into()),
                        ("problem", notice.problem.clone().into()),
                    ],
                ),
            );
            ui.horizontal(|ui| {
                match &notice.backup {
                    Some(backup) => {
                        let label =
                            i18n.t_with("damaged-restore", "date", local_time(backup.taken_at));
                        if ui.button(RichText::new(label).strong()).clicked() {
                            event = self.restore(glossary, backup, i18n);
                            if event == BackupsEvent::Restored {
                                self.notice = None;
                            }
                        }
                    }
                    None => {
                        ui.label(i18n.t("damaged-no-backup"));
                    }
                }
                if ui.button(i18n.t("damaged-dismiss")).clicked() {
                    self.notice = None;
                }
            });
            ui.add_space(4.0);
        });
        event
    }

    /// The Backups part of Settings: where they are, "Back up now", and each backup with
    /// "Restore…", which asks before it replaces anything.
    pub fn settings_section(
        &mut self,
        ui: &mut egui::Ui,
        glossary: &mut Glossary,
        i18n: &I18n,
    ) -> BackupsEvent {
        ui.heading(i18n.t("backups-title"));
        let Some(data_dir) = glossary.store().data_dir().map(backup::backup_dir) else {
            ui.weak(i18n.t("backups-in-memory"));
            return BackupsEvent::None;
        };
        ui.weak(i18n.t_with("backups-folder", "path", data_dir.display().to_string()));
        let mut event = BackupsEvent::None;
        if ui.button(i18n.t("backups-now")).clicked() {
            self.message = Some(match glossary.store().back_up(Utc::now()) {
                Ok(Some(made)) => Ok(i18n.t_with("backups-made", "name", made.name())),
                Ok(None) => Err(i18n.t("backups-in-memory")),
                Err(error) => Err(error.to_string()),
            });
            self.listed = None;
        }
        if self.listed.is_none() {
            let listed = glossary
                .store()
                .data_dir()
                .map(backup::list_backups)
                .transpose();
            match listed {
                Ok(list) => {
                    let sized = list
                        .unwrap_or_default()
                        .into_iter()
                        .map(|backup| {
                            let size = std::fs::metadata(&backup.path).map_or(0, |m| m.len());
                            (backup, size)
                        })
                        .collect();
                    self.listed = Some(sized);
                }
                Err(error) => {
                    self.listed = Some(Vec::new());
                    self.message = Some(Err(error.to_string()));
                }
            }
        }
        let listed = self.listed.clone().unwrap_or_default();
        if listed.is_empty() {
            ui.label(i18n.t("backups-none"));
        }
        egui::Grid::new("backups-grid")
            .striped(true)
            .show(ui, |ui| {
                for (backup, size) in &listed {
                    ui.label(local_time(backup.taken_at));
                    ui.label(format!("{:.1} MB", *size as f64 / 1e6));
                    if ui.small_button(i18n.t("backups-restore")).clicked() {
                        self.confirm = Some(backup.clone());
                    }
                    ui.end_row();
                }
            });
        if let Some(chosen) = self.confirm.clone() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                i18n.t_with("backups-confirm", "date", local_time(chosen.taken_at)),
            );
            ui.horizontal(|ui| {
                if ui
                    .button(RichText::new(i18n.t("backups-confirm-yes")).strong())
                    .clicked()
                {
                    event = self.restore(glossary, &chosen, i18n);
                    self.confirm = None;
                }
                if ui.button(i18n.t("backups-cancel")).clicked() {
                    self.confirm = None;
                }
            });
        }
        match &self.message {
            Some(Ok(text)) => {
                ui.label(text);
            }
            Some(Err(text)) => {
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
            None => {}
        }
        event
    }

    /// Restores `chosen` into the live store (backing up the current content first) and
    /// reads the concepts again.
    fn restore(&mut self, glossary: &mut Glossary, chosen: &Backup, i18n: &I18n) -> BackupsEvent {
        let outcome = glossary
            .store_mut()
            .restore_from(&chosen.path, Utc::now())
            .and_then(|safety| glossary.reload().map(|()| safety));
        self.listed = None;
        match outcome {
            Ok(safety) => {
                let safety = safety.map(|b| b.name()).unwrap_or_default();
                self.message = Some(Ok(i18n.t_args(
                    "backups-restored",
                    &[
                        ("date", local_time(chosen.taken_at).into()),
                        ("safety", safety.into()),
                    ],
                )));
                BackupsEvent::Restored
            }
            Err(error) => {
                self.message = Some(Err(i18n.t_with(
                    "backups-failed",
                    "error",
                    error.to_string(),
                )));
                BackupsEvent::None
            }
        }
    }
}
