//! Every refusal of the token endpoint: PKCE (a wrong or missing verifier), client
//! authentication (401 `invalid_client`, with the Basic challenge when Basic was tried),
//! a code expired, used twice (what the first use issued stops working), raced by 100
//! requests (exactly one wins), or another client's. Every answer is JSON, never cached.
//! On both databases.

use futures_util::future::join_all;
use openidconnect::PkceCodeChallenge;

use super::{
    CALLBACK, authorize_path, begin, code_of, finish, oauth_error, post_token, relying_party,
    signed_in_browser_with_code, spawn, userinfo_status,
};
use crate::helpers::{Backend, TestApp};
use crate::on_each_backend;

const EMAIL: &str = "ada@example.com";

/// A portal, a user, a confidential application, and a browser signed in to it.
struct Setup {
    app: TestApp,
    client_id: String,
    secret: String,
    browser: reqwest::Client,
}

async fn setup(backend: Backend) -> Option<Setup> {
    let app = spawn(backend).await?;
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let attempt = begin(&rp, &[], &[]);
    let (browser, _) = signed_in_browser_with_code(&app, &attempt, EMAIL).await;
    Some(Setup {
        app,
        client_id,
        secret,
        browser,
    })
}

/// A fresh code for the signed-in browser, asked with `challenge` (S256) when given.
async fn code(s: &Setup, challenge: Option<&str>) -> String {
    let mut params = vec![
        ("response_type", "code"),
        ("client_id", s.client_id.as_str()),
        ("redirect_uri", CALLBACK),
        ("scope", "openid email"),
        ("state", "st"),
    ];
    if let Some(challenge) = challenge {
        params.push(("code_challenge", challenge));
        params.push(("code_challenge_method", "S256"));
    }
    let back = s
        .browser
        .get(s.app.url(&authorize_path(&params)))
        .send()
        .await
        .unwrap();
    let params = super::callback_params(&back);
    super::param(&params, "code").expect("a code").to_owned()
}

/// The exchange's form for `code`, and `extra` fields.
fn form<'a>(code: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", CALLBACK),
    ];
    form.extend_from_slice(extra);
    form
}

impl Setup {
    async fn exchange(&self, code: &str, extra: &[(&str, &str)]) -> reqwest::Response {
        post_token(
            &self.app,
            &form(code, extra),
            Some((&self.client_id, &self.secret)),
        )
        .await
    }
}

/// The access token of a successful answer.
async fn access_token(response: reqwest::Response) -> String {
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    body["access_token"].as_str().unwrap().to_owned()
}

async fn a_wrong_or_missing_pkce_verifier_is_invalid_grant(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (_, other_verifier) = PkceCodeChallenge::new_random_sha256();
    let wrong = [
        vec![("code_verifier", other_verifier.secret().as_str())],
        vec![],
        vec![("code_verifier", challenge.as_str())],
        vec![("code_verifier", "short")],
    ];
    for extra in &wrong {
        let code = code(&s, Some(challenge.as_str())).await;
        let answer = s.exchange(&code, extra).await;
        assert_eq!(answer.status(), 400, "{extra:?}");
        assert_eq!(oauth_error(answer).await, "invalid_grant", "{extra:?}");
        // The code is spent by the attempt: the right verifier comes too late.
        let late = s
            .exchange(&code, &[("code_verifier", verifier.secret())])
            .await;
        assert_eq!(oauth_error(late).await, "invalid_grant");
    }
    // A verifier for a code asked without a challenge is as wrong.
    let code_without = code(&s, None).await;
    let answer = s
        .exchange(&code_without, &[("code_verifier", verifier.secret())])
        .await;
    assert_eq!(oauth_error(answer).await, "invalid_grant");
    // The right one works.
    let code = code(&s, Some(challenge.as_str())).await;
    let answer = s
        .exchange(&code, &[("code_verifier", verifier.secret())])
        .await;
    access_token(answer).await;
}

on_each_backend!(a_wrong_or_missing_pkce_verifier_is_invalid_grant => pkce_refusals_sqlite, pkce_refusals_postgres);

