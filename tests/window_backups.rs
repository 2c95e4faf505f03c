//! Backups in the window through egui_kittest: "Back up now" and a confirmed restore in
//! Settings, and the notice that offers the newest good backup after a damaged start.

mod common;

use chrono::Utc;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use keruen::glossary::Glossary;
use keruen::prefs::Prefs;
use keruen::store::Store;
use keruen::ui::backups::DamageNotice;
use keruen::ui::{KeruenApp, Screen, prepare_context};
use std::path::Path;

fn harness(app: KeruenApp) -> Harness<'static, KeruenApp> {
    let mut harness = Harness::builder()
        .with_size([1200.0, 3200.0])
        .with_context_setup(prepare_context)
        .build_ui_state(|ui, app: &mut KeruenApp| app.show(ui), app);
    harness.run();
    harness
}

fn app_on(dir: &Path) -> KeruenApp {
    KeruenApp::new(
        Glossary::load(Store::open(dir).unwrap()).unwrap(),
        Prefs::default(),
    )
}

fn user_deck_names(harness: &Harness<'static, KeruenApp>) -> Vec<String> {
    let store = harness.state().glossary().store();
    store
        .user_decks()
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect()
}

#[test]
fn settings_backs_up_now_and_restores_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    common::simulate_history(dir.path(), 2);
    let mut harness = harness(app_on(dir.path()).with_screen(Screen::Settings));
    harness.get_by_label("Back up now").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Backed up as keruen-")
            .is_some()
    );

    harness
        .state()
        .glossary()
        .store()
        .create_deck("Made after the backup")
        .unwrap();
    assert_eq!(user_deck_names(&harness), ["Made after the backup"]);
    harness
        .get_all_by_label("Restore…")
        .next()
        .expect("the backup is listed")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Your current data is backed up first")
            .is_some(),
        "a restore asks first"
    );
    harness.get_by_label("Restore").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Restored the backup of")
            .is_some()
    );
    assert!(
        user_deck_names(&harness).is_empty(),
        "the deck made after the backup is gone from the live store"
    );
}

#[test]
fn a_damaged_start_offers_the_newest_good_backup() {
    let studied = tempfile::tempdir().unwrap();
    common::simulate_history(studied.path(), 2);
    let store = Store::open(studied.path()).unwrap();
    let answers = store.review_log_len().unwrap();
    let backup = store.back_up(Utc::now()).unwrap().unwrap();
    drop(store);

    let fresh = tempfile::tempdir().unwrap();
    let notice = DamageNotice {
        moved_to: fresh
            .path()
            .join("keruen.sqlite3.damaged-20261128-101500000"),
        problem: "file is not a database".into(),
        backup: Some(backup),
    };
    let mut harness = harness(app_on(fresh.path()).with_damage_notice(notice));
    assert!(
        harness
            .query_by_label_contains("Your data file was damaged (file is not a database)")
            .is_some()
    );
    harness
        .query_by_label_contains("Restore the backup of")
        .expect("the backup is offered")
        .click();
    harness.run();
    assert_eq!(
        harness.state().glossary().store().review_log_len().unwrap(),
        answers,
        "every answer of the backup is back"
    );
    assert!(
        harness
            .query_by_label_contains("Your data file was damaged")
            .is_none(),
        "the notice is gone once restored"
    );
}
