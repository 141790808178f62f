//! Every refusal of the authorization endpoint, as a hand-built request (an attacker's or a
//! broken application's) meets it: an unknown client or a redirect URI not registered
//! exactly gets an error page and never a redirect, signed in or not; every other error
//! goes back to the application with `state` and `iss`, and no code is issued. On both
//! databases.

use super::{CALLBACK, authorize_path, callback_params, param, spawn};
use crate::helpers::{Backend, TestApp, location_of};
use crate::kit::applications::NewApplication;
use crate::on_each_backend;

const EMAIL: &str = "ada@example.com";
/// A public client's (a single-page app's) callback.
const SPA_CALLBACK: &str = "http://localhost:5173/callback";
/// A well-formed S256 challenge (RFC 7636, appendix B).
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

struct Setup {
    app: TestApp,
    crm: String,
    spa: String,
    signed_in: reqwest::Client,
    signed_out: reqwest::Client,
}

async fn setup(backend: Backend) -> Option<Setup> {
    let app = spawn(backend).await?;
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (crm, _) = app.kit().confidential_application("CRM").await;
    let (spa, _) = app
        .kit()
        .create_application(&NewApplication {
            public: true,
            ..NewApplication::confidential("Board", &[SPA_CALLBACK])
        })
        .await;
    let signed_in = app.signed_in_browser(EMAIL).await;
    let (signed_out, _) = app.new_browser();
    Some(Setup {
        app,
        crm,
        spa: spa.client_id,
        signed_in,
        signed_out,
    })
}

/// A request that would be right, with `changes` applied (a value of "" drops the
/// parameter).
fn request(client_id: &str, redirect_uri: &str, changes: &[(&str, &str)]) -> String {
    let mut params: Vec<(&str, &str)> = vec![
        ("response_type", "code"),
        ("client_id", client_id),
        ("redirect_uri", redirect_uri),
        ("scope", "openid email"),
        ("state", "st-1"),
        ("nonce", "n-1"),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "S256"),
    ];
    for (name, value) in changes {
        params.retain(|(n, _)| n != name);
        if !value.is_empty() {
            params.push((name, value));
        }
    }
    authorize_path(&params)
}

/// The portal's headers on an authorization answer: never framed, never stored.
#[track_caller]
fn assert_portal_headers(response: &reqwest::Response) {
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(response.headers()["x-frame-options"], "DENY");
    assert_eq!(response.headers()["cache-control"], "no-store");
}

/// A 400 error page saying `says`, and no redirect anywhere.
async fn assert_error_page(response: reqwest::Response, says: &str, why: &str) {
    assert_eq!(response.status(), 400, "{why}");
    assert!(location_of(&response).is_none(), "{why}: no redirect");
    assert_portal_headers(&response);
    let page = response.text().await.unwrap();
    assert!(page.contains(says), "{why}: {page}");
    assert!(!page.contains("rp.example"), "{why}: no link back either");
}

async fn get(browser: &reqwest::Client, app: &TestApp, path: &str) -> reqwest::Response {
    browser.get(app.url(path)).send().await.unwrap()
}

const UNKNOWN: &str = "is not registered with this portal";
const NOT_REGISTERED: &str = "an address that is not registered for it";

async fn an_unknown_client_or_redirect_uri_gets_an_error_page_never_a_redirect(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let app = &s.app;
    for browser in [&s.signed_in, &s.signed_out] {
        for client_id in ["unknown-client", "", "CRM"] {
            let path = request(client_id, CALLBACK, &[]);
            assert_error_page(get(browser, app, &path).await, UNKNOWN, client_id).await;
        }
        // Even an error that would go back to a registered address is not sent to this one.
        for changes in [
            vec![],
            vec![("response_type", "token")],
            vec![("scope", "email")],
            vec![("prompt", "none")],
        ] {
            let mut with_uri = changes.clone();
            with_uri.push(("redirect_uri", "https://evil.example/callback"));
            let path = request(&s.crm, CALLBACK, &with_uri);
            assert_error_page(get(browser, app, &path).await, NOT_REGISTERED, &path).await;
        }
        let without = request(&s.crm, CALLBACK, &[("redirect_uri", "")]);
        assert_error_page(get(browser, app, &without).await, NOT_REGISTERED, "none").await;
        // Another application's address is not this one's.
        let crossed = request(&s.crm, SPA_CALLBACK, &[]);
        assert_error_page(get(browser, app, &crossed).await, NOT_REGISTERED, "crossed").await;
    }
    assert_eq!(app.count_events("application.signed_in").await, 0);
}

on_each_backend!(an_unknown_client_or_redirect_uri_gets_an_error_page_never_a_redirect => unknown_client_sqlite, unknown_client_postgres);

