//! Anki exports of the bundled customs deck: the text file's headers, rows and escaping, the
//! package's notes, cards and note type, and — when `KERUEN_ANKI_PYTHON` names a python with
//! PyPI's `anki` installed — both files imported by the real Anki (`tests/anki/check_import.py`).

mod common;

use common::anki::{AnkiFile, anki_python, check_in_real_anki};
use keruen::exchange::anki::{ANKI_NOTETYPE, write_anki_text};
use keruen::exchange::apkg::{ApkgError, FIELDS, NOTETYPE_NAME, write_apkg};
use keruen::glossary::Glossary;
use keruen::model::{Concept, Domain, Lang, Term, TermKind};
use keruen::store::Store;
use keruen::study::card::Direction;
use std::io::Read;
use std::path::{Path, PathBuf};

const DECK: &str = "Keruen::Customs & \"border\"";

fn glossary() -> Glossary {
    Glossary::load(Store::open_in_memory().unwrap()).unwrap()
}

fn customs(glossary: &Glossary) -> Vec<&Concept> {
    let concepts: Vec<&Concept> = glossary
        .concepts()
        .iter()
        .filter(|concept| concept.domain == Domain::Customs)
        .collect();
    assert!(concepts.len() > 10, "the customs deck is bundled");
    concepts
}

fn package_directions() -> Vec<Direction> {
    vec![
        Direction::new(Lang::Ru, Lang::Zh),
        Direction::new(Lang::Zh, Lang::Ru),
        Direction::new(Lang::Kk, Lang::Zh),
    ]
}

