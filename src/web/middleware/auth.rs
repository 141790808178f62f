//! Who is signed in. `load_user` runs on every request: it reads the platform settings
//! (the app name for every page), ends sessions that sat idle past the platform's timeout,
//! notes activity (at most once a minute), and puts the user (read with the session, in the
//! same statement) in the request's extensions;
//! `require_sign_in` guards a scope; handlers take `CurrentUser`.

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};

use crate::db::users::UserSigningIn;
use crate::domain::policy::PlatformSettings;
use crate::domain::sessions::is_idle;
use crate::web::context::{
    AdministersRooms, AppName, CurrentUser, HasPasskey, OpenRegistration, PhoneCountry,
    PhoneSignInOn,
};
use crate::web::errors::AppError;
use crate::web::request::origin_of;
use crate::web::session::{
    USER_ID_KEY, cookie_max_age, last_seen, loaded_user, owes_set_up, touch,
};
use crate::web::state::AppState;

/// Set on a response whose session cookie should outlive the browser: its Max-Age.
#[derive(Clone, Copy, Debug)]
pub struct SessionCookieMaxAge(pub i64);

fn signed_in_user(
    req: &ServiceRequest,
    state: &AppState,
    platform: &PlatformSettings,
    user_id: i64,
) -> Result<Option<UserSigningIn>, AppError> {
    let session = req.get_session();
    let now = state.clock.now();
    if is_idle(
        last_seen(&session).unwrap_or(now),
        now,
        platform.inactivity_timeout_secs,
    ) {
        return Ok(None);
    }
    match loaded_user(&session, user_id) {
        Some(loaded) if !loaded.user.is_disabled() => {
            touch(&session, now, &origin_of(req.request()))?;
            Ok(Some(loaded))
        }
        // Deleted or disabled since signing in.
        _ => Ok(None),
    }
}

async fn identify(req: &ServiceRequest, state: &AppState) -> Result<(), AppError> {
    let session = req.get_session();
    let user_id = session.get::<i64>(USER_ID_KEY).ok().flatten();
    // Without the settings an anonymous request still goes on (`/readyz`, the sign-in
    // page's outage), named after the start-up app name.
    let platform = match state.services.platform().await {
        Ok(platform) => platform,
        Err(err) if user_id.is_some() => return Err(err.into()),
        Err(_) => return Ok(()),
    };
    req.extensions_mut()
        .insert(AppName(platform.app_name.clone()));
    req.extensions_mut()
        .insert(OpenRegistration(platform.open_registration));
    req.extensions_mut()
        .insert(PhoneSignInOn(platform.phone_sign_in));
    req.extensions_mut()
        .insert(PhoneCountry(platform.phone_country().map(str::to_owned)));
    if let Some(user_id) = user_id {
        match signed_in_user(req, state, &platform, user_id)? {
            Some(loaded) => {
                req.extensions_mut()
                    .insert(AdministersRooms(loaded.rooms_administered > 0));
                req.extensions_mut().insert(HasPasskey(loaded.passkeys > 0));
                req.extensions_mut().insert(CurrentUser(loaded.user));
            }
            // The session ends here, on the server.
            None => session.purge(),
        }
    }
    Ok(())
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
    // A session cookie opens nothing under /api/: the key alone says who calls.
    if crate::web::api::is_api(req.path()) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    if let Err(err) = identify(&req, &state).await {
        let (req, _) = req.into_parts();
        return Ok(ServiceResponse::new(
            req,
            actix_web::ResponseError::error_response(&err),
        ));
    }
    let mut res = next.call(req).await?.map_into_boxed_body();
    // Read after the handler, which may have signed in or changed the duration.
    let session = res.request().get_session();
    let waiting = crate::web::oauth2::waiting_origins(&session);
    if !waiting.is_empty() {
        res.response_mut().extensions_mut().insert(
            crate::web::middleware::headers::ApplicationsWaiting(waiting),
        );
    }
    if let Some(max_age) = cookie_max_age(&session, state.clock.now()) {
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

/// Answers `req` with the page of `err`, as a handler's error would be: an `Err` out of a
/// middleware would skip the error pages.
pub fn refuse(req: ServiceRequest, err: &AppError) -> ServiceResponse<BoxBody> {
    let (req, _) = req.into_parts();
    ServiceResponse::new(req, actix_web::ResponseError::error_response(err))
}

/// Where a user who owes set-up may go: the set-up pages (choosing a method, the phone and
/// its code, the app, a passkey, the first recovery codes, the password prompt before them, a first
/// password for an account made with a phone number), "Set up later", signing out, and
/// what every page loads.
fn set_up_path(path: &str) -> bool {
    const PREFIXES: [&str; 7] = [
        "/account/security/two-step",
        "/account/security/passkeys",
        "/account/security/password",
        "/account/security/sms",
        "/account/security/app",
        "/account/security/recovery-codes",
        "/static/",
    ];
    const EXACT: [&str; 4] = ["/account/confirm", "/logout", "/healthz", "/readyz"];
    // An application's sign-in answers for itself (`prompt=none` gets an error, not set-up).
    EXACT.contains(&path)
        || path.starts_with("/oauth2/")
        || path.starts_with("/.well-known/")
        || PREFIXES.iter().any(|prefix| {
            path.strip_prefix(prefix).is_some_and(|rest| {
                prefix.ends_with('/') || rest.is_empty() || rest.starts_with('/')
            })
        })
}

/// A signed-in user who must use 2-step verification and has not set it up, or who is
/// held to passkeys and has none, is taken to set-up from every other page (PRODUCT.md,
/// "Policy", rule 3; "Passkeys and security keys").
pub async fn require_set_up(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let has = req
        .extensions()
        .get::<CurrentUser>()
        .map(|CurrentUser(user)| user.has_two_step())
        .map(|two_step| {
            let passkey = req.extensions().get::<HasPasskey>().is_some_and(|h| h.0);
            (two_step, passkey)
        });
    // The session is read after the extensions are let go: it lives among them.
    let owed =
        has.is_some_and(|(two_step, passkey)| owes_set_up(&req.get_session(), two_step, passkey));
    // Forward auth answers a proxy, not a browser: nginx's `auth_request` takes a redirect
    // for an error (500). The room stays shut until set-up is done.
    if owed && req.path().starts_with(FORWARD_AUTH_PREFIX) {
        let (req, _) = req.into_parts();
        let res = HttpResponse::Unauthorized()
            .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
            .finish();
        return Ok(ServiceResponse::new(req, res));
    }
    if owed && !set_up_path(req.path()) {
        let (req, _) = req.into_parts();
        let res = HttpResponse::SeeOther()
            .insert_header((actix_web::http::header::LOCATION, SET_UP_PAGE))
            .finish();
        return Ok(ServiceResponse::new(req, res));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// The forward-auth gate's paths (`/auth/room/{id}`).
const FORWARD_AUTH_PREFIX: &str = "/auth/room/";

/// Where set-up starts: the choice of method.
pub const SET_UP_PAGE: &str = "/account/security/two-step";
