//! Who is signed in. `load_user` runs on every request: it ends sessions that sat idle past
//! the platform's timeout, notes activity (at most once a minute), and puts the user in the
//! request's extensions; `require_sign_in` guards a scope; handlers take `CurrentUser`.

use std::future::{Ready, ready};

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, web};

use crate::db::users::{User, find_user_by_id};
use crate::domain::sessions::is_idle;
use crate::web::errors::AppError;
use crate::web::session::{USER_ID_KEY, cookie_max_age, last_seen, touch};
use crate::web::{AppState, origin_of};

#[derive(Clone, Debug)]
pub struct CurrentUser(pub User);

/// Set on a response whose session cookie should outlive the browser: its Max-Age.
#[derive(Clone, Copy, Debug)]
pub struct SessionCookieMaxAge(pub i64);

async fn signed_in_user(
    req: &ServiceRequest,
    state: &AppState,
    user_id: i64,
) -> Result<Option<User>, AppError> {
    let session = req.get_session();
    let platform = state.platform.get().await?;
    let now = state.clock.now();
    if is_idle(
        last_seen(&session).unwrap_or(now),
        now,
        platform.inactivity_timeout_secs,
    ) {
        return Ok(None);
    }
    let user = find_user_by_id(&state.db, user_id).await?;
    match user {
        Some(user) if !user.is_disabled() => {
            touch(&session, now, &origin_of(req.request()))?;
            Ok(Some(user))
        }
        // Deleted or disabled since signing in.
        _ => Ok(None),
    }
}

pub async fn load_user(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Err(
            AppError::Unexpected(anyhow::anyhow!("the application state is missing")).into(),
        );
    };
    let session = req.get_session();
    if let Ok(Some(user_id)) = session.get::<i64>(USER_ID_KEY) {
        match signed_in_user(&req, &state, user_id).await {
            Ok(Some(user)) => {
                req.extensions_mut().insert(CurrentUser(user));
            }
            // The session ends here, on the server.
            Ok(None) => session.purge(),
            Err(err) => {
                let (req, _) = req.into_parts();
                return Ok(ServiceResponse::new(
                    req,
                    actix_web::ResponseError::error_response(&err),
                ));
            }
        }
    }
    let mut res = next.call(req).await?.map_into_boxed_body();
    // Read after the handler, which may have signed in or changed the duration.
    if let Some(max_age) = cookie_max_age(&res.request().get_session(), state.clock.now()) {
        res.response_mut()
            .extensions_mut()
            .insert(SessionCookieMaxAge(max_age));
    }
    Ok(res)
}

pub async fn require_sign_in(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if req.extensions().get::<CurrentUser>().is_none() {
        let (req, _) = req.into_parts();
        let res = HttpResponse::SeeOther()
            .insert_header((actix_web::http::header::LOCATION, "/login"))
            .finish();
        return Ok(ServiceResponse::new(req, res));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<CurrentUser>()
                .cloned()
                .ok_or_else(|| {
                    AppError::Unexpected(anyhow::anyhow!(
                        "a signed-in page was served without require_sign_in"
                    ))
                }),
        )
    }
}
