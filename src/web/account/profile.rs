//! Your profile: the name, the email and the profile phone number (PRODUCT.md rule 7). A
//! new number is kept only once a code sent to it is entered; while "Users can edit their
//! profile" is off the number is read-only ("Ask your administrator").

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::domain::codes::{Purpose, Subject};
use crate::domain::phone::format_international;
use crate::domain::time::time_of_day;
use crate::services::factors::sms::PhoneCodeError;
use crate::services::profile::ProfilePhone;
use crate::services::sms_codes::SendError;
use crate::web::code_form::{
    CodeForm, CodePage, Resend, SMS_HINT, back_after_refusal, check_failure, send_failure,
};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::parts::phone_number::{Link, PHONE_MAX, PhoneForm, PhoneNumberPage};
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::state::AppState;

pub const PROFILE_PHONE_PAGE: &str = "/account/profile/phone";
pub const PROFILE_CODE_PAGE: &str = "/account/profile/phone/verify";
pub const PROFILE_RESEND: &str = "/account/profile/phone/resend";

/// Said when "Users can edit their profile" is off.
pub const ASK_ADMINISTRATOR: &str =
    "You cannot change your phone number here. Ask your administrator to change it.";

#[derive(Template)]
#[template(path = "account/profile.html")]
struct ProfilePage {
    layout: Layout,
    name: String,
    email: String,
    email_confirmed: bool,
    phone: Option<String>,
    phone_verified: bool,
    can_edit: bool,
    /// The number is where sign-in codes go: it changes on the security settings.
    sms_factor: bool,
}

pub async fn profile_page(
    SignedIn { state, user, .. }: SignedIn,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let can_edit = state.services.users_edit_profile().await?;
    // An account made with a phone number shows the address waiting for its link.
    let email = match state.services.pending_email(user.id).await? {
        Some(pending) => pending,
        None => user.email.clone(),
    };
    let page = ProfilePage {
        layout,
        name: user.name.clone(),
        email,
        email_confirmed: user.email_is_confirmed(),
        phone: user.phone.as_deref().map(format_international),
        phone_verified: user.verified_phone().is_some(),
        can_edit,
        sms_factor: user.sms_phone().is_some(),
    };
    render(StatusCode::OK, &page)
}

fn phone_page(layout: Layout, phone: String, errors: FormErrors) -> PhoneNumberPage {
    PhoneNumberPage {
        layout,
        title: "Change your phone number",
        intro: "Enter your new mobile number. We will text a code to it: the number is kept once you enter the code.",
        action: PROFILE_PHONE_PAGE,
        phone,
        links: vec![Link {
            href: "/account/profile",
            label: "Back to your profile",
        }],
        errors,
    }
}

async fn require_editable(state: &AppState) -> Result<(), AppError> {
    if state.services.users_edit_profile().await? {
        Ok(())
    } else {
        Err(AppError::Forbidden(ASK_ADMINISTRATOR))
    }
}

pub async fn phone_form(
    SignedIn { state, user, .. }: SignedIn,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_editable(&state).await?;
    if user.sms_phone().is_some() {
        return Ok(see_other("/account/security/sms"));
    }
    render(
        StatusCode::OK,
        &phone_page(layout, String::new(), FormErrors::default()),
    )
}

#[tracing::instrument(name = "Ask for a code to a new profile phone", skip_all)]
pub async fn send_phone_code(
    SignedIn {
        state,
        user,
        origin,
    }: SignedIn,
    form: web::Form<PhoneForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_editable(&state).await?;
    if user.sms_phone().is_some() {
        return Err(AppError::Conflict(
            "Your sign-in codes go to your phone number: change it on My security settings.",
        ));
    }
    let typed: String = form.phone.trim().chars().take(PHONE_MAX).collect();
    let field_error = |message: String| {
        let mut errors = FormErrors::default();
        errors.add("phone", message);
        (StatusCode::UNPROCESSABLE_ENTITY, errors)
    };
    let (status, errors) = if form.phone.trim().is_empty() {
        field_error("Enter your new phone number.".to_owned())
    } else if form.phone.trim().len() > PHONE_MAX {
        field_error(
            "This is not a valid phone number. Check the country code and the digits.".to_owned(),
        )
    } else {
        match state
            .services
            .send_profile_phone_code(&user, &typed, &origin)
            .await
        {
            Ok(Some(_)) => return Ok(see_other(PROFILE_CODE_PAGE)),
            Ok(None) => return Err(AppError::Forbidden(ASK_ADMINISTRATOR)),
            Err(PhoneCodeError::Invalid(problem)) => field_error(problem.to_string()),
            Err(PhoneCodeError::SameNumber) => {
                field_error("This is already your phone number. Enter the new number.".to_owned())
            }
            Err(PhoneCodeError::Send(err)) => send_failure(err, state.clock.now())?,
        }
    };
    render(status, &phone_page(layout, typed, errors))
}

