//! The secret key's rotation. Two kinds of things depend on the secret key:
//! - sealed values (authenticator keys, queued emails that carry a link, ID-token signing
//!   keys, the data keys below), each led by the id of the key it was sealed under: they
//!   open under the current key or a previous one, and `rotate_secret_key` re-seals them
//!   under the current key, after which the previous key can go;
//! - keyed hashes. Those stored for long, whose input is not kept (recovery codes,
//!   temporary access codes, attempt limits, the audit log's unknown addresses, the subject
//!   applications know a person by), use the data key `mac`: random, made once, sealed
//!   like the rest, so a rotation changes none of them. Those that live minutes (text
//!   message codes, CSRF tokens, the session cookie's signature) are made under the current
//!   key and checked under every key held.

use rand::RngCore;

use super::Services;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::audit_details as details;
use crate::db::sealed::{
    DATA_KEY_PURPOSE, SEALED_COLUMNS, SIGNING_KEY_PURPOSE, SealedColumn, TOTP_PURPOSE, data_key,
    data_key_owner, insert_data_key, key_ids, not_under, replace,
};
use crate::db::{Db, DbError};
use crate::domain::keyring::Keyring;
use crate::domain::sealing::{OpenError, Sealer};

/// Values re-sealed per transaction.
pub const ROTATE_BATCH: i64 = 500;

/// The name of the data key of the stored keyed hashes.
const MAC_KEY: &str = "mac";

/// The key of the stored keyed hashes, made at the first start of a database that has
/// none. A database with accounts already made their hashes under the secret key itself
/// (before data keys existed), so it keeps that key: the one that opens what that secret
/// key sealed (an operator may start this version with a new key and the old one listed);
/// a new database gets a random key.
pub async fn mac_key(db: &Db, keyring: &Keyring, now: i64) -> anyhow::Result<[u8; 32]> {
    let sealer = Sealer::new(keyring, DATA_KEY_PURPOSE);
    let owner = data_key_owner(MAC_KEY);
    if data_key(&db.pool, MAC_KEY).await?.is_none() {
        let accounts: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM (SELECT 1 FROM users LIMIT 1) AS one")
                .fetch_one(&db.pool)
                .await?;
        let key = if accounts > 0 {
            let probes = sealed_probes(db).await?;
            key_in_use(keyring, &probes).ok_or_else(|| {
                anyhow::anyhow!(
                    "what the database holds was sealed under a secret key that is neither \
                     TWOSTEP_SECRET_KEY nor in TWOSTEP_SECRET_KEY_PREVIOUS: start with the key \
                     it was made with"
                )
            })?
        } else {
            let mut key = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut key);
            key
        };
        let _turn = db.write_turn().await;
        insert_data_key(&db.pool, MAC_KEY, &sealer.seal(&owner, &key), now).await?;
    }
    let sealed = data_key(&db.pool, MAC_KEY)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the data key {MAC_KEY} was not stored"))?;
    let key = sealer.open(&owner, &sealed).map_err(|err| match err {
        OpenError::MissingKey(id) => anyhow::anyhow!(
            "the database's keys are sealed under the secret key {id}, which this portal \
             does not hold: set TWOSTEP_SECRET_KEY_PREVIOUS to that key (the one \
             TWOSTEP_SECRET_KEY held before), start, and run `twostep secret-key rotate`"
        ),
        OpenError::Damaged => anyhow::anyhow!(
            "the database's data key cannot be opened with TWOSTEP_SECRET_KEY or \
             TWOSTEP_SECRET_KEY_PREVIOUS: is this the database of another portal?"
        ),
    })?;
    key.try_into()
        .map_err(|_| anyhow::anyhow!("the data key {MAC_KEY} is not 32 bytes"))
}

/// A few sealed values of a database from before data keys, with their purpose and owner:
/// the ID-token signing keys and an authenticator key.
async fn sealed_probes(db: &Db) -> Result<Vec<(&'static str, String, String)>, DbError> {
    let mut probes = Vec::new();
    let keys: Vec<(String, String)> =
        sqlx::query_as("SELECT kid, sealed_private_key FROM signing_keys")
            .fetch_all(&db.pool)
            .await?;
    for (kid, sealed) in keys {
        probes.push((SIGNING_KEY_PURPOSE, kid, sealed));
    }
    let app: Option<(i64, String)> = sqlx::query_as(
        "SELECT user_id, active_sealed FROM totp_secrets WHERE active_sealed IS NOT NULL LIMIT 1",
    )
    .fetch_optional(&db.pool)
    .await?;
    if let Some((user_id, sealed)) = app {
        probes.push((TOTP_PURPOSE, format!("user:{user_id}"), sealed));
    }
    Ok(probes)
}

/// The key of the ring that opens the first of `probes` any key opens (the key the
/// database's values were made under); the current key when there is nothing to try, and
/// `None` when no key opens any.
fn key_in_use(keyring: &Keyring, probes: &[(&str, String, String)]) -> Option<[u8; 32]> {
    if probes.is_empty() {
        return Some(*keyring.current());
    }
    probes.iter().find_map(|(purpose, owner, sealed)| {
        keyring.keys().find_map(|(_, key)| {
            let alone = Keyring::new(*key, []);
            Sealer::new(&alone, purpose)
                .open(owner, sealed)
                .is_ok()
                .then_some(*key)
        })
    })
}

