//! The authorization endpoint. A request is checked (an unknown application or redirect URI
//! gets an error page, never a redirect; every other error goes back to the application),
//! then kept in the session while the browser signs in with the portal's own pages, takes
//! the second step the application wants, and passes the data room's step when the
//! application belongs to a room. Then a code goes back to the application.

use std::collections::HashMap;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};
use url::Url;

use super::language;
use crate::db::applications::Application;
use crate::domain::language::Language;
use crate::domain::oidc::{
    Prompt, Proof, Scopes, asks_two_step, parse_prompt, well_formed_challenge,
};
use crate::domain::rooms::{Entry, entry};
use crate::domain::tokens::random_token;
use crate::services::oidc::CodeRequest;
use crate::web::code_form::is_refusal;
use crate::web::context::CurrentUser;
use crate::web::errors::AppError;
use crate::web::layout::Layout;
use crate::web::middleware::auth::SET_UP_PAGE;
use crate::web::request::Visitor;
use crate::web::responses::{render, see_other};
use crate::web::session::{
    AUTHORIZATION_CONTINUES, keep_authorizations, owes_set_up, proofs, remember_next,
    room_passed_at, safe_next, signed_in_at, start_step_up, waiting_authorizations,
};

/// At most this many applications' sign-ins wait in one browser; the oldest goes first.
const MAX_WAITING: usize = 5;
/// A sign-in left waiting longer is forgotten.
const WAITING_SECS: i64 = 30 * 60;
/// The longest `state` and `nonce` kept.
const MAX_STATE: usize = 2048;

/// An application's sign-in, checked, waiting in the session for the browser to sign in.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Waiting {
    client_id: String,
    redirect_uri: String,
    scopes: Scopes,
    state: Option<String>,
    nonce: Option<String>,
    code_challenge: Option<String>,
    /// `acr_values` asked for a second step.
    two_step: bool,
    prompt: Prompt,
    /// A sign-in at or after this moment is needed (`prompt=login`, `max_age`).
    signed_in_since: Option<i64>,
    login_hint: Option<String>,
    since: i64,
}

/// The origins the browser's waiting sign-ins return to: the pages it signs in with let
/// their forms end there (`form-action`).
pub fn waiting_origins(session: &Session) -> Vec<url::Origin> {
    waiting_authorizations::<Waiting>(session)
        .iter()
        .filter_map(|(_, w)| Url::parse(&w.redirect_uri).ok())
        .map(|u| u.origin())
        .collect()
}

/// The error page for a request that cannot be sent back to any application: the message
/// `id` in `lang`.
fn not_redirectable(lang: Language, id: &str) -> AppError {
    AppError::BadRequest(lang.t(id))
}

/// The application's redirect URI with `pairs` added to its query.
fn back_to(redirect_uri: &str, pairs: &[(&str, &str)]) -> HttpResponse {
    match Url::parse(redirect_uri) {
        Ok(mut url) => {
            url.query_pairs_mut().extend_pairs(pairs);
            see_other(url.as_str())
        }
        // Registered addresses parse (they were checked); this is not reached.
        Err(_) => see_other("/"),
    }
}

/// An error sent back to the application (RFC 6749 §4.1.2.1), with `state` and `iss`.
fn error_back(
    issuer: &str,
    redirect_uri: &str,
    state: Option<&str>,
    error: &str,
    description: &str,
) -> HttpResponse {
    let mut pairs = vec![("error", error), ("error_description", description)];
    if let Some(state) = state {
        pairs.push(("state", state));
    }
    pairs.push(("iss", issuer));
    back_to(redirect_uri, &pairs)
}

/// The request's parameters, each at most once.
fn parameters(raw: &str) -> Result<HashMap<String, String>, ()> {
    let mut params = HashMap::new();
    for (name, value) in url::form_urlencoded::parse(raw.as_bytes()) {
        if params
            .insert(name.into_owned(), value.into_owned())
            .is_some()
        {
            return Err(());
        }
    }
    Ok(params)
}

pub async fn authorize_get(
    visitor: Visitor,
    req: HttpRequest,
    session: Session,
) -> Result<HttpResponse, AppError> {
    let raw = req.query_string().to_owned();
    authorize(visitor, req, session, &raw).await
}

