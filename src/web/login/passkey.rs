//! Signing in with a passkey alone ("Sign in with a passkey": a discoverable passkey with
//! user verification); the words for a refused passkey, which the second step's passkey
//! page (`verify`) shares.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::domain::oidc::Proof;
use crate::domain::passkeys::credential_text;
use crate::services::factors::passkeys::PasskeyCheck;
use crate::services::sign_in::PasskeyStep;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::request::Visitor;
use crate::web::responses::{render, see_other};
use crate::web::session::{
    after_sign_in, keep_passkey_ceremony, safe_next, start_session, take_passkey_ceremony,
};
use crate::web::state::AppState;

/// What a refused passkey is told (a message id), and with which status.
pub(super) fn refused(check: &PasskeyCheck) -> (StatusCode, &'static str) {
    match check {
        PasskeyCheck::CounterWentBack => (StatusCode::UNAUTHORIZED, "login-passkey-copied"),
        PasskeyCheck::Disabled => (StatusCode::FORBIDDEN, "login-disabled"),
        PasskeyCheck::NotAccepted | PasskeyCheck::Accepted(_) => {
            (StatusCode::UNAUTHORIZED, "login-passkey-not-accepted")
        }
    }
}

#[derive(Deserialize)]
pub struct PasskeyForm {
    #[serde(default)]
    pub credential: String,
    /// At the second step, the "Trust this device" checkbox.
    #[serde(default)]
    pub trust_device: Option<String>,
    #[serde(default)]
    pub next: String,
}

#[derive(Template)]
#[template(path = "login/passkey_sign_in.html")]
struct PasskeySignInPage {
    layout: Layout,
    options: String,
    /// Passkeys can be used here (the public URL names a host).
    available: bool,
    next: String,
    errors: FormErrors,
}

async fn sign_in_page(
    state: &AppState,
    session: &Session,
    layout: Layout,
    next: &str,
    mut errors: FormErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let started = state.services.start_passkey_sign_in().await?;
    let (options, available, status) = match started {
        Some(started) => {
            keep_passkey_ceremony(session, &started.ceremony)?;
            (started.options, true, status)
        }
        None => {
            errors = FormErrors::general(layout.lang.t("login-passkey-unavailable"));
            ("{}".to_owned(), false, StatusCode::CONFLICT)
        }
    };
    render(
        status,
        &PasskeySignInPage {
            layout,
            options,
            available,
            next: safe_next(next).unwrap_or_default().to_owned(),
            errors,
        },
    )
}

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

pub async fn sign_in_form(
    Visitor { state, .. }: Visitor,
    session: Session,
    query: web::Query<NextQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    if layout.user.is_some() {
        return Ok(see_other("/"));
    }
    let errors = FormErrors::default();
    sign_in_page(
        &state,
        &session,
        layout,
        &query.next,
        errors,
        StatusCode::OK,
    )
    .await
}

#[tracing::instrument(name = "Sign in with a passkey", skip_all)]
pub async fn sign_in(
    Visitor { state, origin }: Visitor,
    session: Session,
    form: web::Form<PasskeyForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let ceremony = take_passkey_ceremony(&session);
    let check = match (ceremony, credential_text(&form.credential)) {
        (Some(ceremony), Some(credential)) => {
            state
                .services
                .passkey_sign_in(ceremony, credential, &origin)
                .await?
        }
        _ => PasskeyStep::Refused(PasskeyCheck::NotAccepted),
    };
    let (status, message) = match check {
        PasskeyStep::SignedIn { user, .. } => {
            start_session(
                &state,
                &session,
                &user,
                &origin,
                &[Proof::Passkey, Proof::UserVerification],
            )
            .await?;
            return Ok(see_other(&after_sign_in(&form.next)));
        }
        PasskeyStep::Refused(check) => refused(&check),
    };
    let errors = FormErrors::general(layout.lang.t(message));
    sign_in_page(&state, &session, layout, &form.next, errors, status).await
}
