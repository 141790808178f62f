//! The control center over HTTP: who gets in, what each page shows, and what each change
//! writes (rows, audit events, emails), on both databases.

use crate::helpers::{
    AuditRow, Backend, GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to, csrf_token,
    submit_with,
};
use crate::{on_both_databases, on_each_backend};

pub(crate) const ADMIN_PHONE: &str = "+46709990000";

/// An administrator with SMS 2-step verification, turned on through the security
/// settings' use cases, and signed in with a code in the app's own browser. Returns their id.
pub(crate) async fn signed_in_admin(app: &TestApp) -> i64 {
    let id = app
        .create_user("admin@example.com", "Ada Admin", true)
        .await;
    app.turn_on_sms_in_database(id, ADMIN_PHONE).await;
    app.sign_in_with_sms_code("admin@example.com", ADMIN_PHONE)
        .await;
    id
}

/// Every page of the control center, with an id that exists where one is needed.
fn admin_pages(user: i64, group: i64) -> Vec<String> {
    vec![
        "/admin".into(),
        "/admin/security".into(),
        "/admin/users".into(),
        "/admin/users/new".into(),
        format!("/admin/users/{user}"),
        format!("/admin/users/{user}/reset"),
        "/admin/groups".into(),
        format!("/admin/groups/{group}"),
        "/admin/audit".into(),
        "/admin/audit.csv".into(),
        "/admin/applications".into(),
        "/admin/applications/new".into(),
    ]
}

/// Every change the control center makes, with its form.
fn admin_posts(user: i64, group: i64) -> Vec<(String, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "/admin/security".into(),
            vec![
                ("two_step", "off"),
                ("trusted_devices", "30"),
                ("max_session_days", "60"),
                ("inactivity_minutes", "never"),
                ("app_name", "Hacked"),
            ],
        ),
        (
            "/admin/users/new".into(),
            vec![("name", "Eve"), ("email", "eve@example.com")],
        ),
        (format!("/admin/users/{user}/password-link"), vec![]),
        (
            format!("/admin/users/{user}/temporary-code"),
            vec![("valid_for", "8")],
        ),
        (format!("/admin/users/{user}/reset"), vec![]),
        (format!("/admin/users/{user}/sign-out"), vec![]),
        (format!("/admin/users/{user}/disable"), vec![]),
        (format!("/admin/users/{user}/enable"), vec![]),
        (format!("/admin/users/{user}/make-admin"), vec![]),
        (format!("/admin/users/{user}/remove-admin"), vec![]),
        (format!("/admin/users/{user}/phone"), vec![("phone", PHONE)]),
        ("/admin/groups".into(), vec![("name", "Intruders")]),
        (
            format!("/admin/groups/{group}/rename"),
            vec![("name", "Renamed")],
        ),
        (
            format!("/admin/groups/{group}/rule"),
            vec![("two_step", "not_available")],
        ),
        (
            format!("/admin/groups/{group}/members"),
            vec![("email", "admin@example.com")],
        ),
        (
            format!("/admin/groups/{group}/members/{user}/remove"),
            vec![],
        ),
        (format!("/admin/groups/{group}/delete"), vec![]),
        (
            "/admin/applications/new".into(),
            vec![
                ("name", "Eve's app"),
                ("redirect_uris", "https://evil.example/cb"),
                ("client_type", "confidential"),
            ],
        ),
    ]
}

/// A group whose members follow the platform; its id.
async fn insert_group(app: &TestApp, name: &str) -> i64 {
    app.kit().create_group(name, "allowed", None).await
}

/// What an administrator's pages and changes answer someone who is not one (or not yet):
/// no page, no change, whatever the CSRF token.
async fn assert_locked_out(
    app: &TestApp,
    browser: &reqwest::Client,
    token_page: &str,
    user: i64,
    group: i64,
    expect: impl Fn(&reqwest::Response) -> bool,
    who: &str,
) {
    for page in admin_pages(user, group) {
        let response = app.get_in(browser, &page).await;
        assert!(
            expect(&response),
            "{who}: GET {page} answered {}",
            response.status()
        );
    }
    for (action, fields) in admin_posts(user, group) {
        let response = submit_with(browser, &app.address, token_page, &action, &fields).await;
        assert!(
            expect(&response),
            "{who}: POST {action} answered {}",
            response.status()
        );
    }
}

