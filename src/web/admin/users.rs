//! Users (`/admin/users`): search and filters, a user's page, and what an administrator
//! does to an account: reset 2-step verification, sign out everywhere, disable or enable,
//! make or remove administrator, the phone number. Every user id in a path is looked up:
//! an unknown one is a 404, and nothing else about it is said.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::{Next, from_fn};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::audit::EventRow;
use super::{Section, refused, sections};
use crate::db::directory::{Matches, Page, UserRow};
use crate::domain::factors::FactorMethod;
use crate::domain::language::Language;
use crate::domain::phone::format_international;
use crate::domain::policy::Requirement;
use crate::services::admin::{
    AccountChange, Actor, AddUser, NewUserInput, PASSWORD_LINK_SECS, Refusal, UserList,
    UserListInput,
};
use crate::web::confirmation::ConfirmChange;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::ids::Id;
use crate::web::layout::Layout;
use crate::web::middleware::recent_password::require_recent_password;
use crate::web::parts::devices::{DeviceRow, SessionRow, When, when};
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};

/// The actions on an account that an administrator confirms, each on a page that says what
/// it does, after giving their password again when it was not confirmed in the last 10
/// minutes (`middleware::recent_password`): a GET shows the question, the POST from it acts.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/users").route(web::get().to(users_page)))
        .service(
            web::resource("/users/new")
                .wrap(from_fn(recent_password))
                .route(web::get().to(new_user_form))
                .route(web::post().to(add_user)),
        )
        .service(web::resource("/users/{id}").route(web::get().to(user_page)))
        .service(web::resource("/users/{id}/phone").route(web::post().to(set_phone)))
        .service(
            web::resource("/users/{id}/reset")
                .wrap(from_fn(recent_password))
                .route(web::get().to(reset_form))
                .route(web::post().to(|me, id: web::Path<Id>, layout| {
                    change(me, id.into_inner().0, layout, AccountChange::ResetTwoStep)
                })),
        )
        .service(
            web::resource("/users/{id}/temporary-code")
                .wrap(from_fn(recent_password))
                .route(web::get().to(super::temporary_code::issue_form))
                .route(web::post().to(super::temporary_code::issue)),
        )
        .service(
            web::resource("/users/{id}/password-link")
                .wrap(from_fn(recent_password))
                .route(web::get().to(password_link_form))
                .route(web::post().to(new_password_link)),
        )
        .service(
            account_action(AccountChange::SignOutEverywhere)
                .route(web::post().to(|me, id: web::Path<Id>, layout| {
                    change(
                        me,
                        id.into_inner().0,
                        layout,
                        AccountChange::SignOutEverywhere,
                    )
                }))
                .wrap(from_fn(recent_password)),
        )
        .service(
            account_action(AccountChange::Disable)
                .route(web::post().to(|me, id: web::Path<Id>, layout| {
                    change(me, id.into_inner().0, layout, AccountChange::Disable)
                }))
                .wrap(from_fn(recent_password)),
        )
        .service(
            account_action(AccountChange::Enable)
                .route(web::post().to(|me, id: web::Path<Id>, layout| {
                    change(me, id.into_inner().0, layout, AccountChange::Enable)
                }))
                .wrap(from_fn(recent_password)),
        )
        .service(
            account_action(AccountChange::MakeAdmin)
                .route(web::post().to(|me, id: web::Path<Id>, layout| {
                    change(me, id.into_inner().0, layout, AccountChange::MakeAdmin)
                }))
                .wrap(from_fn(recent_password)),
        )
        .service(
            account_action(AccountChange::RemoveAdmin)
                .route(web::post().to(|me, id: web::Path<Id>, layout| {
                    change(me, id.into_inner().0, layout, AccountChange::RemoveAdmin)
                }))
                .wrap(from_fn(recent_password)),
        );
}

/// The address of an account action, and its question (`confirm_change`).
fn account_action(action: AccountChange) -> actix_web::Resource {
    web::resource(format!("/users/{{id}}/{}", action_segment(action))).route(web::get().to(
        move |me, id: web::Path<Id>, layout| confirm_change(me, id.into_inner().0, layout, action),
    ))
}

pub(super) async fn recent_password(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    require_recent_password(req, next, &[]).await
}

