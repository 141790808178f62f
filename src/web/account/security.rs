//! My security settings: the state of 2-step verification and each sign-in method, turning
//! it on with a phone, changing or removing the phone, turning it off.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::devices::{DevicesAndSessions, devices_and_sessions};
use super::recovery::show_first_codes;
use crate::db::audit::Origin;
use crate::db::users::User;
use crate::domain::codes::Subject;
use crate::domain::factors::FactorMethod;
use crate::domain::language::Language;
use crate::domain::phone::{format_international, mask_phone};
use crate::domain::policy::Requirement;
use crate::domain::recovery::LOW_WATER;
use crate::domain::time::time_of_day;
use crate::domain::tokens::token_digest;
use crate::services::factors::sms::{PhoneCodeError, phone_purpose};
use crate::services::factors::{FactorOn, Removal, RemoveRefusal};
use crate::services::two_step::SecurityOverview;
use crate::web::code_form::{
    CodeForm, CodePage, Resend, SMS_HINT, back_after_refusal, code_failure, is_refusal,
    send_failure,
};
use crate::web::confirmation::ConfirmChange;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::parts::devices::{PasskeyRow, When, when};
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::session::{postpone_set_up, set_up_owed};
use crate::web::state::AppState;
use crate::web::step::{Step, sms_set_up};
use crate::web::trusted::device_token;

pub const PHONE_PAGE: &str = "/account/security/sms";
pub const PHONE_CODE_PAGE: &str = "/account/security/sms/verify";
/// "Send again" on the phone-code page; there is no page at this address.
pub const RESEND_ACTION: &str = "/account/security/sms/resend";

/// One configured sign-in method as the page lists it.
pub struct FactorRow {
    pub label: String,
    /// The number, in full: this is the owner's own page.
    pub detail: Option<String>,
    pub active: bool,
    pub removable: bool,
    pub remove_action: &'static str,
}

#[derive(Template)]
#[template(path = "account/security.html")]
struct SecurityPage {
    layout: Layout,
    /// False for an account made with a phone number: "Set a password" is offered.
    has_password: bool,
    two_step_on: bool,
    /// What the active method is called ("Passkey", "Authenticator app"…).
    method: Option<String>,
    /// The number codes are texted to, in full.
    sms_phone: Option<String>,
    factors: Vec<FactorRow>,
    passkeys: Vec<PasskeyRow>,
    /// The public URL names a host: browsers can make passkeys for it.
    passkeys_available: bool,
    /// The only passkey, of someone who must use 2-step verification with it or is held to
    /// passkeys: it stays.
    keeps_last_passkey: bool,
    /// The administrator requires passkeys of this user.
    held_to_passkeys: bool,
    required: bool,
    /// Required, not set up, and a grace period lasts: set-up is due then.
    set_up_by: Option<When>,
    offered: bool,
    codes_left: i64,
    codes_low: bool,
    lists: DevicesAndSessions,
    /// Just after a factor changed: offer to sign out everywhere else.
    offer_sign_out_others: bool,
}

/// Notices that follow a change of how the user signs in.
const FACTOR_CHANGES: [&str; 10] = [
    "two-step-on",
    "two-step-off",
    "app-on",
    "sms-on",
    "phone-changed",
    "codes-saved",
    "app-removed",
    "phone-removed",
    "passkey-added",
    "passkey-removed",
];

#[derive(Deserialize)]
pub struct NoticeQuery {
    #[serde(default)]
    notice: String,
}

