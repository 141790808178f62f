//! The one check of a recent password ("sudo mode") in front of every sensitive action, a
//! person's own (phone, method, turning off, recovery codes) or an administrator's (reset,
//! disable, make or remove an administrator, sign out everywhere, set-password links):
//! without a password confirmed in the last 10 minutes the request is sent to confirm it,
//! and comes back afterwards.

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{HttpRequest, web};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use crate::web::errors::AppError;
use crate::web::responses::see_other;
use crate::web::session::recently_authenticated;
use crate::web::state::AppState;

/// Where the password is confirmed.
pub const CONFIRM_PAGE: &str = "/account/confirm";
/// Where a confirmation with nowhere better to go returns.
pub const DEFAULT_RETURN: &str = "/account/security";

/// Only pages of the account area and the control center may be returned to, with their
/// query: no open redirect.
pub fn safe_return(next: &str) -> &str {
    let (path, query) = next.split_once('?').unwrap_or((next, ""));
    let allowed = (path.starts_with("/account/") || path.starts_with("/admin/"))
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_'))
        && query
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'&' | b'.'));
    if allowed { next } else { DEFAULT_RETURN }
}

/// What `next` must not carry unescaped inside the confirm page's own query: its `&` would
/// end the parameter.
const IN_QUERY: &AsciiSet = &CONTROLS.add(b'%').add(b'&').add(b'+').add(b'#').add(b' ');

/// Where a request that stopped to confirm the password comes back to. A GET comes back
/// to itself, query and all; a POST (never replayed) to the page at its address, which
/// asks the question again. `elsewhere` names the requests, by path, that come back to
/// another page instead: a download to the page it was on, a form whose address has no
/// page to the page that holds the form.
fn back_to(req: &HttpRequest, elsewhere: &[(&str, &'static str)]) -> String {
    let path = req.path();
    if let Some((_, page)) = elsewhere.iter().find(|(from, _)| *from == path) {
        return (*page).to_owned();
    }
    let asked = match (req.method(), req.uri().query()) {
        (&Method::GET | &Method::HEAD, Some(query)) => format!("{path}?{query}"),
        _ => path.to_owned(),
    };
    safe_return(&asked).to_owned()
}

/// Guards sensitive pages: without a password confirmed in the last 10 minutes the request
/// is sent to confirm it, coming back afterwards as [`back_to`] says. Every sensitive
/// route, personal or administrative, is behind this one function.
pub async fn require_recent_password(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    elsewhere: &'static [(&'static str, &'static str)],
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let now = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.clock.now())
        .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("the application state is missing")))?;
    if recently_authenticated(&req.get_session(), now) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let (req, _) = req.into_parts();
    let back = back_to(&req, elsewhere);
    let redirect = see_other(&format!(
        "{CONFIRM_PAGE}?next={}",
        utf8_percent_encode(&back, IN_QUERY)
    ));
    Ok(ServiceResponse::new(req, redirect))
}

#[cfg(test)]
mod tests {
    use super::safe_return;

    #[test]
    fn only_account_and_control_center_pages_are_returned_to() {
        assert_eq!(
            safe_return("/account/security/sms"),
            "/account/security/sms"
        );
        assert_eq!(
            safe_return("/account/security/sms/verify?notice=code-sent&x=1"),
            "/account/security/sms/verify?notice=code-sent&x=1",
            "the query comes back too"
        );
        assert_eq!(safe_return("/admin/users/7/reset"), "/admin/users/7/reset");
        for hostile in [
            "https://evil.example",
            "//evil.example",
            "/account/../admin",
            "/admin/../login",
            "/admin",
            "/login",
            "/login?next=/account/x",
            "/account/x?y=<script>",
            "/account/x?y=%0d%0a",
            "",
        ] {
            assert_eq!(safe_return(hostile), "/account/security", "{hostile}");
        }
    }
}

/// Properties of where confirming the password returns to.
#[cfg(test)]
mod properties {
    use super::{DEFAULT_RETURN, safe_return};
    use crate::web::session::properties::{assert_same_site_path, hostile_address};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn only_a_page_of_the_account_area_or_the_control_center_is_returned_to(next in hostile_address()) {
            let kept = safe_return(&next);
            prop_assert!(kept == next || kept == DEFAULT_RETURN);
            assert_same_site_path(kept)?;
            prop_assert!(kept.starts_with("/account/") || kept.starts_with("/admin/"));
            prop_assert!(!kept.contains(".."), "{kept:?}");
        }
    }
}