/// The last part of an action's address: `/admin/users/{id}/disable`.
fn action_segment(change: AccountChange) -> &'static str {
    match change {
        AccountChange::ResetTwoStep => "reset",
        AccountChange::SignOutEverywhere => "sign-out",
        AccountChange::Disable => "disable",
        AccountChange::Enable => "enable",
        AccountChange::MakeAdmin => "make-admin",
        AccountChange::RemoveAdmin => "remove-admin",
    }
}

const PER_PAGE: i64 = 50;

impl UsersQuery {
    /// The search and filters as typed, for the list and its export alike (the page's place
    /// aside).
    pub(super) fn list_input(&self) -> UserListInput {
        UserListInput {
            search: self.q.clone(),
            two_step: self.two_step.clone(),
            group: self.group.clone(),
            admins_only: self.admin.is_some(),
            account: self.account.clone(),
        }
    }
}

#[derive(Deserialize, Default)]
pub struct UsersQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    two_step: String,
    #[serde(default)]
    group: String,
    admin: Option<String>,
    #[serde(default)]
    account: String,
    after: Option<i64>,
    before: Option<i64>,
}

pub struct ListedUser {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    /// `None`: 2-step verification is off.
    pub method: Option<FactorMethod>,
    pub is_admin: bool,
    pub disabled: bool,
    /// `None`: never signed in.
    pub last_sign_in: Option<When>,
}

impl From<UserRow> for ListedUser {
    fn from(row: UserRow) -> Self {
        Self {
            method: row.two_factor_method,
            id: row.id,
            name: row.name,
            email: row.email,
            phone: row
                .phone
                .as_deref()
                .map(format_international)
                .unwrap_or_default(),
            is_admin: row.is_admin != 0,
            disabled: row.disabled != 0,
            last_sign_in: row.last_sign_in_at.map(when),
        }
    }
}

pub struct GroupChoice {
    pub id: String,
    pub name: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    layout: Layout,
    sections: Vec<Section>,
    q: String,
    two_step: String,
    groups: Vec<GroupChoice>,
    admin: bool,
    account: String,
    users: Vec<ListedUser>,
    /// "1,234 users", "3 users match “grace”".
    how_many: String,
    previous: Option<String>,
    next: Option<String>,
    /// The filters as a query string, for the export's address.
    filters: String,
    errors: FormErrors,
}

/// 1234567 as the language groups its digits: "1,234,567", "1 234 567", "1.234.567".
pub fn thousands(n: i64, lang: Language) -> String {
    let separator = lang.t("admin-thousands-separator");
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(&separator);
        }
        out.push(digit);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// How many users the list matches, in words.
fn how_many(matches: Matches, query: &UsersQuery, lang: Language) -> String {
    let (n, more) = match matches {
        Matches::Exactly(n) => (n, false),
        Matches::MoreThan(n) => (n, true),
    };
    let filtered = !query.two_step.is_empty()
        || !query.group.is_empty()
        || query.admin.is_some()
        || !query.account.is_empty();
    let id = if !query.q.trim().is_empty() {
        "admin-users-match-search"
    } else if query.two_step == "must" && query.group.is_empty() && query.admin.is_none() {
        "admin-users-must"
    } else if filtered {
        "admin-users-match-filters"
    } else {
        "admin-users-count"
    };
    lang.tr(id)
        .count(n)
        .arg("number", thousands(n, lang))
        .arg("more", if more { "yes" } else { "no" })
        .arg("search", query.q.trim())
        .to_string()
}

/// The list's filters as a query string, then the page's place.
fn page_query(query: &UsersQuery, place: (&str, i64)) -> String {
    let mut out = filters_query(query);
    out.append_pair(place.0, &place.1.to_string());
    out.finish()
}

/// The list's filters as a query string (the export's address takes them too).
fn filters_query(query: &UsersQuery) -> url::form_urlencoded::Serializer<'static, String> {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in [
        ("q", &query.q),
        ("two_step", &query.two_step),
        ("group", &query.group),
        ("account", &query.account),
    ] {
        if !value.trim().is_empty() {
            out.append_pair(name, value.trim());
        }
    }
    if query.admin.is_some() {
        out.append_pair("admin", "yes");
    }
    out
}