fn text(concepts: &[&Concept], direction: Direction) -> String {
    let mut out = Vec::new();
    write_anki_text(concepts, direction, DECK, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Splits the rows after the headers as Anki's CSV reader does: tab-separated, fields that
/// start with a quote run to the closing quote, doubled quotes inside stand for one.
fn rows(text: &str) -> Vec<Vec<String>> {
    let body: String = text
        .split_inclusive('\n')
        .skip_while(|line| line.starts_with('#'))
        .collect();
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            '\t' if !quoted => row.push(std::mem::take(&mut field)),
            '\n' if !quoted => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            c => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty(),
        "the file ends with a whole row"
    );
    rows
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn text_export_of_customs_has_anki_headers_and_a_row_per_concept() {
    let glossary = glossary();
    let concepts = customs(&glossary);
    let direction = Direction::new(Lang::Ru, Lang::Zh);
    let text = text(&concepts, direction);
    let headers: Vec<&str> = text.lines().take(7).collect();
    assert_eq!(
        headers,
        [
            "#separator:tab",
            "#html:true",
            "#notetype:Basic (and reversed card)",
            "#deck:Keruen::Customs & \"border\"",
            "#deck column:4",
            "#tags column:3",
            "#columns:Front\tBack\tTags\tDeck",
        ]
    );
    assert_eq!(ANKI_NOTETYPE, "Basic (and reversed card)");
    let rows = rows(&text);
    assert_eq!(rows.len(), concepts.len());
    for (row, concept) in rows.iter().zip(&concepts) {
        assert_eq!(row.len(), 4, "{row:?}");
        assert_eq!(row[0], escaped(concept.preferred(Lang::Ru)));
        let back = &row[1];
        let answer = format!(
            "<b><span lang=\"zh-Hans\">{}</span></b>",
            escaped(concept.preferred(Lang::Zh))
        );
        assert!(back.starts_with(&answer), "{back}");
        assert!(back.contains(&escaped(concept.pinyin())), "{back}");
        for lang in [Lang::Kk, Lang::En] {
            assert!(
                back.contains(&escaped(concept.preferred(lang))),
                "{lang}: {back}"
            );
        }
        if let Some(definition) = &concept.zh.definition {
            assert!(back.contains(&escaped(definition)), "{back}");
        }
        assert_eq!(row[2], "customs keruen");
        assert_eq!(row[3], DECK);
    }
}

#[test]
fn text_export_answers_in_english_with_the_english_definition_when_the_other_is_missing() {
    let glossary = glossary();
    let mut concept = customs(&glossary)[0].clone();
    concept.kk.definition = None;
    let text = text(&[&concept], Direction::new(Lang::Zh, Lang::Kk));
    let row = &rows(&text)[0];
    assert_eq!(row[0], concept.preferred(Lang::Zh));
    assert!(row[1].starts_with(&format!(
        "<b><span lang=\"kk\">{}</span></b>",
        escaped(concept.preferred(Lang::Kk))
    )));
    let english = concept.en.definition.as_deref().unwrap();
    assert!(
        row[1].ends_with(&format!("<i lang=\"en\">{}</i>", escaped(english))),
        "{}",
        row[1]
    );
    assert!(
        !row[1].contains(concept.preferred(Lang::Zh)),
        "the prompt is not repeated"
    );
}

#[test]
fn text_export_escapes_user_text_and_keeps_each_row_on_its_line_of_fields() {
    let glossary = glossary();
    let mut concept = customs(&glossary)[0].clone();
    concept.ru.terms = vec![Term {
        text: "#1 <b>A</b> & \"B\"\tC".into(),
        pinyin: None,
        kind: TermKind::Preferred,
    }];
    concept.zh.definition = Some("line one\nline 'two'\r\nthree".into());
    let text = text(&[&concept], Direction::new(Lang::Ru, Lang::Zh));
    let body: Vec<&str> = text.lines().skip(7).collect();
    assert_eq!(body.len(), 1, "one physical line: {body:?}");
    let row = &rows(&text)[0];
    assert_eq!(row.len(), 4);
    assert_eq!(row[0], "&#35;1 &lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot; C");
    assert!(
        row[1].ends_with("<i lang=\"zh-Hans\">line one<br>line &#39;two&#39;<br>three</i>"),
        "{}",
        row[1]
    );
    assert!(
        body[0].contains("\"<b><span lang=\"\"zh-Hans\"\">"),
        "quoted as CSV"
    );
}

fn apkg(dir: &Path, concepts: &[&Concept], directions: &[Direction]) -> PathBuf {
    let path = dir.join("customs.apkg");
    write_apkg_file(concepts, directions, &path).unwrap();
    path
}

fn write_apkg_file(
    concepts: &[&Concept],
    directions: &[Direction],
    path: &Path,
) -> Result<(), ApkgError> {
    let mut file = std::fs::File::create(path).unwrap();
    write_apkg(concepts, directions, DECK, &mut file)
}

fn open_collection(path: &Path) -> rusqlite::Connection {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut media = String::new();
    zip.by_name("media")
        .unwrap()
        .read_to_string(&mut media)
        .unwrap();
    assert_eq!(media, "{}");
    let mut bytes = Vec::new();
    zip.by_name("collection.anki2")
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    let file = path.with_extension("anki2");
    std::fs::write(&file, bytes).unwrap();
    rusqlite::Connection::open(&file).unwrap()
}

#[test]
fn package_holds_a_note_per_concept_a_card_per_direction_and_the_keruen_note_type() {
    let glossary = glossary();
    let concepts = customs(&glossary);
    let directions = package_directions();
    let dir = tempfile::tempdir().unwrap();
    let db = open_collection(&apkg(dir.path(), &concepts, &directions));

    let (ver, models, decks): (i64, String, String) = db
        .query_row("select ver, models, decks from col", [], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .unwrap();
    assert_eq!(ver, 11);
    let models: serde_json::Value = serde_json::from_str(&models).unwrap();
    let models = models.as_object().unwrap();
    assert_eq!(models.len(), 1);
    let (model_id, model) = models.iter().next().unwrap();
    assert_eq!(model["name"], NOTETYPE_NAME);
    assert_eq!(model["id"].as_i64().unwrap().to_string(), *model_id);
    let fields: Vec<&str> = model["flds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|field| field["name"].as_str().unwrap())
        .collect();
    assert_eq!(fields, FIELDS);
    let templates = model["tmpls"].as_array().unwrap();
    assert_eq!(templates.len(), directions.len());
    assert_eq!(templates[0]["name"], "Russian → Chinese");
    assert!(
        templates[0]["qfmt"]
            .as_str()
            .unwrap()
            .contains("{{Russian}}")
    );
    assert!(
        !templates[0]["qfmt"]
            .as_str()
            .unwrap()
            .contains("{{Chinese}}")
    );
    assert!(
        templates[1]["qfmt"]
            .as_str()
            .unwrap()
            .contains("{{Chinese}}")
    );
    assert!(
        !templates[1]["qfmt"]
            .as_str()
            .unwrap()
            .contains("{{Pinyin}}")
    );
    for template in templates {
        let answer = template["afmt"].as_str().unwrap();
        for field in FIELDS {
            assert!(
                answer.contains(&format!("{{{{{field}}}}}"))
                    || template["qfmt"]
                        .as_str()
                        .unwrap()
                        .contains(&format!("{{{{{field}}}}}")),
                "{field} on the back"
            );
        }
    }
    let decks: serde_json::Value = serde_json::from_str(&decks).unwrap();
    let deck = decks
        .as_object()
        .unwrap()
        .values()
        .find(|deck| deck["name"] == DECK)
        .expect("the deck is in the collection");

    let notes: i64 = db
        .query_row("select count(*) from notes", [], |row| row.get(0))
        .unwrap();
    assert_eq!(notes as usize, concepts.len());
    let cards: i64 = db
        .query_row(
            "select count(*) from cards where did = ?1",
            [deck["id"].as_i64().unwrap()],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(cards as usize, concepts.len() * directions.len());
    for concept in &concepts {
        let (flds, tags, sfld): (String, String, String) = db
            .query_row(
                "select flds, tags, sfld from notes where guid = ?1",
                [format!("keruen:{}", concept.id)],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .unwrap();
        let flds: Vec<&str> = flds.split('\x1f').collect();
        assert_eq!(flds.len(), FIELDS.len());
        assert_eq!(flds[0], escaped(concept.preferred(Lang::Kk)));
        assert_eq!(flds[1], escaped(concept.preferred(Lang::Ru)));
        assert_eq!(flds[2], escaped(concept.preferred(Lang::Zh)));
        assert_eq!(flds[3], escaped(concept.pinyin()));
        assert_eq!(flds[4], escaped(concept.preferred(Lang::En)));
        assert!(flds[5].contains(&escaped(concept.en.definition.as_deref().unwrap())));
        assert_eq!(flds[6], "customs");
        assert_eq!(tags, " customs keruen ");
        assert_eq!(sfld, concept.preferred(Lang::Kk));
    }
}

#[test]
fn package_ids_are_stable_and_directions_are_required() {
    let glossary = glossary();
    let concepts = customs(&glossary);
    let dir = tempfile::tempdir().unwrap();
    let ids = |name: &str| {
        let path = dir.path().join(name);
        write_apkg_file(&concepts, &package_directions(), &path).unwrap();
        let db = open_collection(&path);
        let models: String = db
            .query_row("select models from col", [], |row| row.get(0))
            .unwrap();
        let guids: Vec<String> = db
            .prepare("select guid from notes order by guid")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let model: serde_json::Value = serde_json::from_str(&models).unwrap();
        (
            model
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect::<Vec<_>>(),
            guids,
        )
    };
    assert_eq!(ids("one.apkg"), ids("two.apkg"));
    let error = write_apkg_file(&concepts, &[], &dir.path().join("none.apkg")).unwrap_err();
    assert!(matches!(error, ApkgError::NoDirections));
}

#[test]
fn the_real_anki_imports_both_exports() {
    let Some(python) = anki_python() else {
        return;
    };
    let glossary = glossary();
    let concepts = customs(&glossary);
    let directions = package_directions();
    let dir = tempfile::tempdir().unwrap();
    let text_path = dir.path().join("customs.txt");
    std::fs::write(
        &text_path,
        text(&concepts, Direction::new(Lang::Ru, Lang::Zh)),
    )
    .unwrap();
    let apkg_path = apkg(dir.path(), &concepts, &directions);
    let n = concepts.len();
    check_in_real_anki(
        &python,
        &concepts,
        DECK,
        directions.len(),
        Some(AnkiFile {
            path: &text_path,
            notes: n,
            cards: 2 * n,
        }),
        Some(AnkiFile {
            path: &apkg_path,
            notes: n,
            cards: n * directions.len(),
        }),
    );
}
