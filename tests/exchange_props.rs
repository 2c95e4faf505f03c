//! Properties of the CSV exchange on generated text: an export reads back as it was
//! written, and whatever an import reads survives an export and a second import.

use keruen::exchange::csv::{CsvStyle, write_csv};
use keruen::exchange::read::read_csv;
use keruen::model::{Concept, Domain, LangEntry, Origin, Term, TermKind};
use proptest::prelude::*;

/// Any text as an import leaves a cell: trimmed, and not empty.
fn cell_text() -> impl Strategy<Value = String> {
    any::<String>()
        .prop_map(|s| s.trim().to_string())
        .prop_filter("a cell with text", |s| !s.is_empty())
}

/// Text an English term may hold (the importer rightly refuses other scripts' letters and
/// marks in an English term), with the characters a spreadsheet takes for a formula, as
/// an import leaves a cell.
fn english_term_text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 .,;:!?'\"()/&%+=@#*_-]{1,24}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("a cell with text", |s| !s.is_empty())
}

fn term(text: &str) -> Term {
    Term {
        text: text.to_string(),
        pinyin: None,
        kind: TermKind::Preferred,
    }
}

/// A user concept whose English term and free-text fields hold the given texts.
fn concept(term_text: &str, definition: &str, note: &str, source: &str) -> Concept {
    Concept {
        id: "generated".into(),
        domain: Domain::Customs,
        origin: Origin::User,
        from_article: true,
        article_context: Some(note.into()),
        source: source.into(),
        note: Some(note.into()),
        homonyms: Vec::new(),
        kk: LangEntry::default(),
        ru: LangEntry {
            terms: vec![term("таможня")],
            definition: None,
            example: None,
        },
        zh: LangEntry::default(),
        en: LangEntry {
            terms: vec![term(term_text)],
            definition: Some(definition.into()),
            example: Some(definition.into()),
        },
    }
}

/// `concepts` written as CSV, plain or for Excel.
fn export(concepts: &[Concept], excel: bool) -> Vec<u8> {
    let refs: Vec<&Concept> = concepts.iter().collect();
    let mut out = Vec::new();
    write_csv(&refs, None, CsvStyle { excel }, &mut out).expect("writing to memory works");
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_free_text_survives_a_csv_round_trip(
        term_text in english_term_text(),
        definition in cell_text(),
        note in cell_text(),
        source in cell_text(),
        excel in any::<bool>(),
    ) {
        let concepts = vec![concept(&term_text, &definition, &note, &source)];
        let back = read_csv(&export(&concepts, excel), Domain::Forwarding);
        prop_assert_eq!(back, Ok(concepts));
    }

    #[test]
    fn what_an_import_reads_survives_an_export_and_a_second_import(
        cells in proptest::collection::vec(any::<String>(), 4),
        excel in any::<bool>(),
    ) {
        let mut file = csv::Writer::from_writer(Vec::new());
        file.write_record(["en", "ru", "en_definition", "note"]).unwrap();
        file.write_record([cells[0].as_str(), "таможня", cells[1].as_str(), cells[2].as_str()]).unwrap();
        file.write_record([cells[3].as_str(), "пошлина", "", ""]).unwrap();
        if let Ok(first) = read_csv(&file.into_inner().unwrap(), Domain::Forwarding) {
            let second = read_csv(&export(&first, excel), Domain::Forwarding);
            prop_assert_eq!(second, Ok(first));
        }
    }
}
