//! My security settings: the state of 2-step verification, turning it on with a phone,
//! changing the phone, turning it off.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::devices::{DevicesAndSessions, devices_and_sessions};
use super::recovery::issue_codes;
use crate::db::audit::{AuditEvent, EventKind, Origin, record_event};
use crate::db::challenges::{last_send_at, latest_challenge};
use crate::db::users::{User, disable_two_step, enable_sms_two_step};
use crate::domain::codes::Purpose;
use crate::domain::phone::{mask_phone, normalise_sms_phone};
use crate::domain::policy::PlatformPolicy;
use crate::domain::recovery::LOW_WATER;
use crate::verification::CheckOutcome;
use crate::web::code_form::{CodeForm, CodePage, Resend, SMS_HINT, check_failure, send_failure};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::middleware::auth::CurrentUser;
use crate::web::notify::{Notice, notify};
use crate::web::{AppState, origin_of, render, see_other};

pub const PHONE_PAGE: &str = "/account/security/sms";
const PHONE_CODE_PAGE: &str = "/account/security/sms/verify";

/// Until the platform settings page exists every instance runs the defaults: 2-step
/// verification Optional, required for administrators.
fn policy() -> PlatformPolicy {
    PlatformPolicy::default()
}

/// Enrolling a first phone and replacing one are different purposes: a code for one never
/// completes the other.
fn phone_purpose(user: &User) -> Purpose {
    if user.sms_phone().is_some() {
        Purpose::PhoneChange
    } else {
        Purpose::PhoneEnrolment
    }
}

async fn audit(
    state: &AppState,
    user: &User,
    kind: EventKind,
    origin: &Origin,
    detail: Option<&str>,
) -> Result<(), AppError> {
    let event = AuditEvent::by_user(kind, user.id, origin, detail);
    Ok(record_event(&state.db.pool, &event).await?)
}

/// Records that the user's codes now come from `method` ("an authenticator app", "text
/// messages to +46 ••• •• 67"), whether 2-step verification was just turned on or switched:
/// audited, and the user is emailed.
pub async fn record_new_method(
    state: &AppState,
    user: &User,
    origin: &Origin,
    method: &str,
) -> Result<(), AppError> {
    let (kind, notice) = if user.has_two_step() {
        (EventKind::MethodChanged, Notice::MethodChanged { method })
    } else {
        (EventKind::TwoStepEnabled, Notice::TwoStepOn { method })
    };
    audit(state, user, kind, origin, Some(method)).await?;
    notify(state, user, origin, notice).await
}

#[derive(Template)]
#[template(path = "account/security.html")]
struct SecurityPage {
    layout: Layout,
    two_step_on: bool,
    uses_app: bool,
    masked_phone: Option<String>,
    required: bool,
    offered: bool,
    codes_left: i64,
    codes_low: bool,
    lists: DevicesAndSessions,
    /// Just after a factor changed: offer to sign out everywhere else.
    offer_sign_out_others: bool,
}

/// Notices that follow a change of how the user signs in.
const FACTOR_CHANGES: [&str; 6] = [
    "two-step-on",
    "two-step-off",
    "app-on",
    "sms-on",
    "phone-changed",
    "codes-saved",
];

#[derive(Deserialize)]
pub struct NoticeQuery {
    #[serde(default)]
    notice: String,
}

pub async fn security_page(
    query: web::Query<NoticeQuery>,
    state: web::Data<AppState>,
    session: actix_session::Session,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    let policy = policy();
    let codes_left = state.factors.recovery_codes_left(user.id).await?;
    let lists = devices_and_sessions(&state, &session, &user).await?;
    let offer_sign_out_others = FACTOR_CHANGES.contains(&query.notice.as_str())
        && lists.sessions.iter().any(|s| !s.current);
    render(
        StatusCode::OK,
        &SecurityPage {
            layout,
            two_step_on: user.has_two_step(),
            uses_app: user.uses_authenticator(),
            masked_phone: user.sms_phone().map(mask_phone),
            required: policy.requires(user.is_admin()),
            offered: policy.offers(user.is_admin()),
            codes_left,
            codes_low: codes_left <= LOW_WATER,
            lists,
            offer_sign_out_others,
        },
    )
}

#[derive(Template)]
#[template(path = "account/two_step_methods.html")]
struct MethodsPage {
    layout: Layout,
    /// A number verified before, offered again when switching back from the app.
    saved_phone: Option<String>,
    uses_app: bool,
    uses_sms: bool,
}

