//! TBX export and import: the TBX-Basic dialect of ISO 30042:2019 (TBX v3), DCA style.
//!
//! # What a concept becomes
//!
//! ```text
//! <conceptEntry id="bill-of-lading">                       the slug
//!   <descrip type="subjectField">sea</descrip>             the domain id
//!   <admin type="projectSubset">From the article</admin>   only when from_article
//!   <admin type="source">…</admin>                         source (omitted when empty)
//!   <note>…</note>                                         the usage note, as written
//!   <note>Article context: …</note>                        article_context
//!   <ref type="crossReference" target="other-id">other-id</ref>   a homonym in the file
//!   <note>Homonym of: other-id</note>                      a homonym not in the file
//!   <descrip type="definition" xml:lang="kk">…</descrip>   a definition of a language
//!                                                          without terms (rare)
//!   <langSec xml:lang="zh">                                one per language with terms
//!     <descrip type="definition">…</descrip>
//!     <termSec>                                            one per term, in order
//!       <term>提单</term>
//!       <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
//!       <termNote type="termType">fullForm</termNote>     see below
//!       <descrip type="context">…</descrip>                the example, first termSec only
//!       <note xml:lang="zh-Latn-pinyin">tídān</note>       the pinyin
//!     </termSec>
//!   </langSec>
//! </conceptEntry>
//! ```
//!
//! Every data category is one of TBX-Basic's (subjectField, projectSubset, source, definition,
//! context, crossReference, administrativeStatus, termType), at a level TBX-Basic allows.
//! Term kinds: preferred → `preferredTerm-admn-sts`; synonym and abbreviation →
//! `admittedTerm-admn-sts`, the abbreviation with termType `acronym` (letters and digits
//! only, capitals: TEU, СМГС) or `abbreviation` (B/L); deprecated → `deprecatedTerm-admn-sts`.
//! The preferred term is marked `fullForm` when its language also has an abbreviation.
//!
//! TBX-Basic has no pinyin data category (its termNote types are administrativeStatus,
//! grammaticalGender, geographicalUsage, partOfSpeech, termLocation and termType), and a DCA
//! file may hold no foreign elements. So pinyin travels in the one free-text element a termSec
//! allows, `<note>`, tagged with the BCP 47 tag for pinyin, `xml:lang="zh-Latn-pinyin"`:
//! valid TBX-Basic, shown by a CAT tool as a harmless note, and recognised by the tag (not by
//! guessing at the text) when read back. The usage note, article context and homonyms that
//! TBX-Basic has no category for are concept-level notes, the last two with a fixed prefix.
//!
//! Text is written so that [`read_tbx`] gets it back exactly: whitespace an XML pretty-printer
//! could have added (line breaks, tabs, doubled, leading or trailing spaces) is written as
//! character references, and literal whitespace is collapsed when reading, as other tools'
//! indented files need.
//!
//! # Reading
//!
//! [`read_tbx`] also takes TBX-Basic from other tools: transactions, parts of speech, images
//! and other extras are skipped, `*Grp` wrappers are looked into, DCT-style elements
//! (`<min:subjectField>`) and TBX v2 names (`martif`, `termEntry`, `langSet`, `tig`, `ntig`)
//! are understood. The file is refused whole ([`ImportError`]) if it is not well-formed XML,
//! declares entities, or any entry has a problem; every problem is listed with its line.

use crate::exchange::{ImportError, Problem};
use crate::model::{Concept, Domain, Lang, LangEntry, Origin, Term, TermKind, UnknownLang};
use crate::termbase::validate::is_slug;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io;

/// The largest file [`read_tbx`] reads: 50 MiB.
pub const MAX_TBX_BYTES: usize = 50 * 1024 * 1024;

/// The language tag of the notes that carry pinyin (Chinese, Latin script, pinyin).
const PINYIN_LANG: &str = "zh-Latn-pinyin";
/// The projectSubset of the concepts the seed article uses.
const FROM_ARTICLE: &str = "From the article";
/// The prefix of the note that holds the article context.
const ARTICLE_CONTEXT: &str = "Article context: ";
/// The prefix of the note naming a homonym that is not in the same file.
const HOMONYM: &str = "Homonym of: ";
/// Deeper nesting than this is no TBX (which needs about ten levels).
const MAX_DEPTH: usize = 64;
/// More elements than this in 50 MiB is no terminology, and would only cost memory.
const MAX_ELEMENTS: usize = 2_000_000;

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <titleStmt>
        <title>Keruen: Kazakhstan–China logistics termbase (kk, ru, zh, en)</title>
      </titleStmt>
      <sourceDesc>
        <p>Exported by Keruen. Subject fields are Keruen domain ids. The pinyin of each Chinese term is the termSec note with xml:lang="zh-Latn-pinyin".</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
