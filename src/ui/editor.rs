//! The concept editor: add a concept of your own, or edit one (an edit of a built-in
//! concept is kept apart from it). Four languages, pinyin suggested from the characters,
//! synonyms, definitions, domain and deck; checked before it is saved.

use crate::glossary::Glossary;
use crate::i18n::I18n;
use crate::model::{Concept, Domain, Lang, LangEntry, Origin, Term, TermKind};
use crate::syllables;
use crate::termbase::validate::user_concept_problems;
use egui::RichText;

/// One language's fields.
#[derive(Debug, Clone, Default)]
struct LangDraft {
    term: String,
    /// Other terms, one per line; Chinese ones as `术语 [shùyǔ]`.
    synonyms: String,
    definition: String,
}

/// The form being filled.
pub struct EditorState {
    id: String,
    editing: Option<String>,
    domain: Domain,
    langs: [LangDraft; 4],
    pinyin: String,
    pinyin_edited: bool,
    note: String,
    source: String,
    deck: Option<i64>,
    from_article: bool,
    article_context: Option<String>,
    homonyms: Vec<String>,
    examples: [Option<String>; 4],
    problems: Vec<String>,
}

/// What the editor asks the app to do.
pub enum EditorOutcome {
    /// Keep showing the form.
    Open,
    /// Close without saving.
    Cancel,
    /// Save this concept (checked), and add it to this user deck.
    Save(Box<Concept>, Option<i64>),
}

