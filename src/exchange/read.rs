//! Reading a CSV file into concepts, all or nothing: every problem of every row is found
//! and reported by line and column before anything is imported.

use super::csv::unneutralise;
use super::table::{Field, LIST_SEPARATOR};
use super::{ImportError, Problem};
use crate::model::{Concept, Domain, Lang, LangEntry, Origin, Term, TermKind};

/// The longest line accepted; anything longer is not a termbase row.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// A parsed CSV file: its header and its rows with their line numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The column names.
    pub headers: Vec<String>,
    /// Each row's first line number and its cells.
    pub rows: Vec<(usize, Vec<String>)>,
    /// The separator found: `,`, `;`, `\t` or another Anki header named.
    pub separator: u8,
}

/// Parses `bytes`: UTF-8 with or without a byte-order mark; comma, semicolon or tab
/// separated (found from the header line, or from Anki's `#separator:` header); Anki's
/// `#columns:` header names the columns when there is no header row.
pub fn parse_table(bytes: &[u8]) -> Result<Table, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let line = line_of(&bytes[..error.valid_up_to()]);
        ImportError::Problems(vec![Problem {
            line,
            column: None,
            message: "this is not UTF-8 text; save the file as CSV UTF-8 and try again".into(),
        }])
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Unreadable("the file is empty".into()));
    }
    if let Some(line) = long_line(text) {
        return Err(ImportError::Problems(vec![Problem {
            line,
            column: None,
            message: format!(
                "this line is longer than {} MB; it cannot be a row of terms",
                MAX_LINE_BYTES >> 20
            ),
        }]));
    }
    let (directives, body_start, skipped_lines) = anki_headers(text);
    let body = &text[body_start..];
    let separator = directives
        .separator
        .unwrap_or_else(|| sniff_separator(body.lines().next().unwrap_or("")));
    if let Some(line) = unclosed_quote(body, separator) {
        return Err(ImportError::Problems(vec![Problem {
            line: line + skipped_lines,
            column: None,
            message: "a quoted cell opens here and is never closed (a missing \")".into(),
        }]));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Unreadable(e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line() as usize) + skipped_lines;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        records.push((line, record.iter().map(str::to_string).collect::<Vec<_>>()));
    }
    let headers = match directives.columns {
        Some(columns) => columns,
        None if records.is_empty() => {
            return Err(ImportError::Unreadable("the file has no rows".into()));
        }
        None => records.remove(0).1,
    };
    let mut problems = Vec::new();
    for (line, cells) in &records {
        if cells.len() != headers.len() {
            problems.push(Problem {
                line: *line,
                column: None,
                message: format!(
                    "this row has {} cells but the header has {} columns",
                    cells.len(),
                    headers.len()
                ),
            });
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Problems(problems));
    }
    Ok(Table {
        headers,
        rows: records,
        separator,
    })
}

/// The field each column holds, guessed from its header (None: the column is ignored).
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Field>> {
    headers.iter().map(|h| Field::from_header(h)).collect()
}

/// Builds one user concept per row through `mapping`, or reports every problem found.
/// Rows without a domain column or value get `default_domain`.
pub fn concepts_from_table(
    table: &Table,
    mapping: &[Option<Field>],
    default_domain: Domain,
) -> Result<Vec<Concept>, ImportError> {
    if !mapping
        .iter()
        .any(|f| matches!(f, Some(Field::Preferred(_))))
    {
        return Err(ImportError::Unreadable(
            "no column holds terms: name the columns kk, ru, zh, en (or Kazakh, Russian, Chinese, English)".into(),
        ));
    }
    if let Some(message) = repeated_column(&table.headers, mapping) {
        return Err(ImportError::Unreadable(message));
    }
    if table.rows.is_empty() {
        return Err(ImportError::Unreadable(
            "the file has a header row but no rows under it, so there is nothing to import".into(),
        ));
    }
    let mut problems = Vec::new();
    let mut concepts = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for (line, cells) in &table.rows {
        let mut report = |column: Option<usize>, message: String| {
            problems.push(Problem {
                line: *line,
                column: column.map(|c| {
                    table
                        .headers
                        .get(c)
                        .cloned()
                        .unwrap_or_else(|| (c + 1).to_string())
                }),
                message,
            })
        };
        let concept = concept_from_row(cells, mapping, default_domain, &mut report);
        for message in crate::termbase::validate::user_concept_problems(&concept) {
            report(None, message);
        }
        if let Some(first) = ids.insert(concept.id.clone(), *line) {
            report(
                None,
                format!("the id '{}' is used on line {first} already", concept.id),
            );
        }
        concepts.push(concept);
    }
    if problems.is_empty() {
        Ok(concepts)
    } else {
        Err(ImportError::Problems(problems))
    }
}

