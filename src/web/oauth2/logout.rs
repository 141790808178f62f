//! RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0). An application sends the
//! browser here when its user signs out. With an `id_token_hint` this portal signed for the
//! person signed in here, the session ends at once; otherwise the person is asked, so that
//! no other site can sign them out with a link. The browser then returns to the
//! application's post-logout address only when that address is registered for it.

use std::collections::HashMap;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use url::Url;

use super::language;
use crate::db::applications::Application;
use crate::domain::language::Language;
use crate::web::context::CurrentUser;
use crate::web::errors::AppError;
use crate::web::layout::Layout;
use crate::web::middleware::headers::FormActionAlso;
use crate::web::request::Visitor;
use crate::web::responses::{render, see_other};

#[derive(Template)]
#[template(path = "oauth2/logout.html")]
struct LogoutPage {
    layout: Layout,
    application: Option<String>,
    client_id: String,
    post_logout_redirect_uri: String,
    state: String,
}

/// The request: which application, where to return, and whether the hint proves the
/// application signed this person in.
struct Logout {
    application: Option<Application>,
    /// The registered post-logout address, with `state` added.
    back: Option<Url>,
    hint_subject: Option<String>,
    post_logout_redirect_uri: String,
    state: String,
}

/// The request read; a refusal's words in `lang`.
async fn read(
    visitor: &Visitor,
    params: &HashMap<String, String>,
    lang: Language,
) -> Result<Logout, AppError> {
    let refused = |id: &str| AppError::BadRequest(lang.t(id));
    let get = |name: &str| {
        params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let hint = match get("id_token_hint") {
        Some(token) => visitor
            .services()
            .check_id_token_hint(token)
            .await
            .map_err(|e| AppError::Unexpected(e.into()))?,
        None => None,
    };
    let client_id = match (get("client_id"), hint.as_ref()) {
        (Some(id), Some(hint)) if id != hint.client_id => {
            return Err(refused("oauth-logout-bad-hint"));
        }
        (Some(id), _) => Some(id.to_owned()),
        (None, Some(hint)) => Some(hint.client_id.clone()),
        (None, None) => None,
    };
    let application = match client_id.as_deref() {
        Some(id) => visitor.services().application_by_client_id(id).await?,
        None => None,
    };
    let state = get("state")
        .unwrap_or_default()
        .chars()
        .take(2048)
        .collect::<String>();
    let post_logout_redirect_uri = get("post_logout_redirect_uri")
        .unwrap_or_default()
        .to_owned();
    let back = if post_logout_redirect_uri.is_empty() {
        None
    } else {
        let registered = application.as_ref().is_some_and(|a| {
            a.post_logout_uris()
                .contains(&post_logout_redirect_uri.as_str())
        });
        if !registered {
            return Err(refused("oauth-logout-not-registered"));
        }
        let mut url = Url::parse(&post_logout_redirect_uri)
            .map_err(|_| refused("oauth-logout-not-registered"))?;
        if !state.is_empty() {
            url.query_pairs_mut().append_pair("state", &state);
        }
        Some(url)
    };
    Ok(Logout {
        application,
        back,
        hint_subject: hint.map(|h| h.user_id_subject),
        post_logout_redirect_uri,
        state,
    })
}

fn parameters(raw: &[u8], lang: Language) -> Result<HashMap<String, String>, AppError> {
    let mut params = HashMap::new();
    for (name, value) in url::form_urlencoded::parse(raw) {
        if params
            .insert(name.into_owned(), value.into_owned())
            .is_some()
        {
            return Err(AppError::BadRequest(lang.t("oauth-logout-repeated")));
        }
    }
    Ok(params)
}

/// Where the browser goes once signed out.
fn signed_out(back: Option<&Url>) -> HttpResponse {
    match back {
        Some(url) => see_other(url.as_str()),
        None => see_other("/login?notice=signed-out"),
    }
}

async fn sign_out(req: &HttpRequest, visitor: &Visitor, session: &Session) -> Result<(), AppError> {
    let user = req.extensions().get::<CurrentUser>().map(|c| c.0.id);
    if let Some(user_id) = user {
        visitor
            .services()
            .signed_out(user_id, &visitor.origin)
            .await?;
    }
    session.purge();
    Ok(())
}

pub async fn logout_get(
    visitor: Visitor,
    req: HttpRequest,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let params = parameters(req.query_string().as_bytes(), layout.lang)?;
    logout(visitor, req, session, layout, params).await
}

pub async fn logout_post(
    visitor: Visitor,
    req: HttpRequest,
    session: Session,
    layout: Layout,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let params = parameters(&body, layout.lang)?;
    logout(visitor, req, session, layout, params).await
}

#[tracing::instrument(name = "An application signs its user out", skip_all)]
async fn logout(
    visitor: Visitor,
    req: HttpRequest,
    session: Session,
    layout: Layout,
    params: HashMap<String, String>,
) -> Result<HttpResponse, AppError> {
    let request = read(&visitor, &params, layout.lang).await?;
    let user = req.extensions().get::<CurrentUser>().map(|c| c.0.id);
    let Some(user_id) = user else {
        return Ok(signed_out(request.back.as_ref()));
    };
    let proven = request.hint_subject.as_deref() == Some(&visitor.services().subject_of(user_id));
    if proven {
        sign_out(&req, &visitor, &session).await?;
        return Ok(signed_out(request.back.as_ref()));
    }
    let page = LogoutPage {
        layout,
        application: request.application.as_ref().map(|a| a.name.clone()),
        client_id: request
            .application
            .as_ref()
            .map(|a| a.client_id.clone())
            .unwrap_or_default(),
        post_logout_redirect_uri: request.post_logout_redirect_uri,
        state: request.state,
    };
    let mut response = render(StatusCode::OK, &page)?;
    if let Some(back) = request.back {
        response
            .extensions_mut()
            .insert(FormActionAlso(back.origin()));
    }
    Ok(response)
}

/// "Sign out" on the question page.
pub async fn confirm(
    visitor: Visitor,
    req: HttpRequest,
    session: Session,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let lang = language(&req);
    let mut params = parameters(&body, lang)?;
    params.remove("id_token_hint");
    let request = read(&visitor, &params, lang).await?;
    sign_out(&req, &visitor, &session).await?;
    Ok(signed_out(request.back.as_ref()))
}
