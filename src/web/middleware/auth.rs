//! Who is signed in. `load_user` runs on every request and puts the user in the request's
//! extensions; `require_sign_in` guards a scope; handlers take `CurrentUser` as an argument.

use std::future::{Ready, ready};

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, web};

use crate::db::sessions::USER_ID_KEY;
use crate::db::users::{User, find_user_by_id};
use crate::web::AppState;
use crate::web::errors::AppError;

#[derive(Clone, Debug)]
pub struct CurrentUser(pub User);

pub async fn load_user(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let session = req.get_session();
    if let Ok(Some(user_id)) = session.get::<i64>(USER_ID_KEY) {
        let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
            return Err(
                AppError::Unexpected(anyhow::anyhow!("the application state is missing")).into(),
            );
        };
        match find_user_by_id(&state.db, user_id).await {
            Ok(Some(user)) if !user.is_disabled() => {
                req.extensions_mut().insert(CurrentUser(user));
            }
            // Deleted or disabled since signing in: the session ends here.
            Ok(_) => session.purge(),
            Err(err) => {
                let (req, _) = req.into_parts();
                let res = actix_web::ResponseError::error_response(&AppError::from(err));
                return Ok(ServiceResponse::new(req, res));
            }
        }
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

pub async fn require_sign_in(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if req.extensions().get::<CurrentUser>().is_none() {
        let (req, _) = req.into_parts();
        let res = HttpResponse::SeeOther()
            .insert_header((actix_web::http::header::LOCATION, "/login"))
            .finish();
        return Ok(ServiceResponse::new(req, res));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<CurrentUser>()
                .cloned()
                .ok_or_else(|| {
                    AppError::Unexpected(anyhow::anyhow!(
                        "a signed-in page was served without require_sign_in"
                    ))
                }),
        )
    }
}
