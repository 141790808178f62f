//! Sign in and sign out.

pub mod verify;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::db::audit::{AuditEvent, EventKind, record_event};
use crate::db::throttle::{account_key, failures_since, ip_key, record_failure};
use crate::db::users::find_user_by_email;
use crate::domain::account::normalise_email;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::middleware::auth::CurrentUser;
use crate::web::session::{start_second_step, start_session};
use crate::web::trusted::is_trusted;
use crate::web::{AppState, origin_of, render, see_other};

/// The one message for every failed sign-in, whether or not the account exists.
const WRONG_CREDENTIALS: &str = "The email or password is incorrect.";
const THROTTLED: &str = "Too many failed sign-in attempts. Wait 15 minutes and try again.";

#[derive(Template)]
#[template(path = "login/login.html")]
struct LoginPage {
    layout: Layout,
    email: String,
    errors: FormErrors,
}

pub async fn login_form(layout: Layout) -> Result<HttpResponse, AppError> {
    if layout.user.is_some() {
        return Ok(see_other("/"));
    }
    render(
        StatusCode::OK,
        &LoginPage {
            layout,
            email: String::new(),
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default = "empty_secret")]
    password: SecretString,
}

pub(crate) fn empty_secret() -> SecretString {
    SecretString::from("")
}

/// True when the account (by email) or the client's address has failed too often lately.
pub(crate) async fn is_throttled(
    state: &AppState,
    email: &str,
    ip: &str,
) -> Result<bool, AppError> {
    let db = &state.db;
    let since = state.clock.now() - state.settings.throttle_window_secs;
    let by_account = failures_since(db, &account_key(email), since).await?;
    let by_ip = failures_since(db, &ip_key(ip), since).await?;
    Ok(by_account >= state.settings.max_failures_per_account
        || by_ip >= state.settings.max_failures_per_ip)
}

#[tracing::instrument(name = "Sign in with a password", skip_all)]
pub async fn login(
    req: HttpRequest,
    form: web::Form<LoginForm>,
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let LoginForm { email, password } = form.into_inner();
    let typed_email = email.trim().to_owned();
    let page = |layout, status, errors| {
        render(
            status,
            &LoginPage {
                layout,
                email: typed_email.clone(),
                errors,
            },
        )
    };
    if typed_email.is_empty() || password.expose_secret().is_empty() {
        let mut errors = FormErrors::default();
        if typed_email.is_empty() {
            errors.add("email", "Enter your email address.");
        }
        if password.expose_secret().is_empty() {
            errors.add("password", "Enter your password.");
        }
        return page(layout, StatusCode::UNPROCESSABLE_ENTITY, errors);
    }
    // A malformed address cannot belong to an account; it is still checked the slow way.
    let email = normalise_email(&typed_email).unwrap_or_else(|_| typed_email.to_lowercase());
    let origin = origin_of(&req);
    let ip = origin.ip.clone().unwrap_or_default();
    let db = &state.db;

    if is_throttled(&state, &email, &ip).await? {
        record_event(
            &db.pool,
            &AuditEvent {
                kind: EventKind::SignInThrottled,
                actor_user_id: None,
                subject_user_id: None,
                origin: &origin,
                detail: Some(&email),
            },
        )
        .await?;
        return page(
            layout,
            StatusCode::TOO_MANY_REQUESTS,
            FormErrors::general(THROTTLED),
        );
    }

    let user = find_user_by_email(db, &email).await?;
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let matches = state.passwords.verify(password, stored).await?;
    match user {
        Some(user) if matches && !user.is_disabled() => {
            let trusted = user.has_two_step() && is_trusted(&state, &req, user.id).await?;
            if user.has_two_step() && !trusted {
                start_second_step(&session, user.id, state.clock.now())?;
                return verify::begin(&state, layout, &user, &origin).await;
            }
            start_session(
                &state,
                &session,
                user.id,
                user.session_duration_secs,
                &origin,
            )
            .await?;
            // A trusted device skips the code, never the password.
            let (kind, detail) = if trusted {
                (
                    EventKind::SignInTrustedDevice,
                    Some("password on a trusted device"),
                )
            } else {
                (EventKind::SignInSucceeded, None)
            };
            record_event(
                &db.pool,
                &AuditEvent::by_user(kind, user.id, &origin, detail),
            )
            .await?;
            Ok(see_other("/"))
        }
        user => {
            record_failure(db, &[&account_key(&email), &ip_key(&ip)], state.clock.now()).await?;
            record_event(
                &db.pool,
                &AuditEvent {
                    kind: EventKind::SignInFailed,
                    actor_user_id: None,
                    subject_user_id: user.map(|u| u.id),
                    origin: &origin,
                    detail: Some(&email),
                },
            )
            .await?;
            page(
                layout,
                StatusCode::UNAUTHORIZED,
                FormErrors::general(WRONG_CREDENTIALS),
            )
        }
    }
}

#[tracing::instrument(name = "Sign out", skip_all)]
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    user: Option<CurrentUser>,
) -> Result<HttpResponse, AppError> {
    if let Some(CurrentUser(user)) = user {
        record_event(
            &state.db.pool,
            &AuditEvent::by_user(EventKind::SignedOut, user.id, &origin_of(&req), None),
        )
        .await?;
    }
    session.purge();
    Ok(see_other("/login?notice=signed-out"))
}
