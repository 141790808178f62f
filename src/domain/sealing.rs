//! Secrets that must be read back (TOTP keys, recovery codes awaiting display, emails that
//! carry a link, ID-token signing keys) are sealed with XChaCha20-Poly1305 under a key
//! derived from a secret key by HKDF, with a fresh random nonce each time and the owner
//! bound in as associated data, so a sealed value copied to another user's row does not
//! open. A sealed value starts with the id of the secret key it was sealed under
//! (`{key id}:{base64}`), so it opens while that key is the current or a previous one, and
//! `twostep secret-key rotate` finds what is not under the current key yet. Values sealed
//! before key ids existed (base64 alone) are tried under every key held.

use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use rand::RngCore;
use sha2::Sha256;

use super::keyring::{Keyring, is_key_id};

const NONCE_BYTES: usize = 24;

pub struct Sealer {
    /// A cipher per secret key, the current one first, each with its key id.
    ciphers: Vec<(String, XChaCha20Poly1305)>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    /// Sealed under a secret key the portal does not hold: the operator must list it in
    /// `TWOSTEP_SECRET_KEY_PREVIOUS` (or restore the key that was replaced).
    #[error(
        "a value was sealed under the secret key {0}, which is neither TWOSTEP_SECRET_KEY \
         nor in TWOSTEP_SECRET_KEY_PREVIOUS"
    )]
    MissingKey(String),
    #[error("a sealed value could not be opened (wrong key, owner or a damaged value)")]
    Damaged,
}

impl Sealer {
    /// `purpose` separates keys: a value sealed for one purpose never opens for another.
    pub fn new(keyring: &Keyring, purpose: &str) -> Self {
        let ciphers = keyring
            .keys()
            .map(|(id, secret_key)| {
                let mut key = [0u8; 32];
                Hkdf::<Sha256>::new(Some(b"twostep sealing"), secret_key)
                    .expand(purpose.as_bytes(), &mut key)
                    .expect("32 bytes is a valid HKDF-SHA256 output length");
                (id.to_owned(), XChaCha20Poly1305::new(&key.into()))
            })
            .collect();
        Self { ciphers }
    }

    /// The id of the key new values are sealed under.
    pub fn current_id(&self) -> &str {
        &self.ciphers[0].0
    }

    /// Seals under the current key.
    pub fn seal(&self, owner: &str, plaintext: &[u8]) -> String {
        let (id, cipher) = &self.ciphers[0];
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: owner.as_bytes(),
                },
            )
            .expect("XChaCha20-Poly1305 encrypts any message that fits in memory");
        format!(
            "{id}:{}",
            STANDARD_NO_PAD.encode([nonce.as_slice(), &sealed].concat())
        )
    }

    pub fn open(&self, owner: &str, sealed: &str) -> Result<Vec<u8>, OpenError> {
        match sealed.split_once(':') {
            Some((id, body)) if is_key_id(id) => {
                let (_, cipher) = self
                    .ciphers
                    .iter()
                    .find(|(held, _)| held == id)
                    .ok_or_else(|| OpenError::MissingKey(id.to_owned()))?;
                open_with(cipher, owner, body)
            }
            Some(_) => Err(OpenError::Damaged),
            None => self
                .ciphers
                .iter()
                .find_map(|(_, cipher)| open_with(cipher, owner, sealed).ok())
                .ok_or(OpenError::Damaged),
        }
    }

    /// Whether `sealed` is under the current key already (rotation leaves it alone).
    pub fn is_current(&self, sealed: &str) -> bool {
        sealed
            .strip_prefix(self.current_id())
            .is_some_and(|rest| rest.starts_with(':'))
    }

    /// The value sealed under the current key, opened from whichever key it is under;
    /// `None` when it is under the current key already.
    pub fn reseal(&self, owner: &str, sealed: &str) -> Result<Option<String>, OpenError> {
        if self.is_current(sealed) {
            return Ok(None);
        }
        let plaintext = self.open(owner, sealed)?;
        Ok(Some(self.seal(owner, &plaintext)))
    }
}

fn open_with(cipher: &XChaCha20Poly1305, owner: &str, body: &str) -> Result<Vec<u8>, OpenError> {
    let bytes = STANDARD_NO_PAD
        .decode(body)
        .map_err(|_| OpenError::Damaged)?;
    if bytes.len() <= NONCE_BYTES {
        return Err(OpenError::Damaged);
    }
    let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
    cipher
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad: owner.as_bytes(),
            },
        )
        .map_err(|_| OpenError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::keyring::key_id;

    fn ring(current: u8, previous: &[u8]) -> Keyring {
        Keyring::new([current; 32], previous.iter().map(|b| [*b; 32]))
    }

    #[test]
    fn sealed_values_open_only_for_their_owner_purpose_and_key() {
        let sealer = Sealer::new(&ring(1, &[]), "totp");
        let sealed = sealer.seal("user:1", b"secret bytes");
        assert!(!sealed.contains("secret"));
        assert!(sealed.starts_with(&format!("{}:", key_id(&[1; 32]))));
        assert_eq!(sealer.open("user:1", &sealed).unwrap(), b"secret bytes");
        assert_eq!(sealer.open("user:2", &sealed), Err(OpenError::Damaged));
        assert!(
            Sealer::new(&ring(1, &[]), "other")
                .open("user:1", &sealed)
                .is_err()
        );
        assert_eq!(
            Sealer::new(&ring(2, &[]), "totp").open("user:1", &sealed),
            Err(OpenError::MissingKey(key_id(&[1; 32])))
        );
        assert!(sealer.open("user:1", "not base64!").is_err());
        assert!(sealer.open("user:1", "AAAA").is_err());
        assert!(sealer.open("user:1", "nothex!!:AAAA").is_err());
    }

    #[test]
    fn each_seal_uses_a_fresh_nonce() {
        let sealer = Sealer::new(&ring(1, &[]), "totp");
        assert_ne!(sealer.seal("u", b"x"), sealer.seal("u", b"x"));
    }

    #[test]
    fn a_previous_key_opens_and_a_reseal_moves_to_the_current_one() {
        let old = Sealer::new(&ring(1, &[]), "totp");
        let sealed = old.seal("u", b"x");
        let rotated = Sealer::new(&ring(2, &[1]), "totp");
        assert_eq!(rotated.open("u", &sealed).unwrap(), b"x");
        assert!(!rotated.is_current(&sealed));
        let resealed = rotated.reseal("u", &sealed).unwrap().unwrap();
        assert!(rotated.is_current(&resealed));
        assert_eq!(rotated.reseal("u", &resealed).unwrap(), None);
        // Once the old key is gone, the re-sealed value still opens.
        let after = Sealer::new(&ring(2, &[]), "totp");
        assert_eq!(after.open("u", &resealed).unwrap(), b"x");
        assert_eq!(
            after.open("u", &sealed),
            Err(OpenError::MissingKey(key_id(&[1; 32])))
        );
    }

    #[test]
    fn values_sealed_before_key_ids_open_under_any_key_held() {
        // The form values had before key ids: base64 of the nonce and the ciphertext.
        let sealed = Sealer::new(&ring(1, &[]), "totp").seal("u", b"x");
        let legacy = sealed.split_once(':').unwrap().1.to_owned();
        assert_eq!(
            Sealer::new(&ring(2, &[1]), "totp")
                .open("u", &legacy)
                .unwrap(),
            b"x"
        );
        assert_eq!(
            Sealer::new(&ring(2, &[]), "totp").open("u", &legacy),
            Err(OpenError::Damaged)
        );
    }
}
