//! The second step of signing in: the code sent by SMS.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::db::audit::{AuditEvent, EventKind, Origin, record_event};
use crate::db::challenges::last_send_at;
use crate::db::users::{User, find_user_by_id};
use crate::domain::codes::Purpose;
use crate::domain::phone::mask_phone;
use crate::verification::CheckOutcome;
use crate::web::code_form::{CodeForm, CodePage, check_failure, send_failure};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::session::{pending_user, sign_in};
use crate::web::{AppState, origin_of, see_other};

/// The user between the two steps, with the number their codes go to.
async fn pending(state: &AppState, session: &Session) -> Result<Option<(User, String)>, AppError> {
    let Some(user_id) = pending_user(session, state.clock.now()) else {
        return Ok(None);
    };
    let user = find_user_by_id(&state.db, user_id).await?;
    Ok(user.filter(|user| !user.is_disabled()).and_then(|user| {
        let phone = user.sms_phone()?.to_owned();
        Some((user, phone))
    }))
}

/// The verification page for a pending sign-in.
pub async fn page(
    state: &AppState,
    layout: Layout,
    user: &User,
    phone: &str,
) -> Result<CodePage, AppError> {
    let next_at = last_send_at(&state.db, user.id, Purpose::SignIn)
        .await?
        .map_or(0, |at| at + state.sms.cooldown_secs());
    Ok(CodePage {
        layout,
        title: "Enter your verification code",
        intro: format!(
            "We sent a 6-digit code by text message to {}.",
            mask_phone(phone)
        ),
        action: "/login/verify",
        resend_action: "/login/verify/resend",
        resend_in: (next_at - state.clock.now()).max(0),
        errors: FormErrors::default(),
    })
}

/// After the password: sends the sign-in code and shows where to enter it.
pub async fn begin(
    state: &AppState,
    layout: Layout,
    user: &User,
    phone: &str,
    origin: &Origin,
) -> Result<HttpResponse, AppError> {
    record_event(
        &state.db.pool,
        &AuditEvent {
            kind: EventKind::SignInCodeRequired,
            actor_user_id: Some(user.id),
            subject_user_id: Some(user.id),
            origin,
            detail: None,
        },
    )
    .await?;
    match state
        .sms
        .send_code(user.id, Purpose::SignIn, phone, origin)
        .await
    {
        Ok(()) => Ok(see_other("/login/verify")),
        Err(err) => {
            let (status, errors) = send_failure(err, &state.clock)?;
            let page = page(state, layout, user, phone).await?;
            page.with_errors(errors).respond(status)
        }
    }
}

pub async fn verify_form(
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some((user, phone)) = pending(&state, &session).await? else {
        return Ok(see_other("/login"));
    };
    page(&state, layout, &user, &phone)
        .await?
        .respond(StatusCode::OK)
}

#[tracing::instrument(name = "Verify the sign-in code", skip_all)]
pub async fn verify_code(
    req: HttpRequest,
    form: web::Form<CodeForm>,
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some((user, phone)) = pending(&state, &session).await? else {
        return Ok(see_other("/login"));
    };
    let code = match form.normalised() {
        Ok(code) => code,
        Err(errors) => {
            let page = page(&state, layout, &user, &phone).await?;
            return page
                .with_errors(errors)
                .respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let origin = origin_of(&req);
    let outcome = state
        .sms
        .check_code(user.id, Purpose::SignIn, &code, &origin)
        .await?;
    if let CheckOutcome::Verified { .. } = outcome {
        sign_in(&session, user.id, state.clock.now())?;
        record_event(
            &state.db.pool,
            &AuditEvent {
                kind: EventKind::SignInSucceeded,
                actor_user_id: Some(user.id),
                subject_user_id: Some(user.id),
                origin: &origin,
                detail: Some("password and SMS code"),
            },
        )
        .await?;
        return Ok(see_other("/"));
    }
    let (status, errors) = check_failure(&outcome);
    page(&state, layout, &user, &phone)
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
    let Some((user, phone)) = pending(&state, &session).await? else {
        return Ok(see_other("/login"));
    };
    match state
        .sms
        .send_code(user.id, Purpose::SignIn, &phone, &origin_of(&req))
        .await
    {
        Ok(()) => Ok(see_other("/login/verify?notice=code-sent")),
        Err(err) => {
            let (status, errors) = send_failure(err, &state.clock)?;
            let page = page(&state, layout, &user, &phone).await?;
            page.with_errors(errors).respond(status)
        }
    }
}
