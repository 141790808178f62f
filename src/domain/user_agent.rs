//! A readable name for a browser from its User-Agent ("Firefox 133 on Linux"), for the trusted
//! devices and active sessions lists. Only the common browsers and systems are named.

pub fn describe(user_agent: &str) -> String {
    let ua = user_agent;
    // The browser, and the token its major version follows.
    let (browser, version_token) = if ua.contains("Edg/") {
        ("Edge", "Edg/")
    } else if ua.contains("OPR/") {
        ("Opera", "OPR/")
    } else if ua.contains("Opera") {
        ("Opera", "Version/")
    } else if ua.contains("Firefox/") {
        ("Firefox", "Firefox/")
    } else if ua.contains("CriOS/") {
        ("Chrome", "CriOS/")
    } else if ua.contains("Chrome/") {
        ("Chrome", "Chrome/")
    } else if ua.contains("Chromium/") {
        ("Chrome", "Chromium/")
    } else if ua.contains("Safari/") {
        ("Safari", "Version/")
    } else {
        ("Unknown browser", "")
    };
    let browser = match major_version(ua, version_token) {
        Some(major) => format!("{browser} {major}"),
        None => browser.to_owned(),
    };
    let system = if ua.contains("iPhone") || ua.contains("iPad") {
        "iOS"
    } else if ua.contains("Android") {
        "Android"
    } else if ua.contains("Windows") {
        "Windows"
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        "macOS"
    } else if ua.contains("CrOS") {
        "ChromeOS"
    } else if ua.contains("Linux") {
        "Linux"
    } else {
        return browser;
    };
    format!("{browser} on {system}")
}

/// The digits after `token` ("Chrome/131.0.0.0" → "131"), if any.
fn major_version<'a>(ua: &'a str, token: &str) -> Option<&'a str> {
    if token.is_empty() {
        return None;
    }
    let rest = &ua[ua.find(token)? + token.len()..];
    let digits = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    (!digits.is_empty() && digits.len() <= 5).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::describe;

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
            assert_eq!(describe(ua), expected);
        }
    }
}
