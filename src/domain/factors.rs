//! The kinds of second factor, with one spelling in the database, in URLs and in code:
//! `as_str` and `parse` are the only places it is written. Match on the enum without a
//! wildcard, so a new method is an error at every place that must handle it.

use crate::domain::language::Language;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactorMethod {
    /// Codes by text message to a verified phone number.
    Sms,
    /// Codes from an authenticator app (TOTP).
    Authenticator,
    /// Passkeys and security keys (WebAuthn): one or more, each named.
    Passkey,
}

impl FactorMethod {
    /// Every method, in the order pages list them (a new one is added here too).
    pub const ALL: [Self; 3] = [Self::Passkey, Self::Sms, Self::Authenticator];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sms => "sms",
            Self::Authenticator => "app",
            Self::Passkey => "passkey",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "sms" => Some(Self::Sms),
            "app" => Some(Self::Authenticator),
            "passkey" => Some(Self::Passkey),
            _ => None,
        }
    }

    /// The message that names the method ("Authenticator app") in `locales/*/account.ftl`.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Sms => "account-method-sms",
            Self::Authenticator => "account-method-app",
            Self::Passkey => "account-method-passkey",
        }
    }

    /// What the person reads in `language`: "Authenticator app", "Autentiseringsapp".
    pub fn label(self, language: Language) -> String {
        language.t(self.message_id())
    }
}

/// Stored (the session keeps the signed-in user) in its one spelling.
impl serde::Serialize for FactorMethod {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for FactorMethod {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("no such 2-step verification method: {text:?}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::FactorMethod;
    use crate::domain::language::Language;

    #[test]
    fn one_spelling_round_trips() {
        for method in FactorMethod::ALL {
            assert_eq!(FactorMethod::parse(method.as_str()), Some(method));
            let json = serde_json::to_string(&method).unwrap();
            assert_eq!(json, format!("\"{}\"", method.as_str()));
            assert_eq!(serde_json::from_str::<FactorMethod>(&json).unwrap(), method);
        }
        for other in ["totp", "authenticator", "SMS", "webauthn", "passkeys", ""] {
            assert_eq!(FactorMethod::parse(other), None, "{other}");
        }
        assert!(serde_json::from_str::<FactorMethod>("\"authenticator\"").is_err());
    }

    #[test]
    fn each_method_is_named_in_each_language() {
        assert_eq!(
            FactorMethod::Sms.label(Language::English),
            "Text message (SMS)"
        );
        assert_eq!(
            FactorMethod::Authenticator.label(Language::German),
            "Authenticator-App"
        );
        assert_eq!(
            FactorMethod::Passkey.label(Language::Swedish),
            "Lösennyckel"
        );
    }
}
