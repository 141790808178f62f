//! The second step of signing in: a code by SMS or from the authenticator app, or a
//! recovery code. Nothing of the account is reachable until one of them is right.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::db::audit::{AuditEvent, EventKind, Origin, record_event};
use crate::db::challenges::{last_send_at, latest_challenge};
use crate::db::users::{User, find_user_by_id};
use crate::domain::codes::Purpose;
use crate::domain::phone::mask_phone;
use crate::domain::user_agent::describe;
use crate::second_factors::{CodeOutcome, RecoveryOutcome};
use crate::verification::CheckOutcome;
use crate::web::code_form::{
    APP_HINT, Alternative, CodeForm, CodePage, Resend, SMS_HINT, check_failure, send_failure,
};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::notify::{Notice, notify};
use crate::web::session::{pending_user, start_session};
use crate::web::trusted;
use crate::web::{AppState, origin_of, render, see_other};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Method {
    Sms,
    App,
}

impl Method {
    fn parse(text: &str) -> Option<Self> {
        match text {
            "sms" => Some(Self::Sms),
            "app" => Some(Self::App),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Sms => "sms",
            Self::App => "app",
        }
    }
}

/// The user between the two steps and the methods they can finish with.
struct Pending {
    user: User,
    /// A verified number: codes can be texted there.
    phone: Option<String>,
    has_app: bool,
}

impl Pending {
    /// The method asked for, if the user has it; otherwise their own.
    fn method(&self, asked: Option<Method>) -> Method {
        let available = |m: Method| match m {
            Method::Sms => self.phone.is_some(),
            Method::App => self.has_app,
        };
        match asked {
            Some(method) if available(method) => method,
            _ if self.user.uses_authenticator() && self.has_app => Method::App,
            _ if self.phone.is_some() => Method::Sms,
            _ => Method::App,
        }
    }
}

async fn pending(state: &AppState, session: &Session) -> Result<Option<Pending>, AppError> {
    let Some(user_id) = pending_user(session, state.clock.now()) else {
        return Ok(None);
    };
    let Some(user) = find_user_by_id(&state.db, user_id).await? else {
        return Ok(None);
    };
    if user.is_disabled() || !user.has_two_step() {
        return Ok(None);
    }
    let has_app = state.factors.has_authenticator(user.id).await?;
    let phone = user.verified_phone().map(str::to_owned);
    Ok(Some(Pending {
        user,
        phone,
        has_app,
    }))
}

fn alternatives(pending: &Pending, showing: Method) -> Vec<Alternative> {
    let mut links = Vec::new();
    if showing == Method::Sms && pending.has_app {
        links.push(Alternative {
            href: "/login/verify?with=app",
            label: "Use authenticator app",
        });
    }
    if showing == Method::App && pending.phone.is_some() {
        links.push(Alternative {
            href: "/login/verify?with=sms",
            label: "Use text message",
        });
    }
    links.push(Alternative {
        href: "/login/recovery",
        label: "Use a recovery code",
    });
    links
}

/// The verification page for a pending sign-in and a method.
async fn page(
    state: &AppState,
    layout: Layout,
    pending: &Pending,
    method: Method,
) -> Result<CodePage, AppError> {
    let (intro, hint, resend) = match (method, pending.phone.as_deref()) {
        (Method::Sms, Some(phone)) => {
            let last = last_send_at(&state.db, pending.user.id, Purpose::SignIn).await?;
            let wait_secs = last
                .map_or(0, |at| at + state.sms.cooldown_secs() - state.clock.now())
                .max(0);
            let now = state.clock.now();
            let waiting = latest_challenge(&state.db, pending.user.id, Purpose::SignIn)
                .await?
                .is_some_and(|c| c.consumed_at.is_none() && c.expires_at > now);
            let intro = if waiting {
                format!(
                    "We sent a 6-digit code by text message to {}.",
                    mask_phone(phone)
                )
            } else {
                format!("We will text a 6-digit code to {}.", mask_phone(phone))
            };
            // "Send code" only when switching to SMS from the app; a failed first send
            // is retried with "Send again".
            let label = if waiting || pending.user.sms_phone().is_some() {
                "Send again"
            } else {
                "Send code"
            };
            let resend = Resend {
                action: "/login/verify/resend",
                label,
                wait_secs,
            };
            (intro, SMS_HINT, Some(resend))
        }
        _ => (
            "Open your authenticator app and enter the code it shows for this account.".to_owned(),
            APP_HINT,
            None,
        ),
    };
    Ok(CodePage {
        layout,
        title: "Enter your verification code",
        intro,
        hint,
        action: "/login/verify",
        with: Some(method.as_str()),
        resend,
        alternatives: alternatives(pending, method),
        offer_trust: true,
        errors: FormErrors::default(),
    })
}

