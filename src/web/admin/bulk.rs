//! The users list's bulk actions and its export. "Apply" posts the selected people to a
//! question that says how many and what will happen (it stores nothing: the ids travel as
//! hidden fields); its button posts them again to act, and a report says what was done for
//! whom and what was refused. Both are behind the recent-password check. "Export (CSV)"
//! writes every user the list's filters match, a page of the keyset at a time.

use actix_web::http::StatusCode;
use actix_web::http::header::{ContentDisposition, ContentType, DispositionParam, DispositionType};
use actix_web::middleware::from_fn;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, mime, web};
use askama::Template;
use futures_util::{StreamExt, stream};

use super::{Section, sections};
use crate::domain::csv;
use crate::domain::language::Language;
use crate::services::admin::bulk::{BULK_MOST, BulkAction, BulkProblem, Skipped};
use crate::services::admin::{UserList, UserWithGroups};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::parts::devices::when;
use crate::web::request::SignedIn;
use crate::web::responses::render;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/users/bulk")
            .wrap(from_fn(super::recent_password_no_page))
            .route(web::post().to(question)),
    )
    .service(
        web::resource("/users/bulk/apply")
            .wrap(from_fn(super::recent_password_no_page))
            .route(web::post().to(apply)),
    )
    // Every user's address and number in one file: asked for the password like the
    // actions (the download starts again once it is given).
    .service(
        web::resource("/users.csv")
            .wrap(from_fn(super::recent_password_no_page))
            .route(web::get().to(export)),
    );
}

/// The form of the users list (and of the question): repeated `user` fields, so it is
/// read from the raw body.
struct BulkForm {
    users: Vec<i64>,
    /// Some `user` was not an id.
    unreadable: bool,
    action: String,
    group: String,
}

impl BulkForm {
    fn parse(body: &[u8]) -> Self {
        let mut form = Self {
            users: Vec::new(),
            unreadable: false,
            action: String::new(),
            group: String::new(),
        };
        for (key, value) in url::form_urlencoded::parse(body) {
            match key.as_ref() {
                "user" => match value.parse() {
                    Ok(id) => form.users.push(id),
                    Err(_) => form.unreadable = true,
                },
                "action" => form.action = value.into_owned(),
                "group" => form.group = value.into_owned(),
                _ => {}
            }
        }
        form
    }

    /// The action, or the field and message of what is missing.
    fn action(&self) -> Result<BulkAction, (&'static str, &'static str)> {
        let group = || {
            self.group
                .parse::<i64>()
                .map_err(|_| ("group", "bulk-problem-group"))
        };
        match self.action.as_str() {
            "reset" => Ok(BulkAction::ResetTwoStep),
            "add" => Ok(BulkAction::AddToGroup(group()?)),
            "remove" => Ok(BulkAction::RemoveFromGroup(group()?)),
            "remind" => Ok(BulkAction::Remind),
            _ => Err(("action", "bulk-problem-action")),
        }
    }
}

/// The spelling of an action in the form.
fn action_value(action: BulkAction) -> (&'static str, Option<i64>) {
    match action {
        BulkAction::ResetTwoStep => ("reset", None),
        BulkAction::AddToGroup(group) => ("add", Some(group)),
        BulkAction::RemoveFromGroup(group) => ("remove", Some(group)),
        BulkAction::Remind => ("remind", None),
    }
}

#[derive(Template)]
#[template(path = "admin/bulk.html")]
struct BulkPage {
    layout: Layout,
    sections: Vec<Section>,
    title: String,
    errors: FormErrors,
    /// What the action does, a sentence each (the question only).
    consequences: Vec<String>,
    /// The form that acts: the action, its group and the people (the question only).
    confirm: Option<Confirm>,
    /// What each line says: who, and (in the report) what became of them.
    rows: Vec<PersonRow>,
    /// The report's sentences.
    summary: Vec<String>,
}

struct Confirm {
    action: &'static str,
    group: Option<i64>,
    users: Vec<i64>,
    button: String,
    danger: bool,
}

pub struct PersonRow {
    pub id: Option<i64>,
    pub who: String,
    pub email: String,
    /// The report's word on them; empty on the question.
    pub outcome: String,
    pub done: bool,
}

