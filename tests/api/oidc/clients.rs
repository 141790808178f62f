//! The kinds of clients and what they meet at the back channel: a public client (PKCE, no
//! secret) exchanges its code, a confidential one authenticates with
//! `client_secret_basic` or `client_secret_post`; the answers are never cached; CORS lets
//! a public client's origins call token, userinfo and jwks, and no other origin; every
//! code issued is audited and counted in the metrics. On both databases.

use openidconnect::AuthType;

use super::{
    begin, code_of, finish, relying_party, relying_party_at, signed_in_browser_with_code, spawn,
    spawn_with,
};
use crate::helpers::Backend;
use crate::kit::applications::NewApplication;
use crate::metrics::{TOKEN as METRICS_TOKEN, sample, scrape};
use crate::on_each_backend;

const EMAIL: &str = "ada@example.com";
const SPA_CALLBACK: &str = "http://localhost:5173/callback";
const SPA_ORIGIN: &str = "http://localhost:5173";
/// A state with every character that needs escaping in a query.
const STATE: &str = "a b&c=d/é+%25?#x\"<'";

async fn a_public_client_exchanges_its_code_with_pkce_and_no_secret(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (spa, secret) = app
        .kit()
        .create_application(&NewApplication {
            public: true,
            ..NewApplication::confidential("Board", &[SPA_CALLBACK])
        })
        .await;
    assert!(secret.is_none(), "a public client has no secret");
    let rp = relying_party_at(&app, &spa.client_id, None, SPA_CALLBACK).await;
    let attempt = begin(&rp, &["email"], &[]);
    let (browser, _) = app.new_browser();
    let to_login = super::follow(&app, &browser, &attempt.url).await;
    let signed_in = super::sign_in_at(&app, &browser, &super::page_of(&to_login), EMAIL).await;
    let back = super::follow(
        &app,
        &browser,
        &app.url(&crate::helpers::location_of(&signed_in).unwrap()),
    )
    .await;
    let params = super::callback_params_at(&back, SPA_CALLBACK);
    let code = super::param(&params, "code").unwrap().to_owned();
    let done = finish(&rp, attempt, &code).await;
    assert_eq!(done.claims.email().map(|e| e.as_str()), Some(EMAIL));

    // A public client cannot pass as confidential by sending a secret.
    let attempt = begin(&rp, &[], &[]);
    let back = browser.get(&attempt.url).send().await.unwrap();
    let params = super::callback_params_at(&back, SPA_CALLBACK);
    let code = super::param(&params, "code").unwrap();
    let answer = super::post_token(
        &app,
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", SPA_CALLBACK),
            ("code_verifier", attempt.verifier.secret()),
        ],
        Some((&spa.client_id, "a-guessed-secret")),
    )
    .await;
    assert_eq!(answer.status(), 401);
}

on_each_backend!(a_public_client_exchanges_its_code_with_pkce_and_no_secret => public_client_sqlite, public_client_postgres);

async fn confidential_clients_authenticate_with_basic_or_post(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let first = begin(
        &relying_party(&app, &client_id, Some(&secret)).await,
        &[],
        &[],
    );
    let (browser, _) = signed_in_browser_with_code(&app, &first, EMAIL).await;
    for auth in [AuthType::BasicAuth, AuthType::RequestBody] {
        let rp = relying_party(&app, &client_id, Some(&secret))
            .await
            .set_auth_type(auth.clone());
        let attempt = begin(&rp, &[], &[]);
        let back = browser.get(&attempt.url).send().await.unwrap();
        let code = code_of(&app, &back, &attempt);
        let done = finish(&rp, attempt, &code).await;
        assert_eq!(done.claims.audiences()[0].as_str(), client_id, "{auth:?}");
    }
    // Without PKCE, a confidential client's secret is enough (hand-built: the library
    // always sends a challenge here).
    let plain = super::authorize_path(&[
        ("response_type", "code"),
        ("client_id", &client_id),
        ("redirect_uri", super::CALLBACK),
        ("scope", "openid"),
        ("state", STATE),
    ]);
    let back = browser.get(app.url(&plain)).send().await.unwrap();
    let params = super::callback_params(&back);
    assert_eq!(
        super::param(&params, "state"),
        Some(STATE),
        "state comes back as sent"
    );
    let plain_code = super::param(&params, "code").unwrap();
    let answer = super::post_token(
        &app,
        &[
            ("grant_type", "authorization_code"),
            ("code", plain_code),
            ("redirect_uri", super::CALLBACK),
            ("client_id", &client_id),
            ("client_secret", &secret),
        ],
        None,
    )
    .await;
    assert_eq!(answer.status(), 200);
}

on_each_backend!(confidential_clients_authenticate_with_basic_or_post => client_auth_sqlite, client_auth_postgres);

