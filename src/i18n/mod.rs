//! Interface strings in Kazakh, Russian, Chinese and English, through Project Fluent.
//! The strings live in `assets/i18n/{kk,ru,zh,en}.ftl`, compiled into the binary.

use crate::model::Lang;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// The Fluent source of one interface language.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => include_str!("../../assets/i18n/kk.ftl"),
        Lang::Ru => include_str!("../../assets/i18n/ru.ftl"),
        Lang::Zh => include_str!("../../assets/i18n/zh.ftl"),
        Lang::En => include_str!("../../assets/i18n/en.ftl"),
    }
}

/// The name of a language in that language, as a language picker shows it.
pub fn autonym(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "Қазақша",
        Lang::Ru => "Русский",
        Lang::Zh => "中文",
        Lang::En => "English",
    }
}

/// The translated strings of one interface language.
pub struct I18n {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl I18n {
    /// Loads the strings of `lang`.
    pub fn new(lang: Lang) -> I18n {
        let resource = FluentResource::try_new(source(lang).to_string())
            .unwrap_or_else(|(_, errors)| panic!("{lang}.ftl does not parse: {errors:?}"));
        let locale = lang.code().parse().expect("a language code is a locale");
        let mut bundle = FluentBundle::new(vec![locale]);
        // Unicode isolation marks would show as boxes in egui and in the terminal.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{lang}.ftl repeats a key: {errors:?}"));
        I18n { lang, bundle }
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every message key of this language.
    pub fn keys(&self) -> Vec<String> {
        let resource = FluentResource::try_new(source(self.lang).to_string())
            .unwrap_or_else(|(resource, _)| resource);
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    /// The string for `key`.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The string for `key` with one named argument.
    pub fn t_with<'a>(
        &self,
        key: &str,
        name: &'a str,
        value: impl Into<FluentValue<'a>>,
    ) -> String {
        let mut args = FluentArgs::new();
        args.set(name, value);
        self.format(key, Some(&args))
    }

    /// The string for `key` with several named arguments.
    pub fn t_args<'a>(&self, key: &str, values: &[(&'a str, FluentValue<'a>)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in values {
            args.set(*name, value.clone());
        }
        self.format(key, Some(&args))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return format!("[{key}]");
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}