async fn users_page(
    me: SignedIn,
    query: web::Query<UsersQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let list = UserList::parse(&query.list_input());
    let errors = match &list {
        Ok(_) => FormErrors::default(),
        Err(problems) => FormErrors::from_problems(problems, layout.lang),
    };
    let (users, how_many, previous, next) = if let Ok(list) = list {
        let page = match (query.before, query.after) {
            (Some(before), _) => Page::Before(before),
            (None, after) => Page::After(after.unwrap_or(0)),
        };
        let found = me
            .services()
            .users_page(&list.search, list.filter, page, PER_PAGE)
            .await?;
        let previous = found
            .rows
            .first()
            .filter(|_| found.earlier)
            .map(|first| page_query(&query, ("before", first.id)));
        let next = found
            .rows
            .last()
            .filter(|_| found.later)
            .map(|last| page_query(&query, ("after", last.id)));
        (
            found.rows.into_iter().map(ListedUser::from).collect(),
            how_many(found.matches, &query, layout.lang),
            previous,
            next,
        )
    } else {
        (Vec::new(), String::new(), None, None)
    };
    let groups = me
        .services()
        .group_names()
        .await?
        .into_iter()
        .map(|(id, name)| GroupChoice {
            selected: query.group == id.to_string(),
            id: id.to_string(),
            name,
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let filters = filters_query(&query).finish();
    render(
        status,
        &UsersPage {
            layout,
            sections: sections("/admin/users"),
            admin: query.admin.is_some(),
            account: query.account,
            q: query.q,
            two_step: query.two_step,
            groups,
            users,
            how_many,
            previous,
            next,
            filters,
            errors,
        },
    )
}

#[derive(Template)]
#[template(path = "admin/user.html")]
struct UserPage {
    layout: Layout,
    sections: Vec<Section>,
    id: i64,
    name: String,
    email: String,
    /// `None`: 2-step verification is off.
    method: Option<FactorMethod>,
    /// What the policy asks of the user, in a sentence: a message id.
    requirement: &'static str,
    phone: String,
    phone_verified: bool,
    /// The number receives the user's sign-in codes: only they change it, with a code.
    phone_locked: bool,
    is_admin: bool,
    /// The only enabled administrator: the role cannot go, nor the account be disabled.
    last_admin: bool,
    disabled: bool,
    is_me: bool,
    codes_left: i64,
    groups: Vec<(i64, String)>,
    devices: Vec<DeviceRow>,
    sessions: Vec<SessionRow>,
    events: Vec<EventRow>,
    /// A temporary access code waiting to be used.
    temporary_code: Option<TemporaryCodeRow>,
    notice: Option<String>,
    errors: FormErrors,
}

/// A temporary access code as the user's page shows it (never the code): who issued it
/// when, and until when it is valid, as HTML.
pub struct TemporaryCodeRow {
    sentence: String,
}

/// Stands for the second `<time>` while the sentence is translated and escaped.
const UNTIL_SLOT: &str = "\u{E001}";

/// "A code issued by Ada on <time> is valid until <time>, once.": two dates, so the second
/// is put in after the sentence is escaped.
fn temporary_code_sentence(
    layout: &Layout,
    issued_by: &str,
    issued: &When,
    until: &When,
) -> String {
    layout
        .tr("admin-user-temporary-code")
        .arg("by", issued_by)
        .arg("until", UNTIL_SLOT)
        .html("issued", &layout.time(issued))
        .replace(UNTIL_SLOT, &layout.time(until))
}

#[derive(Deserialize)]
pub struct UserQuery {
    #[serde(default)]
    done: String,
}

/// The notice after a change (`?done=reset`): a message id.
fn done_text(done: &str) -> Option<&'static str> {
    match done {
        "reset" => Some("admin-done-reset"),
        "signed-out" => Some("admin-done-signed-out"),
        "disabled" => Some("admin-done-disabled"),
        "enabled" => Some("admin-done-enabled"),
        "admin" => Some("admin-done-admin"),
        "not-admin" => Some("admin-done-not-admin"),
        "phone" => Some("admin-done-phone"),
        "added" => Some("admin-done-added"),
        "password-link" => Some("admin-done-password-link"),
        _ => None,
    }
}

fn requirement_text(requirement: Requirement) -> &'static str {
    match requirement {
        Requirement::NotOffered => "admin-requirement-not-offered",
        Requirement::Optional => "admin-requirement-optional",
        Requirement::Required { deadline: Some(_) } => "admin-requirement-grace",
        Requirement::Required { deadline: None } => "admin-requirement-required",
    }
}