"#;

const FOOTER: &str = "    </body>\n  </text>\n</tbx>\n";

/// Writes `concepts` as one TBX-Basic document (UTF-8), in the order given.
pub fn write_tbx(concepts: &[&Concept], out: &mut impl io::Write) -> io::Result<()> {
    let ids: HashSet<&str> = concepts.iter().map(|concept| concept.id.as_str()).collect();
    out.write_all(HEADER.as_bytes())?;
    let mut buf = String::new();
    for concept in concepts {
        buf.clear();
        write_concept(&mut buf, concept, &ids);
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(FOOTER.as_bytes())
}

fn write_concept(buf: &mut String, concept: &Concept, ids: &HashSet<&str>) {
    open(buf, 3, "conceptEntry", &[("id", &concept.id)]);
    leaf(
        buf,
        4,
        "descrip",
        &[("type", "subjectField")],
        concept.domain.id(),
    );
    if concept.from_article {
        leaf(buf, 4, "admin", &[("type", "projectSubset")], FROM_ARTICLE);
    }
    if !concept.source.is_empty() {
        leaf(buf, 4, "admin", &[("type", "source")], &concept.source);
    }
    if let Some(note) = &concept.note {
        leaf(buf, 4, "note", &[], note);
    }
    if let Some(context) = &concept.article_context {
        leaf(buf, 4, "note", &[], &format!("{ARTICLE_CONTEXT}{context}"));
    }
    for homonym in &concept.homonyms {
        if ids.contains(homonym.as_str()) {
            let attrs = [("type", "crossReference"), ("target", homonym.as_str())];
            leaf(buf, 4, "ref", &attrs, homonym);
        } else {
            leaf(buf, 4, "note", &[], &format!("{HOMONYM}{homonym}"));
        }
    }
    for lang in Lang::ALL {
        let entry = concept.lang(lang);
        if let (true, Some(definition)) = (entry.terms.is_empty(), &entry.definition) {
            let attrs = [("type", "definition"), ("xml:lang", lang.code())];
            leaf(buf, 4, "descrip", &attrs, definition);
        }
    }
    for lang in Lang::ALL {
        let entry = concept.lang(lang);
        if !entry.terms.is_empty() {
            write_lang_sec(buf, lang, entry);
        }
    }
    close(buf, 3, "conceptEntry");
}

fn write_lang_sec(buf: &mut String, lang: Lang, entry: &LangEntry) {
    open(buf, 4, "langSec", &[("xml:lang", lang.code())]);
    if let Some(definition) = &entry.definition {
        leaf(buf, 5, "descrip", &[("type", "definition")], definition);
    }
    let has_abbreviation = entry
        .terms
        .iter()
        .any(|term| term.kind == TermKind::Abbreviation);
    for (at, term) in entry.terms.iter().enumerate() {
        open(buf, 5, "termSec", &[]);
        leaf(buf, 6, "term", &[], &term.text);
        let status = match term.kind {
            TermKind::Preferred => "preferredTerm-admn-sts",
            TermKind::Synonym | TermKind::Abbreviation => "admittedTerm-admn-sts",
            TermKind::Deprecated => "deprecatedTerm-admn-sts",
        };
        leaf(
            buf,
            6,
            "termNote",
            &[("type", "administrativeStatus")],
            status,
        );
        if let Some(term_type) = term_type(term, has_abbreviation) {
            leaf(buf, 6, "termNote", &[("type", "termType")], term_type);
        }
        if let (0, Some(example)) = (at, &entry.example) {
            leaf(buf, 6, "descrip", &[("type", "context")], example);
        }
        if let Some(pinyin) = &term.pinyin {
            leaf(buf, 6, "note", &[("xml:lang", PINYIN_LANG)], pinyin);
        }
        close(buf, 5, "termSec");
    }
    close(buf, 4, "langSec");
}

/// The termType of a term, when it is worth saying: abbreviations always, the preferred term
/// when it is an acronym itself or its language has an abbreviation, deprecated acronyms.
/// Never for synonyms, which must read back as synonyms.
fn term_type(term: &Term, language_has_abbreviation: bool) -> Option<&'static str> {
    let acronym = looks_like_acronym(&term.text);
    match term.kind {
        TermKind::Abbreviation if acronym => Some("acronym"),
        TermKind::Abbreviation => Some("abbreviation"),
        TermKind::Preferred | TermKind::Deprecated if acronym => Some("acronym"),
        TermKind::Preferred if language_has_abbreviation => Some("fullForm"),
        _ => None,
    }
}