/// The page that says why the selection cannot be acted on.
fn refused(layout: Layout, field: &'static str, message: String) -> Result<HttpResponse, AppError> {
    let mut errors = FormErrors::default();
    errors.add(field, message);
    render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &BulkPage {
            title: layout.lang.t("bulk-problem-title"),
            sections: sections("/admin/users"),
            layout,
            errors,
            consequences: Vec::new(),
            confirm: None,
            rows: Vec::new(),
            summary: Vec::new(),
        },
    )
}

fn say_problem(problem: BulkProblem, lang: Language) -> (&'static str, String) {
    match problem {
        BulkProblem::NobodySelected => ("user", lang.t("bulk-problem-nobody")),
        BulkProblem::TooMany => (
            "user",
            lang.tr("bulk-problem-too-many")
                .num("max", BULK_MOST)
                .to_string(),
        ),
        BulkProblem::NoSuchGroup => ("group", lang.t("bulk-problem-group")),
    }
}

/// The form's action, or the page that says what is missing.
fn read_form(
    body: &[u8],
    layout: &Layout,
) -> Result<(BulkForm, BulkAction), (&'static str, String)> {
    let form = BulkForm::parse(body);
    if form.unreadable {
        return Err(("user", layout.lang.t("bulk-problem-nobody")));
    }
    let action = form
        .action()
        .map_err(|(field, message)| (field, layout.lang.t(message)))?;
    Ok((form, action))
}

/// "Reset 2-step verification for 3 people?": who, and what will happen.
async fn question(
    me: SignedIn,
    body: web::Bytes,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let (form, action) = match read_form(&body, &layout) {
        Ok(read) => read,
        Err((field, message)) => return refused(layout, field, message),
    };
    let lang = layout.lang;
    let (people, group) = match me.services().bulk_selection(action, &form.users).await? {
        Ok(selected) => (selected.people, selected.group),
        Err(problem) => {
            let (field, message) = say_problem(problem, lang);
            return refused(layout, field, message);
        }
    };
    let group = group.unwrap_or_default();
    let (question, follows, danger) = match action {
        BulkAction::ResetTwoStep => ("bulk-question-reset", "bulk-reset-follows", true),
        BulkAction::AddToGroup(_) => ("bulk-question-add", "bulk-add-follows", false),
        BulkAction::RemoveFromGroup(_) => ("bulk-question-remove", "bulk-remove-follows", false),
        BulkAction::Remind => ("bulk-question-remind", "bulk-remind-follows", false),
    };
    let title = lang
        .tr(question)
        .count(people.len())
        .arg("group", &group)
        .to_string();
    let rows = people
        .iter()
        .map(|(id, user)| match user {
            Some(user) => PersonRow {
                id: Some(*id),
                who: user.name.clone(),
                email: user.email.clone(),
                outcome: String::new(),
                done: false,
            },
            None => unknown(*id, lang),
        })
        .collect();
    let (action_name, group_id) = action_value(action);
    let button = match action {
        BulkAction::ResetTwoStep => "bulk-action-reset",
        BulkAction::AddToGroup(_) => "bulk-action-add",
        BulkAction::RemoveFromGroup(_) => "bulk-action-remove",
        BulkAction::Remind => "bulk-action-remind",
    };
    render(
        StatusCode::OK,
        &BulkPage {
            sections: sections("/admin/users"),
            consequences: vec![lang.t(follows), lang.t("bulk-each-own")],
            confirm: Some(Confirm {
                action: action_name,
                group: group_id,
                users: people.iter().map(|(id, _)| *id).collect(),
                button: lang.t(button),
                danger,
            }),
            errors: FormErrors::default(),
            rows,
            summary: Vec::new(),
            title,
            layout,
        },
    )
}

fn unknown(id: i64, lang: Language) -> PersonRow {
    PersonRow {
        id: None,
        who: lang.tr("bulk-unknown-user").num("id", id).to_string(),
        email: String::new(),
        outcome: String::new(),
        done: false,
    }
}

fn say_skipped(skipped: Skipped, lang: Language) -> String {
    lang.t(match skipped {
        Skipped::NoSuchUser => "bulk-skipped-no-such-user",
        Skipped::Yourself => "bulk-skipped-yourself",
        Skipped::Administrator => "bulk-skipped-administrator",
        Skipped::AlreadyMember => "bulk-skipped-already-member",
        Skipped::NotMember => "bulk-skipped-not-member",
        Skipped::TwoStepOn => "bulk-skipped-two-step-on",
        Skipped::Disabled => "bulk-skipped-disabled",
    })
}

