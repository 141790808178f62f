//! Behaviour required by the security review: SMS pumping, what turning 2-step verification
//! off removes, removing a kept method, half-finished sign-ins, file permissions, what a
//! failed sign-in stores, provider failures, and how the kept phone number is shown.

use std::sync::Arc;

use reqwest::cookie::Jar;
use twostep::config::Settings;
use twostep::startup::Application;

use crate::helpers::{
    GOOD_PASSWORD, PHONE, TestApp, assert_redirect_to, client_with, csrf_token, location_of,
    oathtool, submit_with,
};
use crate::on_both_databases;
use crate::standins::Mode;

/// PHONE as people read it: the full international format.
const PHONE_IN_FULL: &str = "+46 70 123 45 67";
const NEW_PASSWORD: &str = "amber lantern drifts over quiet fjords";

/// As `on_both_databases!`, starting each app with `TestApp::spawn_with(backend, adjust)`.
macro_rules! on_both_databases_with {
    ($adjust:ident => $($name:ident),* $(,)?) => {
        $(
            mod $name {
                use $crate::helpers::{Backend, TestApp};

                #[tokio::test]
                async fn sqlite() {
                    let app = TestApp::spawn_with(Backend::Sqlite, super::$adjust)
                        .await
                        .unwrap();
                    super::$name(app).await;
                }

                #[tokio::test]
                async fn postgres() {
                    if let Some(app) = TestApp::spawn_with(Backend::Postgres, super::$adjust).await {
                        super::$name(app).await;
                    }
                }
            }
        )*
    };
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// How many authenticator keys user `id` has in use.
async fn active_app_keys(app: &TestApp, id: i64) -> i64 {
    app.count_where(
        "SELECT COUNT(*) FROM totp_secrets WHERE user_id = $1 AND active_sealed IS NOT NULL",
        id,
    )
    .await
}

/// The form on `page` that posts to `action`, up to its end.
fn form_with_action<'a>(page: &'a str, action: &str) -> Option<&'a str> {
    let start = page.find(&format!(r#"action="{action}""#))?;
    let end = page[start..].find("</form>")? + start;
    Some(&page[start..end])
}

// ---- 8. SMS pumping against a victim's number ----

fn generous_sms_limit_per_address(settings: &mut Settings) {
    settings.sms_sends_per_ip_per_hour = 1000;
}

async fn throw_away_accounts_cannot_spend_a_victims_number(app: TestApp) {
    app.create_sms_user_in_database("victim@example.com", PHONE)
        .await;
    let mut outcomes = Vec::new();
    for n in 0..9 {
        let email = format!("pump{n}@example.com");
        app.create_user(&email, "Pump", false).await;
        // A fresh sign-in counts as a recently confirmed password.
        let client = app.signed_in_browser(&email).await;
        let response = submit_with(
            &client,
            &app.address,
            "/account/security/sms",
            "/account/security/sms",
            &[("phone", PHONE)],
        )
        .await;
        let status = response.status().as_u16();
        outcomes.push((status, response.text().await.unwrap()));
    }
    let texts = app.sms.count_to(PHONE);
    let statuses: Vec<u16> = outcomes.iter().map(|o| o.0).collect();
    assert!(
        texts <= 5,
        "{texts} enrolment texts from other accounts reached the victim's number: {statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        texts,
        "{statuses:?}"
    );
    for (status, page) in outcomes.iter().filter(|o| o.0 != 303) {
        assert_eq!(*status, 429, "{statuses:?}");
        assert!(
            page.contains("this phone number"),
            "the refusal names the number's limit: {page}"
        );
    }

    // The owner's sign-in codes are not spent by others.
    let response = app.post_login("victim@example.com", GOOD_PASSWORD).await;
    assert_eq!(
        response.status().as_u16(),
        303,
        "the victim's own sign-in code is refused: {}",
        response.text().await.unwrap()
    );
    assert_eq!(response.headers()["location"], "/login/verify");
    assert_eq!(app.sms.count_to(PHONE), texts + 1, "a new sign-in text");
    app.finish_sign_in_with_sms(PHONE).await;
}

on_both_databases_with!(generous_sms_limit_per_address => throw_away_accounts_cannot_spend_a_victims_number);

// ---- 9. Turning 2-step verification off removes the factors ----

async fn turning_two_step_off_removes_the_key_the_codes_and_the_devices(app: TestApp) {
    let key = app.user_with_app("ada@example.com").await;
    let id = user_id(&app, "ada@example.com").await;
    let old = app.shown_recovery_codes().await;
    app.confirm_codes_saved().await;
    app.post_logout().await;
    app.clock.advance(30); // past the step the set-up used
    app.sign_in_first_step("ada@example.com").await;
    let trusted = app
        .submit(
            "/login/verify",
            "/login/verify",
            &[
                ("code", &oathtool(&key, app.clock.now())),
                ("with", "app"),
                ("trust_device", "yes"),
            ],
        )
        .await;
    assert_redirect_to(&trusted, "/");
    let devices = "SELECT COUNT(*) FROM trusted_devices WHERE user_id = $1";
    assert_eq!(app.count_where(devices, id).await, 1);

    let off = app
        .submit("/account/security", "/account/security/two-step/off", &[])
        .await;
    assert_redirect_to(&off, "/account/security?notice=two-step-off");
    assert_eq!(
        active_app_keys(&app, id).await,
        0,
        "the authenticator key is removed"
    );
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1", id)
            .await,
        0,
        "the recovery codes are removed"
    );
    assert_eq!(
        app.count_where(devices, id).await,
        0,
        "the trusted devices are removed"
    );

    // On again: a new key and a new set of recovery codes.
    let new_key = app.setup_key().await;
    assert_ne!(new_key, key, "the removed key is not offered again");
    let confirmed = app.confirm_app(&new_key).await;
    assert_redirect_to(&confirmed, "/account/security/recovery-codes/new");
    let fresh = app.shown_recovery_codes().await;
    assert_eq!(fresh.len(), 10);
    assert!(fresh.iter().all(|c| !old.contains(c)), "a new set");
    app.confirm_codes_saved().await;

    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let refused = app.submit_recovery_code(&old[0]).await;
    assert_eq!(
        refused.status().as_u16(),
        401,
        "a code from before turning off"
    );
}

