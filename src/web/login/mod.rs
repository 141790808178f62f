//! Sign in and sign out.

pub mod lost_phone;
pub mod passkey;
pub mod phone;
pub mod verify;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::services::sign_in::PasswordStep;
use crate::web::errors::AppError;
use crate::web::forms::{FormErrors, empty_secret};
use crate::web::layout::Layout;
use crate::web::request::{SignedIn, Visitor};
use crate::web::responses::{render, see_other};
use crate::web::session::{
    AUTHORIZATION_CONTINUES, after_sign_in, keep_password_step, remember_next, safe_next,
    signed_out_by_administrator, start_second_step, start_session,
};
use crate::web::trusted::device_token;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/login")
            .route(web::get().to(login_form))
            .route(web::post().to(login)),
    )
    .service(
        web::resource("/login/verify")
            .route(web::get().to(verify::verify_form))
            .route(web::post().to(verify::verify_code)),
    )
    .service(web::resource("/login/verify/resend").route(web::post().to(verify::resend_code)))
    .service(web::resource("/login/verify/passkey").route(web::post().to(verify::verify_passkey)))
    .service(
        web::resource("/login/passkey")
            .route(web::get().to(passkey::sign_in_form))
            .route(web::post().to(passkey::sign_in)),
    )
    .service(
        web::resource("/login/recovery")
            .route(web::get().to(verify::recovery_form))
            .route(web::post().to(verify::use_recovery_code)),
    )
    .service(
        web::resource("/login/temporary-code")
            .route(web::get().to(lost_phone::temporary_code_form))
            .route(web::post().to(lost_phone::use_temporary_code)),
    )
    .service(
        web::resource("/login/lost-phone")
            .route(web::get().to(lost_phone::lost_phone_page))
            .route(web::post().to(lost_phone::ask_for_help)),
    )
    .service(
        web::resource("/login/phone")
            .route(web::get().to(phone::phone_form))
            .route(web::post().to(phone::request_code)),
    )
    .service(
        web::resource("/login/phone/verify")
            .route(web::get().to(phone::verify_form))
            .route(web::post().to(phone::verify_code)),
    )
    .service(web::resource("/login/phone/resend").route(web::post().to(phone::resend_code)))
    .service(
        web::resource("/login/phone/password")
            .route(web::get().to(phone::password_form))
            .route(web::post().to(phone::check_password)),
    )
    .service(
        web::resource("/login/phone/app")
            .route(web::get().to(phone::app_form))
            .route(web::post().to(phone::check_app_code)),
    )
    .service(web::resource("/login/forgot").route(web::get().to(forgot_password)))
    .service(web::resource("/logout").route(web::post().to(logout)));
}

#[derive(Template)]
#[template(path = "login/login.html")]
struct LoginPage {
    layout: Layout,
    email: String,
    /// Where to go once signed in (a data room), carried by the form.
    next: String,
    errors: FormErrors,
}

#[derive(Deserialize)]
struct NextQuery {
    #[serde(default)]
    next: String,
    /// The address an application expects (`login_hint`), filled in.
    #[serde(default)]
    email: String,
}

async fn login_form(
    mut layout: Layout,
    query: web::Query<NextQuery>,
    session: Session,
) -> Result<HttpResponse, AppError> {
    // An application may ask a signed-in person to sign in again (`prompt=login`, an old
    // sign-in for its `max_age`): the form is shown to them on its way back there.
    let next = safe_next(&query.next).unwrap_or_default().to_owned();
    if layout.user.is_some() && !next.starts_with(AUTHORIZATION_CONTINUES) {
        return Ok(see_other("/"));
    }
    // On the sign-in page of a browser whose session an administrator ended.
    if layout.notice.is_none() && signed_out_by_administrator(&session) {
        layout.notice = Some(layout.lang.t("login-signed-out-by-administrator"));
    }
    render(
        StatusCode::OK,
        &LoginPage {
            layout,
            email: query.email.trim().chars().take(300).collect(),
            next,
            errors: FormErrors::default(),
        },
    )
}

/// The earlier address of "Forgot your password?".
async fn forgot_password() -> HttpResponse {
    see_other("/password/forgot")
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default = "empty_secret")]
    password: SecretString,
    #[serde(default)]
    next: String,
}

#[tracing::instrument(name = "Sign in with a password", skip_all)]
async fn login(
    Visitor { state, origin }: Visitor,
    req: HttpRequest,
    form: web::Form<LoginForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let LoginForm {
        email,
        password,
        next,
    } = form.into_inner();
    let typed_email = email.trim().to_owned();
    let page = |layout, status, errors| {
        render(
            status,
            &LoginPage {
                layout,
                email: typed_email.clone(),
                next: safe_next(&next).unwrap_or_default().to_owned(),
                errors,
            },
        )
    };
    let refuse = |layout: Layout, status, id: &str| {
        let errors = FormErrors::general(layout.lang.t(id));
        page(layout, status, errors)
    };
    if typed_email.is_empty() || password.expose_secret().is_empty() {
        let mut errors = FormErrors::default();
        if typed_email.is_empty() {
            errors.add("email", layout.lang.t("login-enter-email"));
        }
        if password.expose_secret().is_empty() {
            errors.add("password", layout.lang.t("login-enter-password"));
        }
        return page(layout, StatusCode::UNPROCESSABLE_ENTITY, errors);
    }
    let device = device_token(&req, state.settings.is_https());
    match state
        .services
        .password_step(&typed_email, password, device.as_deref(), &origin)
        .await?
    {
        PasswordStep::Throttled => refuse(layout, StatusCode::TOO_MANY_REQUESTS, "login-throttled"),
        // The one message for every failed sign-in, whether or not the account exists.
        PasswordStep::Wrong => refuse(layout, StatusCode::UNAUTHORIZED, "login-wrong-credentials"),
        // Told only to someone who typed the account's right password.
        PasswordStep::Disabled => refuse(layout, StatusCode::FORBIDDEN, "login-disabled"),
        PasswordStep::Unconfirmed(_) => refuse(layout, StatusCode::FORBIDDEN, "login-unconfirmed"),
        PasswordStep::SignedIn(user, proofs) => {
            start_session(&state, &session, &user, &origin, proofs.all()).await?;
            Ok(see_other(&after_sign_in(&next)))
        }
        PasswordStep::CodeOwed(user, attempt) => {
            start_second_step(&session, user.id, state.clock.now())?;
            keep_password_step(&session, &attempt)?;
            remember_next(&session, &next)?;
            verify::begin(&state, layout, user, &origin).await
        }
    }
}

#[tracing::instrument(name = "Sign out", skip_all)]
async fn logout(me: Option<SignedIn>, session: Session) -> Result<HttpResponse, AppError> {
    if let Some(me) = me {
        me.services().signed_out(me.user.id, &me.origin).await?;
    }
    session.purge();
    Ok(see_other("/login?notice=signed-out"))
}
