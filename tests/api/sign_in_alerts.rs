//! Sign-in alerts (issue 25): a sign-in from a browser the account never used is emailed
//! (not the account's first, and only while the platform setting is on), with "This wasn't
//! me", whose one button ends every session, removes the trusted devices, stops the
//! password and emails a link to choose a new one; and a right password whose second step
//! is not completed is emailed once, at most hourly, by a sweep that two instances share.

use twostep::config::Settings;
use twostep::startup::Application;

use crate::helpers::{
    GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to, cookie_value, submit_with,
};
use crate::on_both_databases;

const NEW_SIGN_IN: &str = "New sign-in to your Twostep account";
const UNFINISHED: &str = "Your password was used, but the sign-in was not completed";

/// The emails queued to `to` whose subject is `subject`: their text bodies, oldest first.
async fn emails(app: &TestApp, to: &str, subject: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT body FROM outbox WHERE to_address = $1 AND subject = $2 ORDER BY id")
        .bind(to)
        .bind(subject)
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

/// The emails to `to` titled `subject` as the portal's worker wrote them (`.eml` files:
/// links are sealed in the outbox until sent), waiting up to 10 s for `count` of them.
async fn delivered(app: &TestApp, to: &str, subject: &str, count: usize) -> Vec<String> {
    for _ in 0..100 {
        let found: Vec<String> = std::fs::read_dir(app.data_dir().join("mail"))
            .into_iter()
            .flatten()
            .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
            .map(|eml| eml.replace("=\r\n", "").replace("=3D", "="))
            .filter(|eml| {
                eml.contains(&format!("To: {to}")) && eml.contains(&format!("Subject: {subject}"))
            })
            .collect();
        if found.len() >= count {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("fewer than {count} emails to {to} titled {subject:?}");
}

/// The token of the first link to `path` in `body`.
fn token_in(body: &str, path: &str) -> String {
    let marker = format!("{path}?token=");
    let start = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {path} link in {body}"))
        + marker.len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// A password-only account signs in in a new browser; the browser, signed in.
async fn password_sign_in(
    app: &TestApp,
    email: &str,
) -> (reqwest::Client, std::sync::Arc<reqwest::cookie::Jar>) {
    let (browser, jar) = app.new_browser();
    let fields = [("email", email), ("password", GOOD_PASSWORD)];
    let answer = submit_with(&browser, &app.address, "/login", "/login", &fields).await;
    assert_redirect_to(&answer, "/");
    (browser, jar)
}

async fn a_new_browser_is_emailed_and_a_known_one_is_not(app: TestApp) {
    let ada = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    // The very first sign-in is not alerted; the browser gets its own cookie.
    let (first, jar) = password_sign_in(&app, "ada@example.com").await;
    let cookie = cookie_value(&jar, &app.address, "twostep_browser").expect("the browser cookie");
    assert_eq!(cookie.len(), 43);
    assert!(
        emails(&app, "ada@example.com", NEW_SIGN_IN)
            .await
            .is_empty()
    );
    // Signing in again there: a known browser.
    let out = submit_with(&first, &app.address, "/", "/logout", &[]).await;
    assert_redirect_to(&out, "/login?notice=signed-out");
    let fields = [("email", "ada@example.com"), ("password", GOOD_PASSWORD)];
    let again = submit_with(&first, &app.address, "/login", "/login", &fields).await;
    assert_redirect_to(&again, "/");
    assert!(
        emails(&app, "ada@example.com", NEW_SIGN_IN)
            .await
            .is_empty()
    );

    // Another browser: emailed, with where from and "This wasn't me".
    password_sign_in(&app, "ada@example.com").await;
    assert_eq!(emails(&app, "ada@example.com", NEW_SIGN_IN).await.len(), 1);
    let alerts = delivered(&app, "ada@example.com", NEW_SIGN_IN, 1).await;
    assert!(alerts[0].contains("Address: 127.0.0.1") && alerts[0].contains("Browser and system:"));
    assert!(alerts[0].contains("This wasn't me"), "{}", alerts[0]);
    token_in(&alerts[0], "/secure-account");
    // Kept as digests, never the cookie itself.
    let digests: Vec<String> =
        sqlx::query_scalar("SELECT browser_digest FROM known_browsers WHERE user_id = $1")
            .bind(ada)
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(digests.len(), 2);
    assert!(digests.iter().all(|d| d != &cookie));

    // A cookie that is not one of ours is a new browser, and is replaced.
    let (forged, forged_jar) = app.new_browser();
    forged_jar.add_cookie_str("twostep_browser=<script>", &app.address.parse().unwrap());
    let answer = submit_with(&forged, &app.address, "/login", "/login", &fields).await;
    assert_redirect_to(&answer, "/");
    assert_eq!(emails(&app, "ada@example.com", NEW_SIGN_IN).await.len(), 2);
    assert_eq!(
        cookie_value(&forged_jar, &app.address, "twostep_browser").map(|c| c.len()),
        Some(43)
    );

    // The setting off: no email, the browser still remembered.
    app.kit()
        .set_platform(|p| p.new_device_alerts = false)
        .await;
    password_sign_in(&app, "ada@example.com").await;
    assert_eq!(emails(&app, "ada@example.com", NEW_SIGN_IN).await.len(), 2);
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM known_browsers WHERE user_id = $1",
            ada
        )
        .await,
        4
    );
}

async fn the_setting_is_in_the_control_center(app: TestApp) {
    crate::admin::signed_in_admin(&app).await;
    let page = app.get_text("/admin/security").await;
    assert!(page.contains("Email users when they sign in from a new device"));
    assert!(page.contains(r#"name="new_device_alerts" type="checkbox" value="yes" checked"#));
}

async fn this_was_not_me_secures_the_account_in_one_step(app: TestApp) {
    let ada = app.create_sms_user("ada@example.com", PHONE).await;
    // Ada's own browser, signed in; then "someone" in another, trusting it.
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    // Past the cooldown between two texts to one number.
    app.clock.advance(61);
    let (intruder, answer) = app.password_step_in_new_browser("ada@example.com").await;
    assert_redirect_to(&answer, "/login/verify");
    let code = app.sms.last_code_to(PHONE);
    let page = "/login/verify";
    let fields = [("code", code.as_str()), ("trust_device", "yes")];
    let signed_in = submit_with(&intruder, &app.address, page, page, &fields).await;
    assert_redirect_to(&signed_in, "/");
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM trusted_devices WHERE user_id = $1",
            ada
        )
        .await,
        1
    );
    assert_eq!(emails(&app, "ada@example.com", NEW_SIGN_IN).await.len(), 1);
    let alerts = delivered(&app, "ada@example.com", NEW_SIGN_IN, 1).await;
    let token = token_in(&alerts[0], "/secure-account");

    // The link works signed out; the page says what will happen.
    let (anyone, _) = app.new_browser();
    let link = format!("/secure-account?token={token}");
    let question = assert_page(app.get_in(&anyone, &link).await, 200, "Secure your account").await;
    assert!(question.contains("ada@example.com") && question.contains("Secure my account"));
    let fields = [("token", token.as_str())];
    let secured = submit_with(&anyone, &app.address, &link, "/secure-account", &fields).await;
    assert_redirect_to(&secured, "/secure-account?secured=yes");
    let done = app.get_in(&anyone, "/secure-account?secured=yes").await;
    assert_page(done, 200, "Your account is secured").await;

    // Every session ended, no trusted device, the password no longer works.
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM sessions WHERE user_id = $1", ada)
            .await,
        0
    );
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM trusted_devices WHERE user_id = $1",
            ada
        )
        .await,
        0
    );
    assert_redirect_to(&app.get_in(&intruder, "/account/security").await, "/login");
    assert_redirect_to(&app.get("/account/security").await, "/login");
    assert_eq!(
        app.login_status("ada@example.com", GOOD_PASSWORD).await,
        401
    );
    assert_eq!(app.count_events("account.secured").await, 1);
    assert_eq!(
        app.audit_detail("account.secured").await,
        "2 sessions ended, 1 trusted devices removed"
    );
    // A link to choose a new password, in its own email; 2-step verification stays on.
    assert_eq!(
        emails(&app, "ada@example.com", "Choose a new Twostep password")
            .await
            .len(),
        1
    );
    let reset = delivered(&app, "ada@example.com", "Choose a new Twostep password", 1).await;
    let password_token = token_in(&reset[0], "/password/set");
    assert_page(
        app.get_in(&anyone, &format!("/password/set?token={password_token}"))
            .await,
        200,
        "ada@example.com",
    )
    .await;
    assert_eq!(app.two_factor_method(ada).await.as_deref(), Some("sms"));

    // Once only.
    assert_page(
        app.get_in(&anyone, &link).await,
        410,
        "This link has expired",
    )
    .await;
    let again = submit_with(&anyone, &app.address, "/login", "/secure-account", &fields).await;
    assert_page(again, 410, "This link has expired").await;
    assert_eq!(app.count_events("account.secured").await, 1);
}

