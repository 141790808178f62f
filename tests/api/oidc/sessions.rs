//! The portal's session as applications see it: single sign-on into a second application,
//! `prompt=login` and `max_age` asking for the password again (and `auth_time` moving),
//! `login_hint` filling the sign-in page, `prompt=none` answering at once. On both
//! databases.

use super::{
    Attempt, Client, begin, code_of, finish, follow, page_of, relying_party, sign_in_at,
    signed_in_browser_with_code, spawn,
};
use crate::helpers::{Backend, TestApp, location_of};
use crate::on_each_backend;

const EMAIL: &str = "ada@example.com";

/// A portal, a user without 2-step verification, two registered applications and their
/// relying parties.
async fn two_applications(backend: Backend) -> Option<(TestApp, Client, Client)> {
    let app = spawn(backend).await?;
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (crm_id, crm_secret) = app.kit().confidential_application("CRM").await;
    let (cars_id, cars_secret) = app.kit().confidential_application("Carsharing").await;
    let crm = relying_party(&app, &crm_id, Some(&crm_secret)).await;
    let cars = relying_party(&app, &cars_id, Some(&cars_secret)).await;
    Some((app, crm, cars))
}

/// The code a signed-in browser gets at once for `attempt`.
async fn code_at_once(app: &TestApp, browser: &reqwest::Client, attempt: &Attempt) -> String {
    let back = browser.get(&attempt.url).send().await.unwrap();
    code_of(app, &back, attempt)
}

async fn a_signed_in_browser_gets_into_a_second_application_without_a_question(backend: Backend) {
    let Some((app, crm, cars)) = two_applications(backend).await else {
        return;
    };
    let first = begin(&crm, &["email"], &[]);
    let (browser, code) = signed_in_browser_with_code(&app, &first, EMAIL).await;
    let in_crm = finish(&crm, first, &code).await;

    app.clock.advance(30);
    let second = begin(&cars, &["email"], &[]);
    let code = code_at_once(&app, &browser, &second).await;
    let in_cars = finish(&cars, second, &code).await;
    assert_eq!(in_cars.claims.subject(), in_crm.claims.subject());
    assert_eq!(in_cars.claims.auth_time(), in_crm.claims.auth_time());
    assert_eq!(
        in_cars.claims.audiences()[0].as_str(),
        cars.client_id().as_str()
    );
    assert_eq!(app.count_events("application.signed_in").await, 2);

    // prompt=none in a signed-in browser: the code at once, too.
    let silent = begin(&crm, &[], &[("prompt", "none")]);
    let code = code_at_once(&app, &browser, &silent).await;
    finish(&crm, silent, &code).await;
}

on_each_backend!(a_signed_in_browser_gets_into_a_second_application_without_a_question => single_sign_on_sqlite, single_sign_on_postgres);

