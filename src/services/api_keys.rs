//! API keys (API keys in the control center, `twostep api-key`): making one (its text
//! shown once), listing, revoking, each change audited in its transaction; and checking
//! the key a script presents to `/api/v1`, with each key's rate limit.

use super::Services;
use super::admin::Actor;
use crate::db::DbError;
use crate::db::api_keys::{
    ApiKeyRow, InsertKeyError, NewKeyRow, count_request, find_by_key_id, find_key,
    find_key_by_name, insert_key, list_keys, revoke_key,
};
use crate::db::audit::{EventKind, Origin};
use crate::domain::api_keys::{
    DUMMY_DIGEST, KeySettings, NewKey, PresentedKey, REQUESTS_PER_MINUTE, Scopes,
};
// Who called: defined with the scopes, so the admin use cases name it without reaching
// back here.
pub use crate::domain::api_keys::ApiCaller;

/// Why a presented key opens nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    /// Not a key's shape, no key has its id part, or the secret is wrong: the three are
    /// not told apart.
    Unknown,
    Expired,
    Revoked,
    /// The key made its `REQUESTS_PER_MINUTE` this minute.
    RateLimited {
        retry_after_secs: i64,
    },
}

/// Where a key stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyStatus {
    Active,
    Expired,
    Revoked,
}

/// A key as the control center lists it (never its secret).
#[derive(Clone, Debug)]
pub struct ApiKeyInfo {
    pub id: i64,
    pub name: String,
    pub scopes: Scopes,
    pub created_at: i64,
    /// The administrator who made it; `None` from the command line.
    pub created_by_email: Option<String>,
    pub expires_at: Option<i64>,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

impl ApiKeyInfo {
    fn from_row(row: ApiKeyRow) -> Result<Self, DbError> {
        Ok(Self {
            scopes: stored_scopes(&row.scopes)?,
            id: row.id,
            name: row.name,
            created_at: row.created_at,
            created_by_email: row.created_by_email,
            expires_at: row.expires_at,
            last_used_at: row.last_used_at,
            revoked_at: row.revoked_at,
        })
    }

    /// Where the key stands at `now`: revoked before expired.
    pub fn status(&self, now: i64) -> KeyStatus {
        if self.revoked_at.is_some() {
            KeyStatus::Revoked
        } else if self.expires_at.is_some_and(|at| at <= now) {
            KeyStatus::Expired
        } else {
            KeyStatus::Active
        }
    }
}

/// The scopes as stored; the migration's CHECK lets nothing else in.
fn stored_scopes(text: &str) -> Result<Scopes, DbError> {
    Scopes::from_stored(text)
        .ok_or_else(|| DbError::Decode("api_keys.scopes holds no scope list".into()))
}

/// A new key: its text, shown once and never stored, and what is kept of it.
pub struct CreatedKey {
    pub key: String,
    pub info: ApiKeyInfo,
}

/// Why a key was not made or revoked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiKeyRefusal {
    /// A key (revoked or not) has this name.
    NameTaken,
    NotFound,
    AlreadyRevoked,
}

/// What an audit event says of a key: its name, and when made, its scopes as stored
/// ("deploy-bot (users:read audit:read)"; the audit log's wording reads it back).
fn created_detail(settings: &KeySettings) -> String {
    format!("{} ({})", settings.name, settings.scopes.stored())
}

impl Services {
    /// Makes a key with `settings`, expiring that many days from now (or never); its text
    /// is returned once and only the digest of its secret is kept.
    pub async fn create_api_key(
        &self,
        actor: Actor<'_>,
        settings: &KeySettings,
        origin: &Origin,
    ) -> Result<Result<CreatedKey, ApiKeyRefusal>, DbError> {
        let now = self.clock.now();
        let key = NewKey::generate();
        let scopes = settings.scopes.stored();
        let mut tx = self.db.begin().await?;
        let row = NewKeyRow {
            key_id: &key.id_part,
            secret_digest: &key.digest,
            name: &settings.name,
            scopes: &scopes,
            created_at: now,
            created_by: actor.user_id(),
            expires_at: settings.expires_days.map(|days| now + days * 86_400),
        };
        let id = match insert_key(&mut *tx, &row).await {
            Ok(id) => id,
            Err(InsertKeyError::NameTaken) => return Ok(Err(ApiKeyRefusal::NameTaken)),
            Err(InsertKeyError::Db(err)) => return Err(err),
        };
        let info = find_key(&mut *tx, id).await?.ok_or(DbError::RowNotFound)?;
        let info = ApiKeyInfo::from_row(info)?;
        let detail = created_detail(settings);
        self.admin_event(
            &mut tx,
            EventKind::ApiKeyCreated,
            actor,
            None,
            origin,
            Some(&detail),
        );
        tx.commit().await?;
        Ok(Ok(CreatedKey {
            key: key.text,
            info,
        }))
    }

