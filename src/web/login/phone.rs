//! "Sign in with phone number": the number, then the code; then, for a user who uses or
//! must use 2-step verification, the password as well (a code to a phone is one factor).
//!
//! Every number gets the same answers: the same redirect, the same code page (it names
//! the masked number the person typed), the same answers to wrong codes (a number that was
//! sent nothing counts its tries in the session as a real code would). The code is sent by
//! a background task, so the timing of the answer does not depend on the number either.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::db::audit::Origin;
use crate::db::users::User;
use crate::domain::codes::MAX_ATTEMPTS;
use crate::domain::oidc::Proof;
use crate::domain::phone::mask_phone;
use crate::domain::time::time_of_day;
use crate::services::account::PasswordCheck;
use crate::services::factors::authenticator::CodeOutcome;
use crate::services::phone_sign_in::{PhoneCheck, PhoneTarget};
use crate::services::sms_codes::{COOLDOWN_SECS, CheckOutcome};
use crate::web::code_form::{
    APP_HINT, Alternative, CodeForm, CodePage, PASSKEY_OWED, Resend, SMS_HINT, code_failure,
};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::forms::empty_secret;
use crate::web::layout::Layout;
use crate::web::login::verify::app_code_failure;
use crate::web::parts::phone_number::{Link, PhoneForm, PhoneNumberPage, read_phone};
use crate::web::request::Visitor;
use crate::web::responses::{render, see_other};
use crate::web::session::{
    PHONE_PASSWORD, PHONE_PROVEN, PHONE_SIGN_IN, PhoneStep, end_phone_step, phone_step,
    remember_next, set_phone_step, start_session, take_next,
};
use crate::web::state::AppState;

