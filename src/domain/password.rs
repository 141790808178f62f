//! Password rules and hashing.
//!
//! Rules (PRODUCT.md): at least 8 characters, up to 1024, any Unicode, never truncated, no
//! composition rules; passwords that are common or easy to guess are refused with the reason
//! zxcvbn gives. Hashing is argon2id m=19456 KiB, t=2, p=1, run on the blocking pool with at
//! most one hash per core at a time so sign-in bursts cannot starve the executor.

use std::sync::Arc;

use anyhow::Context;
use argon2::password_hash::SaltString;
use argon2::{Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version};
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Semaphore;
use zxcvbn::{Score, zxcvbn};

pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 1024;
/// zxcvbn's work grows with length; a password this long is judged on its start, which
/// alone must be hard to guess.
const STRENGTH_CHECK_CHARS: usize = 128;

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("Use at least {MIN_PASSWORD_CHARS} characters.")]
    TooShort,
    #[error("Use at most {MAX_PASSWORD_CHARS} characters.")]
    TooLong,
    #[error("This password is too easy to guess: {0}")]
    TooGuessable(String),
}

/// Checks a new password; `user_inputs` (email, name) count as easy to guess.
pub fn check_new_password(password: &str, user_inputs: &[&str]) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if length > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let judged: String = password.chars().take(STRENGTH_CHECK_CHARS).collect();
    // An email's local part and the words of a name are guessable on their own too.
    let mut inputs: Vec<&str> = user_inputs.to_vec();
    for input in user_inputs {
        inputs.extend(
            input
                .split(['@', ' ', '.', '_', '-'])
                .filter(|part| part.len() >= 3),
        );
        if let Some((local, _)) = input.split_once('@') {
            inputs.push(local);
        }
    }
    let entropy = zxcvbn(&judged, &inputs);
    if entropy.score() >= Score::Three {
        return Ok(());
    }
    let reason = entropy
        .feedback()
        .and_then(|feedback| {
            feedback
                .warning()
                .map(|w| w.to_string())
                .or_else(|| feedback.suggestions().first().map(|s| s.to_string()))
        })
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| "add more words or characters that are not common.".into());
    Err(PasswordProblem::TooGuessable(reason))
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).expect("OWASP argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes and verifies passwords off the async executor, a bounded number at a time.
#[derive(Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
    /// Verified for unknown accounts so their timing matches a real check.
    dummy_hash: Arc<str>,
}

impl Passwords {
    /// The process's one hasher: its bound on concurrent hashes is per machine, so every
    /// application in the process (tests start many) shares it.
    pub fn shared() -> anyhow::Result<Self> {
        static SHARED: std::sync::OnceLock<Passwords> = std::sync::OnceLock::new();
        if let Some(passwords) = SHARED.get() {
            return Ok(passwords.clone());
        }
        let passwords = Self::new()?;
        Ok(SHARED.get_or_init(|| passwords).clone())
    }

    pub fn new() -> anyhow::Result<Self> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let dummy = SecretString::from(crate::domain::tokens::random_token());
        Ok(Self {
            permits: Arc::new(Semaphore::new(cores)),
            dummy_hash: hash_blocking(&dummy)?.into(),
        })
    }

    #[tracing::instrument(name = "Hash a password", skip_all)]
    pub async fn hash(&self, password: SecretString) -> anyhow::Result<String> {
        let _permit = self
            .permits
            .acquire()
            .await
            .context("the hashing pool closed")?;
        tokio::task::spawn_blocking(move || hash_blocking(&password))
            .await
            .context("the hashing task failed")?
    }

    /// True when `password` matches `stored`; with no stored hash (unknown account, or a
    /// phone-only user) a dummy hash is verified and the answer is false.
    #[tracing::instrument(name = "Verify a password", skip_all)]
    pub async fn verify(
        &self,
        password: SecretString,
        stored: Option<String>,
    ) -> anyhow::Result<bool> {
        let (hash, known) = match stored {
            Some(hash) => (hash, true),
            None => (self.dummy_hash.to_string(), false),
        };
        let _permit = self
            .permits
            .acquire()
            .await
            .context("the hashing pool closed")?;
        let matches = tokio::task::spawn_blocking(move || verify_blocking(&password, &hash))
            .await
            .context("the verification task failed")??;
        Ok(matches && known)
    }
}

fn hash_blocking(password: &SecretString) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    let hash = argon2()
        .hash_password(password.expose_secret().as_bytes(), &salt)
        .map_err(|err| anyhow::anyhow!("hashing a password: {err}"))?;
    Ok(hash.to_string())
}

fn verify_blocking(password: &SecretString, stored: &str) -> anyhow::Result<bool> {
    let parsed = PasswordHash::new(stored)
        .map_err(|err| anyhow::anyhow!("a stored hash is malformed: {err}"))?;
    // The parameters come from the stored hash, so older hashes keep verifying.
    Ok(Argon2::default()
        .verify_password(password.expose_secret().as_bytes(), &parsed)
        .is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(
            check_new_password("Ab1!xyz", &[]),
            Err(PasswordProblem::TooShort)
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // Seven characters, fourteen bytes.
        assert_eq!(
            check_new_password("ääääääß", &[]),
            Err(PasswordProblem::TooShort)
        );
        assert!(check_new_password("Grüße aus Köln am Rhein", &[]).is_ok());
    }

    #[test]
    fn very_long_passwords_are_refused() {
        let long = "correct horse battery staple ".repeat(40);
        assert_eq!(
            check_new_password(&long, &[]),
            Err(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn common_passwords_are_refused_with_a_reason() {
        for weak in ["password", "password123", "qwertyuiop", "11111111"] {
            match check_new_password(weak, &[]) {
                Err(PasswordProblem::TooGuessable(reason)) => assert!(!reason.is_empty()),
                other => panic!("{weak} gave {other:?}"),
            }
        }
    }

    #[test]
    fn the_users_own_details_count_as_guessable() {
        assert!(check_new_password("ada.lovelace1815", &["ada.lovelace1815@example.com"]).is_err());
    }

    #[test]
    fn a_passphrase_is_accepted() {
        assert!(check_new_password("violet kettle sings at dawn", &[]).is_ok());
    }

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let hash = hash_blocking(&SecretString::from("violet kettle sings")).unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_blocking(&SecretString::from("violet kettle sings"), &hash).unwrap());
        assert!(!verify_blocking(&SecretString::from("violet kettle sing"), &hash).unwrap());
    }
}
