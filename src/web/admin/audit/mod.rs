//! Audit log (`/admin/audit`): every event with who did it, to whom, from where and when,
//! in the administrator's words and language (`wording`); filtered by user (an account, or an address
//! no account has), kind and period; paged by keyset; the filtered list as CSV.

use crate::domain::time::date_start as day_start;
use actix_web::http::StatusCode;
use actix_web::http::header::{ContentDisposition, ContentType, DispositionParam, DispositionType};
use actix_web::middleware::from_fn;
use actix_web::{HttpResponse, mime, web};
use askama::Template;
use serde::Deserialize;

mod wording;

use super::{Section, sections};
use crate::db::audit::EventKind;
use crate::db::directory::{AuditCursor, AuditEntry, AuditFilter};
use crate::domain::csv;
use crate::domain::language::Language;
use crate::services::audit::AuditSubject;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::parts::devices::{When, when};
use crate::web::request::SignedIn;
use crate::web::responses::render;
use wording::EventGroup;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/audit").route(web::get().to(audit_page)))
        // Who did what from where, in one file: asked for the password like the export.
        .service(
            web::resource("/audit.csv")
                .wrap(from_fn(super::recent_password_no_page))
                .route(web::get().to(audit_csv)),
        );
}

/// An event as a row of the log; its label and detail are read in the page's language
/// (`label`, `detail`), so every page that lists events says them in its own.
pub struct EventRow {
    pub at: When,
    /// The stored name ("recovery_codes.generated"), for the CSV's machines.
    pub event: String,
    actor: ActorName,
    pub subject: String,
    pub ip: String,
    /// The detail as stored.
    stored_detail: Option<String>,
    /// The event names an account.
    subject_known: bool,
}

impl From<AuditEntry> for EventRow {
    fn from(entry: AuditEntry) -> Self {
        Self {
            at: when(entry.at),
            event: entry.event,
            stored_detail: entry.detail,
            subject_known: entry.subject_email.is_some(),
            actor: match (entry.actor_email, entry.actor_api_key) {
                (Some(email), _) => ActorName::User(email),
                (None, Some(key)) => ActorName::ApiKey(key),
                (None, None) => ActorName::Nobody,
            },
            subject: entry.subject_email.unwrap_or_else(|| "—".into()),
            ip: entry.ip.unwrap_or_default(),
        }
    }
}

/// Who did it: an account, an API key (by its name), or nobody the log names.
enum ActorName {
    User(String),
    ApiKey(String),
    Nobody,
}

impl EventRow {
    /// Who did it: their email address, or "API key “deploy-bot”" in the page's language.
    pub fn actor(&self, language: &Language) -> String {
        match &self.actor {
            ActorName::User(email) => email.clone(),
            ActorName::ApiKey(name) => language.tr("audit-api-key").arg("name", name).to_string(),
            ActorName::Nobody => "—".into(),
        }
    }

    /// What happened ("Recovery codes generated").
    pub fn label(&self, language: &Language) -> String {
        wording::label_of(*language, &self.event)
    }

    /// The detail as a sentence.
    pub fn detail(&self, language: &Language) -> String {
        wording::sentence(
            *language,
            &self.event,
            self.stored_detail.as_deref(),
            self.subject_known,
        )
    }
}