async fn code_page(
    state: &AppState,
    layout: Layout,
    user_id: i64,
    phone: &str,
    origin: &crate::db::audit::Origin,
) -> Result<CodePage, AppError> {
    let status = state
        .services
        .code_status(
            &Subject::User(user_id),
            Purpose::ProfilePhone,
            phone,
            origin,
        )
        .await?;
    let mut intro = format!(
        "We have sent a 6-digit code by text message to {}. Enter it to keep the new number.",
        format_international(phone)
    );
    let resend = match status.limit {
        Some(limit) => {
            intro = format!("{intro} {limit}");
            None
        }
        None => Some(Resend {
            action: PROFILE_RESEND.into(),
            label: "Send again",
            wait_secs: status.wait_secs,
            next_at: time_of_day(state.clock.now() + status.wait_secs),
            first: false,
        }),
    };
    Ok(CodePage {
        layout,
        title: "Verify your new phone number",
        intro,
        hint: SMS_HINT,
        action: PROFILE_CODE_PAGE.into(),
        with: None,
        resend,
        alternatives: Vec::new(),
        offer_trust: false,
        back: Some(PROFILE_PHONE_PAGE),
        step: None,
        errors: FormErrors::default(),
    })
}

/// The number the waiting code went to.
async fn waiting_phone(state: &AppState, user_id: i64) -> Result<Option<String>, AppError> {
    Ok(state
        .services
        .pending_code_phone(&Subject::User(user_id), Purpose::ProfilePhone)
        .await?)
}

pub async fn code_form(
    SignedIn {
        state,
        user,
        origin,
    }: SignedIn,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_editable(&state).await?;
    let Some(phone) = waiting_phone(&state, user.id).await? else {
        return Ok(see_other(PROFILE_PHONE_PAGE));
    };
    code_page(&state, layout, user.id, &phone, &origin)
        .await?
        .respond(StatusCode::OK)
}

const NO_CODE_WAITING: &str =
    "No code is waiting for a new phone number. Enter the new number first.";

#[tracing::instrument(name = "Verify a new profile phone", skip_all)]
pub async fn verify_code(
    SignedIn {
        state,
        user,
        origin,
    }: SignedIn,
    form: web::Form<CodeForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_editable(&state).await?;
    let Some(phone) = waiting_phone(&state, user.id).await? else {
        return Err(AppError::Conflict(NO_CODE_WAITING));
    };
    let code = match form.normalised() {
        Ok(code) => code,
        Err(errors) => {
            let page = code_page(&state, layout, user.id, &phone, &origin).await?;
            return page
                .with_errors(errors)
                .respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let outcome = match state
        .services
        .verify_profile_phone(&user, &code, &origin)
        .await?
    {
        ProfilePhone::Changed => return Ok(see_other("/account/profile?notice=phone-changed")),
        ProfilePhone::NotAllowed => return Err(AppError::Forbidden(ASK_ADMINISTRATOR)),
        ProfilePhone::Failed(outcome) => outcome,
    };
    let (status, errors) = check_failure(&outcome);
    code_page(&state, layout, user.id, &phone, &origin)
        .await?
        .with_errors(errors)
        .respond(status)
}

#[tracing::instrument(name = "Send the profile phone code again", skip_all)]
pub async fn resend_code(
    SignedIn {
        state,
        user,
        origin,
    }: SignedIn,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    require_editable(&state).await?;
    let Some(phone) = waiting_phone(&state, user.id).await? else {
        return Err(AppError::Conflict(NO_CODE_WAITING));
    };
    match state
        .services
        .resend_profile_phone_code(&user, &phone, &origin)
        .await
    {
        Ok(()) => Ok(see_other(&format!("{PROFILE_CODE_PAGE}?notice=code-sent"))),
        Err(err @ SendError::Refused(_)) => Ok(back_after_refusal(&err, PROFILE_CODE_PAGE)),
        Err(err) => {
            let (status, errors) = send_failure(err, state.clock.now())?;
            code_page(&state, layout, user.id, &phone, &origin)
                .await?
                .with_errors(errors)
                .respond(status)
        }
    }
}
