//! One-time codes sent by SMS: generated from the operating system's CSPRNG, stored as an
//! HMAC bound to who and what they are for, checked in constant time.

use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::language::Language;

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
    /// A room's step: a code to the number the room's administrator set for a member.
    RoomEntry,
    /// Signing in with a phone number and a code (PRODUCT.md rule 6).
    PhoneSignIn,
    /// Registering with a phone number: the code proves the number before the account
    /// exists.
    PhoneRegistration,
    /// A new profile phone number, kept only once a code sent to it is entered (rule 7).
    ProfilePhone,
    /// Setting a password by proving the account's verified number: a first password from
    /// the security settings, or a reset link sent to an address not confirmed yet.
    PasswordSet,
}

impl Purpose {
    pub const ALL: [Self; 8] = [
        Self::SignIn,
        Self::PhoneEnrolment,
        Self::PhoneChange,
        Self::RoomEntry,
        Self::PhoneSignIn,
        Self::PhoneRegistration,
        Self::ProfilePhone,
        Self::PasswordSet,
    ];

    /// The purpose stored as `text` (`as_str`), as the audit log reads it back.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|purpose| purpose.as_str() == text)
    }

    /// A code to a number the sender has not verified (enrolment, a change) is the kind SMS
    /// pumping abuses; a sign-in code goes to a number its owner verified.
    pub fn is_risky(self) -> bool {
        match self {
            Self::SignIn | Self::RoomEntry | Self::PhoneSignIn | Self::PasswordSet => false,
            Self::PhoneEnrolment
            | Self::PhoneChange
            | Self::PhoneRegistration
            | Self::ProfilePhone => true,
        }
    }

    /// Whether a send for this purpose to `subject` is the risky kind. A code to a bare
    /// number (no account has verified it) always is: a phone sign-in code goes to an
    /// account's verified number as `Subject::User`, and to an unknown one as
    /// `Subject::Phone`.
    pub fn is_risky_to(self, subject: &Subject) -> bool {
        self.is_risky() || matches!(subject, Subject::Phone(_))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignIn => "sign_in",
            Self::PhoneEnrolment => "phone_enrolment",
            Self::PhoneChange => "phone_change",
            Self::RoomEntry => "room_entry",
            Self::PhoneSignIn => "phone_sign_in",
            Self::PhoneRegistration => "phone_registration",
            Self::ProfilePhone => "profile_phone",
            Self::PasswordSet => "password_set",
        }
    }
}

/// Who a code is for: its sends, limits and checks are keyed by this. A user; a phone
/// number that belongs to no account yet (phone registration); a room membership (a room's
/// own number for a member).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    User(i64),
    Phone(String),
    RoomMember { room_id: i64, user_id: i64 },
}

impl Subject {
    /// The stored key: "user:12", "phone:+46701234567", "room:3:user:12".
    pub fn key(&self) -> String {
        match self {
            Self::User(id) => format!("user:{id}"),
            Self::Phone(e164) => format!("phone:{e164}"),
            Self::RoomMember { room_id, user_id } => format!("room:{room_id}:user:{user_id}"),
        }
    }

    /// The account the code is for, when there is one.
    pub fn user_id(&self) -> Option<i64> {
        match self {
            Self::User(id) | Self::RoomMember { user_id: id, .. } => Some(*id),
            Self::Phone(_) => None,
        }
    }
}

pub fn generate_code() -> String {
    let n: u32 = rand::rngs::OsRng.gen_range(0..1_000_000);
    format!("{n:06}")
}

/// Why a typed code is refused; `message_id` names the words (`locales/*/login.ftl`).
#[derive(Debug, PartialEq, Eq)]
pub enum CodeProblem {
    Missing,
    Malformed,
}

impl CodeProblem {
    /// The refusal's message in the message files.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Missing => "login-code-missing",
            Self::Malformed => "login-code-malformed",
        }
    }

    /// The refusal in `language`.
    pub fn say(&self, language: Language) -> String {
        language.t(self.message_id())
    }
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

