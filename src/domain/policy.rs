//! The platform settings and who must use 2-step verification (PRODUCT.md, "Policy").
//! One type for the settings every instance reads; the rules over it are plain functions.

/// The platform setting "2-step verification".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PlatformTwoStep {
    /// Nobody is offered it.
    Off,
    /// Users choose (the default).
    #[default]
    Optional,
    /// Required for everyone.
    Required,
}

impl PlatformTwoStep {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Optional => "optional",
            Self::Required => "required",
        }
    }

    /// Reads the stored spelling; anything else is the safe default.
    pub fn parse(text: &str) -> Self {
        match text {
            "off" => Self::Off,
            "required" => Self::Required,
            _ => Self::Optional,
        }
    }
}

/// The platform security settings, as stored in their one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlatformSettings {
    pub two_step: PlatformTwoStep,
    pub require_for_admins: bool,
    /// Days a trusted device stays trusted; `None`: until removed.
    pub trusted_device_days: Option<i64>,
    pub users_choose_session_duration: bool,
    /// The longest a user may choose to stay signed in.
    pub max_session_secs: i64,
    /// Sessions unused this long end; `None`: no limit.
    pub inactivity_timeout_secs: Option<i64>,
    /// The name in pages, messages and emails.
    pub app_name: String,
    /// ISO 3166 country codes SMS may be sent to; empty allows all.
    pub sms_allowed_countries: Vec<String>,
}

impl Default for PlatformSettings {
    fn default() -> Self {
        Self {
            two_step: PlatformTwoStep::Optional,
            require_for_admins: true,
            trusted_device_days: Some(30),
            users_choose_session_duration: true,
            max_session_secs: 60 * 86_400,
            inactivity_timeout_secs: None,
            app_name: "Twostep".into(),
            sms_allowed_countries: Vec::new(),
        }
    }
}

impl PlatformSettings {
    /// True when the user must use 2-step verification and so cannot turn it off.
    pub fn requires(&self, is_admin: bool) -> bool {
        self.two_step == PlatformTwoStep::Required || (is_admin && self.require_for_admins)
    }

    /// True when the user may turn 2-step verification on.
    pub fn offers(&self, is_admin: bool) -> bool {
        self.two_step != PlatformTwoStep::Off || self.requires(is_admin)
    }
}

/// "SE,NO" as stored <-> the list.
pub fn countries_from_text(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::to_ascii_uppercase)
        .collect()
}

pub fn countries_to_text(countries: &[String]) -> String {
    countries.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_lets_users_choose() {
        let policy = PlatformSettings::default();
        assert!(!policy.requires(false));
        assert!(policy.offers(false));
    }

    #[test]
    fn administrators_must_verify_by_default() {
        let policy = PlatformSettings::default();
        assert!(policy.requires(true));
        let relaxed = PlatformSettings {
            require_for_admins: false,
            ..policy
        };
        assert!(!relaxed.requires(true));
    }

    #[test]
    fn required_binds_everyone_and_off_offers_nothing_but_what_is_required() {
        let required = PlatformSettings {
            two_step: PlatformTwoStep::Required,
            require_for_admins: false,
            ..PlatformSettings::default()
        };
        assert!(required.requires(false) && required.requires(true));
        let off = PlatformSettings {
            two_step: PlatformTwoStep::Off,
            require_for_admins: false,
            ..PlatformSettings::default()
        };
        assert!(!off.offers(false) && !off.requires(false));
        let off_admins = PlatformSettings {
            two_step: PlatformTwoStep::Off,
            require_for_admins: true,
            ..PlatformSettings::default()
        };
        assert!(off_admins.offers(true));
    }

    #[test]
    fn stored_spellings_round_trip() {
        for value in [
            PlatformTwoStep::Off,
            PlatformTwoStep::Optional,
            PlatformTwoStep::Required,
        ] {
            assert_eq!(PlatformTwoStep::parse(value.as_str()), value);
        }
        assert_eq!(PlatformTwoStep::parse("bogus"), PlatformTwoStep::Optional);
        assert_eq!(countries_from_text(" se, no ,"), ["SE", "NO"]);
        assert_eq!(countries_to_text(&countries_from_text("SE,NO")), "SE,NO");
    }
}
