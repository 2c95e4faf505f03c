//! The Lookup screen: the search box over a virtualised result list, and the concept card.

use super::{card, style};
use crate::glossary::Glossary;
use crate::i18n::I18n;
use crate::model::{Domain, Lang};
use crate::prefs::Prefs;
use crate::search::{Hit, Options, highlight::matched_range};
use egui::text::LayoutJob;
use egui::{Key, RichText, TextFormat, TextStyle};

/// How many results the list holds at most.
const RESULT_LIMIT: usize = 500;

/// What the user asked for on the Lookup screen, for the app to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupAction {
    /// Nothing.
    None,
    /// Open the editor on a new concept (prefilled with the query).
    New,
    /// Open the editor on this concept.
    Edit(String),
    /// Return this edited built-in concept to its shipped version.
    Revert(String),
    /// Delete this concept of the user's own.
    Delete(String),
    /// Put these concepts into this user deck.
    AddToDeck(i64, Vec<String>),
}

/// What the Lookup screen needs to know besides the glossary.
pub struct LookupContext<'a> {
    /// The user's decks (id, name).
    pub decks: &'a [(i64, String)],
    /// The ids of the concepts Keruen ships.
    pub bundled: &'a std::collections::HashSet<String>,
}

/// What the Lookup screen remembers between frames.
pub struct LookupState {
    query: String,
    domain: Option<Domain>,
    hits: Vec<Hit>,
    selected: usize,
    focus_pending: bool,
    scroll_to_selected: bool,
    copied: Option<String>,
    suggestions: Vec<Hit>,
    ui_lang: Lang,
}

impl LookupState {
    /// An empty search listing every concept; `ui_lang`'s terms rank first among equals.
    pub fn new(glossary: &Glossary, ui_lang: Lang) -> LookupState {
        let mut state = LookupState {
            query: String::new(),
            domain: None,
            hits: Vec::new(),
            selected: 0,
            focus_pending: true,
            scroll_to_selected: false,
            copied: None,
            suggestions: Vec::new(),
            ui_lang,
        };
        state.refresh(glossary);
        state
    }

    /// Replaces the query and searches again.
    pub fn set_query(&mut self, glossary: &Glossary, query: &str) {
        self.query = query.to_string();
        self.refresh(glossary);
    }

    /// Which result is selected, if there are any.
    pub fn selected_index(&self) -> Option<usize> {
        (self.selected < self.hits.len()).then_some(self.selected)
    }

