//! Secrets that must be read back (TOTP keys, recovery codes awaiting display) are sealed
//! with XChaCha20-Poly1305 under a key derived from the server's secret key by HKDF, with a
//! fresh random nonce each time and the owner bound in as associated data, so a sealed value
//! copied to another user's row does not open.

use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use rand::RngCore;
use sha2::Sha256;

const NONCE_BYTES: usize = 24;

pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

#[derive(Debug, thiserror::Error)]
#[error("a sealed value could not be opened (wrong key, owner or a damaged value)")]
pub struct OpenError;

impl Sealer {
    /// `purpose` separates keys: a value sealed for one purpose never opens for another.
    pub fn new(secret_key: &[u8; 32], purpose: &str) -> Self {
        let mut key = [0u8; 32];
        Hkdf::<Sha256>::new(Some(b"twostep sealing"), secret_key)
            .expand(purpose.as_bytes(), &mut key)
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        Self {
            cipher: XChaCha20Poly1305::new(&key.into()),
        }
    }

    pub fn seal(&self, owner: &str, plaintext: &[u8]) -> String {
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = self
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: owner.as_bytes(),
                },
            )
            .expect("XChaCha20-Poly1305 encrypts any message that fits in memory");
        STANDARD_NO_PAD.encode([nonce.as_slice(), &sealed].concat())
    }

    pub fn open(&self, owner: &str, sealed: &str) -> Result<Vec<u8>, OpenError> {
        let bytes = STANDARD_NO_PAD.decode(sealed).map_err(|_| OpenError)?;
        if bytes.len() <= NONCE_BYTES {
            return Err(OpenError);
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
        self.cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: owner.as_bytes(),
                },
            )
            .map_err(|_| OpenError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_for_their_owner_purpose_and_key() {
        let sealer = Sealer::new(&[1; 32], "totp");
        let sealed = sealer.seal("user:1", b"secret bytes");
        assert!(!sealed.contains("secret"));
        assert_eq!(sealer.open("user:1", &sealed).unwrap(), b"secret bytes");
        assert!(sealer.open("user:2", &sealed).is_err());
        assert!(
            Sealer::new(&[1; 32], "other")
                .open("user:1", &sealed)
                .is_err()
        );
        assert!(
            Sealer::new(&[2; 32], "totp")
                .open("user:1", &sealed)
                .is_err()
        );
        assert!(sealer.open("user:1", "not base64!").is_err());
        assert!(sealer.open("user:1", "AAAA").is_err());
    }

    #[test]
    fn each_seal_uses_a_fresh_nonce() {
        let sealer = Sealer::new(&[1; 32], "totp");
        assert_ne!(sealer.seal("u", b"x"), sealer.seal("u", b"x"));
    }
}
