//! Trusted devices, signed-in sessions and "Stay signed in for". The session state itself
//! lives in the session store; these are the use cases over the lists people see.

use super::Services;
use super::notifications::Notice;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::audit_details as details;
use crate::db::devices::{NewDevice, insert_device, remove_all_devices, remove_device};
use crate::db::sessions::{delete_other_sessions, delete_session, purge_expired_sessions};
use crate::db::users::{User, record_sign_in, set_session_duration};
use crate::db::{DbError, Tx};
use crate::domain::language::Language;
use crate::domain::sessions::{Lifetime, lifetime};
use crate::domain::tokens::{random_token, token_digest};
use crate::domain::user_agent::describe;

impl Services {
    /// Trusts the browser of `origin` for the user inside the caller's transaction: the
    /// device is recorded, audited and the user emailed. Returns the cookie's token (the
    /// server keeps only its SHA-256).
    pub(crate) async fn trust_device(
        &self,
        tx: &mut Tx,
        user: &User,
        origin: &Origin,
    ) -> Result<String, DbError> {
        let platform = self.platform.get_using(&mut **tx).await?;
        let now = self.clock.now();
        let token = random_token();
        let device = NewDevice {
            user_id: user.id,
            token_hash: &token_digest(&token),
            user_agent: origin.user_agent.as_deref(),
            ip: origin.ip.as_deref(),
            expires_at: platform.trusted_device_days.map(|days| now + days * 86_400),
        };
        insert_device(&mut **tx, &device, now).await?;
        // The audit log's detail names the device in English, as it always has; the email
        // names it in the reader's language.
        let english = Language::English;
        let name = origin.user_agent.as_deref().map_or_else(
            || english.t("account-unknown-browser"),
            |ua| describe(english, ua),
        );
        let event = AuditEvent::by_user(EventKind::DeviceTrusted, user.id, origin, Some(&name));
        self.audit(tx, &event);
        let notice = Notice::DeviceTrusted {
            user_agent: origin.user_agent.as_deref(),
        };
        self.notify(tx, user, origin, notice).await?;
        Ok(token)
    }

    /// Removes one of the user's trusted devices (another user's id is not found).
    pub async fn remove_device(
        &self,
        user: &User,
        device_id: i64,
        origin: &Origin,
    ) -> Result<bool, DbError> {
        let mut tx = self.db.begin().await?;
        let removed = remove_device(&mut *tx, user.id, device_id).await?;
        if removed {
            let event = AuditEvent::by_user(EventKind::DeviceRemoved, user.id, origin, None);
            self.audit(&mut tx, &event);
        }
        tx.commit().await?;
        Ok(removed)
    }

    pub async fn remove_all_devices(&self, user: &User, origin: &Origin) -> Result<u64, DbError> {
        let mut tx = self.db.begin().await?;
        let removed = remove_all_devices(&mut *tx, user.id).await?;
        if removed > 0 {
            let detail = format!("{}{removed}", details::ALL_DEVICES);
            let event =
                AuditEvent::by_user(EventKind::DeviceRemoved, user.id, origin, Some(&detail));
            self.audit(&mut tx, &event);
        }
        tx.commit().await?;
        Ok(removed)
    }

    /// Ends one of the user's other sessions, named by its public id.
    pub async fn end_session(
        &self,
        user: &User,
        public_id: &str,
        origin: &Origin,
    ) -> Result<bool, DbError> {
        let mut tx = self.db.begin().await?;
        let ended = delete_session(&mut *tx, user.id, public_id).await?;
        if ended {
            let event = AuditEvent::by_user(EventKind::SessionEnded, user.id, origin, None);
            self.audit(&mut tx, &event);
        }
        tx.commit().await?;
        Ok(ended)
    }

    /// Ends every session of the user but `keep_public_id`, half-finished sign-ins included.
    pub async fn end_other_sessions(
        &self,
        user: &User,
        keep_public_id: &str,
        origin: &Origin,
    ) -> Result<u64, DbError> {
        let mut tx = self.db.begin().await?;
        let ended = delete_other_sessions(&mut *tx, user.id, keep_public_id).await?;
        let detail = format!("{ended} ended");
        let event = AuditEvent::by_user(
            EventKind::OtherSessionsEnded,
            user.id,
            origin,
            Some(&detail),
        );
        self.audit(&mut tx, &event);
        tx.commit().await?;
        Ok(ended)
    }

    /// Saves "Stay signed in for"; returns the lifetime the current session now has.
    pub async fn choose_session_duration(
        &self,
        user: &User,
        choice: Option<i64>,
        label: &str,
        origin: &Origin,
    ) -> Result<Lifetime, DbError> {
        let platform = self.platform().await?;
        let mut tx = self.db.begin().await?;
        set_session_duration(&mut *tx, user.id, choice, self.clock.now()).await?;
        let event = AuditEvent::by_user(
            EventKind::SessionDurationChanged,
            user.id,
            origin,
            Some(label),
        );
        self.audit(&mut tx, &event);
        tx.commit().await?;
        Ok(lifetime(choice, true, platform.max_session_secs))
    }

    /// How long a session signed in now lasts, for the user's choice on this platform.
    pub async fn session_lifetime(&self, chosen: Option<i64>) -> Result<Lifetime, DbError> {
        let platform = self.platform().await?;
        Ok(lifetime(
            chosen,
            platform.users_choose_session_duration,
            platform.max_session_secs,
        ))
    }

    /// Records that a session was started for the user now, however they signed in.
    pub async fn record_sign_in(&self, user_id: i64) -> Result<(), DbError> {
        let _turn = self.db.write_turn().await;
        record_sign_in(&self.db.pool, user_id, self.clock.now()).await
    }

    /// Deletes expired sessions, old attempts, old codes, applications' old grants and
    /// the claims of passkey challenges that have expired (the janitor).
    pub async fn purge_expired(&self) -> Result<(), DbError> {
        let now = self.clock.now();
        purge_expired_sessions(&self.db.pool, now).await?;
        self.purge_old_attempts().await?;
        let mut tx = self.db.begin().await?;
        crate::db::challenges::purge_challenges_before(&mut tx, now - 24 * 60 * 60).await?;
        // Kept a day past their end: a code used again within it still revokes its tokens.
        crate::db::applications::delete_expired_grants(&mut tx, now - 24 * 60 * 60).await?;
        crate::db::passkeys::delete_expired_challenges(&mut *tx, now).await?;
        crate::db::temporary_codes::delete_expired_codes(&mut *tx, now).await?;
        crate::db::sign_in_alerts::delete_expired_secure_links(&mut *tx, now).await?;
        crate::db::imports::delete_expired_imports(&mut *tx, now).await?;
        tx.commit().await
    }
}
