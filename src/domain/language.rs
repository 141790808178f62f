//! The languages Twostep speaks, and which one a request gets (PRODUCT.md, "Languages"): the
//! person's own choice, then the `lang` cookie of the "Language" menu, then the browser's
//! `Accept-Language` by its q-values, then the platform's default. An unknown or malformed
//! value at any step is skipped, never an error.

/// A language of the portal, named in itself in the menu and the selects.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    English,
    Swedish,
    German,
    Estonian,
}

impl Language {
    pub const ALL: [Self; 4] = [Self::English, Self::Swedish, Self::German, Self::Estonian];

    /// Its place in `ALL`.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The BCP 47 tag: `<html lang>`, `Content-Language`, the cookie, the stored choice.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Swedish => "sv",
            Self::German => "de",
            Self::Estonian => "et",
        }
    }

    /// The language's name in itself.
    pub fn own_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Swedish => "Svenska",
            Self::German => "Deutsch",
            Self::Estonian => "Eesti",
        }
    }

    /// A stored or sent tag: exactly one of ours, in any case.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|language| language.code().eq_ignore_ascii_case(code.trim()))
    }

    /// A tag of a browser's list: the primary subtag decides ("sv-SE", "de-AT", "et").
    fn of_range(range: &str) -> Option<Self> {
        let primary = range.split(['-', '_']).next()?;
        Self::parse(primary)
    }
}

/// The longest `Accept-Language` read; the rest is ignored.
const ACCEPT_LANGUAGE_MAX: usize = 1_024;

/// The language the browser prefers among ours, by q-value, the earlier of equals first.
/// Ranges with a malformed q-value, `q=0`, or no language of ours are skipped.
pub fn from_accept_language(header: &str) -> Option<Language> {
    let header = match header.char_indices().nth(ACCEPT_LANGUAGE_MAX) {
        Some((end, _)) => &header[..end],
        None => header,
    };
    let mut best: Option<(u16, Language)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let range = parts.next().unwrap_or_default().trim();
        let mut weight = Some(1_000);
        for parameter in parts {
            let Some((name, value)) = parameter.split_once('=') else {
                weight = None;
                continue;
            };
            if name.trim().eq_ignore_ascii_case("q") {
                weight = quality(value.trim());
            }
        }
        let (Some(weight), Some(language)) = (weight, Language::of_range(range)) else {
            continue;
        };
        if weight > 0 && best.is_none_or(|(top, _)| weight > top) {
            best = Some((weight, language));
        }
    }
    best.map(|(_, language)| language)
}

/// A q-value in thousandths (RFC 9110: 0 to 1, at most three decimals); `None` if malformed.
fn quality(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1_000),
        _ => None,
    }
}

/// Where a request's language comes from, in order.
pub struct Preferences<'a> {
    /// The person's choice on their profile (signed in, or identified by the password step).
    pub profile: Option<Language>,
    /// The `lang` cookie of the "Language" menu.
    pub cookie: Option<&'a str>,
    /// The browser's `Accept-Language`.
    pub accept_language: Option<&'a str>,
}

impl Preferences<'_> {
    /// The language asked for, if any: else the platform's "Default language" applies
    /// (read only then, by the caller).
    pub fn asked(&self) -> Option<Language> {
        self.profile
            .or_else(|| self.cookie.and_then(Language::parse))
            .or_else(|| self.accept_language.and_then(from_accept_language))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_one_language_each() {
        for language in Language::ALL {
            assert_eq!(Language::parse(language.code()), Some(language));
        }
        assert_eq!(Language::parse(" SV "), Some(Language::Swedish));
        for other in ["", "fi", "sv-SE", "english", "e", "<script>"] {
            assert_eq!(Language::parse(other), None, "{other}");
        }
        let names: Vec<&str> = Language::ALL.into_iter().map(Language::own_name).collect();
        assert_eq!(names, ["English", "Svenska", "Deutsch", "Eesti"]);
    }

    #[test]
    fn the_browser_is_read_by_its_q_values() {
        let read = |header: &str| from_accept_language(header).map(Language::code);
        assert_eq!(read("sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7"), Some("sv"));
        assert_eq!(read("fi-FI, de;q=0.5, et;q=0.8"), Some("et"));
        assert_eq!(read("en;q=0.1, de-AT"), Some("de"));
        assert_eq!(
            read("fr, et;q=0.5, sv;q=0.5"),
            Some("et"),
            "the earlier of equals"
        );
        assert_eq!(
            read("de;q=0, en;q=0.001"),
            Some("en"),
            "q=0 is not acceptable"
        );
        assert_eq!(read("*"), None);
        assert_eq!(read("fi, fr"), None);
    }

    #[test]
    fn malformed_ranges_are_skipped_never_an_error() {
        let read = |header: &str| from_accept_language(header).map(Language::code);
        for header in [
            "",
            ",,,;;;",
            "de;q=2",
            "de;q=1.5",
            "de;q=0.1234",
            "de;q=abc",
            "de;q=",
            "de;q",
            "de;q=-1",
            ";q=0.5",
            "\u{0}\u{7f}ü",
        ] {
            assert_eq!(read(header), None, "{header:?}");
        }
        assert_eq!(read("de;q=2, sv;q=0.3"), Some("sv"));
        assert_eq!(read("de;level=1;q=0.9"), Some("de"));
        let long = format!("{}, sv", "x-y;q=0.1, ".repeat(1_000));
        assert_eq!(read(&long), None, "beyond the part read");
        assert_eq!(read(&format!("sv, {}", "é".repeat(5_000))), Some("sv"));
    }

    #[test]
    fn profile_then_cookie_then_browser_then_platform() {
        let mut asked = Preferences {
            profile: Some(Language::German),
            cookie: Some("sv"),
            accept_language: Some("et"),
        };
        assert_eq!(asked.asked(), Some(Language::German));
        asked.profile = None;
        assert_eq!(asked.asked(), Some(Language::Swedish));
        asked.cookie = Some("klingon");
        assert_eq!(asked.asked(), Some(Language::Estonian));
        // Nothing readable asked: the platform's default is the caller's to apply.
        asked.accept_language = Some("fi;q=nonsense");
        assert_eq!(asked.asked(), None);
    }
}
