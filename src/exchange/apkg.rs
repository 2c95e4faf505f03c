//! Export to an Anki package (`.apkg`): a zip holding `collection.anki2`, an Anki collection
//! in the legacy schema 11 that every Anki version imports, and an empty `media` list.
//!
//! The collection has one note type, "Keruen", with the fields Kazakh, Russian, Chinese,
//! Pinyin, English, Definitions and Domain, and one card template per direction asked for:
//! the front shows the prompt language, the back everything. Each concept is one note whose
//! guid is derived from the concept's id, and the note type's and the deck's ids from the
//! directions and the deck name, so importing a newer export updates the notes instead of
//! adding copies.
//!
//! The collection's tables are written by `store::anki_collection`, from the rows this
//! module prepares.

use super::anki::{html, html_lang, label};
use crate::model::{Concept, Lang};
use crate::store::StoreError;
use crate::store::anki_collection::{AnkiCard, AnkiCollection, AnkiNote, write_anki_collection};
use crate::study::card::Direction;
use serde_json::{Value, json};
use sha1::{Digest, Sha1};
use std::io::{self, Write};
use std::time::{SystemTime, UNIX_EPOCH};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

/// The name of the note type in Anki.
pub const NOTETYPE_NAME: &str = "Keruen";

/// The note type's fields, in order.
pub const FIELDS: [&str; 7] = [
    "Kazakh",
    "Russian",
    "Chinese",
    "Pinyin",
    "English",
    "Definitions",
    "Domain",
];

/// The index in [`FIELDS`] of the Pinyin field.
const PINYIN: usize = 3;

