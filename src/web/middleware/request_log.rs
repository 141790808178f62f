//! The span every log line of a request is written in: what the portal itself decided about
//! the request, never a header as it came. The client is the address `origin_of` computes
//! (the peer, or what a trusted proxy reports), the route is the pattern the request
//! matched (no query string: links carry tokens), and the browser is the short name the
//! device lists show. A refused request (4xx) is not an error; the errors themselves are
//! logged where they are understood (`errors.rs`), once.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use tracing::Span;
use tracing_actix_web::{RequestId, RootSpanBuilder};

use crate::domain::language::Language;
use crate::domain::user_agent::describe;
use crate::web::request::origin_of;

pub struct RequestLog;

impl RootSpanBuilder for RequestLog {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let origin = origin_of(request.request());
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "(no route)".to_owned());
        let request_id = actix_web::HttpMessage::extensions(request)
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        tracing::info_span!(
            "HTTP request",
            http.method = %method(request.method()),
            http.route = %route,
            client_ip = %origin.ip.as_deref().unwrap_or("unknown"),
            browser = %origin
                .user_agent
                .as_deref()
                .map_or_else(|| "none".to_owned(), |ua| describe(Language::English, ua)),
            request_id = %request_id,
            http.status_code = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        let status = match outcome {
            Ok(response) => response.status(),
            Err(error) => error.as_response_error().status_code(),
        };
        span.record("http.status_code", status.as_u16());
        if status.is_client_error() {
            tracing::debug!(status = status.as_u16(), "Refused the request");
        }
    }
}

/// The method's name; any other a client makes up is not written as it came.
fn method(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        Method::TRACE => "TRACE",
        Method::CONNECT => "CONNECT",
        _ => "other",
    }
}
