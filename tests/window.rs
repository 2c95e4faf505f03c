//! The window driven through egui_kittest: typing, opening a concept, keyboard, language.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use keruen::glossary::Glossary;
use keruen::prefs::Prefs;
use keruen::store::Store;
use keruen::ui::{KeruenApp, Screen, prepare_context};

fn harness(prefs: Prefs) -> Harness<'static, KeruenApp> {
    let glossary = Glossary::load(Store::open_in_memory().unwrap()).unwrap();
    let app = KeruenApp::new(glossary, prefs);
    Harness::builder()
        .with_size([1200.0, 760.0])
        .with_context_setup(prepare_context)
        .build_ui_state(|ui, app: &mut KeruenApp| app.show(ui), app)
}

fn type_query(harness: &mut Harness<'static, KeruenApp>, text: &str) {
    harness.get_by_role(Role::TextInput).type_text(text);
    harness.run();
}

#[test]
fn typing_a_query_shows_its_concept_in_all_four_languages() {
    let mut harness = harness(Prefs::default());
    type_query(&mut harness, "контейнерный поезд");
    assert!(
        harness.query_by_label("container-train").is_some(),
        "the card shows the concept"
    );
    for code in ["KK", "RU", "ZH", "EN"] {
        assert!(
            harness.query_all_by_label(code).next().is_some(),
            "{code} row"
        );
    }
    assert!(harness.query_by_label("container train").is_some());
}

#[test]
fn clicking_a_result_opens_it() {
    let mut harness = harness(Prefs::default());
    type_query(&mut harness, "container");
    assert_eq!(harness.state().selected_index(), Some(0));
    assert!(harness.state().result_count() > 2, "several results");
    harness
        .get_all_by_label_contains(" · ")
        .nth(2)
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().selected_index(), Some(2));
    let opened = harness.state().opened_concept().unwrap().to_string();
    assert!(
        harness.query_by_label(&opened).is_some(),
        "the card shows {opened}"
    );
}

#[test]
fn arrows_move_and_escape_clears() {
    let mut harness = harness(Prefs::default());
    type_query(&mut harness, "customs");
    assert_eq!(harness.state().selected_index(), Some(0));
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected_index(), Some(2));
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().selected_index(), Some(1));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(
        harness.get_by_role(Role::TextInput).value().as_deref(),
        Some("")
    );
}

#[test]
fn ctrl_k_returns_to_the_search_box_from_settings() {
    let mut harness = harness(Prefs::default());
    harness.get_by_label("Settings").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Settings);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Lookup);
    assert!(harness.get_by_role(Role::TextInput).is_focused());
}

#[test]
fn switching_the_interface_language_changes_the_labels() {
    let mut harness = harness(Prefs::default());
    assert!(harness.query_by_label("Lookup").is_some());
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label("Қазақша").click();
    harness.run();
    assert!(
        harness.query_by_label("Іздеу").is_some(),
        "the Lookup tab in Kazakh"
    );
    assert!(harness.query_by_label("Баптаулар").is_some());
    assert!(harness.query_by_label("Lookup").is_none());
    assert_eq!(harness.state().prefs().ui_lang, keruen::model::Lang::Kk);
    harness.get_by_label("中文").click();
    harness.run();
    assert!(harness.query_by_label("查询").is_some());
}

#[test]
fn the_domain_filter_narrows_the_list() {
    let mut harness = harness(Prefs::default());
    let all = harness.state().result_count();
    harness.get_by_label("Domain").click();
    harness.run();
    harness.get_by_label("Customs").click_accesskit();
    harness.run();
    let customs = harness.state().result_count();
    assert!(customs > 0 && customs < all, "{customs} of {all}");
}

#[test]
fn preferences_persist_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    {
        let glossary = Glossary::load(Store::open(dir.path()).unwrap()).unwrap();
        let app = KeruenApp::new(glossary, Prefs::default());
        let mut harness = Harness::builder()
            .with_size([1200.0, 760.0])
            .with_context_setup(prepare_context)
            .build_ui_state(|ui, app: &mut KeruenApp| app.show(ui), app);
        harness.get_by_label("Settings").click();
        harness.run();
        harness.get_by_label("Dark").click();
        harness.run();
        harness.get_by_label("Русский").click();
        harness.run();
    }
    let store = Store::open(dir.path()).unwrap();
    let prefs = Prefs::load(&store).unwrap();
    assert_eq!(prefs.ui_lang, keruen::model::Lang::Ru);
    assert_eq!(prefs.theme, keruen::prefs::Theme::Dark);
}

#[test]
fn every_kind_of_query_works_in_the_window() {
    for (query, expected) in [
        ("提单", "bill-of-lading"),
        ("konosament", "bill-of-lading"),
        ("rjyjcfvtyn", "bill-of-lading"),
        ("ti2dan1", "bill-of-lading"),
        ("контейнерных поездов", "container-train"),
        ("қоймасында", "warehouse"),
        ("кеден одагы", "customs-union"),
        ("logisitcs", "logistics"),
        ("declaration", "customs-declaration"),
    ] {
        let mut harness = harness(Prefs::default());
        type_query(&mut harness, query);
        let listed: Vec<String> = (0..harness.state().result_count().min(3))
            .map(|at| harness.state().result_id(at).unwrap().to_string())
            .collect();
        assert!(
            listed.iter().any(|id| id == expected),
            "{query}: {listed:?}"
        );
        assert!(harness.state().opened_concept().is_some());
    }
}

#[test]
fn nothing_found_offers_did_you_mean() {
    let mut harness = harness(Prefs::default());
    type_query(&mut harness, "palett");
    assert_eq!(harness.state().result_count(), 0);
    assert!(harness.query_by_label_contains("Did you mean").is_some());
    harness.get_by_label("pallet").click();
    harness.run();
    assert_eq!(
        harness.get_by_role(Role::TextInput).value().as_deref(),
        Some("pallet")
    );
    assert_eq!(harness.state().opened_concept(), Some("pallet"));
}