/// The stored form of a code: HMAC-SHA256 under the secret key over the subject, purpose,
/// phone and code, so a stolen table is useless without the key and a code is bound to
/// the challenge it was made for.
pub fn code_mac(
    key: &[u8],
    subject: &Subject,
    purpose: Purpose,
    phone: &str,
    code: &str,
) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    for part in [
        "twostep sms code",
        &subject.key(),
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

/// The text message in `language`: its sentence (PRODUCT.md's wording), then the WebOTP
/// line browsers read, `@host #code`, which must stay the last line. It is written to fit
/// one SMS segment: when the sentence does not (a long app name or host, or one with a
/// character GSM-7 lacks, such as the Estonian õ, which makes the whole text UCS-2 and its
/// segment 70 characters), the app name and the code stand alone before the line. That
/// form fits 70 characters while the app name and the host have at most 51 together
/// (a 20-character name and a 30-character host, say).
pub fn message_text(language: Language, app_name: &str, host: &str, code: &str) -> String {
    let webotp = format!("@{host} #{code}");
    let sentence = language
        .tr("sms-code")
        .arg("app", app_name)
        .arg("code", code)
        .to_string();
    let text = format!("{sentence}\n\n{webotp}");
    if fits_one_segment(&text) {
        text
    } else {
        format!("{app_name}: {code}\n\n{webotp}")
    }
}

/// The GSM 03.38 default alphabet, which a text message is sent in when every character
/// is one of these (one septet each)…
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
                          ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// …or of its extension table (two septets each: an escape, then the character).
const GSM7_EXTENSION: &str = "\u{c}^{}\\[~]|€";

/// One segment holds 160 GSM-7 septets; a text with any other character is sent as UCS-2,
/// 70 UTF-16 units to the segment.
const GSM7_SEGMENT: usize = 160;
const UCS2_SEGMENT: usize = 70;

/// The septets `text` takes in GSM-7, or `None` when it has a character GSM-7 lacks.
pub fn gsm7_septets(text: &str) -> Option<usize> {
    text.chars().try_fold(0, |septets, c| {
        if GSM7_BASIC.contains(c) {
            Some(septets + 1)
        } else if GSM7_EXTENSION.contains(c) {
            Some(septets + 2)
        } else {
            None
        }
    })
}

/// Whether `text` goes out as a single SMS segment.
pub fn fits_one_segment(text: &str) -> bool {
    match gsm7_septets(text) {
        Some(septets) => septets <= GSM7_SEGMENT,
        None => text.encode_utf16().count() <= UCS2_SEGMENT,
    }
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
    fn macs_bind_subject_purpose_and_phone() {
        let key = [1u8; 32];
        let user = |id| Subject::User(id);
        let base = code_mac(&key, &user(1), Purpose::SignIn, "+46701234567", "123456");
        assert!(macs_match(
            &base,
            &code_mac(&key, &user(1), Purpose::SignIn, "+46701234567", "123456")
        ));
        let room = Subject::RoomMember {
            room_id: 1,
            user_id: 1,
        };
        let phone = Subject::Phone("+46701234567".into());
        for other in [
            code_mac(&key, &user(2), Purpose::SignIn, "+46701234567", "123456"),
            code_mac(&key, &room, Purpose::SignIn, "+46701234567", "123456"),
            code_mac(&key, &phone, Purpose::SignIn, "+46701234567", "123456"),
            code_mac(
                &key,
                &user(1),
                Purpose::PhoneChange,
                "+46701234567",
                "123456",
            ),
            code_mac(&key, &user(1), Purpose::SignIn, "+46701234568", "123456"),
            code_mac(&key, &user(1), Purpose::SignIn, "+46701234567", "123457"),
            code_mac(
                &[2u8; 32],
                &user(1),
                Purpose::SignIn,
                "+46701234567",
                "123456",
            ),
        ] {
            assert!(!macs_match(&base, &other));
        }
    }

    #[test]
    fn sends_to_numbers_no_account_verified_are_risky() {
        let user = Subject::User(1);
        let phone = Subject::Phone("+46701234567".into());
        assert!(!Purpose::PhoneSignIn.is_risky_to(&user));
        assert!(Purpose::PhoneSignIn.is_risky_to(&phone));
        assert!(Purpose::PhoneRegistration.is_risky_to(&phone));
        assert!(Purpose::ProfilePhone.is_risky_to(&user));
        assert!(!Purpose::SignIn.is_risky_to(&user));
    }

    #[test]
    fn subjects_have_distinct_keys() {
        assert_eq!(Subject::User(12).key(), "user:12");
        assert_eq!(
            Subject::Phone("+46701234567".into()).key(),
            "phone:+46701234567"
        );
        let member = Subject::RoomMember {
            room_id: 3,
            user_id: 12,
        };
        assert_eq!(member.key(), "room:3:user:12");
        assert_eq!(member.user_id(), Some(12));
        assert_eq!(Subject::Phone("+1".into()).user_id(), None);
    }

    #[test]
    fn the_message_ends_with_the_webotp_line() {
        assert_eq!(
            message_text(Language::English, "Twostep", "portal.example.com", "123456"),
            "Your Twostep verification code is 123456.\n\n@portal.example.com #123456"
        );
        for language in Language::ALL {
            let text = message_text(language, "Twostep", "portal.example.com", "123456");
            assert!(
                text.contains("is 123456.") || text.contains(" 123456."),
                "{text}"
            );
            assert!(text.ends_with("\n\n@portal.example.com #123456"), "{text}");
            assert_eq!(text.matches('\n').count(), 2, "{text}");
        }
    }

    #[test]
    fn gsm7_is_the_basic_set_and_its_extension_table() {
        assert_eq!(gsm7_septets("Hej! Åäö ÄÖÜ ß é @£$¥ 0-9 _§¿¡"), Some(30));
        assert_eq!(
            gsm7_septets("[€]"),
            Some(6),
            "extension characters take two"
        );
        assert_eq!(gsm7_septets("\n\r"), Some(2));
        for other in [
            "õ", "š", "ž", "Õ", "Š", "Ž", "ç", "á", "“", "\t", "\u{1b}", "😀",
        ] {
            assert_eq!(gsm7_septets(other), None, "{other}");
        }
        assert!(fits_one_segment(&"a".repeat(160)));
        assert!(!fits_one_segment(&"a".repeat(161)));
        assert!(
            !fits_one_segment(&"€".repeat(81)),
            "80 of them fill a segment"
        );
        assert!(fits_one_segment(&"õ".repeat(70)));
        assert!(!fits_one_segment(&"õ".repeat(71)));
    }

    /// The longest app name (20 characters) and host (30) the limits are tested with.
    const LONG_APP: &str = "Twostep Data Rooms 1";
    const LONG_HOST: &str = "portal.data-rooms.example.test";

    #[test]
    fn swedish_and_german_texts_are_gsm7_in_one_segment() {
        assert_eq!((LONG_APP.len(), LONG_HOST.len()), (20, 30));
        for (language, words) in [
            (
                Language::Swedish,
                "Din verifieringskod för Twostep Data Rooms 1 är 123456.",
            ),
            (
                Language::German,
                "Ihr Bestätigungscode für Twostep Data Rooms 1 lautet 123456.",
            ),
        ] {
            let text = message_text(language, LONG_APP, LONG_HOST, "123456");
            assert!(text.starts_with(words), "{text}");
            let septets = gsm7_septets(&text).expect("GSM-7 only");
            assert!(septets <= 160, "{septets} septets: {text}");
        }
    }

    #[test]
    fn estonian_texts_fit_one_segment_whatever_their_encoding() {
        // The sentence itself has no õ, š or ž: with a GSM-7 app name it is whole.
        let text = message_text(Language::Estonian, LONG_APP, LONG_HOST, "123456");
        assert_eq!(
            text,
            format!("Twostep Data Rooms 1: sinu kinnituskood on 123456.\n\n@{LONG_HOST} #123456")
        );
        assert!(gsm7_septets(&text).is_some_and(|septets| septets <= 160));
        // An Estonian app name makes it UCS-2: short ones still get the sentence…
        let text = message_text(
            Language::Estonian,
            "Sõidujagaja",
            "portal.example.com",
            "123456",
        );
        assert_eq!(gsm7_septets(&text), None);
        assert!(text.contains("sinu kinnituskood on 123456."), "{text}");
        assert!(text.encode_utf16().count() <= 70, "{text}");
        // …and the longest, 20 characters with a 30-character host, the name and the code.
        let app = "Sõidujagamine Tartus";
        assert_eq!(app.chars().count(), 20);
        let text = message_text(Language::Estonian, app, LONG_HOST, "123456");
        assert_eq!(text, format!("{app}: 123456\n\n@{LONG_HOST} #123456"));
        assert!(text.encode_utf16().count() <= 70, "{text}");
        for language in Language::ALL {
            let text = message_text(language, app, LONG_HOST, "123456");
            assert!(fits_one_segment(&text), "{text}");
        }
    }
}

/// Properties over anything typed or pasted into a code field.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn an_accepted_code_is_six_ascii_digits_that_read_back(
            input in prop_oneof![
                any::<String>(),
                "\\PC{0,40}",
                "[0-9 \t\\-]{0,12}",
                "[0-9\u{ff10}-\u{ff19}\u{0660}-\u{0669}\u{00a0}\u{2003} ]{4,10}",
            ],
        ) {
            match normalise_code(&input) {
                Ok(code) => {
                    prop_assert_eq!(code.len(), CODE_DIGITS);
                    prop_assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code:?}");
                    prop_assert_eq!(normalise_code(&code), Ok(code.clone()));
                }
                Err(CodeProblem::Missing) => {
                    prop_assert!(input.chars().all(|c| c.is_whitespace() || c == '-'));
                }
                Err(CodeProblem::Malformed) => {}
            }
        }

        #[test]
        fn a_code_is_read_however_it_is_pasted(
            digits in "[0-9]{6}",
            separators in prop::collection::vec("[ \t\u{a0}\\-]{0,2}", 7),
        ) {
            let mut typed = separators[0].clone();
            for (digit, separator) in digits.chars().zip(&separators[1..]) {
                typed.push(digit);
                typed.push_str(separator);
            }
            prop_assert_eq!(normalise_code(&typed), Ok(digits));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn huge_input_is_no_code(input in prop::collection::vec(any::<char>(), 7..70_000)) {
            let input: String = input.into_iter().collect();
            if let Ok(code) = normalise_code(&input) {
                prop_assert_eq!(code.len(), CODE_DIGITS);
            }
        }
    }

    #[test]
    fn every_generated_code_is_accepted() {
        for _ in 0..1000 {
            let code = generate_code();
            assert_eq!(normalise_code(&code), Ok(code));
        }
    }
}
