//! Importing Keruen's Anki exports into the real Anki through `tests/anki/check_import.py`.

use keruen::model::{Concept, Lang};
use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

/// The python with PyPI's `anki` that `.ci/test` points `KERUEN_ANKI_PYTHON` at;
/// None (and a note on standard output) when it is not set.
pub fn anki_python() -> Option<OsString> {
    let python = std::env::var_os("KERUEN_ANKI_PYTHON");
    if python.is_none() {
        println!(
            "skipped the real Anki: set KERUEN_ANKI_PYTHON to a python with PyPI's anki \
             installed (bash .ci/test does)"
        );
    }
    python
}

/// An export for the real Anki to import: the file and how many notes and cards it must
/// make.
pub struct AnkiFile<'a> {
    /// The exported file.
    pub path: &'a Path,
    /// Notes Anki must add.
    pub notes: usize,
    /// Cards Anki must add.
    pub cards: usize,
}

/// Has the real Anki import `text` (an Anki text file) and `package` (an .apkg) into fresh
/// collections, and panics with Anki's complaints unless every concept arrives in `deck`
/// with its four languages (and, for the package, `directions` cards).
pub fn check_in_real_anki(
    python: &OsString,
    concepts: &[&Concept],
    deck: &str,
    directions: usize,
    text: Option<AnkiFile>,
    package: Option<AnkiFile>,
) {
    let dir = tempfile::tempdir().unwrap();
    let expect = dir.path().join("expect.json");
    let concepts: Vec<serde_json::Value> = concepts
        .iter()
        .map(|concept| {
            serde_json::json!({
                "id": concept.id,
                "domain": concept.domain.id(),
                "kk": concept.preferred(Lang::Kk),
                "ru": concept.preferred(Lang::Ru),
                "zh": concept.preferred(Lang::Zh),
                "pinyin": concept.pinyin(),
                "en": concept.preferred(Lang::En),
            })
        })
        .collect();
    let expected =
        serde_json::json!({ "deck": deck, "directions": directions, "concepts": concepts });
    std::fs::write(&expect, expected.to_string()).unwrap();

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/anki/check_import.py");
    let mut command = Command::new(python);
    command.arg(script).arg("--expect").arg(&expect);
    for (kind, file) in [("text", text), ("apkg", package)] {
        if let Some(file) = file {
            command
                .arg(format!("--{kind}"))
                .arg(file.path)
                .arg(format!("--{kind}-notes"))
                .arg(file.notes.to_string())
                .arg(format!("--{kind}-cards"))
                .arg(file.cards.to_string());
        }
    }
    let output = command
        .output()
        .expect("the python of KERUEN_ANKI_PYTHON runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(
        output.status.success(),
        "Anki did not import the exports as expected:\n{stderr}"
    );
}
