//! The name, email and password of a new account, as the registration page and the first
//! administrator's set-up page ask them (`templates/partials/account_fields.html`).

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::domain::account::{normalise_email, normalise_name};
use crate::domain::language::Language;
use crate::domain::password::check_new_password;
use crate::services::account::NewAccount;
use crate::web::forms::{FormErrors, empty_secret};

#[derive(Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default = "empty_secret")]
    pub password: SecretString,
}

impl AccountForm {
    /// The account, or the form's errors in `language` and what was typed.
    pub fn validate(self, language: Language) -> Result<NewAccount, (FormErrors, TypedAccount)> {
        let mut errors = FormErrors::default();
        let name = normalise_name(&self.name)
            .map_err(|p| errors.add("name", p.say(language)))
            .ok();
        let email = normalise_email(&self.email)
            .map_err(|p| errors.add("email", p.say(language)))
            .ok();
        let inputs: Vec<&str> = [name.as_deref(), email.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if self.password.expose_secret().is_empty() {
            errors.add("password", language.t("public-choose-password"));
        } else if let Err(problem) = check_new_password(self.password.expose_secret(), &inputs) {
            errors.add("password", problem.say(language));
        }
        match (name, email) {
            (Some(name), Some(email)) if errors.is_empty() => Ok(NewAccount {
                name,
                email,
                password: self.password,
            }),
            _ => Err((errors, TypedAccount::from(&self))),
        }
    }
}

/// What the person typed, shown again when the form comes back with errors (never the
/// password).
#[derive(Default)]
pub struct TypedAccount {
    pub name: String,
    pub email: String,
}

impl From<&AccountForm> for TypedAccount {
    fn from(form: &AccountForm) -> Self {
        Self {
            name: form.name.trim().to_owned(),
            email: form.email.trim().to_owned(),
        }
    }
}

impl From<&NewAccount> for TypedAccount {
    fn from(account: &NewAccount) -> Self {
        Self {
            name: account.name.clone(),
            email: account.email.clone(),
        }
    }
}
