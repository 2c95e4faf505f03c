//! Adding, editing and reverting concepts in the window, and adding them to decks.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use keruen::glossary::Glossary;
use keruen::model::Origin;
use keruen::prefs::Prefs;
use keruen::store::Store;
use keruen::ui::{KeruenApp, prepare_context};

fn harness() -> Harness<'static, KeruenApp> {
    let glossary = Glossary::load(Store::open_in_memory().unwrap()).unwrap();
    glossary.store().create_deck("Khorgos").unwrap();
    let app = KeruenApp::new(glossary, Prefs::default());
    let mut harness = Harness::builder()
        .with_size([1400.0, 1000.0])
        .with_context_setup(prepare_context)
        .build_ui_state(|ui, app: &mut KeruenApp| app.show(ui), app);
    harness.run();
    harness
}

/// Clicks the field named `label` and types `text` at its end.
fn type_into(harness: &mut Harness<'static, KeruenApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn search(harness: &mut Harness<'static, KeruenApp>, text: &str) {
    harness.get_by_role(Role::TextInput).type_text(text);
    harness.run();
}

#[test]
fn a_new_concept_gets_suggested_pinyin_is_checked_and_is_then_found() {
    let mut harness = harness();
    search(&mut harness, "пломба");
    harness.get_by_label("+ New concept").click();
    harness.run();
    assert!(
        harness.query_by_label("New concept").is_some(),
        "the editor opened"
    );
    harness.get_by_label("Save").click();
    harness.run();
    for node in harness.query_all_by_role(Role::Label) {
        eprintln!(
            "NODE {}",
            format!("{node:?}").chars().take(200).collect::<String>()
        );
    }
    assert!(
        harness
            .query_by_label("Give the term in at least two languages.")
            .is_some(),
        "the query was put in the Russian field, but one language is not enough"
    );
    type_into(&mut harness, "Chinese", "铅封");
    type_into(&mut harness, "English", "seal");
    harness.get_by_label("Save").click();
    harness.run();
    assert!(
        harness.query_by_label("New concept").is_none(),
        "saved and closed"
    );
    let glossary = harness.state().glossary();
    let seal = glossary
        .concept_by_id("seal")
        .expect("saved under its English slug");
    assert_eq!(
        seal.pinyin(),
        "qiānfēng",
        "pinyin suggested from the characters"
    );
    assert_eq!(seal.preferred(keruen::model::Lang::Ru), "пломба");
    assert_eq!(
        harness.state().opened_concept(),
        Some("seal"),
        "the card shows it"
    );
}

#[test]
fn a_bad_pinyin_is_refused_with_a_clear_message() {
    let mut harness = harness();
    harness.get_by_label("+ New concept").click();
    harness.run();
    type_into(&mut harness, "Chinese", "铅封");
    type_into(&mut harness, "Pinyin", "x");
    type_into(&mut harness, "English", "seal");
    harness.get_by_label("Save").click();
    harness.run();
    assert!(harness.query_by_label("New concept").is_some(), "not saved");
    assert!(harness.state().glossary().concept_by_id("seal").is_none());
}

#[test]
fn editing_a_built_in_concept_keeps_it_apart_and_can_be_reverted() {
    let mut harness = harness();
    search(&mut harness, "коносамент");
    assert_eq!(harness.state().opened_concept(), Some("bill-of-lading"));
    harness.get_by_label("Edit").click();
    harness.run();
    type_into(&mut harness, "English", " (ocean)");
    harness.get_by_label("Save").click();
    harness.run();
    let edited = harness
        .state()
        .glossary()
        .concept_by_id("bill-of-lading")
        .unwrap();
    assert_eq!(edited.origin, Origin::User);
    assert_eq!(
        edited.preferred(keruen::model::Lang::En),
        "bill of lading (ocean)"
    );
    assert!(harness.query_by_label("Your edited version").is_some());

    harness.get_by_label("Back to the built-in version").click();
    harness.run();
    let back = harness
        .state()
        .glossary()
        .concept_by_id("bill-of-lading")
        .unwrap();
    assert_eq!(back.origin, Origin::Bundled);
    assert_eq!(back.preferred(keruen::model::Lang::En), "bill of lading");
}

#[test]
fn a_concept_and_all_results_go_into_a_deck() {
    let mut harness = harness();
    search(&mut harness, "container");
    let results = harness.state().result_count();
    harness.get_by_label("Add all to deck").click();
    harness.run();
    harness.get_by_label("Khorgos").click();
    harness.run();
    let decks = harness.state().glossary().store().user_decks().unwrap();
    assert_eq!(decks[0].concepts, results, "every result went in");
}
