//! "Forgot your password?": a one-time link by email (30 minutes, only its digest stored,
//! dead once used or when a newer one is sent). The answer is the same whether or not the
//! address has an account; requests are limited per address and per client address.
//! Setting the new password goes through the same use case as an administrator's link
//! (`set_password_with_link`): every session and trusted device ends, and 2-step
//! verification is still asked at the next sign-in.

use super::Services;
use super::letters::{Letter, Secret};
use crate::db::DbError;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::links::{LinkKind, replace_link};
use crate::db::users::find_user_by_email;
use crate::domain::account::normalise_email;
use crate::domain::tokens::{random_token, token_digest};

/// How long a reset link works.
pub const RESET_LINK_SECS: i64 = 30 * 60;
/// Reset emails one address may ask for per hour (known or not).
const PER_ADDRESS_PER_HOUR: i64 = 3;
/// Reset requests one client address may make per hour.
const PER_IP_PER_HOUR: i64 = 20;

/// What asking for a reset link did, as far as the person is told.
#[derive(Debug, PartialEq, Eq)]
pub enum ResetRequest {
    /// "Check your email" (whether or not an account has the address).
    Answered,
    /// Too many requests for this address or from this network.
    Throttled,
}

impl Services {
    #[tracing::instrument(name = "Ask for a password reset link", skip_all)]
    pub async fn request_password_reset(
        &self,
        typed: &str,
        origin: &Origin,
    ) -> Result<ResetRequest, DbError> {
        let email = normalise_email(typed).unwrap_or_else(|_| typed.trim().to_lowercase());
        let ip = origin.ip.as_deref().unwrap_or_default();
        let limits = [
            self.limit("reset-address", &email, PER_ADDRESS_PER_HOUR),
            self.limit("reset-ip", ip, PER_IP_PER_HOUR),
        ];
        let (mut tx, attempt) = self.begin_reserved(&limits, 3_600).await?;
        if attempt.is_none() {
            return Ok(ResetRequest::Throttled);
        }
        let now = self.clock.now();
        if let Some(user) = find_user_by_email(&mut *tx, &email)
            .await?
            .filter(|u| !u.is_disabled())
        {
            let token = random_token();
            replace_link(
                &mut tx,
                LinkKind::Password,
                user.id,
                &token_digest(&token),
                now,
                now + RESET_LINK_SECS,
            )
            .await?;
            let app = self.platform.get_using(&mut *tx).await?.app_name;
            let letter = Letter {
                subject: format!("Reset your {app} password"),
                name: Some(&user.name),
                lead: format!(
                    "Someone asked to reset the password of your {app} account ({}) from the address {}.",
                    user.email,
                    origin.ip.as_deref().unwrap_or("unknown"),
                ),
                links: vec![(
                    "Choose a new password (within 30 minutes; the link works once)",
                    self.link("/password/set", Some(&token)),
                )],
                after: vec![
                    "Your 2-step verification stays on: you still sign in with your code afterwards.".to_owned(),
                    "If this was not you, ignore this email: your password stays as it is.".to_owned(),
                ],
            };
            self.queue_letter(
                &mut tx,
                Some(user.id),
                &user.email,
                &letter,
                Secret::OneTimeLink,
            )
            .await?;
            let event = AuditEvent {
                kind: EventKind::PasswordResetRequested,
                actor_user_id: None,
                subject_user_id: Some(user.id),
                origin,
                detail: None,
            };
            self.audit(&mut tx, &event);
        }
        tx.commit().await?;
        Ok(ResetRequest::Answered)
    }
}
