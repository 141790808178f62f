//! How long a session lasts (PRODUCT.md "Numbers", sessions): the user's choice, capped by
//! the platform's maximum; "until I close the browser" is a cookie without a lifetime and a
//! server-side end after 12 hours at most.

use crate::domain::language::Language;

pub const HOUR: i64 = 3600;
pub const DAY: i64 = 24 * HOUR;
/// The server-side end of a session kept "until I close the browser".
pub const BROWSER_SESSION_SECS: i64 = 12 * HOUR;

/// The choices offered under "Stay signed in for" (`None`: until the browser closes).
pub const DURATION_CHOICES: [Option<i64>; 7] = [
    None,
    Some(HOUR),
    Some(8 * HOUR),
    Some(DAY),
    Some(7 * DAY),
    Some(30 * DAY),
    Some(60 * DAY),
];

/// The choices a platform with this maximum offers.
pub fn offered_choices(max_session_secs: i64) -> Vec<Option<i64>> {
    DURATION_CHOICES
        .into_iter()
        .filter(|secs| secs.is_none_or(|secs| secs <= max_session_secs))
        .collect()
}

/// A choice as "Stay signed in for" reads it in `language`: "Until I close the browser",
/// "8 hours", "7 dagar".
pub fn duration_label(choice: Option<i64>, language: Language) -> String {
    match choice {
        None => language.t("account-until-browser-closes"),
        Some(secs) if secs % DAY == 0 => language.tr("days").count(secs / DAY).to_string(),
        Some(secs) => language.tr("hours").count(secs / HOUR).to_string(),
    }
}

/// When a session ends and whether its cookie outlives the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifetime {
    pub secs: i64,
    pub persistent: bool,
}

/// The lifetime of a session signed in now, for a user's choice on this platform.
pub fn lifetime(choice: Option<i64>, users_choose: bool, max_session_secs: i64) -> Lifetime {
    match choice.filter(|_| users_choose) {
        Some(secs) => Lifetime {
            secs: secs.clamp(60, max_session_secs.max(60)),
            persistent: true,
        },
        None => Lifetime {
            secs: BROWSER_SESSION_SECS.min(max_session_secs.max(60)),
            persistent: false,
        },
    }
}

/// True when a session last used at `last_seen` has been idle too long.
pub fn is_idle(last_seen: i64, now: i64, inactivity_timeout_secs: Option<i64>) -> bool {
    inactivity_timeout_secs.is_some_and(|timeout| now - last_seen > timeout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_stop_at_the_platform_maximum() {
        let labels: Vec<String> = offered_choices(DAY)
            .into_iter()
            .map(|choice| duration_label(choice, Language::English))
            .collect();
        assert_eq!(
            labels,
            ["Until I close the browser", "1 hour", "8 hours", "1 day"]
        );
        assert_eq!(offered_choices(60 * DAY).len(), 7);
    }

    #[test]
    fn choices_read_with_the_plural_of_each_language() {
        let swedish: Vec<String> = DURATION_CHOICES
            .into_iter()
            .map(|choice| duration_label(choice, Language::Swedish))
            .collect();
        assert_eq!(
            swedish,
            [
                "Tills jag stänger webbläsaren",
                "1 timme",
                "8 timmar",
                "1 dag",
                "7 dagar",
                "30 dagar",
                "60 dagar"
            ]
        );
        assert_eq!(duration_label(Some(HOUR), Language::Estonian), "1 tund");
        assert_eq!(duration_label(Some(7 * DAY), Language::German), "7 Tage");
    }

    #[test]
    fn a_choice_is_capped_and_persistent() {
        assert_eq!(
            lifetime(Some(30 * DAY), true, 7 * DAY),
            Lifetime {
                secs: 7 * DAY,
                persistent: true
            }
        );
        assert_eq!(
            lifetime(Some(HOUR), true, 60 * DAY),
            Lifetime {
                secs: HOUR,
                persistent: true
            }
        );
    }

    #[test]
    fn without_a_choice_the_session_ends_with_the_browser_or_after_twelve_hours() {
        assert_eq!(
            lifetime(None, true, 60 * DAY),
            Lifetime {
                secs: 12 * HOUR,
                persistent: false
            }
        );
        assert_eq!(
            lifetime(Some(30 * DAY), false, 60 * DAY),
            Lifetime {
                secs: 12 * HOUR,
                persistent: false
            }
        );
        assert_eq!(lifetime(None, true, HOUR).secs, HOUR);
    }

    #[test]
    fn idleness_counts_only_with_a_timeout() {
        assert!(!is_idle(0, 10_000, None));
        assert!(is_idle(0, 901, Some(900)));
        assert!(!is_idle(0, 900, Some(900)));
    }
}
