//! `/api/v1/rooms/{id}/members/{user_id}/phone`: a data room member's "Two-factor phone
//! number", set or removed as a room's User Rights page does it.

use actix_web::{HttpResponse, delete, put, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::auth::Caller;
use super::problem::{ApiError, Problem};
use crate::domain::api_keys::Scope;
use crate::domain::problems::Problems;
use crate::services::admin::Refusal;
use crate::web::ids::Id;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoomPhone {
    /// A mobile number, in international form or in the platform's default country.
    phone_number: String,
}

/// The number the room's codes go to.
#[derive(Serialize, ToSchema)]
pub struct RoomPhoneSet {
    room_id: i64,
    user_id: i64,
    /// E.164.
    phone_number: String,
}

/// What the room's use case refused, as the API says it.
fn refused(refusal: Refusal) -> ApiError {
    match refusal {
        Refusal::Phone(problem) => {
            let mut problems = Problems::default();
            problems.add("phone_number", move |lang| problem.say(lang));
            ApiError::invalid(problems, &[])
        }
        Refusal::RoomAdminExempt => ApiError::Conflict("api-room-admin-exempt"),
        _ => ApiError::NotFound,
    }
}

/// Sets the number the room's codes go to for one of its members; the member is emailed,
/// and a code already sent to the old number stops working.
#[utoipa::path(
    tag = "rooms",
    params(
        ("id" = i64, Path, description = "The data room's id"),
        ("user_id" = i64, Path, description = "The member's user id"),
    ),
    request_body = RoomPhone,
    responses(
        (status = 200, body = RoomPhoneSet),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such room, or the user is not a member of it"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Room administrators are not held to the room's step"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[put("/api/v1/rooms/{id}/members/{user_id}/phone")]
pub async fn set_phone(
    caller: Caller,
    path: web::Path<(Id, Id)>,
    body: web::Json<RoomPhone>,
) -> Result<web::Json<RoomPhoneSet>, ApiError> {
    caller.needs(Scope::RoomsWrite)?;
    let (Id(room_id), Id(user_id)) = path.into_inner();
    if body.phone_number.trim().is_empty() {
        return Err(ApiError::field("phone_number", "api-room-phone-missing"));
    }
    let phone = caller
        .services()
        .set_member_room_phone(
            caller.actor(),
            room_id,
            user_id,
            &body.phone_number,
            &caller.origin,
        )
        .await?
        .map_err(refused)?
        .ok_or(ApiError::NotFound)?;
    Ok(web::Json(RoomPhoneSet {
        room_id,
        user_id,
        phone_number: phone,
    }))
}

/// Removes the member's room number: the room's step cannot send them a code until one is
/// set again.
#[utoipa::path(
    tag = "rooms",
    params(
        ("id" = i64, Path, description = "The data room's id"),
        ("user_id" = i64, Path, description = "The member's user id"),
    ),
    responses(
        (status = 204, description = "The member has no room number"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []))
)]
#[delete("/api/v1/rooms/{id}/members/{user_id}/phone")]
pub async fn remove_phone(
    caller: Caller,
    path: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    caller.needs(Scope::RoomsWrite)?;
    let (Id(room_id), Id(user_id)) = path.into_inner();
    caller
        .services()
        .set_member_room_phone(caller.actor(), room_id, user_id, "", &caller.origin)
        .await?
        .map_err(refused)?;
    Ok(HttpResponse::NoContent().finish())
}
