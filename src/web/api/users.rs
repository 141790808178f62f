//! `/api/v1/users`: the users list (keyset pages), one user, adding one, changing one,
//! resetting their 2-step verification, issuing a temporary access code. Every change goes
//! through the control center's use cases, audited with the key's name as the actor.

use actix_web::http::header;
use actix_web::{HttpResponse, get, patch, post, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::Caller;
use super::problem::{ApiError, Problem};
use crate::db::directory::Page;
use crate::domain::account::normalise_name;
use crate::domain::api_keys::Scope;
use crate::domain::problems::Problems;
use crate::domain::temporary_codes::Validity;
use crate::domain::time::iso;
use crate::services::admin::{
    AddUser, NewUserInput, Refusal, UserEdit, UserList, UserListInput, UserWithGroups,
};
use crate::services::temporary_codes::IssueRefusal;
use crate::web::ids::Id;

/// Lists answer this many items unless `limit` says otherwise, and never more than
/// `LIMIT_MAX`.
pub const LIMIT_DEFAULT: i64 = 50;
pub const LIMIT_MAX: i64 = 200;

/// A group a user is in.
#[derive(Serialize, ToSchema)]
pub struct GroupRef {
    id: i64,
    name: String,
}

/// An account.
#[derive(Serialize, ToSchema)]
pub struct User {
    id: i64,
    email: String,
    name: String,
    /// E.164, or null.
    phone_number: Option<String>,
    disabled: bool,
    /// The method of the second step, or null when 2-step verification is off.
    #[schema(value_type = Option<String>, example = "sms")]
    two_step: Option<&'static str>,
    groups: Vec<GroupRef>,
    /// RFC 3339, UTC.
    created_at: String,
    last_sign_in_at: Option<String>,
}

impl From<UserWithGroups> for User {
    fn from(user: UserWithGroups) -> Self {
        let record = user.record;
        Self {
            id: record.id,
            email: record.email,
            name: record.name,
            phone_number: record.phone,
            disabled: record.disabled != 0,
            two_step: record.two_factor_method.map(|method| method.as_str()),
            groups: user
                .groups
                .into_iter()
                .map(|(id, name)| GroupRef { id, name })
                .collect(),
            created_at: iso(record.created_at),
            last_sign_in_at: record.last_sign_in_at.map(iso),
        }
    }
}

/// A page of users, and where the next one starts (null: this was the last).
#[derive(Serialize, ToSchema)]
pub struct UserPage {
    items: Vec<User>,
    next_cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UsersQuery {
    /// Words each user matches in their name, email or phone number.
    query: Option<String>,
    /// on, off, must (must still set up), sms, app or passkey.
    two_step: Option<String>,
    /// A group id.
    group: Option<String>,
    /// 1 to 200, 50 when absent.
    limit: Option<String>,
    /// The `next_cursor` of the page before.
    cursor: Option<String>,
}

/// `limit` as a number of items.
pub fn read_limit(limit: Option<&str>) -> Result<i64, ApiError> {
    match limit {
        None => Ok(LIMIT_DEFAULT),
        Some(text) => text
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=LIMIT_MAX).contains(n))
            .ok_or_else(|| ApiError::field("limit", "api-limit-invalid")),
    }
}