/// Phone sign-in is on; otherwise its pages do not exist.
async fn require_on(state: &AppState) -> Result<(), AppError> {
    if state.services.platform().await?.phone_sign_in {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

fn number_page(layout: Layout, phone: String, errors: FormErrors) -> PhoneNumberPage {
    let mut links = vec![Link {
        href: "/login",
        label: "login-phone-email-link",
    }];
    if layout.open_registration {
        links.push(Link {
            href: "/register/phone",
            label: "login-phone-register",
        });
    }
    PhoneNumberPage {
        layout,
        title: "login-with-phone",
        intro: "login-phone-intro",
        action: "/login/phone",
        phone,
        links,
        errors,
    }
}

#[derive(serde::Deserialize)]
pub struct NextQuery {
    /// Where the sign-in page was to return (a room, an application's sign-in): kept in
    /// the session for the end of the phone sign-in.
    #[serde(default)]
    next: String,
}

pub async fn phone_form(
    Visitor { state, .. }: Visitor,
    layout: Layout,
    session: Session,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    require_on(&state).await?;
    if layout.user.is_some() {
        return Ok(see_other("/"));
    }
    remember_next(&session, &query.next)?;
    render(
        StatusCode::OK,
        &number_page(layout, String::new(), FormErrors::default()),
    )
}

/// How long the background send waits before it starts: until the answer, session write
/// included, is out, so the send's own database work (an account's number does more than
/// an unknown one) never delays it.
const SEND_AFTER: std::time::Duration = std::time::Duration::from_millis(50);

/// Sends the code in the background: the answer is the same, as fast, for every number.
fn send_in_background(state: web::Data<AppState>, target: PhoneTarget, origin: Origin) {
    actix_web::rt::spawn(async move {
        actix_web::rt::time::sleep(SEND_AFTER).await;
        if let Err(err) = state
            .services
            .send_phone_sign_in_code(&target, &origin)
            .await
        {
            tracing::error!(error = %err, "The phone sign-in code could not be sent");
        }
    });
}

#[tracing::instrument(name = "Ask for a phone sign-in code", skip_all)]
pub async fn request_code(
    Visitor { state, origin }: Visitor,
    session: Session,
    form: web::Form<PhoneForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_on(&state).await?;
    let phone = match read_phone(&state, &form.phone, layout.lang).await? {
        Ok(phone) => phone,
        Err((shown, errors)) => {
            let page = number_page(layout, shown, errors);
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let target = state.services.phone_target(&phone).await?;
    let step = PhoneStep {
        target: target.clone(),
        since: state.clock.now(),
        tries: 0,
    };
    set_phone_step(&session, PHONE_SIGN_IN, &step)?;
    send_in_background(state.clone(), target, origin);
    Ok(see_other("/login/phone/verify"))
}

async fn code_page(
    state: &AppState,
    layout: Layout,
    step: &PhoneStep,
) -> Result<CodePage, AppError> {
    let now = state.clock.now();
    let masked = mask_phone(&step.target.phone);
    let registration_open = state.services.phone_registration_open().await?;
    // Worded so it is true whether or not the number has an account.
    let intro = if registration_open {
        "login-phone-sent"
    } else {
        "login-phone-sent-if"
    };
    let intro = layout.tr(intro).arg("phone", masked).to_string();
    let wait_secs = (step.since + COOLDOWN_SECS - now).max(0);
    let mut alternatives = vec![Alternative {
        href: "/login".into(),
        label: "login-phone-email-link",
    }];
    if registration_open {
        alternatives.push(Alternative {
            href: "/register/phone".into(),
            label: "login-phone-register",
        });
    }
    Ok(CodePage {
        layout,
        title: "login-code-title",
        intro,
        hint: SMS_HINT,
        action: "/login/phone/verify".into(),
        with: None,
        resend: Some(Resend {
            action: "/login/phone/resend".into(),
            label: "login-send-again",
            wait_secs,
            next_at: time_of_day(now + wait_secs),
            first: false,
        }),
        alternatives,
        offer_trust: false,
        back: Some("/login/phone"),
        step: None,
        errors: FormErrors::default(),
    })
}

fn current_step(state: &AppState, session: &Session) -> Option<PhoneStep> {
    phone_step(session, PHONE_SIGN_IN, state.clock.now())
}

pub async fn verify_form(
    Visitor { state, .. }: Visitor,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_on(&state).await?;
    let Some(step) = current_step(&state, &session) else {
        return Ok(see_other("/login/phone"));
    };
    code_page(&state, layout, &step)
        .await?
        .respond(StatusCode::OK)
}

/// The answer to a wrong code, counted in the session for every number alike: a number
/// that was sent nothing, a code not out yet or refused by a limit all answer as a wrong
/// code does, and five wrong codes end this one as they end a real code.
fn wrong_code(step: &mut PhoneStep) -> CheckOutcome {
    step.tries += 1;
    match MAX_ATTEMPTS - step.tries {
        left if left > 0 => CheckOutcome::Wrong { tries_left: left },
        0 => CheckOutcome::Locked,
        _ => CheckOutcome::Dead,
    }
}

#[tracing::instrument(name = "Verify a phone sign-in code", skip_all)]
pub async fn verify_code(
    Visitor { state, origin }: Visitor,
    session: Session,
    form: web::Form<CodeForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_on(&state).await?;
    let Some(mut step) = current_step(&state, &session) else {
        return Err(AppError::Conflict("login-no-phone-sign-in"));
    };
    let code = match form.normalised(layout.lang) {
        Ok(code) => code,
        Err(errors) => {
            let page = code_page(&state, layout, &step).await?;
            return page
                .with_errors(errors)
                .respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let outcome = match state
        .services
        .check_phone_sign_in(&step.target, &code, &origin)
        .await?
    {
        PhoneCheck::SignedIn(user) => {
            start_session(&state, &session, &user, &origin, &[Proof::Sms]).await?;
            return Ok(see_other(&take_next(&session)));
        }
        PhoneCheck::PasskeyOwed => return Err(AppError::Forbidden(PASSKEY_OWED)),
        PhoneCheck::PasswordOwed(user) => {
            let owed = PhoneStep {
                target: PhoneTarget {
                    phone: step.target.phone,
                    account: Some(user.id),
                },
                since: state.clock.now(),
                tries: 0,
            };
            set_phone_step(&session, PHONE_PASSWORD, &owed)?;
            return Ok(see_other("/login/phone/password"));
        }
        PhoneCheck::PhoneProven => {
            let proven = PhoneStep {
                since: state.clock.now(),
                ..step
            };
            set_phone_step(&session, PHONE_PROVEN, &proven)?;
            return Ok(see_other("/register/phone/details"));
        }
        PhoneCheck::Failed(_) | PhoneCheck::NothingSent => {
            let outcome = wrong_code(&mut step);
            set_phone_step(&session, PHONE_SIGN_IN, &step)?;
            outcome
        }
    };
    let (status, errors) = code_failure(&outcome, layout.lang);
    code_page(&state, layout, &step)
        .await?
        .with_errors(errors)
        .respond(status)
}

#[tracing::instrument(name = "Send the phone sign-in code again", skip_all)]
pub async fn resend_code(
    Visitor { state, origin }: Visitor,
    session: Session,
) -> Result<HttpResponse, AppError> {
    require_on(&state).await?;
    let Some(step) = current_step(&state, &session) else {
        return Err(AppError::Conflict("login-no-phone-sign-in"));
    };
    let now = state.clock.now();
    if now < step.since + COOLDOWN_SECS {
        // "Send again" is enabled without JavaScript: a press too early is told so.
        return Ok(see_other("/login/phone/verify?notice=too-soon"));
    }
    let fresh = PhoneStep {
        since: now,
        tries: 0,
        ..step
    };
    set_phone_step(&session, PHONE_SIGN_IN, &fresh)?;
    send_in_background(state.clone(), fresh.target, origin);
    Ok(see_other("/login/phone/verify?notice=code-sent"))
}

#[derive(Template)]
#[template(path = "login/phone_password.html")]
struct PasswordPage {
    layout: Layout,
    /// "Use authenticator app instead" is offered.
    has_app: bool,
    /// False for an account made with a phone number that never set a password: the page
    /// says how to get one.
    has_password: bool,
    errors: FormErrors,
}

/// The user a password step is for, while it lasts and the account is usable.
async fn password_step_user(state: &AppState, session: &Session) -> Result<Option<User>, AppError> {
    let Some(step) = phone_step(session, PHONE_PASSWORD, state.clock.now()) else {
        return Ok(None);
    };
    let user = match step.target.account {
        Some(id) => state.services.find_user(id).await?,
        None => None,
    };
    Ok(user.filter(|u| !u.is_disabled()))
}

/// Refused when no password step is waiting (a message id).
const NO_PASSWORD_STEP: &str = "login-no-password-step";

pub async fn password_form(
    Visitor { state, .. }: Visitor,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(user) = password_step_user(&state, &session).await? else {
        return Ok(see_other("/login/phone"));
    };
    let page = PasswordPage {
        layout,
        has_app: state.services.has_app(user.id).await?,
        has_password: user.has_password(),
        errors: FormErrors::default(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default = "empty_secret")]
    password: SecretString,
}

#[tracing::instrument(name = "Finish a phone sign-in with the password", skip_all)]
pub async fn check_password(
    Visitor { state, origin }: Visitor,
    session: Session,
    form: web::Form<PasswordForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(user) = password_step_user(&state, &session).await? else {
        end_phone_step(&session, PHONE_PASSWORD);
        return Err(AppError::Conflict(NO_PASSWORD_STEP));
    };
    let has_app = state.services.has_app(user.id).await?;
    let has_password = user.has_password();
    let page = |status, id: &str| {
        let mut errors = FormErrors::default();
        errors.add("password", layout.lang.t(id));
        render(
            status,
            &PasswordPage {
                layout,
                has_app,
                has_password,
                errors,
            },
        )
    };
    if form.password.expose_secret().is_empty() {
        return page(StatusCode::UNPROCESSABLE_ENTITY, "login-enter-password");
    }
    match state
        .services
        .phone_sign_in_password(&user, form.into_inner().password, &origin)
        .await?
    {
        PasswordCheck::Right => {
            start_session(
                &state,
                &session,
                &user,
                &origin,
                &[Proof::Sms, Proof::Password],
            )
            .await?;
            Ok(see_other(&take_next(&session)))
        }
        PasswordCheck::Wrong => page(StatusCode::UNAUTHORIZED, "login-password-wrong"),
        PasswordCheck::Throttled => page(StatusCode::TOO_MANY_REQUESTS, "login-throttled"),
    }
}

/// The authenticator-app code in place of the password.
fn app_page(layout: Layout, errors: FormErrors) -> CodePage {
    CodePage {
        intro: layout.lang.t("login-phone-app-intro"),
        layout,
        title: "login-app-code-title",
        hint: APP_HINT,
        action: "/login/phone/app".into(),
        with: None,
        resend: None,
        alternatives: vec![Alternative {
            href: "/login/phone/password".into(),
            label: "login-use-password-instead",
        }],
        offer_trust: false,
        back: None,
        step: None,
        errors,
    }
}

pub async fn app_form(
    Visitor { state, .. }: Visitor,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(user) = password_step_user(&state, &session).await? else {
        return Ok(see_other("/login/phone"));
    };
    if !state.services.has_app(user.id).await? {
        return Ok(see_other("/login/phone/password"));
    }
    app_page(layout, FormErrors::default()).respond(StatusCode::OK)
}

#[tracing::instrument(name = "Finish a phone sign-in with the app", skip_all)]
pub async fn check_app_code(
    Visitor { state, origin }: Visitor,
    session: Session,
    form: web::Form<CodeForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(user) = password_step_user(&state, &session).await? else {
        end_phone_step(&session, PHONE_PASSWORD);
        return Err(AppError::Conflict(NO_PASSWORD_STEP));
    };
    let code = match form.normalised(layout.lang) {
        Ok(code) => code,
        Err(errors) => {
            return app_page(layout, errors).respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let outcome = state
        .services
        .phone_sign_in_app(&user, &code, &origin)
        .await?;
    if outcome == CodeOutcome::Accepted {
        start_session(&state, &session, &user, &origin, &[Proof::Sms, Proof::App]).await?;
        return Ok(see_other(&take_next(&session)));
    }
    let (status, errors) = app_code_failure(outcome, layout.lang);
    app_page(layout, errors).respond(status)
}