/// A group of the event filter's options.
struct FilterGroup {
    label: String,
    /// Each kind's stored name and label, by label.
    options: Vec<(&'static str, String)>,
}

fn filter_groups(language: Language) -> Vec<FilterGroup> {
    EventGroup::ALL
        .into_iter()
        .map(|group| {
            let mut options: Vec<(&'static str, String)> = EventKind::ALL
                .into_iter()
                .filter(|kind| wording::group(*kind) == group)
                .map(|kind| (kind.as_str(), wording::label(language, kind)))
                .collect();
            options.sort_unstable_by(|(_, a), (_, b)| a.cmp(b));
            FilterGroup {
                label: group.label(language),
                options,
            }
        })
        .collect()
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

/// The filter the query names (with the address it names when no account has it), or
/// what is wrong with it, field by field.
async fn filter_of(
    me: &SignedIn,
    query: &AuditQuery,
    language: Language,
) -> Result<Result<(AuditFilter, Option<String>), FormErrors>, AppError> {
    let mut errors = FormErrors::default();
    let mut filter = AuditFilter::default();
    let mut unknown_address = None;
    match query.user.trim() {
        "" => {}
        typed => match me.services().audit_subject(typed).await? {
            Ok(AuditSubject::Account(id)) => filter.user = Some(id),
            Ok(AuditSubject::UnknownAddress { key }) => {
                filter.address = Some(key);
                unknown_address = Some(typed.to_lowercase());
            }
            Err(problem) => errors.add("user", problem.say(language)),
        },
    }
    let event = query.event.trim();
    if event.len() > 64
        || !event
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
    {
        errors.add("event", language.t("audit-choose-event"));
    } else if !event.is_empty() {
        filter.event = Some(event.to_owned());
    }
    let mut day = |text: &str, field: &'static str, problem: &str| match text.trim() {
        "" => None,
        text => {
            let start = day_start(text);
            if start.is_none() {
                errors.add(field, language.t(problem));
            }
            start
        }
    };
    filter.from = day(&query.from, "from", "audit-from-invalid");
    filter.until = day(&query.until, "until", "audit-until-invalid").map(|start| start + 86_400);
    if let (Some(from), Some(until)) = (filter.from, filter.until)
        && from >= until
    {
        errors.add("until", language.t("audit-until-before-from"));
    }
    Ok(if errors.is_empty() {
        Ok((filter, unknown_address))
    } else {
        Err(errors)
    })
}

/// Where the page starts: the top, or after the event the link names (`None`: the link
/// is malformed).
fn cursor_of(query: &AuditQuery) -> Option<AuditCursor> {
    match query.before.trim() {
        "" => Some(AuditCursor::START),
        text => AuditCursor::parse(text),
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
    groups: Vec<FilterGroup>,
    errors: FormErrors,
    /// The address filtered by, when no account has it.
    unknown_address: Option<String>,
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

/// The events of the page or of the CSV, with the address the filter names when no account
/// has it (its events have no user: they show the address instead).
async fn events_of(
    me: &SignedIn,
    query: &AuditQuery,
    limit: i64,
    language: Language,
) -> Result<Result<(Vec<EventRow>, Option<String>, Option<String>), FormErrors>, AppError> {
    let Some(cursor) = cursor_of(query) else {
        return Ok(Err(FormErrors::general(language.t("audit-bad-page-link"))));
    };
    let (filter, unknown_address) = match filter_of(me, query, language).await? {
        Ok(filter) => filter,
        Err(errors) => return Ok(Err(errors)),
    };
    let (rows, more) = me.services().audit_page(&filter, cursor, limit).await?;
    let next = rows
        .last()
        .filter(|_| more)
        .map(|last| query_string(query, Some(AuditCursor::after(last))));
    let mut events: Vec<EventRow> = rows.into_iter().map(EventRow::from).collect();
    if let Some(address) = &unknown_address {
        for event in events.iter_mut().filter(|event| event.subject == "—") {
            event.subject = language
                .tr("audit-no-account")
                .arg("address", address)
                .to_string();
        }
    }
    Ok(Ok((events, next, unknown_address)))
}

async fn audit_page(
    me: SignedIn,
    query: web::Query<AuditQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let (status, events, next, unknown_address, errors) =
        match events_of(&me, &query, PER_PAGE, layout.lang).await? {
            Ok((events, next, unknown_address)) => (
                StatusCode::OK,
                events,
                next,
                unknown_address,
                FormErrors::default(),
            ),
            Err(errors) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Vec::new(),
                None,
                None,
                errors,
            ),
        };
    let groups = filter_groups(layout.lang);
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
            groups,
            errors,
            unknown_address,
            events,
            next,
        },
    )
}

/// The filtered log as CSV: its label and detail columns in the administrator's language,
/// its column names and the stored event name as scripts read them.
async fn audit_csv(
    me: SignedIn,
    query: web::Query<AuditQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let language = layout.lang;
    let (rows, _, _) = events_of(&me, &query, CSV_LIMIT, language)
        .await?
        .map_err(|errors| {
            let messages: Vec<&str> = errors.all().iter().map(|e| e.message.as_str()).collect();
            AppError::BadRequest(messages.join(" "))
        })?;
    // The columns an administrator reads, then the stored event name for scripts.
    let mut body = String::from("time,event,actor,subject,ip_address,detail,event_name\r\n");
    for row in rows {
        let fields = [
            row.at.iso.as_str(),
            &row.label(&language),
            &row.actor(&language),
            row.subject.as_str(),
            row.ip.as_str(),
            &row.detail(&language),
            row.event.as_str(),
        ];
        // Quoted, formulas defused (CSV injection), as every export of the portal.
        body.push_str(&csv::line(fields));
    }
    Ok(HttpResponse::Ok()
        .insert_header(ContentType(mime::TEXT_CSV_UTF_8))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename("audit-log.csv".into())],
        })
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
}
