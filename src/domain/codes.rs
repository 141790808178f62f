//! One-time codes sent by SMS: generated from the operating system's CSPRNG, stored as an
//! HMAC bound to who and what they are for, checked in constant time.

use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::Sha256;
use subtle::ConstantTimeEq;

pub const CODE_DIGITS: usize = 6;
/// How long a code may be used (PRODUCT.md: 10 minutes).
pub const CODE_TTL_SECS: i64 = 10 * 60;
/// Wrong attempts a code survives; the next one finds it dead.
pub const MAX_ATTEMPTS: i64 = 5;

/// What a code is for. A code for one purpose never works for another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    SignIn,
    PhoneEnrolment,
    PhoneChange,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignIn => "sign_in",
            Self::PhoneEnrolment => "phone_enrolment",
            Self::PhoneChange => "phone_change",
        }
    }
}

pub fn generate_code() -> String {
    let n: u32 = rand::rngs::OsRng.gen_range(0..1_000_000);
    format!("{n:06}")
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeProblem {
    #[error("Enter the verification code.")]
    Missing,
    #[error("Enter the 6-digit code from the text message.")]
    Malformed,
}

/// Accepts what people type or paste: "123456", "123 456", "123-456".
pub fn normalise_code(input: &str) -> Result<String, CodeProblem> {
    let digits: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.is_empty() {
        return Err(CodeProblem::Missing);
    }
    if digits.len() != CODE_DIGITS || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CodeProblem::Malformed);
    }
    Ok(digits)
}

/// The stored form of a code: HMAC-SHA256 under the secret key over the user, purpose,
/// phone and code, so a stolen table is useless without the key and a code is bound to
/// the challenge it was made for.
pub fn code_mac(key: &[u8], user_id: i64, purpose: Purpose, phone: &str, code: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    for part in [
        "twostep sms code",
        &user_id.to_string(),
        purpose.as_str(),
        phone,
        code,
    ] {
        mac.update(part.as_bytes());
        mac.update(b"\0");
    }
    hex::encode(mac.finalize().into_bytes())
}

pub fn macs_match(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

/// The text message: PRODUCT.md's wording, then the WebOTP line browsers read.
pub fn message_text(app_name: &str, host: &str, code: &str) -> String {
    format!("Your {app_name} verification code is {code}.\n\n@{host} #{code}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..200 {
            let code = generate_code();
            assert_eq!(code.len(), 6);
            assert!(code.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(normalise_code("123 456").unwrap(), "123456");
        assert_eq!(normalise_code(" 123-456 ").unwrap(), "123456");
        assert_eq!(normalise_code(""), Err(CodeProblem::Missing));
        assert_eq!(normalise_code("12345"), Err(CodeProblem::Malformed));
        assert_eq!(normalise_code("12345a"), Err(CodeProblem::Malformed));
        assert_eq!(normalise_code("١٢٣٤٥٦"), Err(CodeProblem::Malformed));
    }

    #[test]
    fn macs_bind_user_purpose_and_phone() {
        let key = [1u8; 32];
        let base = code_mac(&key, 1, Purpose::SignIn, "+46701234567", "123456");
        assert!(macs_match(
            &base,
            &code_mac(&key, 1, Purpose::SignIn, "+46701234567", "123456")
        ));
        for other in [
            code_mac(&key, 2, Purpose::SignIn, "+46701234567", "123456"),
            code_mac(&key, 1, Purpose::PhoneChange, "+46701234567", "123456"),
            code_mac(&key, 1, Purpose::SignIn, "+46701234568", "123456"),
            code_mac(&key, 1, Purpose::SignIn, "+46701234567", "123457"),
            code_mac(&[2u8; 32], 1, Purpose::SignIn, "+46701234567", "123456"),
        ] {
            assert!(!macs_match(&base, &other));
        }
    }

    #[test]
    fn the_message_ends_with_the_webotp_line() {
        assert_eq!(
            message_text("Twostep", "portal.example.com", "123456"),
            "Your Twostep verification code is 123456.\n\n@portal.example.com #123456"
        );
    }
}
