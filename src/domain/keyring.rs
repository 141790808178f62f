//! The secret keys a portal holds: the current one, which seals and signs everything new,
//! and the previous ones of a rotation (`TWOSTEP_SECRET_KEY_PREVIOUS`), which still open
//! and verify what was made under them until `twostep secret-key rotate` has re-sealed it.
//! Each key is named by a key id: the first 8 hexadecimal characters of an HMAC of a fixed
//! label under the key, which says which key a value needs without saying anything of it.

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Hexadecimal characters in a key id.
pub const KEY_ID_LEN: usize = 8;

/// The id of a key: safe to print and to store beside what it sealed.
pub fn key_id(key: &[u8; 32]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(b"twostep key id");
    let mut id = hex::encode(mac.finalize().into_bytes());
    id.truncate(KEY_ID_LEN);
    id
}

/// Whether `text` has the form of a key id (it may still name no key held).
pub fn is_key_id(text: &str) -> bool {
    text.len() == KEY_ID_LEN && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[derive(Clone)]
pub struct Keyring {
    /// The current key first, then the previous ones in the order given; no key twice.
    keys: Vec<(String, [u8; 32])>,
}

impl Keyring {
    pub fn new(current: [u8; 32], previous: impl IntoIterator<Item = [u8; 32]>) -> Self {
        let mut keys = vec![(key_id(&current), current)];
        for key in previous {
            if keys.iter().all(|(_, held)| *held != key) {
                keys.push((key_id(&key), key));
            }
        }
        Self { keys }
    }

    pub fn current(&self) -> &[u8; 32] {
        &self.keys[0].1
    }

    pub fn current_id(&self) -> &str {
        &self.keys[0].0
    }

    /// Every key with its id, the current one first.
    pub fn keys(&self) -> impl Iterator<Item = (&str, &[u8; 32])> {
        self.keys.iter().map(|(id, key)| (id.as_str(), key))
    }

    /// The key named `id`, if held.
    pub fn get(&self, id: &str) -> Option<&[u8; 32]> {
        self.keys
            .iter()
            .find(|(held, _)| held == id)
            .map(|(_, key)| key)
    }

    pub fn ids(&self) -> Vec<&str> {
        self.keys.iter().map(|(id, _)| id.as_str()).collect()
    }
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring").field("ids", &self.ids()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_stable_and_differ_between_keys() {
        let id = key_id(&[1; 32]);
        assert!(is_key_id(&id), "{id}");
        assert_eq!(id, key_id(&[1; 32]));
        assert_ne!(id, key_id(&[2; 32]));
        assert!(!is_key_id("ABCDEF12") && !is_key_id("abc") && !is_key_id("abcdefgh"));
    }

    #[test]
    fn the_current_key_comes_first_and_no_key_twice() {
        let ring = Keyring::new([1; 32], [[2; 32], [1; 32], [2; 32], [3; 32]]);
        assert_eq!(ring.current(), &[1; 32]);
        assert_eq!(
            ring.ids(),
            vec![key_id(&[1; 32]), key_id(&[2; 32]), key_id(&[3; 32])]
        );
        assert_eq!(ring.get(&key_id(&[3; 32])), Some(&[3; 32]));
        assert_eq!(ring.get("00000000"), None);
        assert!(!format!("{ring:?}").contains("[1"));
    }
}
