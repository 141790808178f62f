//! Audit log (`/admin/audit`): every event with who did it, to whom, from where and when;
//! filtered by user, kind and period; paged by keyset; the filtered list as CSV.

use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_DISPOSITION, ContentType};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{Section, sections};
use crate::db::directory::{AuditCursor, AuditEntry, AuditFilter};
use crate::web::errors::AppError;
use crate::web::layout::Layout;
use crate::web::parts::devices::{When, when};
use crate::web::request::SignedIn;
use crate::web::responses::render;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/audit").route(web::get().to(audit_page)))
        .service(web::resource("/audit.csv").route(web::get().to(audit_csv)));
}

/// An event as a row of the log.
pub struct EventRow {
    pub at: When,
    pub event: String,
    pub actor: String,
    pub subject: String,
    pub ip: String,
    pub detail: String,
}

impl From<AuditEntry> for EventRow {
    fn from(entry: AuditEntry) -> Self {
        Self {
            at: when(entry.at),
            event: entry.event,
            actor: entry.actor_email.unwrap_or_else(|| "—".into()),
            subject: entry.subject_email.unwrap_or_else(|| "—".into()),
            ip: entry.ip.unwrap_or_default(),
            detail: entry.detail.unwrap_or_default(),
        }
    }
}

const PER_PAGE: i64 = 50;
/// The most rows one CSV download holds.
const CSV_LIMIT: i64 = 100_000;

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    user: String,
    #[serde(default)]
    event: String,
    /// YYYY-MM-DD, from the start of that day (UTC).
    #[serde(default)]
    from: String,
    /// YYYY-MM-DD, to the end of that day (UTC).
    #[serde(default)]
    until: String,
    /// The last event of the page before ("at.id").
    #[serde(default)]
    before: String,
}

/// "2026-11-25" as the Unix time of that day's start (UTC).
fn day_start(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) * 86_400)
}

/// The filter the query names, or what is wrong with it.
async fn filter_of(me: &SignedIn, query: &AuditQuery) -> Result<AuditFilter, String> {
    let user = match query.user.trim() {
        "" => None,
        email => match me.services().user_by_email(email).await {
            Ok(Some(user)) => Some(user.id),
            Ok(None) => return Err("No account has this email address.".into()),
            Err(_) => return Err("The users could not be read. Try again.".into()),
        },
    };
    let day = |text: &str, what: &str| match text.trim() {
        "" => Ok(None),
        text => day_start(text)
            .map(Some)
            .ok_or_else(|| format!("Enter the {what} date as YYYY-MM-DD.")),
    };
    let event = query.event.trim();
    if event.len() > 64
        || !event
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
    {
        return Err("Choose an event from the list.".into());
    }
    Ok(AuditFilter {
        user,
        event: (!event.is_empty()).then(|| event.to_owned()),
        from: day(&query.from, "first")?,
        until: day(&query.until, "last")?.map(|start| start + 86_400),
    })
}

/// Where the page starts: the top, or after the event the link names.
fn cursor_of(query: &AuditQuery) -> Result<AuditCursor, String> {
    match query.before.trim() {
        "" => Ok(AuditCursor::START),
        text => AuditCursor::parse(text).ok_or_else(|| {
            "The page link is malformed. Start again from the first page.".to_owned()
        }),
    }
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    layout: Layout,
    sections: Vec<Section>,
    user: String,
    event: String,
    from: String,
    until: String,
    kinds: Vec<&'static str>,
    error: Option<String>,
    events: Vec<EventRow>,
    /// The query string of the next page, when there is one.
    next: Option<String>,
    /// The query string of the CSV of this filter.
    csv: String,
}

fn query_string(query: &AuditQuery, before: Option<AuditCursor>) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in [
        ("user", &query.user),
        ("event", &query.event),
        ("from", &query.from),
        ("until", &query.until),
    ] {
        if !value.trim().is_empty() {
            out.append_pair(name, value.trim());
        }
    }
    if let Some(before) = before {
        out.append_pair("before", &before.to_string());
    }
    out.finish()
}

async fn audit_page(
    me: SignedIn,
    query: web::Query<AuditQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let filter = match cursor_of(&query) {
        Ok(cursor) => filter_of(&me, &query).await.map(|filter| (filter, cursor)),
        Err(error) => Err(error),
    };
    let (events, next, error) = match filter {
        Ok((filter, cursor)) => {
            let (rows, more) = me.services().audit_page(&filter, cursor, PER_PAGE).await?;
            let next = rows
                .last()
                .filter(|_| more)
                .map(|last| query_string(&query, Some(AuditCursor::after(last))));
            (rows.into_iter().map(EventRow::from).collect(), next, None)
        }
        Err(error) => (Vec::new(), None, Some(error)),
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render(
        status,
        &AuditPage {
            layout,
            sections: sections("/admin/audit"),
            csv: query_string(&query, None),
            user: query.user,
            event: query.event,
            from: query.from,
            until: query.until,
            kinds: crate::db::audit::EventKind::all_names(),
            error,
            events,
            next,
        },
    )
}

/// A CSV field: quoted, quotes doubled, and a leading =, +, - or @ defused so a
/// spreadsheet never runs what a user typed (CSV injection).
fn csv_field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

async fn audit_csv(me: SignedIn, query: web::Query<AuditQuery>) -> Result<HttpResponse, AppError> {
    let filter = filter_of(&me, &query).await.map_err(AppError::BadRequest)?;
    let (rows, _) = me
        .services()
        .audit_page(
            &filter,
            cursor_of(&query).map_err(AppError::BadRequest)?,
            CSV_LIMIT,
        )
        .await?;
    let mut body = String::from("time,event,actor,subject,ip_address,detail\r\n");
    for entry in rows {
        let row = EventRow::from(entry);
        let fields = [
            row.at.iso.as_str(),
            row.event.as_str(),
            row.actor.as_str(),
            row.subject.as_str(),
            row.ip.as_str(),
            row.detail.as_str(),
        ];
        body.push_str(
            &fields
                .iter()
                .map(|field| csv_field(field))
                .collect::<Vec<_>>()
                .join(","),
        );
        body.push_str("\r\n");
    }
    Ok(HttpResponse::Ok()
        .insert_header(ContentType(
            "text/csv; charset=utf-8"
                .parse()
                .expect("a constant MIME type"),
        ))
        .insert_header((
            CONTENT_DISPOSITION,
            "attachment; filename=\"audit-log.csv\"",
        ))
        .body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_read_as_utc_midnight_and_nonsense_is_refused() {
        assert_eq!(day_start("1970-01-01"), Some(0));
        assert_eq!(day_start("2026-11-25"), Some(1_795_564_800));
        assert_eq!(day_start("2024-02-29"), Some(1_709_164_800));
        for bad in [
            "",
            "2026-13-01",
            "2026-11",
            "yesterday",
            "99999-01-01",
            "2026-11-32",
        ] {
            assert_eq!(day_start(bad), None, "{bad}");
        }
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("plain"), "\"plain\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1+2"), "\"'-1+2\"");
    }
}
