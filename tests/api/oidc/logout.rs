//! RP-initiated logout: with an `id_token_hint` for the person signed in, the portal
//! signs out at once and returns to the registered address with `state`; without one it
//! asks first (a question page whose button carries the CSRF token); an address not
//! registered (or one like it) gets an error page and no redirect. On both databases.

use super::{Client, begin, finish, relying_party, signed_in_browser_with_code, spawn};
use crate::helpers::{Backend, TestApp, assert_page, csrf_token, location_of};
use crate::kit::applications::NewApplication;
use crate::oidc::CALLBACK;
use crate::on_each_backend;

const EMAIL: &str = "ada@example.com";
const SIGNED_OUT: &str = "https://rp.example/signed-out";

/// A portal with a user and an application that registered `SIGNED_OUT`; a browser
/// signed in to both; the ID token the application holds.
async fn signed_in_to_an_application(
    backend: Backend,
) -> Option<(TestApp, Client, reqwest::Client, String)> {
    let app = spawn(backend).await?;
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    app.create_user("grace@example.com", "Grace Hopper", false)
        .await;
    let (application, secret) = app
        .kit()
        .create_application(&NewApplication {
            post_logout_uris: &[SIGNED_OUT],
            ..NewApplication::confidential("CRM", &[CALLBACK])
        })
        .await;
    let rp = relying_party(&app, &application.client_id, secret.as_deref()).await;
    let attempt = begin(&rp, &[], &[]);
    let (browser, code) = signed_in_browser_with_code(&app, &attempt, EMAIL).await;
    let id_token = finish(&rp, attempt, &code).await.id_token;
    Some((app, rp, browser, id_token))
}

fn logout_url(app: &TestApp, params: &[(&str, &str)]) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    app.url(&format!("/oauth2/logout?{query}"))
}

async fn is_signed_in(app: &TestApp, browser: &reqwest::Client) -> bool {
    app.get_in(browser, "/").await.status().as_u16() == 200
}

