//! Your profile: the name, the email, the profile phone number (PRODUCT.md rule 7) and the
//! language. A new number is kept only once a code sent to it is entered; while "Users can
//! edit their profile" is off the number is read-only ("Ask your administrator"). The
//! language is always the person's own to choose.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::domain::codes::{Purpose, Subject};
use crate::domain::language::Language;
use crate::domain::phone::format_international;
use crate::domain::time::time_of_day;
use crate::i18n::escape_html;
use crate::services::factors::sms::PhoneCodeError;
use crate::services::profile::ProfilePhone;
use crate::services::sms_codes::SendError;
use crate::web::code_form::{
    CodeForm, CodePage, Resend, SMS_HINT, back_after_refusal, code_failure, send_failure,
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

/// Said when "Users can edit their profile" is off (a message id).
pub const ASK_ADMINISTRATOR: &str = "account-ask-administrator";

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
    /// The "Language" select's choices, each named in itself.
    languages: [Language; 4],
}

impl ProfilePage {
    /// "Your sign-in codes go to this number, so it is changed on My security settings.",
    /// with its link.
    fn phone_on_security(&self) -> String {
        let link = format!(
            r#"<a href="/account/security">{}</a>"#,
            escape_html(&self.layout.lang.t("account-security-title"))
        );
        self.layout
            .tr("account-phone-on-security")
            .html("link", &link)
    }
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
        languages: Language::ALL,
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    language: String,
}

/// "Save" on the profile: the language chosen there is the person's own, on every device
/// and in their texts and emails. The page comes back in it.
#[tracing::instrument(name = "Save the profile", skip_all, fields(user_id = me.user.id))]
pub async fn save_profile(
    me: SignedIn,
    form: web::Form<ProfileForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(language) = Language::parse(&form.language) else {
        return Err(AppError::BadRequest(
            layout.lang.t("account-choose-language"),
        ));
    };
    me.services()
        .set_language(me.user.id, Some(language))
        .await?;
    Ok(see_other("/account/profile"))
}

fn phone_page(layout: Layout, phone: String, errors: FormErrors) -> PhoneNumberPage {
    PhoneNumberPage {
        layout,
        title: "account-profile-phone-title",
        intro: "account-profile-phone-intro",
        action: PROFILE_PHONE_PAGE,
        phone,
        links: vec![Link {
            href: "/account/profile",
            label: "account-back-to-profile",
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
        return Err(AppError::Conflict("account-codes-go-to-phone"));
    }
    let typed: String = form.phone.trim().chars().take(PHONE_MAX).collect();
    let field_error = |message: String| {
        let mut errors = FormErrors::default();
        errors.add("phone", message);
        (StatusCode::UNPROCESSABLE_ENTITY, errors)
    };
    let (status, errors) = if form.phone.trim().is_empty() {
        field_error(layout.lang.t("account-enter-new-phone"))
    } else if form.phone.trim().len() > PHONE_MAX {
        field_error(layout.lang.t("account-phone-invalid"))
    } else {
        match state
            .services
            .send_profile_phone_code(&user, &typed, &origin)
            .await
        {
            Ok(Some(_)) => return Ok(see_other(PROFILE_CODE_PAGE)),
            Ok(None) => return Err(AppError::Forbidden(ASK_ADMINISTRATOR)),
            Err(PhoneCodeError::Invalid(problem)) => field_error(problem.say(layout.lang)),
            Err(PhoneCodeError::SameNumber) => field_error(layout.lang.t("account-same-phone")),
            Err(PhoneCodeError::Send(err)) => send_failure(err, state.clock.now(), layout.lang)?,
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
    let mut intro = layout
        .tr("account-profile-code-sent")
        .arg("phone", format_international(phone))
        .to_string();
    let resend = match status.limit {
        Some(limit) => {
            intro = format!("{intro} {}", limit.say(layout.lang));
            None
        }
        None => Some(Resend {
            action: PROFILE_RESEND.into(),
            label: "account-send-again",
            wait_secs: status.wait_secs,
            next_at: time_of_day(state.clock.now() + status.wait_secs),
            first: false,
        }),
    };
    Ok(CodePage {
        layout,
        title: "account-verify-new-phone",
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

/// A code posted, or asked for again, with none waiting (a message id).
const NO_CODE_WAITING: &str = "account-no-code-waiting";

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
    let code = match form.normalised(layout.lang) {
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
    let (status, errors) = code_failure(&outcome, layout.lang);
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
            let (status, errors) = send_failure(err, state.clock.now(), layout.lang)?;
            code_page(&state, layout, user.id, &phone, &origin)
                .await?
                .with_errors(errors)
                .respond(status)
        }
    }
}