/// Two columns that hold the same field (`en` and `English`, say), which would give a
/// concept two preferred terms or silently drop one cell: said in words, or None. Tags are
/// ignored on import, so they may repeat.
fn repeated_column(headers: &[String], mapping: &[Option<Field>]) -> Option<String> {
    let name = |at: usize| {
        headers
            .get(at)
            .cloned()
            .unwrap_or_else(|| (at + 1).to_string())
    };
    mapping.iter().enumerate().find_map(|(at, field)| {
        let field = (*field).filter(|f| *f != Field::Tags)?;
        let first = mapping[..at].iter().position(|f| *f == Some(field))?;
        Some(format!(
            "the columns '{}' and '{}' hold the same thing; keep one of them and import again",
            name(first),
            name(at)
        ))
    })
}

/// Reads a CSV file with the columns guessed from its header.
pub fn read_csv(bytes: &[u8], default_domain: Domain) -> Result<Vec<Concept>, ImportError> {
    let table = parse_table(bytes)?;
    let mapping = guess_mapping(&table.headers);
    concepts_from_table(&table, &mapping, default_domain)
}

fn concept_from_row(
    cells: &[String],
    mapping: &[Option<Field>],
    default_domain: Domain,
    report: &mut impl FnMut(Option<usize>, String),
) -> Concept {
    let mut concept = Concept {
        id: String::new(),
        domain: default_domain,
        origin: Origin::User,
        from_article: false,
        article_context: None,
        source: String::new(),
        note: None,
        homonyms: Vec::new(),
        kk: LangEntry::default(),
        ru: LangEntry::default(),
        zh: LangEntry::default(),
        en: LangEntry::default(),
    };
    let mut pinyin = None;
    let mut lists: Vec<(Lang, TermKind, &str, usize)> = Vec::new();
    let optional = |text: &str| (!text.is_empty()).then(|| text.to_string());
    for (column, (cell, field)) in cells.iter().zip(mapping).enumerate() {
        let Some(field) = field else { continue };
        // Trimmed again after the apostrophe goes: `'\tx` is the cell `x`, as `\tx` would be.
        let cell = unneutralise(cell.trim()).trim();
        match *field {
            Field::Id => concept.id = cell.to_string(),
            Field::Preferred(lang) if !cell.is_empty() => concept.lang_mut(lang).terms.insert(
                0,
                Term {
                    text: cell.to_string(),
                    pinyin: None,
                    kind: TermKind::Preferred,
                },
            ),
            Field::Preferred(_) => {}
            Field::Pinyin => pinyin = optional(cell),
            Field::Synonyms(lang) => lists.push((lang, TermKind::Synonym, cell, column)),
            Field::Abbreviations(lang) => lists.push((lang, TermKind::Abbreviation, cell, column)),
            Field::Deprecated(lang) => lists.push((lang, TermKind::Deprecated, cell, column)),
            Field::Definition(lang) => concept.lang_mut(lang).definition = optional(cell),
            Field::Example(lang) => concept.lang_mut(lang).example = optional(cell),
            Field::Domain if cell.is_empty() => {}
            Field::Domain => match cell.parse::<Domain>() {
                Ok(domain) => concept.domain = domain,
                Err(error) => report(Some(column), error.to_string()),
            },
            Field::Tags => {}
            Field::Source => concept.source = cell.to_string(),
            Field::Note => concept.note = optional(cell),
            Field::FromArticle => match cell.to_lowercase().as_str() {
                "" | "no" | "false" | "0" => concept.from_article = false,
                "yes" | "true" | "1" => concept.from_article = true,
                other => report(Some(column), format!("'{other}' is not yes or no")),
            },
            Field::ArticleContext => concept.article_context = optional(cell),
            Field::Homonyms => {
                concept.homonyms = list_items(cell).map(str::to_string).collect();
            }
        }
    }
    if let Some(pinyin) = pinyin {
        match concept.zh.terms.first_mut() {
            Some(term) => term.pinyin = Some(pinyin),
            None => report(None, "pinyin is given but the Chinese term is empty".into()),
        }
    }
    let order = [
        TermKind::Synonym,
        TermKind::Abbreviation,
        TermKind::Deprecated,
    ];
    lists.sort_by_key(|(_, kind, _, _)| order.iter().position(|k| k == kind));
    for (lang, kind, cell, column) in lists {
        for item in list_items(cell) {
            let (text, pinyin) = split_pinyin(item);
            if lang == Lang::Zh && pinyin.is_none() {
                report(
                    Some(column),
                    format!("'{text}' needs its pinyin in brackets: {text} [pīnyīn]"),
                );
            }
            concept.lang_mut(lang).terms.push(Term {
                text: text.to_string(),
                pinyin: pinyin.map(str::to_string),
                kind,
            });
        }
    }
    if concept.id.is_empty() {
        concept.id = slug_for(&concept);
    }
    if concept.source.is_empty() {
        concept.source = "Imported by the user".to_string();
    }
    let languages = Lang::ALL
        .iter()
        .filter(|&&lang| !concept.lang(lang).terms.is_empty())
        .count();
    if languages < 2 {
        report(
            None,
            "a concept needs terms in at least two languages to be studied".into(),
        );
    }
    concept
}