async fn a_hint_for_the_signed_in_person_signs_out_at_once(backend: Backend) {
    let Some((app, rp, browser, id_token)) = signed_in_to_an_application(backend).await else {
        return;
    };
    // Discovery names the endpoint.
    let metadata: serde_json::Value = reqwest::get(app.url("/.well-known/openid-configuration"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        metadata["end_session_endpoint"],
        app.url("/oauth2/logout").as_str()
    );
    let out = browser
        .get(logout_url(
            &app,
            &[
                ("id_token_hint", &id_token),
                ("post_logout_redirect_uri", SIGNED_OUT),
                ("state", "bye-123"),
            ],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    assert_eq!(
        location_of(&out).as_deref(),
        Some(format!("{SIGNED_OUT}?state=bye-123").as_str())
    );
    assert!(!is_signed_in(&app, &browser).await);
    assert_eq!(app.count_events("sign_out").await, 1, "audited");

    // Signed out already: straight back again, with nothing asked.
    let again = browser
        .get(logout_url(
            &app,
            &[
                ("client_id", rp.client_id().as_str()),
                ("post_logout_redirect_uri", SIGNED_OUT),
            ],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(location_of(&again).as_deref(), Some(SIGNED_OUT));
}

on_each_backend!(a_hint_for_the_signed_in_person_signs_out_at_once => logout_with_hint_sqlite, logout_with_hint_postgres);

/// Without a hint (or with another person's) the portal asks; only the question's button,
/// with its CSRF token, signs out.
async fn without_a_hint_the_person_is_asked(backend: Backend) {
    let Some((app, rp, browser, _)) = signed_in_to_an_application(backend).await else {
        return;
    };
    let url = logout_url(
        &app,
        &[
            ("client_id", rp.client_id().as_str()),
            ("post_logout_redirect_uri", SIGNED_OUT),
            ("state", "s1"),
        ],
    );
    let question = assert_page(
        browser.get(&url).send().await.unwrap(),
        200,
        "Sign out of Twostep?",
    )
    .await;
    assert!(
        question.contains("CRM asks to sign you out of Twostep too."),
        "{question}"
    );
    assert!(
        is_signed_in(&app, &browser).await,
        "asking signs no one out"
    );

    // Another person's ID token is no hint for this one.
    let grace_attempt = begin(&rp, &[], &[]);
    let (_, code) = signed_in_browser_with_code(&app, &grace_attempt, "grace@example.com").await;
    let grace_token = finish(&rp, grace_attempt, &code).await.id_token;
    let other = browser
        .get(logout_url(&app, &[("id_token_hint", &grace_token)]))
        .send()
        .await
        .unwrap();
    assert_page(other, 200, "Sign out of Twostep?").await;
    assert!(is_signed_in(&app, &browser).await);

    // A cross-site form without the token is refused.
    let forged = browser
        .post(app.url("/oauth2/logout/confirm"))
        .form(&[
            ("client_id", rp.client_id().as_str()),
            ("post_logout_redirect_uri", SIGNED_OUT),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    assert!(is_signed_in(&app, &browser).await);

    let token = csrf_token(&question);
    let confirmed = browser
        .post(app.url("/oauth2/logout/confirm"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("client_id", rp.client_id().as_str()),
            ("post_logout_redirect_uri", SIGNED_OUT),
            ("state", "s1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        location_of(&confirmed).as_deref(),
        Some(format!("{SIGNED_OUT}?state=s1").as_str())
    );
    assert!(!is_signed_in(&app, &browser).await);

    // No application named: the question, then the portal's own signed-out page.
    let plain = app.signed_in_browser(EMAIL).await;
    let question = assert_page(
        plain.get(app.url("/oauth2/logout")).send().await.unwrap(),
        200,
        "An application asks to sign you out of Twostep.",
    )
    .await;
    let confirmed = plain
        .post(app.url("/oauth2/logout/confirm"))
        .form(&[("csrf_token", csrf_token(&question).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(
        location_of(&confirmed).as_deref(),
        Some("/login?notice=signed-out")
    );
    assert!(!is_signed_in(&app, &plain).await);
}

on_each_backend!(without_a_hint_the_person_is_asked => logout_question_sqlite, logout_question_postgres);

/// A post-logout address not registered for the application, or one that only looks
/// like it, gets an error page: no redirect, and no one is signed out.
async fn an_unregistered_post_logout_address_is_refused(backend: Backend) {
    let Some((app, rp, browser, id_token)) = signed_in_to_an_application(backend).await else {
        return;
    };
    for uri in [
        "https://evil.example/signed-out",
        "https://rp.example/signed-out/",
        "https://rp.example/signed-out?next=https://evil.example",
        "https://rp.example:8443/signed-out",
        "http://rp.example/signed-out",
        "https://RP.example/signed-out",
        "https://rp.example@evil.example/signed-out",
        "https://rp.example/signed-out#x",
        "https://rp.example/x/../signed-out",
        CALLBACK,
    ] {
        for hint in [
            ("id_token_hint", id_token.as_str()),
            ("client_id", rp.client_id().as_str()),
        ] {
            let answer = browser
                .get(logout_url(&app, &[hint, ("post_logout_redirect_uri", uri)]))
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status(), 400, "{uri}");
            assert!(location_of(&answer).is_none(), "{uri}");
            let page = answer.text().await.unwrap();
            assert!(page.contains("not registered for it"), "{page}");
        }
    }
    // Without naming the application no address can be registered.
    let unnamed = browser
        .get(logout_url(
            &app,
            &[("post_logout_redirect_uri", SIGNED_OUT)],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(unnamed.status(), 400);
    assert!(location_of(&unnamed).is_none());
    // A hint naming another application than client_id.
    let mismatched = browser
        .get(logout_url(
            &app,
            &[("id_token_hint", &id_token), ("client_id", "someone-else")],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(mismatched.status(), 400);
    assert!(is_signed_in(&app, &browser).await);
    assert_eq!(app.count_events("sign_out").await, 0);
}

on_each_backend!(an_unregistered_post_logout_address_is_refused => logout_refusals_sqlite, logout_refusals_postgres);
