//! Sign-in alerts: an email when an account signs in from a browser it has not used
//! before, with "This wasn't me", whose button secures the account in one transaction; and
//! an email when a right password is not followed by the second step, from a sweep that
//! several instances share without sending twice.

use secrecy::SecretString;

use crate::db::DbError;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::devices::remove_all_devices;
use crate::db::links::LinkKind;
use crate::db::sessions::delete_sessions_of_user;
use crate::db::sign_in_alerts::{
    add_secure_link, claim_unfinished_alert, consume_secure_link, finish_unfinished, note_browser,
    secure_link_user, seen_since, take_unfinished,
};
use crate::db::users::{User, find_user_by_id, update_password_hash};
use crate::db::{Backend, Tx};
use crate::domain::language::Language;
use crate::domain::tokens::{random_token, token_digest};
use crate::domain::user_agent::describe;
use crate::services::Services;
use crate::services::letters::{Letter, Secret, from_address};
use crate::services::new_link;

/// How long a "This wasn't me" link works.
pub const SECURE_LINK_SECS: i64 = 7 * 86_400;
/// How long the password link of a secured account works.
pub const SECURED_PASSWORD_LINK_SECS: i64 = 24 * 3_600;
/// A second step not completed this long after the password is an unfinished sign-in.
pub const UNFINISHED_AFTER_SECS: i64 = 15 * 60;
/// Wrong second steps after a right password that make it an unfinished sign-in at once.
pub const UNFINISHED_WRONG_CODES: i64 = 5;
/// At most one unfinished-sign-in email an account in this many seconds.
pub const UNFINISHED_ALERT_EVERY_SECS: i64 = 3_600;
/// A known browser's "last seen" is written at most this often.
const LAST_SEEN_EVERY_SECS: i64 = 3_600;
/// Password steps a sweep takes in one transaction.
const SWEEP_BATCH: i64 = 50;

/// After a completed sign-in: the browser's cookie to set when it had none.
pub struct BrowserNoted {
    pub new_cookie: Option<String>,
}

impl Services {
    /// Records a right password whose second step is owed; the token returned goes into
    /// the sign-in's session, and completing the step with it removes the record.
    pub(super) async fn start_unfinished_sign_in(
        &self,
        tx: &mut Tx,
        user_id: i64,
        origin: &Origin,
    ) -> Result<String, DbError> {
        let attempt = random_token();
        crate::db::sign_in_alerts::start_unfinished(
            tx,
            &token_digest(&attempt),
            user_id,
            self.clock.now(),
            origin.ip.as_deref(),
            origin.user_agent.as_deref(),
        )
        .await?;
        Ok(attempt)
    }

    /// A sign-in of `user_id` completed in the browser holding `browser` (its cookie, if
    /// any), after the password step `attempt` (if it had one): the unfinished record goes,
    /// the browser is remembered for the account, and a browser the account never used is
    /// emailed about (not at the account's very first sign-in, and only when the platform
    /// setting is on).
    pub async fn sign_in_completed(
        &self,
        user_id: i64,
        browser: Option<&str>,
        attempt: Option<&str>,
        origin: &Origin,
    ) -> Result<BrowserNoted, DbError> {
        let now = self.clock.now();
        // A browser back within the hour, after no password step: nothing to write.
        if let (Some(token), None) = (browser, attempt)
            && seen_since(
                &self.db.pool,
                user_id,
                &token_digest(token),
                now - LAST_SEEN_EVERY_SECS,
            )
            .await?
        {
            return Ok(BrowserNoted { new_cookie: None });
        }
        let new_cookie = browser.is_none().then(random_token);
        let token = browser.or(new_cookie.as_deref()).unwrap_or_default();
        let mut tx = self.db.begin().await?;
        if let Some(attempt) = attempt {
            finish_unfinished(&mut tx, &token_digest(attempt)).await?;
        }
        let (known, any) = note_browser(&mut tx, user_id, &token_digest(token), now).await?;
        let alert = !known && any && self.platform.get_using(&mut *tx).await?.new_device_alerts;
        let user = if alert {
            find_user_by_id(&mut *tx, user_id).await?
        } else {
            None
        };
        if let Some(user) = user {
            self.alert_new_browser(&mut tx, &user, origin).await?;
        }
        tx.commit().await?;
        Ok(BrowserNoted { new_cookie })
    }

    /// "New sign-in to your {app} account", with a new "This wasn't me" link.
    async fn alert_new_browser(
        &self,
        tx: &mut Tx,
        user: &User,
        origin: &Origin,
    ) -> Result<(), DbError> {
        let now = self.clock.now();
        let token = random_token();
        add_secure_link(
            &mut **tx,
            &token_digest(&token),
            user.id,
            now,
            now + SECURE_LINK_SECS,
        )
        .await?;
        let (app, lang) = self.writing_to(tx, user.language()).await?;
        let letter = Letter {
            language: lang,
            subject: lang
                .tr("email-new-sign-in-subject")
                .arg("app", &app)
                .to_string(),
            name: Some(&user.name),
            lead: lang
                .tr("email-new-sign-in-lead")
                .arg("app", &app)
                .arg("email", &user.email)
                .to_string(),
            links: vec![(
                lang.t("email-new-sign-in-not-me"),
                self.link("/secure-account", Some(&token)),
            )],
            after: where_from(lang, now, origin),
        };
        self.queue_letter(tx, Some(user.id), &user.email, &letter, Secret::OneTimeLink)
            .await
    }