async fn a_wrong_secret_is_401_invalid_client(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let app = &s.app;
    let code = code(&s, None).await;
    let wrong_secret = format!("{}x", s.secret);
    // Basic: the challenge says how to authenticate.
    for (id, secret) in [
        (s.client_id.as_str(), wrong_secret.as_str()),
        (s.client_id.as_str(), ""),
        ("unknown-client", s.secret.as_str()),
    ] {
        let answer = post_token(app, &form(&code, &[]), Some((id, secret))).await;
        assert_eq!(answer.status(), 401, "{id}:{secret}");
        assert_eq!(
            answer.headers()["www-authenticate"],
            "Basic realm=\"twostep\""
        );
        assert_eq!(oauth_error(answer).await, "invalid_client");
    }
    let garbled = reqwest::Client::new()
        .post(app.url("/oauth2/token"))
        .header("authorization", "Basic !!!not-base64")
        .form(&form(&code, &[]))
        .send()
        .await
        .unwrap();
    assert_eq!(garbled.status(), 401);
    assert_eq!(oauth_error(garbled).await, "invalid_client");
    // In the body (client_secret_post), or no authentication at all.
    for extra in [
        vec![
            ("client_id", s.client_id.as_str()),
            ("client_secret", wrong_secret.as_str()),
        ],
        vec![("client_id", s.client_id.as_str())],
        vec![],
    ] {
        let answer = post_token(app, &form(&code, &extra), None).await;
        assert_eq!(answer.status(), 401, "{extra:?}");
        assert!(answer.headers().get("www-authenticate").is_none());
        assert_eq!(oauth_error(answer).await, "invalid_client");
    }
    // None of these spent the code: the right secret still exchanges it.
    access_token(s.exchange(&code, &[]).await).await;
}

on_each_backend!(a_wrong_secret_is_401_invalid_client => wrong_secret_sqlite, wrong_secret_postgres);

async fn other_bad_exchanges_are_refused(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let app = &s.app;
    // Another application's code.
    let (other_id, other_secret) = app.kit().confidential_application("Other").await;
    let code = code(&s, None).await;
    let stolen = post_token(app, &form(&code, &[]), Some((&other_id, &other_secret))).await;
    assert_eq!(oauth_error(stolen).await, "invalid_grant");
    // Another redirect URI than the code's.
    let code2 = self::code(&s, None).await;
    let mut elsewhere = form(&code2, &[]);
    elsewhere.retain(|(k, _)| *k != "redirect_uri");
    elsewhere.push(("redirect_uri", "https://rp.example/other"));
    let answer = post_token(app, &elsewhere, Some((&s.client_id, &s.secret))).await;
    assert_eq!(oauth_error(answer).await, "invalid_grant");
    // Unknown codes, other grants, both ways of authenticating, a repeated field.
    let code3 = self::code(&s, None).await;
    for (fields, expected) in [
        (form("not-a-code", &[]), "invalid_grant"),
        (form(&"A".repeat(43), &[]), "invalid_grant"),
        (
            vec![("grant_type", "refresh_token"), ("refresh_token", "x")],
            "unsupported_grant_type",
        ),
        (
            vec![("grant_type", "client_credentials")],
            "unsupported_grant_type",
        ),
        (
            vec![("code", code3.as_str()), ("redirect_uri", CALLBACK)],
            "invalid_request",
        ),
        (
            form(&code3, &[("client_secret", s.secret.as_str())]),
            "invalid_request",
        ),
        (form(&code3, &[("code", code3.as_str())]), "invalid_request"),
        (
            form(&code3, &[("client_id", other_id.as_str())]),
            "invalid_request",
        ),
    ] {
        let answer = post_token(app, &fields, Some((&s.client_id, &s.secret))).await;
        assert_eq!(answer.status(), 400, "{fields:?}");
        assert_eq!(oauth_error(answer).await, expected, "{fields:?}");
    }
    // Not a form.
    let json = reqwest::Client::new()
        .post(app.url("/oauth2/token"))
        .basic_auth(&s.client_id, Some(&s.secret))
        .json(&serde_json::json!({"grant_type": "authorization_code", "code": code3}))
        .send()
        .await
        .unwrap();
    assert_eq!(oauth_error(json).await, "invalid_request");
    // Refusals before the code's check leave it usable.
    access_token(s.exchange(&code3, &[]).await).await;
}

on_each_backend!(other_bad_exchanges_are_refused => bad_exchanges_sqlite, bad_exchanges_postgres);