fn other_terms(entry: &LangEntry) -> String {
    entry
        .terms
        .iter()
        .skip(1)
        .map(|t| {
            let kind = match t.kind {
                TermKind::Abbreviation => " (abbr)",
                TermKind::Deprecated => " (deprecated)",
                _ => "",
            };
            match &t.pinyin {
                Some(pinyin) => format!("{} [{pinyin}]{kind}", t.text),
                None => format!("{}{kind}", t.text),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_other_terms(text: &str) -> Vec<Term> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (line, kind) = if let Some(rest) = line.strip_suffix("(abbr)") {
                (rest.trim(), TermKind::Abbreviation)
            } else if let Some(rest) = line.strip_suffix("(deprecated)") {
                (rest.trim(), TermKind::Deprecated)
            } else {
                (line, TermKind::Synonym)
            };
            let (text, pinyin) = match line.strip_suffix(']').and_then(|r| r.rsplit_once(" [")) {
                Some((text, pinyin)) => (text.trim(), Some(pinyin.trim().to_string())),
                None => (line, None),
            };
            Term {
                text: text.to_string(),
                pinyin,
                kind,
            }
        })
        .collect()
}

impl EditorState {
    /// A blank form for a new concept, with `text` as the term in `lang` when given.
    pub fn new_concept(prefill: Option<(Lang, &str)>) -> EditorState {
        let mut state = EditorState {
            id: String::new(),
            editing: None,
            domain: Domain::Forwarding,
            langs: Default::default(),
            pinyin: String::new(),
            pinyin_edited: false,
            note: String::new(),
            source: String::new(),
            deck: None,
            from_article: false,
            article_context: None,
            homonyms: Vec::new(),
            examples: Default::default(),
            problems: Vec::new(),
        };
        if let Some((lang, text)) = prefill {
            state.langs[lang_index(lang)].term = text.to_string();
        }
        state
    }

    /// A form filled with `concept`, to edit it.
    pub fn edit(concept: &Concept) -> EditorState {
        let mut state = EditorState::new_concept(None);
        state.id = concept.id.clone();
        state.editing = Some(concept.id.clone());
        state.domain = concept.domain;
        for lang in Lang::ALL {
            let entry = concept.lang(lang);
            state.langs[lang_index(lang)] = LangDraft {
                term: concept.preferred(lang).to_string(),
                synonyms: other_terms(entry),
                definition: entry.definition.clone().unwrap_or_default(),
            };
            state.examples[lang_index(lang)] = entry.example.clone();
        }
        state.pinyin = concept.pinyin().to_string();
        state.pinyin_edited = true;
        state.note = concept.note.clone().unwrap_or_default();
        state.source = concept.source.clone();
        state.from_article = concept.from_article;
        state.article_context = concept.article_context.clone();
        state.homonyms = concept.homonyms.clone();
        state
    }

    /// The concept the form describes.
    fn concept(&self) -> Concept {
        let entry = |lang: Lang| {
            let draft = &self.langs[lang_index(lang)];
            let mut terms = Vec::new();
            if !draft.term.trim().is_empty() {
                terms.push(Term {
                    text: draft.term.trim().to_string(),
                    pinyin: (lang == Lang::Zh).then(|| self.pinyin.trim().to_string()),
                    kind: TermKind::Preferred,
                });
            }
            terms.extend(parse_other_terms(&draft.synonyms));
            terms.sort_by_key(|t| t.kind);
            LangEntry {
                terms,
                definition: Some(draft.definition.trim().to_string()).filter(|d| !d.is_empty()),
                example: self.examples[lang_index(lang)].clone(),
            }
        };
        let mut concept = Concept {
            id: self.id.trim().to_string(),
            domain: self.domain,
            origin: Origin::User,
            from_article: self.from_article,
            article_context: self.article_context.clone(),
            source: if self.source.trim().is_empty() {
                "Added by the user".to_string()
            } else {
                self.source.trim().to_string()
            },
            note: Some(self.note.trim().to_string()).filter(|n| !n.is_empty()),
            homonyms: self.homonyms.clone(),
            kk: entry(Lang::Kk),
            ru: entry(Lang::Ru),
            zh: entry(Lang::Zh),
            en: entry(Lang::En),
        };
        if concept.id.is_empty() {
            concept.id = crate::exchange::read::slug_for(&concept);
        }
        concept
    }

    fn check(&self, concept: &Concept, glossary: &Glossary, i18n: &I18n) -> Vec<String> {
        let mut problems = user_concept_problems(concept);
        let languages = Lang::ALL
            .iter()
            .filter(|&&l| !concept.preferred(l).is_empty())
            .count();
        if languages < 2 {
            problems.insert(0, i18n.t("editor-two-languages"));
        }
        let taken = glossary.concept_by_id(&concept.id).is_some();
        if taken && self.editing.as_deref() != Some(concept.id.as_str()) {
            problems.push(i18n.t_with("editor-id-taken", "id", concept.id.clone()));
        }
        problems
    }

    /// Draws the form in `ui`; returns what to do.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        glossary: &Glossary,
        decks: &[(i64, String)],
        i18n: &I18n,
    ) -> EditorOutcome {
        let mut outcome = EditorOutcome::Open;
        let title = match &self.editing {
            Some(id) => i18n.t_with("editor-edit-title", "id", id.clone()),
            None => i18n.t("editor-new-title"),
        };
        ui.heading(title);
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(560.0)
            .show(ui, |ui| {
                egui::Grid::new("editor-grid")
                    .num_columns(2)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        for lang in Lang::ALL {
                            let draft = &mut self.langs[lang_index(lang)];
                            let label =
                                ui.label(RichText::new(i18n.t(&format!("lang-{lang}"))).strong());
                            ui.vertical(|ui| {
                                let term = ui
                                    .add(
                                        egui::TextEdit::singleline(&mut draft.term)
                                            .desired_width(420.0),
                                    )
                                    .labelled_by(label.id);
                                if lang == Lang::Zh {
                                    if term.changed() && !self.pinyin_edited {
                                        self.pinyin = syllables::suggest(draft.term.trim());
                                    }
                                    ui.horizontal(|ui| {
                                        let label = ui.label(i18n.t("editor-pinyin"));
                                        let field = ui
                                            .add(
                                                egui::TextEdit::singleline(&mut self.pinyin)
                                                    .desired_width(260.0),
                                            )
                                            .labelled_by(label.id);
                                        if field.changed() {
                                            self.pinyin_edited = true;
                                        }
                                        if ui.small_button(i18n.t("editor-suggest")).clicked() {
                                            self.pinyin = syllables::suggest(draft.term.trim());
                                        }
                                    });
                                }
                                let synonyms_label = ui.weak(i18n.t("editor-synonyms"));
                                ui.add(
                                    egui::TextEdit::multiline(&mut draft.synonyms)
                                        .desired_rows(1)
                                        .desired_width(420.0),
                                )
                                .labelled_by(synonyms_label.id);
                                let definition_label = ui.weak(i18n.t("editor-definition"));
                                ui.add(
                                    egui::TextEdit::multiline(&mut draft.definition)
                                        .desired_rows(2)
                                        .desired_width(420.0),
                                )
                                .labelled_by(definition_label.id);
                            });
                            ui.end_row();
                        }
                        let domain_label =
                            ui.label(RichText::new(i18n.t("domain-filter")).strong());
                        egui::ComboBox::from_id_salt("editor-domain")
                            .selected_text(i18n.t(&format!("domain-{}", self.domain.id())))
                            .show_ui(ui, |ui| {
                                for domain in Domain::ALL {
                                    ui.selectable_value(
                                        &mut self.domain,
                                        domain,
                                        i18n.t(&format!("domain-{}", domain.id())),
                                    );
                                }
                            })
                            .response
                            .labelled_by(domain_label.id);
                        ui.end_row();
                        let deck_label = ui.label(RichText::new(i18n.t("editor-deck")).strong());
                        let chosen = self
                            .deck
                            .and_then(|id| decks.iter().find(|d| d.0 == id))
                            .map_or(i18n.t("editor-no-deck"), |d| d.1.clone());
                        egui::ComboBox::from_id_salt("editor-deck")
                            .selected_text(chosen)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut self.deck, None, i18n.t("editor-no-deck"));
                                for (id, name) in decks {
                                    ui.selectable_value(&mut self.deck, Some(*id), name);
                                }
                            })
                            .response
                            .labelled_by(deck_label.id);
                        ui.end_row();
                        let note_label = ui.label(RichText::new(i18n.t("card-note")).strong());
                        ui.add(egui::TextEdit::singleline(&mut self.note).desired_width(420.0))
                            .labelled_by(note_label.id);
                        ui.end_row();
                        if self.editing.is_none() {
                            let suggested_id = self.concept().id;
                            let id_label = ui.label(RichText::new(i18n.t("editor-id")).strong());
                            ui.add(
                                egui::TextEdit::singleline(&mut self.id)
                                    .hint_text(suggested_id)
                                    .desired_width(300.0),
                            )
                            .labelled_by(id_label.id);
                            ui.end_row();
                        }
                    });
            });
        for problem in &self.problems {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(i18n.t("editor-save")).strong())
                .clicked()
            {
                let concept = self.concept();
                self.problems = self.check(&concept, glossary, i18n);
                ui.ctx().request_repaint();
                if self.problems.is_empty() {
                    outcome = EditorOutcome::Save(Box::new(concept), self.deck);
                }
            }
            if ui.button(i18n.t("editor-cancel")).clicked() {
                outcome = EditorOutcome::Cancel;
            }
        });
        outcome
    }
}

fn lang_index(lang: Lang) -> usize {
    Lang::ALL
        .iter()
        .position(|&l| l == lang)
        .expect("one of the four")
}
