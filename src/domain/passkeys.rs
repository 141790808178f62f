//! Passkeys and security keys (WebAuthn): the portal's own rules around them. The
//! ceremonies themselves (challenges, signatures, the sign counter) are webauthn-rs's.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::domain::language::Language;

/// A person may keep this many passkeys and security keys.
pub const MAX_PASSKEYS: usize = 10;

/// A challenge is good for this long (seconds).
pub const CHALLENGE_TTL: i64 = 5 * 60;

/// A passkey's name is at most this many characters.
pub const NAME_MAX: usize = 60;

/// The largest `credential` field read: a registration response with a large attestation
/// is a few kilobytes; anything bigger is not one.
pub const CREDENTIAL_MAX: usize = 16 * 1024;

/// A new user handle: 16 random bytes, base64url. It names the account to authenticators
/// and is never the email or a row number.
pub fn new_user_handle() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
}

pub fn encode_handle(handle: &[u8; 16]) -> String {
    URL_SAFE_NO_PAD.encode(handle)
}

/// The 16 bytes of a stored handle, or `None` for text that is not one.
pub fn decode_handle(text: &str) -> Option<[u8; 16]> {
    URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok()
}

/// What is stored of a challenge handed out: its SHA-256, hex.
pub fn challenge_digest(challenge: &[u8]) -> String {
    hex::encode(Sha256::digest(challenge))
}

/// Why a typed passkey name cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong,
    NotOneLine,
}

impl NameProblem {
    /// The refusal's message in `locales/*/account.ftl`.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Empty => "account-passkey-name-empty",
            Self::TooLong => "account-passkey-name-long",
            Self::NotOneLine => "account-passkey-name-lines",
        }
    }

    /// The refusal in `language`.
    pub fn say(self, language: Language) -> String {
        language.t(self.message_id())
    }
}

/// The name a person typed for a passkey, trimmed, or why it cannot be used.
pub fn parse_name(typed: &str) -> Result<String, NameProblem> {
    let name = typed.trim();
    if name.is_empty() {
        return Err(NameProblem::Empty);
    }
    if name.chars().count() > NAME_MAX {
        return Err(NameProblem::TooLong);
    }
    if name.chars().any(char::is_control) {
        return Err(NameProblem::NotOneLine);
    }
    Ok(name.to_owned())
}

/// JSON to hold inside `<script type="application/json">`: the characters that could end
/// the element or open markup are escaped, so a user's name cannot break out of it.
pub fn json_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The `credential` field a browser posted, if it can be one: non-empty JSON text within
/// the size a real response has.
pub fn credential_text(posted: &str) -> Option<&str> {
    let text = posted.trim();
    (!text.is_empty() && text.len() <= CREDENTIAL_MAX && text.starts_with('{')).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_16_random_bytes_that_round_trip() {
        let a = new_user_handle();
        assert_ne!(a, new_user_handle());
        let text = encode_handle(&a);
        assert_eq!(text.len(), 22);
        assert_eq!(decode_handle(&text), Some(a));
        assert_eq!(decode_handle("too-short"), None);
        assert_eq!(decode_handle("not base64 at all!!!!!"), None);
    }

    #[test]
    fn names_are_trimmed_one_line_and_short() {
        assert_eq!(parse_name("  Work laptop ").unwrap(), "Work laptop");
        assert_eq!(parse_name("   "), Err(NameProblem::Empty));
        assert_eq!(parse_name(&"x".repeat(61)), Err(NameProblem::TooLong));
        assert!(parse_name(&"é".repeat(60)).is_ok());
        assert_eq!(
            parse_name("Key\nSubject: forged"),
            Err(NameProblem::NotOneLine)
        );
        assert_eq!(
            NameProblem::TooLong.say(Language::English),
            "Enter a name of 60 characters or fewer."
        );
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let json = serde_json::json!({"name": "</script><script>alert(1)</script>&"}).to_string();
        let safe = json_for_script(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>&");
    }

    #[test]
    fn a_credential_field_is_bounded_json_text() {
        assert_eq!(credential_text(" {\"id\":1} "), Some("{\"id\":1}"));
        assert_eq!(credential_text(""), None);
        assert_eq!(credential_text("id=1"), None);
        assert_eq!(
            credential_text(&format!("{{{}}}", "x".repeat(CREDENTIAL_MAX))),
            None
        );
    }
}