/// Whether a term is written like an acronym: capitals and digits only, two letters or more.
fn looks_like_acronym(text: &str) -> bool {
    text.chars().all(char::is_alphanumeric)
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

fn indent(buf: &mut String, depth: usize) {
    buf.extend(std::iter::repeat_n("  ", depth));
}

fn start_tag(buf: &mut String, name: &str, attrs: &[(&str, &str)]) {
    buf.push('<');
    buf.push_str(name);
    for (key, value) in attrs {
        buf.push(' ');
        buf.push_str(key);
        buf.push_str("=\"");
        escape_into(buf, value);
        buf.push('"');
    }
    buf.push('>');
}

fn open(buf: &mut String, depth: usize, name: &str, attrs: &[(&str, &str)]) {
    indent(buf, depth);
    start_tag(buf, name, attrs);
    buf.push('\n');
}

fn close(buf: &mut String, depth: usize, name: &str) {
    indent(buf, depth);
    buf.push_str("</");
    buf.push_str(name);
    buf.push_str(">\n");
}

fn leaf(buf: &mut String, depth: usize, name: &str, attrs: &[(&str, &str)], text: &str) {
    indent(buf, depth);
    start_tag(buf, name, attrs);
    escape_into(buf, text);
    buf.push_str("</");
    buf.push_str(name);
    buf.push_str(">\n");
}

/// Whether `c` is XML whitespace (the only characters a reader may collapse).
fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Whether XML 1.0 can carry `c` at all.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text (or an attribute value) so that it reads back exactly: markup characters as
/// entities, and every whitespace character that collapsing would change as a character
/// reference. Characters XML cannot carry become U+FFFD.
fn escape_into(buf: &mut String, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for (at, &c) in chars.iter().enumerate() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '"' => buf.push_str("&quot;"),
            '\t' => buf.push_str("&#9;"),
            '\n' => buf.push_str("&#10;"),
            '\r' => buf.push_str("&#13;"),
            ' ' if at > 0 && at + 1 < chars.len() && !is_xml_space(chars[at - 1]) => buf.push(' '),
            ' ' => buf.push_str("&#32;"),
            c if !is_xml_char(c) => buf.push('\u{FFFD}'),
            c => buf.push(c),
        }
    }
}

/// Reads a TBX document back into concepts, all or nothing. Imported concepts are the
/// user's ([`Origin::User`]).
pub fn read_tbx(bytes: &[u8]) -> Result<Vec<Concept>, ImportError> {
    let text = decode(bytes)?;
    let root = parse(text)?;
    interpret(&root)
}

fn unreadable(message: impl Into<String>) -> ImportError {
    ImportError::Unreadable(message.into())
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    1 + text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Lines of offsets met in increasing order, counted incrementally (counting from the start
/// of the file for every element would be quadratic).
struct Lines<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            return line_of(self.text, offset);
        }
        let newlines = self.text.as_bytes()[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.line += newlines;
        self.line
    }
}

fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_TBX_BYTES {
        return Err(unreadable(format!(
            "the file is {:.1} MB; TBX files larger than 50 MB are not imported",
            bytes.len() as f64 / (1024.0 * 1024.0)
        )));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(unreadable(
            "the file is saved as UTF-16; save it as UTF-8 and import it again",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        unreadable(format!(
            "the file is not valid UTF-8 (line {line}); TBX files must be saved as UTF-8"
        ))
    })?;
    if text.trim().is_empty() {
        return Err(unreadable("the file is empty"));
    }
    // XML cannot carry these even as references, so a TBX export could not give them back.
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| !is_xml_char(c)) {
        return Err(unreadable(format!(
            "the file holds the character U+{:04X} (line {}), which XML does not allow; \
             remove it and import again",
            c as u32,
            line_of(text, at)
        )));
    }
    Ok(text)
}