/// What a rotation did to one column.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ColumnRotation {
    pub column: &'static str,
    /// Re-sealed under the current key.
    pub resealed: u64,
    /// Changed by the portal while being re-sealed (left as the portal wrote it).
    pub changed_meanwhile: u64,
    /// Under a key not held, with that key's id ("" for a damaged value).
    pub unopened: Vec<(String, u64)>,
}

/// Under which keys the values of a column are sealed now.
#[derive(Debug)]
pub struct ColumnKeys {
    pub column: &'static str,
    /// Key id ("" before key ids) and how many values.
    pub ids: Vec<(String, i64)>,
}

impl Services {
    /// Re-seals every sealed value not under the current key, `ROTATE_BATCH` values per
    /// transaction, each put back only where the row still holds what was read: safe while
    /// the portal serves, and to run again (what is under the current key is skipped).
    pub async fn rotate_secret_key(&self) -> Result<Vec<ColumnRotation>, DbError> {
        let mut report = Vec::new();
        for column in &SEALED_COLUMNS {
            report.push(self.rotate_column(column).await?);
        }
        let resealed: u64 = report.iter().map(|column| column.resealed).sum();
        let detail = format!(
            "{} {resealed}{}",
            self.keyring.current_id(),
            details::COMMAND_LINE_AFTER
        );
        self.audit_alone(&AuditEvent {
            kind: EventKind::SecretKeyRotated,
            actor_user_id: None,
            subject_user_id: None,
            origin: &Origin::default(),
            detail: Some(&detail),
        })
        .await?;
        Ok(report)
    }

    async fn rotate_column(&self, column: &SealedColumn) -> Result<ColumnRotation, DbError> {
        let sealer = Sealer::new(&self.keyring, column.purpose);
        let current = self.keyring.current_id();
        let mut done = ColumnRotation {
            column: column.name,
            ..ColumnRotation::default()
        };
        let mut skipped: i64 = 0;
        loop {
            let mut tx = self.db.begin().await?;
            let batch = not_under(&mut *tx, column, current, skipped, ROTATE_BATCH).await?;
            if batch.is_empty() {
                break;
            }
            for value in &batch {
                let owner = (column.owner)(&value.owner_text);
                match sealer.reseal(&owner, &value.sealed) {
                    Ok(Some(resealed)) => {
                        if replace(&mut *tx, column, value, &resealed).await? {
                            done.resealed += 1;
                        } else {
                            done.changed_meanwhile += 1;
                        }
                    }
                    Ok(None) => {}
                    Err(err) => {
                        skipped += 1;
                        let id = match err {
                            OpenError::MissingKey(id) => id,
                            OpenError::Damaged => String::new(),
                        };
                        match done.unopened.iter_mut().find(|(held, _)| *held == id) {
                            Some((_, count)) => *count += 1,
                            None => done.unopened.push((id, 1)),
                        }
                    }
                }
            }
            tx.commit().await?;
        }
        Ok(done)
    }

    /// Under which keys each sealed column's values are, for the command line and the
    /// warning at start.
    pub async fn sealed_key_ids(&self) -> Result<Vec<ColumnKeys>, DbError> {
        let mut all = Vec::new();
        for column in &SEALED_COLUMNS {
            all.push(ColumnKeys {
                column: column.name,
                ids: key_ids(&self.db.pool, column).await?,
            });
        }
        Ok(all)
    }

    /// Key ids that stored values are sealed under and this portal does not hold.
    pub async fn missing_key_ids(&self) -> Result<Vec<String>, DbError> {
        let held = self.keyring.ids();
        let mut missing: Vec<String> = self
            .sealed_key_ids()
            .await?
            .into_iter()
            .flat_map(|column| column.ids)
            .map(|(id, _)| id)
            .filter(|id| !id.is_empty() && !held.contains(&id.as_str()))
            .collect();
        missing.sort();
        missing.dedup();
        Ok(missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_from_before_data_keys_keeps_the_key_its_values_were_made_under() {
        // Sealed by an earlier version under the key [1; 32], without a key id.
        let earlier = Sealer::new(&Keyring::new([1; 32], []), SIGNING_KEY_PURPOSE);
        let sealed = earlier.seal("kid-1", b"private key");
        let legacy = sealed.split_once(':').unwrap().1.to_owned();
        let probes = [(SIGNING_KEY_PURPOSE, "kid-1".to_owned(), legacy)];
        // Started with a new key and the old one listed: the old one is kept.
        assert_eq!(
            key_in_use(&Keyring::new([2; 32], [[1; 32]]), &probes),
            Some([1; 32])
        );
        assert_eq!(
            key_in_use(&Keyring::new([1; 32], []), &probes),
            Some([1; 32])
        );
        // Nothing to try: the current key; nothing opens: none (the start is refused).
        assert_eq!(key_in_use(&Keyring::new([3; 32], []), &[]), Some([3; 32]));
        assert_eq!(key_in_use(&Keyring::new([3; 32], []), &probes), None);
    }
}
