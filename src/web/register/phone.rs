//! "Register with phone number": the number, the code that proves it, then "Name" and
//! "Email". The account is usable by phone at once; its address is confirmed by the
//! emailed link, as at `/register`.
//!
//! Every number gets the same answers up to the code; the code proves the number, so
//! after it a number that already belongs to an account leads into that account. The
//! name-and-email step answers the same whether or not the address has an account.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::domain::account::{normalise_email, normalise_name};
use crate::domain::codes::{Purpose, Subject};
use crate::domain::oidc::Proof;
use crate::domain::phone::{format_international, mask_phone};
use crate::domain::time::time_of_day;
use crate::services::phone_sign_in::{PhoneCheck, PhoneRegistration, PhoneTarget};
use crate::services::sms_codes::{CheckOutcome, SendError};
use crate::web::code_form::{
    CodeForm, CodePage, Resend, SMS_HINT, back_after_refusal, code_failure, send_failure,
};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::parts::phone_number::{Link, PhoneForm, PhoneNumberPage, read_phone};
use crate::web::register::{REGISTRATION_CLOSED, TypedAccount};
use crate::web::request::Visitor;
use crate::web::responses::{render, see_other};
use crate::web::session::{
    PHONE_PASSWORD, PHONE_PROVEN, PHONE_REGISTRATION, PhoneStep, phone_step, set_phone_step,
    start_session,
};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/register/phone")
            .route(web::get().to(phone_form))
            .route(web::post().to(send_code)),
    )
    .service(
        web::resource("/register/phone/verify")
            .route(web::get().to(verify_form))
            .route(web::post().to(verify_code)),
    )
    .service(web::resource("/register/phone/resend").route(web::post().to(resend_code)))
    .service(
        web::resource("/register/phone/details")
            .route(web::get().to(details_form))
            .route(web::post().to(create_account)),
    );
}

/// Registration by phone is open; otherwise its pages are not offered.
async fn require_open(state: &AppState) -> Result<(), AppError> {
    let platform = state.services.platform().await?;
    if !platform.phone_sign_in {
        return Err(AppError::NotFound);
    }
    if !platform.open_registration {
        return Err(AppError::Forbidden(REGISTRATION_CLOSED));
    }
    Ok(())
}

fn number_page(layout: Layout, phone: String, errors: FormErrors) -> PhoneNumberPage {
    PhoneNumberPage {
        layout,
        title: "public-register-with-phone",
        intro: "public-register-phone-intro",
        action: "/register/phone",
        phone,
        links: vec![
            Link {
                href: "/register",
                label: "public-register-with-email",
            },
            Link {
                href: "/login",
                label: "public-have-account-sign-in",
            },
        ],
        errors,
    }
}

async fn phone_form(
    Visitor { state, .. }: Visitor,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_open(&state).await?;
    if layout.user.is_some() {
        return Ok(see_other("/"));
    }
    let page = number_page(layout, String::new(), FormErrors::default());
    render(StatusCode::OK, &page)
}

