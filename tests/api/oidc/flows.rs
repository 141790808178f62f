//! Signing in to an application through Twostep, end to end, for each kind of person.

use openidconnect::core::CoreGenderClaim;

use super::{
    acr, amr, begin, callback_params, finish, follow, param, relying_party, sign_in_at, spawn,
};
use crate::helpers::{Backend, GOOD_PASSWORD, PHONE, location_of, submit_with};
use crate::on_each_backend;

async fn a_user_without_two_step_signs_in_to_an_application(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let user = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let attempt = begin(&rp, &["email", "profile"], &[]);
    let (browser, _) = app.new_browser();

    let to_login = follow(&app, &browser, &attempt.url).await;
    assert_eq!(to_login.status(), 200, "the sign-in page");
    let login_page = to_login.url().path().to_owned() + "?" + to_login.url().query().unwrap();
    let back = sign_in_at(&app, &browser, &login_page, "ada@example.com").await;
    let back = follow(&app, &browser, &app.url(&location_of(&back).unwrap())).await;
    let params = callback_params(&back);
    assert_eq!(
        param(&params, "state"),
        Some(attempt.state.secret().as_str())
    );
    assert_eq!(param(&params, "iss"), Some(app.address.as_str()));
    let code = param(&params, "code").unwrap().to_owned();

    let signed_in = finish(&rp, attempt, &code).await;
    let claims = &signed_in.claims;
    assert_eq!(claims.issuer().as_str(), app.address);
    assert_eq!(claims.email().map(|e| e.as_str()), Some("ada@example.com"));
    assert_eq!(claims.email_verified(), Some(true));
    assert_eq!(amr(claims), ["pwd"]);
    assert_eq!(acr(claims), "urn:twostep:password");
    let sub = claims.subject().as_str().to_owned();
    assert!(
        !sub.contains("ada") && sub != user.to_string(),
        "sub is opaque: {sub}"
    );
    assert_eq!(signed_in.userinfo.subject().as_str(), sub);
    let name = signed_in
        .userinfo
        .name()
        .and_then(|n| n.get(None))
        .map(|n| n.as_str().to_owned());
    assert_eq!(name.as_deref(), Some("Ada Lovelace"));
    let _: Option<&CoreGenderClaim> = signed_in.userinfo.gender();
    assert_eq!(app.count_events("application.signed_in").await, 1);

    // Single sign-on: a second sign-in in the same browser asks nothing.
    let again = begin(&rp, &["email"], &[]);
    let back = follow(&app, &browser, &again.url).await;
    let code = param(&callback_params(&back), "code").unwrap().to_owned();
    let second = finish(&rp, again, &code).await;
    assert_eq!(second.claims.subject().as_str(), sub);
    assert_eq!(
        second.claims.auth_time(),
        claims.auth_time(),
        "the same sign-in"
    );
}

on_each_backend!(a_user_without_two_step_signs_in_to_an_application => without_two_step_sqlite, without_two_step_postgres);

async fn an_sms_user_gives_the_code_and_the_application_reads_mfa(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_sms_user("ada@example.com", PHONE).await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let attempt = begin(&rp, &["phone"], &[]);
    let (browser, _) = app.new_browser();
    let to_login = follow(&app, &browser, &attempt.url).await;
    let login_page = to_login.url().path().to_owned() + "?" + to_login.url().query().unwrap();
    let code_step = sign_in_at(&app, &browser, &login_page, "ada@example.com").await;
    assert_eq!(location_of(&code_step).as_deref(), Some("/login/verify"));
    let sms = app.sms.last_code_to(PHONE);
    let verified = submit_with(
        &browser,
        &app.address,
        "/login/verify",
        "/login/verify",
        &[("code", &sms)],
    )
    .await;
    let back = follow(&app, &browser, &app.url(&location_of(&verified).unwrap())).await;
    let code = param(&callback_params(&back), "code").unwrap().to_owned();
    let signed_in = finish(&rp, attempt, &code).await;
    assert_eq!(amr(&signed_in.claims), ["pwd", "sms", "mfa"]);
    assert_eq!(acr(&signed_in.claims), "urn:twostep:two-step");
    assert_eq!(
        signed_in.claims.phone_number().map(|p| p.as_str()),
        Some(PHONE)
    );
    assert_eq!(signed_in.claims.phone_number_verified(), Some(true));
    assert!(
        signed_in.claims.email().is_none(),
        "no email scope, no email"
    );
}