/// A request POSTed by the application's page. Such a cross-site POST carries none of
/// this site's `SameSite=Lax` cookies: answered here, the request would be kept in a new
/// session whose cookie replaces the browser's own (signing it out, and never single
/// sign-on). Once checked, it is sent on as the same request in a GET, a top-level
/// navigation, which carries them; the session is not touched here.
pub async fn authorize_post(
    visitor: Visitor,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let lang = language(&req);
    let raw =
        String::from_utf8(body.to_vec()).map_err(|_| not_redirectable(lang, "oauth-unreadable"))?;
    let params = parameters(&raw).map_err(|()| not_redirectable(lang, "oauth-repeated"))?;
    registered(&visitor, &params, lang).await?;
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&params)
        .finish();
    Ok(see_other(&format!("/oauth2/authorize?{query}")))
}

/// The application a request names and the redirect URI, registered for it, that errors
/// may go back to; else the error page, never a redirect.
async fn registered(
    visitor: &Visitor,
    params: &HashMap<String, String>,
    lang: Language,
) -> Result<(Application, String), AppError> {
    let get = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let application = match get("client_id") {
        Some(client_id) => {
            visitor
                .services()
                .application_by_client_id(client_id)
                .await?
        }
        None => None,
    };
    let Some(application) = application else {
        return Err(not_redirectable(lang, "oauth-unknown-application"));
    };
    let Some(redirect_uri) = get("redirect_uri")
        .filter(|uri| application.redirect_uris().contains(uri))
        .map(str::to_owned)
    else {
        return Err(not_redirectable(lang, "oauth-unregistered-redirect"));
    };
    Ok((application, redirect_uri))
}

#[tracing::instrument(name = "An application asks to sign someone in", skip_all)]
async fn authorize(
    visitor: Visitor,
    req: HttpRequest,
    session: Session,
    raw: &str,
) -> Result<HttpResponse, AppError> {
    let lang = language(&req);
    let Ok(params) = parameters(raw) else {
        return Err(not_redirectable(lang, "oauth-repeated"));
    };
    let (application, redirect_uri) = registered(&visitor, &params, lang).await?;
    let get = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let issuer = visitor.services().issuer();
    let state = get("state").map(str::to_owned);
    let fail = |error: &str, description: &str| {
        Ok(error_back(
            &issuer,
            &redirect_uri,
            state.as_deref(),
            error,
            description,
        ))
    };
    if state.as_deref().is_some_and(|s| s.len() > MAX_STATE) {
        return fail("invalid_request", "state is too long");
    }
    if [get("state"), get("nonce"), get("login_hint")]
        .into_iter()
        .flatten()
        .any(|v| v.chars().any(char::is_control))
    {
        return fail(
            "invalid_request",
            "state, nonce and login_hint may not hold control characters",
        );
    }
    if get("request").is_some() {
        return fail("request_not_supported", "request objects are not supported");
    }
    if get("request_uri").is_some() {
        return fail("request_uri_not_supported", "request_uri is not supported");
    }
    if get("registration").is_some() {
        return fail(
            "registration_not_supported",
            "registration is not supported",
        );
    }
    if get("response_type") != Some("code") {
        return fail(
            "unsupported_response_type",
            "only the authorization code flow (response_type=code) is supported",
        );
    }
    if get("response_mode").is_some_and(|m| m != "query") {
        return fail("invalid_request", "only response_mode=query is supported");
    }
    let Some(scopes) = get("scope").and_then(Scopes::parse) else {
        return fail("invalid_scope", "scope must include openid");
    };
    let code_challenge = get("code_challenge").map(str::to_owned);
    match (code_challenge.as_deref(), get("code_challenge_method")) {
        (None, None) => {}
        (Some(challenge), Some("S256")) if well_formed_challenge(challenge) => {}
        (Some(_), Some("S256")) => return fail("invalid_request", "code_challenge is malformed"),
        (None, Some(_)) => {
            return fail(
                "invalid_request",
                "code_challenge_method without code_challenge",
            );
        }
        (Some(_), _) => {
            return fail(
                "invalid_request",
                "only code_challenge_method=S256 is supported",
            );
        }
    }
    if application.is_public() && code_challenge.is_none() {
        return fail(
            "invalid_request",
            "a public client must use PKCE (code_challenge with S256)",
        );
    }
    let prompt = match parse_prompt(get("prompt").unwrap_or_default()) {
        Ok(prompt) => prompt,
        Err(why) => return fail("invalid_request", why),
    };
    let max_age = match get("max_age").map(str::parse::<i64>) {
        None => None,
        Some(Ok(age)) if age >= 0 => Some(age),
        Some(_) => {
            return fail(
                "invalid_request",
                "max_age must be a whole number of seconds",
            );
        }
    };
    let nonce = get("nonce").map(str::to_owned);
    if nonce.as_deref().is_some_and(|n| n.len() > MAX_STATE) {
        return fail("invalid_request", "nonce is too long");
    }
    let now = visitor.state.clock.now();
    let signed_in_since = match (prompt, max_age) {
        (Prompt::Login, _) => Some(now),
        (_, Some(age)) => Some(now - age),
        _ => None,
    };
    let waiting = Waiting {
        client_id: application.client_id.clone(),
        redirect_uri,
        scopes,
        state,
        nonce,
        code_challenge,
        two_step: get("acr_values").is_some_and(asks_two_step),
        prompt,
        signed_in_since,
        login_hint: get("login_hint").map(|h| h.chars().take(300).collect()),
        since: now,
    };
    let id = random_token()[..22].to_owned();
    let mut all: Vec<(String, Waiting)> = waiting_authorizations(&session);
    all.retain(|(_, w)| now - w.since < WAITING_SECS);
    if all.len() >= MAX_WAITING {
        all.remove(0);
    }
    all.push((id.clone(), waiting.clone()));
    keep_authorizations(&session, &all)?;
    proceed(&visitor, &req, &session, &application, &id, waiting).await
}