// ---- 10. Removing a kept method ----

async fn after_switching_to_sms_the_app_can_be_removed(app: TestApp) {
    let key = app.user_with_app("ada@example.com").await;
    let id = user_id(&app, "ada@example.com").await;
    app.confirm_codes_saved().await;
    let sent = app.submit_phone(PHONE).await;
    assert_redirect_to(&sent, "/account/security/sms/verify");
    let code = app.sms.last_code_to(PHONE);
    assert_redirect_to(
        &app.submit_phone_code(&code).await,
        "/account/security?notice=sms-on",
    );

    let page = app.get_text("/account/security").await;
    let form = form_with_action(&page, "/account/security/app/remove")
        .unwrap_or_else(|| panic!("no Remove form for the kept authenticator app: {page}"));
    assert!(form.contains(">Remove<"), "{form}");
    assert!(page.to_lowercase().contains("authenticator app"), "{page}");

    let removed = app
        .submit("/account/security", "/account/security/app/remove", &[])
        .await;
    assert_redirect_to(&removed, "/account/security?notice=app-removed");
    assert_eq!(active_app_keys(&app, id).await, 0, "the key is gone");
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("sms"));

    app.sign_in_again_after_the_cooldown("ada@example.com")
        .await;
    let verify = app.get_text("/login/verify").await;
    assert!(!verify.contains("Use authenticator app"), "{verify}");
    let with_app = app
        .submit_sign_in_code_with("app", &oathtool(&key, app.clock.now()))
        .await;
    let location = location_of(&with_app);
    assert_ne!(
        location.as_deref(),
        Some("/"),
        "a removed app's code signed in"
    );
    assert_redirect_to(&app.get("/").await, "/login");
}

async fn an_app_user_can_remove_the_kept_phone(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    app.switch_to_the_app().await;

    let page = app.get_text("/account/security").await;
    let form = form_with_action(&page, "/account/security/sms/remove")
        .unwrap_or_else(|| panic!("no Remove form for the kept phone: {page}"));
    assert!(form.contains(">Remove<"), "{form}");

    let removed = app
        .submit("/account/security", "/account/security/sms/remove", &[])
        .await;
    assert_eq!(removed.status().as_u16(), 303);
    let location = removed.headers()["location"].to_str().unwrap();
    assert!(location.starts_with("/account/security"), "{location}");
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM users WHERE id = $1 AND phone IS NOT NULL AND phone_verified_at IS NOT NULL",
            id
        )
        .await,
        0,
        "no verified phone is kept"
    );
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("app"));

    app.sign_in_again_after_the_cooldown("ada@example.com")
        .await;
    let verify = app.get_text("/login/verify").await;
    assert!(!verify.contains("Use text message"), "{verify}");
}

async fn an_administrators_only_method_cannot_be_removed(app: TestApp) {
    // 2-step verification is required for administrators by default.
    let id = app.create_user("root@example.com", "Root", true).await;
    assert_redirect_to(
        &app.post_login("root@example.com", GOOD_PASSWORD).await,
        "/",
    );
    let key = app.setup_key().await;
    let confirmed = app.confirm_app(&key).await;
    assert_redirect_to(&confirmed, "/account/security/recovery-codes/new");
    app.confirm_codes_saved().await;

    let page = app.get_text("/account/security").await;
    assert!(
        form_with_action(&page, "/account/security/app/remove").is_none(),
        "the only method of an administrator has no Remove: {page}"
    );
    let refused = app
        .submit("/account/security", "/account/security/app/remove", &[])
        .await;
    assert_eq!(
        refused.status().as_u16(),
        403,
        "removing an administrator's only method"
    );
    assert_eq!(active_app_keys(&app, id).await, 1, "the key is kept");
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("app"));
}

