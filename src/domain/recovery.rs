//! Recovery codes: ten single-use codes of 60 random bits each, written as three groups of
//! four Crockford base32 characters ("7KQM-2XHD-9RTF"); typing O for 0 or I/L for 1 still
//! works. Stored as HMAC-SHA256 under the secret key; compared in constant time.

use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::Sha256;
use subtle::ConstantTimeEq;

pub const CODES_PER_SET: usize = 10;
/// At or below this many unused codes the settings page warns.
pub const LOW_WATER: i64 = 3;
/// Crockford's base32: digits and capitals without I, L, O and U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS: usize = 3;
const GROUP_LEN: usize = 4;

/// Twelve symbols of 5 bits: 60 bits per code.
pub fn generate_set() -> Vec<String> {
    let mut codes: Vec<String> = Vec::with_capacity(CODES_PER_SET);
    while codes.len() < CODES_PER_SET {
        let code = random_groups(GROUPS);
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// `groups` groups of four symbols (20 bits a group) from the operating system's CSPRNG,
/// joined by dashes: "7KQM-2XHD-9RTF" for three.
pub(crate) fn random_groups(groups: usize) -> String {
    let mut rng = rand::rngs::OsRng;
    let symbols: Vec<u8> = (0..groups * GROUP_LEN)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())])
        .collect();
    symbols
        .chunks(GROUP_LEN)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// Accepts what people type: any case, with or without dashes and spaces. `None` when it
/// cannot be a recovery code.
pub fn normalise(input: &str) -> Option<String> {
    normalise_groups(input, GROUPS)
}

/// The symbols of a code of `groups` groups as typed, in capitals without separators; O
/// for 0 and I or L for 1 still work. `None` when it cannot be such a code.
pub(crate) fn normalise_groups(input: &str, groups: usize) -> Option<String> {
    let symbols: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect();
    (symbols.len() == groups * GROUP_LEN && symbols.bytes().all(|b| ALPHABET.contains(&b)))
        .then_some(symbols)
}

/// The stored form of a code, bound to its user.
pub fn code_mac(key: &[u8], user_id: i64, normalised: &str) -> String {
    labelled_mac(key, b"twostep recovery code\0", user_id, normalised)
}

/// HMAC-SHA256 of a code under the secret key, bound to its kind (`label`) and its user.
pub(crate) fn labelled_mac(key: &[u8], label: &[u8], user_id: i64, normalised: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(label);
    mac.update(user_id.to_string().as_bytes());
    mac.update(b"\0");
    mac.update(normalised.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

pub fn macs_match(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_distinct_codes_of_sixty_bits() {
        let codes = generate_set();
        assert_eq!(codes.len(), 10);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 10);
        for code in &codes {
            assert_eq!(code.len(), 14);
            assert_eq!(normalise(code).unwrap().len(), 12);
        }
    }

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(normalise(" 7kqm-2xhd 9rtf ").unwrap(), "7KQM2XHD9RTF");
        assert_eq!(normalise("7KQM-2XHD"), None);
        assert_eq!(
            normalise("OIQM-2XHD-9RTF").unwrap(),
            "01QM2XHD9RTF",
            "look-alikes read as digits"
        );
        assert_eq!(normalise("UUQM-2XHD-9RTF"), None);
        assert_eq!(normalise("ÄÄQM-2XHD-9RTF"), None);
    }

    #[test]
    fn macs_are_bound_to_the_user() {
        let key = [3u8; 32];
        let a = code_mac(&key, 1, "7KQM2XHD9RTF");
        assert!(macs_match(&a, &code_mac(&key, 1, "7KQM2XHD9RTF")));
        assert!(!macs_match(&a, &code_mac(&key, 2, "7KQM2XHD9RTF")));
        assert!(!a.contains("7KQM"));
    }
}

/// Properties over anything typed into the recovery code field.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Twelve symbols of the alphabet.
    fn symbols() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(prop::sample::select(ALPHABET.to_vec()), GROUPS * GROUP_LEN)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn a_normalised_code_is_twelve_symbols_that_normalise_to_themselves(
            input in prop_oneof![
                any::<String>(),
                "\\PC{0,40}",
                "[0-9A-Za-z \\-]{10,16}",
                "[0-9A-Za-zıİſK\u{212a} \\-]{12,14}",
            ],
        ) {
            if let Some(code) = normalise(&input) {
                prop_assert_eq!(code.len(), GROUPS * GROUP_LEN);
                prop_assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code:?}");
                prop_assert_eq!(normalise(&code), Some(code.clone()));
            }
        }

        #[test]
        fn a_code_is_read_however_it_is_typed(
            symbols in symbols(),
            lower in prop::collection::vec(any::<bool>(), GROUPS * GROUP_LEN),
            separators in prop::collection::vec("[ \t\\-]{0,2}", GROUPS * GROUP_LEN + 1),
        ) {
            let code = String::from_utf8(symbols).unwrap();
            let mut typed = separators[0].clone();
            for ((c, lower), separator) in code.chars().zip(lower).zip(&separators[1..]) {
                typed.push(if lower { c.to_ascii_lowercase() } else { c });
                typed.push_str(separator);
            }
            prop_assert_eq!(normalise(&typed), Some(code));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn huge_input_is_no_code(input in prop::collection::vec(any::<char>(), 13..70_000)) {
            let input: String = input.into_iter().collect();
            if let Some(code) = normalise(&input) {
                prop_assert_eq!(code.len(), GROUPS * GROUP_LEN);
            }
        }
    }

    #[test]
    fn every_generated_code_is_read_back() {
        for code in generate_set() {
            assert_eq!(normalise(&code), Some(code.replace('-', "")));
            assert_eq!(normalise(&code.to_lowercase()), Some(code.replace('-', "")));
        }
    }
}
