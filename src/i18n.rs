//! Twostep's words in each language: the Project Fluent message files
//! `locales/{en,sv,de,et}/*.ftl`, compiled into the binary. A message missing in a language
//! falls back to English (a unit test keeps every language complete).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, static_loader};

use crate::domain::language::Language;

#[cfg(test)]
mod english_check;

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
    &IDENTIFIERS[language.index()]
}

include!(concat!(env!("OUT_DIR"), "/message_ids.rs"));

/// Each language's messages without variables, worded once, as text and as HTML: a page's
/// words are then a lookup by a fast hash, with nothing formatted, escaped or allocated
/// (issue 26's performance target: the sign-in page within 10 % of its English-only
/// throughput).
type Plain = HashMap<&'static str, (String, String), foldhash::fast::FixedState>;

static PLAIN: LazyLock<[Plain; 4]> = LazyLock::new(|| {
    Language::ALL.map(|language| {
        MESSAGE_IDS
            .iter()
            .filter_map(|id| {
                let words = lookup_in(language, id, None).ok()?;
                let html = as_html(&words);
                Some((*id, (words, html)))
            })
            .collect()
    })
});

/// `text` escaped for HTML exactly as askama escapes what a template writes.
fn as_html(text: &str) -> String {
    askama::filters::escape(text, askama::filters::Html)
        .map(|escaped| escaped.to_string())
        .unwrap_or_default()
}