// ---- 11. A half-finished sign-in dies with the sessions ----

/// A second browser gives the password of `email` and sits at the code step; returns it,
/// the CSRF token of that page and the code texted to it.
async fn half_signed_in_browser(app: &TestApp, email: &str) -> (reqwest::Client, String, String) {
    let (browser, response) = app.password_step_in_new_browser(email).await;
    assert_redirect_to(&response, "/login/verify");
    let page = app.get_text_in(&browser, "/login/verify").await;
    (browser, csrf_token(&page), app.sms.last_code_to(PHONE))
}

async fn assert_cannot_finish(app: &TestApp, browser: &reqwest::Client, token: &str, code: &str) {
    let finished = browser
        .post(app.url("/login/verify"))
        .form(&[("csrf_token", token), ("code", code)])
        .send()
        .await
        .unwrap();
    assert_eq!(
        finished.status().as_u16(),
        303,
        "the right code after the sessions ended"
    );
    assert_eq!(
        finished.headers()["location"],
        "/login",
        "the half-finished sign-in was completed"
    );
    assert_redirect_to(&app.get_in(browser, "/").await, "/login");
}

async fn a_password_change_ends_a_half_finished_sign_in(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    app.clock.advance(31); // the cooldown between sign-in codes
    let (b, token, code) = half_signed_in_browser(&app, "ada@example.com").await;

    let changed = app.change_password(GOOD_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(changed.status().as_u16(), 303);
    assert_cannot_finish(&app, &b, &token, &code).await;
}

async fn signing_out_other_sessions_ends_a_half_finished_sign_in(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    app.clock.advance(31);
    let (b, token, code) = half_signed_in_browser(&app, "ada@example.com").await;

    app.end_other_sessions().await;
    assert_cannot_finish(&app, &b, &token, &code).await;
}

// ---- 12. The SQLite database is private ----

#[cfg(target_os = "linux")]
unsafe extern "C" {
    /// libc's umask(2); `mode_t` is a u32 on Linux.
    fn umask(mask: u32) -> u32;
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn the_sqlite_database_and_its_directory_are_private() {
    use std::os::unix::fs::PermissionsExt;

    // The usual default: files 0644 and directories 0755 unless the portal says otherwise.
    // SAFETY: umask only replaces the process's file-creation mask.
    unsafe { umask(0o022) };
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("nested").join("data");
    let url = format!("sqlite://{}", data.join("twostep.db").display());
    let mut settings = Settings::for_database(&url, &data);
    settings.bind = "127.0.0.1:0".parse().unwrap();
    let app = Application::build(settings)
        .await
        .expect("the application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());

    let registering = client_with(Arc::new(Jar::default()));
    let registered = submit_with(
        &registering,
        &address,
        "/register",
        "/register",
        &[
            ("name", "Ada Lovelace"),
            ("email", "ada@example.com"),
            ("password", GOOD_PASSWORD),
        ],
    )
    .await;
    assert_eq!(registered.status().as_u16(), 303);
    // The confirmation link, from the .eml file the zero-setup mailer wrote.
    let mut token = None;
    for _ in 0..200 {
        token = std::fs::read_dir(data.join("mail"))
            .into_iter()
            .flatten()
            .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
            .find_map(|eml| {
                let unfolded = eml.replace("=\r\n", "").replace("=3D", "=");
                let start = unfolded.find("/register/confirm?token=")? + 24;
                Some(
                    unfolded[start..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect::<String>(),
                )
            });
        if token.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let token = token.expect("a confirmation email under the data directory");
    let signing_in = client_with(Arc::new(Jar::default()));
    let signed_in = submit_with(
        &signing_in,
        &address,
        &format!("/register/confirm?token={token}"),
        "/register/confirm",
        &[("token", &token)],
    )
    .await;
    assert_redirect_to(&signed_in, "/?notice=welcome");

    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(
        mode(&data),
        0o700,
        "the data directory {} is mode {:o}",
        data.display(),
        mode(&data)
    );
    assert!(data.join("twostep.db").exists());
    for name in ["twostep.db", "twostep.db-wal", "twostep.db-shm"] {
        let path = data.join(name);
        if path.exists() {
            assert_eq!(mode(&path), 0o600, "{name} is mode {:o}", mode(&path));
        }
    }
}

// ---- 13. What was typed at a failed sign-in ----

async fn what_was_typed_at_a_failed_sign_in_is_not_stored_in_clear(app: TestApp) {
    let id = app.create_user("ada@example.com", "Ada", false).await;
    let typed = [
        "hunter2-secret-typed@example.com",
        // A password typed into the email box.
        "correct horse battery staple",
    ];
    for email in typed {
        let response = app.post_login(email, "not the password at all").await;
        assert_eq!(response.status().as_u16(), 401, "{email}");
    }
    let response = app
        .post_login("ada@example.com", "not the password at all")
        .await;
    assert_eq!(response.status().as_u16(), 401);

    assert_eq!(
        app.count_events("sign_in.failed").await,
        3,
        "every failure is still recorded"
    );
    assert!(
        app.count("SELECT COUNT(*) FROM login_failures").await > 0,
        "failures are still counted"
    );
    for table in ["login_failures", "audit_events"] {
        let stored = app.text_in_table(table).await;
        for secret in ["hunter2-secret-typed", "correct horse battery staple"] {
            assert!(
                !stored.contains(secret),
                "{table} holds what was typed ({secret}):\n{stored}"
            );
        }
    }

    let events: Vec<(Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT subject_user_id, detail FROM audit_events WHERE event = 'sign_in.failed' AND subject_user_id IS NOT NULL",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].0, Some(id), "the account is named by its id");
    assert!(
        !events[0]
            .1
            .as_deref()
            .unwrap_or_default()
            .contains("ada@example.com"),
        "{events:?}"
    );
}

// ---- 14. A provider failure is a page, not a 503 ----

const COULD_NOT_SEND: &str = "We could not send the text message just now";

async fn a_provider_failure_answers_200_with_send_again(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sms.set_mode(Mode::ServerError);
    let password_step = app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert_eq!(password_step.status().as_u16(), 200, "the password step");
    let page = password_step.text().await.unwrap();
    assert!(
        page.contains(COULD_NOT_SEND) && page.contains(">Send again<"),
        "{page}"
    );

    let resent = app.send_again().await;
    assert_eq!(resent.status().as_u16(), 200, "Send again");
    let page = resent.text().await.unwrap();
    assert!(
        page.contains(COULD_NOT_SEND) && page.contains(">Send again<"),
        "{page}"
    );

    app.create_user("grace@example.com", "Grace", false).await;
    let grace = app.signed_in_browser("grace@example.com").await;
    let enrolment = submit_with(
        &grace,
        &app.address,
        "/account/security/sms",
        "/account/security/sms",
        &[("phone", "+46709876543")],
    )
    .await;
    assert_eq!(enrolment.status().as_u16(), 200, "enrolment");
    let page = enrolment.text().await.unwrap();
    assert!(page.contains(COULD_NOT_SEND), "{page}");

    assert_eq!(app.count_events("sms.send_failed").await, 3);
}

// ---- 15. The kept number is shown in full to its owner ----

#[track_caller]
fn assert_masked(page: &str) {
    assert!(
        !page.contains(PHONE_IN_FULL) && !page.contains(PHONE),
        "the number in full before sign-in completes: {page}"
    );
}

async fn an_app_user_sees_the_kept_number_in_full(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    app.switch_to_the_app().await;
    let settings = app.get_text("/account/security").await;
    assert!(
        settings.contains(PHONE_IN_FULL),
        "My security settings do not show {PHONE_IN_FULL}: {settings}"
    );

    app.sign_in_again_after_the_cooldown("ada@example.com")
        .await;
    assert_masked(&app.get_text("/login/verify").await);
    assert_masked(&app.get_text("/login/verify?with=sms").await);
}

async fn an_sms_user_sees_the_number_in_full_once_signed_in(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_first_step("ada@example.com").await;
    let verify = app.get_text("/login/verify").await;
    assert_masked(&verify);
    assert!(verify.contains("+46 ••• •• 67"), "{verify}");
    app.finish_sign_in_with_sms(PHONE).await;
    let settings = app.get_text("/account/security").await;
    assert!(
        settings.contains(PHONE_IN_FULL),
        "My security settings do not show {PHONE_IN_FULL}: {settings}"
    );
}

on_both_databases!(
    turning_two_step_off_removes_the_key_the_codes_and_the_devices,
    after_switching_to_sms_the_app_can_be_removed,
    an_app_user_can_remove_the_kept_phone,
    an_administrators_only_method_cannot_be_removed,
    a_password_change_ends_a_half_finished_sign_in,
    signing_out_other_sessions_ends_a_half_finished_sign_in,
    what_was_typed_at_a_failed_sign_in_is_not_stored_in_clear,
    a_provider_failure_answers_200_with_send_again,
    an_app_user_sees_the_kept_number_in_full,
    an_sms_user_sees_the_number_in_full_once_signed_in,
);
