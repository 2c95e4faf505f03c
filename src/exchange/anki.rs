//! Export to a text file that a stock Anki (23.10 and later) imports as it is, with no
//! choice to make in its import dialog.
//!
//! The file starts with Anki's `#key:value` header lines, which fix the separator (tab),
//! HTML fields, the note type (the stock "Basic (and reversed card)", so two cards a
//! concept), the deck and the column meanings. Then one row a concept: the front (the prompt
//! term), the back (the answer, the other languages and a definition, in HTML), the tags and
//! the deck name.
//!
//! The deck is named twice on purpose: Anki 23.10 reads `#deck:` only as a deck that already
//! exists (the cards land in "Default" otherwise; newer versions create it), while a deck
//! column, declared after it and so taking precedence, creates the deck in every version.
//! User text is HTML-escaped; a field holding a tab, a line break or a double quote is
//! quoted as in RFC 4180, which Anki's reader follows.

use crate::model::{Concept, Lang, TermKind};
use crate::study::card::Direction;
use std::io::{self, Write};

/// The stock Anki note type the text export fills: a Front and a Back field, one card each
/// way.
pub const ANKI_NOTETYPE: &str = "Basic (and reversed card)";

/// Writes the concepts as an Anki text file: one note a concept, asking in `direction.from`
/// on the front and answering in `direction.to` first on the back; the cards go to the deck
/// `deck_name` (created by Anki when missing; `::` makes a subdeck) and are tagged with the
/// domain and `keruen`.
pub fn write_anki_text(
    concepts: &[&Concept],
    direction: Direction,
    deck_name: &str,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(out, "#separator:tab")?;
    writeln!(out, "#html:true")?;
    writeln!(out, "#notetype:{ANKI_NOTETYPE}")?;
    let deck_name = one_line(deck_name);
    writeln!(out, "#deck:{deck_name}")?;
    writeln!(out, "#deck column:4")?;
    writeln!(out, "#tags column:3")?;
    writeln!(out, "#columns:Front\tBack\tTags\tDeck")?;
    for concept in concepts {
        let fields = [
            front(concept, direction.from),
            back(concept, direction),
            tags(concept),
            deck_name.clone(),
        ];
        let row: Vec<String> = fields.iter().map(|field| quote(field)).collect();
        writeln!(out, "{}", row.join("\t"))?;
    }
    Ok(())
}

/// Text as HTML: `&`, `<`, `>` and both quotes escaped, line breaks as `<br>`, tabs and other
/// control characters as spaces.
pub(crate) fn html(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The short label shown before a language's line: `KK`, `RU`, `ZH`, `EN`.
pub(crate) fn label(lang: Lang) -> String {
    lang.code().to_uppercase()
}

/// The `lang` attribute of a language's text; `zh-Hans` makes Anki pick Chinese glyphs.
pub(crate) fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-Hans",
        other => other.code(),
    }
}

/// The preferred term of a language as HTML, marked with its language, or "" when none.
pub(crate) fn term_html(concept: &Concept, lang: Lang) -> String {
    let term = concept.preferred(lang);
    if term.is_empty() {
        return String::new();
    }
    format!("<span lang=\"{}\">{}</span>", html_lang(lang), html(term))
}

/// The definition to show with an answer in `lang`: that language's, else the English one.
pub(crate) fn definition(concept: &Concept, lang: Lang) -> Option<(Lang, &str)> {
    [lang, Lang::En].into_iter().find_map(|lang| {
        concept
            .lang(lang)
            .definition
            .as_deref()
            .filter(|text| !text.trim().is_empty())
            .map(|text| (lang, text))
    })
}

/// The front: the prompt term. A leading `#` is written as an entity, since Anki reads a line
/// starting with `#` as a header or a comment.
fn front(concept: &Concept, lang: Lang) -> String {
    let term = html(concept.preferred(lang));
    match term.strip_prefix('#') {
        Some(rest) => format!("&#35;{rest}"),
        None => term,
    }
}

/// The back: the answer (with pinyin and the other admitted terms), the languages neither
/// asked nor answered, and the definition.
fn back(concept: &Concept, direction: Direction) -> String {
    let mut blocks = Vec::new();
    let to = direction.to;
    let mut answer = format!("<b>{}</b>", term_html(concept, to));
    if to == Lang::Zh && !concept.pinyin().is_empty() {
        answer.push_str(&format!("<br>{}", html(concept.pinyin())));
    }
    let others: Vec<String> = concept
        .lang(to)
        .terms
        .iter()
        .skip(1)
        .filter(|term| term.kind != TermKind::Deprecated)
        .map(|term| html(&term.text))
        .collect();
    if !others.is_empty() {
        answer.push_str(&format!("<br><small>{}</small>", others.join(", ")));
    }
    blocks.push(answer);
    let lines: Vec<String> = Lang::ALL
        .into_iter()
        .filter(|&lang| lang != direction.from && lang != to)
        .filter(|&lang| !concept.preferred(lang).is_empty())
        .map(|lang| {
            let mut line = format!(
                "<small>{}</small> {}",
                label(lang),
                term_html(concept, lang)
            );
            if lang == Lang::Zh && !concept.pinyin().is_empty() {
                line.push_str(&format!(" {}", html(concept.pinyin())));
            }
            line
        })
        .collect();
    if !lines.is_empty() {
        blocks.push(lines.join("<br>"));
    }
    if let Some((lang, text)) = definition(concept, to) {
        blocks.push(format!(
            "<i lang=\"{}\">{}</i>",
            html_lang(lang),
            html(text)
        ));
    }
    blocks.join("<br><br>")
}

/// The tags: the domain id and `keruen` (Anki separates tags by spaces).
fn tags(concept: &Concept) -> String {
    format!("{} keruen", concept.domain.id())
}

/// A header value on one line: control characters become spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A field as CSV: quoted, with quotes doubled, when it holds a quote, a tab or a line break.
fn quote(field: &str) -> String {
    if field.contains(['"', '\t', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
