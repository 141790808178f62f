//! Creating an account: `/register` for everyone, and the same form behind the one-time
//! setup link for the first administrator.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::domain::account::{normalise_email, normalise_name};
use crate::domain::password::check_new_password;
use crate::services::account::{CreateError, NewAccount};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::login::empty_secret;
use crate::web::request::Visitor;
use crate::web::session::start_session;
use crate::web::{render, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/register")
            .route(web::get().to(register_form))
            .route(web::post().to(register)),
    );
}

const EMAIL_TAKEN: &str = "An account with this email already exists.";

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
    pub fn validate(self) -> Result<NewAccount, (FormErrors, TypedAccount)> {
        let mut errors = FormErrors::default();
        let name = normalise_name(&self.name)
            .map_err(|p| errors.add("name", p))
            .ok();
        let email = normalise_email(&self.email)
            .map_err(|p| errors.add("email", p))
            .ok();
        let inputs: Vec<&str> = [name.as_deref(), email.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if self.password.expose_secret().is_empty() {
            errors.add("password", "Choose a password.");
        } else if let Err(problem) = check_new_password(self.password.expose_secret(), &inputs) {
            errors.add("password", problem);
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

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    layout: Layout,
    typed: TypedAccount,
    errors: FormErrors,
    /// The address has an account: "Sign in instead" is offered as a link.
    email_taken: bool,
}

/// Said when "Let people create their own accounts" is off.
pub const REGISTRATION_CLOSED: &str =
    "You cannot create an account here yourself. Ask your administrator for one.";

async fn register_form(layout: Layout) -> Result<HttpResponse, AppError> {
    if layout.user.is_some() {
        return Ok(see_other("/"));
    }
    if !layout.open_registration {
        return Err(AppError::Forbidden(REGISTRATION_CLOSED));
    }
    render(
        StatusCode::OK,
        &RegisterPage {
            layout,
            typed: TypedAccount::default(),
            errors: FormErrors::default(),
            email_taken: false,
        },
    )
}

#[tracing::instrument(name = "Register an account", skip_all)]
async fn register(
    Visitor { state, origin }: Visitor,
    form: web::Form<AccountForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let account = match form.into_inner().validate() {
        Ok(account) => account,
        Err((errors, typed)) => {
            let page = RegisterPage {
                layout,
                typed,
                errors,
                email_taken: false,
            };
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let (status, errors, email_taken) = match state.services.register(&account, &origin).await {
        Ok(user) => {
            start_session(&state, &session, &user, &origin).await?;
            return Ok(see_other("/?notice=welcome"));
        }
        Err(CreateError::Refused) => (
            StatusCode::TOO_MANY_REQUESTS,
            FormErrors::general(
                "Too many accounts were created from your network. Wait 15 minutes and try again.",
            ),
            false,
        ),
        Err(CreateError::EmailTaken) => {
            let mut errors = FormErrors::default();
            errors.add("email", EMAIL_TAKEN);
            (StatusCode::CONFLICT, errors, true)
        }
        Err(CreateError::Closed) => return Err(AppError::Forbidden(REGISTRATION_CLOSED)),
        Err(CreateError::Unexpected(err)) => return Err(AppError::Unexpected(err)),
    };
    let page = RegisterPage {
        layout,
        typed: TypedAccount::from(&account),
        errors,
        email_taken,
    };
    render(status, &page)
}