/// Addresses that differ from the registered one in any way are not it: each is an
/// error page, never a redirect (open redirect), and never a code.
async fn redirect_uris_match_exactly(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let variants = [
        "https://rp.example/callback/",
        "https://rp.example/callback/.",
        "https://rp.example:8443/callback",
        "https://rp.example:443/callback",
        "https://RP.example/callback",
        "https://rp.example/Callback",
        "https://rp.example./callback",
        "https://rp.example/callback?next=https://evil.example",
        "https://rp.example/callback?",
        "https://evil@rp.example/callback",
        "https://rp.example@evil.example/callback",
        "https://rp.example/callback#fragment",
        "http://rp.example/callback",
        "https://rp.example/x/../callback",
        "https://rp.example/callback/../evil",
        "https://rp.example/callback%2F..%2Fevil",
        "https://rp.example%2F@evil.example/callback",
        "//rp.example/callback",
        "/callback",
        " https://rp.example/callback",
        "https://rp.example/callback\n",
        "https://rp.example.evil.example/callback",
        "javascript:alert(1)//https://rp.example/callback",
    ];
    for browser in [&s.signed_in, &s.signed_out] {
        for uri in variants {
            let path = request(&s.crm, CALLBACK, &[("redirect_uri", uri)]);
            assert_error_page(get(browser, &s.app, &path).await, NOT_REGISTERED, uri).await;
        }
        // Loopback too: the port is part of the address.
        for uri in [
            "http://localhost:5174/callback",
            "http://127.0.0.1:5173/callback",
            "http://localhost/callback",
            "https://localhost:5173/callback",
        ] {
            let path = request(&s.spa, SPA_CALLBACK, &[("redirect_uri", uri)]);
            assert_error_page(get(browser, &s.app, &path).await, NOT_REGISTERED, uri).await;
        }
    }
    assert_eq!(s.app.count_events("application.signed_in").await, 0);
}

on_each_backend!(redirect_uris_match_exactly => exact_redirect_uris_sqlite, exact_redirect_uris_postgres);

/// The error the request gets back at `callback`, checked to carry `state` (when sent)
/// and `iss`, and no code.
async fn error_back(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    callback: &str,
) -> String {
    let response = get(browser, app, path).await;
    assert_eq!(response.status(), 303, "{path}");
    assert_portal_headers(&response);
    let params = super::callback_params_at(&response, callback);
    assert_eq!(param(&params, "iss"), Some(app.address.as_str()), "{path}");
    assert_eq!(param(&params, "code"), None, "{path}");
    if path.contains("state=st-1") {
        assert_eq!(param(&params, "state"), Some("st-1"), "{path}");
    }
    param(&params, "error").expect("an error").to_owned()
}

async fn other_errors_go_back_to_the_application_with_state_and_iss(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let app = &s.app;
    let long = "s".repeat(3000);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("response_type", "token")],
            "unsupported_response_type",
        ),
        (
            vec![("response_type", "id_token")],
            "unsupported_response_type",
        ),
        (
            vec![("response_type", "code id_token")],
            "unsupported_response_type",
        ),
        (
            vec![("response_type", "id_token token")],
            "unsupported_response_type",
        ),
        (vec![("response_type", "")], "unsupported_response_type"),
        (vec![("scope", "email profile")], "invalid_scope"),
        (vec![("scope", "")], "invalid_scope"),
        (vec![("scope", "OpenID")], "invalid_scope"),
        (vec![("code_challenge_method", "plain")], "invalid_request"),
        (vec![("code_challenge_method", "")], "invalid_request"),
        (vec![("code_challenge", "too-short")], "invalid_request"),
        (vec![("code_challenge", "")], "invalid_request"),
        (
            vec![("request", "eyJhbGciOiJub25lIn0.e30.")],
            "request_not_supported",
        ),
        (
            vec![("request_uri", "https://rp.example/req.jwt")],
            "request_uri_not_supported",
        ),
        (vec![("registration", "{}")], "registration_not_supported"),
        (vec![("response_mode", "fragment")], "invalid_request"),
        (vec![("response_mode", "form_post")], "invalid_request"),
        (vec![("prompt", "none login")], "invalid_request"),
        (vec![("prompt", "bogus")], "invalid_request"),
        (vec![("max_age", "-1")], "invalid_request"),
        (vec![("max_age", "soon")], "invalid_request"),
        (vec![("state", &long)], "invalid_request"),
        (vec![("nonce", &long)], "invalid_request"),
    ];
    for browser in [&s.signed_in, &s.signed_out] {
        for (changes, expected) in &cases {
            let path = request(&s.crm, CALLBACK, changes);
            assert_eq!(
                error_back(app, browser, &path, CALLBACK).await,
                *expected,
                "{changes:?}"
            );
        }
        // A public client must use PKCE; plain is refused for it as for anyone.
        for changes in [
            vec![("code_challenge", ""), ("code_challenge_method", "")],
            vec![("code_challenge_method", "plain")],
        ] {
            let path = request(&s.spa, SPA_CALLBACK, &changes);
            assert_eq!(
                error_back(app, browser, &path, SPA_CALLBACK).await,
                "invalid_request",
                "{changes:?}"
            );
        }
    }
    // Without state, none comes back.
    let stateless = request(
        &s.crm,
        CALLBACK,
        &[("state", ""), ("response_type", "token")],
    );
    let response = get(&s.signed_in, app, &stateless).await;
    assert_eq!(param(&callback_params(&response), "state"), None);
    assert_eq!(app.count_events("application.signed_in").await, 0);
}

