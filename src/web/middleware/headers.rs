//! Security headers on every response.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;

/// No inline script or style, nothing from elsewhere, never framed.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Put in a response's extensions by a page whose forms lead on to another origin as well:
/// the data room's step, whose "Verify" ends in the room's application (a browser checks
/// `form-action` on every redirect of a form's submission). That one origin joins
/// `'self'` in `form-action` for that page alone; every other response keeps the policy
/// as it is.
#[derive(Clone, Debug)]
pub struct FormActionAlso(pub url::Origin);

/// The origins of the applications this browser is signing in to (`web::oauth2`): the
/// portal's pages it signs in with end their forms there, through the redirects that
/// return to the application.
#[derive(Clone, Debug)]
pub struct ApplicationsWaiting(pub Vec<url::Origin>);

/// The policy, with `form-action` widened to the origins given that are tuple origins
/// (scheme, host and port: nothing that could add a directive).
fn policy_for<'a>(also: impl IntoIterator<Item = &'a url::Origin>) -> HeaderValue {
    let mut origins: Vec<String> = Vec::new();
    for origin in also {
        if let origin @ url::Origin::Tuple(..) = origin {
            let text = origin.ascii_serialization();
            if !origins.contains(&text) {
                origins.push(text);
            }
        }
    }
    if origins.is_empty() {
        return HeaderValue::from_static(CONTENT_SECURITY_POLICY);
    }
    let widened = CONTENT_SECURITY_POLICY.replace(
        "form-action 'self'",
        &format!("form-action 'self' {}", origins.join(" ")),
    );
    HeaderValue::from_str(&widened)
        .unwrap_or_else(|_| HeaderValue::from_static(CONTENT_SECURITY_POLICY))
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    https: bool,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let is_static = req.path().starts_with("/static/");
    let mut res = next.call(req).await?;
    let policy = {
        let extensions = res.response().extensions();
        let one = extensions.get::<FormActionAlso>().map(|also| &also.0);
        let waiting = extensions
            .get::<ApplicationsWaiting>()
            .map(|w| w.0.as_slice())
            .unwrap_or_default();
        policy_for(one.into_iter().chain(waiting))
    };
    let headers = res.headers_mut();
    let set = |headers: &mut header::HeaderMap, name, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(
        headers,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        headers,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=()",
    );
    if https {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    // Pages may carry personal data or secrets: never stored by browsers or proxies.
    let cache = if is_static {
        "public, max-age=3600"
    } else {
        "no-store"
    };
    set(headers, header::CACHE_CONTROL, cache);
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_tuple_origin_joins_form_action() {
        let app = url::Url::parse("https://docs.example.com:8443/deal/?x=1").unwrap();
        let widened = policy_for([&app.origin()]);
        assert_eq!(
            widened.to_str().unwrap(),
            CONTENT_SECURITY_POLICY.replace(
                "form-action 'self';",
                "form-action 'self' https://docs.example.com:8443;"
            )
        );
        // An opaque origin (a data: address) adds nothing; so does no origin at all.
        let opaque = url::Url::parse("data:text/html,x").unwrap();
        for also in [vec![opaque.origin()], vec![]] {
            assert_eq!(
                policy_for(also.iter()).to_str().unwrap(),
                CONTENT_SECURITY_POLICY
            );
        }
    }
}
