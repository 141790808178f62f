//! Trusted devices, active sessions and "Stay signed in for", as listed on My security
//! settings.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::db::devices::TrustedDevice;
use crate::db::sessions::SessionSummary;
use crate::db::users::User;
use crate::domain::language::Language;
use crate::domain::policy::PlatformSettings;
use crate::domain::sessions::{duration_label, offered_choices};
use crate::domain::tokens::is_well_formed_token;
use crate::web::errors::AppError;
use crate::web::ids::Id;
use crate::web::layout::Layout;
use crate::web::parts::devices::{DeviceRow, SessionRow};
use crate::web::request::SignedIn;
use crate::web::responses::see_other;
use crate::web::session::{change_lifetime, public_id};

pub struct DurationChoice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// What the security page lists about devices and sessions.
pub struct DevicesAndSessions {
    pub devices: Vec<DeviceRow>,
    pub sessions: Vec<SessionRow>,
    /// Empty when the platform does not let users choose.
    pub durations: Vec<DurationChoice>,
}

/// The lists in `language`, the page's.
pub fn devices_and_sessions(
    platform: &PlatformSettings,
    session: &Session,
    user: &User,
    (devices, this_device): (Vec<TrustedDevice>, Option<&str>),
    sessions: Vec<SessionSummary>,
    language: Language,
) -> DevicesAndSessions {
    let current = public_id(session);
    let devices = devices
        .into_iter()
        .map(|device| DeviceRow::from(device, this_device, language))
        .collect();
    let sessions = sessions
        .into_iter()
        .map(|s| SessionRow::from(s, current.as_deref(), language))
        .collect();
    let durations = if platform.users_choose_session_duration {
        offered_choices(platform.max_session_secs)
            .into_iter()
            .map(|secs| DurationChoice {
                value: secs.map_or_else(|| "browser".to_owned(), |s| s.to_string()),
                label: duration_label(secs, language),
                selected: secs == user.session_duration_secs,
            })
            .collect()
    } else {
        Vec::new()
    };
    DevicesAndSessions {
        devices,
        sessions,
        durations,
    }
}

pub async fn remove_one_device(
    me: SignedIn,
    path: web::Path<Id>,
) -> Result<HttpResponse, AppError> {
    me.services()
        .remove_device(&me.user, path.into_inner().0, &me.origin)
        .await?;
    Ok(see_other("/account/security?notice=device-removed"))
}

pub async fn remove_every_device(me: SignedIn) -> Result<HttpResponse, AppError> {
    me.services()
        .remove_all_devices(&me.user, &me.origin)
        .await?;
    Ok(see_other("/account/security?notice=devices-removed"))
}

pub async fn end_one_session(
    me: SignedIn,
    path: web::Path<String>,
    session: Session,
) -> Result<HttpResponse, AppError> {
    let target = path.into_inner();
    if public_id(&session).as_deref() == Some(target.as_str()) {
        // Ending this very session is signing out.
        session.purge();
        me.services().signed_out(me.user.id, &me.origin).await?;
        return Ok(see_other("/login?notice=signed-out"));
    }
    // Any other text names no session, so it ends nothing, as an unknown id does; it is not
    // looked up (PostgreSQL refuses text holding a NUL).
    if is_well_formed_token(&target) {
        me.services()
            .end_session(&me.user, &target, &me.origin)
            .await?;
    }
    Ok(see_other("/account/security?notice=session-ended"))
}

pub async fn end_other_sessions(me: SignedIn, session: Session) -> Result<HttpResponse, AppError> {
    let keep = public_id(&session).unwrap_or_default();
    me.services()
        .end_other_sessions(&me.user, &keep, &me.origin)
        .await?;
    Ok(see_other("/account/security?notice=others-signed-out"))
}

#[derive(Deserialize)]
pub struct DurationForm {
    #[serde(default)]
    duration: String,
}

pub async fn choose_duration(
    me: SignedIn,
    form: web::Form<DurationForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let platform = me.services().platform().await?;
    if !platform.users_choose_session_duration {
        return Err(AppError::Forbidden("account-duration-by-administrator"));
    }
    let offered = offered_choices(platform.max_session_secs);
    let choice = match form.duration.as_str() {
        "browser" => None,
        text => match text
            .parse::<i64>()
            .ok()
            .filter(|secs| offered.contains(&Some(*secs)))
        {
            Some(secs) => Some(secs),
            None => {
                return Err(AppError::BadRequest(
                    layout.lang.t("account-choose-duration"),
                ));
            }
        },
    };
    let lifetime = me
        .services()
        .choose_session_duration(&me.user, choice, &form.duration, &me.origin)
        .await?;
    change_lifetime(&session, lifetime)?;
    Ok(see_other("/account/security?notice=duration-saved"))
}
