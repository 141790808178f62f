//! The second step of signing in: a code by SMS or from the authenticator app, or a
//! recovery code. Nothing of the account is reachable until one of them is right.

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::error::InternalError;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use askama::Template;
use futures_util::future::LocalBoxFuture;
use serde::Deserialize;

use crate::db::audit::Origin;
use crate::db::users::User;
use crate::domain::codes::{Purpose, Subject};
use crate::domain::factors::FactorMethod;
use crate::domain::language::Language;
use crate::domain::oidc::Proof;
use crate::domain::passkeys::credential_text;
use crate::domain::phone::mask_phone;
use crate::domain::time::time_of_day;
use crate::services::factors::authenticator::CodeOutcome;
use crate::services::factors::passkeys::PasskeyCheck;
use crate::services::sign_in::{PasskeyStep, PendingSignIn, RecoverySignIn, SecondStep};
use crate::web::code_form::{
    APP_HINT, Alternative, CodeForm, CodePage, Resend, SMS_HINT, back_after_refusal, code_failure,
    is_refusal, send_failure,
};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::login::passkey::{PasskeyForm, refused};
use crate::web::request::Visitor;
use crate::web::responses::{render, see_other};
use crate::web::session::{keep_passkey_ceremony, take_passkey_ceremony};
use crate::web::session::{
    loaded_user, pending_user, start_session, take_next, take_waiting_sign_in,
};
use crate::web::state::AppState;
use crate::web::trusted;

/// A browser between the password and the code. Any other request for these pages is
/// sent to the sign-in page.
pub struct Pending {
    pub(super) state: web::Data<AppState>,
    pub(super) session: Session,
    pub(super) origin: Origin,
    pub(super) pending: PendingSignIn,
}

fn to_sign_in_page() -> actix_web::Error {
    InternalError::from_response("no sign-in in progress", see_other("/login")).into()
}

impl FromRequest for Pending {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let Visitor { state, origin } = Visitor::extract(&req).await?;
            let session = req.get_session();
            let Some(user_id) = pending_user(&session, state.clock.now()) else {
                return Err(to_sign_in_page());
            };
            let Some(pending) = loaded_user(&session, user_id).and_then(PendingSignIn::of) else {
                return Err(to_sign_in_page());
            };
            let pending = state
                .services
                .with_methods_rule(pending)
                .await
                .map_err(AppError::from)?;
            Ok(Self {
                state,
                session,
                origin,
                pending,
            })
        })
    }
}

/// The code step's page for `method`.
fn verify_page(method: FactorMethod) -> String {
    format!("/login/verify?with={}", method.as_str())
}

fn alternatives(pending: &PendingSignIn, showing: FactorMethod) -> Vec<Alternative> {
    let mut links: Vec<Alternative> = FactorMethod::ALL
        .into_iter()
        .filter(|other| *other != showing && pending.has(*other))
        .map(|other| Alternative {
            href: verify_page(other),
            label: match other {
                FactorMethod::Sms => "login-use-sms",
                FactorMethod::Authenticator => "login-use-app",
                FactorMethod::Passkey => "login-use-passkey",
            },
        })
        .collect();
    links.extend(LOST_PHONE_LINKS.map(|(href, label)| Alternative {
        href: href.into(),
        label,
    }));
    links
}

/// The ways in without the phone or app, on every verification page whatever the person
/// has: they reveal nothing about the account. Each with its label's message id.
pub(super) const LOST_PHONE_LINKS: [(&str, &str); 3] = [
    ("/login/recovery", "login-use-recovery-code"),
    ("/login/temporary-code", "login-use-temporary-code"),
    ("/login/lost-phone", "login-lost-phone"),
];