/// A piece of an element's text.
#[derive(Debug)]
enum Piece<'a> {
    /// Literal text, whose whitespace may be indentation.
    Literal(Cow<'a, str>),
    /// Text from a character or entity reference or a CDATA section, kept exactly.
    Exact(Cow<'a, str>),
}

#[derive(Debug)]
enum Node<'a> {
    Element(Element<'a>),
    Text(Piece<'a>),
}

/// One element of the parsed document.
#[derive(Debug)]
struct Element<'a> {
    /// The local name, without a namespace prefix.
    name: String,
    /// Whether the name had a prefix (a DCT-style data category, or another vocabulary).
    prefixed: bool,
    /// Attributes by qualified name (`xml:lang`), namespace declarations left out.
    attrs: Vec<(String, String)>,
    /// The line of the start tag.
    line: usize,
    children: Vec<Node<'a>>,
}

impl<'a> Element<'a> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim())
    }

    fn elements(&self) -> impl Iterator<Item = &Element<'a>> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    fn child(&self, name: &str) -> Option<&Element<'a>> {
        self.elements().find(|element| element.name == name)
    }

    /// The children that carry data, looking into groups: a `descripGrp`, `adminGrp` or
    /// `termNoteGrp` stands for its first element (the notes and sources after it are about
    /// that element, not about this one); a TBX v2 `termGrp` for all its children.
    fn items(&self) -> Vec<&Element<'a>> {
        let mut items = Vec::new();
        for element in self.elements() {
            match element.name.as_str() {
                "termGrp" => items.extend(element.elements()),
                name if name.ends_with("Grp") && !element.prefixed => {
                    items.extend(element.elements().next());
                }
                _ => items.push(element),
            }
        }
        items
    }

    /// The data category of this element: the `type` of a DCA element, the name of a
    /// DCT one.
    fn datcat(&self) -> Option<&str> {
        match self.name.as_str() {
            _ if self.prefixed => Some(self.name.as_str()),
            "descrip" | "admin" | "termNote" | "ref" | "xref" | "transac" => self.attr("type"),
            _ => None,
        }
    }

    /// The text of this element and its inline children, with literal whitespace collapsed
    /// and trimmed, and whitespace written as references kept.
    fn text(&self) -> String {
        let mut out = String::new();
        let mut space = false;
        self.collect_text(&mut out, &mut space);
        out
    }

    fn collect_text(&self, out: &mut String, space: &mut bool) {
        for node in &self.children {
            match node {
                Node::Element(element) => element.collect_text(out, space),
                Node::Text(Piece::Literal(text)) => {
                    for c in text.chars() {
                        if is_xml_space(c) {
                            *space = true;
                        } else {
                            if std::mem::take(space) && !out.is_empty() {
                                out.push(' ');
                            }
                            out.push(c);
                        }
                    }
                }
                Node::Text(Piece::Exact(text)) => {
                    if text.is_empty() {
                        continue;
                    }
                    if std::mem::take(space) && !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(text);
                }
            }
        }
    }
}

fn not_xml(text: &str, offset: u64, error: impl std::fmt::Display) -> ImportError {
    let line = line_of(text, usize::try_from(offset).unwrap_or(usize::MAX));
    unreadable(format!(
        "the file is not well-formed XML (line {line}): {error}"
    ))
}

fn start_element<'a>(start: &BytesStart<'_>, line: usize) -> Result<Element<'a>, ImportError> {
    let bad = |error: &dyn std::fmt::Display| {
        unreadable(format!(
            "the file is not well-formed XML (line {line}): {error}"
        ))
    };
    let qname = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|error| bad(&error))?;
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|error| bad(&error))?;
        if key != "xmlns" && !key.starts_with("xmlns:") {
            attrs.push((key, value.into_owned()));
        }
    }
    Ok(Element {
        prefixed: qname != name,
        name,
        attrs,
        line,
        children: Vec::new(),
    })
}

