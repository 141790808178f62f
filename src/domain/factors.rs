//! The kinds of second factor, with one spelling in the database, in URLs and in code.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactorMethod {
    /// Codes by text message to a verified phone number.
    Sms,
    /// Codes from an authenticator app (TOTP).
    Authenticator,
}

impl FactorMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sms => "sms",
            Self::Authenticator => "app",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "sms" => Some(Self::Sms),
            "app" => Some(Self::Authenticator),
            _ => None,
        }
    }

    /// What the person reads: "an authenticator app", "text messages".
    pub fn label(self) -> &'static str {
        match self {
            Self::Sms => "Text message (SMS)",
            Self::Authenticator => "Authenticator app",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FactorMethod;

    #[test]
    fn one_spelling_round_trips() {
        for method in [FactorMethod::Sms, FactorMethod::Authenticator] {
            assert_eq!(FactorMethod::parse(method.as_str()), Some(method));
        }
        assert_eq!(FactorMethod::parse("totp"), None);
    }
}