#[derive(Deserialize)]
pub struct ContinueQuery {
    #[serde(default)]
    request: String,
}

/// Where the portal's pages send the browser once it has signed in (or passed a step) for
/// a waiting sign-in.
pub async fn continue_authorization(
    visitor: Visitor,
    req: HttpRequest,
    session: Session,
    query: web::Query<ContinueQuery>,
) -> Result<HttpResponse, AppError> {
    let found = waiting_authorizations::<Waiting>(&session)
        .into_iter()
        .find(|(id, w)| *id == query.request && visitor.state.clock.now() - w.since < WAITING_SECS);
    let lang = language(&req);
    let Some((id, waiting)) = found else {
        return Err(not_redirectable(lang, "oauth-no-longer-waiting-why"));
    };
    let Some(application) = visitor
        .services()
        .application_by_client_id(&waiting.client_id)
        .await?
    else {
        forget(&session, &id)?;
        return Err(not_redirectable(lang, "oauth-application-gone"));
    };
    proceed(&visitor, &req, &session, &application, &id, waiting).await
}

fn forget(session: &Session, id: &str) -> Result<(), AppError> {
    let mut all: Vec<(String, Waiting)> = waiting_authorizations(session);
    all.retain(|(other, _)| other != id);
    keep_authorizations(session, &all)?;
    Ok(())
}

