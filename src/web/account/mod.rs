//! The signed-in user's own account: changing the password, security settings.

pub mod app;
pub mod confirm;
pub mod devices;
pub mod recovery;
pub mod security;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::db::audit::{AuditEvent, EventKind, record_event};
use crate::db::devices::remove_all_devices;
use crate::db::sessions::delete_sessions_of_user;
use crate::db::throttle::{account_key, ip_key, record_failure};
use crate::db::users::update_password_hash;
use crate::domain::password::check_new_password;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::login::{empty_secret, is_throttled};
use crate::web::middleware::auth::CurrentUser;
use crate::web::session::start_session;
use crate::web::{AppState, origin_of, render, see_other};

#[derive(Template)]
#[template(path = "account/password.html")]
struct PasswordPage {
    layout: Layout,
    errors: FormErrors,
}

pub async fn password_form(layout: Layout) -> Result<HttpResponse, AppError> {
    render(
        StatusCode::OK,
        &PasswordPage {
            layout,
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default = "empty_secret")]
    current_password: SecretString,
    #[serde(default = "empty_secret")]
    new_password: SecretString,
}

#[tracing::instrument(name = "Change the password", skip_all, fields(user_id = user.0.id))]
pub async fn change_password(
    req: HttpRequest,
    form: web::Form<PasswordForm>,
    state: web::Data<AppState>,
    session: Session,
    user: CurrentUser,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    let PasswordForm {
        current_password,
        new_password,
    } = form.into_inner();
    let mut errors = FormErrors::default();
    if current_password.expose_secret().is_empty() {
        errors.add("current_password", "Enter your current password.");
    }
    if new_password.expose_secret().is_empty() {
        errors.add("new_password", "Choose a new password.");
    } else if let Err(problem) =
        check_new_password(new_password.expose_secret(), &[&user.email, &user.name])
    {
        errors.add("new_password", problem);
    }
    if !errors.is_empty() {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &PasswordPage { layout, errors },
        );
    }

    let origin = origin_of(&req);
    let ip = origin.ip.clone().unwrap_or_default();
    if is_throttled(&state, &user.email, &ip).await? {
        let errors =
            FormErrors::general("Too many wrong passwords. Wait 15 minutes and try again.");
        return render(
            StatusCode::TOO_MANY_REQUESTS,
            &PasswordPage { layout, errors },
        );
    }
    let matches = state
        .passwords
        .verify(current_password, user.password_hash.clone())
        .await?;
    let event = |kind| AuditEvent::by_user(kind, user.id, &origin, None);
    if !matches {
        let now = state.clock.now();
        record_failure(&state.db, &[&account_key(&user.email), &ip_key(&ip)], now).await?;
        record_event(&state.db.pool, &event(EventKind::PasswordChangeFailed)).await?;
        let mut errors = FormErrors::default();
        errors.add("current_password", "Your current password is incorrect.");
        return render(StatusCode::UNAUTHORIZED, &PasswordPage { layout, errors });
    }

    let hash = state.passwords.hash(new_password).await?;
    update_password_hash(&state.db, user.id, &hash).await?;
    // Every other session ends; this one continues under a new id.
    delete_sessions_of_user(&state.db, user.id).await?;
    // A changed password also revokes every trusted device.
    remove_all_devices(&state.db, user.id).await?;
    start_session(
        &state,
        &session,
        user.id,
        user.session_duration_secs,
        &origin,
    )
    .await?;
    record_event(&state.db.pool, &event(EventKind::PasswordChanged)).await?;
    Ok(see_other("/?notice=password-changed"))
}
