//! Accounts: the first administrator, registration, users created on the command line,
//! changing and re-confirming the password. Password checks are attempts reserved against
//! the same limits as signing in.

use crate::db::audit_details as details;
use crate::services::new_link;
use secrecy::{ExposeSecret, SecretString};

use super::Services;
use super::letters::{Letter, Secret, from_address};
use super::notifications::Notice;
use super::throttle::{Attempt, REGISTRATIONS_PER_IP};
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::devices::remove_all_devices;
use crate::db::links::{LinkKind, consume_link, link_user};
use crate::db::registrations::{
    RegistrationRequest, add_later_registration, delete_later_registrations, drop_request,
    insert_request, later_registrations, oldest_request, take_request,
};
use crate::db::sessions::delete_sessions_of_user;
use crate::db::setup::{
    consume_setup_token, delete_setup_tokens, setup_token_is_valid, store_setup_token,
};
use crate::db::users::{
    InsertUserError, NewUser, User, admin_exists, confirm_email, find_user_by_email, insert_user,
    replace_unconfirmed_registration, update_password_hash,
};
use crate::db::{DbError, Tx};
use crate::domain::tokens::{random_token, token_digest};

/// How long a link that confirms an address works.
pub const CONFIRMATION_LINK_SECS: i64 = 24 * 3_600;
/// Registration emails (a link, or "you already have an account") one address may be sent
/// per hour, whoever asks.
const REGISTRATION_EMAILS_PER_ADDRESS: i64 = 3;

/// What opening a confirmation link and giving the password did.
pub enum Confirmation {
    /// Used, replaced, old, or the account is gone or disabled.
    LinkDead,
    /// Not the password of any registration of the address.
    PasswordWrong,
    Throttled,
    Confirmed(User),
}

/// A new account's details, already checked (`web::register::AccountForm::validate`).
pub struct NewAccount {
    pub name: String,
    pub email: String,
    pub password: SecretString,
}

/// Why an account was not created.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// Not allowed now: too many accounts from this address (registration), or the setup
    /// link was used already (the first administrator).
    #[error("the account may not be created")]
    Refused,
    #[error("an account with this email already exists")]
    EmailTaken,
    /// "Let people create their own accounts" is off.
    #[error("people may not create their own accounts")]
    Closed,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbError> for CreateError {
    fn from(err: DbError) -> Self {
        Self::Unexpected(err.into())
    }
}

impl From<InsertUserError> for CreateError {
    fn from(err: InsertUserError) -> Self {
        match err {
            InsertUserError::EmailTaken => Self::EmailTaken,
            InsertUserError::Db(err) => err.into(),
        }
    }
}

/// What a password check (to confirm it, or to change it) found.
#[derive(Debug, PartialEq, Eq)]
pub enum PasswordCheck {
    Right,
    Wrong,
    Throttled,
}

impl Services {
    /// On a database without an administrator, stores a fresh setup token's digest and
    /// returns the token. A restart replaces it.
    pub async fn prepare_setup_token(&self) -> Result<Option<String>, DbError> {
        if admin_exists(&self.db.pool).await? {
            return Ok(None);
        }
        let token = random_token();
        let mut tx = self.db.begin().await?;
        store_setup_token(&mut tx, &token_digest(&token), self.clock.now()).await?;
        tx.commit().await?;
        Ok(Some(token))
    }

    /// True while the setup link can still create the first administrator.
    pub async fn setup_link_is_usable(&self, token: &str) -> Result<bool, DbError> {
        if token.is_empty() || token.len() > 128 {
            return Ok(false);
        }
        Ok(
            setup_token_is_valid(&self.db.pool, &token_digest(token)).await?
                && !admin_exists(&self.db.pool).await?,
        )
    }

    /// Consumes the setup token and creates the first administrator: of two concurrent
    /// uses, exactly one deletes the token row and goes on.
    #[tracing::instrument(name = "Create the first administrator", skip_all)]
    pub async fn create_first_admin(
        &self,
        token: &str,
        account: &NewAccount,
        origin: &Origin,
    ) -> Result<User, CreateError> {
        let hash = self.passwords.hash(account.password.clone()).await?;
        let mut tx = self.db.begin().await?;
        if !consume_setup_token(&mut *tx, &token_digest(token)).await?
            || admin_exists(&mut *tx).await?
        {
            return Err(CreateError::Refused);
        }
        let admin = NewUser {
            email: &account.email,
            name: &account.name,
            password_hash: Some(&hash),
            phone: None,
            is_admin: true,
            email_confirmed: true,
        };
        let id = insert_user(&mut tx, &admin, self.clock.now()).await?;
        let event = AuditEvent::by_user(
            EventKind::AdminCreated,
            id,
            origin,
            Some(details::SETUP_LINK),
        );
        self.audit(&mut tx, &event);
        tx.commit().await?;
        Ok(self.created(id).await?)
    }

