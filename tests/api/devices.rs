//! Trusted devices, session duration and active sessions.

use crate::helpers::{
    Backend, GOOD_PASSWORD, PHONE, TestApp, assert_redirect_to, cookie_value, submit_with,
};
use crate::on_both_databases;

const DAY: i64 = 86_400;

fn set_cookie<'a>(response: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
}

/// Signs in with password and SMS code, ticking "Trust this device" when asked.
async fn sign_in_with_code(
    app: &TestApp,
    email: &str,
    phone: &str,
    trust: bool,
) -> reqwest::Response {
    app.sign_in_first_step(email).await;
    let code = app.sms.last_code_to(phone);
    let mut fields = vec![("code", code.as_str())];
    if trust {
        fields.push(("trust_device", "yes"));
    }
    app.submit_on("/login/verify", &fields).await
}

/// The id of the device user `id` trusts.
async fn trusted_device_of(app: &TestApp, id: i64) -> i64 {
    app.fetch_scalar("SELECT id FROM trusted_devices WHERE user_id = $1", id)
        .await
}

async fn a_trusted_device_skips_the_code_but_never_the_password(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    let response = sign_in_with_code(&app, "ada@example.com", PHONE, true).await;
    assert_redirect_to(&response, "/");
    let cookie = set_cookie(&response, "twostep_trusted").expect("a trusted-device cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(
        cookie.contains(&format!("Max-Age={}", 30 * DAY)),
        "{cookie}"
    );
    let token = cookie_value(&app.jar, &app.address, "twostep_trusted").unwrap();
    let stored: String =
        sqlx::query_scalar("SELECT token_hash FROM trusted_devices WHERE user_id = $1")
            .bind(id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_ne!(stored, token, "only a digest is stored");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'A new device was trusted%'")
            .await,
        1
    );
    app.assert_audit_contains("device.trusted").await;

    app.post_logout().await;
    app.clock.advance(31);
    let sent = app.sms.sent().len();
    assert_eq!(
        app.login_status("ada@example.com", "not the password at all")
            .await,
        401
    );
    assert_redirect_to(&app.post_login("ada@example.com", GOOD_PASSWORD).await, "/");
    assert_eq!(app.sms.sent().len(), sent, "no code was sent");
    app.assert_audit_contains("sign_in.trusted_device").await;

    let settings = app.get_text("/account/security").await;
    assert!(
        settings.contains("Trusted devices")
            && settings.contains(">Remove<")
            && settings.contains(">Remove all<")
    );
    // Times are machine-readable for the script that shows them in the reader's zone.
    assert!(settings.contains(r#"<td data-label="Trusted since"><time datetime="20"#));
    assert!(settings.contains(r#"<script src="/static/localtime.js" defer></script>"#));
    assert_eq!(app.get("/static/localtime.js").await.status().as_u16(), 200);
    // This browser is marked among the trusted devices; another browser sees none marked.
    assert_eq!(
        settings.matches("<strong>(this device)</strong>").count(),
        1
    );
    let elsewhere = app.signed_in_browser("ada@example.com").await;
    let code = app.sms.last_code_to(PHONE);
    submit_with(
        &elsewhere,
        &app.address,
        "/login/verify",
        "/login/verify",
        &[("code", &code)],
    )
    .await;
    let there = app.get_in(&elsewhere, "/account/security").await;
    let there = there.text().await.unwrap();
    assert!(
        there.contains("Trusted devices") && !there.contains("(this device)"),
        "{there}"
    );
}

async fn a_removed_device_is_asked_for_a_code_again(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    sign_in_with_code(&app, "ada@example.com", PHONE, true).await;
    let device = trusted_device_of(&app, id).await;
    let removed = app
        .submit(
            "/account/security",
            &format!("/account/security/devices/{device}/remove"),
            &[],
        )
        .await;
    assert_redirect_to(&removed, "/account/security?notice=device-removed");
    assert_eq!(app.count("SELECT COUNT(*) FROM trusted_devices").await, 0);
    app.assert_audit_contains("device.removed").await;
    app.sign_in_again_after_the_cooldown("ada@example.com")
        .await;
}

async fn remove_all_removes_every_device_of_the_user_only(app: TestApp) {
    let ada = app.create_sms_user("ada@example.com", PHONE).await;
    let grace = app
        .create_sms_user("grace@example.com", "+46709876543")
        .await;
    sign_in_with_code(&app, "ada@example.com", PHONE, true).await;
    let other = app.signed_in_browser("grace@example.com").await;
    let code = app.sms.last_code_to("+46709876543");
    submit_with(
        &other,
        &app.address,
        "/login/verify",
        "/login/verify",
        &[("code", &code), ("trust_device", "yes")],
    )
    .await;
    // Someone else's device id does nothing.
    let grace_device = trusted_device_of(&app, grace).await;
    app.submit(
        "/account/security",
        &format!("/account/security/devices/{grace_device}/remove"),
        &[],
    )
    .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM trusted_devices").await, 2);
    let removed = app
        .submit(
            "/account/security",
            "/account/security/devices/remove-all",
            &[],
        )
        .await;
    assert_redirect_to(&removed, "/account/security?notice=devices-removed");
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM trusted_devices WHERE user_id = $1",
            ada
        )
        .await,
        0
    );
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM trusted_devices WHERE user_id = $1",
            grace
        )
        .await,
        1
    );
}