    /// The account a live "This wasn't me" link belongs to.
    pub async fn secure_link_owner(&self, token: &str) -> Result<Option<User>, DbError> {
        let now = self.clock.now();
        match secure_link_user(&self.db.pool, &token_digest(token), now).await? {
            Some(user_id) => find_user_by_id(&self.db.pool, user_id).await,
            None => Ok(None),
        }
    }

    /// "Secure my account", in one transaction: every session ends, the trusted devices
    /// go, the password stops working (it becomes the hash of a random secret nobody
    /// holds), and a link to choose a new one is emailed in its own email. The link is
    /// used up. `None` when it was not live (used, expired or never made).
    pub async fn secure_account(
        &self,
        token: &str,
        origin: &Origin,
    ) -> anyhow::Result<Option<User>> {
        // Hashed before the transaction: a hash takes tens of milliseconds.
        let unusable = self
            .passwords
            .hash(SecretString::from(random_token()))
            .await?;
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let Some(user_id) = consume_secure_link(&mut tx, &token_digest(token), now).await? else {
            return Ok(None);
        };
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(None);
        };
        let sessions = delete_sessions_of_user(&mut *tx, user.id).await?;
        let devices = remove_all_devices(&mut *tx, user.id).await?;
        update_password_hash(&mut tx, user.id, &unusable, now).await?;
        let password_token = new_link(
            &mut tx,
            LinkKind::Password,
            user.id,
            now,
            SECURED_PASSWORD_LINK_SECS,
        )
        .await?;
        let (app, lang) = self.writing_to(&mut tx, user.language()).await?;
        let letter = Letter {
            language: lang,
            subject: lang
                .tr("email-secured-subject")
                .arg("app", &app)
                .to_string(),
            name: Some(&user.name),
            lead: lang
                .tr("email-secured-lead")
                .arg("app", &app)
                .arg("email", &user.email)
                .to_string(),
            links: vec![(
                lang.t("email-secured-link"),
                self.link("/password/set", Some(&password_token)),
            )],
            after: vec![
                lang.t("email-secured-two-step-stays"),
                lang.t("email-secured-tell-admin"),
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
        let detail = format!("{sessions} sessions ended, {devices} trusted devices removed");
        self.audit(
            &mut tx,
            &AuditEvent::by_user(EventKind::AccountSecured, user.id, origin, Some(&detail)),
        );
        tx.commit().await?;
        Ok(Some(user))
    }

    /// Emails the owners of right passwords whose second step was not completed within 15
    /// minutes, or that met 5 wrong codes: "Your password was used, but the sign-in was not
    /// completed", at most once an hour an account. Each record is taken, and its email
    /// queued, in one transaction, so instances sweeping at once never send one twice.
    /// The number of records taken.
    pub async fn sweep_unfinished_sign_ins(&self) -> Result<usize, DbError> {
        let now = self.clock.now();
        let postgres = self.db.backend == Backend::Postgres;
        let mut tx = self.db.begin().await?;
        let taken = take_unfinished(
            &mut tx,
            postgres,
            now - UNFINISHED_AFTER_SECS,
            UNFINISHED_WRONG_CODES,
            SWEEP_BATCH,
        )
        .await?;
        for unfinished in &taken {
            if !claim_unfinished_alert(
                &mut tx,
                unfinished.user_id,
                now,
                UNFINISHED_ALERT_EVERY_SECS,
            )
            .await?
            {
                continue;
            }
            let Some(user) = find_user_by_id(&mut *tx, unfinished.user_id).await? else {
                continue;
            };
            let origin = Origin {
                ip: unfinished.ip.clone(),
                user_agent: unfinished.user_agent.clone(),
                language: None,
            };
            let (app, lang) = self.writing_to(&mut tx, user.language()).await?;
            let mut after = where_from(lang, unfinished.started_at, &origin);
            after.push(lang.t("email-unfinished-advice"));
            let letter = Letter {
                language: lang,
                subject: lang.t("email-unfinished-subject"),
                name: Some(&user.name),
                lead: lang
                    .tr("email-unfinished-lead")
                    .arg("app", &app)
                    .arg("email", &user.email)
                    .to_string(),
                links: vec![(
                    lang.t("email-unfinished-change"),
                    self.link("/account/password", None),
                )],
                after,
            };
            self.queue_letter(&mut tx, Some(user.id), &user.email, &letter, Secret::None)
                .await?;
        }
        tx.commit().await?;
        Ok(taken.len())
    }
}

/// When and where a sign-in came from, for the emails, in `lang`.
fn where_from(lang: Language, at: i64, origin: &Origin) -> Vec<String> {
    let browser = origin
        .user_agent
        .as_deref()
        .map_or_else(|| lang.t("email-unknown-device"), |ua| describe(lang, ua));
    vec![
        lang.tr("email-sign-in-when")
            .arg("when", lang.instant(at))
            .to_string(),
        lang.tr("email-sign-in-browser")
            .arg("browser", browser)
            .to_string(),
        lang.tr("email-sign-in-address")
            .arg("ip", from_address(lang, origin))
            .to_string(),
    ]
}