/// The waiting sign-in's next step: a page of the portal, an error back to the
/// application, or the code.
async fn proceed(
    visitor: &Visitor,
    req: &HttpRequest,
    session: &Session,
    application: &Application,
    id: &str,
    waiting: Waiting,
) -> Result<HttpResponse, AppError> {
    let issuer = visitor.services().issuer();
    let here = format!("{AUTHORIZATION_CONTINUES}{id}");
    let silent = waiting.prompt == Prompt::None;
    let fail = |error: &str, description: &str| -> Result<HttpResponse, AppError> {
        forget(session, id)?;
        Ok(error_back(
            &issuer,
            &waiting.redirect_uri,
            waiting.state.as_deref(),
            error,
            description,
        ))
    };
    let user = req.extensions().get::<CurrentUser>().map(|c| c.0.clone());
    let auth_time = signed_in_at(session).unwrap_or_default();
    let fresh_enough = waiting
        .signed_in_since
        .is_none_or(|since| auth_time >= since);
    let Some(user) = user.filter(|_| fresh_enough) else {
        if silent {
            return fail("login_required", "the person is not signed in");
        }
        return Ok(to_sign_in(&here, waiting.login_hint.as_deref()));
    };
    let wants_two_step = application.requires_two_step() || waiting.two_step;
    let has_passkey = req
        .extensions()
        .get::<crate::web::context::HasPasskey>()
        .is_some_and(|h| h.0);
    let owes_set_up = owes_set_up(session, user.has_two_step(), has_passkey);
    let proved = proofs(session);
    if owes_set_up || (wants_two_step && !proved.two_step()) {
        if silent {
            return fail("interaction_required", "a second step is needed first");
        }
        if owes_set_up || !user.has_two_step() {
            // Set-up's first code is the second step; its last page returns here.
            remember_next(session, &here)?;
            return Ok(see_other(SET_UP_PAGE));
        }
        if proved.has(crate::domain::oidc::Proof::Password) {
            // Asked, not started: a link from any site must not turn this session into a
            // half sign-in nor send a text.
            return render(
                StatusCode::OK,
                &StepUpPage {
                    layout: Layout::of(req),
                    application: application.name.clone(),
                    by_text: user.sms_phone().is_some(),
                    request: id.to_owned(),
                },
            );
        }
        // Signed in without a password (a phone number's code): sign in again, in full.
        let mut all: Vec<(String, Waiting)> = waiting_authorizations(session);
        let now = visitor.state.clock.now();
        for (other, w) in &mut all {
            if other == id {
                w.signed_in_since = Some(now);
            }
        }
        keep_authorizations(session, &all)?;
        return Ok(to_sign_in(&here, Some(&user.email)));
    }
    if let Some(room_id) = application.room_id {
        let passed_at = room_passed_at(session, user.id, room_id);
        let standing = visitor
            .services()
            .room_standing(&user, room_id, passed_at)
            .await?;
        match standing.map(|(_, standing)| entry(&standing)) {
            Some(Entry::Open) => {}
            Some(Entry::StepOwed { .. }) if silent => {
                return fail(
                    "interaction_required",
                    "the data room's code is needed first",
                );
            }
            Some(Entry::StepOwed { .. }) => {
                return Ok(see_other(&format!("/rooms/{room_id}?authorization={id}")));
            }
            Some(Entry::Denied) | None => {
                return fail(
                    "access_denied",
                    "the person is not a member of the data room this application belongs to",
                );
            }
        }
    }
    let code = visitor
        .services()
        .issue_code(
            &CodeRequest {
                application,
                user: &user,
                redirect_uri: &waiting.redirect_uri,
                scopes: waiting.scopes,
                nonce: waiting.nonce.as_deref(),
                code_challenge: waiting.code_challenge.as_deref(),
                auth_time,
                proofs: &proved,
            },
            &visitor.origin,
        )
        .await?;
    forget(session, id)?;
    let mut pairs = vec![("code", code.as_str())];
    if let Some(state) = waiting.state.as_deref() {
        pairs.push(("state", state));
    }
    pairs.push(("iss", &issuer));
    Ok(back_to(&waiting.redirect_uri, &pairs))
}

/// The sign-in page, to come back to `here`.
fn to_sign_in(here: &str, login_hint: Option<&str>) -> HttpResponse {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("next", here);
    if let Some(hint) = login_hint {
        query.append_pair("email", hint);
    }
    see_other(&format!("/login?{}", query.finish()))
}

#[derive(Template)]
#[template(path = "oauth2/step_up.html")]
struct StepUpPage {
    layout: Layout,
    application: String,
    by_text: bool,
    request: String,
}

#[derive(Deserialize)]
pub struct StepUpForm {
    #[serde(default)]
    request: String,
}

/// "Continue" on the page an application's wish for a second step shows: the code step,
/// asked of a session signed in with the password alone: the sign-in's code page, with a
/// text sent first to a person who gets codes by text (the page says when one cannot be
/// sent now, and offers "Send again"). Anything else goes back to the waiting sign-in,
/// which decides again.
pub async fn step_up(
    visitor: Visitor,
    req: HttpRequest,
    session: Session,
    form: web::Form<StepUpForm>,
) -> Result<HttpResponse, AppError> {
    let here = format!("{AUTHORIZATION_CONTINUES}{}", form.request);
    if safe_next(&here).is_none() {
        return Err(not_redirectable(language(&req), "oauth-no-longer-waiting"));
    }
    let user = req.extensions().get::<CurrentUser>().map(|c| c.0.clone());
    let proved = proofs(&session);
    let waits = waiting_authorizations::<Waiting>(&session)
        .iter()
        .any(|(id, _)| *id == form.request);
    let Some(user) = user
        .filter(|u| waits && u.has_two_step() && proved.has(Proof::Password) && !proved.two_step())
    else {
        return Ok(see_other(&here));
    };
    start_step_up(&session, user.id, visitor.state.clock.now())?;
    remember_next(&session, &here)?;
    if let Some(phone) = user.sms_phone()
        && let Err(err) = visitor
            .services()
            .send_sign_in_code(&user, phone, &visitor.origin)
            .await
        && !is_refusal(&err)
    {
        tracing::warn!(error = %err, "The step-up's code could not be sent");
    }
    Ok(see_other("/login/verify"))
}
