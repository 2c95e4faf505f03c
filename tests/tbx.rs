//! TBX export and import: the bundled termbase survives a round trip, the file is TBX-Basic,
//! other tools' TBX imports, and malformed or hostile files are refused with a clear error.

use keruen::exchange::tbx::{MAX_TBX_BYTES, read_tbx, write_tbx};
use keruen::exchange::{ImportError, Problem};
use keruen::glossary::Glossary;
use keruen::model::{Concept, Domain, Lang, LangEntry, Origin, Term, TermKind};
use keruen::store::Store;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashSet;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tbx")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn bundled() -> Vec<Concept> {
    let glossary = Glossary::load(Store::open_in_memory().expect("in-memory store"))
        .expect("the bundled termbase loads");
    glossary.concepts().to_vec()
}

fn export(concepts: &[Concept]) -> String {
    let refs: Vec<&Concept> = concepts.iter().collect();
    let mut out = Vec::new();
    write_tbx(&refs, &mut out).expect("writing to memory works");
    String::from_utf8(out).expect("the export is UTF-8")
}

/// The message of an `Unreadable` error; panics on anything else.
fn unreadable(bytes: &[u8]) -> String {
    match read_tbx(bytes) {
        Err(ImportError::Unreadable(message)) => message,
        other => panic!("expected an unreadable file, got {other:?}"),
    }
}

/// The problems of a refused file; panics on anything else.
fn problems(text: &str) -> Vec<Problem> {
    match read_tbx(text.as_bytes()) {
        Err(ImportError::Problems(problems)) => problems,
        other => panic!("expected problems, got {other:?}"),
    }
}

/// A one-concept TBX-Basic document around the given conceptEntry content.
fn document(entries: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
{entries}
    </body>
  </text>
</tbx>
"#
    )
}

const GOOD_ENTRY: &str = r#"      <conceptEntry id="container-train">
        <descrip type="subjectField">rail</descrip>
        <langSec xml:lang="en"><termSec><term>container train</term></termSec></langSec>
        <langSec xml:lang="zh"><termSec><term>集装箱班列</term><note xml:lang="zh-Latn-pinyin">jízhuāngxiāng bānliè</note></termSec></langSec>
      </conceptEntry>"#;

#[test]
fn every_bundled_concept_survives_the_round_trip() {
    let concepts = bundled();
    assert!(concepts.len() > 400, "the bundled termbase is loaded");
    let imported = read_tbx(export(&concepts).as_bytes()).expect("our own export imports");
    assert_eq!(imported.len(), concepts.len());
    for (original, back) in concepts.iter().zip(&imported) {
        assert_eq!(back.origin, Origin::User, "{}", original.id);
        let back = Concept {
            origin: original.origin,
            ..back.clone()
        };
        assert_eq!(&back, original, "{} changed on the way", original.id);
    }
}