    /// The concept the card shows: the selected result's.
    pub fn opened<'g>(&self, glossary: &'g Glossary) -> Option<&'g crate::model::Concept> {
        self.hits
            .get(self.selected)
            .map(|hit| glossary.concept(hit))
    }

    /// The concept at `position` in the result list.
    pub fn result<'g>(
        &self,
        glossary: &'g Glossary,
        position: usize,
    ) -> Option<&'g crate::model::Concept> {
        self.hits.get(position).map(|hit| glossary.concept(hit))
    }

    /// How many results the list holds.
    pub fn result_count(&self) -> usize {
        self.hits.len()
    }

    /// Ranks the terms of `lang` first from now on.
    pub fn set_language(&mut self, glossary: &Glossary, lang: Lang) {
        if self.ui_lang != lang {
            self.ui_lang = lang;
            let selected = self.selected;
            self.refresh(glossary);
            self.selected = selected.min(self.hits.len().saturating_sub(1));
        }
    }

    /// Puts the keyboard focus into the search box on the next frame.
    pub fn request_focus(&mut self) {
        self.focus_pending = true;
    }

    /// Searches again after the glossary's concepts changed, selecting concept `keep`
    /// when it is still found.
    pub fn refresh_results(&mut self, glossary: &Glossary, keep: Option<&str>) {
        self.refresh(glossary);
        if let Some(id) = keep
            && let Some(at) = self
                .hits
                .iter()
                .position(|hit| glossary.concept(hit).id == id)
        {
            self.selected = at;
        }
    }

    fn refresh(&mut self, glossary: &Glossary) {
        let prefer = [self.ui_lang];
        let options = Options {
            domain: self.domain,
            prefer: &prefer,
        };
        self.hits = glossary.lookup(&self.query, RESULT_LIMIT, options);
        self.suggestions = if self.hits.is_empty() {
            glossary.suggest(&self.query, 5)
        } else {
            Vec::new()
        };
        self.selected = 0;
        self.scroll_to_selected = true;
        self.copied = None;
    }

    /// The query typed, and the language it is most likely in (for a new concept).
    pub fn query_prefill(&self) -> Option<(Lang, String)> {
        let query = self.query.trim();
        if query.is_empty() {
            return None;
        }
        let lang = if query.chars().any(crate::script::is_han) {
            Lang::Zh
        } else if query.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)) {
            Lang::Kk
        } else if query.chars().any(crate::script::is_cyrillic) {
            Lang::Ru
        } else {
            Lang::En
        };
        Some((lang, query.to_string()))
    }

    /// Draws the screen; returns what the user asked for.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        glossary: &Glossary,
        i18n: &I18n,
        prefs: &Prefs,
        context: &LookupContext,
    ) -> LookupAction {
        let mut action = LookupAction::None;
        egui::Panel::left("results")
            .resizable(true)
            .default_size(400.0)
            .min_size(280.0)
            .show(ui, |ui| {
                action = self.results_panel(ui, glossary, i18n, context);
            });
        let opened = self
            .hits
            .get(self.selected)
            .map(|hit| glossary.concept(hit));
        egui::CentralPanel::default().show(ui, |ui| match opened {
            Some(concept) => {
                if let Some(chosen) = concept_actions(ui, concept, i18n, context) {
                    action = chosen;
                }
                card::show(ui, concept, i18n, prefs, &mut self.copied);
            }
            None => {
                ui.add_space(24.0);
                ui.vertical_centered(|ui| {
                    ui.weak(i18n.t("no-selection"));
                });
            }
        });
        action
    }

    fn results_panel(
        &mut self,
        ui: &mut egui::Ui,
        glossary: &Glossary,
        i18n: &I18n,
        context: &LookupContext,
    ) -> LookupAction {
        let mut action = LookupAction::None;
        self.handle_keys(ui, glossary);
        ui.add_space(6.0);
        let search_box = egui::TextEdit::singleline(&mut self.query)
            .id_salt("search-box")
            .hint_text(i18n.t("search-hint"))
            .desired_width(f32::INFINITY)
            .font(TextStyle::Heading);
        let response = ui.add(search_box);
        if self.focus_pending {
            response.request_focus();
            self.focus_pending = false;
        }
        if response.changed() {
            self.refresh(glossary);
        }
        ui.horizontal(|ui| {
            let before = self.domain;
            let label = |d: Option<Domain>| match d {
                Some(domain) => i18n.t(&format!("domain-{}", domain.id())),
                None => i18n.t("domain-all"),
            };
            let filter = egui::ComboBox::from_id_salt("domain-filter")
                .selected_text(label(self.domain))
                .width(220.0)
                .truncate()
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.domain, None, label(None));
                    for domain in Domain::ALL {
                        ui.selectable_value(&mut self.domain, Some(domain), label(Some(domain)));
                    }
                });
            let name = i18n.t("domain-filter");
            filter.response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, ui.is_enabled(), &name)
            });
            if self.domain != before {
                self.refresh(glossary);
            }
            ui.weak(i18n.t_with("results-count", "count", self.hits.len()));
        });
        ui.horizontal(|ui| {
            if ui.small_button(i18n.t("lookup-new-concept")).clicked() {
                action = LookupAction::New;
            }
            if !self.hits.is_empty() {
                let ids: Vec<String> = self
                    .hits
                    .iter()
                    .map(|hit| glossary.concept(hit).id.clone())
                    .collect();
                if let Some(deck) = deck_menu(ui, &i18n.t("lookup-add-all"), context.decks, i18n) {
                    action = LookupAction::AddToDeck(deck, ids);
                }
            }
        });
        ui.separator();
        if self.hits.is_empty() {
            ui.weak(i18n.t_with("no-results", "query", self.query.as_str()));
            self.did_you_mean(ui, glossary, i18n);
            return action;
        }
        self.result_list(ui, glossary, i18n);
        action
    }

    fn did_you_mean(&mut self, ui: &mut egui::Ui, glossary: &Glossary, i18n: &I18n) {
        if self.suggestions.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.label(i18n.t("did-you-mean"));
        let mut chosen = None;
        ui.horizontal_wrapped(|ui| {
            for hit in &self.suggestions {
                let text = &glossary.concept(hit).lang(hit.lang).terms[hit.term].text;
                if ui.button(text).clicked() {
                    chosen = Some(text.clone());
                }
            }
        });
        if let Some(text) = chosen {
            self.set_query(glossary, &text);
            self.focus_pending = true;
        }
    }

    fn handle_keys(&mut self, ui: &mut egui::Ui, glossary: &Glossary) {
        let (down, up, escape, enter) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
                i.key_pressed(Key::Enter),
            )
        });
        let last = self.hits.len().saturating_sub(1);
        if down && self.selected < last {
            self.selected += 1;
            self.scroll_to_selected = true;
        }
        if up && self.selected > 0 {
            self.selected -= 1;
            self.scroll_to_selected = true;
        }
        if escape {
            self.set_query(glossary, "");
            self.focus_pending = true;
        }
        if enter {
            // The card already shows the selection; keep typing where the user is.
            self.focus_pending = true;
        }
    }

    fn result_list(&mut self, ui: &mut egui::Ui, glossary: &Glossary, i18n: &I18n) {
        let body = ui.text_style_height(&TextStyle::Body);
        let small = ui.text_style_height(&TextStyle::Small);
        let row_height = body + small + 14.0;
        let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if std::mem::take(&mut self.scroll_to_selected) {
            let visible = ui.available_height();
            let target = (self.selected as f32 + 1.0) * (row_height + ui.spacing().item_spacing.y);
            scroll = scroll.vertical_scroll_offset((target - visible / 2.0).max(0.0));
        }
        scroll.show_rows(ui, row_height, self.hits.len(), |ui, rows| {
            for at in rows {
                let hit = &self.hits[at];
                let selected = at == self.selected;
                let response =
                    result_row(ui, glossary, i18n, hit, &self.query, selected, row_height);
                if response.clicked() {
                    self.selected = at;
                    self.copied = None;
                }
            }
        });
    }
}

