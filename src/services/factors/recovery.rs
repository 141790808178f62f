//! Recovery codes: a new set is made and shown; it replaces the old set only when the
//! person confirms they saved it. Each code works once, even when raced.

use super::authenticator::owner;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::recovery::{consume_code, count_unused, delete_codes, replace_codes, unused_codes};
use crate::db::users::User;
use crate::db::{DbError, Tx};
use crate::domain::recovery;
use crate::services::Services;
use crate::services::notifications::Notice;

/// Every recovery code of the user is deleted (with the last factor: a new first set
/// comes when 2-step verification is turned on again).
pub(super) async fn forget(tx: &mut Tx, user_id: i64) -> Result<(), DbError> {
    delete_codes(&mut **tx, user_id).await?;
    Ok(())
}

impl Services {
    fn recovery_macs(&self, user_id: i64, codes: &[String]) -> Vec<String> {
        codes
            .iter()
            .filter_map(|code| recovery::normalise(code))
            .map(|code| recovery::code_mac(self.mac_key(), user_id, &code))
            .collect()
    }

    /// Stores a set of codes in place of the user's earlier ones, inside the caller's
    /// transaction, with its audit event.
    pub(crate) async fn store_recovery_codes(
        &self,
        tx: &mut Tx,
        user_id: i64,
        codes: &[String],
        origin: &Origin,
    ) -> Result<(), DbError> {
        let macs = self.recovery_macs(user_id, codes);
        replace_codes(tx, user_id, &macs, self.clock.now()).await?;
        let event = AuditEvent::by_user(EventKind::RecoveryCodesGenerated, user_id, origin, None);
        self.audit(tx, &event);
        Ok(())
    }

    /// A first set for a user who just turned 2-step verification on and has none.
    pub(crate) async fn first_recovery_codes(
        &self,
        tx: &mut Tx,
        user_id: i64,
        origin: &Origin,
    ) -> Result<Option<Vec<String>>, DbError> {
        if count_unused(&mut **tx, user_id).await? > 0 {
            return Ok(None);
        }
        let codes = recovery::generate_set();
        self.store_recovery_codes(tx, user_id, &codes, origin)
            .await?;
        Ok(Some(codes))
    }

    /// A new set to show; nothing changes until `replace_recovery_codes`.
    pub fn new_recovery_codes(&self) -> Vec<String> {
        recovery::generate_set()
    }

    /// The person saved the new set: it replaces the old one, audited and emailed.
    #[tracing::instrument(name = "Replace the recovery codes", skip_all, fields(user_id = user.id))]
    pub async fn replace_recovery_codes(
        &self,
        user: &User,
        codes: &[String],
        origin: &Origin,
    ) -> Result<(), DbError> {
        let mut tx = self.db.begin().await?;
        self.store_recovery_codes(&mut tx, user.id, codes, origin)
            .await?;
        let event = AuditEvent::by_user(EventKind::RecoveryCodesReplaced, user.id, origin, None);
        self.audit(&mut tx, &event);
        self.notify(&mut tx, user, origin, Notice::RecoveryCodesReplaced)
            .await?;
        tx.commit().await
    }

    /// How many of the user's recovery codes are still unused.
    pub async fn recovery_codes_left(&self, user_id: i64) -> Result<i64, DbError> {
        count_unused(&self.db.pool, user_id).await
    }

    /// Uses a recovery code inside the caller's transaction, after the attempt was
    /// reserved; returns how many are left when it was right.
    pub(crate) async fn consume_recovery_code(
        &self,
        tx: &mut Tx,
        user_id: i64,
        typed: &str,
        origin: &Origin,
    ) -> Result<Option<i64>, DbError> {
        if let Some(code) = recovery::normalise(typed) {
            let mac = recovery::code_mac(self.mac_key(), user_id, &code);
            // Every stored code is compared, in constant time, whatever matched before.
            let matched = unused_codes(&mut **tx, user_id).await?.into_iter().fold(
                None,
                |found, (id, stored)| {
                    if recovery::macs_match(&mac, &stored) {
                        Some(id)
                    } else {
                        found
                    }
                },
            );
            if let Some(id) = matched
                && consume_code(&mut **tx, id, self.clock.now()).await?
            {
                let remaining = count_unused(&mut **tx, user_id).await?;
                let detail = format!("{remaining} left");
                let event = AuditEvent::by_user(
                    EventKind::RecoveryCodeUsed,
                    user_id,
                    origin,
                    Some(&detail),
                );
                self.audit(tx, &event);
                return Ok(Some(remaining));
            }
        }
        let event = AuditEvent::by_user(EventKind::RecoveryCodeFailed, user_id, origin, None);
        self.audit(tx, &event);
        Ok(None)
    }

    /// Seals a fresh set for the session, so the codes page can be shown (and downloaded)
    /// until the user says they are saved, without the codes lying in clear anywhere.
    pub fn seal_for_display(&self, user_id: i64, codes: &[String]) -> String {
        self.display_sealer
            .seal(&owner(user_id), codes.join("\n").as_bytes())
    }

    pub fn open_for_display(&self, user_id: i64, sealed: &str) -> Option<Vec<String>> {
        let text = self.display_sealer.open(&owner(user_id), sealed).ok()?;
        Some(
            String::from_utf8(text)
                .ok()?
                .lines()
                .map(str::to_owned)
                .collect(),
        )
    }
}