/// The verification page for a pending sign-in and a method.
async fn page(
    state: &AppState,
    layout: Layout,
    pending: &PendingSignIn,
    method: FactorMethod,
    origin: &Origin,
) -> Result<CodePage, AppError> {
    let (intro, hint, resend) = match (method, pending.phone.as_deref()) {
        (FactorMethod::Sms, Some(phone)) => {
            let status = state
                .services
                .code_status(
                    &Subject::User(pending.user.id),
                    Purpose::SignIn,
                    phone,
                    origin,
                )
                .await?;
            let waiting = status.waiting_for.is_some();
            // A code is sent by a POST only, never by opening the page: switching here from
            // the app shows "Send code" first. A failed first send offers "Send again".
            let first = !waiting && pending.user.sms_phone().is_none();
            let intro = match (waiting, &status.limit) {
                (true, _) => "login-sms-sent",
                // Nothing is waiting and nothing can be sent: the limit's words follow.
                (false, Some(_)) => "login-sms-cannot-send",
                (false, None) if first => "login-sms-can-send",
                (false, None) => "login-sms-none-waiting",
            };
            let intro = layout.tr(intro).arg("phone", mask_phone(phone)).to_string();
            // At a limit, no new code can be asked for before the time it says: the page
            // says so instead of offering a button that cannot work.
            let (intro, resend) = match status.limit {
                Some(limit) => (format!("{intro} {}", limit.say(layout.lang)), None),
                None => {
                    let resend = Resend {
                        action: "/login/verify/resend".into(),
                        label: if first {
                            "login-send-code"
                        } else {
                            "login-send-again"
                        },
                        wait_secs: status.wait_secs,
                        next_at: time_of_day(state.clock.now() + status.wait_secs),
                        first,
                    };
                    (intro, Some(resend))
                }
            };
            (intro, SMS_HINT, resend)
        }
        _ => (layout.lang.t("login-app-intro"), APP_HINT, None),
    };
    Ok(CodePage {
        layout,
        title: "login-code-title",
        intro,
        hint,
        action: "/login/verify".into(),
        with: Some(method.as_str()),
        resend,
        alternatives: alternatives(pending, method),
        offer_trust: true,
        back: None,
        step: None,
        errors: FormErrors::default(),
    })
}

/// The second step is done: the session starts with what was proved, the browser goes on
/// to where it was going, trusted when it asked to be (`device_token`).
async fn signed_in(
    state: &AppState,
    session: &Session,
    user: &User,
    origin: &Origin,
    proofs: &[Proof],
    device_token: Option<String>,
) -> Result<HttpResponse, AppError> {
    start_session(state, session, user, origin, proofs).await?;
    let mut response = see_other(&take_next(session));
    if let Some(token) = device_token {
        let days = state.services.platform().await?.trusted_device_days;
        let cookie = trusted::cookie(token, days, state.settings.is_https());
        response
            .add_cookie(&cookie)
            .map_err(|err| AppError::Unexpected(err.into()))?;
    }
    Ok(response)
}