/// Token, userinfo and jwks answers are never cached; discovery is public to any origin.
async fn back_channel_answers_are_never_cached(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let attempt = begin(
        &relying_party(&app, &client_id, Some(&secret)).await,
        &[],
        &[],
    );
    let (_, code) = signed_in_browser_with_code(&app, &attempt, EMAIL).await;
    let token = super::post_token(
        &app,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", super::CALLBACK),
            ("code_verifier", attempt.verifier.secret()),
        ],
        Some((&client_id, &secret)),
    )
    .await;
    assert_eq!(token.status(), 200);
    assert_eq!(token.headers()["cache-control"], "no-store");
    assert_eq!(token.headers()["pragma"], "no-cache");
    let body: serde_json::Value = token.json().await.unwrap();
    assert_eq!(body["expires_in"], 600);
    let access = body["access_token"].as_str().unwrap();

    let client = reqwest::Client::new();
    let info = client
        .get(app.url("/oauth2/userinfo"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(info.status(), 200);
    assert_eq!(info.headers()["cache-control"], "no-store");
    // POSTed, the token as a form field (RFC 6750 §2.2).
    let posted = client
        .post(app.url("/oauth2/userinfo"))
        .form(&[("access_token", access)])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 200);
    for bad in ["Bearer not-a-token", "Basic abc", "Bearer "] {
        let refused = client
            .get(app.url("/oauth2/userinfo"))
            .header("authorization", bad)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 401, "{bad}");
        assert_eq!(refused.headers()["cache-control"], "no-store");
        assert!(
            refused.headers()["www-authenticate"]
                .to_str()
                .unwrap()
                .starts_with("Bearer error=\"invalid_token\"")
        );
    }
    // An access token lives 10 minutes.
    app.clock.advance(601);
    assert_eq!(super::userinfo_status(&app, access).await, 401);

    let jwks = client.get(app.url("/oauth2/jwks")).send().await.unwrap();
    assert_eq!(jwks.status(), 200);
    assert_eq!(jwks.headers()["cache-control"], "no-store");
    let keys: serde_json::Value = jwks.json().await.unwrap();
    let key = &keys["keys"][0];
    assert_eq!(
        (key["kty"].as_str(), key["alg"].as_str()),
        (Some("RSA"), Some("RS256"))
    );
    assert!(key["kid"].as_str().is_some_and(|k| !k.is_empty()));
    assert!(key.get("d").is_none(), "never the private part");
}

on_each_backend!(back_channel_answers_are_never_cached => no_store_sqlite, no_store_postgres);

async fn cors_lets_a_public_client_s_origin_call_the_back_channel(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.kit()
        .create_application(&NewApplication {
            public: true,
            ..NewApplication::confidential("Board", &[SPA_CALLBACK])
        })
        .await;
    // A confidential client's origin is no CORS origin: its secret must not be in a browser.
    app.kit()
        .create_application(&NewApplication::confidential(
            "CRM",
            &["https://crm.example/callback"],
        ))
        .await;
    let client = reqwest::Client::new();
    for path in ["/oauth2/token", "/oauth2/userinfo", "/oauth2/jwks"] {
        let preflight = client
            .request(reqwest::Method::OPTIONS, app.url(path))
            .header("origin", SPA_ORIGIN)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "authorization")
            .send()
            .await
            .unwrap();
        assert!(preflight.status().is_success(), "{path}");
        assert_eq!(
            preflight.headers()["access-control-allow-origin"],
            SPA_ORIGIN
        );
        assert!(
            preflight.headers()["access-control-allow-headers"]
                .to_str()
                .unwrap()
                .contains("Authorization")
        );
        let call = if path == "/oauth2/jwks" {
            client.get(app.url(path))
        } else {
            client
                .post(app.url(path))
                .form(&[("grant_type", "authorization_code")])
        };
        let answer = call.header("origin", SPA_ORIGIN).send().await.unwrap();
        assert_eq!(
            answer.headers()["access-control-allow-origin"],
            SPA_ORIGIN,
            "{path} {}",
            answer.status()
        );
        for other in [
            "https://crm.example",
            "https://evil.example",
            "http://localhost:5174",
            "http://localhost:5173.evil.example",
            "null",
        ] {
            let preflight = client
                .request(reqwest::Method::OPTIONS, app.url(path))
                .header("origin", other)
                .header("access-control-request-method", "POST")
                .send()
                .await
                .unwrap();
            assert!(
                preflight
                    .headers()
                    .get("access-control-allow-origin")
                    .is_none(),
                "{path} {other}"
            );
            let answer = client
                .get(app.url("/oauth2/jwks"))
                .header("origin", other)
                .send()
                .await
                .unwrap();
            assert!(
                answer
                    .headers()
                    .get("access-control-allow-origin")
                    .is_none()
            );
        }
    }
}

on_each_backend!(cors_lets_a_public_client_s_origin_call_the_back_channel => cors_sqlite, cors_postgres);

