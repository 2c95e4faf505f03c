//! The Study and Progress screens driven through egui_kittest: first start to a finished
//! session with the keyboard only, undo, typed answers, and the progress charts.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use keruen::glossary::Glossary;
use keruen::prefs::Prefs;
use keruen::store::Store;
use keruen::study::clock::ManualClock;
use keruen::study::settings::StudySettings;
use keruen::ui::{KeruenApp, Screen, prepare_context};
use std::sync::Arc;

fn harness_with(settings: Option<StudySettings>) -> Harness<'static, KeruenApp> {
    let glossary = Glossary::load(Store::open_in_memory().unwrap()).unwrap();
    if let Some(settings) = settings {
        settings.save(glossary.store()).unwrap();
    }
    let clock = Arc::new(ManualClock::almaty(2026, 3, 2, 9, 0));
    let app = KeruenApp::new(glossary, Prefs::default())
        .with_clock(clock)
        .with_screen(Screen::Study);
    let mut harness = Harness::builder()
        .with_size([1200.0, 800.0])
        .with_context_setup(prepare_context)
        .build_ui_state(|ui, app: &mut KeruenApp| app.show(ui), app);
    harness.run();
    harness
}

fn press(harness: &mut Harness<'static, KeruenApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn a_new_user_goes_from_first_start_to_a_finished_session_by_keyboard() {
    let mut harness = harness_with(None);
    assert!(
        harness.query_by_label("Welcome to Keruen").is_some(),
        "first-start questions"
    );
    assert!(harness.state().study_card().is_none());
    press(&mut harness, Key::Enter);
    assert!(
        harness.state().study_settings().onboarded,
        "Enter started studying"
    );
    assert_eq!(
        harness.state().study_settings().directions.len(),
        2,
        "knows Russian, learns Chinese: ru→zh and zh→ru"
    );
    let first = harness.state().study_card().expect("a card to study");
    assert!(first.ends_with(":ru-zh"), "{first}");
    assert!(harness.query_by_label("Show answer").is_some());

    let mut answered = 0;
    while harness.state().study_card().is_some() {
        press(&mut harness, Key::Space);
        assert!(harness.state().answer_revealed(), "Space shows the answer");
        assert!(
            harness.query_by_label_contains("Easy").is_some(),
            "grade buttons"
        );
        press(&mut harness, Key::Num4);
        answered += 1;
        assert!(
            answered <= 20,
            "the daily limit of 20 new cards ends the session"
        );
    }
    assert_eq!(answered, 20);
    assert_eq!(harness.state().session_answers(), 20);
    assert!(harness.query_by_label("Session complete").is_some());
    assert!(harness.query_by_label("Cards answered").is_some());
    let log = harness.state().glossary().store().reviews_since(0).unwrap();
    assert_eq!(log.len(), 20, "every answer is in the store");
}

fn onboarded() -> StudySettings {
    StudySettings {
        onboarded: true,
        ..StudySettings::default()
    }
}

#[test]
fn ctrl_z_undoes_the_last_answer() {
    let mut harness = harness_with(Some(onboarded()));
    let first = harness.state().study_card().unwrap();
    press(&mut harness, Key::Space);
    press(&mut harness, Key::Num3);
    assert_ne!(harness.state().study_card().unwrap(), first);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().study_card().unwrap(),
        first,
        "the undone card is back"
    );
    assert!(!harness.state().answer_revealed());
    assert_eq!(harness.state().session_answers(), 0);
    let store = harness.state().glossary().store();
    assert_eq!(
        store.review_log_len().unwrap(),
        1,
        "the log keeps the undone answer"
    );
    assert!(
        store.reviews_since(0).unwrap().is_empty(),
        "but it no longer counts"
    );
}

#[test]
fn a_typed_pinyin_answer_without_tones_is_a_tone_error_and_suggests_hard() {
    let mut harness = harness_with(Some(StudySettings {
        typed_answers: true,
        ..onboarded()
    }));
    let card = harness.state().study_card().unwrap();
    let concept_id = card.split(':').next().unwrap().to_string();
    let pinyin = harness
        .state()
        .glossary()
        .concept_by_id(&concept_id)
        .unwrap()
        .pinyin()
        .to_string();
    let toneless = keruen::termbase::validate::strip_tones(&pinyin.to_lowercase());
    assert_ne!(toneless, pinyin.to_lowercase(), "the answer carries tones");
    harness.get_by_role(Role::TextInput).type_text(&toneless);
    harness.run();
    press(&mut harness, Key::Enter);
    assert!(harness.state().answer_revealed());
    assert!(
        harness.query_by_label_contains("wrong tone").is_some(),
        "the tone error is named apart from a wrong syllable"
    );
    press(&mut harness, Key::Enter);
    let log = harness.state().glossary().store().reviews_since(0).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].rating, keruen::study::card::Rating::Hard);
}

#[test]
fn the_progress_screen_charts_todays_answers() {
    let mut harness = harness_with(Some(onboarded()));
    for _ in 0..3 {
        press(&mut harness, Key::Space);
        press(&mut harness, Key::Num3);
    }
    harness.get_by_label("Progress").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Progress);
    for title in [
        "Answers over the last year",
        "True retention, last 30 days",
        "Due in the next 30 days",
        "Cards by state",
        "Mastery by domain",
        "Mastery by direction",
    ] {
        assert!(harness.query_by_label(title).is_some(), "{title}");
    }
    assert!(harness.query_by_label("answers today").is_some());
    assert!(harness.query_by_label("3").is_some(), "three answers today");
    assert!(
        harness.query_by_label("Learning 3").is_some(),
        "three cards in learning"
    );
}