    async fn created(&self, id: i64) -> anyhow::Result<User> {
        self.find_user(id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the new user {id} is gone"))
    }

    /// Takes a registration, revealing nothing about the address: the answer is the same
    /// whether or not it has an account, and so is the work done before it (a password
    /// hash and one insert). The request waits for the background worker
    /// (`settle_registrations`). Each client address may register a bounded number of
    /// times per window.
    #[tracing::instrument(name = "Register an account", skip_all)]
    pub async fn register(&self, account: &NewAccount, origin: &Origin) -> Result<(), CreateError> {
        if !self.platform().await?.open_registration {
            return Err(CreateError::Closed);
        }
        let ip = origin.ip.as_deref().unwrap_or_default();
        let limit = self.limit("registration-ip", ip, REGISTRATIONS_PER_IP);
        // Every registration counts, created or not: the limit bounds probing too.
        if self
            .reserve_attempt(&[limit], self.settings.throttle_window_secs)
            .await?
            .is_none()
        {
            return Err(CreateError::Refused);
        }
        let hash = self.passwords.hash(account.password.clone()).await?;
        let _turn = self.db.write_turn().await;
        insert_request(
            &self.db.pool,
            &account.email,
            &account.name,
            &hash,
            origin,
            self.clock.now(),
        )
        .await?;
        self.wake_mail.notify_one();
        Ok(())
    }

    /// Settles every waiting registration; the number settled. Run by each instance's
    /// background worker.
    pub async fn settle_registrations(&self) -> Result<usize, DbError> {
        let mut settled = 0;
        while let Some((id, email)) = oldest_request(&self.db.pool).await? {
            if let Err(err) = self.settle_registration(id, &email).await {
                // Never a request that fails for ever: it is dropped (the person may
                // register again). When the database is away this fails too, and the
                // worker tries again later.
                tracing::warn!(error = %err, "A registration could not be settled; it is dropped");
                let _turn = self.db.write_turn().await;
                drop_request(&self.db.pool, id).await?;
            }
            settled += 1;
        }
        Ok(settled)
    }

    /// One registration, in one transaction under the address's allowance: a new address
    /// gets an account that is usable once the emailed link confirms it; an address with
    /// an account not yet confirmed gets the name and password typed this time and a new
    /// link; an address with an account gets an email saying so, with where to sign in
    /// and to reset the password. An address is written to at most a few times an hour,
    /// whoever asks; beyond that the request is dropped.
    async fn settle_registration(&self, id: i64, email: &str) -> Result<(), DbError> {
        let to_address = self.limit(
            "registration-address",
            email,
            REGISTRATION_EMAILS_PER_ADDRESS,
        );
        let (mut tx, attempt) = self.begin_reserved(&[to_address], 3_600).await?;
        let Some(request) = take_request(&mut tx, id).await? else {
            // Another instance took it.
            return Ok(());
        };
        if attempt.is_some() {
            self.settle_request(&mut tx, &request).await?;
        }
        tx.commit().await
    }

    async fn settle_request(
        &self,
        tx: &mut Tx,
        request: &RegistrationRequest,
    ) -> Result<(), DbError> {
        let origin = request.origin();
        let now = self.clock.now();
        match find_user_by_email(&mut **tx, &request.email).await? {
            None => {
                let new_user = NewUser {
                    email: &request.email,
                    name: &request.name,
                    password_hash: Some(&request.password_hash),
                    phone: None,
                    is_admin: false,
                    email_confirmed: false,
                };
                let id = match insert_user(tx, &new_user, now).await {
                    Ok(id) => id,
                    Err(InsertUserError::EmailTaken) => {
                        return Err(DbError::Protocol("the address was taken meanwhile".into()));
                    }
                    Err(InsertUserError::Db(err)) => return Err(err),
                };
                self.send_confirmation(tx, id, &request.name, &request.email, &origin)
                    .await?;
                let event = AuditEvent::by_user(EventKind::UserRegistered, id, &origin, None);
                self.audit(tx, &event);
            }
            // An account nobody has confirmed yet keeps its password: this registration
            // waits beside it, and the confirmation link applies the one whose password
            // the person who opens it types (whoever registered first gains nothing, and
            // neither does whoever registered last). An account made with a phone number
            // is in use: it is told of, like any other.
            Some(user) if !user.email_is_confirmed() && user.phone_verified_at.is_none() => {
                add_later_registration(tx, user.id, &request.name, &request.password_hash, now)
                    .await?;
                self.send_confirmation(tx, user.id, &request.name, &user.email, &origin)
                    .await?;
                let event = AuditEvent::by_user(EventKind::UserRegistered, user.id, &origin, None);
                self.audit(tx, &event);
            }
            Some(user) => {
                self.tell_of_existing_account(tx, &user, &origin).await?;
                let event = AuditEvent {
                    kind: EventKind::RegisteredAgain,
                    actor_user_id: None,
                    subject_user_id: Some(user.id),
                    origin: &origin,
                    detail: None,
                };
                self.audit(tx, &event);
            }
        }
        Ok(())
    }

    /// Emails a new link that confirms the address of an account made at `/register` (the
    /// older link stops working).
    pub(crate) async fn send_confirmation(
        &self,
        tx: &mut Tx,
        user_id: i64,
        name: &str,
        email: &str,
        origin: &Origin,
    ) -> Result<(), DbError> {
        let now = self.clock.now();
        let token = new_link(
            tx,
            LinkKind::EmailConfirmation,
            user_id,
            now,
            CONFIRMATION_LINK_SECS,
        )
        .await?;
        // Nobody has chosen a language for an account not confirmed yet: the page's.
        let (app, lang) = self.writing_to(tx, origin.language).await?;
        let ip = from_address(lang, origin);
        let letter = Letter {
            language: lang,
            subject: lang
                .tr("email-confirm-subject")
                .arg("app", &app)
                .to_string(),
            name: Some(name),
            lead: lang
                .tr("email-confirm-lead")
                .arg("app", &app)
                .arg("email", email)
                .arg("ip", &ip)
                .to_string(),
            links: vec![(
                lang.t("email-confirm-link"),
                self.link("/register/confirm", Some(&token)),
            )],
            after: vec![lang.t("email-confirm-ignore")],
        };
        self.queue_letter(tx, Some(user_id), email, &letter, Secret::OneTimeLink)
            .await
    }

    /// Tells the owner of an address that someone registered with it again: where to sign
    /// in, and where to reset the password if it is forgotten. No secret in it.
    pub(crate) async fn tell_of_existing_account(
        &self,
        tx: &mut Tx,
        user: &User,
        origin: &Origin,
    ) -> Result<(), DbError> {
        let (app, lang) = self
            .writing_to(tx, user.language().or(origin.language))
            .await?;
        let ip = from_address(lang, origin);
        let letter = Letter {
            language: lang,
            subject: lang
                .tr("email-existing-subject")
                .arg("app", &app)
                .to_string(),
            name: Some(&user.name),
            lead: lang
                .tr("email-existing-lead")
                .arg("app", &app)
                .arg("email", &user.email)
                .arg("ip", &ip)
                .to_string(),
            links: vec![
                (lang.t("email-existing-sign-in"), self.link("/login", None)),
                (
                    lang.t("email-existing-forgot"),
                    self.link("/password/forgot", None),
                ),
            ],
            after: vec![lang.t("email-existing-ignore")],
        };
        self.queue_letter(tx, Some(user.id), &user.email, &letter, Secret::None)
            .await
    }

    /// Uses a confirmation link: the account's address is confirmed and the account can
    /// sign in. An account made at `/register` takes the name and password of the
    /// registration whose password is typed (the first, or a later one): the link proves
    /// the inbox, the password says which registration is the inbox owner's. Wrong
    /// passwords count under the sign-in limits.
    #[tracing::instrument(name = "Confirm an email address", skip_all)]
    pub async fn confirm_email(
        &self,
        token: &str,
        password: SecretString,
        origin: &Origin,
    ) -> anyhow::Result<Confirmation> {
        let now = self.clock.now();
        let digest = token_digest(token);
        let Some(user_id) =
            link_user(&self.db.pool, LinkKind::EmailConfirmation, &digest, now).await?
        else {
            return Ok(Confirmation::LinkDead);
        };
        let Some(user) = self.find_user(user_id).await? else {
            return Ok(Confirmation::LinkDead);
        };
        let later = later_registrations(&self.db.pool, user_id).await?;
        let chosen = if user.password_hash.is_none() && later.is_empty() {
            // A phone account: the number proved who it is, the link proves the address.
            None
        } else {
            if password.expose_secret().is_empty() {
                return Ok(Confirmation::PasswordWrong);
            }
            let Some(attempt) = self.reserve_password_attempt(&user.email, origin).await? else {
                return Ok(Confirmation::Throttled);
            };
            let mut found = None;
            for registration in &later {
                if self
                    .passwords
                    .verify(password.clone(), Some(registration.password_hash.clone()))
                    .await?
                {
                    found = Some(Some(registration));
                    break;
                }
            }
            if found.is_none()
                && user.password_hash.is_some()
                && self
                    .passwords
                    .verify(password, user.password_hash.clone())
                    .await?
            {
                found = Some(None);
            }
            let Some(registration) = found else {
                let event = AuditEvent::by_user(
                    EventKind::SignInFailed,
                    user_id,
                    origin,
                    Some(details::WRONG_PASSWORD_CONFIRMING),
                );
                self.audit_alone(&event).await?;
                return Ok(Confirmation::PasswordWrong);
            };
            Some((registration, attempt))
        };
        let mut tx = self.db.begin().await?;
        if consume_link(&mut tx, LinkKind::EmailConfirmation, &digest, now)
            .await?
            .is_none()
        {
            return Ok(Confirmation::LinkDead);
        }
        if let Some((registration, attempt)) = chosen {
            self.release_attempt(&mut tx, attempt).await?;
            if let Some(later) = registration {
                replace_unconfirmed_registration(
                    &mut tx,
                    user_id,
                    &later.name,
                    &later.password_hash,
                    now,
                )
                .await?;
            }
            delete_later_registrations(&mut *tx, user_id).await?;
        }
        confirm_email(&mut *tx, user_id, now).await?;
        let event = AuditEvent::by_user(EventKind::EmailConfirmed, user_id, origin, None);
        self.audit(&mut tx, &event);
        tx.commit().await?;
        Ok(match self.find_user(user_id).await? {
            Some(user) if !user.is_disabled() => Confirmation::Confirmed(user),
            _ => Confirmation::LinkDead,
        })
    }

    /// Whether a confirmation link is live, and if so whether confirming it asks for the
    /// password chosen at registration (an account made with a phone number has none).
    pub async fn confirmation_link(&self, token: &str) -> Result<Option<bool>, DbError> {
        let Some(user_id) = link_user(
            &self.db.pool,
            LinkKind::EmailConfirmation,
            &token_digest(token),
            self.clock.now(),
        )
        .await?
        else {
            return Ok(None);
        };
        let Some(user) = self.find_user(user_id).await? else {
            return Ok(None);
        };
        Ok(Some(
            user.password_hash.is_some()
                || !later_registrations(&self.db.pool, user_id)
                    .await?
                    .is_empty(),
        ))
    }

    /// A right password for an account whose address is not confirmed yet: a new link is
    /// emailed (within the address's hourly allowance).
    pub(crate) async fn resend_confirmation(
        &self,
        user: &User,
        origin: &Origin,
    ) -> Result<(), DbError> {
        let to_address = self.limit(
            "registration-address",
            &user.email,
            REGISTRATION_EMAILS_PER_ADDRESS,
        );
        let (mut tx, attempt) = self.begin_reserved(&[to_address], 3_600).await?;
        if attempt.is_some() {
            self.send_confirmation(&mut tx, user.id, &user.name, &user.email, origin)
                .await?;
        }
        let event = AuditEvent::by_user(EventKind::SignInUnconfirmed, user.id, origin, None);
        self.audit(&mut tx, &event);
        tx.commit().await
    }

    /// Creates a user from the command line (no origin); an administrator made this way
    /// voids the setup link.
    pub async fn create_user_from_command_line(
        &self,
        account: &NewAccount,
        phone: Option<&str>,
        admin: bool,
    ) -> Result<i64, CreateError> {
        let hash = self.passwords.hash(account.password.clone()).await?;
        let mut tx = self.db.begin().await?;
        let user = NewUser {
            email: &account.email,
            name: &account.name,
            password_hash: Some(&hash),
            phone,
            is_admin: admin,
            email_confirmed: true,
        };
        let id = insert_user(&mut tx, &user, self.clock.now()).await?;
        let kind = if admin {
            EventKind::AdminCreated
        } else {
            EventKind::UserCreatedFromCommandLine
        };
        let event = AuditEvent {
            kind,
            actor_user_id: None,
            subject_user_id: Some(id),
            origin: &Origin::default(),
            detail: Some(details::COMMAND_LINE),
        };
        self.audit(&mut tx, &event);
        if admin {
            // The setup link only ever creates the first administrator.
            delete_setup_tokens(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Checks the signed-in user's password against the sign-in limits; a wrong one counts
    /// as a failed sign-in of the account. A right one returns its attempt, for the caller
    /// to release in its own transaction.
    pub(crate) async fn check_own_password(
        &self,
        user: &User,
        password: SecretString,
        origin: &Origin,
        failed: EventKind,
    ) -> anyhow::Result<Result<Attempt, PasswordCheck>> {
        let Some(attempt) = self.reserve_password_attempt(&user.email, origin).await? else {
            return Ok(Err(PasswordCheck::Throttled));
        };
        if self
            .passwords
            .verify(password, user.password_hash.clone())
            .await?
        {
            return Ok(Ok(attempt));
        }
        self.audit_alone(&AuditEvent::by_user(failed, user.id, origin, None))
            .await?;
        Ok(Err(PasswordCheck::Wrong))
    }

    /// Re-confirms the password for sensitive changes.
    #[tracing::instrument(name = "Confirm the password", skip_all, fields(user_id = user.id))]
    pub async fn confirm_password(
        &self,
        user: &User,
        password: SecretString,
        origin: &Origin,
    ) -> anyhow::Result<PasswordCheck> {
        let outcome = (EventKind::ReauthFailed, EventKind::ReauthSucceeded, None);
        self.check_password_and_record(user, password, origin, outcome)
            .await
    }

    /// Checks the user's password under the sign-in limits and records the outcome:
    /// `failed` when wrong, `succeeded` (with its detail) when right, the attempt released.
    pub(crate) async fn check_password_and_record(
        &self,
        user: &User,
        password: SecretString,
        origin: &Origin,
        (failed, succeeded, detail): (EventKind, EventKind, Option<&str>),
    ) -> anyhow::Result<PasswordCheck> {
        let attempt = match self
            .check_own_password(user, password, origin, failed)
            .await?
        {
            Ok(attempt) => attempt,
            Err(check) => return Ok(check),
        };
        let mut tx = self.db.begin().await?;
        self.release_attempt(&mut tx, attempt).await?;
        let event = AuditEvent::by_user(succeeded, user.id, origin, detail);
        self.audit(&mut tx, &event);
        tx.commit().await?;
        Ok(PasswordCheck::Right)
    }

    /// Changes the password: every session of the user ends (the caller signs this one in
    /// again) and every trusted device is revoked.
    #[tracing::instrument(name = "Change the password", skip_all, fields(user_id = user.id))]
    pub async fn change_password(
        &self,
        user: &User,
        current: SecretString,
        new: SecretString,
        origin: &Origin,
    ) -> anyhow::Result<PasswordCheck> {
        let attempt = match self
            .check_own_password(user, current, origin, EventKind::PasswordChangeFailed)
            .await?
        {
            Ok(attempt) => attempt,
            Err(check) => return Ok(check),
        };
        let hash = self.passwords.hash(new).await?;
        let mut tx = self.db.begin().await?;
        self.release_attempt(&mut tx, attempt).await?;
        update_password_hash(&mut tx, user.id, &hash, self.clock.now()).await?;
        delete_sessions_of_user(&mut *tx, user.id).await?;
        remove_all_devices(&mut *tx, user.id).await?;
        let event = AuditEvent::by_user(EventKind::PasswordChanged, user.id, origin, None);
        self.audit(&mut tx, &event);
        self.notify(&mut tx, user, origin, Notice::PasswordChanged)
            .await?;
        tx.commit().await?;
        Ok(PasswordCheck::Right)
    }
}
