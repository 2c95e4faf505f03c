//! Every character Keruen shows has a glyph in the fonts it ships.

mod common;

use egui::FontId;
use egui::epaint::text::{Fonts, TextOptions};
use keruen::i18n::{self, I18n};
use keruen::model::Lang;

fn fonts() -> Fonts {
    Fonts::new(TextOptions::default(), keruen::ui::fonts::definitions())
}

fn missing(fonts: &mut Fonts, text: &str) -> Vec<char> {
    let font = FontId::proportional(14.0);
    let mut missing: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !fonts.has_glyph(&font, *c))
        .collect();
    missing.sort();
    missing.dedup();
    missing
}

#[test]
fn every_character_of_the_termbase_has_a_glyph() {
    let mut fonts = fonts();
    let text = serde_json::to_string(&common::bundled_source()).unwrap();
    let gaps = missing(&mut fonts, &text);
    assert!(
        gaps.is_empty(),
        "no glyph for {gaps:?}: run assets/fonts/make_subset.py"
    );
}

#[test]
fn every_interface_string_has_a_glyph() {
    let mut fonts = fonts();
    for lang in Lang::ALL {
        let i18n = I18n::new(lang);
        let text: String = i18n
            .keys()
            .iter()
            .map(|key| i18n.t_with(key, "count", 2))
            .collect();
        let gaps = missing(&mut fonts, &format!("{text}{}", i18n::autonym(lang)));
        assert!(gaps.is_empty(), "{lang}: no glyph for {gaps:?}");
    }
}

#[test]
fn every_character_the_window_code_writes_has_a_glyph() {
    let mut fonts = fonts();
    let dir = common::root().join("src/ui");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        let literals: String = source
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .flat_map(|line| line.split('"').skip(1).step_by(2))
            .collect();
        let gaps = missing(&mut fonts, &literals);
        assert!(gaps.is_empty(), "{}: no glyph for {gaps:?}", path.display());
    }
}

#[test]
fn the_subset_covers_the_common_characters() {
    let mut fonts = fonts();
    // A sample across GB2312 level 1, and characters logistics text needs.
    let gaps = missing(
        &mut fonts,
        "的一是了我不人在他有这中大来上国个到说们为子和你地出道也时年运输集装箱提单海关报关铁路港口仓储",
    );
    assert!(gaps.is_empty(), "{gaps:?}");
    // And the check itself can fail: a rare character outside the subset.
    assert!(!missing(&mut fonts, "\u{2A6D6}").is_empty());
}