/// Parses well-formed XML into a tree, refusing entity declarations and anything outside
/// one root element.
fn parse(text: &str) -> Result<Element<'_>, ImportError> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut count = 0usize;
    let mut lines = Lines {
        text,
        offset: 0,
        line: 1,
    };
    let outside = |offset: usize, what: &str| {
        let line = line_of(text, offset);
        unreadable(format!(
            "the file is not well-formed XML (line {line}): {what} outside the root element"
        ))
    };
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader
            .read_event()
            .map_err(|error| not_xml(text, reader.error_position(), error))?;
        match event {
            Event::DocType(doctype) => {
                let declaration = doctype.decode().unwrap_or_default();
                if declaration.to_ascii_uppercase().contains("<!ENTITY") {
                    let line = line_of(text, offset);
                    return Err(unreadable(format!(
                        "the file declares XML entities in its DOCTYPE (line {line}); such \
                         files are refused, because entities can hide an XML bomb or read \
                         other files"
                    )));
                }
            }
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(outside(offset, "an element"));
            }
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    let line = line_of(text, offset);
                    return Err(unreadable(format!(
                        "elements are nested more than {MAX_DEPTH} deep (line {line}); this \
                         is not a TBX file"
                    )));
                }
                count += 1;
                stack.push(start_element(&start, lines.at(offset))?);
            }
            Event::Empty(start) => {
                count += 1;
                let element = start_element(&start, lines.at(offset))?;
                attach(&mut stack, &mut root, element);
            }
            Event::End(_) => {
                let element = stack
                    .pop()
                    .ok_or_else(|| outside(offset, "a closing tag"))?;
                attach(&mut stack, &mut root, element);
            }
            Event::Text(content) => {
                let content = content
                    .decode()
                    .map_err(|error| not_xml(text, offset as u64, error))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Text(Piece::Literal(content))),
                    None if content.chars().all(is_xml_space) => {}
                    None => return Err(outside(offset, "text")),
                }
            }
            Event::CData(content) => {
                let content = content
                    .xml10_content()
                    .map_err(|error| not_xml(text, offset as u64, error))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Text(Piece::Exact(content))),
                    None => return Err(outside(offset, "text")),
                }
            }
            Event::GeneralRef(reference) => {
                let bad = |error: &dyn std::fmt::Display| not_xml(text, offset as u64, error);
                let resolved = if reference.is_char_ref() {
                    match reference.resolve_char_ref().map_err(|error| bad(&error))? {
                        Some(c) if is_xml_char(c) => c.to_string(),
                        _ => return Err(bad(&"a character reference to no XML character")),
                    }
                } else {
                    let name = reference.decode().map_err(|error| bad(&error))?;
                    match resolve_xml_entity(&name) {
                        Some(resolved) => resolved.to_string(),
                        None => {
                            return Err(bad(&format!(
                                "the entity &{name}; is not defined (only &lt; &gt; &amp; \
                                 &apos; &quot; are)"
                            )));
                        }
                    }
                };
                match stack.last_mut() {
                    Some(parent) => parent
                        .children
                        .push(Node::Text(Piece::Exact(Cow::Owned(resolved)))),
                    None => return Err(outside(offset, "text")),
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
        if count > MAX_ELEMENTS {
            return Err(unreadable(format!(
                "the file has more than {MAX_ELEMENTS} XML elements; this is not a termbase \
                 Keruen can import"
            )));
        }
    }
    if let Some(open) = stack.last() {
        return Err(unreadable(format!(
            "the file ends before <{}> (line {}) is closed: it is cut short or not well-formed \
             XML",
            open.name, open.line
        )));
    }
    root.ok_or_else(|| unreadable("the file holds no XML element"))
}

fn attach<'a>(stack: &mut [Element<'a>], root: &mut Option<Element<'a>>, element: Element<'a>) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(element)),
        None => *root = Some(element),
    }
}

/// The problems of one file, in document order.
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, line: usize, column: &str, message: String) {
        self.0.push(Problem {
            line,
            column: Some(column.to_string()),
            message,
        });
    }
}

fn interpret(root: &Element) -> Result<Vec<Concept>, ImportError> {
    if root.name != "tbx" && root.name != "martif" {
        return Err(unreadable(format!(
            "this is XML but not TBX: its root element is <{}>, not <tbx>",
            root.name
        )));
    }
    let body = root
        .child("text")
        .and_then(|text| text.child("body"))
        .ok_or_else(|| unreadable("the TBX file has no <text><body> section"))?;
    let default_lang = root.attr("xml:lang");
    let mut problems = Problems(Vec::new());
    let mut concepts = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for entry in body
        .elements()
        .filter(|element| matches!(element.name.as_str(), "conceptEntry" | "termEntry"))
    {
        let Some(concept) = read_concept(entry, default_lang, &mut problems) else {
            continue;
        };
        if let Some(first) = first_line.get(&concept.id) {
            problems.add(
                entry.line,
                "id",
                format!(
                    "the id '{}' is already used by the conceptEntry on line {first}",
                    concept.id
                ),
            );
        } else {
            first_line.insert(concept.id.clone(), entry.line);
            concepts.push(concept);
        }
    }
    if !problems.0.is_empty() {
        return Err(ImportError::Problems(problems.0));
    }
    if concepts.is_empty() {
        return Err(unreadable(
            "the TBX file holds no concepts (no <conceptEntry> in its body), so there is nothing to import",
        ));
    }
    Ok(concepts)
}

/// What the concept-level elements of an entry say.
#[derive(Default)]
struct Header {
    domain: Option<Domain>,
    subject_field_seen: bool,
    from_article: bool,
    article_context: Option<String>,
    sources: Vec<String>,
    notes: Vec<String>,
    homonyms: Vec<String>,
    definitions: Vec<(Lang, String)>,
}

