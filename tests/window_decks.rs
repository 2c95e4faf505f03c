//! The Decks screen through egui_kittest: a new deck, exports in every format (the Anki
//! ones imported by the real Anki when `KERUEN_ANKI_PYTHON` is set), imports of CSV and
//! TBX with their previews.

mod common;

use common::anki::{AnkiFile, anki_python, check_in_real_anki};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use keruen::glossary::Glossary;
use keruen::model::{Concept, Domain, Lang};
use keruen::prefs::Prefs;
use keruen::store::Store;
use keruen::ui::{KeruenApp, Screen, prepare_context};
use std::path::Path;

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

/// Opens the export panel of the Customs deck, picks `format` and writes to `path`.
fn export_customs(harness: &mut Harness<'static, KeruenApp>, format: &str, path: &Path) {
    harness
        .get_all_by_label("Export…")
        .nth(7)
        .expect("an export button per deck")
        .click();
    harness.run();
    harness.get_by_label(format).click();
    harness.run();
    replace_text(harness, "Save to", path.to_str().unwrap());
    harness.get_by_label("Export").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("Exported 65 →").is_some(),
        "the {format} export reports its size"
    );
}

#[test]
fn customs_exported_from_the_window_as_anki_opens_in_anki_and_tbx_comes_back() {
    let mut harness = harness();
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("customs.txt");
    let package = dir.path().join("customs.apkg");
    let tbx = dir.path().join("customs.tbx");
    export_customs(&mut harness, "Anki (text)", &text);
    assert!(
        harness.query_by_label("Front").is_some() && harness.query_by_label("Back").is_some(),
        "the Anki text export asks which languages go on the front and the back"
    );
    export_customs(&mut harness, "Anki package (.apkg)", &package);
    export_customs(&mut harness, "TBX (for CAT tools)", &tbx);

    let glossary = harness.state().glossary();
    let customs: Vec<&Concept> = glossary
        .concepts()
        .iter()
        .filter(|c| c.domain == Domain::Customs)
        .collect();
    let written = std::fs::read_to_string(&text).unwrap();
    assert!(written.starts_with("#separator:tab\n#html:true\n"));
    assert!(written.contains("#deck:Keruen::Customs\n"));
    let rows: Vec<&str> = written.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(rows.len(), customs.len());
    for (row, concept) in rows.iter().zip(&customs) {
        assert!(
            row.starts_with(concept.preferred(Lang::Ru)),
            "Russian on the front: {row}"
        );
        for lang in [Lang::Kk, Lang::Zh, Lang::En] {
            assert!(row.contains(concept.preferred(lang)), "{lang} in {row}");
        }
    }
    let package_bytes = std::fs::read(&package).unwrap();
    assert!(package_bytes.starts_with(b"PK"), "the package is a zip");
    if let Some(python) = anki_python() {
        let n = customs.len();
        check_in_real_anki(
            &python,
            &customs,
            "Keruen::Customs",
            2,
            Some(AnkiFile {
                path: &text,
                notes: n,
                cards: 2 * n,
            }),
            Some(AnkiFile {
                path: &package,
                notes: n,
                cards: 2 * n,
            }),
        );
    }

    replace_text(&mut harness, "File", tbx.to_str().unwrap());
    harness.get_by_label("Preview").click();
    harness.run();
    assert!(
        harness.query_by_label("65 concepts").is_some(),
        "the TBX preview counts the concepts"
    );
    assert!(
        harness.query_by_label_contains("65 updated").is_some(),
        "every concept of the file is already in the glossary"
    );
}
