//! `/api/v1/groups`: the groups, adding one, its rule, its members.

use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::auth::Caller;
use super::problem::{ApiError, Problem};
use crate::db::groups::Group as StoredGroup;
use crate::domain::api_keys::Scope;
use crate::domain::policy::GroupSetting;
use crate::domain::problems::Problems;
use crate::services::admin::{GroupRuleInput, NAME_MAX, Refusal, group_name};
use crate::web::ids::Id;

/// A group and what it asks of its members.
#[derive(Serialize, ToSchema)]
pub struct Group {
    id: i64,
    name: String,
    /// allowed, not_available or required.
    #[schema(value_type = String, example = "required")]
    rule: &'static str,
    /// Days members have to set up once it is required; null: none.
    grace_days: Option<i64>,
    /// any or passkeys.
    #[schema(value_type = String, example = "any")]
    methods: &'static str,
    members: i64,
}

impl From<StoredGroup> for Group {
    fn from(group: StoredGroup) -> Self {
        Self {
            rule: group.two_step().as_str(),
            methods: methods_word(group.methods().as_str()),
            id: group.id,
            name: group.name,
            grace_days: group.grace_days,
            members: group.members,
        }
    }
}

/// The API says "passkeys" where the form says "passkeys_only".
fn methods_word(stored: &'static str) -> &'static str {
    if stored == "passkeys_only" {
        "passkeys"
    } else {
        stored
    }
}

#[derive(Serialize, ToSchema)]
pub struct GroupList {
    items: Vec<Group>,
}

#[utoipa::path(
    tag = "groups",
    responses(
        (status = 200, body = GroupList),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[get("/api/v1/groups")]
pub async fn list_groups(caller: Caller) -> Result<web::Json<GroupList>, ApiError> {
    caller.needs_to_read_groups()?;
    let items = caller
        .services()
        .groups()
        .await?
        .into_iter()
        .map(Group::from)
        .collect();
    Ok(web::Json(GroupList { items }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewGroup {
    name: String,
}

#[utoipa::path(
    tag = "groups",
    request_body = NewGroup,
    responses(
        (status = 201, body = Group, headers(("Location" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[post("/api/v1/groups")]
pub async fn create_group(
    caller: Caller,
    body: web::Json<NewGroup>,
) -> Result<HttpResponse, ApiError> {
    caller.needs(Scope::GroupsWrite)?;
    let name = group_name(&body.name).map_err(|id| {
        let mut problems = Problems::default();
        problems.with_max("name", id, NAME_MAX);
        ApiError::invalid(problems, &[])
    })?;
    let id = match caller
        .services()
        .create_group(caller.actor(), name, &caller.origin)
        .await?
    {
        Ok(id) => id,
        Err(Refusal::NameTaken) => return Err(ApiError::Conflict("api-group-name-taken")),
        Err(_) => return Err(ApiError::BadRequest("api-refused")),
    };
    let group = one_group(&caller, id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/groups/{id}")))
        .json(group))
}

async fn one_group(caller: &Caller, id: i64) -> Result<Group, ApiError> {
    caller
        .services()
        .group(id)
        .await?
        .map(Group::from)
        .ok_or(ApiError::NotFound)
}

/// A group's rule: `rule` is required; absent `methods` keeps the group's.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleChange {
    /// allowed, not_available or required.
    rule: String,
    /// Days members have to set up once it is required; absent or null: none.
    grace_days: Option<i64>,
    /// any or passkeys.
    methods: Option<String>,
}

/// Sets what the group asks of its members. Unlike the page, it does not ask first who
/// would have to set up: the script decided.
#[utoipa::path(
    tag = "groups",
    params(("id" = i64, Path, description = "The group's id")),
    request_body = RuleChange,
    responses(
        (status = 200, body = Group),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[patch("/api/v1/groups/{id}")]
pub async fn change_group(
    caller: Caller,
    id: web::Path<Id>,
    body: web::Json<RuleChange>,
) -> Result<web::Json<Group>, ApiError> {
    caller.needs(Scope::GroupsWrite)?;
    let id = id.into_inner().0;
    let body = body.into_inner();
    let input = GroupRuleInput {
        two_step: body.rule,
        grace_days: body.grace_days.map(|d| d.to_string()).unwrap_or_default(),
        methods: body.methods.map(|m| match m.as_str() {
            "passkeys" => "passkeys_only".to_owned(),
            "passkeys_only" => String::new(),
            _ => m,
        }),
    };
    let rule = input
        .parse()
        .map_err(|problems| ApiError::invalid(problems, &[("two_step", "rule")]))?;
    let services = caller.services();
    let group = services.group(id).await?.ok_or(ApiError::NotFound)?;
    let setting = GroupSetting {
        two_step: rule.two_step,
        methods: rule.methods.unwrap_or_else(|| group.methods()),
        grace_days: rule.grace_days,
    };
    services
        .set_group_rule(caller.actor(), id, setting, &caller.origin)
        .await?
        .map_err(|_| ApiError::NotFound)?;
    Ok(web::Json(one_group(&caller, id).await?))
}

#[utoipa::path(
    tag = "groups",
    params(
        ("id" = i64, Path, description = "The group's id"),
        ("user_id" = i64, Path, description = "The user's id"),
    ),
    responses(
        (status = 200, body = Group, description = "The user is a member (already, or now)"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[put("/api/v1/groups/{id}/members/{user_id}")]
pub async fn add_member(
    caller: Caller,
    path: web::Path<(Id, Id)>,
) -> Result<web::Json<Group>, ApiError> {
    caller.needs(Scope::GroupsWrite)?;
    let (Id(group_id), Id(user_id)) = path.into_inner();
    let services = caller.services();
    let member = services
        .users_with_groups(&[user_id])
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)?;
    services
        .add_group_member(
            caller.actor(),
            group_id,
            &member.record.email,
            &caller.origin,
        )
        .await?
        .map_err(|_| ApiError::NotFound)?;
    Ok(web::Json(one_group(&caller, group_id).await?))
}

#[utoipa::path(
    tag = "groups",
    params(
        ("id" = i64, Path, description = "The group's id"),
        ("user_id" = i64, Path, description = "The user's id"),
    ),
    responses(
        (status = 204, description = "The user is no longer a member"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[delete("/api/v1/groups/{id}/members/{user_id}")]
pub async fn remove_member(
    caller: Caller,
    path: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    caller.needs(Scope::GroupsWrite)?;
    let (Id(group_id), Id(user_id)) = path.into_inner();
    caller
        .services()
        .remove_group_member(caller.actor(), group_id, user_id, &caller.origin)
        .await?
        .map_err(|_| ApiError::NotFound)?;
    Ok(HttpResponse::NoContent().finish())
}