fn read_concept(
    entry: &Element,
    default_lang: Option<&str>,
    problems: &mut Problems,
) -> Option<Concept> {
    let before = problems.0.len();
    let id = match entry.attr("id") {
        None | Some("") => {
            problems.add(
                entry.line,
                "id",
                "a conceptEntry without an id; Keruen needs a stable id for every concept".into(),
            );
            None
        }
        Some(id) if !is_slug(id) => {
            problems.add(
                entry.line,
                "id",
                format!(
                    "the id '{id}' is not a slug: lowercase Latin letters and digits joined by \
                     hyphens, like container-train"
                ),
            );
            None
        }
        Some(id) => Some(id.to_string()),
    };
    let mut header = Header::default();
    let mut entries: [LangEntry; 4] = Default::default();
    for item in entry.items() {
        if matches!(item.name.as_str(), "langSec" | "langSet") {
            read_lang_sec(item, &mut entries, problems);
        } else {
            read_concept_item(item, default_lang, &mut header, problems);
        }
    }
    if !header.subject_field_seen {
        problems.add(
            entry.line,
            "subjectField",
            format!(
                "no subject field (<descrip type=\"subjectField\">); Keruen's are {}",
                domain_list()
            ),
        );
    }
    for (lang, definition) in header.definitions {
        let entry = &mut entries[lang_index(lang)];
        if entry.definition.is_none() {
            entry.definition = Some(definition);
        }
    }
    for entry in &mut entries {
        settle_kinds(&mut entry.terms);
    }
    if entries.iter().all(|entry| entry.terms.is_empty()) {
        let which = id.as_deref().map_or(String::new(), |id| format!(" '{id}'"));
        problems.add(
            entry.line,
            "term",
            format!("the conceptEntry{which} has no terms"),
        );
    }
    if problems.0.len() > before {
        return None;
    }
    let [kk, ru, zh, en] = entries;
    Some(Concept {
        id: id?,
        domain: header.domain?,
        origin: Origin::User,
        from_article: header.from_article,
        article_context: header.article_context,
        source: header.sources.join("; "),
        note: (!header.notes.is_empty()).then(|| header.notes.join("\n")),
        homonyms: header.homonyms,
        kk,
        ru,
        zh,
        en,
    })
}

fn read_concept_item(
    item: &Element,
    default_lang: Option<&str>,
    header: &mut Header,
    problems: &mut Problems,
) {
    if item.name == "note" && !item.prefixed {
        let text = item.text();
        if let Some(context) = text.strip_prefix(ARTICLE_CONTEXT) {
            header.article_context = Some(context.to_string());
        } else if let Some(homonym) = text.strip_prefix(HOMONYM) {
            header.homonyms.push(homonym.trim().to_string());
        } else {
            header.notes.push(text);
        }
        return;
    }
    match item.datcat() {
        Some("subjectField") if !header.subject_field_seen => {
            header.subject_field_seen = true;
            match parse_domain(&item.text()) {
                Ok(domain) => header.domain = Some(domain),
                Err(message) => problems.add(item.line, "subjectField", message),
            }
        }
        Some("projectSubset") => {
            header.from_article |= item.text().eq_ignore_ascii_case(FROM_ARTICLE);
        }
        Some("source") => header.sources.push(item.text()),
        Some("crossReference") => {
            let target = item
                .attr("target")
                .map_or_else(|| item.text(), str::to_string);
            if !target.is_empty() {
                header.homonyms.push(target);
            }
        }
        Some("definition") => {
            let lang = item.attr("xml:lang").or(default_lang);
            if let Some(lang) = lang.and_then(|tag| parse_lang(tag).ok()) {
                header.definitions.push((lang, item.text()));
            }
        }
        _ => {}
    }
}

fn read_lang_sec(element: &Element, entries: &mut [LangEntry; 4], problems: &mut Problems) {
    let lang = match element.attr("xml:lang").or(element.attr("lang")) {
        None => {
            let message = "a langSec without xml:lang".to_string();
            problems.add(element.line, "xml:lang", message);
            return;
        }
        Some(tag) => match parse_lang(tag) {
            Ok(lang) => lang,
            Err(message) => {
                problems.add(element.line, "xml:lang", message);
                return;
            }
        },
    };
    let entry = &mut entries[lang_index(lang)];
    for item in element.items() {
        if matches!(item.name.as_str(), "termSec" | "tig" | "ntig") {
            if let Some((term, context)) = read_term_sec(item, lang, problems) {
                entry.terms.push(term);
                if entry.example.is_none() {
                    entry.example = context;
                }
            }
        } else if item.datcat() == Some("definition") && entry.definition.is_none() {
            entry.definition = Some(item.text());
        }
    }
}