/// The user's page, with the notice (a message id); after a refused change, with the
/// reason (`errors`) and what was typed, answering `status`.
async fn user_page_with(
    me: &SignedIn,
    id: i64,
    layout: Layout,
    notice: Option<&'static str>,
    typed_phone: Option<String>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let Some(details) = me.services().user_details(id).await? else {
        return Err(AppError::NotFound);
    };
    let user = details.user;
    let temporary_code =
        me.services()
            .active_temporary_code(id)
            .await?
            .map(|code| TemporaryCodeRow {
                sentence: temporary_code_sentence(
                    &layout,
                    &code
                        .issued_by
                        .unwrap_or_else(|| layout.lang.t("admin-the-command-line")),
                    &when(code.issued_at),
                    &when(code.expires_at),
                ),
            });
    let notice = notice.map(|id| layout.lang.t(id));
    let lang = layout.lang;
    render(
        status,
        &UserPage {
            layout,
            sections: sections("/admin/users"),
            id: user.id,
            method: user.method(),
            requirement: requirement_text(details.requirement),
            phone: typed_phone.unwrap_or_else(|| {
                user.phone
                    .as_deref()
                    .map(format_international)
                    .unwrap_or_default()
            }),
            phone_verified: user.verified_phone().is_some(),
            phone_locked: user.sms_phone().is_some(),
            is_admin: user.is_admin(),
            last_admin: details.last_admin,
            disabled: user.is_disabled(),
            is_me: user.id == me.user.id,
            codes_left: details.overview.codes_left,
            groups: details.groups,
            devices: details
                .overview
                .devices
                .into_iter()
                .map(|d| DeviceRow::from(d, None, lang))
                .collect(),
            sessions: details
                .overview
                .sessions
                .into_iter()
                .map(|s| SessionRow::from(s, None, lang))
                .collect(),
            events: details.events.into_iter().map(EventRow::from).collect(),
            temporary_code,
            name: user.name,
            email: user.email,
            notice,
            errors,
        },
    )
}

