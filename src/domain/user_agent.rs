//! A readable name for a browser from its User-Agent ("Firefox 133 on Linux"), for the trusted
//! devices and active sessions lists. Only the common browsers and systems are named; the
//! words around the names are the language's.

use crate::domain::language::Language;

/// The browser and system of `user_agent` in `language`: "Firefox 133 on Linux",
/// "Firefox 133 på Linux".
pub fn describe(language: Language, user_agent: &str) -> String {
    let ua = user_agent;
    // The browser, and the token its major version follows.
    let named = if ua.contains("Edg/") {
        Some(("Edge", "Edg/"))
    } else if ua.contains("OPR/") {
        Some(("Opera", "OPR/"))
    } else if ua.contains("Opera") {
        Some(("Opera", "Version/"))
    } else if ua.contains("Firefox/") {
        Some(("Firefox", "Firefox/"))
    } else if ua.contains("CriOS/") {
        Some(("Chrome", "CriOS/"))
    } else if ua.contains("Chrome/") {
        Some(("Chrome", "Chrome/"))
    } else if ua.contains("Chromium/") {
        Some(("Chrome", "Chromium/"))
    } else if ua.contains("Safari/") {
        Some(("Safari", "Version/"))
    } else {
        None
    };
    let browser = match named {
        Some((browser, token)) => match major_version(ua, token) {
            Some(major) => format!("{browser} {major}"),
            None => browser.to_owned(),
        },
        None => language.t("account-unknown-browser"),
    };
    // Every Mac browser says "Macintosh"; an iPhone's "like Mac OS X" is caught before.
    let system = if ua.contains("iPhone") || ua.contains("iPad") {
        "iOS"
    } else if ua.contains("Android") {
        "Android"
    } else if ua.contains("Windows") {
        "Windows"
    } else if ua.contains("Macintosh") {
        "macOS"
    } else if ua.contains("CrOS") {
        "ChromeOS"
    } else if ua.contains("Linux") {
        "Linux"
    } else {
        return browser;
    };
    language
        .tr("account-browser-on-system")
        .arg("browser", browser)
        .arg("system", system)
        .to_string()
}

/// The digits after `token` ("Chrome/131.0.0.0" → "131"), if any.
fn major_version<'a>(ua: &'a str, token: &str) -> Option<&'a str> {
    let rest = &ua[ua.find(token)? + token.len()..];
    let digits = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    (!digits.is_empty() && digits.len() <= 5).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::describe;
    use crate::domain::language::Language;

    #[test]
    fn common_browsers_are_named() {
        let cases = [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                "Edge 131 on Windows",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                "Firefox 133 on Linux",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                "Safari 18 on iOS",
            ),
            (
                "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
                "Chrome 131 on Android",
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                "Safari 18 on macOS",
            ),
            ("curl/8.5.0", "Unknown browser"),
            (
                "Mozilla/5.0 (X11; Linux x86_64) Chrome/ Safari/537.36",
                "Chrome on Linux",
            ),
        ];
        for (ua, expected) in cases {
            assert_eq!(describe(Language::English, ua), expected);
        }
    }

    #[test]
    fn the_words_around_the_names_are_the_languages() {
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!(describe(Language::Swedish, firefox), "Firefox 133 på Linux");
        assert_eq!(
            describe(Language::German, firefox),
            "Firefox 133 unter Linux"
        );
        assert_eq!(describe(Language::Estonian, firefox), "Firefox 133 (Linux)");
        assert_eq!(
            describe(Language::German, "curl/8.5.0"),
            "Unbekannter Browser"
        );
    }
}