/// `prompt=login`: the sign-in page is shown to the signed-in browser, and the ID token's
/// `auth_time` is the new sign-in's.
async fn prompt_login_asks_the_password_again(backend: Backend) {
    let Some((app, crm, cars)) = two_applications(backend).await else {
        return;
    };
    let first = begin(&crm, &[], &[]);
    let (browser, code) = signed_in_browser_with_code(&app, &first, EMAIL).await;
    let before = finish(&crm, first, &code).await;

    app.clock.advance(120);
    let again = begin(&cars, &[], &[("prompt", "login")]);
    let to_login = follow(&app, &browser, &again.url).await;
    assert_eq!(to_login.status(), 200);
    assert_eq!(to_login.url().path(), "/login");
    let page = page_of(&to_login);
    let form = to_login.text().await.unwrap();
    assert!(form.contains(r#"<input id="password""#), "{form}");
    assert_eq!(app.count_events("application.signed_in").await, 1);

    let signed_in = sign_in_at(&app, &browser, &page, EMAIL).await;
    let back = follow(&app, &browser, &app.url(&location_of(&signed_in).unwrap())).await;
    let code = code_of(&app, &back, &again);
    let after = finish(&cars, again, &code).await;
    let moved = after.claims.auth_time().unwrap() - before.claims.auth_time().unwrap();
    assert!(moved.num_seconds() >= 120, "auth_time moved by {moved}");
}

on_each_backend!(prompt_login_asks_the_password_again => prompt_login_sqlite, prompt_login_postgres);

/// `max_age`: a sign-in older than it is asked again; a recent enough one is not.
async fn max_age_asks_an_old_sign_in_again(backend: Backend) {
    let Some((app, crm, _)) = two_applications(backend).await else {
        return;
    };
    let first = begin(&crm, &[], &[]);
    let (browser, code) = signed_in_browser_with_code(&app, &first, EMAIL).await;
    let before = finish(&crm, first, &code).await;

    app.clock.advance(60);
    let recent_enough = begin(&crm, &[], &[("max_age", "3600")]);
    let code = code_at_once(&app, &browser, &recent_enough).await;
    finish(&crm, recent_enough, &code).await;

    let too_old = begin(&crm, &[], &[("max_age", "0")]);
    let to_login = follow(&app, &browser, &too_old.url).await;
    assert_eq!(to_login.url().path(), "/login");
    let signed_in = sign_in_at(&app, &browser, &page_of(&to_login), EMAIL).await;
    let back = follow(&app, &browser, &app.url(&location_of(&signed_in).unwrap())).await;
    let code = code_of(&app, &back, &too_old);
    let after = finish(&crm, too_old, &code).await;
    assert!(after.claims.auth_time().unwrap() > before.claims.auth_time().unwrap());

    // With prompt=none, an old sign-in is login_required, not a page.
    app.clock.advance(60);
    let silent = begin(&crm, &[], &[("prompt", "none"), ("max_age", "10")]);
    let back = browser.get(&silent.url).send().await.unwrap();
    let params = super::callback_params(&back);
    assert_eq!(super::param(&params, "error"), Some("login_required"));
}

on_each_backend!(max_age_asks_an_old_sign_in_again => max_age_sqlite, max_age_postgres);

/// `login_hint` fills in the sign-in page's Email.
async fn login_hint_fills_in_the_email(backend: Backend) {
    let Some((app, crm, _)) = two_applications(backend).await else {
        return;
    };
    let attempt = begin(&crm, &[], &[("login_hint", EMAIL)]);
    let (browser, _) = app.new_browser();
    let to_login = follow(&app, &browser, &attempt.url).await;
    let form = to_login.text().await.unwrap();
    assert!(
        form.contains(&format!(r#"name="email" type="email" autocomplete="username" required maxlength="254" value="{EMAIL}""#)),
        "{form}"
    );
    // A hint with markup is text in the field, never markup.
    let hostile = begin(
        &crm,
        &[],
        &[("login_hint", r#""><script>alert(1)</script>"#)],
    );
    let page = follow(&app, &browser, &hostile.url)
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("<script>alert(1)"), "{page}");
}

on_each_backend!(login_hint_fills_in_the_email => login_hint_sqlite, login_hint_postgres);

/// A request POSTed from the application's page arrives without the portal's cookies
/// (`SameSite=Lax`): it is sent on as a GET, which carries them, and touches no session
/// (a new one would replace the browser's, signing it out).
async fn a_posted_request_is_sent_on_as_a_get(backend: Backend) {
    let Some((app, crm, _)) = two_applications(backend).await else {
        return;
    };
    let first = begin(&crm, &[], &[]);
    let (browser, _) = signed_in_browser_with_code(&app, &first, EMAIL).await;

    let attempt = begin(&crm, &[], &[]);
    let body = url::Url::parse(&attempt.url)
        .unwrap()
        .query()
        .unwrap()
        .to_owned();
    // As the browser sends a cross-site POST: without the portal's cookies.
    let (cookieless, _) = app.new_browser();
    let posted = cookieless
        .post(app.url("/oauth2/authorize"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 303);
    assert!(
        !posted
            .headers()
            .get_all("set-cookie")
            .iter()
            .any(|c| c.to_str().unwrap().starts_with("twostep_session=")),
        "no session is started"
    );
    let location = location_of(&posted).unwrap();
    assert!(location.starts_with("/oauth2/authorize?"), "{location}");
    // The GET, a top-level navigation, carries the session: single sign-on.
    let back = browser.get(app.url(&location)).send().await.unwrap();
    let code = code_of(&app, &back, &attempt);
    finish(&crm, attempt, &code).await;

    // An unknown application or address is the error page at once.
    for body in [
        "response_type=code&client_id=unknown&redirect_uri=https%3A%2F%2Frp.example%2Fcallback&scope=openid".to_owned(),
        format!(
            "response_type=code&client_id={}&redirect_uri=https%3A%2F%2Fevil.example%2F&scope=openid",
            crm.client_id().as_str()
        ),
    ] {
        let refused = cookieless
            .post(app.url("/oauth2/authorize"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 400);
        assert!(location_of(&refused).is_none());
    }
}

on_each_backend!(a_posted_request_is_sent_on_as_a_get => posted_request_sqlite, posted_request_postgres);
