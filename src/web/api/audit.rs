//! `/api/v1/audit`: the audit log, newest first, a page at a time.

use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::Caller;
use super::problem::{ApiError, Problem};
use super::users::read_limit;
use crate::db::audit::EventKind;
use crate::db::directory::{AuditCursor, AuditEntry, AuditFilter};
use crate::domain::api_keys::Scope;
use crate::domain::problems::Problems;
use crate::domain::time::{iso, read_iso};
use crate::services::audit::AuditSubject;

/// One event.
#[derive(Serialize, ToSchema)]
pub struct Event {
    id: i64,
    /// RFC 3339, UTC.
    time: String,
    /// What happened, e.g. `user.two_step_reset`.
    event: String,
    /// Who did it: an email address, `api-key:<name>` for a key, or null (the person
    /// themself signing in, the command line, the portal).
    actor: Option<String>,
    /// Whom it concerns: an email address, or null.
    subject: Option<String>,
    /// The IP address the request came from.
    address: Option<String>,
    detail: Option<String>,
}

impl From<AuditEntry> for Event {
    fn from(entry: AuditEntry) -> Self {
        Self {
            id: entry.id,
            time: iso(entry.at),
            event: entry.event,
            actor: entry
                .actor_email
                .or_else(|| entry.actor_api_key.map(|name| format!("api-key:{name}"))),
            subject: entry.subject_email,
            address: entry.ip,
            detail: entry.detail,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EventPage {
    items: Vec<Event>,
    next_cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Events at or after this time (RFC 3339, UTC, e.g. 2026-12-01T00:00:00Z).
    since: Option<String>,
    /// Events by or about this user: an id or an email address.
    user: Option<String>,
    /// One kind of event, e.g. `user.two_step_reset`.
    event: Option<String>,
    /// 1 to 200, 50 when absent.
    limit: Option<String>,
    /// The `next_cursor` of the page before.
    cursor: Option<String>,
}

#[utoipa::path(
    tag = "audit",
    params(AuditQuery),
    responses(
        (status = 200, body = EventPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[get("/api/v1/audit")]
pub async fn list_events(
    caller: Caller,
    query: web::Query<AuditQuery>,
) -> Result<web::Json<EventPage>, ApiError> {
    caller.needs(Scope::AuditRead)?;
    let query = query.into_inner();
    let limit = read_limit(query.limit.as_deref())?;
    let cursor = match query.cursor.as_deref() {
        None => AuditCursor::START,
        Some(text) => AuditCursor::parse(text)
            .ok_or_else(|| ApiError::field("cursor", "api-cursor-invalid"))?,
    };
    let from = match query.since.as_deref() {
        None => None,
        Some(text) => {
            Some(read_iso(text).ok_or_else(|| ApiError::field("since", "api-since-invalid"))?)
        }
    };
    let event = match query.event {
        None => None,
        Some(text) => {
            if !EventKind::ALL.iter().any(|kind| kind.as_str() == text) {
                return Err(ApiError::field("event", "api-event-invalid"));
            }
            Some(text)
        }
    };
    let services = caller.services();
    let mut filter = AuditFilter {
        event,
        from,
        ..AuditFilter::default()
    };
    match query.user.as_deref().map(str::trim) {
        None | Some("") => {}
        Some(text) => match text.parse::<i64>() {
            Ok(id) => filter.user = Some(id),
            Err(_) => match services.audit_subject(text).await? {
                Ok(AuditSubject::Account(id)) => filter.user = Some(id),
                Ok(AuditSubject::UnknownAddress { key }) => filter.address = Some(key),
                Err(problem) => {
                    let mut problems = Problems::default();
                    problems.add("user", move |lang| problem.say(lang));
                    return Err(ApiError::invalid(problems, &[]));
                }
            },
        },
    }
    let (rows, more) = services.audit_page(&filter, cursor, limit).await?;
    let next_cursor = rows
        .last()
        .filter(|_| more)
        .map(|last| format!("{}.{}", last.at, last.id));
    Ok(web::Json(EventPage {
        items: rows.into_iter().map(Event::from).collect(),
        next_cursor,
    }))
}
