//! CSV and Excel export and import: lossless round trips, Excel safety, all-or-nothing
//! imports with every problem located, and what duplicates become.

mod common;

use keruen::exchange::ImportError;
use keruen::exchange::csv::{CsvStyle, write_csv};
use keruen::exchange::import::{OnDuplicate, apply, plan};
use keruen::exchange::read::read_csv;
use keruen::glossary::Glossary;
use keruen::model::{Concept, Domain, Origin};
use keruen::store::Store;

fn glossary() -> Glossary {
    Glossary::load(Store::open_in_memory().unwrap()).unwrap()
}

fn export(concepts: &[&Concept], excel: bool) -> Vec<u8> {
    let mut out = Vec::new();
    write_csv(concepts, None, CsvStyle { excel }, &mut out).unwrap();
    out
}

fn assert_lossless(original: &[&Concept], read: Vec<Concept>) {
    assert_eq!(read.len(), original.len());
    for (before, mut after) in original.iter().zip(read) {
        after.origin = before.origin;
        assert_eq!(&after, *before, "{} changed on the way", before.id);
    }
}

#[test]
fn every_bundled_concept_survives_a_csv_round_trip() {
    let glossary = glossary();
    let all: Vec<&Concept> = glossary.concepts().iter().collect();
    let bytes = export(&all, false);
    assert!(
        !bytes.starts_with("\u{FEFF}".as_bytes()),
        "plain CSV has no BOM"
    );
    assert_lossless(&all, read_csv(&bytes, Domain::Forwarding).unwrap());
}

#[test]
fn the_excel_variant_has_a_bom_neutralises_formulas_and_still_round_trips() {
    let glossary = glossary();
    let mut risky = glossary.concept_by_id("bill-of-lading").unwrap().clone();
    risky.en.terms[0].text = "=HYPERLINK(\"http://x\")".into();
    risky.en.definition = Some("+7 days after arrival".into());
    risky.ru.definition = Some("-10 °C в рефконтейнере".into());
    risky.note = Some("@ the border".into());
    let concepts = vec![&risky];
    let bytes = export(&concepts, true);
    assert!(
        bytes.starts_with("\u{FEFF}".as_bytes()),
        "Excel needs the BOM for UTF-8"
    );
    let text = String::from_utf8(bytes.clone()).unwrap();
    for cell in ["'=HYPERLINK", "'+7 days", "'-10 °C", "'@ the border"] {
        assert!(text.contains(cell), "{cell} is neutralised");
    }
    assert!(text.contains("提单") && text.contains("коносамент"));
    assert_lossless(&concepts, read_csv(&bytes, Domain::Forwarding).unwrap());
}

#[test]
fn semicolon_and_tab_files_and_anki_headers_are_read() {
    let semicolon = "id;ru;zh;pinyin;en;domain\nmy-term;пломба;铅封;qiānfēng;seal;customs\n";
    let concepts = read_csv(semicolon.as_bytes(), Domain::Forwarding).unwrap();
    assert_eq!(concepts[0].preferred(keruen::model::Lang::Zh), "铅封");
    assert_eq!(concepts[0].domain, Domain::Customs);
    let anki = "#separator:tab\n#html:false\n#columns:Russian\tEnglish\nпломба\tseal\n";
    let concepts = read_csv(anki.as_bytes(), Domain::Customs).unwrap();
    assert_eq!(concepts[0].preferred(keruen::model::Lang::En), "seal");
    assert_eq!(
        concepts[0].id, "seal",
        "an id is made from the English term"
    );
    assert_eq!(concepts[0].origin, Origin::User);
}

fn problems(bytes: &[u8]) -> String {
    match read_csv(bytes, Domain::Forwarding) {
        Ok(_) => panic!("accepted a bad file"),
        Err(error @ ImportError::Problems(_)) | Err(error @ ImportError::Unreadable(_)) => {
            error.to_string()
        }
    }
}

#[test]
fn each_malformed_file_gets_its_own_clear_error() {
    let wrong_count = "id,ru,en\na,пломба,seal\nb,весы\n";
    assert!(
        problems(wrong_count.as_bytes())
            .contains("line 3: this row has 2 cells but the header has 3")
    );

    let mut bad_utf8 = b"id,ru,en\na,\xD0\xBF\xD0\xBB,seal\nb,".to_vec();
    bad_utf8.extend([0xFF, 0xFE]);
    bad_utf8.extend(b",x\n");
    let message = problems(&bad_utf8);
    assert!(
        message.contains("line 3") && message.contains("not UTF-8"),
        "{message}"
    );

    let unclosed = "id,ru,en\na,\"пломба,seal\nb,весы,scales\n";
    let message = problems(unclosed.as_bytes());
    assert!(
        message.contains("line 2") && message.contains("never closed"),
        "{message}"
    );

    let empty_term = "id,ru,zh,pinyin,en\na,пломба,,,\n";
    let message = problems(empty_term.as_bytes());
    assert!(message.contains("at least two languages"), "{message}");

    let no_pinyin = "id,ru,zh,en\na,пломба,铅封,seal\n";
    assert!(problems(no_pinyin.as_bytes()).contains("needs its pinyin"));

    let latin_in_cyrillic = "id,ru,en\na,пломбa,seal\n";
    assert!(problems(latin_in_cyrillic.as_bytes()).contains("non-Cyrillic letter 'a'"));

    let wrong_pinyin = "id,zh,pinyin,en\na,铅封,tídān,seal\n";
    let message = problems(wrong_pinyin.as_bytes());
    assert!(message.contains("line 2"), "{message}");

    let mut huge = b"id,ru,en\na,".to_vec();
    huge.extend(std::iter::repeat_n(b'x', 10 << 20));
    huge.extend(b",seal\n");
    let message = problems(&huge);
    assert!(
        message.contains("line 2") && message.contains("longer than 1 MB"),
        "{message}"
    );

    let bad_domain = "id,ru,en,domain\na,пломба,seal,shipping\n";
    let message = problems(bad_domain.as_bytes());
    assert!(
        message.contains("column domain") && message.contains("shipping"),
        "{message}"
    );

    assert!(problems(b"").contains("empty"));
    assert!(problems(b"id,ru,en\r\n").contains("no rows under it"));
}