#[tracing::instrument(name = "Ask for a phone registration code", skip_all)]
async fn send_code(
    Visitor { state, origin }: Visitor,
    session: Session,
    form: web::Form<PhoneForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_open(&state).await?;
    let phone = match read_phone(&state, &form.phone, layout.lang).await? {
        Ok(phone) => phone,
        Err((shown, errors)) => {
            let page = number_page(layout, shown, errors);
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let step = PhoneStep {
        target: PhoneTarget {
            phone: phone.clone(),
            account: None,
        },
        since: state.clock.now(),
        tries: 0,
    };
    match state.services.send_registration_code(&phone, &origin).await {
        Ok(()) => {
            set_phone_step(&session, PHONE_REGISTRATION, &step)?;
            Ok(see_other("/register/phone/verify"))
        }
        Err(err) => {
            let shown = format_international(&phone);
            let (status, errors) = send_failure(err, state.clock.now(), layout.lang)?;
            render(status, &number_page(layout, shown, errors))
        }
    }
}

async fn code_page(
    state: &AppState,
    layout: Layout,
    step: &PhoneStep,
) -> Result<CodePage, AppError> {
    let phone = &step.target.phone;
    let subject = Subject::Phone(phone.clone());
    let origin = crate::db::audit::Origin::default();
    let status = state
        .services
        .code_status(&subject, Purpose::PhoneRegistration, phone, &origin)
        .await?;
    let mut intro = layout
        .tr("public-code-sent-to")
        .arg("phone", mask_phone(phone))
        .to_string();
    let resend = match status.limit {
        Some(limit) => {
            intro = format!("{intro} {}", limit.say(layout.lang));
            None
        }
        None => Some(Resend {
            action: "/register/phone/resend".into(),
            label: "public-send-again",
            wait_secs: status.wait_secs,
            next_at: time_of_day(state.clock.now() + status.wait_secs),
            first: false,
        }),
    };
    Ok(CodePage {
        layout,
        title: "public-enter-code-title",
        intro,
        hint: SMS_HINT,
        action: "/register/phone/verify".into(),
        with: None,
        resend,
        alternatives: Vec::new(),
        offer_trust: false,
        back: Some("/register/phone"),
        step: None,
        errors: FormErrors::default(),
    })
}

const NO_REGISTRATION: &str = "public-no-phone-registration";

async fn verify_form(
    Visitor { state, .. }: Visitor,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_open(&state).await?;
    let Some(step) = phone_step(&session, PHONE_REGISTRATION, state.clock.now()) else {
        return Ok(see_other("/register/phone"));
    };
    code_page(&state, layout, &step)
        .await?
        .respond(StatusCode::OK)
}

#[tracing::instrument(name = "Verify a phone registration code", skip_all)]
async fn verify_code(
    Visitor { state, origin }: Visitor,
    session: Session,
    form: web::Form<CodeForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_open(&state).await?;
    let Some(step) = phone_step(&session, PHONE_REGISTRATION, state.clock.now()) else {
        return Err(AppError::Conflict(NO_REGISTRATION));
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
    let outcome = state
        .services
        .check_registration_code(&step.target.phone, &code, &origin)
        .await?;
    if let CheckOutcome::Verified { .. } = outcome {
        let proven = PhoneStep {
            since: state.clock.now(),
            ..step
        };
        set_phone_step(&session, PHONE_PROVEN, &proven)?;
        return Ok(see_other("/register/phone/details"));
    }
    let (status, errors) = code_failure(&outcome, layout.lang);
    code_page(&state, layout, &step)
        .await?
        .with_errors(errors)
        .respond(status)
}

#[tracing::instrument(name = "Send the phone registration code again", skip_all)]
async fn resend_code(
    Visitor { state, origin }: Visitor,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_open(&state).await?;
    let Some(step) = phone_step(&session, PHONE_REGISTRATION, state.clock.now()) else {
        return Err(AppError::Conflict(NO_REGISTRATION));
    };
    match state
        .services
        .send_registration_code(&step.target.phone, &origin)
        .await
    {
        Ok(()) => {
            let fresh = PhoneStep {
                since: state.clock.now(),
                ..step
            };
            set_phone_step(&session, PHONE_REGISTRATION, &fresh)?;
            Ok(see_other("/register/phone/verify?notice=code-sent"))
        }
        // The page says which limit, and when a code can be asked for again.
        Err(err @ SendError::Refused(_)) => Ok(back_after_refusal(&err, "/register/phone/verify")),
        Err(err) => {
            let (status, errors) = send_failure(err, state.clock.now(), layout.lang)?;
            let page = code_page(&state, layout, &step).await?;
            page.with_errors(errors).respond(status)
        }
    }
}

#[derive(Template)]
#[template(path = "register_phone_details.html")]
struct DetailsPage {
    layout: Layout,
    /// The verified number, in full: the person just proved it is theirs.
    phone: String,
    typed: TypedAccount,
    errors: FormErrors,
}

const NO_VERIFIED_PHONE: &str = "public-no-verified-phone";

async fn details_form(
    Visitor { state, .. }: Visitor,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_open(&state).await?;
    let Some(step) = phone_step(&session, PHONE_PROVEN, state.clock.now()) else {
        return Ok(see_other("/register/phone"));
    };
    let page = DetailsPage {
        layout,
        phone: format_international(&step.target.phone),
        typed: TypedAccount::default(),
        errors: FormErrors::default(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
struct DetailsForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
}

#[tracing::instrument(name = "Create an account with a phone number", skip_all)]
async fn create_account(
    Visitor { state, origin }: Visitor,
    session: Session,
    form: web::Form<DetailsForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_open(&state).await?;
    let Some(step) = phone_step(&session, PHONE_PROVEN, state.clock.now()) else {
        return Err(AppError::Conflict(NO_VERIFIED_PHONE));
    };
    let mut errors = FormErrors::default();
    let name = normalise_name(&form.name)
        .map_err(|p| errors.add("name", p.say(layout.lang)))
        .ok();
    let email = normalise_email(&form.email)
        .map_err(|p| errors.add("email", p.say(layout.lang)))
        .ok();
    let (Some(name), Some(email)) = (name, email) else {
        let page = DetailsPage {
            layout,
            phone: format_international(&step.target.phone),
            typed: TypedAccount {
                name: form.name.trim().chars().take(200).collect(),
                email: form.email.trim().chars().take(300).collect(),
            },
            errors,
        };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let phone = step.target.phone.clone();
    let user = match state
        .services
        .register_by_phone(&phone, &name, &email, &origin)
        .await?
    {
        PhoneRegistration::Created(user) => {
            start_session(&state, &session, &user, &origin, &[Proof::Sms]).await?;
            return Ok(see_other("/?notice=welcome-phone"));
        }
        PhoneRegistration::Existing(user) => user,
        PhoneRegistration::Refused => {
            let page = DetailsPage {
                errors: FormErrors::general(layout.lang.t("public-too-many-accounts")),
                layout,
                phone: format_international(&phone),
                typed: TypedAccount { name, email },
            };
            return render(StatusCode::TOO_MANY_REQUESTS, &page);
        }
    };
    // The number is an account's: the code proved the person owns it.
    match state
        .services
        .existing_account_by_phone(user, &origin)
        .await?
    {
        PhoneCheck::SignedIn(user) => {
            start_session(&state, &session, &user, &origin, &[Proof::Sms]).await?;
            Ok(see_other("/"))
        }
        PhoneCheck::PasswordOwed(user) => {
            let owed = PhoneStep {
                target: PhoneTarget {
                    phone,
                    account: Some(user.id),
                },
                since: state.clock.now(),
                tries: 0,
            };
            set_phone_step(&session, PHONE_PASSWORD, &owed)?;
            Ok(see_other("/login/phone/password"))
        }
        PhoneCheck::PasskeyOwed => Err(AppError::Forbidden(crate::web::code_form::PASSKEY_OWED)),
        _ => Err(AppError::Conflict(NO_VERIFIED_PHONE)),
    }
}
