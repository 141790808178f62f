//! Accounts: the first administrator, registration, users created on the command line,
//! changing and re-confirming the password. Password checks are attempts reserved against
//! the same limits as signing in.

use secrecy::SecretString;

use super::Services;
use super::throttle::{Attempt, REGISTRATIONS_PER_IP};
use crate::db::DbError;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::devices::remove_all_devices;
use crate::db::sessions::delete_sessions_of_user;
use crate::db::setup::{
    consume_setup_token, delete_setup_tokens, setup_token_is_valid, store_setup_token,
};
use crate::db::users::{
    InsertUserError, NewUser, User, admin_exists, insert_user, update_password_hash,
};
use crate::domain::tokens::{random_token, token_digest};

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
        };
        let id = insert_user(&mut tx, &admin, self.clock.now()).await?;
        let event = AuditEvent::by_user(EventKind::AdminCreated, id, origin, Some("setup link"));
        self.audit(&mut tx, &event);
        tx.commit().await?;
        Ok(self.created(id).await?)
    }

    async fn created(&self, id: i64) -> anyhow::Result<User> {
        self.find_user(id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the new user {id} is gone"))
    }

    /// Registers an account; each address may create a bounded number per window, counted
    /// before the password is hashed.
    #[tracing::instrument(name = "Register an account", skip_all)]
    pub async fn register(
        &self,
        account: &NewAccount,
        origin: &Origin,
    ) -> Result<User, CreateError> {
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
        let mut tx = self.db.begin().await?;
        let new_user = NewUser {
            email: &account.email,
            name: &account.name,
            password_hash: Some(&hash),
            phone: None,
            is_admin: false,
        };
        let id = insert_user(&mut tx, &new_user, self.clock.now()).await?;
        let event = AuditEvent::by_user(EventKind::UserRegistered, id, origin, None);
        self.audit(&mut tx, &event);
        tx.commit().await?;
        Ok(self.created(id).await?)
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
            detail: Some("command line"),
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
    async fn check_own_password(
        &self,
        user: &User,
        password: SecretString,
        origin: &Origin,
        failed: EventKind,
    ) -> anyhow::Result<Result<Attempt, PasswordCheck>> {
        let ip = origin.ip.as_deref().unwrap_or_default();
        let Some(attempt) = self
            .reserve_attempt(
                &self.password_limits(&user.email, ip),
                self.settings.throttle_window_secs,
            )
            .await?
        else {
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
        let attempt = match self
            .check_own_password(user, password, origin, EventKind::ReauthFailed)
            .await?
        {
            Ok(attempt) => attempt,
            Err(check) => return Ok(check),
        };
        let mut tx = self.db.begin().await?;
        self.release_attempt(&mut tx, attempt).await?;
        let event = AuditEvent::by_user(EventKind::ReauthSucceeded, user.id, origin, None);
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
        update_password_hash(&mut *tx, user.id, &hash, self.clock.now()).await?;
        delete_sessions_of_user(&mut *tx, user.id).await?;
        remove_all_devices(&mut *tx, user.id).await?;
        let event = AuditEvent::by_user(EventKind::PasswordChanged, user.id, origin, None);
        self.audit(&mut tx, &event);
        tx.commit().await?;
        Ok(PasswordCheck::Right)
    }
}