/// After the password: for SMS sends the sign-in code; then shows where to enter it. A
/// provider failure shows the page with its message and a working "Send again" (200: a
/// handled failure of an upstream is not a failure of the portal).
pub async fn begin(
    state: &AppState,
    layout: Layout,
    user: User,
    origin: &Origin,
) -> Result<HttpResponse, AppError> {
    // A passkey is offered first: no text is sent by itself.
    let passkey_first = state.services.passkey_count(user.id).await? > 0;
    let Some(phone) = user
        .sms_phone()
        .filter(|_| !passkey_first)
        .map(str::to_owned)
    else {
        return Ok(see_other("/login/verify"));
    };
    match state
        .services
        .send_sign_in_code(&user, &phone, origin)
        .await
    {
        Ok(()) => Ok(see_other("/login/verify")),
        // The page says which limit, and when a code can be asked for again.
        Err(err) if is_refusal(&err) => Ok(see_other("/login/verify")),
        Err(err) => {
            let (status, errors) = send_failure(err, state.clock.now(), layout.lang)?;
            let Some(pending) = state.services.pending_sign_in(user.id).await? else {
                return Ok(see_other("/login"));
            };
            page(state, layout, &pending, FactorMethod::Sms, origin)
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
    p: Pending,
    query: web::Query<WithQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let method = p.pending.method(FactorMethod::parse(&query.with));
    if method == FactorMethod::Passkey {
        let (errors, status) = (FormErrors::default(), StatusCode::OK);
        let page = passkey_page(&p.state, &p.session, layout, &p.pending, errors, status);
        if let Some(page) = page.await? {
            return Ok(page);
        }
        // Passkeys cannot be used here now (the public URL names an IP address): the
        // person's other way in.
        let other = FactorMethod::ALL
            .into_iter()
            .find(|m| *m != FactorMethod::Passkey && p.pending.has(*m));
        return Ok(see_other(
            &other.map_or_else(|| "/login/recovery".to_owned(), verify_page),
        ));
    }
    page(&p.state, layout, &p.pending, method, &p.origin)
        .await?
        .respond(StatusCode::OK)
}

#[tracing::instrument(name = "Verify the sign-in code", skip_all)]
pub async fn verify_code(
    Pending {
        state,
        session,
        origin,
        pending,
    }: Pending,
    form: web::Form<CodeForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let method = pending.method(FactorMethod::parse(&form.with));
    if pending.passkeys_only() {
        // No code is accepted: the passkey's page, saying so.
        let errors = FormErrors::general(layout.lang.t("login-passkeys-only"));
        let page = passkey_page(
            &state,
            &session,
            layout,
            &pending,
            errors,
            StatusCode::FORBIDDEN,
        );
        if let Some(page) = page.await? {
            return Ok(page);
        }
        return Err(AppError::Forbidden("login-passkeys-only-unavailable"));
    }
    let code = match form.normalised(layout.lang) {
        Ok(code) => code,
        Err(errors) => {
            let page = page(&state, layout, &pending, method, &origin).await?;
            return page
                .with_errors(errors)
                .respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let trust = form.trust_device.is_some();
    let (status, errors) = match state
        .services
        .second_step(&pending, method, &code, trust, &origin)
        .await?
    {
        SecondStep::SignedIn { device_token } => {
            let proofs = [Proof::Password, Proof::from(method)];
            return signed_in(
                &state,
                &session,
                &pending.user,
                &origin,
                &proofs,
                device_token,
            )
            .await;
        }
        SecondStep::Sms(outcome) => code_failure(&outcome, layout.lang),
        SecondStep::App(outcome) => app_code_failure(outcome, layout.lang),
    };
    page(&state, layout, &pending, method, &origin)
        .await?
        .with_errors(errors)
        .respond(status)
}

/// What a wrong authenticator-app code tells the person in `lang`, and with which status.
pub(super) fn app_code_failure(outcome: CodeOutcome, lang: Language) -> (StatusCode, FormErrors) {
    let (status, id) = match outcome {
        CodeOutcome::Replayed => (StatusCode::UNAUTHORIZED, "login-app-code-replayed"),
        CodeOutcome::Throttled => (StatusCode::TOO_MANY_REQUESTS, "login-too-many-codes"),
        CodeOutcome::Wrong | CodeOutcome::Accepted => {
            (StatusCode::UNAUTHORIZED, "login-app-code-wrong")
        }
    };
    let mut errors = FormErrors::default();
    errors.add("code", lang.t(id));
    (status, errors)
}

#[tracing::instrument(name = "Send the sign-in code again", skip_all)]
pub async fn resend_code(p: Pending, layout: Layout) -> Result<HttpResponse, AppError> {
    let Pending {
        state,
        origin,
        pending,
        ..
    } = p;
    let Some(phone) = pending.phone.as_deref() else {
        return Ok(see_other("/login/verify"));
    };
    match state
        .services
        .send_sign_in_code(&pending.user, phone, &origin)
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "{}&notice=code-sent",
            verify_page(FactorMethod::Sms)
        ))),
        Err(err) if is_refusal(&err) => {
            Ok(back_after_refusal(&err, &verify_page(FactorMethod::Sms)))
        }
        Err(err) => {
            let (status, errors) = send_failure(err, state.clock.now(), layout.lang)?;
            let page = page(&state, layout, &pending, FactorMethod::Sms, &origin).await?;
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

/// Reached only with a sign-in in progress (`Pending`).
pub async fn recovery_form(_: Pending, layout: Layout) -> Result<HttpResponse, AppError> {
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
    Pending {
        state,
        session,
        origin,
        pending,
    }: Pending,
    form: web::Form<RecoveryForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let user = &pending.user;
    let mut errors = FormErrors::default();
    if form.recovery_code.trim().is_empty() {
        errors.add("recovery_code", layout.lang.t("login-recovery-enter"));
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RecoveryPage { layout, errors },
        );
    }
    let status = match state
        .services
        .recovery_sign_in(user, &form.recovery_code, &origin)
        .await?
    {
        RecoverySignIn::SignedIn => {
            start_session(
                &state,
                &session,
                user,
                &origin,
                &[Proof::Password, Proof::RecoveryCode],
            )
            .await?;
            // An application's sign-in goes on (the email says a code was used); else
            // the settings, to make new codes.
            if let Some(next) = take_waiting_sign_in(&session) {
                return Ok(see_other(&next));
            }
            return Ok(see_other("/account/security?notice=recovery-used"));
        }
        RecoverySignIn::Wrong => {
            errors.add("recovery_code", layout.lang.t("login-recovery-wrong"));
            StatusCode::UNAUTHORIZED
        }
        RecoverySignIn::Throttled => {
            errors.add("recovery_code", layout.lang.t("login-too-many-codes"));
            StatusCode::TOO_MANY_REQUESTS
        }
    };
    render(status, &RecoveryPage { layout, errors })
}

#[derive(Template)]
#[template(path = "login/passkey_step.html")]
struct PasskeyStepPage {
    layout: Layout,
    options: String,
    alternatives: Vec<Alternative>,
    errors: FormErrors,
}

/// The second step's passkey page, with a new ceremony begun; `None` when the user has no
/// passkey to use (or passkeys cannot be used here).
async fn passkey_page(
    state: &AppState,
    session: &Session,
    layout: Layout,
    p: &PendingSignIn,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Option<HttpResponse>, AppError> {
    let Some(started) = state.services.start_passkey_check(&p.user).await? else {
        return Ok(None);
    };
    keep_passkey_ceremony(session, &started.ceremony)?;
    render(
        status,
        &PasskeyStepPage {
            layout,
            options: started.options,
            alternatives: alternatives(p, FactorMethod::Passkey),
            errors,
        },
    )
    .map(Some)
}

#[tracing::instrument(name = "Check a passkey at the second step", skip_all)]
pub async fn verify_passkey(
    Pending {
        state,
        session,
        origin,
        pending,
    }: Pending,
    form: web::Form<PasskeyForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let ceremony = take_passkey_ceremony(&session);
    let trust = form.trust_device.is_some();
    let check = match (ceremony, credential_text(&form.credential)) {
        (Some(ceremony), Some(credential)) => {
            state
                .services
                .passkey_second_step(&pending, ceremony, credential, trust, &origin)
                .await?
        }
        _ => PasskeyStep::Refused(PasskeyCheck::NotAccepted),
    };
    let refusal = match check {
        PasskeyStep::SignedIn { user, device_token } => {
            let proofs = [Proof::Password, Proof::Passkey];
            return signed_in(&state, &session, &user, &origin, &proofs, device_token).await;
        }
        PasskeyStep::Refused(check) => refused(&check),
    };
    let (status, message) = refusal;
    let errors = FormErrors::general(layout.lang.t(message));
    match passkey_page(&state, &session, layout, &pending, errors, status).await? {
        Some(page) => Ok(page),
        None => Ok(see_other("/login/verify")),
    }
}