#[test]
fn awkward_text_and_partial_concepts_survive_the_round_trip() {
    let term = |text: &str, pinyin: Option<&str>, kind| Term {
        text: text.into(),
        pinyin: pinyin.map(str::to_string),
        kind,
    };
    let odd = Concept {
        id: "odd-one".into(),
        domain: Domain::Finance,
        origin: Origin::User,
        from_article: true,
        article_context: Some("  spaced\n\tout  ".into()),
        source: "A & B <C> \"D\"".into(),
        note: Some("line one\nline two".into()),
        homonyms: vec!["not-in-this-file".into(), "plain-one".into()],
        kk: LangEntry {
            terms: vec![],
            definition: Some("Терминсіз анықтама.".into()),
            example: None,
        },
        ru: LangEntry::default(),
        zh: LangEntry {
            terms: vec![
                term("信用证", Some("xìnyòngzhèng"), TermKind::Preferred),
                term("L/C", Some(""), TermKind::Abbreviation),
            ],
            definition: None,
            example: Some("  ".into()),
        },
        en: LangEntry {
            terms: vec![
                term(" letter  of credit ", None, TermKind::Preferred),
                term("LC", None, TermKind::Abbreviation),
                term("credit", None, TermKind::Synonym),
                term("CREDIT", None, TermKind::Deprecated),
            ],
            definition: Some(String::new()),
            example: Some("Pay by L/C.".into()),
        },
    };
    let plain = Concept {
        id: "plain-one".into(),
        domain: Domain::Finance,
        origin: Origin::User,
        from_article: false,
        article_context: None,
        source: String::new(),
        note: None,
        homonyms: vec![],
        kk: LangEntry::default(),
        ru: LangEntry::default(),
        zh: LangEntry::default(),
        en: LangEntry {
            terms: vec![term("SWIFT", None, TermKind::Preferred)],
            definition: None,
            example: None,
        },
    };
    let concepts = vec![odd, plain];
    let xml = export(&concepts);
    assert!(xml.contains(r#"<ref type="crossReference" target="plain-one">plain-one</ref>"#));
    assert!(xml.contains("<note>Homonym of: not-in-this-file</note>"));
    let imported = read_tbx(xml.as_bytes());
    // The empty pinyin of L/C is refused on import, as it should be; give it one.
    assert!(matches!(imported, Err(ImportError::Problems(_))));
    let mut concepts = concepts;
    concepts[0].zh.terms[1].pinyin = Some("L/C".into());
    let imported = read_tbx(export(&concepts).as_bytes()).expect("imports");
    assert_eq!(imported, concepts);
}

/// Checks the export against the TBX-Basic rules that matter: the data categories, their
/// picklist values and the levels they may appear at, the required structure, and internal
/// references that resolve.
#[test]
fn the_export_is_tbx_basic() {
    let xml = export(&bundled());
    assert!(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" \
         xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
    ));
    let attr = |e: &BytesStart, name: &str| {
        e.try_get_attribute(name).unwrap().map(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .unwrap()
                .into_owned()
        })
    };
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut path: Vec<String> = Vec::new();
    let mut ids = HashSet::new();
    let mut targets = Vec::new();
    let mut children: Vec<Vec<String>> = vec![vec![]];
    let mut text = String::new();
    let mut current_type = None;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                let parent = path.last().cloned().unwrap_or_default();
                let kind = attr(&e, "type");
                let allowed_at: &[&str] = match (name.as_str(), kind.as_deref()) {
                    ("descrip", Some("subjectField")) => &["conceptEntry"],
                    ("descrip", Some("definition")) => &["conceptEntry", "langSec"],
                    ("descrip", Some("context")) => &["termSec"],
                    ("admin", Some("source" | "projectSubset")) => &["conceptEntry"],
                    ("ref", Some("crossReference")) => &["conceptEntry"],
                    ("termNote", Some("administrativeStatus" | "termType")) => &["termSec"],
                    ("note", None) => &["conceptEntry", "termSec"],
                    ("term", None) => &["termSec"],
                    ("termSec", None) => &["langSec"],
                    ("langSec", None) => &["conceptEntry"],
                    ("conceptEntry", None) => &["body"],
                    (
                        "tbx" | "tbxHeader" | "fileDesc" | "titleStmt" | "title" | "sourceDesc"
                        | "p" | "text" | "body",
                        _,
                    ) => &[
                        "",
                        "tbx",
                        "tbxHeader",
                        "fileDesc",
                        "titleStmt",
                        "sourceDesc",
                        "text",
                    ],
                    other => panic!("{other:?} is not TBX-Basic as Keruen writes it"),
                };
                assert!(
                    allowed_at.contains(&parent.as_str()),
                    "{name} {kind:?} in {parent}"
                );
                if name == "conceptEntry" {
                    assert!(ids.insert(attr(&e, "id").unwrap()), "ids are unique");
                }
                if name == "langSec" {
                    let lang = attr(&e, "xml:lang").unwrap();
                    assert!(["kk", "ru", "zh", "en"].contains(&lang.as_str()));
                }
                if let Some(target) = attr(&e, "target") {
                    targets.push(target);
                }
                children.last_mut().unwrap().push(name.clone());
                children.push(vec![]);
                path.push(name);
                current_type = kind;
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(_) => text.push('&'),
            Event::End(_) => {
                let name = path.pop().unwrap();
                let inside = children.pop().unwrap();
                match (name.as_str(), current_type.take().as_deref()) {
                    ("termNote", Some("administrativeStatus")) => assert!(
                        [
                            "preferredTerm-admn-sts",
                            "admittedTerm-admn-sts",
                            "deprecatedTerm-admn-sts"
                        ]
                        .contains(&text.as_str()),
                        "{text}"
                    ),
                    ("termNote", Some("termType")) => assert!(
                        ["fullForm", "acronym", "abbreviation"].contains(&text.as_str()),
                        "{text}"
                    ),
                    ("termSec", _) => assert_eq!(inside.first().map(String::as_str), Some("term")),
                    ("langSec", _) => assert!(inside.iter().any(|c| c == "termSec")),
                    ("conceptEntry", _) => {
                        assert!(inside.iter().any(|c| c == "langSec"));
                        let first_lang_sec = inside.iter().position(|c| c == "langSec").unwrap();
                        assert!(inside[first_lang_sec..].iter().all(|c| c == "langSec"));
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    for target in targets {
        assert!(ids.contains(&target), "crossReference to {target} resolves");
    }
}

#[test]
fn a_tbx_basic_file_from_another_tool_imports() {
    let concepts = read_tbx(&fixture("other-tool.tbx")).expect("the sample imports");
    assert_eq!(concepts.len(), 2);

    let bl = &concepts[0];
    assert_eq!(bl.id, "c1");
    assert_eq!(bl.domain, Domain::Sea);
    assert_eq!(bl.origin, Origin::User);
    assert_eq!(bl.source, "Hague-Visby Rules");
    assert_eq!(
        bl.note.as_deref(),
        Some("Check which form the consignee's bank asks for.")
    );
    assert!(!bl.from_article);
    assert_eq!(
        bl.en.definition.as_deref(),
        Some(
            "A document issued by the carrier on receiving goods for carriage by sea; a \
             document of title."
        )
    );
    assert_eq!(
        bl.en.example.as_deref(),
        Some("The bank released payment against a clean bill of lading.")
    );
    let en: Vec<_> = bl
        .en
        .terms
        .iter()
        .map(|t| (t.text.as_str(), t.kind))
        .collect();
    assert_eq!(
        en,
        [
            ("bill of lading", TermKind::Preferred),
            ("B/L", TermKind::Abbreviation)
        ]
    );
    assert_eq!(bl.preferred(Lang::Ru), "коносамент");
    assert_eq!(bl.preferred(Lang::Zh), "提单");
    assert_eq!(bl.pinyin(), "tídān");
    assert!(bl.kk.terms.is_empty());

    let declaration = &concepts[1];
    assert_eq!(declaration.domain, Domain::Customs);
    let ru: Vec<_> = declaration
        .ru
        .terms
        .iter()
        .map(|t| (t.text.as_str(), t.kind))
        .collect();
    assert_eq!(
        ru,
        [
            ("декларация на товары", TermKind::Preferred),
            ("грузовая таможенная декларация", TermKind::Deprecated),
            ("ДТ", TermKind::Abbreviation),
        ]
    );
    assert_eq!(declaration.kk.terms[0].kind, TermKind::Preferred);
}

#[test]
fn tbx_v2_and_dct_style_files_import() {
    let v2 = r#"<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>v2</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="customs-broker">
      <descrip type="subjectField">customs</descrip>
      <langSet xml:lang="en">
        <ntig><termGrp><term>customs broker</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
        <tig><term>customs agent</term></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>"#;
    let concepts = read_tbx(v2.as_bytes()).expect("TBX v2 imports");
    assert_eq!(concepts[0].preferred(Lang::En), "customs broker");
    assert_eq!(concepts[0].en.terms[1].kind, TermKind::Synonym);

    let dct = r#"<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader><fileDesc><sourceDesc><p>dct</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="dry-port">
      <min:subjectField>geography</min:subjectField>
      <langSec xml:lang="en">
        <basic:definition>An inland terminal linked to a seaport.</basic:definition>
        <termSec><term>dry port</term>
          <min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>"#;
    let concepts = read_tbx(dct.as_bytes()).expect("DCT style imports");
    assert_eq!(concepts[0].domain, Domain::Geography);
    assert_eq!(
        concepts[0].en.definition.as_deref(),
        Some("An inland terminal linked to a seaport.")
    );
}

#[test]
fn a_good_minimal_file_imports() {
    let concepts = read_tbx(document(GOOD_ENTRY).as_bytes()).expect("imports");
    assert_eq!(concepts[0].pinyin(), "jízhuāngxiāng bānliè");
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), document(GOOD_ENTRY).as_bytes()].concat();
    assert!(read_tbx(&with_bom).is_ok());
}

#[test]
fn what_is_not_xml_is_refused() {
    let message = unreadable(b"id,domain,en\ncontainer-train,rail,container train\n");
    assert!(message.contains("not well-formed XML"), "{message}");
}

#[test]
fn an_unclosed_tag_is_refused() {
    let text = document(GOOD_ENTRY);
    let cut = &text[..text.find("</body>").unwrap()];
    let message = unreadable(cut.as_bytes());
    assert!(message.contains("<body>"), "{message}");
    assert!(message.contains("is closed"), "{message}");

    let broken = document(GOOD_ENTRY).replace(
        "</term></termSec></langSec>\n        <langSec xml:lang=\"zh\">",
        "</termSec></langSec>\n        <langSec xml:lang=\"zh\">",
    );
    let message = unreadable(broken.as_bytes());
    assert!(
        message.contains("not well-formed XML (line 8)"),
        "{message}"
    );
}

#[test]
fn the_billion_laughs_bomb_is_refused_unexpanded() {
    let message = unreadable(&fixture("billion-laughs.tbx"));
    assert!(message.contains("declares XML entities"), "{message}");
    assert!(message.contains("line 2"), "{message}");
}

#[test]
fn external_entities_are_refused() {
    let message = unreadable(&fixture("external-entity.tbx"));
    assert!(message.contains("declares XML entities"), "{message}");
}

#[test]
fn undefined_entities_are_refused() {
    let text = document(&GOOD_ENTRY.replace("container train", "&nbsp;container train"));
    let message = unreadable(text.as_bytes());
    assert!(message.contains("&nbsp;"), "{message}");
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(unreadable(b""), "the file is empty");
    assert_eq!(unreadable(b" \n\t\n"), "the file is empty");
    let no_entries = document("");
    assert!(unreadable(no_entries.as_bytes()).contains("holds no concepts"));
}

#[test]
fn bad_utf8_is_refused_with_its_line() {
    let mut bytes = document(GOOD_ENTRY).into_bytes();
    let at = bytes.windows(9).position(|w| w == b"container").unwrap();
    bytes[at] = 0xFF;
    let message = unreadable(&bytes);
    assert!(message.contains("not valid UTF-8 (line 6)"), "{message}");
    let message = unreadable(&[0xFF, 0xFE, b'<', 0]);
    assert!(message.contains("UTF-16"), "{message}");
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let huge = vec![b' '; MAX_TBX_BYTES + 1];
    let message = unreadable(&huge);
    assert!(message.contains("larger than 50 MB"), "{message}");
}

#[test]
fn xml_that_is_not_tbx_is_refused() {
    let message = unreadable(b"<html><body>hello</body></html>");
    assert!(message.contains("root element is <html>"), "{message}");
    let message = unreadable(b"<tbx></tbx><tbx></tbx>");
    assert!(message.contains("outside the root element"), "{message}");
}

#[test]
fn a_concept_entry_without_id_is_refused() {
    let text = document(&GOOD_ENTRY.replace(r#" id="container-train""#, ""));
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].line, 6);
    assert_eq!(found[0].column.as_deref(), Some("id"));
    assert!(found[0].message.contains("without an id"));
}

#[test]
fn an_unknown_language_is_refused() {
    let text = document(&GOOD_ENTRY.replace(r#"xml:lang="en""#, r#"xml:lang="de-DE""#));
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].line, 8);
    assert_eq!(found[0].column.as_deref(), Some("xml:lang"));
    assert!(found[0].message.contains("unknown language 'de-DE'"));
}

#[test]
fn every_problem_of_a_file_is_listed_with_its_line() {
    let bad_domain = GOOD_ENTRY
        .replace("container-train", "rail-x")
        .replace(">rail<", ">General<");
    let no_pinyin = GOOD_ENTRY
        .replace("container-train", "block-train")
        .replace(
            r#"<note xml:lang="zh-Latn-pinyin">jízhuāngxiāng bānliè</note>"#,
            "",
        );
    let no_terms = r#"      <conceptEntry id="empty">
        <descrip type="subjectField">rail</descrip>
      </conceptEntry>"#;
    let bad_id = GOOD_ENTRY.replace("container-train", "Container_Train");
    let entries = [
        GOOD_ENTRY,
        &bad_domain,
        GOOD_ENTRY,
        &no_pinyin,
        no_terms,
        &bad_id,
    ];
    let found = problems(&document(&entries.join("\n")));
    let summary: Vec<_> = found
        .iter()
        .map(|p| (p.line, p.column.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        summary,
        [
            (12, "subjectField"),
            (16, "id"),
            (24, "term"),
            (26, "term"),
            (29, "id"),
        ],
        "{found:#?}"
    );
    assert!(found[0].message.contains("unknown subject field 'General'"));
    assert!(
        found[1]
            .message
            .contains("already used by the conceptEntry on line 6")
    );
    assert!(found[2].message.contains("'集装箱班列' has no pinyin"));
    assert!(found[3].message.contains("'empty' has no terms"));
    assert!(found[4].message.contains("not a slug"));
    let shown = ImportError::Problems(found).to_string();
    assert!(
        shown.contains("line 12, column subjectField: unknown subject field"),
        "{shown}"
    );
}