    /// Every key, the newest first.
    pub async fn api_keys(&self) -> Result<Vec<ApiKeyInfo>, DbError> {
        list_keys(&self.db.pool)
            .await?
            .into_iter()
            .map(ApiKeyInfo::from_row)
            .collect()
    }

    pub async fn find_api_key(&self, id: i64) -> Result<Option<ApiKeyInfo>, DbError> {
        find_key(&self.db.pool, id)
            .await?
            .map(ApiKeyInfo::from_row)
            .transpose()
    }

    /// Revokes the key `id`: the next request that presents it is refused.
    pub async fn revoke_api_key(
        &self,
        actor: Actor<'_>,
        id: i64,
        origin: &Origin,
    ) -> Result<Result<ApiKeyInfo, ApiKeyRefusal>, DbError> {
        let mut tx = self.db.begin().await?;
        let Some(row) = find_key(&mut *tx, id).await? else {
            return Ok(Err(ApiKeyRefusal::NotFound));
        };
        if !revoke_key(&mut *tx, row.id, self.clock.now()).await? {
            return Ok(Err(ApiKeyRefusal::AlreadyRevoked));
        }
        self.admin_event(
            &mut tx,
            EventKind::ApiKeyRevoked,
            actor,
            None,
            origin,
            Some(&row.name),
        );
        let info = find_key(&mut *tx, id).await?.ok_or(DbError::RowNotFound)?;
        tx.commit().await?;
        Ok(Ok(ApiKeyInfo::from_row(info)?))
    }

    /// Revokes the key named `name` (the command line names keys).
    pub async fn revoke_api_key_by_name(
        &self,
        actor: Actor<'_>,
        name: &str,
        origin: &Origin,
    ) -> Result<Result<ApiKeyInfo, ApiKeyRefusal>, DbError> {
        match find_key_by_name(&self.db.pool, name.trim()).await? {
            Some(row) => self.revoke_api_key(actor, row.id, origin).await,
            None => Ok(Err(ApiKeyRefusal::NotFound)),
        }
    }

    /// Checks the key a script presents: who it is, or why it opens nothing. A key that
    /// passes counts one request against its limit (`REQUESTS_PER_MINUTE`, one statement
    /// whatever the instance) and notes when it was last used.
    ///
    /// An unknown id part and a wrong secret cost the same: either way one lookup and one
    /// constant-time comparison (against a dummy digest when no key has the id).
    #[tracing::instrument(name = "Authenticate an API key", skip_all)]
    pub async fn authenticate_api_key(
        &self,
        presented: &str,
    ) -> Result<Result<ApiCaller, KeyProblem>, DbError> {
        let Some(presented) = PresentedKey::parse(presented) else {
            return Ok(Err(KeyProblem::Unknown));
        };
        let stored = find_by_key_id(&self.db.pool, presented.id_part).await?;
        let digest = stored
            .as_ref()
            .map_or(DUMMY_DIGEST, |stored| stored.secret_digest.as_str());
        let matches = presented.matches(digest);
        let Some(stored) = stored.filter(|_| matches) else {
            return Ok(Err(KeyProblem::Unknown));
        };
        let now = self.clock.now();
        if stored.revoked_at.is_some() {
            return Ok(Err(KeyProblem::Revoked));
        }
        if stored.expires_at.is_some_and(|at| at <= now) {
            return Ok(Err(KeyProblem::Expired));
        }
        let scopes = stored_scopes(&stored.scopes)?;
        let count = {
            let _turn = self.db.write_turn().await;
            count_request(&self.db.pool, stored.id, now.div_euclid(60), now).await?
        };
        match count {
            // Revoked between the lookup and the count.
            None => Ok(Err(KeyProblem::Revoked)),
            Some(count) if count > REQUESTS_PER_MINUTE => Ok(Err(KeyProblem::RateLimited {
                retry_after_secs: 60 - now.rem_euclid(60),
            })),
            Some(_) => Ok(Ok(ApiCaller {
                id: stored.id,
                name: stored.name,
                scopes,
            })),
        }
    }
}