/// The styling of the cards.
const CSS: &str = ".card { font-family: sans-serif; font-size: 24px; text-align: center; \
color: black; background-color: white; }
.prompt { font-size: 32px; }
.answer { font-size: 30px; font-weight: bold; }
.pinyin { color: #555; }
.others { margin-top: 12px; font-size: 20px; }
.label { font-size: 13px; color: #888; margin-right: 4px; }
.definitions { margin-top: 12px; font-size: 17px; text-align: left; }
.domain { margin-top: 12px; font-size: 13px; color: #888; }
.nightMode .pinyin { color: #bbb; }";

/// Why an Anki package was not written.
#[derive(Debug, thiserror::Error)]
pub enum ApkgError {
    /// No direction (with two different languages) was given, so there would be no cards.
    #[error("choose at least one direction for the Anki cards")]
    NoDirections,
    /// The package file could not be written.
    #[error("the Anki package could not be written: {0}")]
    Io(#[from] io::Error),
    /// The collection inside the package could not be built.
    #[error("the Anki collection could not be built: {0}")]
    Collection(#[from] StoreError),
    /// The zip archive could not be written.
    #[error("the Anki package could not be zipped: {0}")]
    Zip(#[from] zip::result::ZipError),
}

/// Writes the concepts as an Anki package to `out`: one "Keruen" note a concept in the deck
/// `deck_name`, with one card per direction (the same direction given twice counts once); a
/// concept gets no card for a direction whose prompt language it has no term in.
pub fn write_apkg(
    concepts: &[&Concept],
    directions: &[Direction],
    deck_name: &str,
    out: &mut impl Write,
) -> Result<(), ApkgError> {
    let mut distinct: Vec<Direction> = Vec::new();
    for &direction in directions {
        if direction.from != direction.to && !distinct.contains(&direction) {
            distinct.push(direction);
        }
    }
    if distinct.is_empty() {
        return Err(ApkgError::NoDirections);
    }
    let collection = build_collection(concepts, &distinct, deck_name)?;
    let mut zip = ZipWriter::new(io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("collection.anki2", options)?;
    zip.write_all(&collection)?;
    zip.start_file("media", options)?;
    zip.write_all(b"{}")?;
    out.write_all(&zip.finish()?.into_inner())?;
    Ok(())
}

/// The ids of the note type and of the deck, which the collection's JSON refers to.
struct Ids {
    /// The note type's id.
    notetype: i64,
    /// The deck's id.
    deck: i64,
}

/// Builds the collection file in memory and returns its bytes.
fn build_collection(
    concepts: &[&Concept],
    directions: &[Direction],
    deck_name: &str,
) -> Result<Vec<u8>, StoreError> {
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as i64);
    let deck_name = match deck_name.trim() {
        "" => NOTETYPE_NAME.to_string(),
        name => name.chars().filter(|c| !c.is_control()).collect(),
    };
    let key: Vec<String> = directions.iter().map(Direction::to_string).collect();
    let ids = Ids {
        notetype: stable_id(&format!("notetype:{}", key.join(","))),
        deck: stable_id(&format!("deck:{deck_name}")),
    };
    let now = now_ms / 1000;

    let collection = AnkiCollection {
        created: now - now % 86_400,
        modified_ms: now_ms,
        conf: collection_config(&ids, concepts.len()).to_string(),
        models: json!({ ids.notetype.to_string(): notetype(&ids, directions, now) }).to_string(),
        decks: decks(&ids, &deck_name, now).to_string(),
        dconf: json!({ "1": deck_config(now) }).to_string(),
    };
    let notes: Vec<AnkiNote> = concepts
        .iter()
        .enumerate()
        .map(|(index, concept)| {
            let note_id = now_ms + index as i64;
            let fields = note_fields(concept);
            let sort_field = strip_html(&fields[0]);
            let cards = directions
                .iter()
                .enumerate()
                .filter(|(_, direction)| !concept.preferred(direction.from).is_empty())
                .map(|(ord, _)| AnkiCard {
                    id: now_ms + (index * directions.len() + ord) as i64,
                    deck: ids.deck,
                    ord: ord as i64,
                    due: index as i64 + 1,
                })
                .collect();
            AnkiNote {
                id: note_id,
                guid: format!("keruen:{}", concept.id),
                notetype: ids.notetype,
                modified: now,
                tags: format!(" {} keruen ", concept.domain.id()),
                fields: fields.join("\x1f"),
                checksum: checksum(&sort_field),
                sort_field,
                cards,
            }
        })
        .collect();
    write_anki_collection(&collection, &notes)
}

/// The note's fields in the order of [`FIELDS`], as HTML.
fn note_fields(concept: &Concept) -> [String; 7] {
    let definitions: Vec<String> = Lang::ALL
        .into_iter()
        .filter_map(|lang| {
            let text = concept.lang(lang).definition.as_deref()?.trim();
            (!text.is_empty()).then(|| {
                format!(
                    "<div lang=\"{}\"><span class=\"label\">{}</span> {}</div>",
                    html_lang(lang),
                    label(lang),
                    html(text)
                )
            })
        })
        .collect();
    [
        html(concept.preferred(Lang::Kk)),
        html(concept.preferred(Lang::Ru)),
        html(concept.preferred(Lang::Zh)),
        html(concept.pinyin()),
        html(concept.preferred(Lang::En)),
        definitions.concat(),
        concept.domain.id().to_string(),
    ]
}

/// The index in [`FIELDS`] of a language's term.
fn field_index(lang: Lang) -> usize {
    match lang {
        Lang::Kk => 0,
        Lang::Ru => 1,
        Lang::Zh => 2,
        Lang::En => 4,
    }
}

/// A language's term as template markup, with the pinyin under a Chinese term.
fn term_markup(lang: Lang) -> String {
    let field = FIELDS[field_index(lang)];
    let mut markup = format!("<span lang=\"{}\">{{{{{field}}}}}</span>", html_lang(lang));
    if lang == Lang::Zh {
        let pinyin = FIELDS[PINYIN];
        markup.push_str(&format!(
            "{{{{#{pinyin}}}}} <span class=\"pinyin\">{{{{{pinyin}}}}}</span>{{{{/{pinyin}}}}}"
        ));
    }
    markup
}

/// The card template of one direction: the prompt term on the front; the answer, the other
/// languages, the definitions and the domain on the back (and the pinyin under a Chinese
/// prompt once it is answered).
fn template(direction: Direction, ord: usize) -> Value {
    let from = FIELDS[field_index(direction.from)];
    let to = direction.to;
    let question = format!(
        "<div class=\"prompt\" lang=\"{}\">{{{{{from}}}}}</div>",
        html_lang(direction.from)
    );
    let mut answer = String::from("{{FrontSide}}\n");
    if direction.from == Lang::Zh {
        let pinyin = FIELDS[PINYIN];
        answer.push_str(&format!(
            "{{{{#{pinyin}}}}}<div class=\"pinyin\">{{{{{pinyin}}}}}</div>{{{{/{pinyin}}}}}\n"
        ));
    }
    answer.push_str(&format!(
        "<hr id=answer>\n<div class=\"answer\">{}</div>\n<div class=\"others\">",
        term_markup(to)
    ));
    for lang in Lang::ALL {
        if lang != direction.from && lang != to {
            let field = FIELDS[field_index(lang)];
            answer.push_str(&format!(
                "\n{{{{#{field}}}}}<div><span class=\"label\">{}</span> {}</div>{{{{/{field}}}}}",
                label(lang),
                term_markup(lang)
            ));
        }
    }
    answer.push_str(
        "\n</div>\n{{#Definitions}}<div class=\"definitions\">{{Definitions}}</div>{{/Definitions}}\
         \n<div class=\"domain\">{{Domain}}</div>",
    );
    json!({
        "name": format!("{} → {}", from, FIELDS[field_index(to)]),
        "ord": ord,
        "qfmt": question,
        "afmt": answer,
        "bqfmt": "",
        "bafmt": "",
        "did": null,
        "bfont": "",
        "bsize": 0,
    })
}

/// The "Keruen" note type in schema 11 JSON.
fn notetype(ids: &Ids, directions: &[Direction], now: i64) -> Value {
    let fields: Vec<Value> = FIELDS
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({
                "name": name, "ord": ord, "sticky": false, "rtl": false,
                "font": "Arial", "size": 20, "media": [],
            })
        })
        .collect();
    let templates: Vec<Value> = directions
        .iter()
        .enumerate()
        .map(|(ord, &direction)| template(direction, ord))
        .collect();
    // Which field each card needs, for Anki versions that still read `req`.
    let requirements: Vec<Value> = directions
        .iter()
        .enumerate()
        .map(|(ord, direction)| json!([ord, "any", [field_index(direction.from)]]))
        .collect();
    json!({
        "id": ids.notetype,
        "name": NOTETYPE_NAME,
        "type": 0,
        "mod": now,
        "usn": -1,
        "sortf": 0,
        "did": ids.deck,
        "tmpls": templates,
        "flds": fields,
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        "req": requirements,
        "tags": [],
        "vers": [],
    })
}

/// The decks: Anki's "Default" (which every collection has) and the exported one.
fn decks(ids: &Ids, name: &str, now: i64) -> Value {
    let deck = |id: i64, name: &str| {
        json!({
            "id": id, "name": name, "mod": now, "usn": -1, "desc": "", "dyn": 0, "conf": 1,
            "collapsed": false, "browserCollapsed": false, "extendNew": 0, "extendRev": 0,
            "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
        })
    };
    json!({
        "1": deck(1, "Default"),
        ids.deck.to_string(): deck(ids.deck, name),
    })
}

/// Anki's default deck options, in schema 11 JSON.
fn deck_config(now: i64) -> Value {
    json!({
        "id": 1, "name": "Default", "mod": now, "usn": -1, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": {
            "bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0],
            "order": 1, "perDay": 20,
        },
        "rev": {
            "bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200,
            "hardFactor": 1.2,
        },
        "lapse": {
            "delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0,
        },
    })
}

/// The collection's settings in schema 11 JSON.
fn collection_config(ids: &Ids, notes: usize) -> Value {
    json!({
        "activeDecks": [ids.deck], "curDeck": ids.deck, "curModel": ids.notetype,
        "nextPos": notes + 1, "estTimes": true, "dueCounts": true, "newSpread": 0,
        "collapseTime": 1200, "timeLim": 0, "sortType": "noteFld", "sortBackwards": false,
        "addToCur": true, "schedVer": 2,
    })
}

/// An id that stays the same for the same key, in the range of Anki's millisecond ids and
/// exact in JavaScript numbers.
fn stable_id(key: &str) -> i64 {
    let digest = Sha1::digest(format!("keruen:{key}").as_bytes());
    let mut bytes = [0u8; 8];
    bytes[2..].copy_from_slice(&digest[..6]);
    (1 << 48) + i64::from_be_bytes(bytes)
}

/// A field's text without HTML, as Anki's sort field holds it: tags dropped, the entities
/// [`html`] writes decoded.
fn strip_html(field: &str) -> String {
    let mut text = String::with_capacity(field.len());
    let mut in_tag = false;
    for c in field.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Anki's field checksum: the first 8 hex digits of the SHA-1 of the stripped field.
fn checksum(stripped: &str) -> i64 {
    let digest = Sha1::digest(stripped.as_bytes());
    i64::from(u32::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3],
    ]))
}