async fn user_page(
    me: SignedIn,
    id: web::Path<Id>,
    query: web::Query<UserQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    user_page_with(
        &me,
        id.into_inner().0,
        layout,
        done_text(&query.done),
        None,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// The last administrator's page, saying why their role or account cannot go: what a
/// refused change answers.
async fn refused_on_their_page(
    me: &SignedIn,
    id: i64,
    layout: Layout,
    why: &str,
) -> Result<HttpResponse, AppError> {
    let errors = FormErrors::general(layout.lang.t(why));
    user_page_with(me, id, layout, None, None, errors, StatusCode::CONFLICT).await
}

/// "Reset 2-step verification?", naming the user and what goes.
async fn reset_form(
    me: SignedIn,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner().0;
    let Some(details) = me.services().user_details(id).await? else {
        return Err(AppError::NotFound);
    };
    let user = &details.user;
    let who = format!("{} ({})", user.name, user.email);
    let mut consequences = Vec::new();
    // Only what the user really has is named.
    let method = match user.method() {
        Some(FactorMethod::Sms) => "admin-reset-no-longer-sms",
        Some(FactorMethod::Authenticator) => "admin-reset-no-longer-app",
        Some(FactorMethod::Passkey) => "admin-reset-no-longer-passkey",
        None => "admin-reset-no-method",
    };
    consequences.push(layout.tr(method).arg("who", &who).to_string());
    let mut removed = Vec::new();
    if user.uses_authenticator() {
        removed.push(layout.lang.t("admin-reset-removed-app"));
    }
    if user.sms_phone().is_some() {
        removed.push(layout.lang.t("admin-reset-removed-phone"));
    }
    let codes = details.overview.codes_left;
    if codes > 0 {
        removed.push(
            layout
                .tr("admin-reset-removed-codes")
                .count(codes)
                .to_string(),
        );
    }
    if !details.overview.devices.is_empty() {
        let devices = details.overview.devices.len();
        removed.push(
            layout
                .tr("admin-reset-removed-devices")
                .count(devices)
                .to_string(),
        );
    }
    if let Some((last, rest)) = removed.split_last() {
        // The four languages separate a list's items with a comma, and its last with a word.
        let listed = if rest.is_empty() {
            last.clone()
        } else {
            layout
                .tr("admin-list-and")
                .arg("items", rest.join(", "))
                .arg("last", last)
                .to_string()
        };
        consequences.push(
            layout
                .tr("admin-reset-removed")
                .arg("list", listed)
                .to_string(),
        );
    }
    consequences.push(layout.lang.t("admin-reset-sessions-end"));
    if details.requirement.is_required() {
        consequences.push(layout.lang.t("admin-reset-required-again"));
    }
    consequences.push(layout.lang.t("admin-reset-emailed"));
    ConfirmChange {
        title: layout
            .tr("admin-reset-question")
            .arg("name", &user.name)
            .to_string(),
        button: layout.lang.t("admin-reset"),
        layout,
        consequences,
        action: format!("/admin/users/{id}/reset"),
        danger: true,
        cancel: format!("/admin/users/{id}"),
    }
    .respond()
}

/// "Disable Ada's account?" and the like: what the change does, before it is made.
async fn confirm_change(
    me: SignedIn,
    id: i64,
    layout: Layout,
    change: AccountChange,
) -> Result<HttpResponse, AppError> {
    let Some(details) = me.services().user_details(id).await? else {
        return Err(AppError::NotFound);
    };
    // The question is not asked when the answer could only be a refusal.
    if details.last_admin && matches!(change, AccountChange::Disable | AccountChange::RemoveAdmin) {
        return refused_on_their_page(&me, id, layout, "admin-refused-last-admin").await;
    }
    if change == AccountChange::Disable && id == me.user.id {
        return refused_on_their_page(&me, id, layout, "admin-refused-yourself").await;
    }
    let user = details.user;
    let who = format!("{} ({})", user.name, user.email);
    // The question, what follows (message ids, each filled with who), the button.
    let (question, follows, button, danger): (_, &[&str], _, _) = match change {
        AccountChange::ResetTwoStep => return Err(AppError::NotFound),
        AccountChange::SignOutEverywhere => (
            "admin-sign-out-question",
            &["admin-sign-out-sessions", "admin-sign-out-again"],
            "admin-sign-out-everywhere",
            false,
        ),
        AccountChange::Disable => (
            "admin-disable-question",
            &[
                "admin-disable-no-sign-in",
                "admin-disable-sessions",
                "admin-disable-emailed",
            ],
            "admin-disable-account",
            true,
        ),
        AccountChange::Enable => (
            "admin-enable-question",
            &["admin-enable-sign-in"],
            "admin-enable-account",
            false,
        ),
        AccountChange::MakeAdmin => (
            "admin-make-admin-question",
            &["admin-make-admin-can", "admin-make-admin-set-up"],
            "admin-make-admin",
            true,
        ),
        AccountChange::RemoveAdmin => (
            "admin-remove-admin-question",
            &["admin-remove-admin-cannot"],
            "admin-remove-admin",
            false,
        ),
    };
    ConfirmChange {
        title: layout.tr(question).arg("name", &user.name).to_string(),
        consequences: follows
            .iter()
            .map(|id| layout.tr(id).arg("who", &who).to_string())
            .collect(),
        button: layout.lang.t(button),
        layout,
        action: format!("/admin/users/{id}/{}", action_segment(change)),
        danger,
        cancel: format!("/admin/users/{id}"),
    }
    .respond()
}

/// "Email Ada a set-password link?"
async fn password_link_form(
    me: SignedIn,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner().0;
    let user = me
        .services()
        .find_user(id)
        .await?
        .ok_or(AppError::NotFound)?;
    ConfirmChange {
        title: layout
            .tr("admin-password-link-question")
            .arg("name", &user.name)
            .to_string(),
        consequences: vec![
            layout
                .tr("admin-password-link-emailed")
                .arg("email", &user.email)
                .count(PASSWORD_LINK_SECS / 3_600)
                .to_string(),
            layout.lang.t("admin-password-link-earlier"),
            layout.lang.t("admin-password-link-two-step"),
        ],
        button: layout.lang.t("admin-password-link-button"),
        layout,
        action: format!("/admin/users/{id}/password-link"),
        danger: false,
        cancel: format!("/admin/users/{id}"),
    }
    .respond()
}

/// Makes `change` to the account in the path, then shows the user's page with `done`; a
/// refusal is said on the user's page.
async fn change(
    me: SignedIn,
    id: i64,
    layout: Layout,
    change: AccountChange,
) -> Result<HttpResponse, AppError> {
    match me
        .services()
        .change_account(Actor::Admin(&me.user), id, change, &me.origin)
        .await?
    {
        Ok(()) => {}
        Err(Refusal::LastAdmin) => {
            return refused_on_their_page(&me, id, layout, "admin-refused-last-admin").await;
        }
        Err(Refusal::Yourself) => {
            return refused_on_their_page(&me, id, layout, "admin-refused-yourself").await;
        }
        Err(refusal) => return Err(refused(refusal)),
    }
    let done = match change {
        AccountChange::ResetTwoStep => "reset",
        AccountChange::SignOutEverywhere => "signed-out",
        AccountChange::Disable => "disabled",
        AccountChange::Enable => "enabled",
        AccountChange::MakeAdmin => "admin",
        AccountChange::RemoveAdmin => "not-admin",
    };
    Ok(see_other(&format!("/admin/users/{id}?done={done}")))
}

#[derive(Deserialize)]
pub struct PhoneForm {
    #[serde(default)]
    phone: String,
}

async fn set_phone(
    me: SignedIn,
    id: web::Path<Id>,
    form: web::Form<PhoneForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner().0;
    let outcome = me
        .services()
        .set_user_phone(Actor::Admin(&me.user), id, &form.phone, &me.origin)
        .await?;
    match outcome {
        Ok(_) => Ok(see_other(&format!("/admin/users/{id}?done=phone"))),
        Err(Refusal::Phone(problem)) => {
            let mut errors = FormErrors::default();
            errors.add("phone", problem.say(layout.lang));
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            let typed = Some(form.phone.clone());
            user_page_with(&me, id, layout, None, typed, errors, status).await
        }
        Err(Refusal::PhoneInUse) => {
            let mut errors = FormErrors::default();
            errors.add("phone", layout.lang.t("admin-refused-phone-in-use"));
            let typed = Some(form.phone.clone());
            user_page_with(&me, id, layout, None, typed, errors, StatusCode::CONFLICT).await
        }
        Err(refusal) => Err(refused(refusal)),
    }
}

#[derive(Template)]
#[template(path = "admin/new_user.html")]
struct NewUserPage {
    layout: Layout,
    sections: Vec<Section>,
    name: String,
    email: String,
    phone: String,
    groups: Vec<GroupChoice>,
    admin: bool,
    errors: FormErrors,
}

async fn group_choices(me: &SignedIn, chosen: &[String]) -> Result<Vec<GroupChoice>, AppError> {
    Ok(me
        .services()
        .group_names()
        .await?
        .into_iter()
        .map(|(id, name)| GroupChoice {
            selected: chosen.contains(&id.to_string()),
            id: id.to_string(),
            name,
        })
        .collect())
}

async fn new_user_form(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    render(
        StatusCode::OK,
        &NewUserPage {
            layout,
            sections: sections("/admin/users"),
            name: String::new(),
            email: String::new(),
            phone: String::new(),
            groups: group_choices(&me, &[]).await?,
            admin: false,
            errors: FormErrors::default(),
        },
    )
}

/// The "Add user" form: repeated `group` fields, so it is read from the raw body.
fn read_new_user(body: &[u8]) -> NewUserInput {
    let mut form = NewUserInput {
        invite: true,
        ..NewUserInput::default()
    };
    for (key, value) in url::form_urlencoded::parse(body) {
        match key.as_ref() {
            "name" => form.name = value.into_owned(),
            "email" => form.email = value.into_owned(),
            "phone" => form.phone = value.into_owned(),
            "group" => form.groups.push(value.into_owned()),
            "admin" => form.admin = true,
            _ => {}
        }
    }
    form
}

#[tracing::instrument(name = "Add a user", skip_all)]
async fn add_user(
    me: SignedIn,
    body: web::Bytes,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let form = read_new_user(&body);
    let platform = me.services().platform().await?;
    let mut errors = FormErrors::default();
    match AddUser::parse(&form, &platform) {
        Err(problems) => errors = FormErrors::from_problems(&problems, layout.lang),
        Ok(new) => match me
            .services()
            .add_user(Actor::Admin(&me.user), &new, &me.origin)
            .await?
        {
            Ok(id) => return Ok(see_other(&format!("/admin/users/{id}?done=added"))),
            Err(Refusal::EmailTaken) => {
                errors.add("email", layout.lang.t("admin-refused-email-taken"))
            }
            Err(Refusal::NotFound) => errors.add("groups", layout.lang.t("admin-choose-groups")),
            Err(refusal) => return Err(refused(refusal)),
        },
    }
    let page = NewUserPage {
        layout,
        sections: sections("/admin/users"),
        groups: group_choices(&me, &form.groups).await?,
        name: form.name,
        email: form.email,
        phone: form.phone,
        admin: form.admin,
        errors,
    };
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// Emails the user a new "set your password" link, for a user who lost theirs or never set
/// one. The administrator never sees it.
async fn new_password_link(me: SignedIn, id: web::Path<Id>) -> Result<HttpResponse, AppError> {
    let id = id.into_inner().0;
    if let Err(refusal) = me
        .services()
        .new_password_link(Actor::Admin(&me.user), id, &me.origin)
        .await?
    {
        return Err(refused(refusal));
    }
    Ok(see_other(&format!("/admin/users/{id}?done=password-link")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_grouped_by_thousands() {
        assert_eq!(thousands(0, Language::English), "0");
        assert_eq!(thousands(999, Language::English), "999");
        assert_eq!(thousands(1_234, Language::English), "1,234");
        assert_eq!(thousands(1_000_000, Language::English), "1,000,000");
        assert_eq!(thousands(-12_345, Language::English), "-12,345");
    }

    #[test]
    fn the_count_says_what_matched() {
        let query = |q: &str, two_step: &str| UsersQuery {
            q: q.into(),
            two_step: two_step.into(),
            ..UsersQuery::default()
        };
        let say = |matches, q, two_step| how_many(matches, &query(q, two_step), Language::English);
        assert_eq!(say(Matches::Exactly(1_234), "", ""), "1,234 users");
        assert_eq!(say(Matches::Exactly(1), "", ""), "1 user");
        assert_eq!(
            say(Matches::Exactly(3), " grace ", ""),
            "3 users match “grace”"
        );
        assert_eq!(
            say(Matches::Exactly(1), "grace", "on"),
            "1 user matches “grace”"
        );
        assert_eq!(
            say(Matches::Exactly(0), "", "off"),
            "0 users match the filters"
        );
        assert_eq!(
            say(Matches::Exactly(57), "", "must"),
            "57 users must still set up"
        );
        assert_eq!(
            say(Matches::MoreThan(1_000), "", ""),
            "More than 1,000 users"
        );
        assert_eq!(
            say(Matches::MoreThan(1_000), "@example.com", ""),
            "More than 1,000 users match “@example.com”"
        );
    }

    #[test]
    fn the_count_reads_in_each_language() {
        let search = UsersQuery {
            q: "grace".into(),
            ..UsersQuery::default()
        };
        let all = UsersQuery::default();
        assert_eq!(thousands(1_234_567, Language::German), "1.234.567");
        assert_eq!(
            how_many(Matches::Exactly(1_234), &search, Language::German),
            "1.234 Benutzer passen zu „grace“"
        );
        assert_eq!(
            how_many(Matches::Exactly(1), &search, Language::German),
            "1 Benutzer passt zu „grace“"
        );
        assert_eq!(
            how_many(Matches::Exactly(1), &all, Language::Swedish),
            "1 användare"
        );
        assert_eq!(
            how_many(Matches::MoreThan(1_000), &all, Language::Estonian),
            "Üle 1\u{a0}000 kasutaja"
        );
        assert_eq!(
            how_many(Matches::Exactly(3), &all, Language::Estonian),
            "3 kasutajat"
        );
    }
}