async fn only_a_verified_administrator_gets_in(app: TestApp) {
    let user = app.create_sms_user("user@example.com", PHONE).await;
    let group = insert_group(&app, "Sales").await;
    let admin = app
        .create_user("admin@example.com", "Ada Admin", true)
        .await;
    app.turn_on_sms_in_database(admin, ADMIN_PHONE).await;
    let seeded = app.count("SELECT COUNT(*) FROM audit_events WHERE event LIKE 'group.%' OR event LIKE 'platform.%' OR event = 'two_step.reset'").await;
    let to_sign_in =
        |r: &reqwest::Response| r.status().as_u16() == 303 && r.headers()["location"] == "/login";
    let forbidden = |r: &reqwest::Response| r.status().as_u16() == 403;

    let (anonymous, _) = app.new_browser();
    assert_locked_out(
        &app,
        &anonymous,
        "/login",
        user,
        group,
        to_sign_in,
        "anonymous",
    )
    .await;

    let plain = app.signed_in_browser("user@example.com").await;
    let code = app.sms.last_code_to(PHONE);
    let verified = submit_with(
        &plain,
        &app.address,
        "/login/verify",
        "/login/verify",
        &[("code", &code)],
    )
    .await;
    assert_eq!(verified.headers()["location"], "/");
    let page = app.get_text_in(&plain, "/admin").await;
    assert!(
        page.contains("The control center is for administrators."),
        "{page}"
    );
    assert_locked_out(
        &app,
        &plain,
        "/account/security",
        user,
        group,
        forbidden,
        "a user",
    )
    .await;

    // The password alone: the session is half signed in, the code still owed.
    let halfway = app.signed_in_browser("admin@example.com").await;
    assert_locked_out(
        &app,
        &halfway,
        "/login/verify",
        user,
        group,
        to_sign_in,
        "an administrator before the code",
    )
    .await;

    // An administrator without 2-step verification, which is required of administrators:
    // signed in with the password, every page and form of the control center leads to
    // set-up (whose page gives the CSRF token).
    app.create_user("bare@example.com", "Bare Admin", true)
        .await;
    let (bare, response) = app.password_step_in_new_browser("bare@example.com").await;
    assert_eq!(response.headers()["location"], "/");
    let to_set_up = |r: &reqwest::Response| {
        r.status().as_u16() == 303 && r.headers()["location"] == "/account/security/two-step"
    };
    assert_locked_out(
        &app,
        &bare,
        "/account/security/two-step",
        user,
        group,
        to_set_up,
        "an administrator without 2-step verification",
    )
    .await;

    // Nothing changed.
    assert_eq!(app.count("SELECT COUNT(*) FROM user_groups").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 3);
    assert_eq!(app.count("SELECT COUNT(*) FROM password_links").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM applications").await, 0);
    assert_eq!(app.two_factor_method(user).await.as_deref(), Some("sms"));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE event LIKE 'group.%' OR event LIKE 'platform.%' OR event = 'two_step.reset'").await, seeded);
    assert!(!app.get_text("/login").await.contains("Control center"));

    // Signed in with the code, every page opens; the header offers the control center.
    app.sign_in_with_sms_code("admin@example.com", ADMIN_PHONE)
        .await;
    assert!(
        app.get_text("/")
            .await
            .contains(r#"<a href="/admin">Control center</a>"#)
    );
    for page in admin_pages(user, group) {
        let response = app.get(&page).await;
        assert_eq!(response.status().as_u16(), 200, "GET {page}");
    }
}

async fn an_administrator_without_two_step_is_taken_to_set_up_first(app: TestApp) {
    app.create_user("admin@example.com", "Ada Admin", true)
        .await;
    let response = app.post_login("admin@example.com", GOOD_PASSWORD).await;
    assert_redirect_to(&response, "/");
    for page in [
        "/",
        "/admin",
        "/admin/users",
        "/account/security",
        "/account/password",
    ] {
        assert_redirect_to(&app.get(page).await, "/account/security/two-step");
    }
    let set_up = app.get_text("/account/security/two-step").await;
    assert!(
        set_up.contains("2-step verification is required for your account. Set it up to continue."),
        "{set_up}"
    );
    assert!(
        !set_up.contains("Set up later"),
        "no grace period for administrators"
    );
    // Set-up itself, and signing out, stay reachable.
    assert_eq!(
        app.get("/account/security/sms").await.status().as_u16(),
        200
    );
    app.turn_on_sms(ADMIN_PHONE).await;
    assert_eq!(app.get("/admin").await.status().as_u16(), 200);

    // Not required of administrators: the control center opens without it.
    let relaxed = TestApp::spawn(Backend::Sqlite).await.unwrap();
    relaxed
        .kit()
        .set_platform(|s| s.require_for_admins = false)
        .await;
    relaxed
        .create_user("admin@example.com", "Ada Admin", true)
        .await;
    relaxed.post_login("admin@example.com", GOOD_PASSWORD).await;
    assert_eq!(relaxed.get("/admin").await.status().as_u16(), 200);
}

async fn unknown_ids_are_not_found_and_change_nothing(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    for page in [
        "/admin/users/999999",
        "/admin/users/999999/reset",
        "/admin/groups/999999",
    ] {
        assert_eq!(app.get(page).await.status().as_u16(), 404, "{page}");
    }
    for (action, fields) in admin_posts(999_999, 999_998) {
        let no_id = [
            "/admin/security",
            "/admin/groups",
            "/admin/users/new",
            "/admin/applications/new",
        ];
        if no_id.contains(&action.as_str()) {
            continue;
        }
        let response = app.submit("/admin", &action, &fields).await;
        assert_eq!(response.status().as_u16(), 404, "POST {action}");
    }
    for path in ["/admin/users/abc", "/admin/groups/1%27%20OR%201=1"] {
        let status = app.get(path).await.status().as_u16();
        assert!((400..500).contains(&status), "{path}: {status}");
    }
    // An id has the one spelling the portal writes: with a sign, a leading zero or a space
    // it names no page (`+1` once opened user 1's, and disabled them).
    for spelling in [
        format!("+{admin}"),
        format!("0{admin}"),
        format!("%20{admin}"),
    ] {
        let page = format!("/admin/users/{spelling}");
        assert_eq!(app.get(&page).await.status().as_u16(), 404, "{page}");
        let action = format!("/admin/users/{spelling}/sign-out");
        let response = app.submit("/admin", &action, &[]).await;
        assert_eq!(response.status().as_u16(), 404, "POST {action}");
    }
    let own = format!("/admin/users/{admin}");
    assert_eq!(app.get(&own).await.status().as_u16(), 200);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE event LIKE 'group.%' OR event = 'two_step.reset'").await, 0);
}

async fn saving_the_settings_shows_and_audits_each_change(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    let page = app.get_text("/admin/security").await;
    for name in [
        "2-step verification",
        "Trusted devices expire",
        "Let users choose their session duration",
        "Longest session users may choose",
        "Sign out after inactivity",
        "Show a reminder to users who have not turned on 2-step verification",
        "Let people create their own accounts",
        "Require 2-step verification for administrators",
        "App name",
        "SMS countries allowed",
    ] {
        assert!(page.contains(name), "{name} is on the page");
    }
    let form = [
        ("two_step", "optional"),
        ("require_for_admins", "yes"),
        ("trusted_devices", "never"),
        ("users_choose_session", "yes"),
        ("max_session_days", "14"),
        ("inactivity_minutes", "30"),
        ("open_registration", "yes"),
        // Ticked by default, so a browser sends them: unchanged.
        ("users_edit_profile", "yes"),
        ("new_device_alerts", "yes"),
        ("app_name", "Acme Portal"),
        ("sms_countries", "se, no"),
    ];
    let saved = app
        .submit("/admin/security", "/admin/security", &form)
        .await;
    assert_redirect_to(&saved, "/admin/security");
    let page = app.get_text("/admin/security").await;
    for line in [
        "Trusted devices expire: After 30 days → Never",
        "Longest session users may choose: 60 days → 14 days",
        "Sign out after inactivity: Never → 30 minutes",
        "App name: Twostep → Acme Portal",
        "SMS countries allowed: All → SE,NO",
    ] {
        assert!(page.contains(line), "{line}: {page}");
    }
    // Shown once; the name is in use at once on this instance.
    let again = app.get_text("/admin/security").await;
    assert!(!again.contains("App name: Twostep"));
    assert!(
        again.contains("<title>Security settings · Acme Portal</title>"),
        "{again}"
    );
    let rows = app.audit_rows().await;
    let changed: Vec<&AuditRow> = rows
        .iter()
        .filter(|r| r.event == "platform.settings_changed")
        .collect();
    assert_eq!(changed.len(), 5);
    assert!(
        changed
            .iter()
            .all(|r| r.actor == Some(admin) && r.ip.as_deref() == Some("127.0.0.1"))
    );
    assert_eq!(
        app.fetch_scalar::<Option<i64>>(
            "SELECT inactivity_timeout_secs FROM platform_settings WHERE id = $1",
            1
        )
        .await,
        Some(1800)
    );

    // Refused values come back with their messages and change nothing.
    let refused = app
        .submit(
            "/admin/security",
            "/admin/security",
            &[
                ("two_step", "sometimes"),
                ("trusted_devices", "7"),
                ("max_session_days", "9999"),
                ("inactivity_minutes", "-1"),
                ("app_name", ""),
                ("sms_countries", "Sweden"),
            ],
        )
        .await;
    let page = assert_page(refused, 422, "There is a problem").await;
    assert!(page.contains("<title>Error: Security settings"));
    for message in [
        "Choose whether 2-step verification is off, optional or required.",
        "Enter the app name.",
        "Enter two-letter country codes",
    ] {
        assert!(page.contains(message), "{message}");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE event = 'platform.settings_changed'")
            .await,
        5
    );
}

/// The security settings form with every field, and this app name.
pub(crate) fn settings_form(app_name: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("two_step", "optional"),
        ("require_for_admins", "yes"),
        ("trusted_devices", "30"),
        ("users_choose_session", "yes"),
        ("max_session_days", "60"),
        ("inactivity_minutes", "never"),
        ("open_registration", "yes"),
        ("new_device_alerts", "yes"),
        ("app_name", app_name),
    ]
}

/// Two instances on one database, each keeping the platform settings for a second: a
/// change saved on one is in use on the other within that second (and at once on the one
/// that saved it).
async fn a_saved_setting_reaches_the_other_instance_within_its_ttl(backend: Backend) {
    const TTL: std::time::Duration = std::time::Duration::from_secs(1);
    let Some(app) = TestApp::spawn_with(backend, |s| s.platform_settings_ttl = TTL).await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut settings = twostep::config::Settings::for_database(&app.database_url, dir.path());
    settings.secret_key = app.state.settings.secret_key.clone();
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.http_workers = 1;
    settings.platform_settings_ttl = TTL;
    let other = twostep::startup::Application::build(settings)
        .await
        .unwrap();
    let other_address = format!("http://127.0.0.1:{}", other.port());
    tokio::spawn(other.run_until_stopped());
    let (browser, _) = app.new_browser();
    let title_on_other = async || {
        let page = browser
            .get(format!("{other_address}/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        page.contains("<title>Sign in · Acme Portal</title>")
    };
    assert!(
        !title_on_other().await,
        "the other instance has read the old name"
    );

    signed_in_admin(&app).await;
    let saved = app
        .submit(
            "/admin/security",
            "/admin/security",
            &settings_form("Acme Portal"),
        )
        .await;
    assert_redirect_to(&saved, "/admin/security");
    let saved_at = std::time::Instant::now();
    assert!(
        app.get_text_in(&browser, "/login")
            .await
            .contains("<title>Sign in · Acme Portal</title>"),
        "the instance that saved it uses it at once"
    );
    while !title_on_other().await {
        assert!(
            saved_at.elapsed() < TTL + std::time::Duration::from_millis(900),
            "the other instance still shows the old name after {:?}",
            saved_at.elapsed()
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

on_each_backend!(a_saved_setting_reaches_the_other_instance_within_its_ttl => settings_reach_the_other_instance_sqlite, settings_reach_the_other_instance_postgres);

async fn requiring_it_of_everyone_shows_who_it_concerns_first(app: TestApp) {
    signed_in_admin(&app).await;
    app.create_user("a@example.com", "A", false).await;
    let b = app.create_user("b@example.com", "B", false).await;
    app.kit().set_profile_phone(b, "+46701234567").await;
    app.create_sms_user("c@example.com", PHONE).await;
    let form = [
        ("two_step", "required"),
        ("require_for_admins", "yes"),
        ("trusted_devices", "30"),
        ("users_choose_session", "yes"),
        ("max_session_days", "60"),
        ("inactivity_minutes", "never"),
        ("open_registration", "yes"),
        ("app_name", "Twostep"),
    ];
    let asked = app
        .submit("/admin/security", "/admin/security", &form)
        .await;
    let page = assert_page(asked, 200, "Save and require 2-step verification").await;
    assert!(
        page.contains("means 2 users must set it up at their next sign-in"),
        "{page}"
    );
    assert!(page.contains("1 of them has no phone number"), "{page}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM platform_settings WHERE two_step = 'required'")
            .await,
        0
    );
    let mut confirmed = form.to_vec();
    confirmed.push(("confirmed", "yes"));
    let saved = app
        .submit("/admin/security", "/admin/security", &confirmed)
        .await;
    assert_redirect_to(&saved, "/admin/security");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM platform_settings WHERE two_step = 'required'")
            .await,
        1
    );
    // A user without it is taken to set-up at the next sign-in.
    let (browser, response) = app.password_step_in_new_browser("a@example.com").await;
    assert_eq!(response.headers()["location"], "/");
    let home = app.get_in(&browser, "/").await;
    assert_eq!(home.headers()["location"], "/account/security/two-step");
}

/// The preview counts as "no phone number that can take codes" a user with none, and one
/// whose number is outside the SMS countries allowed (as the form being saved sets them);
/// a number not verified yet can take codes (set-up sends it one).
async fn the_preview_counts_numbers_outside_the_sms_countries(app: TestApp) {
    signed_in_admin(&app).await;
    let group = insert_group(&app, "Field").await;
    for (email, phone, in_group) in [
        ("none@example.com", None, true),
        ("se@example.com", Some("+46701234500"), false),
        ("us@example.com", Some("+12015550123"), true),
        ("ca@example.com", Some("+14165550123"), true),
        ("no@example.com", Some("+4741234567"), false),
    ] {
        let id = app.create_user(email, "Someone", false).await;
        if let Some(phone) = phone {
            app.kit().set_profile_phone(id, phone).await;
        }
        if in_group {
            app.kit().add_member(group, email).await;
        }
    }
    app.create_sms_user("sms@example.com", PHONE).await;
    let mut form = settings_form("Twostep");
    form[0] = ("two_step", "required");
    for (countries, expected) in [
        ("", "1 of them has no phone number that can take codes"),
        (
            "SE, US",
            "3 of them have no phone number that can take codes",
        ),
        ("SE", "4 of them have no phone number that can take codes"),
        (
            "CA, NO, SE, US",
            "1 of them has no phone number that can take codes",
        ),
    ] {
        let mut fields = form.clone();
        fields.push(("sms_countries", countries));
        let asked = app
            .submit("/admin/security", "/admin/security", &fields)
            .await;
        let page = assert_page(asked, 200, "means 5 users must set it up").await;
        assert!(page.contains(expected), "{countries}: {expected}: {page}");
    }
    // A group's preview reads the countries saved: none, the Canadian number.
    let mut saved = form.clone();
    saved[0] = ("two_step", "optional");
    saved.push(("sms_countries", "SE, US"));
    let done = app
        .submit("/admin/security", "/admin/security", &saved)
        .await;
    assert_redirect_to(&done, "/admin/security");
    let page = format!("/admin/groups/{group}");
    let asked = app
        .submit(&page, &format!("{page}/rule"), &[("two_step", "required")])
        .await;
    let body = assert_page(asked, 200, "means 3 members must set it up").await;
    assert!(
        body.contains("2 of them have no phone number that can take codes"),
        "{body}"
    );
}

async fn reset_removes_every_factor_and_session_and_tells_the_user(app: TestApp) {
    // On their pages the user turns on SMS (recovery codes come with it), sets up an
    // authenticator app, switches back to SMS, and trusts a browser at a sign-in.
    let user = app
        .create_user("user@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("user@example.com", GOOD_PASSWORD).await;
    app.turn_on_sms(PHONE).await;
    app.switch_to_the_app().await;
    let chosen = app
        .submit(
            "/account/security/two-step",
            "/account/security/two-step",
            &[("method", "saved-phone")],
        )
        .await;
    assert_redirect_to(&chosen, "/account/security/sms/use-saved");
    let page = "/account/security/sms/use-saved";
    app.submit(page, page, &[]).await;
    app.assert_sms_on(user, PHONE).await;
    app.sign_in_again_after_the_cooldown("user@example.com")
        .await;
    let code = app.sms.last_code_to(PHONE);
    let trusted = app
        .submit_on("/login/verify", &[("code", &code), ("trust_device", "yes")])
        .await;
    assert_redirect_to(&trusted, "/");
    app.post_logout().await;
    app.clock.advance(31);
    for table in ["recovery_codes", "trusted_devices", "totp_secrets"] {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE user_id = $1");
        let held: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(user)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert!(held > 0, "{table} of the user before the reset");
    }
    let admin = signed_in_admin(&app).await;
    // The user is signed in in one browser and halfway through in another.
    let signed_in = app.signed_in_browser("user@example.com").await;
    let code = app.sms.last_code_to(PHONE);
    let verified = submit_with(
        &signed_in,
        &app.address,
        "/login/verify",
        "/login/verify",
        &[("code", &code)],
    )
    .await;
    assert_eq!(verified.headers()["location"], "/");
    let halfway = app.signed_in_browser("user@example.com").await;
    assert_eq!(app.get_in(&signed_in, "/").await.status().as_u16(), 200);

    let question = app.get_text(&format!("/admin/users/{user}/reset")).await;
    assert!(
        question.contains("<h1>Reset 2-step verification for Ada Lovelace?</h1>"),
        "{question}"
    );
    assert!(question.contains("Ada Lovelace (user@example.com) will no longer sign in with codes texted to their phone."), "{question}");
    assert!(question.contains("Every session ends, including sign-ins halfway through."));
    // The same confirmation component as the personal pages' questions.
    assert!(
        question
            .contains(r#"<span class="visually-hidden">Warning: </span><ul class="consequences">"#)
            && question.contains(&format!(
                r#"<form method="post" action="/admin/users/{user}/reset" class="confirm-change">"#
            ))
            && question.contains(
                r#"<button type="submit" class="danger">Reset 2-step verification</button>"#
            )
            && question.contains(&format!(r#"<a href="/admin/users/{user}">Cancel</a>"#)),
        "{question}"
    );
    assert_eq!(
        app.two_factor_method(user).await.as_deref(),
        Some("sms"),
        "asking changes nothing"
    );

    let reset = app
        .submit(
            &format!("/admin/users/{user}/reset"),
            &format!("/admin/users/{user}/reset"),
            &[],
        )
        .await;
    assert_redirect_to(&reset, &format!("/admin/users/{user}?done=reset"));
    assert!(
        app.get_text(&format!("/admin/users/{user}?done=reset"))
            .await
            .contains("2-step verification was reset.")
    );

    assert_eq!(app.two_factor_method(user).await, None);
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM users WHERE id = $1 AND phone_verified_at IS NOT NULL",
            user
        )
        .await,
        0
    );
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1",
            user
        )
        .await,
        0
    );
    for table in ["sessions", "trusted_devices", "totp_secrets"] {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE user_id = $1");
        let left: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(user)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(left, 0, "{table} of the user after the reset");
    }
    assert_eq!(app.count_where("SELECT COUNT(*) FROM outbox WHERE user_id = $1 AND subject LIKE 'An administrator reset%'", user).await, 1);
    assert!(app.audit_rows().await.contains(&AuditRow {
        event: "two_step.reset".into(),
        actor: Some(admin),
        subject: Some(user),
        ip: Some("127.0.0.1".into()),
    }));
    // Both browsers lost their session at their next request.
    assert_eq!(
        app.get_in(&signed_in, "/").await.headers()["location"],
        "/login"
    );
    assert_eq!(
        app.get_in(&halfway, "/login/verify").await.headers()["location"],
        "/login"
    );
    // The next sign-in needs the password alone (2-step verification is optional here).
    let (_, again) = app.password_step_in_new_browser("user@example.com").await;
    assert_eq!(again.headers()["location"], "/");
}

/// Resets `user` from the control center (the administrator is signed in).
async fn reset_from_the_control_center(app: &TestApp, user: i64) {
    let page = format!("/admin/users/{user}/reset");
    let reset = app.submit(&page, &page, &[]).await;
    assert_redirect_to(&reset, &format!("/admin/users/{user}?done=reset"));
}

/// A reset user who must use 2-step verification (by a group, or by the platform) is taken
/// to set-up at their next sign-in, and nothing else opens until it is on again.
async fn after_a_reset_a_required_user_sets_up_anew(app: TestApp) {
    signed_in_admin(&app).await;
    let member = app.create_sms_user("member@example.com", PHONE).await;
    let everyone = app
        .create_sms_user("everyone@example.com", "+46701112299")
        .await;
    let group = app.kit().create_group("Finance", "required", None).await;
    app.kit().add_member(group, "member@example.com").await;
    reset_from_the_control_center(&app, member).await;
    let (browser, response) = app.password_step_in_new_browser("member@example.com").await;
    assert_eq!(
        response.headers()["location"],
        "/",
        "no code is asked any more"
    );
    for page in ["/", "/account/security", "/account/password"] {
        assert_eq!(
            app.get_in(&browser, page).await.headers()["location"],
            "/account/security/two-step",
            "{page}"
        );
    }
    let set_up = app
        .get_text_in(&browser, "/account/security/two-step")
        .await;
    assert!(
        set_up.contains("2-step verification is required for your account. Set it up to continue."),
        "{set_up}"
    );
    assert!(
        !set_up.contains("Set up later"),
        "no grace period in this group"
    );

    // Required for everyone: the same for a user in no group.
    let mut required = settings_form("Twostep");
    required[0] = ("two_step", "required");
    required.push(("confirmed", "yes"));
    let saved = app
        .submit("/admin/security", "/admin/security", &required)
        .await;
    assert_redirect_to(&saved, "/admin/security");
    reset_from_the_control_center(&app, everyone).await;
    let (browser, response) = app
        .password_step_in_new_browser("everyone@example.com")
        .await;
    assert_eq!(response.headers()["location"], "/");
    assert_eq!(
        app.get_in(&browser, "/").await.headers()["location"],
        "/account/security/two-step"
    );
    assert_eq!(app.two_factor_method(everyone).await, None);
}

async fn disabling_ends_sessions_and_the_last_administrator_stays(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    let user = app.create_user("user@example.com", "Bob", false).await;
    let browser = app.signed_in_browser("user@example.com").await;
    let disabled = app
        .submit(
            &format!("/admin/users/{user}"),
            &format!("/admin/users/{user}/disable"),
            &[],
        )
        .await;
    assert_redirect_to(&disabled, &format!("/admin/users/{user}?done=disabled"));
    assert_eq!(
        app.get_in(&browser, "/").await.headers()["location"],
        "/login"
    );
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM outbox WHERE user_id = $1 AND subject = 'Your Twostep account was disabled'", user).await,
        1,
        "the user is told"
    );
    let (_, refused) = app.password_step_in_new_browser("user@example.com").await;
    assert_eq!(
        refused.status().as_u16(),
        403,
        "a disabled account cannot sign in"
    );
    app.submit(
        &format!("/admin/users/{user}"),
        &format!("/admin/users/{user}/enable"),
        &[],
    )
    .await;
    assert_eq!(
        app.count_where("SELECT disabled FROM users WHERE id = $1", user)
            .await,
        0
    );

    // The only administrator can neither lose the role nor be disabled.
    let refused = app
        .submit(
            &format!("/admin/users/{admin}"),
            &format!("/admin/users/{admin}/remove-admin"),
            &[],
        )
        .await;
    assert_page(refused, 409, "This is the last administrator").await;
    let refused = app
        .submit(
            &format!("/admin/users/{admin}"),
            &format!("/admin/users/{admin}/disable"),
            &[],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 409);
    // With a second one, the role can go.
    app.submit(
        &format!("/admin/users/{user}"),
        &format!("/admin/users/{user}/make-admin"),
        &[],
    )
    .await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE is_admin = 1")
            .await,
        2
    );
    let removed = app
        .submit(
            &format!("/admin/users/{user}"),
            &format!("/admin/users/{user}/remove-admin"),
            &[],
        )
        .await;
    assert_redirect_to(&removed, &format!("/admin/users/{user}?done=not-admin"));
    let events = app.audit_events().await;
    for event in [
        "account.disabled",
        "account.enabled",
        "admin.granted",
        "admin.revoked",
    ] {
        assert!(events.contains(&event.to_owned()), "{event}");
    }
}

/// The page offers no "Disable account" on an administrator's own page; the address does
/// not do it either, even with another administrator to keep the control center open.
async fn an_administrator_does_not_disable_their_own_account(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    app.create_user("second@example.com", "Second", true).await;
    let own = format!("/admin/users/{admin}");
    let page = app.get_text(&own).await;
    assert!(!page.contains(&format!("{own}/disable")), "{page}");
    // The question, and the change from a page opened earlier: their own page, with why.
    for refused in [
        app.get(&format!("{own}/disable")).await,
        app.submit(&own, &format!("{own}/disable"), &[]).await,
    ] {
        let body = assert_page(
            refused,
            409,
            "You cannot disable your own account. Another administrator can.",
        )
        .await;
        assert!(body.contains("<title>Error: Ada Admin"), "{body}");
        assert!(body.contains(r#"<h2 id="actions-title">Account actions</h2>"#));
    }
    assert_eq!(
        app.count_where("SELECT disabled FROM users WHERE id = $1", admin)
            .await,
        0
    );
    assert_eq!(app.count_events("account.disabled").await, 0);
    assert_eq!(app.get("/admin").await.status(), 200, "still signed in");
}

async fn two_administrators_removing_each_other_at_once_leave_one(app: TestApp) {
    let first = signed_in_admin(&app).await;
    let second = app.create_user("second@example.com", "Second", true).await;
    app.turn_on_sms_in_database(second, "+46709990001").await;
    let other = app.signed_in_browser("second@example.com").await;
    let code = app.sms.last_code_to("+46709990001");
    submit_with(
        &other,
        &app.address,
        "/login/verify",
        "/login/verify",
        &[("code", &code)],
    )
    .await;
    let first_token = csrf_token(&app.get_text("/admin").await);
    let second_token = csrf_token(&app.get_text_in(&other, "/admin").await);
    // Each takes the role from the other, 50 times over, all at once.
    let mut requests = Vec::new();
    for _ in 0..50 {
        for (browser, token, target) in [
            (&app.client, &first_token, second),
            (&other, &second_token, first),
        ] {
            requests.push(
                browser
                    .post(app.url(&format!("/admin/users/{target}/remove-admin")))
                    .form(&[("csrf_token", token.as_str())])
                    .send(),
            );
        }
    }
    let responses = futures_util::future::join_all(requests).await;
    // Done, refused as the last one, or (the role gone) no longer allowed.
    let statuses: Vec<u16> = responses
        .iter()
        .map(|r| r.as_ref().unwrap().status().as_u16())
        .collect();
    assert!(
        statuses.iter().all(|s| matches!(s, 303 | 403 | 409)),
        "{statuses:?}"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE is_admin = 1 AND disabled = 0")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE event = 'admin.revoked'")
            .await,
        1
    );
}

async fn an_administrator_sets_a_phone_number_that_can_take_codes(app: TestApp) {
    signed_in_admin(&app).await;
    let user = app.create_user("user@example.com", "Bob", false).await;
    let page = format!("/admin/users/{user}");
    let action = format!("/admin/users/{user}/phone");
    let refused = app
        .submit(&page, &action, &[("phone", "+46 8 123 456 78")])
        .await;
    let body = assert_page(
        refused,
        422,
        "This is a landline number, which cannot receive text messages.",
    )
    .await;
    assert!(
        body.contains(r#"value="+46 8 123 456 78""#),
        "what was typed stays"
    );
    let saved = app
        .submit(&page, &action, &[("phone", "+46 70-555 12 34")])
        .await;
    assert_redirect_to(&saved, &format!("/admin/users/{user}?done=phone"));
    assert_eq!(
        app.fetch_scalar::<String>("SELECT phone FROM users WHERE id = $1", user)
            .await,
        "+46705551234"
    );
    app.assert_audit_contains("phone.set_by_admin").await;
    // The number a user's codes go to changes only with a code, by the user.
    let sms_user = app.create_sms_user("sms@example.com", PHONE).await;
    let refused = app
        .submit(
            &format!("/admin/users/{sms_user}"),
            &format!("/admin/users/{sms_user}/phone"),
            &[("phone", "+46705551234")],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 409);
    assert_eq!(
        app.fetch_scalar::<String>("SELECT phone FROM users WHERE id = $1", sms_user)
            .await,
        PHONE
    );
}

async fn the_users_list_searches_filters_and_pages(app: TestApp) {
    signed_in_admin(&app).await;
    for n in 0..60 {
        app.create_user(
            &format!("member{n:02}@example.com"),
            &format!("Member {n:02}"),
            false,
        )
        .await;
    }
    let grace = app
        .create_user("grace@hopper.org", "Grace Brewster Hopper", false)
        .await;
    app.turn_on_sms_in_database(grace, "+46701112233").await;

    let first = app.get_text("/admin/users?q=member").await;
    assert_eq!(
        first.matches("@example.com</td>").count(),
        50,
        "a page holds 50"
    );
    let next = first
        .split(r#"<a href="/admin/users?"#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&");
    assert!(next.contains("after="), "{next}");
    let second = app.get_text(&format!("/admin/users?{next}")).await;
    assert_eq!(
        second.matches("@example.com</td>").count(),
        10,
        "{next}: {second}"
    );
    assert!(second.contains(">Previous</a>") && !second.contains(">Next</a>"));

    for (query, expected) in [
        ("q=grace", "grace@hopper.org"),
        ("q=GRACE%20BREW", "grace@hopper.org"),
        // Any word of the name, from its start.
        ("q=Hopper", "grace@hopper.org"),
        ("q=brewster%20%20hop", "grace@hopper.org"),
        ("q=%2B46%2070%20111", "grace@hopper.org"),
        ("two_step=sms&q=g", "grace@hopper.org"),
        ("admin=yes", "admin@example.com"),
    ] {
        let page = app.get_text(&format!("/admin/users?{query}")).await;
        assert!(page.contains(expected), "{query}: {page}");
        assert!(!page.contains("member00@"), "{query} narrows the list");
    }
    // A group's members, paged in the same way.
    let group = insert_group(&app, "Sales").await;
    for n in (0..60).filter(|n| *n != 7) {
        app.kit()
            .add_member(group, &format!("member{n:02}@example.com"))
            .await;
    }
    let in_group = app.get_text(&format!("/admin/users?group={group}")).await;
    assert_eq!(in_group.matches("@example.com</td>").count(), 50);
    assert!(!in_group.contains("member07@") && !in_group.contains("grace@hopper.org"));
    let next = in_group
        .split(r#"<a href="/admin/users?"#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&");
    let rest = app.get_text(&format!("/admin/users?{next}")).await;
    assert_eq!(
        rest.matches("@example.com</td>").count(),
        9,
        "59 members in all"
    );
    for query in ["nobody", "opper", "grace%20nobody", "ember"] {
        let none = app.get_text(&format!("/admin/users?q={query}")).await;
        assert!(none.contains("No users match."), "{query}: {none}");
    }
    // Hostile and malformed filters: a clear 4xx, never a 500.
    for query in [
        "two_step=maybe",
        "group=abc",
        "after=xyz",
        &format!("q={}", "a".repeat(300)),
    ] {
        let status = app
            .get(&format!("/admin/users?{query}"))
            .await
            .status()
            .as_u16();
        assert!((400..500).contains(&status), "{query}: {status}");
    }
    let quote = app.get_text("/admin/users?q=%27%20OR%201%3D1%20--").await;
    assert!(quote.contains("No users match."));
}

/// The emails the users list shows for `query`.
async fn listed(app: &TestApp, query: &str) -> Vec<String> {
    let page = app.get_text(&format!("/admin/users?{query}")).await;
    page.split(r#"<td data-label="Email">"#)
        .skip(1)
        .map(|rest| rest[..rest.find("</td>").unwrap()].to_owned())
        .collect()
}

async fn the_users_list_filters_by_two_step_and_disabled_accounts(app: TestApp) {
    signed_in_admin(&app).await;
    app.create_sms_user("sms@example.com", PHONE).await;
    app.create_app_user("app@example.com", "App").await;
    let off = app.create_user("off@example.com", "Off", false).await;
    let gone = app.create_user("gone@example.com", "Gone", false).await;
    app.kit().disable(gone).await;
    for (query, expected) in [
        (
            "two_step=on",
            vec!["admin@example.com", "sms@example.com", "app@example.com"],
        ),
        ("two_step=off", vec!["off@example.com", "gone@example.com"]),
        ("two_step=sms", vec!["admin@example.com", "sms@example.com"]),
        ("two_step=app", vec!["app@example.com"]),
        ("account=disabled", vec!["gone@example.com"]),
        ("account=disabled&two_step=on", vec![]),
        ("account=enabled&two_step=off", vec!["off@example.com"]),
        ("two_step=off&q=off", vec!["off@example.com"]),
    ] {
        assert_eq!(listed(&app, query).await, expected, "{query}");
    }
    assert_eq!(off, gone - 1);
}

async fn a_users_page_shows_groups_devices_sessions_and_events(app: TestApp) {
    signed_in_admin(&app).await;
    let user = app.create_sms_user("user@example.com", PHONE).await;
    let finance = insert_group(&app, "Finance").await;
    insert_group(&app, "Elsewhere").await;
    app.kit().add_member(finance, "user@example.com").await;
    // The user signs in (a session, and events) in Firefox, and trusts it.
    let firefox = reqwest::Client::builder()
        .user_agent(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
        )
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let fields = [("email", "user@example.com"), ("password", GOOD_PASSWORD)];
    submit_with(&firefox, &app.address, "/login", "/login", &fields).await;
    let code = app.sms.last_code_to(PHONE);
    let trusted = submit_with(
        &firefox,
        &app.address,
        "/login/verify",
        "/login/verify",
        &[("code", &code), ("trust_device", "yes")],
    )
    .await;
    assert_eq!(trusted.headers()["location"], "/");
    let page = app.get_text(&format!("/admin/users/{user}")).await;
    assert!(
        page.contains(&format!(r#"<a href="/admin/groups/{finance}">Finance</a>"#)),
        "{page}"
    );
    assert!(!page.contains("Elsewhere"), "only the user's groups");
    let section = |id: &str| {
        let start = page.find(&format!(r#"<h2 id="{id}""#)).unwrap();
        let end = page[start..].find("</section>").unwrap();
        page[start..start + end].to_owned()
    };
    let devices = section("devices-title");
    assert!(
        devices.contains("Firefox") && devices.contains("127.0.0.1"),
        "{devices}"
    );
    let sessions = section("sessions-title");
    assert!(
        sessions.contains("127.0.0.1") && !sessions.contains("None."),
        "{sessions}"
    );
    let events = section("events-title");
    for event in ["Signed in", "Text message sent"] {
        assert!(events.contains(event), "{event}: {events}");
    }
    // Another user's page shows none of it.
    let other = app.create_user("other@example.com", "Other", false).await;
    let page = app.get_text(&format!("/admin/users/{other}")).await;
    // No devices, no sessions; one event: made on the command line.
    assert_eq!(page.matches("<p>None.</p>").count(), 2, "{page}");
    assert!(page.contains("<dd>None</dd>"), "no groups: {page}");
}

async fn the_overview_has_a_row_per_group(app: TestApp) {
    signed_in_admin(&app).await;
    let finance = insert_group(&app, "Finance").await;
    let sales = insert_group(&app, "Sales").await;
    insert_group(&app, "Empty").await;
    let sms = app.create_sms_user("sms@example.com", PHONE).await;
    let key = app.create_app_user("app@example.com", "App").await;
    let off = app.create_user("off@example.com", "Off", false).await;
    let gone = app.create_user("gone@example.com", "Gone", false).await;
    app.kit().disable(gone).await;
    for (group, user) in [
        (finance, sms),
        (finance, key),
        (finance, off),
        (finance, gone),
        (sales, off),
    ] {
        let kit = app.kit();
        kit.add_member(group, &kit.user(user).await.email).await;
    }
    let page = app.get_text("/admin").await;
    // Enabled members only: Finance has one by SMS, one by app, one without.
    for row in [
        r#"<tr><th scope="row">Finance</th><td>3</td><td>0</td><td>1</td><td>1</td><td>1</td><td>66%</td></tr>"#,
        r#"<tr><th scope="row">Sales</th><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0%</td></tr>"#,
    ] {
        assert!(page.contains(row), "{row}: {page}");
    }
    assert!(!page.contains(r#"<th scope="row">Empty</th>"#));
    assert!(page.find(">Finance<").unwrap() < page.find(">Sales<").unwrap());
}

async fn add_user_with_the_administrator_box_ticked(app: TestApp) {
    signed_in_admin(&app).await;
    let added = app
        .submit(
            "/admin/users/new",
            "/admin/users/new",
            &[
                ("name", "Second Admin"),
                ("email", "second@example.com"),
                ("admin", "yes"),
            ],
        )
        .await;
    assert_eq!(added.status().as_u16(), 303, "to the new user's page");
    let id: i64 = app
        .fetch_scalar(
            "SELECT id FROM users WHERE email = 'second@example.com' AND $1 = $1",
            0,
        )
        .await;
    assert_eq!(
        app.count_where("SELECT is_admin FROM users WHERE id = $1", id)
            .await,
        1
    );
    assert_eq!(
        app.audit_detail("user.added_by_admin").await,
        "administrator"
    );
    let page = app.get_text(&format!("/admin/users/{id}")).await;
    assert!(page.contains("<dd>Administrator</dd>"), "{page}");
    // Without the box, a user.
    app.submit(
        "/admin/users/new",
        "/admin/users/new",
        &[("name", "Plain"), ("email", "plain@example.com")],
    )
    .await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE is_admin = 1")
            .await,
        2
    );
}

async fn removing_someone_who_is_not_a_member_is_not_found(app: TestApp) {
    signed_in_admin(&app).await;
    let group = insert_group(&app, "Sales").await;
    let outsider = app.create_user("out@example.com", "Out", false).await;
    let page = format!("/admin/groups/{group}");
    let response = app
        .submit(&page, &format!("{page}/members/{outsider}/remove"), &[])
        .await;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE event = 'group.member_removed'")
            .await,
        0
    );
}

async fn a_groups_members_are_paged_and_searched(app: TestApp) {
    signed_in_admin(&app).await;
    let group = insert_group(&app, "Sales").await;
    for n in 0..60 {
        let email = format!("member{n:02}@example.com");
        app.create_user(&email, &format!("Member {n:02}"), false)
            .await;
        app.kit().add_member(group, &email).await;
    }
    app.create_user("outsider@example.com", "Member Outside", false)
        .await;
    let page = format!("/admin/groups/{group}");
    let first = app.get_text(&page).await;
    assert!(first.contains("60 members."), "{first}");
    assert!(first.contains(r#"<label for="q">Search members</label>"#));
    let shown = |html: &str| html.matches(r#"<td data-label="Email">member"#).count();
    assert_eq!(shown(&first), 50, "a page holds 50");
    let next = first
        .split(&format!(r#"<a href="{page}?"#))
        .nth(1)
        .expect("a link to the next members")
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&");
    let second = app.get_text(&format!("{page}?{next}")).await;
    assert_eq!(shown(&second), 10, "{second}");
    assert!(!second.contains("Next members"));
    let mut seen: Vec<&str> = [first.as_str(), second.as_str()]
        .iter()
        .flat_map(|html| html.split(r#"<td data-label="Email">"#).skip(1))
        .map(|rest| &rest[..rest.find("</td>").unwrap()])
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 60, "every member once");
    // The search finds members only.
    let found = app.get_text(&format!("{page}?q=member%2007")).await;
    assert_eq!(shown(&found), 1, "{found}");
    assert!(found.contains("member07@example.com"));
    let outside = app.get_text(&format!("{page}?q=outsider")).await;
    assert!(outside.contains("No members match."), "{outside}");
    let long = app.get(&format!("{page}?q={}", "a".repeat(300))).await;
    assert_eq!(long.status().as_u16(), 422);
}

/// Names stored before the users search by word get their keys when the migrations run.
async fn names_stored_before_the_word_search_are_indexed_at_migration(app: TestApp) {
    // A row as the version before the word search wrote it (no keys): corrupt on purpose,
    // since the use cases of this version always index a name.
    sqlx::query(
        "INSERT INTO users (email, name, is_admin, disabled, created_at, updated_at) \
         VALUES ('old@example.com', 'Émile  Old-Timer', 0, 0, 0, 0)",
    )
    .execute(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM user_name_words").await, 0);
    app.db.migrate().await.unwrap();
    let keys: Vec<String> = sqlx::query_scalar("SELECT word FROM user_name_words ORDER BY word")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(keys, ["old", "old-timer", "timer", "émile"]);
    // Once there are keys, starting again adds none.
    app.create_user("new@example.com", "New", false).await;
    app.db.migrate().await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM user_name_words").await, 5);
    signed_in_admin(&app).await;
    assert_eq!(listed(&app, "q=OLD-T").await, ["old@example.com"]);
}

async fn groups_decide_who_must_verify(app: TestApp) {
    signed_in_admin(&app).await;
    let member = app
        .create_user("member@example.com", "Mem Ber", false)
        .await;
    let created = app
        .submit("/admin/groups", "/admin/groups", &[("name", "Finance")])
        .await;
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let group: i64 = location
        .trim_start_matches("/admin/groups/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let taken = app
        .submit("/admin/groups", "/admin/groups", &[("name", " finance ")])
        .await;
    assert_page(taken, 422, "A group with this name already exists.").await;
    let page = format!("/admin/groups/{group}");
    app.submit(
        &page,
        &format!("{page}/members"),
        &[("email", "Member@Example.com")],
    )
    .await;
    let unknown = app
        .submit(
            &page,
            &format!("{page}/members"),
            &[("email", "ghost@example.com")],
        )
        .await;
    assert_page(unknown, 422, "No account has this email address.").await;

    // Required with a 7-day grace period: asked first, then saved.
    let rule = format!("{page}/rule");
    let asked = app
        .submit(
            &page,
            &rule,
            &[("two_step", "required"), ("grace_days", "7")],
        )
        .await;
    let body = assert_page(
        asked,
        200,
        "means 1 member must set it up within the grace period",
    )
    .await;
    assert!(body.contains(r#"name="confirmed" value="yes""#));
    let saved = app
        .submit(
            &page,
            &rule,
            &[
                ("two_step", "required"),
                ("grace_days", "7"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_redirect_to(&saved, &format!("{page}?done=rule"));
    app.assert_audit_contains("group.rule_changed").await;

    // The member signs in: set-up first, with "Set up later (7 days left)".
    let (browser, _) = app.password_step_in_new_browser("member@example.com").await;
    assert_eq!(
        app.get_in(&browser, "/").await.headers()["location"],
        "/account/security/two-step"
    );
    let set_up = app
        .get_text_in(&browser, "/account/security/two-step")
        .await;
    assert!(set_up.contains("Set up later (7 days left)"), "{set_up}");
    let later = submit_with(
        &browser,
        &app.address,
        "/account/security/two-step",
        "/account/security/two-step/later",
        &[],
    )
    .await;
    assert_eq!(later.headers()["location"], "/");
    // Every page then carries a banner with the date set-up is due, as does My security
    // settings: 7 days from when the requirement applied (moments ago).
    let due = app.clock.now() + 7 * 86_400;
    let due_text = |page: &str, before: &str| {
        let after = page.split(before).nth(1).expect(before).to_owned();
        let iso = after.split('"').nth(1).expect("a datetime").to_owned();
        let text = after
            .split('>')
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_owned();
        (iso, text)
    };
    let home = app.get_text_in(&browser, "/").await;
    let (iso, text) = due_text(&home, "Set up 2-step verification by <time datetime=");
    assert!(
        (due - 60..=due)
            .map(twostep::domain::time::iso)
            .any(|at| at == iso),
        "{iso}"
    );
    assert!(text.ends_with(" UTC") && text.contains(&iso[..4]), "{text}");
    assert!(home.contains(r#"<a href="/account/security/two-step">Set it up now</a>"#));
    let settings = app.get_text_in(&browser, "/account/security").await;
    assert!(
        settings.contains(&format!(
            r#"It is required for your account: set it up by <time datetime="{iso}">{text}</time>."#
        )),
        "{settings}"
    );
    let elsewhere = app.get_text_in(&browser, "/account/profile").await;
    assert!(
        elsewhere.contains("Set up 2-step verification by"),
        "on every page"
    );
    // The grace period counts from when it first applied, not from each sign-in.
    app.clock.advance(8 * 86_400);
    let (late, _) = app.password_step_in_new_browser("member@example.com").await;
    let set_up = app.get_text_in(&late, "/account/security/two-step").await;
    assert!(!set_up.contains("Set up later"), "{set_up}");
    let refused = submit_with(
        &late,
        &app.address,
        "/account/security/two-step",
        "/account/security/two-step/later",
        &[],
    )
    .await;
    assert_eq!(refused.status().as_u16(), 403);
    assert_eq!(
        app.get_in(&late, "/").await.headers()["location"],
        "/account/security/two-step"
    );
    // Required beats Not available from another group.
    // (The administrator's session ended while the days went by.)
    app.sign_in_with_sms_code("admin@example.com", ADMIN_PHONE)
        .await;
    let other = app
        .submit("/admin/groups", "/admin/groups", &[("name", "Contractors")])
        .await;
    let other_page = other.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    app.submit(
        &other_page,
        &format!("{other_page}/members"),
        &[("email", "member@example.com")],
    )
    .await;
    app.submit(
        &other_page,
        &format!("{other_page}/rule"),
        &[("two_step", "not_available")],
    )
    .await;
    let (again, _) = app.password_step_in_new_browser("member@example.com").await;
    assert_eq!(
        app.get_in(&again, "/account/security/two-step")
            .await
            .status()
            .as_u16(),
        200
    );
    // Once the requiring group lets go, Not available closes set-up.
    app.submit(&page, &format!("{page}/members/{member}/remove"), &[])
        .await;
    let (free, _) = app.password_step_in_new_browser("member@example.com").await;
    let closed = app.get_in(&free, "/account/security/two-step").await;
    assert_page(
        closed,
        403,
        "2-step verification is not available for your account.",
    )
    .await;
    let events = app.audit_events().await;
    for event in [
        "group.created",
        "group.member_added",
        "group.member_removed",
    ] {
        assert!(events.contains(&event.to_owned()), "{event}");
    }
    let deleted = app.submit(&page, &format!("{page}/delete"), &[]).await;
    assert_redirect_to(&deleted, "/admin/groups");
    assert_eq!(app.count("SELECT COUNT(*) FROM user_groups").await, 1);
}

async fn the_reminder_shows_until_not_now(app: TestApp) {
    app.kit()
        .set_platform(|s| {
            s.reminder = true;
            s.app_name = "Acme".into();
        })
        .await;
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let home = app.get_text("/").await;
    assert!(home.contains("Acme now supports 2-step verification. This offers better security by also requiring you to log in using a code sent by SMS to your phone, in addition to your password."), "{home}");
    assert!(
        home.contains(r#"<a class="button" href="/account/security/two-step">Turn on now</a>"#)
    );
    let dismissed = app.submit("/", "/reminder/dismiss", &[]).await;
    assert_redirect_to(&dismissed, "/");
    assert!(
        !app.get_text("/")
            .await
            .contains("now supports 2-step verification")
    );
    // A new session shows it again.
    let other = app.signed_in_browser("ada@example.com").await;
    assert!(
        app.get_text_in(&other, "/")
            .await
            .contains("now supports 2-step verification")
    );
    // Never to users who have it on.
    app.create_sms_user("sms@example.com", PHONE).await;
    app.sign_in_with_sms_code("sms@example.com", PHONE).await;
    assert!(
        !app.get_text("/")
            .await
            .contains("now supports 2-step verification")
    );
}

async fn closing_registration_closes_the_page_and_the_form(app: TestApp) {
    app.kit()
        .set_platform(|s| s.open_registration = false)
        .await;
    assert_page(
        app.get("/register").await,
        403,
        "Ask your administrator for one.",
    )
    .await;
    assert!(!app.get_text("/login").await.contains("Create account"));
    let response = app
        .submit(
            "/login",
            "/register",
            &[
                ("name", "Eve"),
                ("email", "eve@example.com"),
                ("password", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn the_audit_log_filters_and_downloads(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    let user = app
        .create_user("user@example.com", "=cmd|' /C calc'!A0", false)
        .await;
    app.submit(
        &format!("/admin/users/{user}"),
        &format!("/admin/users/{user}/sign-out"),
        &[],
    )
    .await;
    let page = app.get_text("/admin/audit?event=session.all_ended").await;
    let ended = r#"<td data-label="Event">Signed out by an administrator</td>"#;
    assert!(
        page.contains(ended) && page.contains("user@example.com"),
        "{page}"
    );
    assert!(!page.contains(r#"data-label="Event">Signed in<"#), "{page}");
    let by_user = app.get_text("/admin/audit?user=user%40example.com").await;
    assert!(
        by_user.contains(ended) && !by_user.contains(r#"data-label="Event">Text message sent<"#)
    );
    let future = app.get_text("/admin/audit?from=2999-01-01").await;
    assert!(future.contains("No events match."));
    // Filters combine: a user's events of one kind within a period.
    let today = app.get_text("/admin/audit?user=user%40example.com&event=session.all_ended&from=1970-01-01&until=2999-12-31").await;
    assert!(today.contains(ended), "{today}");
    let other_kind = app
        .get_text("/admin/audit?user=user%40example.com&event=sign_in.succeeded")
        .await;
    assert!(other_kind.contains("No events match."), "{other_kind}");
    let admin_signed_in = app
        .get_text("/admin/audit?user=admin%40example.com&event=sign_in.succeeded&until=2999-12-31")
        .await;
    assert!(
        admin_signed_in.contains(r#"<td data-label="Event">Signed in</td>"#),
        "{admin_signed_in}"
    );
    let before_all = app
        .get_text("/admin/audit?user=admin%40example.com&until=1970-01-02")
        .await;
    assert!(before_all.contains("No events match."));
    for bad in ["from=yesterday", "event=DROP%20TABLE", "user=nobody"] {
        assert_eq!(
            app.get(&format!("/admin/audit?{bad}"))
                .await
                .status()
                .as_u16(),
            422,
            "{bad}"
        );
    }
    let csv = app.get("/admin/audit.csv?event=session.all_ended").await;
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let body = csv.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines[0],
        "time,event,actor,subject,ip_address,detail,event_name"
    );
    assert_eq!(lines.len(), 2, "{body}");
    assert!(
        lines[1].contains(
            "\"Signed out by an administrator\",\"admin@example.com\",\"user@example.com\",\"127.0.0.1\""
        ) && lines[1].ends_with("\"session.all_ended\""),
        "{body}"
    );
    assert_eq!(
        admin,
        app.fetch_scalar::<i64>(
            "SELECT actor_user_id FROM audit_events WHERE event = 'session.all_ended' AND $1 = $1",
            0
        )
        .await
    );
}

async fn the_overview_counts_adoption_and_who_must_set_up(app: TestApp) {
    signed_in_admin(&app).await;
    app.create_sms_user("sms@example.com", PHONE).await;
    app.create_user("off@example.com", "Off User", false).await;
    let page = app.get_text("/admin").await;
    assert!(page.contains(r#"<span class="bar-label">All users</span>"#));
    // Three users: the admin and one more with SMS, one without: 66% on.
    assert!(page.contains("<tr><th scope=\"row\">All users</th><td>3</td><td>0</td><td>2</td><td>0</td><td>1</td><td>66%</td></tr>"), "{page}");
    assert!(page.contains("66% on <span class=\"bar-detail\">(2 of 3)</span>"));
    assert!(
        page.contains(
            r#"<strong class="big-number">66%</strong> of users use 2-step verification"#
        )
    );
    assert!(page.contains("Everyone who must use 2-step verification has set it up."));
    // An administrator without it, and a group member within a grace period, are listed.
    let admin2 = app
        .create_user("admin2@example.com", "Second Admin", true)
        .await;
    let member = app
        .create_user("member@example.com", "Mem Ber", false)
        .await;
    let group = app.kit().create_group("Finance", "required", Some(7)).await;
    app.kit().add_member(group, "member@example.com").await;
    // Moves time: the requirement started to apply on day one of 1970.
    sqlx::query(
        "UPDATE group_requirement_starts SET since = 86400 WHERE group_id = $1 AND user_id = $2",
    )
    .bind(group)
    .bind(member)
    .execute(&app.db.pool)
    .await
    .unwrap();
    let page = app.get_text("/admin").await;
    assert!(
        page.contains(&format!(
            r#"<a href="/admin/users/{admin2}">Second Admin</a>"#
        )),
        "{page}"
    );
    assert!(page.contains("At their next sign-in"));
    assert!(page.contains(&format!(r#"<a href="/admin/users/{member}">Mem Ber</a>"#)));
    assert!(
        page.contains("9 Jan 1970, 00:00 UTC"),
        "one day plus seven: {page}"
    );
    assert!(page.contains("text messages since midnight"));
}

/// The link on the page an administrator sees after adding a user or asking for a new one.
/// The newest set-password link emailed to `to` that is not `than`.
async fn link_other_than(app: &TestApp, to: &str, than: &str) -> String {
    for _ in 0..200 {
        let link = app.link_in_mail(to, "/password/set").await;
        if link != than {
            return link;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no new link was emailed to {to}");
}

async fn an_added_user_sets_their_password_with_a_one_time_link(app: TestApp) {
    signed_in_admin(&app).await;
    let group = app.kit().create_group("Finance", "required", None).await;
    let form = app.get_text("/admin/users/new").await;
    assert!(form.contains("<h1>Add user</h1>") && form.contains("Finance"));
    let group_id = group.to_string();
    let fields = [
        ("name", "Grace Hopper"),
        ("email", "Grace@Example.com"),
        ("phone", "+46 70-555 12 34"),
        ("group", group_id.as_str()),
    ];
    let added = app
        .submit("/admin/users/new", "/admin/users/new", &fields)
        .await;
    let id: i64 = app
        .fetch_scalar(
            "SELECT id FROM users WHERE email = 'grace@example.com' AND $1 = $1",
            0,
        )
        .await;
    assert_redirect_to(&added, &format!("/admin/users/{id}?done=added"));
    let page = app.get_text(&format!("/admin/users/{id}?done=added")).await;
    assert!(
        page.contains("We emailed them a link to choose their password")
            && !page.contains("token="),
        "the link goes to the user alone: {page}"
    );
    let link = app.link_in_mail("grace@example.com", "/password/set").await;
    let token = link.split("token=").nth(1).unwrap().to_owned();
    assert_eq!(app.count_where("SELECT COUNT(*) FROM users WHERE id = $1 AND password_hash IS NULL AND phone = '+46705551234' AND is_admin = 0", id).await, 1);
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM group_members WHERE user_id = $1", id)
            .await,
        1
    );
    let stored: String = app
        .fetch_scalar(
            "SELECT token_hash FROM password_links WHERE user_id = $1",
            id,
        )
        .await;
    assert_ne!(stored, token, "only the digest is kept");
    app.assert_audit_contains("user.added_by_admin").await;
    // Refusals keep what was typed and add nobody.
    let taken = app
        .submit("/admin/users/new", "/admin/users/new", &fields)
        .await;
    let body = assert_page(
        taken,
        422,
        "An account with this email address already exists.",
    )
    .await;
    assert!(body.contains(r#"value="Grace Hopper""#));
    let bad = app
        .submit(
            "/admin/users/new",
            "/admin/users/new",
            &[
                ("name", ""),
                ("email", "nope"),
                ("phone", "12"),
                ("group", "x"),
            ],
        )
        .await;
    let body = assert_page(bad, 422, "There is a problem").await;
    assert!(body.contains("Choose groups from the list."));
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 2);

    // Before the password is set, no password signs in.
    let (_, refused) = app.password_step_in_new_browser("grace@example.com").await;
    assert_eq!(refused.status().as_u16(), 401);
    // The link: a form naming the account; a weak password is refused; then it is set once.
    let (browser, _) = app.new_browser();
    let path = format!("/password/set?token={token}");
    let page = app.get_text_in(&browser, &path).await;
    assert!(
        page.contains("Choose the password for <strong>grace@example.com</strong>"),
        "{page}"
    );
    let weak = submit_with(
        &browser,
        &app.address,
        &path,
        "/password/set",
        &[("token", &token), ("new_password", "password")],
    )
    .await;
    assert_page(weak, 422, "too easy to guess").await;
    let set = submit_with(
        &browser,
        &app.address,
        &path,
        "/password/set",
        &[("token", &token), ("new_password", GOOD_PASSWORD)],
    )
    .await;
    assert_eq!(set.headers()["location"], "/login?notice=password-set");
    assert_page(
        app.get_in(&browser, &path).await,
        410,
        "This link has expired or was already used.",
    )
    .await;
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM password_links WHERE user_id = $1", id)
            .await,
        0
    );
    app.assert_audit_contains("password.set").await;
    // The password signs in; the group requires 2-step verification: set-up first.
    let (grace, response) = app.password_step_in_new_browser("grace@example.com").await;
    assert_eq!(response.headers()["location"], "/");
    assert_eq!(
        app.get_in(&grace, "/").await.headers()["location"],
        "/account/security/two-step"
    );

    // A new link replaces the old, and a link lasts 72 hours.
    let user_page = format!("/admin/users/{id}");
    let action = format!("/admin/users/{id}/password-link");
    assert_redirect_to(
        &app.submit(&user_page, &action, &[]).await,
        &format!("{user_page}?done=password-link"),
    );
    let older = link_other_than(&app, "grace@example.com", &link).await;
    app.submit(&action, &action, &[]).await;
    let newer = link_other_than(&app, "grace@example.com", &older).await;
    let path_of = |link: &str| link.to_owned();
    assert_eq!(
        app.get_in(&browser, &path_of(&older))
            .await
            .status()
            .as_u16(),
        410
    );
    assert_eq!(
        app.get_in(&browser, &path_of(&newer))
            .await
            .status()
            .as_u16(),
        200
    );
    app.clock.advance(72 * 3600 + 1);
    assert_eq!(
        app.get_in(&browser, &path_of(&newer))
            .await
            .status()
            .as_u16(),
        410
    );
    // Garbage tokens: the same refusal, never a 500.
    for token in ["", "x", &"a".repeat(5000), "%00%ff", "' OR 1=1 --"] {
        let status = app
            .get_in(&browser, &format!("/password/set?token={token}"))
            .await
            .status()
            .as_u16();
        assert!((400..500).contains(&status), "{token}: {status}");
    }
}

async fn control_center_forms_refuse_garbage_without_a_5xx(app: TestApp) {
    signed_in_admin(&app).await;
    let user = app.create_user("user@example.com", "Bob", false).await;
    let group = insert_group(&app, "Sales").await;
    let long = "9".repeat(5000);
    let garbage = [
        "' OR '1'='1",
        "9999999999999999999999",
        "<script>alert(1)</script>",
        "١٢٣٤٥٦",
        "\u{202e}evil",
        "-1",
        long.as_str(),
    ];
    let forms: Vec<(String, Vec<&str>)> = vec![
        (
            "/admin/security".into(),
            vec![
                "two_step",
                "require_for_admins",
                "trusted_devices",
                "users_choose_session",
                "max_session_days",
                "inactivity_minutes",
                "reminder",
                "open_registration",
                "app_name",
                "sms_countries",
                "confirmed",
            ],
        ),
        (
            "/admin/users/new".into(),
            vec!["name", "email", "phone", "group", "admin"],
        ),
        (format!("/admin/users/{user}/phone"), vec!["phone"]),
        ("/admin/groups".into(), vec!["name"]),
        (format!("/admin/groups/{group}/rename"), vec!["name"]),
        (
            format!("/admin/groups/{group}/rule"),
            vec!["two_step", "grace_days", "confirmed"],
        ),
        (format!("/admin/groups/{group}/members"), vec!["email"]),
    ];
    for value in garbage {
        for (action, fields) in &forms {
            // Every field, and each field twice.
            let mut body: Vec<(&str, &str)> = fields.iter().map(|f| (*f, value)).collect();
            body.extend(fields.iter().map(|f| (*f, value)));
            let response = app.submit("/admin", action, &body).await;
            assert!(
                !response.status().is_server_error(),
                "{action} {value:.20}: {}",
                response.status()
            );
        }
        for query in ["q", "two_step", "group", "account", "after", "before"] {
            let path = format!("/admin/users?{query}={}", urlencoding(value));
            assert!(
                !app.get(&path).await.status().is_server_error(),
                "{path:.60}"
            );
        }
        for query in ["user", "event", "from", "until", "before"] {
            for page in ["/admin/audit", "/admin/audit.csv"] {
                let path = format!("{page}?{query}={}", urlencoding(value));
                assert!(
                    !app.get(&path).await.status().is_server_error(),
                    "{path:.60}"
                );
            }
        }
    }
    // Whatever names were stored are shown as text, never as markup.
    let groups = app.get_text("/admin/groups").await;
    assert!(!groups.contains("<script>alert(1)</script>"), "{groups}");
    assert_eq!(
        app.get("/admin").await.status().as_u16(),
        200,
        "still signed in"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE is_admin = 1")
            .await,
        1
    );
}

/// Percent-encodes a query value.
fn urlencoding(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

async fn the_audit_log_pages_newest_first_without_gaps_or_repeats(app: TestApp) {
    signed_in_admin(&app).await;
    // 120 events: pairs share a second, and ids do not follow time everywhere (as with
    // instances whose clocks differ a little). Written straight in the log, moving time:
    // one process's clock cannot record them out of order.
    for n in 0..120_i64 {
        let at = 1_000_000 + (n / 2) * 10 + if n % 7 == 0 { 5 } else { 0 };
        sqlx::query("INSERT INTO audit_events (at, event, detail) VALUES ($1, 'bench.event', $2)")
            .bind(at)
            .bind(format!("event {n:03}"))
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    let mut seen = Vec::new();
    let mut path = "/admin/audit?event=bench.event".to_owned();
    for _ in 0..5 {
        let page = app.get_text(&path).await;
        seen.extend(
            page.match_indices("event ")
                .filter_map(|(i, _)| page.get(i + 6..i + 9))
                .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
                .map(str::to_owned),
        );
        match page.split(r#"<a href="/admin/audit?"#).nth(1) {
            Some(rest) => {
                path = format!(
                    "/admin/audit?{}",
                    rest.split('"').next().unwrap().replace("&#38;", "&")
                )
            }
            None => break,
        }
    }
    assert_eq!(seen.len(), 120, "every event once: {seen:?}");
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 120);
    // Newest first: the times the events were given never go up down the pages.
    let times: Vec<i64> = seen
        .iter()
        .map(|n| {
            let n: i64 = n.parse().unwrap();
            1_000_000 + (n / 2) * 10 + if n % 7 == 0 { 5 } else { 0 }
        })
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    assert_eq!(
        app.get("/admin/audit?before=12.x").await.status().as_u16(),
        422
    );
}

on_both_databases!(
    only_a_verified_administrator_gets_in,
    an_administrator_without_two_step_is_taken_to_set_up_first,
    unknown_ids_are_not_found_and_change_nothing,
    saving_the_settings_shows_and_audits_each_change,
    requiring_it_of_everyone_shows_who_it_concerns_first,
    the_preview_counts_numbers_outside_the_sms_countries,
    reset_removes_every_factor_and_session_and_tells_the_user,
    after_a_reset_a_required_user_sets_up_anew,
    disabling_ends_sessions_and_the_last_administrator_stays,
    an_administrator_does_not_disable_their_own_account,
    two_administrators_removing_each_other_at_once_leave_one,
    an_administrator_sets_a_phone_number_that_can_take_codes,
    the_users_list_searches_filters_and_pages,
    groups_decide_who_must_verify,
    the_users_list_filters_by_two_step_and_disabled_accounts,
    names_stored_before_the_word_search_are_indexed_at_migration,
    a_groups_members_are_paged_and_searched,
    a_users_page_shows_groups_devices_sessions_and_events,
    the_overview_has_a_row_per_group,
    add_user_with_the_administrator_box_ticked,
    removing_someone_who_is_not_a_member_is_not_found,
    the_reminder_shows_until_not_now,
    closing_registration_closes_the_page_and_the_form,
    the_audit_log_filters_and_downloads,
    the_overview_counts_adoption_and_who_must_set_up,
    an_added_user_sets_their_password_with_a_one_time_link,
    control_center_forms_refuse_garbage_without_a_5xx,
    the_audit_log_pages_newest_first_without_gaps_or_repeats,
);