fn read_term_sec(
    element: &Element,
    lang: Lang,
    problems: &mut Problems,
) -> Option<(Term, Option<String>)> {
    let mut text = None;
    let mut status = None;
    let mut term_type = None;
    let mut context = None;
    let mut pinyin = None;
    for item in element.items() {
        match item.name.as_str() {
            "term" if !item.prefixed => {
                text.get_or_insert_with(|| item.text());
            }
            "note" if !item.prefixed => {
                if pinyin.is_none() {
                    pinyin = pinyin_of(item);
                }
            }
            _ => match item.datcat() {
                Some("administrativeStatus" | "normativeAuthorization") => {
                    status.get_or_insert_with(|| item.text());
                }
                Some("termType") => {
                    term_type.get_or_insert_with(|| item.text());
                }
                Some("context") => {
                    context.get_or_insert_with(|| item.text());
                }
                _ => {}
            },
        }
    }
    let Some(text) = text else {
        problems.add(element.line, "term", "a termSec without a <term>".into());
        return None;
    };
    let before = problems.0.len();
    if text.is_empty() {
        problems.add(element.line, "term", "an empty term".into());
    }
    if lang == Lang::Zh && pinyin.as_deref().is_none_or(str::is_empty) {
        problems.add(
            element.line,
            "term",
            format!(
                "the Chinese term '{text}' has no pinyin; Keruen needs the pinyin of every \
                 Chinese term, as <note xml:lang=\"{PINYIN_LANG}\">…</note> in its termSec"
            ),
        );
    }
    if problems.0.len() > before {
        return None;
    }
    let kind = kind_of(status.as_deref(), term_type.as_deref());
    Some((Term { text, pinyin, kind }, context))
}

/// The pinyin a termSec note carries: ours (tagged `zh-Latn-pinyin`), or a note another tool
/// wrote as "Pinyin: …".
fn pinyin_of(note: &Element) -> Option<String> {
    if note
        .attr("xml:lang")
        .is_some_and(|tag| tag.eq_ignore_ascii_case(PINYIN_LANG))
    {
        return Some(note.text());
    }
    let text = note.text();
    let (label, rest) = text.split_once(':')?;
    label
        .trim()
        .eq_ignore_ascii_case("pinyin")
        .then(|| rest.trim().to_string())
}

/// The kind of a term from its administrative status and term type.
fn kind_of(status: Option<&str>, term_type: Option<&str>) -> TermKind {
    let status = status.unwrap_or("");
    if status.starts_with("preferred") {
        TermKind::Preferred
    } else if status.starts_with("deprecated") || status.starts_with("superseded") {
        TermKind::Deprecated
    } else if matches!(term_type, Some("abbreviation" | "acronym" | "initialism")) {
        TermKind::Abbreviation
    } else {
        TermKind::Synonym
    }
}

/// Makes a language's terms what Keruen expects: exactly one preferred term, first. A file
/// that marks none gets its first synonym (or else its first admitted term) as preferred.
fn settle_kinds(terms: &mut Vec<Term>) {
    if !terms.iter().any(|term| term.kind == TermKind::Preferred) {
        let chosen = terms
            .iter()
            .position(|term| term.kind == TermKind::Synonym)
            .or_else(|| {
                terms
                    .iter()
                    .position(|term| term.kind != TermKind::Deprecated)
            });
        if let Some(at) = chosen {
            terms[at].kind = TermKind::Preferred;
        }
    }
    let mut seen = false;
    for term in terms.iter_mut() {
        if term.kind == TermKind::Preferred {
            if seen {
                term.kind = TermKind::Synonym;
            }
            seen = true;
        }
    }
    if let Some(at) = terms
        .iter()
        .position(|term| term.kind == TermKind::Preferred)
        && at > 0
    {
        let preferred = terms.remove(at);
        terms.insert(0, preferred);
    }
}

fn lang_index(lang: Lang) -> usize {
    Lang::ALL
        .iter()
        .position(|&known| known == lang)
        .unwrap_or_default()
}

