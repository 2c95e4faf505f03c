//! The `keruen` binary: parses the command line, then opens the window or runs one
//! headless command. Exit status: 0 success, 2 bad usage, 1 any other error.

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use keruen::exchange::export::{ExportRequest, Format};
use keruen::exchange::import::OnDuplicate;
use keruen::glossary::Glossary;
use keruen::model::{Domain, Lang};
use keruen::prefs::Prefs;
use keruen::store::backup;
use keruen::store::{Store, StoreError};
use keruen::study::Study;
use keruen::study::card::Direction;
use keruen::study::clock::SystemClock;
use keruen::study::settings::StudySettings;
use keruen::ui::backups::DamageNotice;
use keruen::ui::{self, Screen, ScreenshotRequest, StartOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Keruen — a Kazakh · Russian · Chinese · English glossary and flashcards for logistics.
#[derive(Debug, Parser)]
#[command(name = "keruen", version, about)]
struct Cli {
    /// Keep user data in DIR instead of the platform's data folder.
    #[arg(long, global = true, value_name = "DIR", env = "KERUEN_DATA_DIR")]
    data_dir: Option<PathBuf>,

    /// Render one screen in a real window, save it as PNG to FILE, and exit.
    #[arg(long, value_name = "FILE")]
    screenshot: Option<PathBuf>,

    /// The screen to show first: lookup, study, progress or settings.
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(Screen::NAMES))]
    view: Option<String>,

    /// Text to type into the search box at start.
    #[arg(long, value_name = "Q")]
    query: Option<String>,

    /// Interface language for this run: kk, ru, zh or en.
    #[arg(long, value_name = "LANG", value_parser = clap::builder::PossibleValuesParser::new(["kk", "ru", "zh", "en"]))]
    ui_lang: Option<String>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Look a term up in any language or in pinyin; best matches first.
    Lookup {
        /// What to look for.
        query: String,
        /// How many matches to show at most.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print a JSON array instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the built-in and user decks with their sizes.
    Decks {
        /// Print a JSON array instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the cards a study session would show now.
    Due {
        /// Print a JSON array instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Grade one card, as the study screen does.
    Answer {
        /// The card, as `keruen due` names it (e.g. container-train:ru-zh).
        card: String,
        /// again, hard, good or easy (or 1–4).
        rating: String,
        /// Print the new schedule as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export a deck (or every concept) to a file other programs open.
    Export {
        /// The deck to export (as `keruen decks` lists them); every concept when left out.
        #[arg(long)]
        deck: Option<String>,
        /// csv (RFC 4180, UTF-8), excel (CSV with a byte-order mark, formulas neutralised),
        /// anki (a text file Anki imports as it is), apkg (an Anki package) or tbx (TBX-Basic).
        #[arg(long, default_value = "csv", value_parser = clap::builder::PossibleValuesParser::new(Format::ALL.map(Format::name)))]
        format: String,
        /// For anki and apkg: the card direction, e.g. ru-zh asks in Russian for the Chinese.
        /// Repeat it for more apkg card types. Default: the directions you study.
        #[arg(long, value_name = "A-B")]
        direction: Vec<String>,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Add due date, stability and review count columns.
        #[arg(long)]
        progress: bool,
    },
    /// Import concepts from a CSV or TBX file, all or nothing.
    Import {
        /// The file to import.
        file: PathBuf,
        /// Put the imported concepts into this deck of yours (created when missing).
        #[arg(long, value_name = "NAME")]
        deck: Option<String>,
        /// Check the file and say what would happen, changing nothing.
        #[arg(long)]
        dry_run: bool,
        /// What to do with a concept that exists already (same id or same term).
        #[arg(long, default_value = "update", value_parser = ["update", "skip", "keep-both"])]
        on_duplicate: String,
        /// The domain of rows that name none.
        #[arg(long, default_value = "forwarding")]
        domain: String,
    },
    /// Restore your data from a backup (the newest good one unless you name one); your
    /// current data is backed up first.
    Restore {
        /// A backup's file name (as --list shows) or path.
        backup: Option<PathBuf>,
        /// List the backups, newest first, instead of restoring.
        #[arg(long)]
        list: bool,
    },
    /// Show study progress: answers today, streak, due cards, retention, card states.
    Stats {
        /// Print a JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("keruen: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// Opens the store in `dir`, with the full damage check unless the command only reads
/// (`read_only`), which gets the cheap header check. A damaged store file has been moved aside by then: fresh
/// data is opened instead, and what happened comes back with the newest good backup.
fn open_store(dir: &Path, read_only: bool) -> anyhow::Result<(Store, Option<DamageNotice>)> {
    let opened = |result: Result<Store, StoreError>| {
        result.with_context(|| format!("cannot open the data in {}", dir.display()))
    };
    let first = if read_only {
        Store::open_for_reading(dir)
    } else {
        Store::open(dir)
    };
    match first {
        Err(StoreError::Damaged { moved_to, problem }) => {
            let backup = backup::newest_good_backup(dir)?;
            let store = opened(Store::open(dir))?;
            let notice = DamageNotice {
                moved_to,
                problem,
                backup,
            };
            Ok((store, Some(notice)))
        }
        result => Ok((opened(result)?, None)),
    }
}

/// What a command says when the data file was found damaged at its start.
fn damage_message(notice: &DamageNotice) -> String {
    let offer = match &notice.backup {
        Some(backup) => format!(
            "run `keruen restore` to bring back the backup of {} ({})",
            backup
                .taken_at
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M"),
            backup.name()
        ),
        None => "there is no backup to restore, so Keruen continues with fresh data".into(),
    };
    format!(
        "your data file was damaged ({}); it has been moved to {} so that nothing in it is lost; {offer}",
        notice.problem,
        notice.moved_to.display()
    )
}

/// Studying with the stored settings and the computer's clock.
fn study(glossary: &Glossary) -> anyhow::Result<Study> {
    let settings = StudySettings::load(glossary.store())?;
    Ok(Study::new(settings, Arc::new(SystemClock)))
}

/// `keruen export`: reads the concepts from the store as it writes them, without loading
/// the whole glossary first.
fn export(
    store: &Store,
    deck: Option<String>,
    format: &str,
    direction: &[String],
    path: Option<PathBuf>,
    with_progress: bool,
    out: &mut impl std::io::Write,
) -> anyhow::Result<()> {
    let format = Format::from_name(format).expect("clap checked the name");
    let directions = if direction.is_empty() {
        StudySettings::load(store)?.directions
    } else {
        direction
            .iter()
            .map(|d| d.parse::<Direction>())
            .collect::<Result<_, _>>()?
    };
    let request = ExportRequest {
        deck,
        format,
        with_progress,
        directions,
    };
    keruen::cli::export(store, &request, path.as_deref(), out)
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let dir = keruen::paths::data_dir(cli.data_dir)?;
    let read_only = matches!(
        cli.command,
        Some(
            Command::Lookup { .. }
                | Command::Decks { .. }
                | Command::Due { .. }
                | Command::Stats { .. }
                | Command::Export { .. }
        )
    );
    let (store, damage) = open_store(&dir, read_only)?;
    let mut out = std::io::stdout().lock();
    match (&damage, &cli.command) {
        (Some(notice), None | Some(Command::Restore { .. })) => {
            eprintln!("keruen: {}", damage_message(notice));
        }
        (Some(notice), Some(_)) => bail!(damage_message(notice)),
        (None, _) => {}
    }
    if let Some(Command::Export {
        deck,
        format,
        direction,
        out: path,
        progress,
    }) = cli.command
    {
        return export(&store, deck, &format, &direction, path, progress, &mut out);
    }
    let mut glossary = Glossary::load(store)?;
    match cli.command {
        Some(Command::Lookup { query, limit, json }) => {
            keruen::cli::lookup(&glossary, &query, limit, json, &mut out)
        }
        Some(Command::Decks { json }) => keruen::cli::decks(&glossary, json, &mut out),
        Some(Command::Due { json }) => {
            keruen::cli::due(&glossary, &study(&glossary)?, json, &mut out)
        }
        Some(Command::Answer { card, rating, json }) => keruen::cli::answer(
            &glossary,
            &study(&glossary)?,
            &card,
            &rating,
            json,
            &mut out,
        ),
        Some(Command::Export { .. }) => unreachable!("export runs before the glossary loads"),
        Some(Command::Import {
            file,
            deck,
            dry_run,
            on_duplicate,
            domain,
        }) => {
            let domain: Domain = domain.parse()?;
            let on_duplicate: OnDuplicate = on_duplicate.parse().map_err(anyhow::Error::msg)?;
            keruen::cli::import(
                &glossary,
                &file,
                deck.as_deref(),
                dry_run,
                on_duplicate,
                domain,
                &mut out,
            )
        }
        Some(Command::Stats { json }) => {
            keruen::cli::stats(&glossary, &study(&glossary)?, json, &mut out)
        }
        Some(Command::Restore { backup, list }) => keruen::cli::restore(
            glossary.store_mut(),
            &dir,
            backup.as_deref(),
            list,
            &mut out,
        ),
        None => open_window(
            glossary,
            cli.screenshot,
            cli.view,
            cli.query,
            cli.ui_lang,
            damage,
        ),
    }
}

fn open_window(
    glossary: Glossary,
    screenshot: Option<PathBuf>,
    view: Option<String>,
    query: Option<String>,
    ui_lang: Option<String>,
    damage: Option<DamageNotice>,
) -> anyhow::Result<()> {
    let mut prefs = Prefs::load(glossary.store())?;
    if let Some(lang) = ui_lang {
        prefs.ui_lang = lang.parse::<Lang>()?;
    }
    let screen = view.as_deref().and_then(Screen::from_name);
    let request = screenshot.map(|path| ScreenshotRequest::new(path, [1280.0, 800.0]));
    let start = StartOptions {
        screen,
        query,
        screenshot: request.clone(),
        damage,
    };
    ui::run(glossary, prefs, start).map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    if let Some(request) = request {
        match request.outcome() {
            Some(Ok(())) => {}
            Some(Err(error)) => bail!("the screenshot failed: {error}"),
            None => bail!("the window closed before the screenshot was taken"),
        }
    }
    Ok(())
}
