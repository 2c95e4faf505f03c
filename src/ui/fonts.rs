//! Fonts: egui's defaults (Latin, Cyrillic with the Kazakh letters, pinyin tone marks) plus
//! a bundled Noto Sans SC subset for Chinese.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// The bundled Noto Sans SC subset (see `assets/fonts/README.md`).
pub static NOTO_SANS_SC: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Keruen.otf");

const CHINESE_FONT: &str = "noto-sans-sc";

/// egui's default fonts with Noto Sans SC added as the fallback for Han characters.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CHINESE_FONT.to_owned(),
        Arc::new(FontData::from_static(NOTO_SANS_SC)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CHINESE_FONT.to_owned());
    }
    fonts
}

/// Installs Keruen's fonts into a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