/// The language of a BCP 47 tag: its primary subtag (`ru-RU` is Russian). Traditional Chinese
/// is refused: Keruen's Chinese is simplified.
fn parse_lang(tag: &str) -> Result<Lang, String> {
    let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
    let mut subtags = lower.split('-');
    let primary = subtags.next().unwrap_or_default();
    let lang = primary
        .parse::<Lang>()
        .map_err(|_| UnknownLang(tag.trim().to_string()).to_string())?;
    if lang == Lang::Zh && subtags.any(|subtag| matches!(subtag, "hant" | "tw" | "hk" | "mo")) {
        return Err(format!(
            "'{tag}' is traditional Chinese; Keruen's Chinese terms are simplified (zh, zh-CN)"
        ));
    }
    Ok(lang)
}

/// The domain a subject field names: a Keruen domain id, in any case, with spaces or
/// underscores for hyphens.
fn parse_domain(text: &str) -> Result<Domain, String> {
    let id = text.trim().to_lowercase().replace([' ', '_'], "-");
    id.parse::<Domain>().map_err(|_| {
        format!(
            "unknown subject field '{}'; Keruen's are {}",
            text.trim(),
            domain_list()
        )
    })
}

fn domain_list() -> String {
    Domain::ALL
        .iter()
        .map(|domain| domain.id())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped_and_back(text: &str) -> String {
        let mut xml = String::from("<a>");
        escape_into(&mut xml, text);
        xml.push_str("</a>");
        parse(&xml).unwrap().text()
    }

    #[test]
    fn whitespace_survives_escaping_and_collapsing() {
        for text in [
            "",
            " ",
            "plain",
            "two  spaces",
            " leading",
            "trailing ",
            "line\nbreak",
            "tab\there",
            "a \n b",
            "\r\n",
            "<&>\"'",
            "中欧班列 jízhuāngxiāng",
        ] {
            assert_eq!(escaped_and_back(text), text, "{text:?}");
        }
    }

    #[test]
    fn characters_xml_cannot_carry_are_replaced() {
        assert_eq!(escaped_and_back("a\u{1}b"), "a\u{FFFD}b");
    }

    #[test]
    fn indentation_is_collapsed() {
        let root = parse("<a>\n\t\tover  two\n\t\tlines <hi>bold</hi>\n</a>").unwrap();
        assert_eq!(root.text(), "over two lines bold");
    }

    #[test]
    fn acronyms_are_told_from_abbreviations() {
        for acronym in ["TEU", "СМГС", "ЕАЭО", "3PL"] {
            assert!(looks_like_acronym(acronym), "{acronym}");
        }
        for other in ["B/L", "ТК ЕАЭС", "Ro-Ro", "teu", "提单", "X"] {
            assert!(!looks_like_acronym(other), "{other}");
        }
    }

    #[test]
    fn kinds_follow_status_then_term_type() {
        let kind = |status, term_type| kind_of(status, term_type);
        assert_eq!(
            kind(Some("preferredTerm-admn-sts"), Some("acronym")),
            TermKind::Preferred
        );
        assert_eq!(
            kind(Some("deprecatedTerm-admn-sts"), Some("acronym")),
            TermKind::Deprecated
        );
        assert_eq!(
            kind(Some("supersededTerm-admn-sts"), None),
            TermKind::Deprecated
        );
        assert_eq!(
            kind(Some("admittedTerm-admn-sts"), Some("abbreviation")),
            TermKind::Abbreviation
        );
        assert_eq!(kind(None, Some("fullForm")), TermKind::Synonym);
    }

    #[test]
    fn a_language_without_a_preferred_term_gets_one_first() {
        let term = |text: &str, kind| Term {
            text: text.into(),
            pinyin: None,
            kind,
        };
        let mut terms = vec![
            term("ГТД", TermKind::Deprecated),
            term("ДТ", TermKind::Abbreviation),
            term("декларация на товары", TermKind::Synonym),
        ];
        settle_kinds(&mut terms);
        assert_eq!(terms[0].text, "декларация на товары");
        assert_eq!(terms[0].kind, TermKind::Preferred);
        assert_eq!(terms[1].text, "ГТД");
    }

    #[test]
    fn language_tags_map_to_their_primary_subtag() {
        assert_eq!(parse_lang("ru-RU"), Ok(Lang::Ru));
        assert_eq!(parse_lang("zh-CN"), Ok(Lang::Zh));
        assert_eq!(parse_lang("EN_us"), Ok(Lang::En));
        assert!(parse_lang("zh-TW").unwrap_err().contains("traditional"));
        assert!(
            parse_lang("de")
                .unwrap_err()
                .contains("unknown language 'de'")
        );
    }

    #[test]
    fn subject_fields_are_domain_ids_in_any_case() {
        assert_eq!(parse_domain(" Trade terms "), Ok(Domain::TradeTerms));
        assert!(parse_domain("General").unwrap_err().contains("rail"));
    }
}