async fn an_expired_device_is_asked_for_a_code(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    sign_in_with_code(&app, "ada@example.com", PHONE, true).await;
    app.post_logout().await;
    app.clock.advance(30 * DAY + 1);
    app.sign_in_first_step("ada@example.com").await;
}

async fn devices_can_be_trusted_until_removed(app: TestApp) {
    app.kit()
        .set_platform(|s| s.trusted_device_days = None)
        .await;
    app.create_sms_user("ada@example.com", PHONE).await;
    let response = sign_in_with_code(&app, "ada@example.com", PHONE, true).await;
    assert!(
        set_cookie(&response, "twostep_trusted")
            .unwrap()
            .contains(&format!("Max-Age={}", 400 * DAY))
    );
    assert!(
        app.get_text("/account/security")
            .await
            .contains("Until removed")
    );
    app.post_logout().await;
    app.clock.advance(365 * DAY);
    assert_redirect_to(&app.post_login("ada@example.com", GOOD_PASSWORD).await, "/");
}

async fn a_device_cookie_is_worth_nothing_to_another_account_or_when_forged(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.create_sms_user("grace@example.com", "+46709876543")
        .await;
    sign_in_with_code(&app, "ada@example.com", PHONE, true).await;
    let token = cookie_value(&app.jar, &app.address, "twostep_trusted").unwrap();
    app.post_logout().await;
    // Ada's trusted browser does not skip Grace's code.
    app.sign_in_first_step("grace@example.com").await;
    app.post_logout().await;

    let mut altered = token.clone().into_bytes();
    altered[10] = if altered[10] == b'A' { b'B' } else { b'A' };
    let forged = [
        String::from_utf8(altered).unwrap(),
        "A".repeat(43),
        "../../etc".into(),
        String::new(),
    ];
    for value in forged {
        app.clock.advance(31);
        let (client, csrf, token) = app.new_browser_at_sign_in().await;
        let response = client
            .post(app.url("/login"))
            .header("cookie", format!("{csrf}; twostep_trusted={value}"))
            .form(&[
                ("csrf_token", token.as_str()),
                ("email", "ada@example.com"),
                ("password", GOOD_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_redirect_to(&response, "/login/verify");
    }
}

async fn a_changed_password_revokes_trusted_devices(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    sign_in_with_code(&app, "ada@example.com", PHONE, true).await;
    let changed = app
        .change_password(GOOD_PASSWORD, "amber lantern over quiet harbour")
        .await;
    assert_eq!(changed.status().as_u16(), 303);
    assert_eq!(app.count("SELECT COUNT(*) FROM trusted_devices").await, 0);
}

async fn sign_out_all_other_sessions_ends_exactly_the_others(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let mut others = Vec::new();
    for _ in 0..2 {
        let client = app.signed_in_browser("ada@example.com").await;
        others.push(client);
    }
    app.create_user("grace@example.com", "Grace", false).await;
    let grace = app.signed_in_browser("grace@example.com").await;

    let settings = app.get_text("/account/security").await;
    let listed = settings
        .matches(r#"<form method="post" action="/account/security/sessions/"#)
        .count();
    assert_eq!(
        listed, 3,
        "the two other sessions of Ada, and \"Sign out all other sessions\"; this session has no end action"
    );
    assert!(settings.contains("(this session)"));
    let this_row = &settings[settings.find("(this session)").unwrap()..];
    let this_row = &this_row[..this_row.find("</tr>").unwrap()];
    assert!(!this_row.contains("<form"), "{this_row}");
    // "End session" per other session (PRODUCT.md), named with its device and time; "Sign
    // out" is the header's alone.
    assert_eq!(
        settings.matches(">End session</button>").count(),
        2,
        "{settings}"
    );
    assert!(
        settings
            .split(r#"aria-label="End session "#)
            .skip(1)
            .all(|label| label[..label.find('"').unwrap()].contains(", signed in ")),
        "each End session names its session"
    );
    assert_eq!(
        settings.matches(">Sign out</button>").count(),
        2,
        "only the header signs out (and its narrow-screen menu at the foot)"
    );
    app.end_other_sessions().await;
    for client in &others {
        assert_redirect_to(&app.get_in(client, "/").await, "/login");
    }
    assert_eq!(
        app.get("/").await.status().as_u16(),
        200,
        "this session lives on"
    );
    assert_eq!(
        app.get_in(&grace, "/").await.status().as_u16(),
        200,
        "other users are untouched"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 2);
    app.assert_audit_contains("session.others_ended").await;
}

async fn one_session_can_be_signed_out_from_the_list(app: TestApp) {
    let id = app.create_user("ada@example.com", "Ada", false).await;
    let laptop = app.signed_in_browser("ada@example.com").await;
    let laptop_id: String = sqlx::query_scalar("SELECT public_id FROM sessions WHERE user_id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let ended = app
        .submit(
            "/account/security",
            &format!("/account/security/sessions/{laptop_id}/end"),
            &[],
        )
        .await;
    assert_redirect_to(&ended, "/account/security?notice=session-ended");
    assert_redirect_to(&app.get_in(&laptop, "/").await, "/login");
    assert_eq!(app.get("/").await.status().as_u16(), 200);
    // Someone else's id, or nonsense, ends nothing.
    for id in ["not-a-session", "%27%20OR%201%3D1"] {
        let response = app
            .submit(
                "/account/security",
                &format!("/account/security/sessions/{id}/end"),
                &[],
            )
            .await;
        assert_eq!(response.status().as_u16(), 303);
    }
    assert_eq!(app.get("/").await.status().as_u16(), 200);
}

/// Found by the fuzz test: a NUL in the id went to PostgreSQL, which refuses it in text: a
/// 500. Such an id ends nothing, as any unknown one.
async fn a_session_id_holding_a_nul_ends_nothing(app: TestApp) {
    let id = app.create_user("ada@example.com", "Ada", false).await;
    let _laptop = app.signed_in_browser("ada@example.com").await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let nul_in_a_token = format!("{}%00", "a".repeat(42));
    for id in ["%00", "a%00b", nul_in_a_token.as_str()] {
        let response = app
            .submit(
                "/account/security",
                &format!("/account/security/sessions/{id}/end"),
                &[],
            )
            .await;
        assert_redirect_to(&response, "/account/security?notice=session-ended");
    }
    let sessions = app
        .count_where("SELECT COUNT(*) FROM sessions WHERE user_id = $1", id)
        .await;
    assert_eq!(sessions, 2, "both sessions go on");
    assert_eq!(app.count_events("session.ended").await, 0);
}

async fn a_chosen_duration_ends_the_session_on_the_server(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let page = app.get_text("/account/security").await;
    assert!(
        page.contains("Stay signed in for")
            && page.contains(">Until I close the browser<")
            && page.contains(">60 days<")
    );
    let chosen = app
        .submit(
            "/account/security",
            "/account/security/session-duration",
            &[("duration", "3600")],
        )
        .await;
    assert_redirect_to(&chosen, "/account/security?notice=duration-saved");
    let cookie =
        set_cookie(&chosen, "twostep_session").expect("the session cookie gets its lifetime");
    let max_age: i64 = cookie
        .split("Max-Age=")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((3500..=3600).contains(&max_age), "{cookie}");

    // A new sign-in keeps the choice, and the server ends it an hour later.
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    app.clock.advance(3000);
    assert_eq!(app.get("/").await.status().as_u16(), 200);
    app.clock.advance(601);
    assert_redirect_to(&app.get("/").await, "/login");
    let now = app.clock.now();
    let dead = app.count_where(
        "SELECT COUNT(*) FROM sessions WHERE user_id IS NOT NULL AND public_id IS NOT NULL AND expires_at <= $1",
        now,
    )
    .await;
    let live = app
        .count_where(
            "SELECT COUNT(*) FROM sessions WHERE user_id IS NOT NULL AND expires_at > $1",
            now,
        )
        .await;
    assert_eq!(
        (dead, live),
        (1, 0),
        "the row remains until purged, but is dead"
    );
}

async fn without_a_choice_the_session_ends_after_twelve_hours(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    let response = app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let cookie = set_cookie(&response, "twostep_session").unwrap();
    assert!(
        !cookie.contains("Max-Age") && !cookie.contains("Expires"),
        "a browser-session cookie: {cookie}"
    );
    app.clock.advance(12 * 3600 - 60);
    assert_eq!(app.get("/").await.status().as_u16(), 200);
    app.clock.advance(61);
    assert_redirect_to(&app.get("/").await, "/login");
}

async fn an_idle_session_ends_after_the_inactivity_timeout(app: TestApp) {
    app.kit()
        .set_platform(|s| s.inactivity_timeout_secs = Some(900))
        .await;
    let id = app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let seen = |app: &TestApp| {
        let pool = app.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT last_seen_at FROM sessions WHERE user_id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let first = seen(&app).await;
    app.clock.advance(30);
    app.get("/").await;
    assert_eq!(
        seen(&app).await,
        first,
        "last active is written at most once a minute"
    );
    app.clock.advance(600);
    app.get("/").await;
    assert!(seen(&app).await > first);
    app.clock.advance(600);
    assert_eq!(
        app.get("/").await.status().as_u16(),
        200,
        "active sessions live on"
    );
    app.clock.advance(901);
    assert_redirect_to(&app.get("/").await, "/login");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM sessions").await,
        0,
        "ended on the server"
    );
}

async fn the_platform_limits_the_choices(app: TestApp) {
    app.kit()
        .set_platform(|s| s.max_session_secs = 86_400)
        .await;
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let page = app.get_text("/account/security").await;
    assert!(page.contains(">1 day<") && !page.contains(">7 days<"));
    for bad in ["604800", "12", "forever", "", "-1"] {
        let response = app
            .submit(
                "/account/security",
                "/account/security/session-duration",
                &[("duration", bad)],
            )
            .await;
        assert_eq!(response.status().as_u16(), 400, "{bad}");
    }
}

async fn factor_changes_offer_to_sign_out_other_sessions(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.signed_in_browser("ada@example.com").await; // another session of Ada's
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert!(
        !app.get_text("/account/security")
            .await
            .contains("Sign out everywhere else?")
    );
    app.turn_on_sms(PHONE).await;
    let page = app.get_text("/account/security?notice=codes-saved").await;
    assert!(page.contains("Sign out everywhere else?"), "{page}");
}

/// "Sign out all other sessions" shows only when there are others, and once.
async fn signing_out_elsewhere_is_offered_once_and_only_with_other_sessions(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let alone = app.get_text("/account/security").await;
    assert!(!alone.contains("Sign out all other sessions"), "{alone}");
    let _laptop = app.signed_in_browser("ada@example.com").await;
    let two = app.get_text("/account/security").await;
    assert_eq!(two.matches(">Sign out all other sessions<").count(), 1);
    let offered = app.get_text("/account/security?notice=phone-changed").await;
    assert!(offered.contains("Sign out everywhere else?"));
    assert_eq!(offered.matches(">Sign out all other sessions<").count(), 1);
}

on_both_databases!(
    signing_out_elsewhere_is_offered_once_and_only_with_other_sessions,
    a_trusted_device_skips_the_code_but_never_the_password,
    a_removed_device_is_asked_for_a_code_again,
    remove_all_removes_every_device_of_the_user_only,
    an_expired_device_is_asked_for_a_code,
    devices_can_be_trusted_until_removed,
    a_device_cookie_is_worth_nothing_to_another_account_or_when_forged,
    a_changed_password_revokes_trusted_devices,
    sign_out_all_other_sessions_ends_exactly_the_others,
    one_session_can_be_signed_out_from_the_list,
    a_session_id_holding_a_nul_ends_nothing,
    a_chosen_duration_ends_the_session_on_the_server,
    without_a_choice_the_session_ends_after_twelve_hours,
    an_idle_session_ends_after_the_inactivity_timeout,
    the_platform_limits_the_choices,
    factor_changes_offer_to_sign_out_other_sessions,
);

/// When the platform does not let users choose, the choice is neither shown nor taken.
#[tokio::test]
async fn users_cannot_choose_when_the_platform_says_no() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    app.kit()
        .set_platform(|s| s.users_choose_session_duration = false)
        .await;
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert!(
        !app.get_text("/account/security")
            .await
            .contains("Stay signed in for")
    );
    let refused = app
        .submit(
            "/account/security",
            "/account/security/session-duration",
            &[("duration", "3600")],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 403);
}
