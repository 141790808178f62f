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
use crate::db::directory::{AccountFilter, Matches, Page, TwoStepFilter, UserFilter, UserRow};
use crate::domain::account::{normalise_email, normalise_name};
use crate::domain::factors::FactorMethod;
use crate::domain::phone::format_international;
use crate::domain::policy::Requirement;
use crate::services::admin::{AccountChange, Actor, AddUser, PASSWORD_LINK_SECS, Refusal};
use crate::web::confirmation::ConfirmChange;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
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
                .route(web::post().to(|me, id: web::Path<i64>, layout| {
                    change(me, *id, layout, AccountChange::ResetTwoStep)
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
                .route(web::post().to(|me, id: web::Path<i64>, layout| {
                    change(me, *id, layout, AccountChange::SignOutEverywhere)
                }))
                .wrap(from_fn(recent_password)),
        )
        .service(
            account_action(AccountChange::Disable)
                .route(web::post().to(|me, id: web::Path<i64>, layout| {
                    change(me, *id, layout, AccountChange::Disable)
                }))
                .wrap(from_fn(recent_password)),
        )
        .service(
            account_action(AccountChange::Enable)
                .route(web::post().to(|me, id: web::Path<i64>, layout| {
                    change(me, *id, layout, AccountChange::Enable)
                }))
                .wrap(from_fn(recent_password)),
        )
        .service(
            account_action(AccountChange::MakeAdmin)
                .route(web::post().to(|me, id: web::Path<i64>, layout| {
                    change(me, *id, layout, AccountChange::MakeAdmin)
                }))
                .wrap(from_fn(recent_password)),
        )
        .service(
            account_action(AccountChange::RemoveAdmin)
                .route(web::post().to(|me, id: web::Path<i64>, layout| {
                    change(me, *id, layout, AccountChange::RemoveAdmin)
                }))
                .wrap(from_fn(recent_password)),
        );
}

/// The address of an account action, and its question (`confirm_change`).
fn account_action(action: AccountChange) -> actix_web::Resource {
    web::resource(format!("/users/{{id}}/{}", action_segment(action))).route(
        web::get()
            .to(move |me, id: web::Path<i64>, layout| confirm_change(me, *id, layout, action)),
    )
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
const SEARCH_MAX: usize = 200;

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
    pub method: &'static str,
    pub is_admin: bool,
    pub disabled: bool,
    /// `None`: never signed in.
    pub last_sign_in: Option<When>,
}

fn method_label(method: Option<FactorMethod>) -> &'static str {
    method.map_or("Off", FactorMethod::label)
}

