//! A way back from a lost phone that switches nothing off: an administrator issues a
//! temporary access code (from the person's page or the command line) and reads it to the
//! person, who signs in with their password and the code and sets up a new phone or app.
//! And the help request of a person stuck at the code step: the administrators are emailed
//! a link to the person's page, at most once an hour.

use crate::db::DbError;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::audit_details as details;
use crate::db::temporary_codes::{consume_code, count_wrong_try, replace_code, valid_code};
use crate::db::users::{User, active_admins, find_user_by_id};
use crate::domain::recovery::macs_match;
use crate::domain::temporary_codes::{MAX_WRONG_TRIES, Validity, code_mac, generate, normalise};
use crate::services::Services;
use crate::services::admin::Actor;
use crate::services::letters::{Letter, Secret};
use crate::services::notifications::Notice;

/// How often a person may ask the administrators for help (a window in seconds).
pub const HELP_REQUEST_EVERY_SECS: i64 = 3_600;

/// A code just issued: shown once, to be read to the person.
pub struct IssuedCode {
    pub code: String,
    pub expires_at: i64,
    /// The person's name, as the page that shows the code says it.
    pub name: String,
}

/// Why no code was issued.
#[derive(Debug, PartialEq, Eq)]
pub enum IssueRefusal {
    NotFound,
    /// A disabled account cannot sign in with any code.
    Disabled,
    /// Without 2-step verification the password alone signs in: nothing to stand in for.
    NoSecondStep,
}

/// A code waiting to be used, as the person's page in the control center shows it.
pub struct ActiveCode {
    pub issued_at: i64,
    pub expires_at: i64,
    pub issued_by: Option<String>,
}

pub enum TemporarySignIn {
    SignedIn,
    /// Not the person's code (or none is valid): counted as a wrong code.
    Wrong,
    /// Too many wrong codes lately: not checked.
    Throttled,
}

impl Services {
    /// Issues `user_id` a new code valid for `validity` (an earlier one stops working),
    /// audited and emailed to the person (the email never holds the code).
    pub async fn issue_temporary_code(
        &self,
        actor: Actor<'_>,
        user_id: i64,
        validity: Validity,
        origin: &Origin,
    ) -> Result<Result<IssuedCode, IssueRefusal>, DbError> {
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(Err(IssueRefusal::NotFound));
        };
        if user.is_disabled() {
            return Ok(Err(IssueRefusal::Disabled));
        }
        if !user.has_two_step() {
            return Ok(Err(IssueRefusal::NoSecondStep));
        }
        let code = generate();
        let normalised = normalise(&code).expect("a generated code reads back");
        let mac = code_mac(self.mac_key(), user.id, &normalised);
        let expires_at = now + validity.secs();
        replace_code(&mut *tx, user.id, &mac, actor.user_id(), now, expires_at).await?;
        let detail = format!("valid {}", validity.words());
        self.admin_event(
            &mut tx,
            EventKind::TemporaryCodeIssued,
            actor,
            Some(user.id),
            origin,
            Some(&detail),
        );
        let notice = Notice::TemporaryCodeIssued {
            hours: validity.hours(),
        };
        self.notify(&mut tx, &user, origin, notice).await?;
        tx.commit().await?;
        Ok(Ok(IssuedCode {
            code,
            expires_at,
            name: user.name,
        }))
    }

    /// The person's code while it is valid.
    pub async fn active_temporary_code(&self, user_id: i64) -> Result<Option<ActiveCode>, DbError> {
        let stored = valid_code(&self.db.pool, user_id, self.clock.now()).await?;
        Ok(stored.map(|stored| ActiveCode {
            issued_at: stored.issued_at,
            expires_at: stored.expires_at,
            issued_by: stored.issued_by,
        }))
    }

    /// The second step with a temporary access code, under the person's wrong-code limit:
    /// a right code is used up (once, however many requests bring it at once), a wrong one
    /// counts against the limit and against the code, which ends at the fifth.
    #[tracing::instrument(name = "Sign in with a temporary access code", skip_all, fields(user_id = user.id))]
    pub async fn temporary_code_sign_in(
        &self,
        user: &User,
        typed: &str,
        origin: &Origin,
    ) -> Result<TemporarySignIn, DbError> {
        let limit = self.code_limit("totp", user.id);
        let Some(mut tx) = self.begin_code_check(&limit).await? else {
            return Ok(TemporarySignIn::Throttled);
        };
        let now = self.clock.now();
        let stored = valid_code(&mut *tx, user.id, now).await?;
        let typed_mac = normalise(typed).map(|code| code_mac(self.mac_key(), user.id, &code));
        let right = match (&stored, &typed_mac) {
            (Some(stored), Some(typed)) => macs_match(&stored.code_mac, typed),
            _ => false,
        };
        if let Some(mac) = typed_mac.filter(|_| right)
            && consume_code(&mut *tx, user.id, &mac, now).await?
        {
            self.audit(
                &mut tx,
                &AuditEvent::by_user(EventKind::TemporaryCodeUsed, user.id, origin, None),
            );
            self.finish_sign_in(
                &mut tx,
                user,
                details::PASSWORD_AND_TEMPORARY_CODE,
                false,
                origin,
            )
            .await?;
            self.notify(&mut tx, user, origin, Notice::TemporaryCodeUsed)
                .await?;
            tx.commit().await?;
            return Ok(TemporarySignIn::SignedIn);
        }
        let ended = stored.is_some() && count_wrong_try(&mut tx, user.id, MAX_WRONG_TRIES).await?;
        self.count_failure(&mut tx, &limit).await?;
        let detail = ended.then_some("ended");
        self.audit(
            &mut tx,
            &AuditEvent::by_user(EventKind::TemporaryCodeFailed, user.id, origin, detail),
        );
        tx.commit().await?;
        Ok(TemporarySignIn::Wrong)
    }

    /// "Ask my administrators for help": every enabled administrator is emailed a link to
    /// the person's page. At most once an hour an account, however many ask at once; a
    /// request within the hour sends nothing (the page says the same either way).
    pub async fn ask_administrators_for_help(
        &self,
        user: &User,
        origin: &Origin,
    ) -> Result<(), DbError> {
        let limit = self.limit("help-request", &user.id.to_string(), 1);
        let (mut tx, attempt) = self
            .begin_reserved(&[limit], HELP_REQUEST_EVERY_SECS)
            .await?;
        if attempt.is_none() {
            return Ok(());
        }
        let page = self.link(&format!("/admin/users/{}", user.id), None);
        // Each administrator in their own language, else the platform's.
        let (app, platform_language) = self.writing_to(&mut tx, None).await?;
        for admin in active_admins(&mut *tx).await? {
            let lang = admin.language().unwrap_or(platform_language);
            let letter = Letter {
                language: lang,
                subject: lang
                    .tr("email-help-subject")
                    .arg("name", &user.name)
                    .arg("app", &app)
                    .to_string(),
                name: Some(&admin.name),
                lead: lang
                    .tr("email-help-lead")
                    .arg("name", &user.name)
                    .arg("email", &user.email)
                    .to_string(),
                links: vec![(lang.t("email-help-link"), page.clone())],
                after: vec![lang.t("email-help-verify"), lang.t("email-help-issue")],
            };
            self.queue_letter(&mut tx, Some(admin.id), &admin.email, &letter, Secret::None)
                .await?;
        }
        self.audit(
            &mut tx,
            &AuditEvent::by_user(EventKind::HelpRequested, user.id, origin, None),
        );
        tx.commit().await
    }
}
