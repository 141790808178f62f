//! What an administrator does to an account reaches the applications at once: disabling
//! it, resetting its 2-step verification or signing it out everywhere ends the session, so
//! no new code is issued, and what applications hold stops working. On both databases.

use twostep::services::admin::{AccountChange, Actor};

use super::{
    CALLBACK, Client, authorize_path, begin, callback_params, code_of, finish, param,
    relying_party, spawn, userinfo_status,
};
use crate::helpers::{Backend, PHONE, TestApp, location_of};
use crate::on_each_backend;

const EMAIL: &str = "ada@example.com";

/// A browser signed in to the portal (password and the SMS code), and an application
/// signed in through it: the relying party, the browser, the access token, and a code
/// issued but not yet exchanged.
async fn signed_in_to_an_application(app: &TestApp) -> (Client, reqwest::Client, String, String) {
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let rp = relying_party(app, &client_id, Some(&secret)).await;
    app.sign_in_with_sms_code(EMAIL, PHONE).await;
    let browser = app.client.clone();
    let attempt = begin(&rp, &[], &[]);
    let back = browser.get(&attempt.url).send().await.unwrap();
    let code = code_of(app, &back, &attempt);
    let access_token = finish(&rp, attempt, &code).await.access_token;
    assert_eq!(userinfo_status(app, &access_token).await, 200);
    let unexchanged = authorize_path(&[
        ("response_type", "code"),
        ("client_id", &client_id),
        ("redirect_uri", CALLBACK),
        ("scope", "openid"),
    ]);
    let back = browser.get(app.url(&unexchanged)).send().await.unwrap();
    let pending = param(&callback_params(&back), "code").unwrap().to_owned();
    (rp, browser, access_token, pending)
}

/// After the change: the browser's application sign-in leads to the sign-in page,
/// `prompt=none` is `login_required`, and no code was issued.
async fn assert_no_more_codes(app: &TestApp, rp: &Client, browser: &reqwest::Client) {
    let issued = app.count_events("application.signed_in").await;
    let attempt = begin(rp, &[], &[]);
    let answer = browser.get(&attempt.url).send().await.unwrap();
    let location = location_of(&answer).unwrap();
    assert!(location.starts_with("/login?next="), "{location}");
    let silent = begin(rp, &[], &[("prompt", "none")]);
    let answer = browser.get(&silent.url).send().await.unwrap();
    assert_eq!(
        param(&callback_params(&answer), "error"),
        Some("login_required")
    );
    assert_eq!(app.count_events("application.signed_in").await, issued);
}

/// The token endpoint's answer to the code issued before the change.
async fn exchange_status(rp: &Client, code: &str) -> u16 {
    let answer = rp
        .exchange_code(openidconnect::AuthorizationCode::new(code.to_owned()))
        .unwrap()
        .request_async(&super::rp_http())
        .await;
    if answer.is_ok() { 200 } else { 400 }
}

async fn change(app: &TestApp, change: AccountChange) {
    let id = app.kit().id_of(EMAIL).await;
    app.state
        .services
        .change_account(Actor::CommandLine, id, change, &Default::default())
        .await
        .unwrap()
        .expect("the change is made");
}

async fn a_disabled_user_gets_no_code_and_loses_what_applications_hold(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let id = app.create_sms_user(EMAIL, PHONE).await;
    let (rp, browser, access_token, pending) = signed_in_to_an_application(&app).await;
    app.kit().disable(id).await;
    assert_no_more_codes(&app, &rp, &browser).await;
    assert_eq!(userinfo_status(&app, &access_token).await, 401);
    assert_eq!(exchange_status(&rp, &pending).await, 400);
}

on_each_backend!(a_disabled_user_gets_no_code_and_loses_what_applications_hold => disabled_user_sqlite, disabled_user_postgres);

async fn a_reset_user_gets_no_code_and_loses_what_applications_hold(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_sms_user(EMAIL, PHONE).await;
    let (rp, browser, access_token, pending) = signed_in_to_an_application(&app).await;
    change(&app, AccountChange::ResetTwoStep).await;
    assert_no_more_codes(&app, &rp, &browser).await;
    assert_eq!(userinfo_status(&app, &access_token).await, 401);
    assert_eq!(exchange_status(&rp, &pending).await, 400);
}

on_each_backend!(a_reset_user_gets_no_code_and_loses_what_applications_hold => reset_user_sqlite, reset_user_postgres);

async fn signing_out_everywhere_reaches_the_applications(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_sms_user(EMAIL, PHONE).await;
    let (rp, browser, access_token, pending) = signed_in_to_an_application(&app).await;
    change(&app, AccountChange::SignOutEverywhere).await;
    assert_no_more_codes(&app, &rp, &browser).await;
    assert_eq!(userinfo_status(&app, &access_token).await, 401);
    assert_eq!(exchange_status(&rp, &pending).await, 400);
}

on_each_backend!(signing_out_everywhere_reaches_the_applications => signed_out_everywhere_sqlite, signed_out_everywhere_postgres);