/// After the password: for SMS sends the sign-in code; then shows where to enter it.
pub async fn begin(
    state: &AppState,
    layout: Layout,
    user: &User,
    origin: &Origin,
) -> Result<HttpResponse, AppError> {
    let event = AuditEvent::by_user(
        EventKind::SignInCodeRequired,
        user.id,
        origin,
        user.two_factor_method.as_deref(),
    );
    record_event(&state.db.pool, &event).await?;
    let Some(phone) = user.sms_phone() else {
        return Ok(see_other("/login/verify"));
    };
    match state
        .sms
        .send_code(user.id, Purpose::SignIn, phone, origin)
        .await
    {
        Ok(()) => Ok(see_other("/login/verify")),
        Err(err) => {
            let (status, errors) = send_failure(err, &state.clock)?;
            let pending = Pending {
                user: user.clone(),
                phone: Some(phone.to_owned()),
                has_app: state.factors.has_authenticator(user.id).await?,
            };
            page(state, layout, &pending, Method::Sms)
                .await?
                .with_errors(errors)
                .respond(status)
        }
    }
}

#[derive(Deserialize)]
pub struct WithQuery {
    #[serde(default)]
    with: String,
}

pub async fn verify_form(
    query: web::Query<WithQuery>,
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(pending) = pending(&state, &session).await? else {
        return Ok(see_other("/login"));
    };
    let method = pending.method(Method::parse(&query.with));
    page(&state, layout, &pending, method)
        .await?
        .respond(StatusCode::OK)
}

/// Trusts this browser for the user: the device is recorded, the user is told by email,
/// and the response carries the cookie.
async fn trust_this_device(
    state: &AppState,
    user: &User,
    origin: &Origin,
    response: &mut HttpResponse,
) -> Result<(), AppError> {
    let cookie = trusted::trust(state, user.id, origin).await?;
    response
        .add_cookie(&cookie)
        .map_err(|err| AppError::Unexpected(err.into()))?;
    let device = origin
        .user_agent
        .as_deref()
        .map_or_else(|| "An unknown browser".to_owned(), describe);
    let event = AuditEvent::by_user(EventKind::DeviceTrusted, user.id, origin, Some(&device));
    record_event(&state.db.pool, &event).await?;
    notify(
        state,
        user,
        origin,
        Notice::DeviceTrusted { device: &device },
    )
    .await
}

/// Finishes a sign-in after a right code, trusting the browser when asked.
async fn signed_in_with_code(
    state: &AppState,
    session: &Session,
    user: &User,
    origin: &Origin,
    how: &str,
    trust: bool,
) -> Result<HttpResponse, AppError> {
    finish_sign_in(state, session, user, origin, how).await?;
    let mut response = see_other("/");
    if trust {
        trust_this_device(state, user, origin, &mut response).await?;
    }
    Ok(response)
}

async fn finish_sign_in(
    state: &AppState,
    session: &Session,
    user: &User,
    origin: &Origin,
    how: &str,
) -> Result<(), AppError> {
    start_session(state, session, user.id, user.session_duration_secs, origin).await?;
    let event = AuditEvent::by_user(EventKind::SignInSucceeded, user.id, origin, Some(how));
    Ok(record_event(&state.db.pool, &event).await?)
}