/// Acts on each selected person, then says what was done for whom.
#[tracing::instrument(name = "Apply a bulk action", skip_all)]
async fn apply(me: SignedIn, body: web::Bytes, layout: Layout) -> Result<HttpResponse, AppError> {
    let (form, action) = match read_form(&body, &layout) {
        Ok(read) => read,
        Err((field, message)) => return refused(layout, field, message),
    };
    let lang = layout.lang;
    let report = match me
        .services()
        .apply_bulk(&me.user, action, &form.users, &me.origin)
        .await?
    {
        Ok(report) => report,
        Err(problem) => {
            let (field, message) = say_problem(problem, lang);
            return refused(layout, field, message);
        }
    };
    let rows: Vec<PersonRow> = report
        .into_iter()
        .map(|line| {
            let mut row = match &line.user {
                Some(user) => PersonRow {
                    id: Some(line.user_id),
                    who: user.name.clone(),
                    email: user.email.clone(),
                    outcome: String::new(),
                    done: false,
                },
                None => unknown(line.user_id, lang),
            };
            match line.outcome {
                Ok(()) => {
                    row.done = true;
                    row.outcome = lang.t("bulk-done");
                }
                Err(skipped) => row.outcome = say_skipped(skipped, lang),
            }
            row
        })
        .collect();
    let done = rows.iter().filter(|row| row.done).count();
    render(
        StatusCode::OK,
        &BulkPage {
            title: lang.t("bulk-report-title"),
            sections: sections("/admin/users"),
            summary: vec![
                lang.tr("bulk-report-done").count(done).to_string(),
                lang.tr("bulk-report-skipped")
                    .count(rows.len() - done)
                    .to_string(),
            ],
            errors: FormErrors::default(),
            consequences: Vec::new(),
            confirm: None,
            rows,
            layout,
        },
    )
}

/// A user as a line of the export.
fn export_line(user: &UserWithGroups) -> String {
    let record = &user.record;
    let groups: Vec<&str> = user.groups.iter().map(|(_, name)| name.as_str()).collect();
    let last_sign_in = record.last_sign_in_at.map(|at| when(at).iso);
    csv::line([
        record.email.as_str(),
        &record.name,
        record.phone.as_deref().unwrap_or_default(),
        record
            .two_factor_method
            .map_or("off", |method| method.as_str()),
        &groups.join("; "),
        if record.disabled != 0 { "yes" } else { "no" },
        last_sign_in.as_deref().unwrap_or_default(),
    ])
}

/// Every user the list's filters match, as CSV: written a page at a time while it is
/// sent, so its size does not depend on memory.
async fn export(
    me: SignedIn,
    query: web::Query<super::users::UsersQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let list = UserList::parse(&query.list_input()).map_err(|problems| {
        let errors = FormErrors::from_problems(&problems, layout.lang);
        let messages: Vec<&str> = errors.all().iter().map(|e| e.message.as_str()).collect();
        AppError::BadRequest(messages.join(" "))
    })?;
    let state = me.state.clone();
    let header = format!("{}\r\n", COLUMNS.join(","));
    let pages = stream::unfold(Some(0), move |after| {
        let state = state.clone();
        let search = list.search.clone();
        let filter = list.filter.clone();
        async move {
            let after = after?;
            match state.services.export_page(&search, &filter, after).await {
                Ok((users, next)) => {
                    let text: String = users.iter().map(export_line).collect();
                    Some((Ok(Bytes::from(text)), next))
                }
                Err(err) => {
                    tracing::error!(error = %err, "Could not read a page of the users export");
                    Some((Err(AppError::from(err)), None))
                }
            }
        }
    });
    let body = stream::once(async move { Ok::<_, AppError>(Bytes::from(header)) }).chain(pages);
    Ok(HttpResponse::Ok()
        .insert_header(ContentType(mime::TEXT_CSV_UTF_8))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename("users.csv".into())],
        })
        .streaming(body))
}

/// The export's columns, as scripts read them.
const COLUMNS: [&str; 7] = [
    "email",
    "name",
    "phone",
    "two_step",
    "groups",
    "disabled",
    "last_sign_in",
];