async fn a_hundred_uses_of_one_link_secure_once(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    password_sign_in(&app, "ada@example.com").await;
    password_sign_in(&app, "ada@example.com").await;
    let token = token_in(
        &delivered(&app, "ada@example.com", NEW_SIGN_IN, 1).await[0],
        "/secure-account",
    );
    let (browser, _) = app.new_browser();
    let page = app
        .get_text_in(&browser, &format!("/secure-account?token={token}"))
        .await;
    let csrf = crate::helpers::csrf_token(&page);
    let url = app.url("/secure-account");
    let answers = futures_util::future::join_all((0..100).map(|_| {
        browser
            .post(&url)
            .form(&[("csrf_token", csrf.as_str()), ("token", token.as_str())])
            .send()
    }))
    .await;
    let mut statuses: Vec<u16> = answers
        .iter()
        .map(|a| a.as_ref().unwrap().status().as_u16())
        .collect();
    statuses.sort_unstable();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| [303, 410].contains(s)),
        "{statuses:?}"
    );
    assert_eq!(app.count_events("account.secured").await, 1);
    assert_eq!(
        emails(&app, "ada@example.com", "Choose a new Twostep password")
            .await
            .len(),
        1
    );
    // A made-up or oversized token is the same dead link.
    for token in ["abc", &"a".repeat(500)] {
        let answer = app
            .get_in(&browser, &format!("/secure-account?token={token}"))
            .await;
        assert_page(answer, 410, "This link has expired").await;
    }
}

