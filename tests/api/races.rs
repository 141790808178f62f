//! Bursts of concurrent requests against every check that is limited: the limits must hold
//! exactly as they do for one request at a time. Each test names the concurrency it uses.

use futures_util::future::join_all;

use crate::helpers::{
    GOOD_PASSWORD, TestApp, assert_redirect_to, csrf_token, oathtool, submit_with,
};
use crate::on_both_databases;

const WRONG_PASSWORD: &str = "not the password at all";
const NEW_PASSWORD: &str = "amber lantern drifts over quiet fjords";
/// The default limit of failures per account in the throttle window.
const ACCOUNT_LIMIT: usize = 10;

/// Fires `n` copies of one form at `action` at once, over the app's own client (one cookie
/// jar, one CSRF token), and returns the statuses.
async fn burst(app: &TestApp, n: usize, action: &str, form: &[(&str, &str)]) -> Vec<u16> {
    let posts = (0..n).map(|_| app.post_raw(action, form));
    join_all(posts)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect()
}

/// "401×200" style summary of a burst's answers.
fn tally(statuses: &[u16]) -> String {
    let mut kinds: Vec<u16> = statuses.to_vec();
    kinds.sort_unstable();
    kinds.dedup();
    kinds
        .iter()
        .map(|k| format!("{k}×{}", statuses.iter().filter(|s| *s == k).count()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// At most `limit` answers are 401 and every other one is 429; nothing failed on the server.
#[track_caller]
fn assert_cut_at(statuses: &[u16], limit: usize) {
    let summary = tally(statuses);
    assert!(
        statuses.iter().all(|s| *s < 500),
        "server errors in the burst: {summary}"
    );
    let wrong = statuses.iter().filter(|s| **s == 401).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert!(
        wrong <= limit,
        "{wrong} attempts were checked, at most {limit} may be: {summary}"
    );
    assert_eq!(
        wrong + throttled,
        statuses.len(),
        "every other answer is 429: {summary}"
    );
}

/// A 6-digit code the app for `key` does not show in the step before, this one or the next.
fn wrong_totp(app: &TestApp, key: &str) -> String {
    let now = app.clock.now();
    let valid: Vec<String> = [-60, -30, 0, 30, 60]
        .iter()
        .map(|offset| oathtool(key, now + offset))
        .collect();
    ["000000", "111111", "222222", "333333", "444444", "555555"]
        .into_iter()
        .find(|c| !valid.iter().any(|v| v == c))
        .unwrap()
        .to_owned()
}

async fn a_burst_of_wrong_passwords_is_cut_at_the_account_limit(app: TestApp) {
    // Concurrency: 200 POST /login at once, one client, one CSRF token.
    app.create_user("ada@example.com", "Ada", false).await;
    let token = csrf_token(&app.get_text("/login").await);
    let form = [
        ("csrf_token", token.as_str()),
        ("email", "ada@example.com"),
        ("password", WRONG_PASSWORD),
    ];
    let statuses = burst(&app, 200, "/login", &form).await;
    assert_cut_at(&statuses, ACCOUNT_LIMIT);
    let failed = app.count_events("sign_in.failed").await;
    assert!(failed <= ACCOUNT_LIMIT, "{failed} sign_in.failed events");

    let right = app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert_eq!(
        right.status().as_u16(),
        429,
        "the right password waits out the throttle too"
    );
    assert!(app.session_cookie().is_none());
}

async fn a_burst_of_wrong_passwords_at_re_authentication_is_cut_at_the_limit(app: TestApp) {
    // Concurrency: 120 POST /account/confirm at once, one signed-in client, one CSRF token.
    app.create_user("ada@example.com", "Ada", false).await;
    assert_redirect_to(&app.post_login("ada@example.com", GOOD_PASSWORD).await, "/");
    let token = csrf_token(
        &app.get_text("/account/confirm?next=/account/security")
            .await,
    );
    let form = [
        ("csrf_token", token.as_str()),
        ("password", WRONG_PASSWORD),
        ("next", "/account/security"),
    ];
    let statuses = burst(&app, 120, "/account/confirm", &form).await;
    assert_cut_at(&statuses, ACCOUNT_LIMIT);
    let failed = app.count_events("reauth.failed").await;
    assert!(failed <= ACCOUNT_LIMIT, "{failed} reauth.failed events");
}

async fn a_burst_of_wrong_current_passwords_is_cut_at_the_limit(app: TestApp) {
    // Concurrency: 120 POST /account/password at once, one signed-in client, one CSRF token.
    app.create_user("ada@example.com", "Ada", false).await;
    assert_redirect_to(&app.post_login("ada@example.com", GOOD_PASSWORD).await, "/");
    let token = csrf_token(&app.get_text("/account/password").await);
    let form = [
        ("csrf_token", token.as_str()),
        ("current_password", WRONG_PASSWORD),
        ("new_password", NEW_PASSWORD),
    ];
    let statuses = burst(&app, 120, "/account/password", &form).await;
    assert_cut_at(&statuses, ACCOUNT_LIMIT);
    let failed = app.count_events("password.change_failed").await;
    assert!(
        failed <= ACCOUNT_LIMIT,
        "{failed} password.change_failed events"
    );
}

async fn a_burst_of_wrong_passwords_on_a_confirmation_link_is_cut_at_the_limit(app: TestApp) {
    // Concurrency: 120 POST /register/confirm at once with the link and a wrong password:
    // the guesses count under the account's sign-in limit, and the address stays unconfirmed.
    app.submit(
        "/register",
        "/register",
        &[
            ("name", "Ada"),
            ("email", "ada@example.com"),
            ("password", GOOD_PASSWORD),
        ],
    )
    .await;
    app.registrations_settled().await;
    let link =
        crate::kit::mail::link_in_eml(app.data_dir(), "ada@example.com", "/register/confirm").await;
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let csrf = csrf_token(&app.get_text(&link).await);
    let form = [
        ("csrf_token", csrf.as_str()),
        ("token", token.as_str()),
        ("password", WRONG_PASSWORD),
    ];
    let statuses = burst(&app, 120, "/register/confirm", &form).await;
    assert_cut_at(&statuses, ACCOUNT_LIMIT);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE email_confirmed_at IS NOT NULL")
            .await,
        0
    );
    // Registering kept only the address for "Check your email": nobody is signed in.
    assert_eq!(
        app.get("/account/security").await.headers()["location"],
        "/login",
        "nobody was signed in"
    );
}

async fn a_burst_of_registrations_stops_at_twenty_per_address(app: TestApp) {
    // Concurrency: 30 POST /register at once from 127.0.0.1, each from its own browser
    // (its own CSRF cookie and token, fetched before the burst) and with its own email.
    let mut browsers = Vec::new();
    for _ in 0..30 {
        let (client, _) = app.new_browser();
        let token = csrf_token(&app.get_text_in(&client, "/register").await);
        browsers.push((client, token));
    }
    let posts = browsers.iter().enumerate().map(|(n, (client, token))| {
        let email = format!("user{n}@example.com");
        let url = app.url("/register");
        async move {
            client
                .post(url)
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("name", "Ada Lovelace"),
                    ("email", email.as_str()),
                    ("password", GOOD_PASSWORD),
                ])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    });
    let statuses = join_all(posts).await;
    app.registrations_settled().await;
    let users = app.count("SELECT COUNT(*) FROM users").await;
    assert!(
        users <= 20,
        "{users} accounts created from one address: {}",
        tally(&statuses)
    );
    let created = statuses.iter().filter(|s| **s == 303).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(created as i64, users, "{statuses:?}");
    assert_eq!(
        created + throttled,
        30,
        "the others are refused with 429: {statuses:?}"
    );
}

async fn a_burst_of_wrong_app_codes_at_sign_in_is_cut_at_the_limit(app: TestApp) {
    // Concurrency: 100 POST /login/verify (with=app) at once, one half-signed-in client,
    // one CSRF token.
    let key = app.user_with_app("ada@example.com").await;
    app.confirm_codes_saved().await;
    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let wrong = wrong_totp(&app, &key);
    let token = csrf_token(&app.get_text("/login/verify").await);
    let form = [
        ("csrf_token", token.as_str()),
        ("with", "app"),
        ("code", wrong.as_str()),
    ];
    let statuses = burst(&app, 100, "/login/verify", &form).await;
    assert_cut_at(&statuses, ACCOUNT_LIMIT);
    let failed = app.count_events("totp.failed").await;
    assert!(failed <= ACCOUNT_LIMIT, "{failed} totp.failed events");
    assert_redirect_to(&app.get("/").await, "/login");
}

async fn a_burst_of_wrong_recovery_codes_at_sign_in_is_cut_at_the_limit(app: TestApp) {
    // Concurrency: 100 POST /login/recovery at once, one half-signed-in client, one CSRF
    // token.
    app.user_with_app("ada@example.com").await;
    app.confirm_codes_saved().await;
    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let token = csrf_token(&app.get_text("/login/recovery").await);
    // Well-formed (12 Crockford base32 symbols), but not one of the user's codes.
    let form = [
        ("csrf_token", token.as_str()),
        ("recovery_code", "aaaa-bbbb-cccc"),
    ];
    let statuses = burst(&app, 100, "/login/recovery", &form).await;
    assert_cut_at(&statuses, ACCOUNT_LIMIT);
    let failed = app.count_events("recovery_code.failed").await;
    assert!(
        failed <= ACCOUNT_LIMIT,
        "{failed} recovery_code.failed events"
    );
    assert_redirect_to(&app.get("/").await, "/login");
}

/// Signs in with the password in a new browser, then with `code` at /login/recovery.
async fn recovery_sign_in(app: &TestApp, email: &str, code: &str) -> reqwest::Response {
    let client = app.signed_in_browser(email).await;
    submit_with(
        &client,
        &app.address,
        "/login/recovery",
        "/login/recovery",
        &[("recovery_code", code)],
    )
    .await
}

/// The answer to a recovery code that did not sign in.
#[track_caller]
fn assert_code_refused(response: &reqwest::Response, why: &str) {
    assert_eq!(response.status().as_u16(), 401, "{why}");
}

/// The answer to a recovery code that signed in.
#[track_caller]
fn assert_signed_in_with_code(response: &reqwest::Response, why: &str) {
    assert_eq!(response.status().as_u16(), 303, "{why}");
    assert_eq!(
        response.headers()["location"],
        "/account/security?notice=recovery-used",
        "{why}"
    );
}

async fn a_double_submitted_regenerate_leaves_the_codes_shown_working(app: TestApp) {
    // Concurrency: 2 POST /account/security/recovery-codes at once (one client, one CSRF
    // token, as a double click sends them), 10 rounds.
    app.user_with_app("ada@example.com").await;
    let mut current = app.shown_recovery_codes().await;
    app.confirm_codes_saved().await;

    for round in 0..10 {
        let token = csrf_token(&app.get_text("/account/security").await);
        let statuses = burst(
            &app,
            2,
            "/account/security/recovery-codes",
            &[("csrf_token", token.as_str())],
        )
        .await;
        assert!(
            statuses.iter().all(|s| *s == 303),
            "round {round}: {statuses:?}"
        );
        // Neither request voided the set in use: nothing is confirmed yet.
        assert_signed_in_with_code(
            &recovery_sign_in(&app, "ada@example.com", &current[1]).await,
            &format!("round {round}: before Done, the set in use still signs in"),
        );
        let shown = app.shown_recovery_codes().await;
        assert_eq!(shown.len(), 10, "round {round}");
        assert!(
            shown.iter().all(|c| !current.contains(c)),
            "round {round}: a new set"
        );
        app.confirm_codes_saved().await;
        // The set the person was shown and confirmed is the set that works.
        assert_signed_in_with_code(
            &recovery_sign_in(&app, "ada@example.com", &shown[0]).await,
            &format!("round {round}: after Done, the codes shown sign in"),
        );
        current = shown;
    }

    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let used = app.submit_recovery_code(&current[2]).await;
    assert_signed_in_with_code(&used, "a code shown last signs in");
}

async fn new_recovery_codes_replace_the_old_ones_only_at_done(app: TestApp) {
    app.user_with_app("ada@example.com").await;
    let old = app.shown_recovery_codes().await;
    app.confirm_codes_saved().await;

    let new = app.regenerate_recovery_codes().await;
    assert_eq!(new.len(), 10);

    // Not confirmed yet: the old set still signs in (another browser), the new one not.
    assert_signed_in_with_code(
        &recovery_sign_in(&app, "ada@example.com", &old[0]).await,
        "before Done, the old set still signs in",
    );
    assert_code_refused(
        &recovery_sign_in(&app, "ada@example.com", &new[0]).await,
        "a set not confirmed at Done does not sign in",
    );

    app.confirm_codes_saved().await;
    assert_code_refused(
        &recovery_sign_in(&app, "ada@example.com", &old[1]).await,
        "after Done the old set is void",
    );
    assert_signed_in_with_code(
        &recovery_sign_in(&app, "ada@example.com", &new[1]).await,
        "after Done, the new set signs in",
    );
}

on_both_databases!(
    a_burst_of_wrong_passwords_is_cut_at_the_account_limit,
    a_burst_of_wrong_passwords_at_re_authentication_is_cut_at_the_limit,
    a_burst_of_wrong_current_passwords_is_cut_at_the_limit,
    a_burst_of_wrong_passwords_on_a_confirmation_link_is_cut_at_the_limit,
    a_burst_of_registrations_stops_at_twenty_per_address,
    a_burst_of_wrong_app_codes_at_sign_in_is_cut_at_the_limit,
    a_burst_of_wrong_recovery_codes_at_sign_in_is_cut_at_the_limit,
    a_double_submitted_regenerate_leaves_the_codes_shown_working,
    new_recovery_codes_replace_the_old_ones_only_at_done,
);