on_each_backend!(other_errors_go_back_to_the_application_with_state_and_iss => errors_back_sqlite, errors_back_postgres);

/// A parameter sent twice is ambiguous (which redirect URI?): an error page.
async fn a_repeated_parameter_is_refused(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let right = request(&s.crm, CALLBACK, &[]);
    for repeated in [
        "client_id=unknown",
        &format!("client_id={}", s.crm),
        "redirect_uri=https%3A%2F%2Fevil.example%2Fcallback",
        &format!(
            "redirect_uri={}",
            url::form_urlencoded::byte_serialize(CALLBACK.as_bytes()).collect::<String>()
        ),
        "state=other",
        "scope=openid",
        "response_type=token",
    ] {
        let path = format!("{right}&{repeated}");
        let response = get(&s.signed_in, &s.app, &path).await;
        assert_error_page(response, "repeats a parameter", repeated).await;
    }
    // The same in a POSTed request.
    let body = format!(
        "{}&state=other",
        right.trim_start_matches("/oauth2/authorize?")
    );
    let posted = s
        .signed_in
        .post(s.app.url("/oauth2/authorize"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_error_page(posted, "repeats a parameter", "posted").await;
    assert_eq!(s.app.count_events("application.signed_in").await, 0);
}

on_each_backend!(a_repeated_parameter_is_refused => repeated_parameter_sqlite, repeated_parameter_postgres);

/// `prompt=none` shows no page: `login_required` to a browser not signed in,
/// `interaction_required` when the session does not meet the application's policy.
async fn prompt_none_answers_instead_of_showing_a_page(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let app = &s.app;
    let silent = request(&s.crm, CALLBACK, &[("prompt", "none")]);
    assert_eq!(
        error_back(app, &s.signed_out, &silent, CALLBACK).await,
        "login_required"
    );
    let (strict, _) = app
        .kit()
        .create_application(&NewApplication {
            require_two_step: true,
            ..NewApplication::confidential("Ledger", &[CALLBACK])
        })
        .await;
    let silent_strict = request(&strict.client_id, CALLBACK, &[("prompt", "none")]);
    assert_eq!(
        error_back(app, &s.signed_in, &silent_strict, CALLBACK).await,
        "interaction_required"
    );
    let silent_two_step = request(
        &s.crm,
        CALLBACK,
        &[("prompt", "none"), ("acr_values", "urn:twostep:two-step")],
    );
    assert_eq!(
        error_back(app, &s.signed_in, &silent_two_step, CALLBACK).await,
        "interaction_required"
    );
    assert_eq!(app.count_events("application.signed_in").await, 0);
    // The same browser, asked without prompt=none, gets its code: it is signed in.
    let plain = request(&s.crm, CALLBACK, &[]);
    let response = get(&s.signed_in, app, &plain).await;
    assert!(param(&callback_params(&response), "code").is_some());
}

on_each_backend!(prompt_none_answers_instead_of_showing_a_page => prompt_none_sqlite, prompt_none_postgres);

/// The pages an application's sign-in shows keep the portal's headers.
async fn the_sign_in_pages_keep_the_portal_s_headers(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let path = request(&s.crm, CALLBACK, &[]);
    let to_login = get(&s.signed_out, &s.app, &path).await;
    assert_eq!(to_login.status(), 303);
    assert_portal_headers(&to_login);
    let login = get(&s.signed_out, &s.app, &location_of(&to_login).unwrap()).await;
    assert_eq!(login.status(), 200);
    assert_portal_headers(&login);
    // The sign-in form may end at the application (its origin joins form-action), and
    // nowhere else.
    let csp = login.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("form-action 'self' https://rp.example;"),
        "{csp}"
    );
    let code = get(&s.signed_in, &s.app, &path).await;
    assert_portal_headers(&code);
}

on_each_backend!(the_sign_in_pages_keep_the_portal_s_headers => authorize_headers_sqlite, authorize_headers_postgres);