fn list_items(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(LIST_SEPARATOR.trim())
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// `提单 [tídān]` → (`提单`, Some(`tídān`)).
fn split_pinyin(item: &str) -> (&str, Option<&str>) {
    match item
        .strip_suffix(']')
        .and_then(|rest| rest.rsplit_once(" ["))
    {
        Some((text, pinyin)) => (text.trim(), Some(pinyin.trim())),
        None => (item, None),
    }
}

/// An id for a concept that came without one: its English (or first) term as a slug.
pub fn slug_for(concept: &Concept) -> String {
    let name = Lang::ALL
        .into_iter()
        .rev()
        .map(|lang| concept.preferred(lang))
        .find(|text| !text.is_empty())
        .unwrap_or("concept");
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        format!("user-{:08x}", hash as u32)
    } else {
        slug
    }
}

/// Directives from Anki's `#key:value` header lines, and where the rest begins.
#[derive(Default)]
struct Directives {
    separator: Option<u8>,
    columns: Option<Vec<String>>,
}

fn anki_headers(text: &str) -> (Directives, usize, usize) {
    let mut directives = Directives::default();
    let mut offset = 0;
    let mut lines = 0;
    let mut raw_columns = None;
    for line in text.split_inclusive('\n') {
        let Some(header) = line.strip_prefix('#') else {
            break;
        };
        if let Some((key, value)) = header.trim_end().split_once(':') {
            match key.trim().to_lowercase().as_str() {
                "separator" => {
                    directives.separator = match value.trim().to_lowercase().as_str() {
                        "comma" | "," => Some(b','),
                        "semicolon" | ";" => Some(b';'),
                        "tab" | "\\t" => Some(b'\t'),
                        "pipe" | "|" => Some(b'|'),
                        "space" | " " => Some(b' '),
                        other => other.bytes().next(),
                    }
                }
                "columns" => raw_columns = Some(value.trim().to_string()),
                _ => {}
            }
        }
        offset += line.len();
        lines += 1;
    }
    if let Some(raw) = raw_columns {
        let separator = directives.separator.unwrap_or(b'\t') as char;
        directives.columns = Some(raw.split(separator).map(|c| c.trim().to_string()).collect());
    }
    (directives, offset, lines)
}

/// Comma, semicolon or tab: whichever the header line holds most of outside quotes.
fn sniff_separator(first_line: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The line where a quoted cell opens and never closes, following RFC 4180's quoting.
fn unclosed_quote(body: &str, separator: u8) -> Option<usize> {
    let bytes = body.as_bytes();
    let (mut line, mut opened_at) = (1, 0);
    let mut quoted = false;
    let mut at_cell_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if quoted {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && at_cell_start {
            quoted = true;
            opened_at = line;
        }
        if b == b'\n' {
            line += 1;
        }
        at_cell_start = !quoted && (b == separator || b == b'\n' || b == b'\r');
        i += 1;
    }
    quoted.then_some(opened_at)
}

fn long_line(text: &str) -> Option<usize> {
    text.split('\n')
        .position(|line| line.len() > MAX_LINE_BYTES)
        .map(|index| index + 1)
}

fn line_of(prefix: &[u8]) -> usize {
    prefix.iter().filter(|&&b| b == b'\n').count() + 1
}