pub async fn security_page(
    SignedIn { state, user, .. }: SignedIn,
    req: HttpRequest,
    query: web::Query<NoticeQuery>,
    session: actix_session::Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let platform = state.services.platform().await?;
    let (requirement, methods) = state.services.policy_of(&user).await?;
    let required = requirement.is_required();
    let SecurityOverview {
        factors,
        passkeys,
        codes_left,
        devices,
        sessions,
    } = state.services.security_overview(&user).await?;
    let this_device =
        device_token(&req, state.settings.is_https()).map(|token| token_digest(&token));
    let lang = layout.lang;
    let lists = devices_and_sessions(
        &platform,
        &session,
        &user,
        (devices, this_device.as_deref()),
        sessions,
        lang,
    );
    let offer_sign_out_others = FACTOR_CHANGES.contains(&query.notice.as_str())
        && lists.sessions.iter().any(|s| !s.current);
    let factors = factors
        .into_iter()
        .map(|method| {
            let active = user.method() == Some(method);
            FactorRow {
                label: method.label(lang),
                detail: match method {
                    FactorMethod::Sms => user.verified_phone().map(format_international),
                    FactorMethod::Authenticator => None,
                    FactorMethod::Passkey => Some(
                        lang.tr("account-passkeys-under")
                            .count(passkeys.len())
                            .to_string(),
                    ),
                },
                active,
                // Passkeys are removed one by one, under Passkeys.
                removable: !(active && required) && remove_action(method).is_some(),
                remove_action: remove_action(method).unwrap_or_default(),
            }
        })
        .collect();
    render(
        StatusCode::OK,
        &SecurityPage {
            layout,
            has_password: user.has_password(),
            two_step_on: user.has_two_step(),
            method: user.method().map(|method| method.label(lang)),
            sms_phone: user.sms_phone().map(format_international),
            factors,
            keeps_last_passkey: passkeys.len() == 1
                && (methods.passkeys_only()
                    || (required && user.method() == Some(FactorMethod::Passkey))),
            held_to_passkeys: methods.passkeys_only(),
            passkeys: passkeys.into_iter().map(PasskeyRow::from).collect(),
            passkeys_available: state.services.passkeys_available(),
            required,
            set_up_by: match requirement {
                Requirement::Required {
                    deadline: Some(deadline),
                } if !user.has_two_step() => Some(when(deadline)),
                _ => None,
            },
            offered: requirement.offers(),
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
    uses_passkey: bool,
    /// Passkeys can be made here (the public URL names a host).
    passkeys_available: bool,
    /// The user is held to passkeys: a passkey is the one method offered.
    passkeys_only: bool,
    /// The policy requires 2-step verification of this user, who has not set it up, or a
    /// passkey of this user, who has none.
    must_set_up: bool,
    /// Days left to set up, offered as "Set up later", while a grace period lasts.
    later_days: Option<i64>,
    errors: FormErrors,
}

pub async fn methods_page(
    me: SignedIn,
    session: actix_session::Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let page = methods(&me, &session, layout, FormErrors::default()).await?;
    render(StatusCode::OK, &page)
}

async fn methods(
    me: &SignedIn,
    session: &actix_session::Session,
    layout: Layout,
    errors: FormErrors,
) -> Result<MethodsPage, AppError> {
    let user = &me.user;
    let (_, methods) = me.services().policy_of(user).await?;
    let owed = me.services().set_up_owed(user).await?;
    let must_set_up = owed.is_some();
    Ok(MethodsPage {
        layout,
        must_set_up,
        passkeys_only: methods.passkeys_only(),
        later_days: owed
            .and_then(|owed| owed.grace_days_left(me.state.clock.now()))
            .filter(|_| set_up_owed(session)),
        saved_phone: user
            .verified_phone()
            .filter(|_| user.sms_phone().is_none())
            .map(format_international),
        uses_app: user.uses_authenticator(),
        uses_sms: user.sms_phone().is_some(),
        uses_passkey: user.method() == Some(FactorMethod::Passkey),
        passkeys_available: me.services().passkeys_available(),
        errors,
    })
}

/// "Set up later" on the forced set-up, while the grace period lasts: every page opens
/// again for this session.
pub async fn set_up_later(
    me: SignedIn,
    session: actix_session::Session,
) -> Result<HttpResponse, AppError> {
    let owed = me.services().set_up_owed(&me.user).await?;
    let deadline = match owed.and_then(|owed| owed.deadline) {
        Some(deadline) if deadline > me.state.clock.now() => deadline,
        _ => return Err(AppError::Forbidden("account-set-up-over")),
    };
    postpone_set_up(&session, deadline)?;
    Ok(see_other("/"))
}

#[derive(Deserialize)]
pub struct MethodChoice {
    #[serde(default)]
    method: String,
}

/// "Continue" on the methods page: each choice has its own page, which asks for the
/// password again if it is due and makes the change itself.
pub async fn choose_method(
    me: SignedIn,
    form: web::Form<MethodChoice>,
    session: actix_session::Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let passkeys_only = me.services().held_to_passkeys(&me.user).await?;
    let next = match FactorMethod::parse(&form.method) {
        // Held to passkeys: no other method is set up.
        Some(FactorMethod::Authenticator | FactorMethod::Sms) if passkeys_only => None,
        Some(FactorMethod::Authenticator) => Some("/account/security/app"),
        Some(FactorMethod::Sms) => Some(PHONE_PAGE),
        Some(FactorMethod::Passkey) => Some(super::passkeys::NEW_PASSKEY_PAGE),
        None => (form.method == "saved-phone" && me.user.verified_phone().is_some())
            .then_some(USE_SAVED_PHONE_PAGE),
    };
    let Some(next) = next else {
        let mut errors = FormErrors::default();
        errors.add("method", layout.lang.t("account-choose-how"));
        let page = methods(&me, &session, layout, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    Ok(see_other(next))
}

pub const USE_SAVED_PHONE_PAGE: &str = "/account/security/sms/use-saved";

/// "Use text messages to …?" before switching back from the app.
pub async fn use_saved_phone_form(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    let Some(phone) = me
        .user
        .verified_phone()
        .filter(|_| me.user.sms_phone().is_none())
    else {
        return Ok(see_other("/account/security/two-step"));
    };
    ConfirmChange {
        title: layout.lang.t("account-use-sms-title"),
        consequences: vec![
            layout
                .tr("account-use-sms-consequence")
                .arg("phone", format_international(phone))
                .to_string(),
            layout.lang.t("account-app-stays"),
        ],
        action: USE_SAVED_PHONE_PAGE.into(),
        button: layout.lang.t("account-use-sms-button"),
        layout,
        danger: false,
        cancel: "/account/security/two-step".into(),
    }
    .respond()
}

/// Where a method turned on leads: the first recovery codes, or the settings with a notice.
fn method_on(
    session: &actix_session::Session,
    state: &AppState,
    (user, step): (&User, Option<Step>),
    on: FactorOn,
    notice: &str,
) -> Result<HttpResponse, AppError> {
    match on {
        FactorOn::Enabled {
            first_codes: Some(codes),
        } => show_first_codes(
            state,
            session,
            user.id,
            &codes,
            step,
            crate::domain::oidc::Proof::Sms,
        ),
        FactorOn::Enabled { first_codes: None } => {
            Ok(see_other(&format!("/account/security?notice={notice}")))
        }
        FactorOn::PhoneChanged => Ok(see_other("/account/security?notice=phone-changed")),
    }
}

/// Switches back to text messages to the number verified before (the app's key is kept).
#[tracing::instrument(name = "Switch back to SMS", skip_all, fields(user_id = me.user.id))]
pub async fn use_saved_phone(
    me: SignedIn,
    session: actix_session::Session,
) -> Result<HttpResponse, AppError> {
    match me.services().use_saved_phone(&me.user, &me.origin).await? {
        Some(on) => method_on(&session, &me.state, (&me.user, None), on, "sms-on"),
        None => Ok(see_other(PHONE_PAGE)),
    }
}

#[derive(Template)]
#[template(path = "account/sms_phone.html")]
struct PhonePage {
    layout: Layout,
    changing: bool,
    step: Option<Step>,
    phone: String,
    errors: FormErrors,
}

pub async fn phone_form(
    SignedIn { state, user, .. }: SignedIn,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let mut errors = FormErrors::default();
    // A number on the profile that cannot take codes (typed before numbers were checked,
    // or a landline) is shown with what to enter instead.
    let platform = state.services.platform().await?;
    if let Some(profile) = user.phone.as_deref().filter(|_| user.sms_phone().is_none())
        && let Err(problem) = platform.sms_phone(profile)
    {
        errors.add(
            "phone",
            layout
                .tr("account-profile-phone-cannot")
                .arg("problem", problem.say(layout.lang)),
        );
    }
    let page = PhonePage {
        layout,
        changing: user.sms_phone().is_some(),
        step: sms_set_up(&user, 1),
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

#[tracing::instrument(name = "Send a code to a new phone", skip_all, fields(user_id = user.id))]
pub async fn send_phone_code(
    SignedIn {
        state,
        user,
        origin,
    }: SignedIn,
    form: web::Form<PhoneForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let typed = form.into_inner().phone.trim().to_owned();
    let field_error = |message: String| {
        let mut errors = FormErrors::default();
        errors.add("phone", message);
        (StatusCode::UNPROCESSABLE_ENTITY, errors)
    };
    let (status, errors) = match state.services.send_phone_code(&user, &typed, &origin).await {
        Ok(_) => return Ok(see_other(PHONE_CODE_PAGE)),
        Err(PhoneCodeError::Invalid(_)) if typed.is_empty() => {
            field_error(layout.lang.t("account-enter-mobile"))
        }
        Err(PhoneCodeError::Invalid(problem)) => field_error(problem.say(layout.lang)),
        Err(PhoneCodeError::SameNumber) => field_error(layout.lang.t("account-same-phone")),
        Err(PhoneCodeError::Send(err)) => send_failure(err, state.clock.now(), layout.lang)?,
    };
    let page = PhonePage {
        layout,
        changing: user.sms_phone().is_some(),
        step: sms_set_up(&user, 1),
        phone: typed,
        errors,
    };
    render(status, &page)
}

/// The number the pending code went to, if a code is waiting.
async fn pending_phone(state: &AppState, user: &User) -> Result<Option<String>, AppError> {
    Ok(state
        .services
        .pending_code_phone(&Subject::User(user.id), phone_purpose(user))
        .await?)
}

async fn phone_code_page(
    state: &AppState,
    layout: Layout,
    user: &User,
    phone: &str,
    origin: &Origin,
) -> Result<CodePage, AppError> {
    let status = state
        .services
        .code_status(&Subject::User(user.id), phone_purpose(user), phone, origin)
        .await?;
    let masked = mask_phone(phone);
    let said = |id: &str| layout.tr(id).arg("phone", &masked).to_string();
    // The limit reached, if one is, is a sentence of its own after the page's.
    let intro = match (&status.waiting_for, &status.limit) {
        (Some(_), None) => said("account-sms-code-sent"),
        (Some(_), Some(limit)) => {
            format!(
                "{} {}",
                said("account-sms-code-sent"),
                limit.say(layout.lang)
            )
        }
        (None, Some(limit)) => {
            format!(
                "{} {}",
                said("account-cannot-text-now"),
                limit.say(layout.lang)
            )
        }
        (None, None) => said("account-no-code-for"),
    };
    Ok(CodePage {
        layout,
        title: if user.sms_phone().is_some() {
            "account-change-phone"
        } else {
            "account-turn-on"
        },
        intro,
        hint: SMS_HINT,
        action: PHONE_CODE_PAGE.into(),
        with: None,
        resend: status.limit.is_none().then(|| Resend {
            action: RESEND_ACTION.into(),
            label: "account-send-again",
            wait_secs: status.wait_secs,
            next_at: time_of_day(state.clock.now() + status.wait_secs),
            first: false,
        }),
        alternatives: Vec::new(),
        offer_trust: false,
        back: Some(PHONE_PAGE),
        step: sms_set_up(user, 2),
        errors: FormErrors::default(),
    })
}

pub async fn phone_code_form(
    SignedIn {
        state,
        user,
        origin,
    }: SignedIn,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(phone) = pending_phone(&state, &user).await? else {
        return Ok(see_other(PHONE_PAGE));
    };
    phone_code_page(&state, layout, &user, &phone, &origin)
        .await?
        .respond(StatusCode::OK)
}

pub async fn verify_phone_code(
    SignedIn {
        state,
        user,
        origin,
    }: SignedIn,
    form: web::Form<CodeForm>,
    session: actix_session::Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(phone) = pending_phone(&state, &user).await? else {
        return Ok(see_other(PHONE_PAGE));
    };
    let code = match form.normalised(layout.lang) {
        Ok(code) => code,
        Err(errors) => {
            let page = phone_code_page(&state, layout, &user, &phone, &origin).await?;
            return page
                .with_errors(errors)
                .respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    match state.services.verify_phone(&user, &code, &origin).await? {
        Ok(on) => method_on(
            &session,
            &state,
            (&user, sms_set_up(&user, 3)),
            on,
            "sms-on",
        ),
        Err(outcome) => {
            let (status, errors) = code_failure(&outcome, layout.lang);
            phone_code_page(&state, layout, &user, &phone, &origin)
                .await?
                .with_errors(errors)
                .respond(status)
        }
    }
}

#[tracing::instrument(name = "Send the phone code again", skip_all, fields(user_id = user.id))]
pub async fn resend_phone_code(
    SignedIn {
        state,
        user,
        origin,
    }: SignedIn,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(phone) = pending_phone(&state, &user).await? else {
        return Ok(see_other(PHONE_PAGE));
    };
    match state
        .services
        .resend_phone_code(&user, &phone, &origin)
        .await
    {
        Ok(()) => Ok(see_other(&format!("{PHONE_CODE_PAGE}?notice=code-sent"))),
        Err(err) if is_refusal(&err) => Ok(back_after_refusal(&err, PHONE_CODE_PAGE)),
        Err(err) => {
            let (status, errors) = send_failure(err, state.clock.now(), layout.lang)?;
            let page = phone_code_page(&state, layout, &user, &phone, &origin).await?;
            page.with_errors(errors).respond(status)
        }
    }
}

/// Where a method's "Remove" posts; at the same address, the question asked first.
/// Passkeys have one "Remove" each instead.
fn remove_action(method: FactorMethod) -> Option<&'static str> {
    match method {
        FactorMethod::Sms => Some("/account/security/sms/remove"),
        FactorMethod::Authenticator => Some("/account/security/app/remove"),
        FactorMethod::Passkey => None,
    }
}

/// "Remove …?": what the person loses by removing a sign-in method, asked before it goes
/// (the "Remove" buttons of the settings post at once; this page is where a removal
/// interrupted by the password question comes back to). A method that is not set up, or
/// cannot be removed, leads back to the settings, which say why.
pub async fn remove_factor_form(
    me: SignedIn,
    method: FactorMethod,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let user = &me.user;
    let Ok(Removal { active, other }) = me.services().removal(user, method).await? else {
        return Ok(see_other("/account/security"));
    };
    let overview = me.services().security_overview(user).await?;
    let lang = layout.lang;
    let (title, mut consequences) = match method {
        FactorMethod::Authenticator => (
            "account-remove-app-title",
            vec![lang.t("account-app-no-longer")],
        ),
        FactorMethod::Sms => ("account-remove-sms-title", vec![no_more_texts(user, lang)]),
        FactorMethod::Passkey => (
            "account-remove-last-passkey-title",
            vec![lang.t("account-passkey-no-longer")],
        ),
    };
    match (active, other) {
        (true, Some(FactorMethod::Sms)) => consequences.push(match user.verified_phone() {
            Some(phone) => lang
                .tr("account-texted-instead-to")
                .arg("phone", format_international(phone))
                .to_string(),
            None => lang.t("account-texted-instead"),
        }),
        (true, Some(FactorMethod::Authenticator)) => {
            consequences.push(lang.t("account-app-instead"))
        }
        (true, Some(FactorMethod::Passkey)) => {
            consequences.push(lang.t("account-passkeys-instead"))
        }
        (true, None) => {
            consequences.push(lang.t("account-two-step-turns-off"));
            if overview.codes_left > 0 {
                consequences.push(codes_will_stop(overview.codes_left, lang));
            }
        }
        (false, _) => {}
    }
    ConfirmChange {
        title: layout.lang.t(title),
        consequences,
        action: remove_action(method)
            .unwrap_or(super::passkeys::PASSKEYS_SECTION)
            .into(),
        button: layout.lang.t("account-remove"),
        danger: true,
        cancel: "/account/security".into(),
        layout,
    }
    .respond()
}

/// "We will no longer text sign-in codes to …", when texts go.
fn no_more_texts(user: &User, lang: Language) -> String {
    match user.verified_phone() {
        Some(phone) => lang
            .tr("account-no-more-texts-to")
            .arg("phone", format_international(phone))
            .to_string(),
        None => lang.t("account-no-more-texts"),
    }
}

/// "Your 3 recovery codes will stop working."
fn codes_will_stop(codes_left: i64, lang: Language) -> String {
    lang.tr("account-codes-will-stop")
        .count(codes_left)
        .to_string()
}

pub async fn remove_phone_form(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    remove_factor_form(me, FactorMethod::Sms, layout).await
}

/// Removes a sign-in method, or refuses with 403 when it is the active one and 2-step
/// verification is required.
pub async fn remove_factor(me: SignedIn, method: FactorMethod) -> Result<HttpResponse, AppError> {
    match me
        .services()
        .remove_factor(&me.user, method, &me.origin)
        .await?
    {
        Ok(()) => Ok(see_other(match method {
            FactorMethod::Sms => "/account/security?notice=phone-removed",
            FactorMethod::Authenticator => "/account/security?notice=app-removed",
            FactorMethod::Passkey => "/account/security?notice=passkey-removed",
        })),
        Err(RemoveRefusal::NotConfigured) => Ok(see_other("/account/security")),
        Err(RemoveRefusal::Required) => Err(AppError::Forbidden("account-method-in-use-required")),
        Err(RemoveRefusal::PasskeysOnly) => {
            Err(AppError::Forbidden(super::passkeys::LAST_PASSKEY_STAYS))
        }
    }
}

#[tracing::instrument(name = "Remove the phone as a sign-in method", skip_all, fields(user_id = me.user.id))]
pub async fn remove_phone(me: SignedIn) -> Result<HttpResponse, AppError> {
    remove_factor(me, FactorMethod::Sms).await
}

pub const TURN_OFF_PAGE: &str = "/account/security/two-step/off";

/// "Turn off 2-step verification?": what stops working, before anything does.
pub async fn turn_off_form(
    SignedIn { state, user, .. }: SignedIn,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    if !user.has_two_step() || state.services.two_step_required(&user).await? {
        return Ok(see_other("/account/security"));
    }
    let overview = state.services.security_overview(&user).await?;
    let lang = layout.lang;
    let mut consequences = vec![lang.t("account-only-password-after")];
    for method in &overview.factors {
        consequences.push(match method {
            FactorMethod::Authenticator => lang.t("account-app-no-longer"),
            FactorMethod::Sms => no_more_texts(&user, lang),
            FactorMethod::Passkey => lang.t("account-passkeys-removed"),
        });
    }
    if overview.codes_left > 0 {
        consequences.push(codes_will_stop(overview.codes_left, lang));
    }
    if !overview.devices.is_empty() {
        consequences.push(lang.t("account-devices-forgotten"));
    }
    ConfirmChange {
        title: lang.t("account-turn-off-title"),
        consequences,
        action: TURN_OFF_PAGE.into(),
        button: lang.t("account-turn-off-button"),
        danger: true,
        cancel: "/account/security".into(),
        layout,
    }
    .respond()
}

#[tracing::instrument(name = "Turn off 2-step verification", skip_all, fields(user_id = me.user.id))]
pub async fn turn_off(me: SignedIn) -> Result<HttpResponse, AppError> {
    if me.services().two_step_required(&me.user).await? {
        return Err(AppError::Forbidden("account-two-step-required"));
    }
    if me.user.has_two_step() {
        me.services().turn_off(&me.user, &me.origin).await?;
    }
    Ok(see_other("/account/security?notice=two-step-off"))
}