/// One row of the result list: the matched term with the match highlighted, then the other
/// languages small and grey, and the domain.
fn result_row(
    ui: &mut egui::Ui,
    glossary: &Glossary,
    i18n: &I18n,
    hit: &Hit,
    query: &str,
    selected: bool,
    height: f32,
) -> egui::Response {
    let concept = glossary.concept(hit);
    let dark = ui.visuals().dark_mode;
    let term = &concept.lang(hit.lang).terms[hit.term];
    let body = TextStyle::Body.resolve(ui.style());
    let small = TextStyle::Small.resolve(ui.style());
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();

    let mut title = LayoutJob::default();
    append_highlighted(
        &mut title,
        &term.text,
        query,
        &body,
        strong,
        style::highlight(dark),
    );
    if let Some(pinyin) = &term.pinyin {
        title.append("  ", 0.0, TextFormat::simple(body.clone(), strong));
        append_highlighted(
            &mut title,
            pinyin,
            query,
            &body,
            weak,
            style::highlight(dark),
        );
    }
    let others: Vec<String> = Lang::ALL
        .into_iter()
        .filter(|&lang| lang != hit.lang || hit.term != 0)
        .map(|lang| match lang {
            Lang::Zh => format!("{} {}", concept.preferred(lang), concept.pinyin()),
            _ => concept.preferred(lang).to_string(),
        })
        .collect();
    let subtitle = others.join(" · ");
    let domain_label = i18n.t(&format!("domain-{}", concept.domain.id()));

    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter().rect_filled(rect, 4.0, visuals.bg_fill);
        }
        let inner = rect.shrink2(egui::vec2(8.0, 5.0));
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner));
        egui::Sides::new().shrink_left().truncate().show(
            &mut child,
            |ui| ui.add(egui::Label::new(title).selectable(false)),
            |ui| {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(domain_label)
                            .font(small.clone())
                            .color(weak),
                    )
                    .selectable(false),
                )
            },
        );
        child.add(
            egui::Label::new(egui::RichText::new(subtitle).font(small).color(weak))
                .truncate()
                .selectable(false),
        );
    }
    response
}

/// Appends `text` to `job`, with the part matching `query` on a highlight background.
fn append_highlighted(
    job: &mut LayoutJob,
    text: &str,
    query: &str,
    font: &egui::FontId,
    color: egui::Color32,
    highlight: egui::Color32,
) {
    let plain = TextFormat::simple(font.clone(), color);
    match matched_range(text, query) {
        Some(range) => {
            job.append(&text[..range.start], 0.0, plain.clone());
            let mut marked = plain.clone();
            marked.background = highlight;
            job.append(&text[range.clone()], 0.0, marked);
            job.append(&text[range.end..], 0.0, plain);
        }
        None => job.append(text, 0.0, plain),
    }
}

/// A menu button listing the user's decks; returns the deck chosen.
fn deck_menu(ui: &mut egui::Ui, title: &str, decks: &[(i64, String)], i18n: &I18n) -> Option<i64> {
    let mut chosen = None;
    ui.menu_button(title, |ui| {
        if decks.is_empty() {
            ui.weak(i18n.t("lookup-no-decks"));
        }
        for (id, name) in decks {
            if ui.button(name).clicked() {
                chosen = Some(*id);
                ui.close();
            }
        }
    });
    chosen
}

/// The buttons above a concept card: edit, add to a deck, and for the user's concepts
/// delete or return to the built-in version.
fn concept_actions(
    ui: &mut egui::Ui,
    concept: &crate::model::Concept,
    i18n: &I18n,
    context: &LookupContext,
) -> Option<LookupAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.small_button(i18n.t("lookup-edit")).clicked() {
            action = Some(LookupAction::Edit(concept.id.clone()));
        }
        if let Some(deck) = deck_menu(ui, &i18n.t("lookup-add-to-deck"), context.decks, i18n) {
            action = Some(LookupAction::AddToDeck(deck, vec![concept.id.clone()]));
        }
        if concept.origin == crate::model::Origin::User {
            if context.bundled.contains(&concept.id) {
                ui.weak(RichText::new(i18n.t("lookup-edited")).small());
                if ui.small_button(i18n.t("lookup-revert")).clicked() {
                    action = Some(LookupAction::Revert(concept.id.clone()));
                }
            } else if ui.small_button(i18n.t("lookup-delete")).clicked() {
                action = Some(LookupAction::Delete(concept.id.clone()));
            }
        }
    });
    action
}