impl From<UserRow> for ListedUser {
    fn from(row: UserRow) -> Self {
        Self {
            method: method_label(row.two_factor_method),
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
    errors: FormErrors,
}

/// 1234567 as "1,234,567".
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// How many users the list matches, in words.
fn how_many(matches: Matches, query: &UsersQuery) -> String {
    let (n, more) = match matches {
        Matches::Exactly(n) => (n, false),
        Matches::MoreThan(n) => (n, true),
    };
    let one = n == 1 && !more;
    let users = format!(
        "{}{} user{}",
        if more { "More than " } else { "" },
        thousands(n),
        if one { "" } else { "s" }
    );
    let filtered = !query.two_step.is_empty()
        || !query.group.is_empty()
        || query.admin.is_some()
        || !query.account.is_empty();
    let match_ = if one { "matches" } else { "match" };
    if !query.q.trim().is_empty() {
        format!("{users} {match_} “{}”", query.q.trim())
    } else if query.two_step == "must" && query.group.is_empty() && query.admin.is_none() {
        format!("{users} must still set up")
    } else if filtered {
        format!("{users} {match_} the filters")
    } else {
        users
    }
}

/// The list's filters as a query string, then the page's place.
fn page_query(query: &UsersQuery, place: (&str, i64)) -> String {
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
    out.append_pair(place.0, &place.1.to_string());
    out.finish()
}

async fn users_page(
    me: SignedIn,
    query: web::Query<UsersQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let mut errors = FormErrors::default();
    if query.q.chars().count() > SEARCH_MAX {
        errors.add(
            "q",
            format!("Search with {SEARCH_MAX} characters or fewer."),
        );
    }
    let two_step = match query.two_step.as_str() {
        "" => None,
        text => {
            let parsed = TwoStepFilter::parse(text);
            if parsed.is_none() {
                errors.add(
                    "two_step",
                    "Choose a 2-step verification filter from the list.",
                );
            }
            parsed
        }
    };
    let group = match query.group.as_str() {
        "" => None,
        text => {
            let parsed = text.parse::<i64>().ok();
            if parsed.is_none() {
                errors.add("group", "Choose a group from the list.");
            }
            parsed
        }
    };
    let account = match query.account.as_str() {
        "" => None,
        text => {
            let parsed = AccountFilter::parse(text);
            if parsed.is_none() {
                errors.add("account", "Choose accounts from the list.");
            }
            parsed
        }
    };
    let (users, how_many, previous, next) = if errors.is_empty() {
        let filter = UserFilter {
            two_step,
            group,
            admins_only: query.admin.is_some(),
            account,
            ..UserFilter::default()
        };
        let page = match (query.before, query.after) {
            (Some(before), _) => Page::Before(before),
            (None, after) => Page::After(after.unwrap_or(0)),
        };
        let found = me
            .services()
            .users_page(&query.q, filter, page, PER_PAGE)
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
            how_many(found.matches, &query),
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
    method: &'static str,
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
    notice: Option<&'static str>,
    errors: FormErrors,
}

/// A temporary access code as the user's page shows it (never the code).
pub struct TemporaryCodeRow {
    issued_by: String,
    issued: When,
    until: When,
}

#[derive(Deserialize)]
pub struct UserQuery {
    #[serde(default)]
    done: String,
}

fn done_text(done: &str) -> Option<&'static str> {
    match done {
        "reset" => {
            Some("2-step verification was reset. The user was signed out everywhere and emailed.")
        }
        "signed-out" => Some("The user was signed out everywhere."),
        "disabled" => Some("The account was disabled and signed out everywhere."),
        "enabled" => Some("The account was enabled."),
        "admin" => Some("The user is now an administrator."),
        "not-admin" => Some("The user is no longer an administrator."),
        "phone" => Some("The phone number was saved."),
        "added" => Some(
            "The user was added. We emailed them a link to choose their password: it works once, for 72 hours.",
        ),
        "password-link" => Some(
            "We emailed the user a link to choose their password: it works once, for 72 hours. Any earlier link stopped working.",
        ),
        _ => None,
    }
}

fn requirement_text(requirement: Requirement) -> &'static str {
    match requirement {
        Requirement::NotOffered => "Not offered",
        Requirement::Optional => "Optional",
        Requirement::Required { deadline: Some(_) } => "Required (within a grace period)",
        Requirement::Required { deadline: None } => "Required",
    }
}

/// The user's page; after a refused change, with the reason (`errors`) and what was typed,
/// answering `status`.
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
                issued_by: code
                    .issued_by
                    .unwrap_or_else(|| "the command line".to_owned()),
                issued: when(code.issued_at),
                until: when(code.expires_at),
            });
    render(
        status,
        &UserPage {
            layout,
            sections: sections("/admin/users"),
            id: user.id,
            method: method_label(user.method()),
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
                .map(|d| DeviceRow::from(d, None))
                .collect(),
            sessions: details
                .overview
                .sessions
                .into_iter()
                .map(|s| SessionRow::from(s, None))
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
    id: web::Path<i64>,
    query: web::Query<UserQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    user_page_with(
        &me,
        id.into_inner(),
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
async fn last_admin_refused(
    me: &SignedIn,
    id: i64,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    user_page_with(
        me,
        id,
        layout,
        None,
        None,
        FormErrors::general(LAST_ADMIN),
        StatusCode::CONFLICT,
    )
    .await
}

const LAST_ADMIN: &str =
    "This is the last administrator: make someone else an administrator first.";
const PHONE_IN_USE: &str = "This number receives the user's sign-in codes. The user changes it in My security settings, or you reset their 2-step verification first.";

/// "Reset 2-step verification?", naming the user and what goes.
async fn reset_form(
    me: SignedIn,
    id: web::Path<i64>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let Some(details) = me.services().user_details(id).await? else {
        return Err(AppError::NotFound);
    };
    let user = &details.user;
    let mut consequences = Vec::new();
    // Only what the user really has is named.
    if let Some(method) = user.method() {
        consequences.push(format!(
            "{} ({}) will no longer sign in with {}.",
            user.name,
            user.email,
            match method {
                FactorMethod::Sms => "codes texted to their phone",
                FactorMethod::Authenticator => "their authenticator app",
                FactorMethod::Passkey => "their passkeys",
            }
        ));
    } else {
        consequences.push(format!(
            "{} ({}) has no 2-step verification method set up.",
            user.name, user.email
        ));
    }
    let plural = |count: usize, one: &str| match count {
        1 => format!("their 1 {one}"),
        n => format!("their {n} {one}s"),
    };
    let mut removed = Vec::new();
    if user.uses_authenticator() {
        removed.push("their authenticator app's key".to_owned());
    }
    if user.sms_phone().is_some() {
        removed.push("their phone as a sign-in method".to_owned());
    }
    let codes = usize::try_from(details.overview.codes_left).unwrap_or_default();
    if codes > 0 {
        removed.push(plural(codes, "recovery code"));
    }
    if !details.overview.devices.is_empty() {
        removed.push(plural(details.overview.devices.len(), "trusted device"));
    }
    if let Some((last, rest)) = removed.split_last() {
        let listed = if rest.is_empty() {
            last.clone()
        } else {
            format!("{} and {last}", rest.join(", "))
        };
        consequences.push(format!("Removed: {listed}."));
    }
    consequences.extend(["Every session ends, including sign-ins halfway through.".to_owned()]);
    if details.requirement.is_required() {
        consequences.push(
            "2-step verification is required for them: they set it up again at their next sign-in."
                .to_owned(),
        );
    }
    consequences.push("They are emailed that you reset it.".to_owned());
    ConfirmChange {
        layout,
        title: format!("Reset 2-step verification for {}?", user.name),
        consequences,
        action: format!("/admin/users/{id}/reset"),
        button: "Reset 2-step verification".into(),
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
        return last_admin_refused(&me, id, layout).await;
    }
    let user = details.user;
    let who = format!("{} ({})", user.name, user.email);
    let (title, consequences, button, danger) = match change {
        AccountChange::ResetTwoStep => return Err(AppError::NotFound),
        AccountChange::SignOutEverywhere => (
            format!("Sign {} out everywhere?", user.name),
            vec![
                format!("Every session of {who} ends at once, including sign-ins halfway through."),
                "They sign in again with their password and their second step.".to_owned(),
            ],
            "Sign out everywhere",
            false,
        ),
        AccountChange::Disable => (
            format!("Disable {}'s account?", user.name),
            vec![
                format!("{who} can no longer sign in."),
                "Every session ends at once.".to_owned(),
                "They are emailed that an administrator disabled the account.".to_owned(),
            ],
            "Disable account",
            true,
        ),
        AccountChange::Enable => (
            format!("Enable {}'s account?", user.name),
            vec![format!(
                "{who} can sign in again, with their password and their second step."
            )],
            "Enable account",
            false,
        ),
        AccountChange::MakeAdmin => (
            format!("Make {} an administrator?", user.name),
            vec![
                format!("{who} can open the control center: change the security settings, reset, disable and sign out users, and make other administrators."),
                "Where 2-step verification is required of administrators, they set it up at their next sign-in.".to_owned(),
            ],
            "Make administrator",
            true,
        ),
        AccountChange::RemoveAdmin => (
            format!("Remove {} as an administrator?", user.name),
            vec![format!("{who} can no longer open the control center.")],
            "Remove administrator",
            false,
        ),
    };
    ConfirmChange {
        layout,
        title,
        consequences,
        action: format!("/admin/users/{id}/{}", action_segment(change)),
        button: button.into(),
        danger,
        cancel: format!("/admin/users/{id}"),
    }
    .respond()
}

/// "Email Ada a set-password link?"
async fn password_link_form(
    me: SignedIn,
    id: web::Path<i64>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let user = me
        .services()
        .find_user(id)
        .await?
        .ok_or(AppError::NotFound)?;
    ConfirmChange {
        layout,
        title: format!("Email {} a set-password link?", user.name),
        consequences: vec![
            format!(
                "A link is emailed to {}, and to no one else: it works once, for {} hours, and lets whoever opens it choose the account's password.",
                user.email,
                PASSWORD_LINK_SECS / 3_600
            ),
            "Any earlier link stops working.".to_owned(),
            "Their 2-step verification stays as it is.".to_owned(),
        ],
        action: format!("/admin/users/{id}/password-link"),
        button: "Email the link".into(),
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
        Err(Refusal::LastAdmin) => return last_admin_refused(&me, id, layout).await,
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
    id: web::Path<i64>,
    form: web::Form<PhoneForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let outcome = me
        .services()
        .set_user_phone(Actor::Admin(&me.user), id, &form.phone, &me.origin)
        .await?;
    match outcome {
        Ok(_) => Ok(see_other(&format!("/admin/users/{id}?done=phone"))),
        Err(Refusal::Phone(reason)) => {
            let mut errors = FormErrors::default();
            errors.add("phone", reason);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            let typed = Some(form.phone.clone());
            user_page_with(&me, id, layout, None, typed, errors, status).await
        }
        Err(Refusal::PhoneInUse) => {
            let mut errors = FormErrors::default();
            errors.add("phone", PHONE_IN_USE);
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
struct NewUserForm {
    name: String,
    email: String,
    phone: String,
    groups: Vec<String>,
    admin: bool,
}

impl NewUserForm {
    fn parse(body: &[u8]) -> Self {
        let mut form = Self {
            name: String::new(),
            email: String::new(),
            phone: String::new(),
            groups: Vec::new(),
            admin: false,
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
}

#[tracing::instrument(name = "Add a user", skip_all)]
async fn add_user(
    me: SignedIn,
    body: web::Bytes,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let form = NewUserForm::parse(&body);
    let mut errors = FormErrors::default();
    let name = normalise_name(&form.name)
        .map_err(|p| errors.add("name", p))
        .ok();
    let email = normalise_email(&form.email)
        .map_err(|p| errors.add("email", p))
        .ok();
    let platform = me.services().platform().await?;
    let phone = match form.phone.trim() {
        "" => None,
        typed => platform
            .sms_phone(typed)
            .map_err(|p| errors.add("phone", p))
            .ok(),
    };
    let groups: Vec<i64> = form.groups.iter().filter_map(|g| g.parse().ok()).collect();
    if groups.len() != form.groups.len() {
        errors.add("groups", "Choose groups from the list.");
    }
    if let (true, Some(name), Some(email)) = (errors.is_empty(), name, email) {
        let new = AddUser {
            name,
            email,
            phone,
            groups,
            admin: form.admin,
        };
        match me
            .services()
            .add_user(Actor::Admin(&me.user), &new, &me.origin)
            .await?
        {
            Ok(id) => return Ok(see_other(&format!("/admin/users/{id}?done=added"))),
            Err(Refusal::EmailTaken) => errors.add(
                "email",
                "An account with this email address already exists.",
            ),
            Err(Refusal::NotFound) => errors.add("groups", "Choose groups from the list."),
            Err(refusal) => return Err(refused(refusal)),
        }
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
async fn new_password_link(me: SignedIn, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    me.services()
        .new_password_link(Actor::Admin(&me.user), id, &me.origin)
        .await?
        .map_err(refused)?;
    Ok(see_other(&format!("/admin/users/{id}?done=password-link")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_grouped_by_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234), "1,234");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(-12_345), "-12,345");
    }

    #[test]
    fn the_count_says_what_matched() {
        let query = |q: &str, two_step: &str| UsersQuery {
            q: q.into(),
            two_step: two_step.into(),
            ..UsersQuery::default()
        };
        let say = |matches, q, two_step| how_many(matches, &query(q, two_step));
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
}