pub async fn methods_page(layout: Layout, user: CurrentUser) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    let page = MethodsPage {
        layout,
        saved_phone: user
            .verified_phone()
            .filter(|_| user.sms_phone().is_none())
            .map(mask_phone),
        uses_app: user.uses_authenticator(),
        uses_sms: user.sms_phone().is_some(),
    };
    render(StatusCode::OK, &page)
}

/// Switches back to text messages to the number verified before (the app's key is kept).
#[tracing::instrument(name = "Switch back to SMS", skip_all, fields(user_id = user.0.id))]
pub async fn use_saved_phone(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    let Some(phone) = user.verified_phone() else {
        return Ok(see_other(PHONE_PAGE));
    };
    enable_sms_two_step(&state.db, user.id, phone, state.clock.now()).await?;
    let method = format!("text messages to {}", mask_phone(phone));
    record_new_method(&state, &user, &origin_of(&req), &method).await?;
    Ok(see_other("/account/security?notice=sms-on"))
}

#[derive(Template)]
#[template(path = "account/sms_phone.html")]
struct PhonePage {
    layout: Layout,
    changing: bool,
    phone: String,
    errors: FormErrors,
}

pub async fn phone_form(
    state: web::Data<AppState>,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    let mut errors = FormErrors::default();
    // A number on the profile that cannot take codes (typed before numbers were checked,
    // or a landline) is shown with what to enter instead.
    if let Some(profile) = user.phone.as_deref().filter(|_| user.sms_phone().is_none())
        && let Err(problem) = normalise_sms_phone(profile, &state.settings.sms_allowed_countries)
    {
        errors.add(
            "phone",
            format!("The phone number on your profile cannot receive codes. {problem}"),
        );
    }
    let page = PhonePage {
        layout,
        changing: user.sms_phone().is_some(),
        phone: user
            .sms_phone()
            .map_or_else(|| user.phone.clone().unwrap_or_default(), |_| String::new()),
        errors,
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct PhoneForm {
    #[serde(default)]
    phone: String,
}

#[tracing::instrument(name = "Send a code to a new phone", skip_all, fields(user_id = user.0.id))]
pub async fn send_phone_code(
    req: HttpRequest,
    form: web::Form<PhoneForm>,
    state: web::Data<AppState>,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    let typed = form.into_inner().phone.trim().to_owned();
    let rerender = |errors: FormErrors, status| {
        let page = PhonePage {
            layout,
            changing: user.sms_phone().is_some(),
            phone: typed.clone(),
            errors,
        };
        render(status, &page)
    };
    let phone = match normalise_sms_phone(&typed, &state.settings.sms_allowed_countries) {
        Ok(phone) => phone,
        Err(problem) => {
            let mut errors = FormErrors::default();
            errors.add(
                "phone",
                if typed.is_empty() {
                    "Enter your mobile phone number.".to_owned()
                } else {
                    problem.to_string()
                },
            );
            return rerender(errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if user.sms_phone() == Some(phone.as_str()) {
        let mut errors = FormErrors::default();
        errors.add(
            "phone",
            "This is already your phone number. Enter the new number.",
        );
        return rerender(errors, StatusCode::UNPROCESSABLE_ENTITY);
    }
    match state
        .sms
        .send_code(user.id, phone_purpose(&user), &phone, &origin_of(&req))
        .await
    {
        Ok(()) => Ok(see_other(PHONE_CODE_PAGE)),
        Err(err) => {
            let (status, errors) = send_failure(err, &state.clock)?;
            rerender(errors, status)
        }
    }
}

/// The number the pending code went to, if a code is waiting.
async fn pending_phone(state: &AppState, user: &User) -> Result<Option<String>, AppError> {
    let challenge = latest_challenge(&state.db, user.id, phone_purpose(user)).await?;
    Ok(challenge
        .filter(|c| c.consumed_at.is_none())
        .map(|c| c.phone))
}

async fn phone_code_page(
    state: &AppState,
    layout: Layout,
    user: &User,
    phone: &str,
) -> Result<CodePage, AppError> {
    let next_at = last_send_at(&state.db, user.id, phone_purpose(user))
        .await?
        .map_or(0, |at| at + state.sms.cooldown_secs());
    Ok(CodePage {
        layout,
        title: if user.sms_phone().is_some() {
            "Change phone number"
        } else {
            "Turn on 2-step verification"
        },
        intro: format!(
            "We sent a 6-digit code by text message to {}. Enter it to confirm the number.",
            mask_phone(phone)
        ),
        hint: SMS_HINT,
        action: PHONE_CODE_PAGE,
        with: None,
        resend: Some(Resend {
            action: "/account/security/sms/resend",
            label: "Send again",
            wait_secs: (next_at - state.clock.now()).max(0),
        }),
        alternatives: Vec::new(),
        offer_trust: false,
        errors: FormErrors::default(),
    })
}

pub async fn phone_code_form(
    state: web::Data<AppState>,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    let Some(phone) = pending_phone(&state, &user).await? else {
        return Ok(see_other(PHONE_PAGE));
    };
    phone_code_page(&state, layout, &user, &phone)
        .await?
        .respond(StatusCode::OK)
}

#[tracing::instrument(name = "Verify a new phone", skip_all, fields(user_id = user.0.id))]
pub async fn verify_phone_code(
    req: HttpRequest,
    form: web::Form<CodeForm>,
    state: web::Data<AppState>,
    session: actix_session::Session,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    let Some(phone) = pending_phone(&state, &user).await? else {
        return Ok(see_other(PHONE_PAGE));
    };
    let code = match form.normalised() {
        Ok(code) => code,
        Err(errors) => {
            let page = phone_code_page(&state, layout, &user, &phone).await?;
            return page
                .with_errors(errors)
                .respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let origin = origin_of(&req);
    let purpose = phone_purpose(&user);
    match state
        .sms
        .check_code(user.id, purpose, &code, &origin)
        .await?
    {
        CheckOutcome::Verified { phone } => {
            let now = state.clock.now();
            enable_sms_two_step(&state.db, user.id, &phone, now).await?;
            let masked = mask_phone(&phone);
            if purpose == Purpose::PhoneChange {
                audit(
                    &state,
                    &user,
                    EventKind::PhoneChanged,
                    &origin,
                    Some(&masked),
                )
                .await?;
                notify(
                    &state,
                    &user,
                    &origin,
                    Notice::PhoneChanged { phone: &masked },
                )
                .await?;
                Ok(see_other("/account/security?notice=phone-changed"))
            } else {
                let first_time = !user.has_two_step();
                let method = format!("text messages to {masked}");
                record_new_method(&state, &user, &origin, &method).await?;
                if first_time && state.factors.recovery_codes_left(user.id).await? == 0 {
                    return issue_codes(&state, &session, &req, user.id).await;
                }
                Ok(see_other("/account/security?notice=sms-on"))
            }
        }
        outcome => {
            let (status, errors) = check_failure(&outcome);
            phone_code_page(&state, layout, &user, &phone)
                .await?
                .with_errors(errors)
                .respond(status)
        }
    }
}

#[tracing::instrument(name = "Send the phone code again", skip_all, fields(user_id = user.0.id))]
pub async fn resend_phone_code(
    req: HttpRequest,
    state: web::Data<AppState>,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    let Some(phone) = pending_phone(&state, &user).await? else {
        return Ok(see_other(PHONE_PAGE));
    };
    match state
        .sms
        .send_code(user.id, phone_purpose(&user), &phone, &origin_of(&req))
        .await
    {
        Ok(()) => Ok(see_other(&format!("{PHONE_CODE_PAGE}?notice=code-sent"))),
        Err(err) => {
            let (status, errors) = send_failure(err, &state.clock)?;
            let page = phone_code_page(&state, layout, &user, &phone).await?;
            page.with_errors(errors).respond(status)
        }
    }
}

#[tracing::instrument(name = "Turn off 2-step verification", skip_all, fields(user_id = user.0.id))]
pub async fn turn_off(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    if policy().requires(user.is_admin()) {
        return Err(AppError::Forbidden(
            "2-step verification is required for your account, so it cannot be turned off.",
        ));
    }
    if user.has_two_step() {
        disable_two_step(&state.db, user.id, state.clock.now()).await?;
        let origin = origin_of(&req);
        audit(&state, &user, EventKind::TwoStepDisabled, &origin, None).await?;
        notify(&state, &user, &origin, Notice::TwoStepOff).await?;
    }
    Ok(see_other("/account/security?notice=two-step-off"))
}