on_each_backend!(an_sms_user_gives_the_code_and_the_application_reads_mfa => sms_user_sqlite, sms_user_postgres);

/// An application's sign-out without an ID token: Twostep asks; "Sign out" ends its session
/// and returns to the application's registered post-logout address, with its state.
async fn signing_out_from_an_application_asks_first(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let (application, _) = app
        .kit()
        .create_application(&crate::kit::applications::NewApplication {
            post_logout_uris: &["https://rp.example/bye"],
            ..crate::kit::applications::NewApplication::confidential("CRM", &[super::CALLBACK])
        })
        .await;
    assert_eq!(
        app.login_status("ada@example.com", GOOD_PASSWORD).await,
        303
    );
    let logout = format!(
        "/oauth2/logout?client_id={}&post_logout_redirect_uri=https%3A%2F%2Frp.example%2Fbye&state=s1",
        application.client_id
    );
    let question = app.get(&logout).await;
    assert_eq!(question.status(), 200);
    let csp = question.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("form-action 'self' https://rp.example;"),
        "{csp}"
    );
    let html = question.text().await.unwrap();
    assert!(html.contains("Sign out of Twostep?"), "{html}");
    let token = crate::helpers::csrf_token(&html);
    let done = app
        .post_raw(
            "/oauth2/logout/confirm",
            &[
                ("csrf_token", &token),
                ("client_id", &application.client_id),
                ("post_logout_redirect_uri", "https://rp.example/bye"),
                ("state", "s1"),
            ],
        )
        .await;
    assert_eq!(
        location_of(&done).as_deref(),
        Some("https://rp.example/bye?state=s1")
    );
    assert_eq!(
        location_of(&app.get("/account/security").await).as_deref(),
        Some("/login")
    );
}

on_each_backend!(signing_out_from_an_application_asks_first => logout_asks_sqlite, logout_asks_postgres);

/// A NUL byte or another control character in what an application sends is refused with
/// a 4xx, on PostgreSQL too (whose text cannot hold a NUL): in a client id asked for, in a
/// token request's body, and in `state`.
async fn control_characters_are_refused_not_stored(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let (client_id, _) = app.kit().confidential_application("CRM").await;
    let unknown = app
        .get("/oauth2/authorize?client_id=a%00b&redirect_uri=https%3A%2F%2Frp.example%2Fcallback&response_type=code&scope=openid")
        .await;
    assert_eq!(unknown.status(), 400);
    assert!(location_of(&unknown).is_none());
    let body = app
        .client
        .post(app.url("/oauth2/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("grant_type=authorization_code&client_id=a%00b&client_secret=x&code=y&redirect_uri=z")
        .send()
        .await
        .unwrap();
    assert_eq!(body.status(), 400);
    let unknown_client = app
        .client
        .post(app.url("/oauth2/token"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("client_id", "a\u{1}b"),
            ("client_secret", "x"),
            ("code", "y"),
            ("redirect_uri", "z"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(unknown_client.status(), 401, "no such client");
    let state = app
        .get(&format!(
            "/oauth2/authorize?client_id={client_id}&redirect_uri=https%3A%2F%2Frp.example%2Fcallback&response_type=code&scope=openid&state=a%00b"
        ))
        .await;
    let params = callback_params(&state);
    assert_eq!(param(&params, "error"), Some("invalid_request"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM authorization_codes").await,
        0
    );
}

on_each_backend!(control_characters_are_refused_not_stored => control_characters_sqlite, control_characters_postgres);
