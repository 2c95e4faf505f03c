//! The Decks screen through egui_kittest: a new deck, an export to a file, an import with
//! its preview.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use keruen::glossary::Glossary;
use keruen::prefs::Prefs;
use keruen::store::Store;
use keruen::ui::{KeruenApp, Screen, prepare_context};

fn harness() -> Harness<'static, KeruenApp> {
    let glossary = Glossary::load(Store::open_in_memory().unwrap()).unwrap();
    let app = KeruenApp::new(glossary, Prefs::default()).with_screen(Screen::Decks);
    let mut harness = Harness::builder()
        .with_size([1200.0, 1600.0])
        .with_context_setup(prepare_context)
        .build_ui_state(|ui, app: &mut KeruenApp| app.show(ui), app);
    harness.run();
    harness
}

fn replace_text(harness: &mut Harness<'static, KeruenApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn the_decks_screen_lists_creates_exports_and_imports() {
    let mut harness = harness();
    assert!(
        harness.query_by_label("Customs").is_some(),
        "built-in decks are listed"
    );
    assert!(harness.query_by_label("65").is_some(), "with their sizes");

    harness.get_by_label("Create deck").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("a deck needs a name")
            .is_some()
    );
    replace_text(&mut harness, "New deck", "Khorgos words");
    harness.get_by_label("Create deck").click();
    harness.run();
    assert!(harness.query_by_label("Khorgos words").is_some());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("customs.csv");
    let customs_row = harness
        .get_all_by_label("Export…")
        .nth(7)
        .expect("an export button per deck");
    customs_row.click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Export “Customs”")
            .is_some()
    );
    harness.get_by_label("Excel (CSV)").click();
    harness.run();
    replace_text(&mut harness, "Save to", path.to_str().unwrap());
    harness.get_by_label("Export").click();
    harness.run();
    let bytes = std::fs::read(&path).expect("the file was written");
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()));

    let file = dir.path().join("mine.csv");
    std::fs::write(
        &file,
        "Russian;Chinese;pinyin;English\nпломба;铅封;qiānfēng;seal\nвесы;秤;chèng;scales\n",
    )
    .unwrap();
    replace_text(&mut harness, "File", file.to_str().unwrap());
    harness.get_by_label("Preview").click();
    harness.run();
    assert!(harness.query_by_label("2 rows").is_some());
    assert!(
        harness.query_by_label_contains("2 new").is_some(),
        "the plan is shown"
    );
    harness.get_by_label("Import").click();
    harness.run();
    assert!(harness.query_by_label_contains("Imported: 2 new").is_some());
    let glossary = harness.state().glossary();
    assert!(
        glossary.concept_by_id("seal").is_some(),
        "the glossary was reloaded"
    );
    assert!(
        harness.query_by_label("mine").is_some(),
        "the deck named after the file"
    );
}
