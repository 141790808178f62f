//! Twostep's words in each language: the Project Fluent message files
//! `locales/{en,sv,de,et}/*.ftl`, compiled into the binary. A message missing in a language
//! falls back to English (a unit test keeps every language complete).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};

use crate::domain::language::Language;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around placeables: the words go into HTML, emails
        // and text messages, where they would be stray characters.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Each language's identifier, parsed once.
static IDENTIFIERS: LazyLock<[LanguageIdentifier; 4]> = LazyLock::new(|| {
    Language::ALL.map(|language| language.code().parse().expect("our tags are valid"))
});

fn identifier(language: Language) -> &'static LanguageIdentifier {
    let index = Language::ALL
        .iter()
        .position(|l| *l == language)
        .expect("every language is in ALL");
    &IDENTIFIERS[index]
}

/// The message `id` in `language`.
pub fn text(language: Language, id: &str) -> String {
    LOCALES.lookup(identifier(language), id)
}

/// The message `id` in `language`, its placeables filled from `args`.
pub fn text_with(language: Language, id: &str, args: &[(&'static str, &str)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(*value)))
        .collect();
    LOCALES.lookup_with_args(identifier(language), id, &args)
}

/// Stands for an HTML fragment while its sentence is translated and escaped.
const SLOT: &str = "\u{E000}";

/// The message `id` as HTML: its words escaped, and the placeable `name` replaced by the
/// HTML fragment `html` (an element the caller built and escaped, such as a `<time>`).
pub fn html_with(language: Language, id: &str, name: &'static str, html: &str) -> String {
    let words = text_with(language, id, &[(name, SLOT)]);
    escape_html(&words).replace(SLOT, html)
}

pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#x27;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// Each message of a language's files, with the variables it uses.
    fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(language.code());
        let mut found = BTreeMap::new();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        let mut current: Option<String> = None;
        for file in files {
            for line in std::fs::read_to_string(&file).unwrap().lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                if !line.starts_with(char::is_whitespace)
                    && let Some((id, _)) = line.split_once('=')
                {
                    let id = id.trim().to_owned();
                    assert!(
                        found.insert(id.clone(), BTreeSet::new()).is_none(),
                        "{id} twice in {}",
                        language.code()
                    );
                    current = Some(id);
                }
                let id = current.as_ref().expect("a message before its lines");
                let mut rest = line;
                while let Some(at) = rest.find('$') {
                    let name: String = rest[at + 1..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    found.get_mut(id).unwrap().insert(name);
                    rest = &rest[at + 1..];
                }
            }
        }
        found
    }

    #[test]
    fn every_message_is_in_every_language_with_the_same_variables() {
        let english = messages(Language::English);
        assert!(english.len() > 10);
        for language in Language::ALL {
            assert_eq!(
                messages(language),
                english,
                "{} differs from English in its messages or their variables",
                language.code()
            );
        }
    }

    #[test]
    fn every_message_reads_in_every_language() {
        for language in Language::ALL {
            for id in messages(Language::English).keys() {
                let words = text_with(language, id, &[("name", "Ada"), ("date", "1 Jan")]);
                assert!(
                    !words.is_empty() && !words.contains("Unknown localization"),
                    "{id} in {}: {words}",
                    language.code()
                );
            }
        }
        assert_eq!(text(Language::Swedish, "nav-sign-out"), "Logga ut");
        assert_eq!(
            text_with(Language::German, "menu-signed-in-as", &[("name", "Ada")]),
            "Angemeldet als Ada"
        );
    }

    #[test]
    fn html_placeables_stay_html_and_words_are_escaped() {
        let time = r#"<time datetime="2026-12-13T17:00:00Z">13 Dec 2026</time>"#;
        let html = html_with(Language::English, "banner-set-up-by", "date", time);
        assert_eq!(html, format!("Set up 2-step verification by {time}."));
        assert_eq!(
            escape_html(r#"<b a="1">&'"#),
            "&lt;b a=&quot;1&quot;&gt;&amp;&#x27;"
        );
    }
}
