//! The outbox sender: every instance claims due emails for a lease, sends them, and marks
//! them sent. A failure is retried with exponential backoff and jitter (from seconds up to
//! an hour); after three days, or on a permanent refusal, the email is given up and that is
//! audited. Emails left claimed by a process that died are taken over once the lease ends.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures_util::StreamExt;
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart};
use rand::Rng;

use super::Services;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::outbox::{Claimed, claim_due, give_up, mark_sent, release_claims, retry_later};
use crate::db::platform::load_platform_settings;
use crate::db::{Backend, DbError};
use crate::domain::sealed_mail;
use crate::mail::{MailError, Mailer, from_mailbox};

/// Emails claimed at a time.
const BATCH: i64 = 32;
/// SMTP conversations at once per instance (lettre's pool keeps up to 10 connections).
const PARALLEL_SENDS: usize = 8;
/// How long an email is retried before it is given up.
const GIVE_UP_AFTER_SECS: i64 = 3 * 86_400;
/// The longest wait between two attempts.
const MAX_DELAY_SECS: i64 = 3_600;

/// When the next attempt may be, after `attempts` failed ones: the base doubled each time,
/// at most an hour, plus up to a quarter more at random so senders do not retry in step.
pub fn backoff_secs(base_secs: i64, attempts: i64, jitter: f64) -> i64 {
    let exponent = u32::try_from((attempts - 1).clamp(0, 20)).unwrap_or(20);
    let delay = base_secs
        .max(1)
        .saturating_mul(1_i64 << exponent)
        .min(MAX_DELAY_SECS);
    delay + (delay as f64 * 0.25 * jitter.clamp(0.0, 1.0)) as i64
}

impl Services {
    /// The message for an outbox row: plain text, with a Message-ID stable across attempts
    /// (a receiver can tell a retry from a new email) and the Date it was written. It comes
    /// from `app` (the app name) unless `TWOSTEP_MAIL_FROM` names the sender itself.
    fn message(&self, email: &Claimed, app: &str) -> Result<Message, String> {
        let from = from_mailbox(&self.settings.mail.from).map_err(|err| err.to_string())?;
        let from = match from.name {
            Some(_) => from,
            None => Mailbox::new(Some(app.to_owned()), from.email),
        };
        let to = email
            .to_address
            .parse()
            .map_err(|err| format!("the address {:?} is not one: {err}", email.to_address))?;
        let host = self.settings.public_url.host_str().unwrap_or("localhost");
        let date = UNIX_EPOCH + Duration::from_secs(u64::try_from(email.created_at).unwrap_or(0));
        let (body, html) = match &email.sealed_body {
            Some(sealed) => {
                let opened = self
                    .mail_sealer
                    .open(&sealed_mail::owner(&email.to_address), sealed)
                    .map_err(|_| {
                        "the sealed body cannot be opened (another secret key?)".to_owned()
                    })?;
                let opened = String::from_utf8(opened).map_err(|err| err.to_string())?;
                // A letter seals its text and its HTML together.
                sealed_mail::split_parts(opened)
            }
            None => (email.body.clone(), email.html_body.clone()),
        };
        let builder = Message::builder()
            .from(from)
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(format!(
                "<outbox.{}.{}@{host}>",
                email.id, email.created_at
            )))
            .date(date);
        match html {
            // The same words twice: text for every client, HTML for those that show it.
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(body, html)),
            None => builder.header(ContentType::TEXT_PLAIN).body(body),
        }
        .map_err(|err| err.to_string())
    }

    /// Claims the due emails (a batch) for `worker` and delivers them; the number claimed.
    pub async fn deliver_due(&self, mailer: &Mailer, worker: &str) -> Result<usize, DbError> {
        let now = self.clock.now();
        let lease = i64::try_from(self.settings.mail.lease.as_secs()).unwrap_or(60);
        let postgres = self.db.backend == Backend::Postgres;
        let mut tx = self.db.begin().await?;
        let claimed = claim_due(&mut tx, postgres, worker, now, now + lease, BATCH).await?;
        if claimed.is_empty() {
            return Ok(0);
        }
        // With the claims, so a failure claims nothing; not through the cache, which the
        // requests' reads keep (this runs every second).
        let app = load_platform_settings(&mut *tx).await?.app_name;
        let app = app.as_str();
        tx.commit().await?;
        let count = claimed.len();
        // Several conversations at once: each waits mostly on the server.
        let sent: Vec<(Claimed, Result<(), MailError>)> = futures_util::stream::iter(claimed)
            .map(|email| async move {
                let outcome = match self.message(&email, app) {
                    Ok(message) => mailer.send(message).await,
                    Err(problem) => Err(MailError::Permanent(problem)),
                };
                (email, outcome)
            })
            .buffer_unordered(PARALLEL_SENDS)
            .collect()
            .await;
        for (email, outcome) in sent {
            self.settle(&email, worker, outcome).await?;
        }
        Ok(count)
    }

    /// Puts back what `worker` claimed and did not settle, for another instance or the next
    /// start to send: the process is stopping. The number put back.
    pub async fn release_claims(&self, worker: &str) -> Result<u64, DbError> {
        let _turn = self.db.write_turn().await;
        release_claims(&self.db.pool, worker).await
    }

    /// Records how one attempt went.
    async fn settle(
        &self,
        email: &Claimed,
        worker: &str,
        outcome: Result<(), MailError>,
    ) -> Result<(), DbError> {
        let now = self.clock.now();
        let _turn = self.db.write_turn().await;
        match outcome {
            Ok(()) => mark_sent(&self.db.pool, email.id, worker, now).await,
            Err(MailError::Temporary(error)) if now - email.created_at < GIVE_UP_AFTER_SECS => {
                let base = i64::try_from(self.settings.mail.retry_base.as_secs()).unwrap_or(5);
                let next = now + backoff_secs(base, email.attempts, rand::thread_rng().r#gen());
                tracing::warn!(email = email.id, attempts = email.attempts, %error, "An email was not delivered; it is tried again later");
                retry_later(&self.db.pool, email.id, worker, next, &error).await
            }
            Err(MailError::Temporary(error) | MailError::Permanent(error)) => {
                tracing::error!(email = email.id, %error, "An email is given up");
                give_up(&self.db.pool, email.id, worker, now, &error).await?;
                let detail = format!("email {} to {}: {error}", email.id, email.to_address);
                let event = AuditEvent {
                    kind: EventKind::EmailGivenUp,
                    actor_user_id: None,
                    subject_user_id: None,
                    origin: &Origin::default(),
                    detail: Some(&detail),
                };
                let rows = [crate::db::audit::AuditRow::new(&event, now)];
                crate::db::audit::record_events(&self.db.pool, &rows).await?;
                self.db
                    .metrics
                    .recorded(rows.iter().map(crate::db::audit::AuditRow::name_and_detail));
                Ok(())
            }
        }
    }
}

/// A name for this process's claims: its host, its id and when it started.
pub fn worker_name() -> String {
    let started = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    format!("pid{}-{started}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_double_from_the_base_up_to_an_hour_with_a_little_jitter() {
        assert_eq!(backoff_secs(5, 1, 0.0), 5);
        assert_eq!(backoff_secs(5, 2, 0.0), 10);
        assert_eq!(backoff_secs(5, 5, 0.0), 80);
        assert_eq!(backoff_secs(5, 40, 0.0), 3_600);
        assert_eq!(backoff_secs(5, 1, 1.0), 6);
        assert_eq!(backoff_secs(5, 40, 1.0), 4_500);
        assert_eq!(backoff_secs(0, 1, 0.0), 1);
    }
}