#[test]
fn every_problem_of_every_row_is_listed_at_once() {
    let file = "id,ru,zh,pinyin,en\na,пломбa,,,seal\nb,весы,秤,,scales\nc,кран,,,crane\n";
    let message = problems(file.as_bytes());
    assert!(message.contains("2 problem(s)"), "{message}");
    assert!(message.contains("line 2") && message.contains("line 3"));
    assert!(!message.contains("line 4"));
}

#[test]
fn duplicates_are_updated_skipped_or_kept_both() {
    let glossary = glossary();
    let file = "id,ru,zh,pinyin,en\nbill-of-lading,коносамент,提单,tídān,bill of lading (ocean)\nmy-seal,пломба,铅封,qiānfēng,seal\nmy-bl,,提单,tídān,B/L copy\n";
    let read = |policy| {
        plan(
            &glossary,
            read_csv(file.as_bytes(), Domain::Forwarding).unwrap(),
            policy,
        )
    };

    let update = read(OnDuplicate::Update);
    assert_eq!(update.added, 1);
    assert_eq!(update.updated, ["bill-of-lading"], "by id");
    assert_eq!(
        update.skipped,
        ["my-bl"],
        "the term 提单 names the concept the first row already updates"
    );
    let skip = read(OnDuplicate::Skip);
    assert_eq!((skip.added, skip.skipped.len()), (1, 2));
    let both = read(OnDuplicate::KeepBoth);
    assert_eq!(both.added, 3);
    assert_eq!(
        both.renamed,
        [("bill-of-lading".to_string(), "bill-of-lading-2".to_string())]
    );

    apply(&glossary, &both, Some("Imported")).unwrap();
}

fn snapshot(dir: &std::path::Path) -> (Vec<u8>, Vec<u8>) {
    let all = common::keruen(dir, &["export"]);
    let decks = common::keruen(dir, &["decks", "--json"]);
    assert!(all.status.success() && decks.status.success());
    (all.stdout, decks.stdout)
}

#[test]
fn a_failed_import_leaves_the_store_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let before = snapshot(dir.path());
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "id,ru,zh,pinyin,en\nok-one,пломба,铅封,qiānfēng,seal\nbad,весы,秤,,scales\n",
    )
    .unwrap();
    let output = common::keruen(
        dir.path(),
        &["import", file.to_str().unwrap(), "--deck", "Mine"],
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 3") && stderr.contains("nothing was imported"),
        "{stderr}"
    );
    assert_eq!(
        snapshot(dir.path()),
        before,
        "nothing changed, not even the deck"
    );
}

#[test]
fn cli_export_then_import_into_a_deck_and_dry_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("customs.csv");
    let output = common::keruen(
        dir.path(),
        &[
            "export",
            "--deck",
            "customs",
            "--format",
            "excel",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()));
    let rows = String::from_utf8(bytes).unwrap().matches("\r\n").count();
    assert_eq!(rows, 66, "a header and the 65 customs concepts");

    let dry = common::keruen(
        dir.path(),
        &[
            "import",
            out.to_str().unwrap(),
            "--dry-run",
            "--on-duplicate",
            "keep-both",
            "--deck",
            "Copy",
        ],
    );
    assert!(String::from_utf8_lossy(&dry.stdout).contains("Dry run, nothing imported: 65 new"));
    let decks = String::from_utf8(common::keruen(dir.path(), &["decks"]).stdout).unwrap();
    assert!(!decks.contains("Copy"));

    let real = common::keruen(
        dir.path(),
        &[
            "import",
            out.to_str().unwrap(),
            "--on-duplicate",
            "keep-both",
            "--deck",
            "Copy",
        ],
    );
    assert!(
        real.status.success(),
        "{}",
        String::from_utf8_lossy(&real.stderr)
    );
    let decks = String::from_utf8(common::keruen(dir.path(), &["decks"]).stdout).unwrap();
    assert!(
        decks
            .lines()
            .any(|l| l.contains("Copy") && l.contains("65")),
        "{decks}"
    );
}

#[test]
fn a_large_export_formatted_on_two_threads_is_the_same_file() {
    let glossary = glossary();
    let copies: Vec<Concept> = (0..5_000)
        .map(|n| {
            let mut concept = glossary.concepts()[n % glossary.concepts().len()].clone();
            concept.id = format!("{}-{n}", concept.id);
            concept
        })
        .collect();
    let all: Vec<&Concept> = copies.iter().collect();
    let (first, second) = all.split_at(all.len() / 2);
    for excel in [false, true] {
        let whole = export(&all, excel);
        let mut halves = export(first, excel);
        let later = export(second, excel);
        let header_end = later.windows(2).position(|w| w == b"\r\n").unwrap() + 2;
        halves.extend_from_slice(&later[header_end..]);
        assert!(whole == halves, "excel: {excel}");
        let read = read_csv(&whole, Domain::Forwarding).unwrap();
        assert_eq!(read.len(), 5_000);
        assert_eq!(read[4_999].id, all[4_999].id, "the rows keep their order");
    }
}