/// Each code issued is an audit event "Signed in to {application}" and a count; token
/// requests are counted by outcome.
async fn codes_are_audited_and_counted(backend: Backend) {
    let Some(app) = spawn_with(backend, |settings| {
        settings.metrics_token = Some(METRICS_TOKEN.to_owned().into());
    })
    .await
    else {
        return;
    };
    let user = app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let before = scrape(&app).await;
    let codes = "twostep_oidc_authorization_codes_total";
    let tokens = "twostep_oidc_token_requests_total";

    let attempt = begin(&rp, &[], &[]);
    let (browser, code) = signed_in_browser_with_code(&app, &attempt, EMAIL).await;
    finish(&rp, attempt, &code).await;
    let again = begin(&rp, &[], &[]);
    let back = browser.get(&again.url).send().await.unwrap();
    code_of(&app, &back, &again);
    let refused = super::post_token(
        &app,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", super::CALLBACK),
        ],
        Some((&client_id, &secret)),
    )
    .await;
    assert_eq!(refused.status(), 400);
    let unauthenticated = super::post_token(
        &app,
        &[("grant_type", "authorization_code")],
        Some((&client_id, "wrong")),
    )
    .await;
    assert_eq!(unauthenticated.status(), 401);

    let rows = app.audit_rows().await;
    let signed_in: Vec<_> = rows
        .iter()
        .filter(|r| r.event == "application.signed_in")
        .collect();
    assert_eq!(signed_in.len(), 2);
    assert!(
        signed_in
            .iter()
            .all(|r| r.actor == Some(user) && r.subject == Some(user))
    );
    assert!(
        signed_in
            .iter()
            .all(|r| r.ip.as_deref() == Some("127.0.0.1"))
    );
    let detail = app.audit_detail("application.signed_in").await;
    assert_eq!(detail, format!("CRM (client {client_id})"));
    crate::admin::signed_in_admin(&app).await;
    let log = app
        .get_text("/admin/audit?event=application.signed_in")
        .await;
    assert!(
        log.contains(&format!("Signed in to CRM (client {client_id}).")),
        "{log}"
    );

    let after = scrape(&app).await;
    assert_eq!(
        sample(&after, codes, &[]) - sample(&before, codes, &[]),
        2.0
    );
    for (outcome, moved) in [
        ("issued", 1.0),
        ("invalid_grant", 1.0),
        ("invalid_client", 1.0),
    ] {
        let labels = [("outcome", outcome)];
        assert_eq!(
            sample(&after, tokens, &labels) - sample(&before, tokens, &labels),
            moved,
            "{outcome}"
        );
    }
}

on_each_backend!(codes_are_audited_and_counted => audit_and_metrics_sqlite, audit_and_metrics_postgres);

/// A renewed secret replaces the old one at once; a deleted application's codes and
/// tokens stop working with it, and its sign-in becomes the unknown client's error page.
async fn a_renewed_secret_or_a_deleted_application_takes_effect_at_once(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (client_id, old_secret) = app.kit().confidential_application("CRM").await;
    let services = &app.state.services;
    let application = services
        .application_by_client_id(&client_id)
        .await
        .unwrap()
        .unwrap();
    let attempt = begin(
        &relying_party(&app, &client_id, Some(&old_secret)).await,
        &[],
        &[],
    );
    let (browser, code) = signed_in_browser_with_code(&app, &attempt, EMAIL).await;
    let new_secret = services
        .renew_application_secret(
            twostep::services::admin::Actor::CommandLine,
            application.id,
            &Default::default(),
        )
        .await
        .unwrap()
        .unwrap();
    let exchange = |secret: String, code: String, verifier: String| {
        let app = &app;
        let client_id = client_id.clone();
        async move {
            super::post_token(
                app,
                &[
                    ("grant_type", "authorization_code"),
                    ("code", &code),
                    ("redirect_uri", super::CALLBACK),
                    ("code_verifier", &verifier),
                ],
                Some((&client_id, &secret)),
            )
            .await
        }
    };
    let verifier = attempt.verifier.secret().clone();
    let refused = exchange(old_secret, code.clone(), verifier.clone()).await;
    assert_eq!(refused.status(), 401);
    let answer = exchange(new_secret.clone(), code, verifier).await;
    assert_eq!(answer.status(), 200);
    let body: serde_json::Value = answer.json().await.unwrap();
    let access = body["access_token"].as_str().unwrap().to_owned();
    assert_eq!(super::userinfo_status(&app, &access).await, 200);

    let rp = relying_party(&app, &client_id, Some(&new_secret)).await;
    let pending = begin(&rp, &[], &[]);
    let back = browser.get(&pending.url).send().await.unwrap();
    let pending_code = code_of(&app, &back, &pending);
    services
        .delete_application(
            twostep::services::admin::Actor::CommandLine,
            application.id,
            &Default::default(),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(super::userinfo_status(&app, &access).await, 401);
    let late = exchange(new_secret, pending_code, pending.verifier.secret().clone()).await;
    assert_eq!(late.status(), 401);
    let gone = browser.get(&begin(&rp, &[], &[]).url).send().await.unwrap();
    assert_eq!(gone.status(), 400);
    assert!(crate::helpers::location_of(&gone).is_none());
}

on_each_backend!(a_renewed_secret_or_a_deleted_application_takes_effect_at_once => secret_and_deletion_sqlite, secret_and_deletion_postgres);
