//! The keys ID tokens are signed with: RSA-2048 (RS256), made at first start, the private
//! key sealed under the secret key, the public half published in `/oauth2/jwks` by `kid`.
//! A rotation publishes the new key an hour before it signs (clients that cache the key
//! set learn it first), and the old key stays published until the last token it signed
//! has expired.

use std::sync::Arc;

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::{KeyPair, KeySize};
use aws_lc_rs::signature::{KeyPair as _, RSA_PKCS1_SHA256};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, Header};
use serde::Serialize;
use tokio::sync::RwLock;

use super::Services;
use crate::db::DbError;
use crate::db::applications::{
    SigningKeyRow, delete_signing_key, insert_signing_key, list_signing_keys,
};
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::audit_details as details;
use crate::domain::oidc::{TOKEN_TTL_SECS, pkcs1_of_pkcs8};
use crate::domain::sealing::Sealer;
use crate::domain::tokens::random_token;

/// A new key is published this long before it signs.
pub const PUBLISHED_AHEAD_SECS: i64 = 3600;
/// Instances read the keys again this often, so a rotation made by another instance (or
/// the command line) is seen long before the new key signs.
const RELOAD_SECS: i64 = 60;

/// A key as the key set publishes it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct PublicKey {
    pub kid: String,
    /// Base64url modulus and exponent.
    pub n: String,
    pub e: String,
}

/// The key that signs now, parsed once, when the keys are read. (`jsonwebtoken::encode`
/// with aws-lc parses its DER key again for every signature: the key's check and its
/// Montgomery and blinding set-up cost more than the signature itself, 0.78 ms of CPU a
/// token against 0.31 ms signed with a key parsed once.)
pub struct Signer {
    pub kid: String,
    key: KeyPair,
}

impl Signer {
    /// The signer of the PKCS#1 `RSAPrivateKey` `der`, named `kid`.
    fn new(kid: String, der: &[u8]) -> Result<Self, KeyError> {
        let key = KeyPair::from_der(der).map_err(|e| KeyError::Key(e.to_string()))?;
        Ok(Signer { kid, key })
    }

    /// `claims` as a compact JWS signed with RS256, the key's `kid` in its header: the
    /// bytes `jsonwebtoken::encode` makes (PKCS#1 v1.5 signatures are deterministic).
    pub fn sign<T: Serialize>(&self, claims: &T) -> Result<String, KeyError> {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.kid.clone());
        let part = |json: serde_json::Result<Vec<u8>>| {
            json.map(|bytes| URL_SAFE_NO_PAD.encode(bytes))
                .map_err(|e| KeyError::Key(e.to_string()))
        };
        let message = format!(
            "{}.{}",
            part(serde_json::to_vec(&header))?,
            part(serde_json::to_vec(claims))?
        );
        let mut signature = vec![0; self.key.public_modulus_len()];
        self.key
            .sign(
                &RSA_PKCS1_SHA256,
                &SystemRandom::new(),
                message.as_bytes(),
                &mut signature,
            )
            .map_err(|e| KeyError::Key(e.to_string()))?;
        Ok(format!("{message}.{}", URL_SAFE_NO_PAD.encode(signature)))
    }
}

/// The keys as last read: those published, the one that signs, when it was read and until
/// when it holds.
struct KeySet {
    read_at: i64,
    /// The next moment the stored keys change what is published or which key signs (a new
    /// key's time to sign, an old key's end): the set is read again then, so every
    /// instance switches keys on time, whenever it last read them.
    changes_at: Option<i64>,
    published: Vec<PublicKey>,
    /// The decoded keys of every published key, to check our own tokens (`id_token_hint`).
    decoding: Vec<(String, DecodingKey)>,
    signer: Option<Arc<Signer>>,
}

/// This instance's copy of the keys.
#[derive(Default)]
pub struct KeyCache(RwLock<Option<Arc<KeySet>>>);

/// What a rotation did.
pub struct Rotation {
    pub kid: String,
    pub signs_from: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("making or reading a signing key: {0}")]
    Key(String),
}

/// A fresh RSA-2048 key, its private half sealed.
fn new_key(sealer: &Sealer, now: i64, signs_from: i64) -> Result<SigningKeyRow, KeyError> {
    let pair = KeyPair::generate(KeySize::Rsa2048).map_err(|e| KeyError::Key(e.to_string()))?;
    let pkcs8 = pair.as_der().map_err(|e| KeyError::Key(e.to_string()))?;
    let public = pair.public_key();
    let kid = random_token()[..16].to_owned();
    Ok(SigningKeyRow {
        sealed_private_key: sealer.seal(&kid, pkcs8.as_ref()),
        modulus: URL_SAFE_NO_PAD.encode(public.modulus().big_endian_without_leading_zero()),
        exponent: URL_SAFE_NO_PAD.encode(public.exponent().big_endian_without_leading_zero()),
        kid,
        created_at: now,
        signs_from,
    })
}

