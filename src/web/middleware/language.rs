//! Which language a request gets (`domain::language`): the person's own choice (signed in,
//! or identified by the password step), the `lang` cookie, `Accept-Language`, the platform's
//! default. The answer says which (`Content-Language`) and what it depended on (`Vary`).

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, web};

use crate::domain::language::{Language, Preferences};
use crate::web::context::CurrentUser;
use crate::web::session::{loaded_user, pending_user};
use crate::web::state::AppState;

/// The cookie the "Language" menu sets.
pub const LANG_COOKIE: &str = "lang";

/// The language this request is answered in.
#[derive(Clone, Copy, Debug)]
pub struct RequestLanguage(pub Language);

pub async fn negotiate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let language = language_of(&req).await;
    req.extensions_mut().insert(RequestLanguage(language));
    let mut res = next.call(req).await?.map_into_boxed_body();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(language.code()),
    );
    headers.append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    Ok(res)
}

async fn language_of(req: &ServiceRequest) -> Language {
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return Language::default();
    };
    // The session first: reading it may write to the extensions.
    let session = req.get_session();
    let signed_in = req
        .extensions()
        .get::<CurrentUser>()
        .map(|current| current.0.language());
    let profile = match signed_in {
        Some(choice) => choice,
        None => pending_user(&session, state.clock.now())
            .and_then(|user_id| loaded_user(&session, user_id))
            .and_then(|loaded| loaded.user.language()),
    };
    let cookie = req.cookie(LANG_COOKIE);
    let accept_language = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    let asked = Preferences {
        profile,
        cookie: cookie.as_ref().map(|c| c.value()),
        accept_language,
    }
    .asked();
    match asked {
        Some(language) => language,
        None => state.services.default_language().await.unwrap_or_default(),
    }
}
