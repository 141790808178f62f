//! Temporary access codes: what an administrator reads to a person who lost their phone
//! and their recovery codes. Sixteen Crockford base32 symbols (80 bits from the operating
//! system's CSPRNG) in four groups of four, to be read aloud ("7KQM-2XHD-9RTF-B4NW"); valid
//! for 1, 8 or 24 hours, once; five wrong tries end it. Stored as HMAC-SHA256 under the
//! secret key, bound to the person, and compared in constant time.

use super::recovery::{labelled_mac, normalise_groups, random_groups};

const GROUPS: usize = 4;
/// Wrong tries that end a code: a new one must be issued.
pub const MAX_WRONG_TRIES: i64 = 5;
/// How long a code may be valid, in hours: these and no other.
pub const VALID_HOURS: [i64; 3] = [1, 8, 24];
pub const DEFAULT_HOURS: i64 = 8;

/// How long a new code is valid. Anything but 1, 8 or 24 hours is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Validity(i64);

impl Validity {
    pub fn of_hours(hours: i64) -> Option<Self> {
        VALID_HOURS.contains(&hours).then_some(Self(hours))
    }

    /// What a form or the command line sent: "8", " 24 ".
    pub fn parse(text: &str) -> Option<Self> {
        text.trim().parse().ok().and_then(Self::of_hours)
    }

    pub fn hours(self) -> i64 {
        self.0
    }

    pub fn secs(self) -> i64 {
        self.0 * 3_600
    }

    /// "1 hour", "8 hours".
    pub fn words(self) -> String {
        match self.0 {
            1 => "1 hour".to_owned(),
            hours => format!("{hours} hours"),
        }
    }
}

impl Default for Validity {
    fn default() -> Self {
        Self(DEFAULT_HOURS)
    }
}

/// A new code, grouped for reading aloud.
pub fn generate() -> String {
    random_groups(GROUPS)
}

/// What was typed, as the symbols of a code; `None` when it cannot be one.
pub fn normalise(input: &str) -> Option<String> {
    normalise_groups(input, GROUPS)
}

/// The stored form of a code (normalised), bound to its user.
pub fn code_mac(key: &[u8], user_id: i64, normalised: &str) -> String {
    labelled_mac(key, b"twostep temporary access code\0", user_id, normalised)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_hold_eighty_bits_in_four_groups() {
        let code = generate();
        assert_eq!(code.len(), 19, "{code}");
        assert_eq!(code.split('-').count(), 4);
        assert!(code.split('-').all(|group| group.len() == 4));
        // 16 symbols of an alphabet of 32: 80 bits.
        assert_eq!(normalise(&code).map(|n| n.len()), Some(16));
        let others: std::collections::HashSet<String> = (0..1_000).map(|_| generate()).collect();
        assert_eq!(others.len(), 1_000);
    }

    #[test]
    fn what_people_type_is_read_kindly_and_nothing_else_is() {
        assert_eq!(
            normalise(" 7kqm 2xhd-9rtf-b4nw ").as_deref(),
            Some("7KQM2XHD9RTFB4NW")
        );
        assert_eq!(
            normalise("OIL0-0000-0000-0000").as_deref(),
            Some("0110000000000000")
        );
        assert_eq!(
            normalise("7KQM-2XHD-9RTF"),
            None,
            "a recovery code's length"
        );
        assert_eq!(
            normalise("7KQM-2XHD-9RTF-B4NU"),
            None,
            "U is not in the alphabet"
        );
        assert_eq!(normalise(""), None);
    }

    #[test]
    fn the_stored_form_is_bound_to_the_user_and_the_kind() {
        let key = [7u8; 32];
        let code = "7KQM2XHD9RTFB4NW";
        assert_ne!(code_mac(&key, 1, code), code_mac(&key, 2, code));
        assert_ne!(
            code_mac(&key, 1, code),
            super::super::recovery::code_mac(&key, 1, code)
        );
        assert!(!code_mac(&key, 1, code).contains(code));
    }

    #[test]
    fn only_one_eight_or_twenty_four_hours() {
        assert_eq!(Validity::parse("8"), Some(Validity(8)));
        assert_eq!(Validity::parse(" 24 ").map(Validity::secs), Some(86_400));
        assert_eq!(
            Validity::parse("1").map(Validity::words).as_deref(),
            Some("1 hour")
        );
        for refused in [
            "0",
            "2",
            "48",
            "-1",
            "8.0",
            "",
            "eight",
            "99999999999999999999",
        ] {
            assert_eq!(Validity::parse(refused), None, "{refused}");
        }
        assert_eq!(Validity::default().hours(), 8);
    }
}