/// The users the filters match, 50 (or `limit`) at a time in id order: a user added while
/// a script pages is on a later page, and none is seen twice.
#[utoipa::path(
    tag = "users",
    params(UsersQuery),
    responses(
        (status = 200, body = UserPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[get("/api/v1/users")]
pub async fn list_users(
    caller: Caller,
    query: web::Query<UsersQuery>,
) -> Result<web::Json<UserPage>, ApiError> {
    caller.needs(Scope::UsersRead)?;
    let query = query.into_inner();
    let limit = read_limit(query.limit.as_deref())?;
    let after = match query.cursor.as_deref() {
        None => 0,
        Some(text) => text
            .parse::<i64>()
            .ok()
            .filter(|id| *id >= 0)
            .ok_or_else(|| ApiError::field("cursor", "api-cursor-invalid"))?,
    };
    let input = UserListInput {
        search: query.query.unwrap_or_default(),
        two_step: query.two_step.unwrap_or_default(),
        group: query.group.unwrap_or_default(),
        ..UserListInput::default()
    };
    let list = UserList::parse(&input)
        .map_err(|problems| ApiError::invalid(problems, &[("q", "query")]))?;
    let services = caller.services();
    let found = services
        .users_page(&list.search, list.filter, Page::After(after), limit)
        .await?;
    let next_cursor = found
        .rows
        .last()
        .filter(|_| found.later)
        .map(|last| last.id.to_string());
    let ids: Vec<i64> = found.rows.iter().map(|row| row.id).collect();
    let items = services
        .users_with_groups(&ids)
        .await?
        .into_iter()
        .map(User::from)
        .collect();
    Ok(web::Json(UserPage { items, next_cursor }))
}

async fn one_user(caller: &Caller, id: i64) -> Result<User, ApiError> {
    caller
        .services()
        .users_with_groups(&[id])
        .await?
        .into_iter()
        .next()
        .map(User::from)
        .ok_or(ApiError::NotFound)
}

#[utoipa::path(
    tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    responses(
        (status = 200, body = User),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[get("/api/v1/users/{id}")]
pub async fn get_user(caller: Caller, id: web::Path<Id>) -> Result<web::Json<User>, ApiError> {
    caller.needs(Scope::UsersRead)?;
    Ok(web::Json(one_user(&caller, id.into_inner().0).await?))
}

/// A user to add.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    email: String,
    name: String,
    /// A mobile number, in international form or in the platform's default country.
    phone_number: Option<String>,
    /// Group ids.
    #[serde(default)]
    groups: Vec<i64>,
    /// Email the new user a link to choose their password.
    #[serde(default)]
    invite: bool,
}

/// Adds a user without a password; with `invite`, they are emailed a link to choose one.
#[utoipa::path(
    tag = "users",
    request_body = NewUser,
    responses(
        (status = 201, body = User, headers(("Location" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[post("/api/v1/users")]
pub async fn create_user(
    caller: Caller,
    body: web::Json<NewUser>,
) -> Result<HttpResponse, ApiError> {
    caller.needs(Scope::UsersWrite)?;
    let body = body.into_inner();
    let input = NewUserInput {
        name: body.name,
        email: body.email,
        phone: body.phone_number.unwrap_or_default(),
        groups: body.groups.iter().map(i64::to_string).collect(),
        admin: false,
        invite: body.invite,
    };
    let platform = caller.services().platform().await?;
    let new = AddUser::parse(&input, &platform)
        .map_err(|problems| ApiError::invalid(problems, &[("phone", "phone_number")]))?;
    let id = match caller
        .services()
        .add_user(caller.actor(), &new, &caller.origin)
        .await?
    {
        Ok(id) => id,
        Err(Refusal::EmailTaken) => return Err(ApiError::Conflict("api-email-taken")),
        Err(Refusal::NotFound) => return Err(ApiError::field("groups", "api-group-unknown")),
        Err(_) => return Err(ApiError::BadRequest("api-refused")),
    };
    let user = one_user(&caller, id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/users/{id}")))
        .json(user))
}

/// What to change of a user: each field present is changed, all or none (a refusal
/// leaves every field as it was).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserChange {
    name: Option<String>,
    /// A mobile number for the user's profile, or "" to remove it. The number their
    /// sign-in codes go to changes only by the user, with a code.
    phone_number: Option<String>,
    disabled: Option<bool>,
}

#[utoipa::path(
    tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    request_body = UserChange,
    responses(
        (status = 200, body = User),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[patch("/api/v1/users/{id}")]
pub async fn change_user(
    caller: Caller,
    id: web::Path<Id>,
    body: web::Json<UserChange>,
) -> Result<web::Json<User>, ApiError> {
    caller.needs(Scope::UsersWrite)?;
    let id = id.into_inner().0;
    let body = body.into_inner();
    let services = caller.services();
    let mut problems = Problems::default();
    let name = match body.name.as_deref().map(normalise_name) {
        None => None,
        Some(Ok(name)) => Some(name),
        Some(Err(problem)) => {
            problems.add("name", move |lang| problem.say(lang));
            None
        }
    };
    let platform = services.platform().await?;
    let phone = match body.phone_number.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(typed) => match platform.sms_phone(typed) {
            Ok(phone) => Some(Some(phone)),
            Err(problem) => {
                problems.add("phone_number", move |lang| problem.say(lang));
                None
            }
        },
    };
    let edit = problems
        .or(UserEdit {
            name,
            phone,
            disabled: body.disabled,
        })
        .map_err(|problems| ApiError::invalid(problems, &[]))?;
    match services
        .edit_user(caller.actor(), id, &edit, &caller.origin)
        .await?
    {
        Ok(()) => {}
        Err(Refusal::PhoneInUse) => return Err(ApiError::Conflict("api-phone-in-use")),
        Err(Refusal::LastAdmin) => return Err(ApiError::Conflict("api-last-admin")),
        Err(_) => return Err(ApiError::NotFound),
    }
    Ok(web::Json(one_user(&caller, id).await?))
}

/// Resets the user's 2-step verification: their methods, recovery codes, trusted devices
/// and sessions go; they are emailed.
#[utoipa::path(
    tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    responses(
        (status = 200, body = User),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[post("/api/v1/users/{id}/reset-two-step")]
pub async fn reset_two_step(
    caller: Caller,
    id: web::Path<Id>,
) -> Result<web::Json<User>, ApiError> {
    caller.needs(Scope::UsersWrite)?;
    let id = id.into_inner().0;
    caller
        .services()
        .reset_two_step(caller.actor(), id, &caller.origin)
        .await?
        .map_err(|_| ApiError::NotFound)?;
    Ok(web::Json(one_user(&caller, id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeRequest {
    /// 1, 8 or 24.
    hours: i64,
}

/// The code, shown this once.
#[derive(Serialize, ToSchema)]
pub struct IssuedCode {
    code: String,
    /// RFC 3339, UTC.
    expires_at: String,
}

/// Issues a temporary access code for someone who lost their phone (an earlier one stops
/// working); the person is emailed that one was issued, never the code.
#[utoipa::path(
    tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    request_body = CodeRequest,
    responses(
        (status = 200, body = IssuedCode),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[post("/api/v1/users/{id}/temporary-access-code")]
pub async fn temporary_access_code(
    caller: Caller,
    id: web::Path<Id>,
    body: web::Json<CodeRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.needs(Scope::UsersWrite)?;
    let validity = Validity::parse(&body.hours.to_string())
        .ok_or_else(|| ApiError::field("hours", "api-hours-invalid"))?;
    let issued = caller
        .services()
        .issue_temporary_code(caller.actor(), id.into_inner().0, validity, &caller.origin)
        .await?
        .map_err(|refusal| match refusal {
            IssueRefusal::NotFound => ApiError::NotFound,
            IssueRefusal::Disabled => ApiError::Conflict("api-code-disabled"),
            IssueRefusal::NoSecondStep => ApiError::Conflict("api-code-no-second-step"),
        })?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(IssuedCode {
            code: issued.code,
            expires_at: iso(issued.expires_at),
        }))
}
