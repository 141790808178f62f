//! While the database is out of reach every page answers 503, "try again in a moment",
//! with `Retry-After`: never an opaque 500, and never a wait longer than the pool's.
//!
//! Errors of the use cases carry their cause to `AppError`, which answers 503 itself. The
//! session store is actix-session's, which makes any store error an opaque 500 and drops
//! the response, so the store notes an outage on the side (`noting_store_outages`):
//! - reading the session, it reports no session and `refuse_while_store_unreachable`,
//!   just inside the session layer, answers 503 before anything reads it;
//! - writing it back after the page was made, the error reaches `answer_unavailable`, just
//!   outside the session layer, which answers 503 for the request the page was made for
//!   (kept aside on its way out, since an error carries no request).
//!
//! An error a middleware returned is made a response there too, so `render_error_page`
//! draws it and the security headers reach it.

use std::cell::RefCell;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{Error, HttpRequest};

use crate::db::sessions::{noting_store_outages, store_outage_seen};
use crate::web::errors::unavailable_response;

tokio::task_local! {
    /// The request a response was made for, kept on its way out through the session layer.
    static SERVED: RefCell<Option<HttpRequest>>;
}

/// Outside the session layer: an error on the way out (writing the session) becomes a
/// response, 503 when the database is out of reach.
pub async fn answer_unavailable(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let served = SERVED.scope(RefCell::new(None), async {
        let result = next.call(req).await;
        (result, SERVED.with(|served| served.borrow_mut().take()))
    });
    let ((result, served), store_outage) = noting_store_outages(served).await;
    match (result, served) {
        (Ok(res), _) => Ok(res.map_into_left_body()),
        (Err(err), Some(request)) => {
            let response = if store_outage {
                tracing::warn!("The session could not be saved: the database is unavailable");
                unavailable_response()
            } else {
                err.error_response()
            };
            Ok(ServiceResponse::new(request, response).map_into_right_body())
        }
        (Err(err), None) => Err(err),
    }
}

/// Just inside the session layer: a session that could not be read because the database
/// is out of reach is answered 503; every response's request is kept aside on its way
/// out for `answer_unavailable`.
pub async fn refuse_while_store_unreachable(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    if store_outage_seen() {
        tracing::warn!("The session could not be read: the database is unavailable");
        let (request, _) = req.into_parts();
        return Ok(ServiceResponse::new(request, unavailable_response()).map_into_right_body());
    }
    let res = next.call(req).await?;
    // Routing is done: the request may be shared now.
    let _ = SERVED.try_with(|served| *served.borrow_mut() = Some(res.request().clone()));
    Ok(res.map_into_left_body())
}