async fn an_unfinished_sign_in_is_emailed_once_an_hour(app: TestApp) {
    let services = &app.state.services;
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    assert_eq!(
        services.sweep_unfinished_sign_ins().await.unwrap(),
        0,
        "not yet 15 minutes"
    );
    app.clock.advance(15 * 60 + 1);
    assert_eq!(services.sweep_unfinished_sign_ins().await.unwrap(), 1);
    let sent = emails(&app, "ada@example.com", UNFINISHED).await;
    assert_eq!(sent.len(), 1);
    assert!(sent[0].contains("Address: 127.0.0.1") && sent[0].contains("change it at once"));
    assert_eq!(
        services.sweep_unfinished_sign_ins().await.unwrap(),
        0,
        "taken once"
    );

    // A completed sign-in is not one.
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    app.clock.advance(16 * 60);
    assert_eq!(services.sweep_unfinished_sign_ins().await.unwrap(), 0);

    // Within the hour of the last email: taken, not emailed; after it, emailed.
    let (_, answer) = app.password_step_in_new_browser("ada@example.com").await;
    assert_redirect_to(&answer, "/login/verify");
    app.clock.advance(16 * 60);
    assert_eq!(services.sweep_unfinished_sign_ins().await.unwrap(), 1);
    assert_eq!(emails(&app, "ada@example.com", UNFINISHED).await.len(), 1);
    app.clock.advance(3_600);
    app.password_step_in_new_browser("ada@example.com").await;
    app.clock.advance(16 * 60);
    services.sweep_unfinished_sign_ins().await.unwrap();
    assert_eq!(emails(&app, "ada@example.com", UNFINISHED).await.len(), 2);

    // Five wrong codes after the password: emailed at the next sweep, without waiting.
    let bob_phone = "+46701112233";
    app.create_sms_user("bob@example.com", bob_phone).await;
    let (browser, _) = app.password_step_in_new_browser("bob@example.com").await;
    for _ in 0..5 {
        let page = "/login/verify";
        let wrong = submit_with(&browser, &app.address, page, page, &[("code", "000000")]).await;
        assert!(wrong.status().is_client_error());
    }
    assert_eq!(services.sweep_unfinished_sign_ins().await.unwrap(), 1);
    assert_eq!(emails(&app, "bob@example.com", UNFINISHED).await.len(), 1);
}

async fn two_instances_sweep_without_sending_twice(app: TestApp) {
    let mut settings = Settings::for_database(&app.database_url, app.data_dir());
    settings.secret_key = app.state.settings.secret_key.clone();
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.sign_in_sweep_every = None;
    let other = Application::build_with_clock(settings, app.clock.clone())
        .await
        .unwrap();
    let other = other.state();
    for n in 0..12 {
        let email = format!("user{n}@example.com");
        app.create_sms_user(&email, &format!("+4670111{n:04}"))
            .await;
        let (_, answer) = app.password_step_in_new_browser(&email).await;
        assert_redirect_to(&answer, "/login/verify");
    }
    app.clock.advance(15 * 60 + 1);
    let mut taken = 0;
    loop {
        let (a, b) = tokio::join!(
            app.state.services.sweep_unfinished_sign_ins(),
            other.services.sweep_unfinished_sign_ins()
        );
        let round = a.unwrap() + b.unwrap();
        if round == 0 {
            break;
        }
        taken += round;
    }
    assert_eq!(taken, 12);
    let sent: i64 = app.count("SELECT COUNT(*) FROM outbox WHERE subject = 'Your password was used, but the sign-in was not completed'").await;
    assert_eq!(sent, 12, "one email each, whichever instance took it");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM unfinished_sign_ins").await,
        0
    );
}

on_both_databases!(
    a_new_browser_is_emailed_and_a_known_one_is_not,
    the_setting_is_in_the_control_center,
    this_was_not_me_secures_the_account_in_one_step,
    a_hundred_uses_of_one_link_secure_once,
    an_unfinished_sign_in_is_emailed_once_an_hour,
    two_instances_sweep_without_sending_twice,
);