#[tracing::instrument(name = "Verify the sign-in code", skip_all)]
pub async fn verify_code(
    req: HttpRequest,
    form: web::Form<CodeForm>,
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(pending) = pending(&state, &session).await? else {
        return Ok(see_other("/login"));
    };
    let method = pending.method(Method::parse(&form.with));
    let code = match form.normalised() {
        Ok(code) => code,
        Err(errors) => {
            let page = page(&state, layout, &pending, method).await?;
            return page
                .with_errors(errors)
                .respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let origin = origin_of(&req);
    let user = &pending.user;
    let trust = form.trust_device.is_some();
    let (status, errors) = match method {
        Method::Sms => match state
            .sms
            .check_code(user.id, Purpose::SignIn, &code, &origin)
            .await?
        {
            CheckOutcome::Verified { .. } => {
                let how = "password and SMS code";
                return signed_in_with_code(&state, &session, user, &origin, how, trust).await;
            }
            outcome => check_failure(&outcome),
        },
        Method::App => {
            let message = match state.factors.check_code(user.id, &code, &origin).await? {
                CodeOutcome::Accepted => {
                    let how = "password and authenticator app";
                    return signed_in_with_code(&state, &session, user, &origin, how, trust).await;
                }
                CodeOutcome::Wrong => (
                    StatusCode::UNAUTHORIZED,
                    "That code is not right. Enter the code your app shows now.",
                ),
                CodeOutcome::Replayed => (
                    StatusCode::UNAUTHORIZED,
                    "That code has already been used. Wait for your app to show a new code.",
                ),
                CodeOutcome::Throttled => (
                    StatusCode::TOO_MANY_REQUESTS,
                    "Too many wrong codes. Wait 15 minutes and try again.",
                ),
            };
            let mut errors = FormErrors::default();
            errors.add("code", message.1);
            (message.0, errors)
        }
    };
    page(&state, layout, &pending, method)
        .await?
        .with_errors(errors)
        .respond(status)
}

#[tracing::instrument(name = "Send the sign-in code again", skip_all)]
pub async fn resend_code(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(pending) = pending(&state, &session).await? else {
        return Ok(see_other("/login"));
    };
    let Some(phone) = pending.phone.as_deref() else {
        return Ok(see_other("/login/verify"));
    };
    match state
        .sms
        .send_code(pending.user.id, Purpose::SignIn, phone, &origin_of(&req))
        .await
    {
        Ok(()) => Ok(see_other("/login/verify?with=sms&notice=code-sent")),
        Err(err) => {
            let (status, errors) = send_failure(err, &state.clock)?;
            let page = page(&state, layout, &pending, Method::Sms).await?;
            page.with_errors(errors).respond(status)
        }
    }
}

#[derive(Template)]
#[template(path = "login/recovery.html")]
struct RecoveryPage {
    layout: Layout,
    errors: FormErrors,
}

pub async fn recovery_form(
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    if pending(&state, &session).await?.is_none() {
        return Ok(see_other("/login"));
    }
    render(
        StatusCode::OK,
        &RecoveryPage {
            layout,
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct RecoveryForm {
    #[serde(default)]
    recovery_code: String,
}

#[tracing::instrument(name = "Sign in with a recovery code", skip_all)]
pub async fn use_recovery_code(
    req: HttpRequest,
    form: web::Form<RecoveryForm>,
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(pending) = pending(&state, &session).await? else {
        return Ok(see_other("/login"));
    };
    let user = &pending.user;
    let mut errors = FormErrors::default();
    if form.recovery_code.trim().is_empty() {
        errors.add("recovery_code", "Enter one of your recovery codes.");
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RecoveryPage { layout, errors },
        );
    }
    let origin = origin_of(&req);
    let status = match state
        .factors
        .use_recovery_code(user.id, &form.recovery_code, &origin)
        .await?
    {
        RecoveryOutcome::Accepted { remaining } => {
            finish_sign_in(
                &state,
                &session,
                user,
                &origin,
                "password and recovery code",
            )
            .await?;
            notify(
                &state,
                user,
                &origin,
                Notice::RecoveryCodeUsed { remaining },
            )
            .await?;
            return Ok(see_other("/account/security?notice=recovery-used"));
        }
        RecoveryOutcome::Wrong => {
            errors.add(
                "recovery_code",
                "That recovery code is not right, or it has been used already.",
            );
            StatusCode::UNAUTHORIZED
        }
        RecoveryOutcome::Throttled => {
            errors.add(
                "recovery_code",
                "Too many wrong codes. Wait 15 minutes and try again.",
            );
            StatusCode::TOO_MANY_REQUESTS
        }
    };
    render(status, &RecoveryPage { layout, errors })
}
