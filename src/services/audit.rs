//! The audit log as administrators search it: by an account, or by an email address that
//! names none (the failed sign-ins against it keep the address's key, never the address).

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::Services;
use crate::db::DbError;
use crate::db::audit::{AuditEvent, AuditRow};
use crate::db::users::find_user_by_email;
use crate::domain::account::{EmailProblem, normalise_email};

/// Whose events the audit log's "User (email)" filter names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditSubject {
    /// An account: the events it did or that were done to it.
    Account(i64),
    /// An address no account has: the sign-ins tried with it.
    UnknownAddress { key: String },
}

impl Services {
    /// The key an email address (normalised) is stored under in the audit log when it
    /// names no account: an HMAC under the secret key, so the log holds no address typed
    /// yet finds every attempt made with one an administrator types.
    pub(crate) fn address_key(&self, email: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(self.mac_key()).expect("HMAC takes any key");
        for part in ["twostep audit address", email] {
            mac.update(part.as_bytes());
            mac.update(b"\0");
        }
        hex::encode(mac.finalize().into_bytes())
    }

    /// The row of an event about what was typed as an email address when no account has
    /// it: about that address when it is one (what else was typed, a password perhaps, is
    /// not kept in any form).
    pub(crate) fn unknown_address_row(&self, event: &AuditEvent<'_>, typed: &str) -> AuditRow {
        let row = AuditRow::new(event, self.clock.now());
        match normalise_email(typed) {
            Ok(email) => row.about_address(self.address_key(&email)),
            Err(_) => row,
        }
    }

    /// Whose events the email address an administrator typed names.
    pub async fn audit_subject(
        &self,
        typed: &str,
    ) -> Result<Result<AuditSubject, EmailProblem>, DbError> {
        let email = match normalise_email(typed) {
            Ok(email) => email,
            Err(problem) => return Ok(Err(problem)),
        };
        Ok(Ok(
            match find_user_by_email(&self.db.pool, &email).await? {
                Some(user) => AuditSubject::Account(user.id),
                None => AuditSubject::UnknownAddress {
                    key: self.address_key(&email),
                },
            },
        ))
    }
}
