//! Random tokens and their stored digests.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// 256 random bits from the operating system, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// True when `text` could be a token `random_token` made: 43 URL-safe base64 characters.
/// Anything else names nothing and need not be looked up.
pub fn is_well_formed_token(text: &str) -> bool {
    text.len() == 43
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// What is stored in place of a token: its SHA-256, hex. Tokens carry 256 bits of entropy,
/// so a fast hash is enough; a leaked table opens nothing.
pub fn token_digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_distinct_and_carry_256_bits() {
        let a = random_token();
        assert_eq!(URL_SAFE_NO_PAD.decode(&a).unwrap().len(), 32);
        assert_ne!(a, random_token());
    }

    #[test]
    fn only_what_random_token_makes_is_well_formed() {
        assert!(is_well_formed_token(&random_token()));
        for bad in [
            "",
            "not-a-session",
            "\0",
            &"a".repeat(44),
            &format!("{}\0", "a".repeat(42)),
        ] {
            assert!(!is_well_formed_token(bad), "{bad:?}");
        }
    }

    #[test]
    fn the_digest_is_stable_and_not_the_token() {
        assert_eq!(token_digest("abc"), token_digest("abc"));
        assert_ne!(token_digest("abc"), "abc");
        assert_eq!(token_digest("abc").len(), 64);
    }
}