/// Which of the stored keys (oldest first) are published at `now`: each until its
/// successor has signed for longer than a token lives. The key that signs is the last
/// whose time has come.
fn published(rows: &[SigningKeyRow], now: i64) -> (Vec<&SigningKeyRow>, Option<&SigningKeyRow>) {
    let signer = rows.iter().rev().find(|r| r.signs_from <= now);
    let shown = rows
        .iter()
        .enumerate()
        .filter(|(i, _)| match rows.get(i + 1) {
            Some(next) => now < next.signs_from + TOKEN_TTL_SECS,
            None => true,
        })
        .map(|(_, r)| r)
        .collect();
    (shown, signer)
}

/// The first moment after `now` when `published` answers otherwise for these rows.
fn next_change(rows: &[SigningKeyRow], now: i64) -> Option<i64> {
    rows.iter()
        .flat_map(|r| [r.signs_from, r.signs_from + TOKEN_TTL_SECS])
        .filter(|at| *at > now)
        .min()
}

impl Services {
    /// Makes the first signing key when there is none (at start).
    pub async fn ensure_signing_key(&self) -> Result<(), KeyError> {
        if !list_signing_keys(&self.db.pool).await?.is_empty() {
            return Ok(());
        }
        let now = self.clock.now();
        let key = new_key(&self.key_sealer, now, now)?;
        let mut tx = self.db.begin().await?;
        // Another instance starting at the same time may have made one meanwhile.
        if list_signing_keys(&mut *tx).await?.is_empty() {
            insert_signing_key(&mut *tx, &key).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A new key, published now and signing in an hour; keys no longer published are
    /// deleted.
    pub async fn rotate_signing_key(&self) -> Result<Rotation, KeyError> {
        let now = self.clock.now();
        let key = new_key(&self.key_sealer, now, now + PUBLISHED_AHEAD_SECS)?;
        let mut tx = self.db.begin().await?;
        insert_signing_key(&mut *tx, &key).await?;
        let rows = list_signing_keys(&mut *tx).await?;
        let (shown, _) = published(&rows, now);
        for row in rows
            .iter()
            .filter(|r| !shown.iter().any(|s| s.kid == r.kid))
        {
            delete_signing_key(&mut *tx, &row.kid).await?;
        }
        let detail = format!("{}{}", key.kid, details::COMMAND_LINE_AFTER);
        self.audit(
            &mut tx,
            &AuditEvent {
                kind: EventKind::SigningKeyRotated,
                actor_user_id: None,
                subject_user_id: None,
                origin: &Origin::default(),
                detail: Some(&detail),
            },
        );
        tx.commit().await?;
        *self.signing_keys.0.write().await = None;
        Ok(Rotation {
            kid: key.kid,
            signs_from: key.signs_from,
        })
    }

    async fn key_set(&self) -> Result<Arc<KeySet>, KeyError> {
        let now = self.clock.now();
        if let Some(set) = self.signing_keys.0.read().await.as_ref()
            && now - set.read_at < RELOAD_SECS
            && set.read_at <= now
            && set.changes_at.is_none_or(|at| now < at)
        {
            return Ok(set.clone());
        }
        let rows = list_signing_keys(&self.db.pool).await?;
        let (shown, signer) = published(&rows, now);
        let signer = match signer {
            Some(row) => {
                let pkcs8 = self
                    .key_sealer
                    .open(&row.kid, &row.sealed_private_key)
                    .map_err(|e| KeyError::Key(e.to_string()))?;
                let pkcs1 = pkcs1_of_pkcs8(&pkcs8)
                    .ok_or_else(|| KeyError::Key("not a PKCS#8 RSA key".into()))?;
                Some(Arc::new(Signer::new(row.kid.clone(), pkcs1)?))
            }
            None => None,
        };
        let mut decoding = Vec::new();
        for row in &shown {
            let key = DecodingKey::from_rsa_components(&row.modulus, &row.exponent)
                .map_err(|e| KeyError::Key(e.to_string()))?;
            decoding.push((row.kid.clone(), key));
        }
        let set = Arc::new(KeySet {
            read_at: now,
            changes_at: next_change(&rows, now),
            published: shown
                .iter()
                .map(|r| PublicKey {
                    kid: r.kid.clone(),
                    n: r.modulus.clone(),
                    e: r.exponent.clone(),
                })
                .collect(),
            decoding,
            signer,
        });
        *self.signing_keys.0.write().await = Some(set.clone());
        Ok(set)
    }

    /// The keys `/oauth2/jwks` publishes.
    pub async fn published_keys(&self) -> Result<Vec<PublicKey>, KeyError> {
        Ok(self.key_set().await?.published.clone())
    }

    /// The key that signs now.
    pub async fn signer(&self) -> Result<Arc<Signer>, KeyError> {
        self.key_set()
            .await?
            .signer
            .clone()
            .ok_or_else(|| KeyError::Key("no signing key: run the portal once to make one".into()))
    }

    /// The published key named `kid`, to check a token this portal signed.
    pub async fn decoding_key(&self, kid: &str) -> Result<Option<DecodingKey>, KeyError> {
        Ok(self
            .key_set()
            .await?
            .decoding
            .iter()
            .find(|(k, _)| k == kid)
            .map(|(_, key)| key.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kid: &str, signs_from: i64) -> SigningKeyRow {
        SigningKeyRow {
            kid: kid.into(),
            sealed_private_key: String::new(),
            modulus: String::new(),
            exponent: String::new(),
            created_at: signs_from - PUBLISHED_AHEAD_SECS,
            signs_from,
        }
    }

    #[test]
    fn a_signer_signs_as_jsonwebtoken_does_and_its_tokens_check_under_the_published_key() {
        let pair = KeyPair::generate(KeySize::Rsa2048).unwrap();
        let pkcs8 = pair.as_der().unwrap();
        let pkcs1 = pkcs1_of_pkcs8(pkcs8.as_ref()).unwrap();
        let signer = Signer::new("kid-1".into(), pkcs1).unwrap();
        let claims = serde_json::json!({ "iss": "https://portal.example", "sub": "s", "aud": "c", "nonce": "n" });

        let token = signer.sign(&claims).unwrap();
        // The same token, byte for byte, as jsonwebtoken signs with the key parsed anew.
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some("kid-1".into());
        let expected = jsonwebtoken::encode(
            &header,
            &claims,
            &jsonwebtoken::EncodingKey::from_rsa_der(pkcs1),
        )
        .unwrap();
        assert_eq!(token, expected);
        // The key parsed once signs again, the same.
        assert_eq!(signer.sign(&claims).unwrap(), expected);

        let public = pair.public_key();
        let published = DecodingKey::from_rsa_components(
            &URL_SAFE_NO_PAD.encode(public.modulus().big_endian_without_leading_zero()),
            &URL_SAFE_NO_PAD.encode(public.exponent().big_endian_without_leading_zero()),
        )
        .unwrap();
        let mut validation = jsonwebtoken::Validation::new(Algorithm::RS256);
        validation.validate_exp = false;
        validation.set_audience(&["c"]);
        validation.set_required_spec_claims(&["iss", "sub", "aud"]);
        let read = jsonwebtoken::decode::<serde_json::Value>(&token, &published, &validation)
            .expect("the signature checks under the published key");
        assert_eq!(read.header.kid.as_deref(), Some("kid-1"));
        assert_eq!(read.claims, claims);
        assert!(Signer::new("kid-2".into(), b"not a key").is_err());
    }

    #[test]
    fn a_new_key_is_published_before_it_signs_and_the_old_one_stays_until_its_tokens_expire() {
        let rows = [row("old", 0), row("new", 10_000)];
        let kids = |now| {
            let (shown, signer) = published(&rows, now);
            (
                shown.iter().map(|r| r.kid.as_str()).collect::<Vec<_>>(),
                signer.map(|r| r.kid.clone()),
            )
        };
        assert_eq!(kids(9_999), (vec!["old", "new"], Some("old".into())));
        assert_eq!(kids(10_000), (vec!["old", "new"], Some("new".into())));
        assert_eq!(
            kids(10_000 + TOKEN_TTL_SECS - 1),
            (vec!["old", "new"], Some("new".into()))
        );
        assert_eq!(
            kids(10_000 + TOKEN_TTL_SECS),
            (vec!["new"], Some("new".into()))
        );
        // What was read before a change is read again at it.
        assert_eq!(next_change(&rows, 9_990), Some(10_000));
        assert_eq!(next_change(&rows, 10_000), Some(10_000 + TOKEN_TTL_SECS));
        assert_eq!(next_change(&rows, 10_000 + TOKEN_TTL_SECS), None);
    }
}