/// A code lives 60 seconds.
async fn an_expired_code_is_invalid_grant(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let code = code(&s, None).await;
    s.app.clock.advance(61);
    let answer = s.exchange(&code, &[]).await;
    assert_eq!(oauth_error(answer).await, "invalid_grant");
    let fresh = self::code(&s, None).await;
    s.app.clock.advance(55);
    access_token(s.exchange(&fresh, &[]).await).await;
}

on_each_backend!(an_expired_code_is_invalid_grant => expired_code_sqlite, expired_code_postgres);

/// A code used twice: the second use is refused, and what the first issued stops working.
async fn a_code_used_twice_revokes_what_it_issued(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let code = code(&s, None).await;
    let token = access_token(s.exchange(&code, &[]).await).await;
    assert_eq!(userinfo_status(&s.app, &token).await, 200);
    let again = s.exchange(&code, &[]).await;
    assert_eq!(again.status(), 400);
    assert_eq!(oauth_error(again).await, "invalid_grant");
    assert_eq!(userinfo_status(&s.app, &token).await, 401);
    // Other sign-ins' tokens are untouched.
    let other = self::code(&s, None).await;
    let kept = access_token(s.exchange(&other, &[]).await).await;
    let third = s.exchange(&code, &[]).await;
    assert_eq!(oauth_error(third).await, "invalid_grant");
    assert_eq!(userinfo_status(&s.app, &kept).await, 200);
}

on_each_backend!(a_code_used_twice_revokes_what_it_issued => code_twice_sqlite, code_twice_postgres);

/// 100 exchanges of one code at once: exactly one gets tokens, the others
/// `invalid_grant`, none an error.
async fn one_code_raced_by_100_requests_gives_one_set_of_tokens(backend: Backend) {
    let Some(s) = setup(backend).await else {
        return;
    };
    let code = code(&s, None).await;
    let client = reqwest::Client::new();
    let requests = (0..100).map(|_| {
        client
            .post(s.app.url("/oauth2/token"))
            .basic_auth(&s.client_id, Some(&s.secret))
            .form(&form(&code, &[]))
            .send()
    });
    let answers = join_all(requests).await;
    let mut statuses: Vec<u16> = answers
        .iter()
        .map(|a| a.as_ref().unwrap().status().as_u16())
        .collect();
    statuses.sort();
    assert_eq!(statuses[0], 200);
    assert_eq!(statuses[1..], [400; 99]);
    assert_eq!(
        s.app
            .count("SELECT COUNT(*) FROM authorization_codes WHERE used_at IS NOT NULL")
            .await,
        1
    );
    // The reuse revoked the winner's token, as a second use does.
    assert_eq!(s.app.count("SELECT COUNT(*) FROM access_tokens").await, 0);
}

on_each_backend!(one_code_raced_by_100_requests_gives_one_set_of_tokens => code_race_sqlite, code_race_postgres);

/// The library's own view: its exchange of a spent code fails, and its ID token check
/// refuses a token for another nonce.
async fn the_relying_party_library_sees_the_refusals(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let attempt = begin(&rp, &[], &[]);
    let (browser, code) = signed_in_browser_with_code(&app, &attempt, EMAIL).await;
    finish(&rp, attempt, &code).await;
    let spent = rp
        .exchange_code(openidconnect::AuthorizationCode::new(code))
        .unwrap()
        .request_async(&super::rp_http())
        .await;
    let error = format!("{:?}", spent.unwrap_err());
    assert!(error.contains("invalid_grant"), "{error}");

    let attempt = begin(&rp, &[], &[]);
    let back = browser.get(&attempt.url).send().await.unwrap();
    let code = code_of(&app, &back, &attempt);
    let tokens = rp
        .exchange_code(openidconnect::AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(attempt.verifier)
        .request_async(&super::rp_http())
        .await
        .unwrap();
    use openidconnect::TokenResponse;
    let wrong_nonce = openidconnect::Nonce::new("not-the-nonce".into());
    assert!(
        tokens
            .id_token()
            .unwrap()
            .claims(&rp.id_token_verifier(), &wrong_nonce)
            .is_err()
    );
}

on_each_backend!(the_relying_party_library_sees_the_refusals => library_refusals_sqlite, library_refusals_postgres);