/// A message as HTML, its words escaped once: a template writes it as it is.
pub struct Html(Cow<'static, str>);

impl std::fmt::Display for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for Html {}

impl Html {
    /// No words: a template's optional hint, given or not.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The message `id` in `language` as HTML.
pub fn html(language: Language, id: &str) -> Html {
    Html(match PLAIN[language.index()].get(id) {
        Some((_, html)) => Cow::Borrowed(html.as_str()),
        None => Cow::Owned(as_html(&lookup(language, id, None))),
    })
}

/// The message `id` in `language`.
pub fn text(language: Language, id: &str) -> String {
    match PLAIN[language.index()].get(id) {
        Some((words, _)) => words.clone(),
        None => lookup(language, id, None),
    }
}

/// The message `id` in `language`, else in English, else a marker a test finds. Each
/// language is looked up by its own bundle: the loader's general `lookup` negotiates the
/// language anew at every message (a list built and matched each time, most of a page's
/// rendering cost), which our four exact tags never need.
fn lookup(
    language: Language,
    id: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>,
) -> String {
    lookup_in(language, id, args).unwrap_or_else(|()| format!("Unknown localization key: {id:?}"))
}

/// As `lookup`, an error when neither the language nor English words it.
fn lookup_in(
    language: Language,
    id: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>,
) -> Result<String, ()> {
    LOCALES
        .lookup_single_language(identifier(language), id, args)
        .or_else(|_| LOCALES.lookup_single_language(identifier(Language::English), id, args))
        .map_err(|_| ())
}

/// The message `id` in `language`, its placeables filled from `args`.
pub fn text_with(language: Language, id: &str, args: &[(&'static str, &str)]) -> String {
    let mut message = Msg::new(language, id);
    for (name, value) in args {
        message = message.arg(name, *value);
    }
    message.to_string()
}

/// A message being filled in: `lang.tr("id").arg("name", name).count(n)`, shown with
/// `{{ }}` in a template (escaped there) or `.to_string()` in code. Numbers stay numbers,
/// so Fluent picks the plural form the language's rules give them.
pub struct Msg {
    language: Language,
    id: String,
    args: HashMap<Cow<'static, str>, FluentValue<'static>>,
}

impl Msg {
    pub fn new(language: Language, id: &str) -> Self {
        Self {
            language,
            id: id.to_owned(),
            args: HashMap::new(),
        }
    }

    /// The placeable `name` filled with words.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args
            .insert(Cow::Borrowed(name), FluentValue::from(value.to_string()));
        self
    }

    /// The placeable `name` filled with a number (plural forms select on it).
    pub fn num(mut self, name: &'static str, value: impl Number) -> Self {
        self.args
            .insert(Cow::Borrowed(name), FluentValue::from(value.number()));
        self
    }

    /// The placeable `count` filled with a number: `{ $count -> [one] … *[other] … }`.
    pub fn count(self, value: impl Number) -> Self {
        self.num("count", value)
    }

    /// The message as HTML: its words escaped, and the placeable `name` replaced by the
    /// HTML fragment `html` (an element the caller built and escaped, such as a link).
    pub fn html(self, name: &'static str, html: &str) -> String {
        let words = self.arg(name, SLOT).to_string();
        escape_html(&words).replace(SLOT, html)
    }
}

/// A count a message may show and choose its plural form by; templates hand over
/// references, so those count too.
pub trait Number {
    fn number(&self) -> i64;
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl Number for $t {
            fn number(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
numbers!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

impl<T: Number + ?Sized> Number for &T {
    fn number(&self) -> i64 {
        (**self).number()
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let args = (!self.args.is_empty()).then_some(&self.args);
        let words = lookup(self.language, &self.id, args);
        f.write_str(&words)
    }
}

impl Language {
    /// The message `id` in this language.
    pub fn t(self, id: &str) -> String {
        text(self, id)
    }

    /// The message `id` in this language, to fill in: `.arg(…)`, `.count(…)`.
    pub fn tr(self, id: &str) -> Msg {
        Msg::new(self, id)
    }

    /// An instant as people read it in this language: "29 Nov 2026, 19:34 UTC",
    /// "29. Nov. 2026, 19:34 UTC".
    pub fn instant(self, unix: i64) -> String {
        let (year, month, day) = crate::domain::time::civil_from_days(unix.div_euclid(86_400));
        let secs = unix.rem_euclid(86_400);
        self.tr("date-time")
            .arg("day", day)
            .arg("month", self.t(&format!("month-{}", month + 1)))
            .arg("year", year)
            .arg(
                "time",
                format!("{:02}:{:02}", secs / 3600, secs % 3600 / 60),
            )
            .to_string()
    }
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
            for (id, variables) in messages(Language::English) {
                // Each variable filled, as its callers fill it: a number, or words.
                let mut message = language.tr(&id);
                for variable in &variables {
                    let name: &'static str = Box::leak(variable.clone().into_boxed_str());
                    message = message.num(name, 2);
                }
                let words = message.to_string();
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
    fn instants_read_in_each_language() {
        let unix = 1_795_980_840;
        assert_eq!(Language::English.instant(unix), "29 Nov 2026, 19:34 UTC");
        assert_eq!(
            Language::Swedish.instant(unix),
            "29 nov. 2026 kl. 19:34 UTC"
        );
        assert_eq!(Language::German.instant(unix), "29. Nov. 2026, 19:34 UTC");
        assert_eq!(
            Language::Estonian.instant(unix),
            "29. nov 2026 kell 19:34 UTC"
        );
        assert_eq!(Language::English.instant(0), "1 Jan 1970, 00:00 UTC");
        assert_eq!(
            Language::German.instant(951_782_400),
            "29. Feb. 2000, 00:00 UTC"
        );
    }

    #[test]
    fn numbers_choose_the_plural_form() {
        // A test message of the frame: every language has one and other.
        for (n, words) in [(1, "1 minute"), (5, "5 minutes")] {
            assert_eq!(Language::English.tr("minutes").count(n).to_string(), words);
        }
        assert_eq!(
            Language::German.tr("minutes").count(1).to_string(),
            "1 Minute"
        );
        assert_eq!(
            Language::German.tr("minutes").count(15).to_string(),
            "15 Minuten"
        );
        assert_eq!(
            Language::Estonian.tr("minutes").count(1).to_string(),
            "1 minut"
        );
        assert_eq!(
            Language::Swedish.tr("minutes").count(2).to_string(),
            "2 minuter"
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
