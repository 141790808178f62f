//! The policy as users meet it (PRODUCT.md, "Policy", rule 3): where 2-step verification
//! stops being offered, who may turn it off, the reminder, and grace periods that count
//! from when a requirement first applied. The apps here read the platform settings at every
//! request (a TTL of zero).

use std::time::Duration;

use twostep::domain::policy::PlatformTwoStep;

use crate::helpers::{Backend, GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to};
use crate::on_each_backend;

const DAY: i64 = 86_400;

async fn uncached(backend: Backend) -> Option<TestApp> {
    TestApp::spawn_with(backend, |s| s.platform_settings_ttl = Duration::ZERO).await
}

/// The platform stops offering 2-step verification.
async fn platform_off(app: &TestApp) {
    app.kit()
        .set_platform(|s| s.two_step = PlatformTwoStep::Off)
        .await;
}

async fn join(app: &TestApp, group: i64, user: i64) {
    let kit = app.kit();
    kit.add_member(group, &kit.user(user).await.email).await;
}

/// Signed in with SMS where 2-step verification is no longer offered: the code is still
/// asked, it may be turned off, and then it cannot be turned on again.
async fn keeps_it_may_turn_it_off_not_on_again(app: &TestApp, email: &str, phone: &str) {
    let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    app.sign_in_with_sms_code(email, phone).await;
    let settings = app.get_text("/account/security").await;
    assert!(
        settings.contains(r#"<a href="/account/security/two-step/off">Turn off"#),
        "{settings}"
    );
    let off = app
        .submit(
            "/account/security/two-step/off",
            "/account/security/two-step/off",
            &[],
        )
        .await;
    assert_redirect_to(&off, "/account/security?notice=two-step-off");
    assert_eq!(app.two_factor_method(id).await, None);
    assert_page(
        app.get("/account/security/two-step").await,
        403,
        "2-step verification is not available for your account.",
    )
    .await;
    for (action, fields) in [
        ("/account/security/two-step", vec![("method", "sms")]),
        ("/account/security/sms", vec![("phone", phone)]),
        ("/account/security/app", vec![("code", "123456")]),
    ] {
        let refused = app.submit("/account/security", action, &fields).await;
        assert_eq!(refused.status().as_u16(), 403, "POST {action}");
    }
    assert_eq!(app.two_factor_method(id).await, None);
    app.post_logout().await;
    assert_redirect_to(&app.post_login(email, GOOD_PASSWORD).await, "/");
    app.post_logout().await;
}

async fn where_it_stops_being_offered_a_user_keeps_it_and_may_only_turn_it_off(backend: Backend) {
    let Some(app) = uncached(backend).await else {
        return;
    };
    // A group makes it Not available.
    let ada = app.create_sms_user("ada@example.com", PHONE).await;
    let contractors = app
        .kit()
        .create_group("Contractors", "not_available", None)
        .await;
    join(&app, contractors, ada).await;
    keeps_it_may_turn_it_off_not_on_again(&app, "ada@example.com", PHONE).await;
    // The platform turns it Off.
    app.create_sms_user("bob@example.com", "+46701112200").await;
    platform_off(&app).await;
    keeps_it_may_turn_it_off_not_on_again(&app, "bob@example.com", "+46701112200").await;
}

async fn a_user_a_group_requires_it_of_cannot_turn_it_off_or_remove_the_last_method(
    backend: Backend,
) {
    let Some(app) = uncached(backend).await else {
        return;
    };
    let ada = app.create_sms_user("ada@example.com", PHONE).await;
    let finance = app.kit().create_group("Finance", "required", None).await;
    join(&app, finance, ada).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    let settings = app.get_text("/account/security").await;
    assert!(
        settings.contains("required for your account, so it cannot be turned off"),
        "{settings}"
    );
    assert!(!settings.contains("/account/security/two-step/off"));
    let off = app
        .submit("/account/security", "/account/security/two-step/off", &[])
        .await;
    assert_eq!(off.status().as_u16(), 403);
    let remove = app
        .submit("/account/security", "/account/security/sms/remove", &[])
        .await;
    assert_page(
        remove,
        403,
        "2-step verification is required for your account, so the method in use cannot be removed.",
    )
    .await;
    app.assert_sms_on(ada, PHONE).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE event = 'two_step.disabled'")
            .await,
        0
    );
}

const REMINDER: &str = "now supports 2-step verification";

async fn the_reminder_is_not_shown_to_whom_it_is_not_offered(backend: Backend) {
    let Some(app) = uncached(backend).await else {
        return;
    };
    app.kit().set_platform(|s| s.reminder = true).await;
    let ada = app.create_user("ada@example.com", "Ada", false).await;
    app.create_user("bob@example.com", "Bob", false).await;
    let contractors = app
        .kit()
        .create_group("Contractors", "not_available", None)
        .await;
    join(&app, contractors, ada).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let home = app.get_text("/").await;
    assert!(!home.contains(REMINDER), "a Not available group: {home}");
    assert!(!home.contains("Turn on now"));
    // Bob, in no group, is offered it and reminded; then the platform turns it off.
    let bob = app.signed_in_browser("bob@example.com").await;
    assert!(app.get_text_in(&bob, "/").await.contains(REMINDER));
    platform_off(&app).await;
    assert!(
        !app.get_text_in(&bob, "/").await.contains(REMINDER),
        "the platform offers it to nobody"
    );
}

/// Signs the administrator in again (days went by: their session is over).
async fn admin_again(app: &TestApp) {
    app.post_logout().await;
    app.sign_in_with_sms_code("admin@example.com", crate::admin::ADMIN_PHONE)
        .await;
}

/// The set-up page's offer to wait, as the user sees it.
async fn set_up_later_offer(app: &TestApp, email: &str) -> Option<String> {
    let (browser, response) = app.password_step_in_new_browser(email).await;
    assert_eq!(response.headers()["location"], "/");
    let page = app
        .get_text_in(&browser, "/account/security/two-step")
        .await;
    let start = page.find("Set up later (")?;
    let end = start + page[start..].find(')')? + 1;
    Some(page[start..end].to_owned())
}

/// The grace period counts from when the group's requirement first applied to the
/// member: leaving and joining again, or the group going Required → Allowed → Required,
/// does not start it again.
async fn a_grace_period_does_not_restart(backend: Backend) {
    let Some(app) = uncached(backend).await else {
        return;
    };
    crate::admin::signed_in_admin(&app).await;
    let member = app.create_user("member@example.com", "Mem", false).await;
    let created = app
        .submit("/admin/groups", "/admin/groups", &[("name", "Finance")])
        .await;
    let page = created.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let rule = |two_step: &'static str| {
        let page = page.clone();
        let app = &app;
        async move {
            let saved = app
                .submit(
                    &page,
                    &format!("{page}/rule"),
                    &[
                        ("two_step", two_step),
                        ("grace_days", "10"),
                        ("confirmed", "yes"),
                    ],
                )
                .await;
            assert_redirect_to(&saved, &format!("{page}?done=rule"));
        }
    };
    let add = async || {
        let added = app
            .submit(
                &page,
                &format!("{page}/members"),
                &[("email", "member@example.com")],
            )
            .await;
        assert_redirect_to(&added, &format!("{page}?done=added"));
    };
    let remove = async || {
        let removed = app
            .submit(&page, &format!("{page}/members/{member}/remove"), &[])
            .await;
        assert_redirect_to(&removed, &format!("{page}?done=removed"));
    };
    rule("required").await;
    add().await;
    assert_eq!(
        set_up_later_offer(&app, "member@example.com")
            .await
            .as_deref(),
        Some("Set up later (10 days left)")
    );
    // Three days on the member leaves and joins again.
    app.clock.advance(3 * DAY);
    admin_again(&app).await;
    remove().await;
    assert_eq!(set_up_later_offer(&app, "member@example.com").await, None);
    app.clock.advance(DAY);
    admin_again(&app).await;
    add().await;
    assert_eq!(
        set_up_later_offer(&app, "member@example.com")
            .await
            .as_deref(),
        Some("Set up later (6 days left)")
    );
    // Two more days: the group stops requiring it for a while, then requires it again.
    app.clock.advance(2 * DAY);
    admin_again(&app).await;
    rule("allowed").await;
    app.clock.advance(DAY);
    admin_again(&app).await;
    rule("required").await;
    assert_eq!(
        set_up_later_offer(&app, "member@example.com")
            .await
            .as_deref(),
        Some("Set up later (3 days left)")
    );
    // When the ten days are over, they are over.
    app.clock.advance(3 * DAY);
    assert_eq!(set_up_later_offer(&app, "member@example.com").await, None);
    let (browser, _) = app.password_step_in_new_browser("member@example.com").await;
    assert_eq!(
        app.get_in(&browser, "/").await.headers()["location"],
        "/account/security/two-step"
    );
    // The start kept is the first day's.
    let started: i64 = app
        .fetch_scalar(
            "SELECT since FROM group_requirement_starts WHERE user_id = $1",
            member,
        )
        .await;
    let over_for = app.clock.now() - (started + 10 * DAY);
    assert!(
        (0..120).contains(&over_for),
        "{over_for} s past the deadline"
    );
    // Another group's requirement has its own start: joining it now gives its own days.
    let other = app.kit().create_group("Audit", "required", Some(5)).await;
    admin_again(&app).await;
    remove().await;
    let joined = app
        .submit(
            &format!("/admin/groups/{other}"),
            &format!("/admin/groups/{other}/members"),
            &[("email", "member@example.com")],
        )
        .await;
    assert_redirect_to(&joined, &format!("/admin/groups/{other}?done=added"));
    assert_eq!(
        set_up_later_offer(&app, "member@example.com")
            .await
            .as_deref(),
        Some("Set up later (5 days left)")
    );
}

on_each_backend!(where_it_stops_being_offered_a_user_keeps_it_and_may_only_turn_it_off => not_offered_keeps_it_sqlite, not_offered_keeps_it_postgres);
on_each_backend!(a_user_a_group_requires_it_of_cannot_turn_it_off_or_remove_the_last_method => group_required_keeps_it_sqlite, group_required_keeps_it_postgres);
on_each_backend!(the_reminder_is_not_shown_to_whom_it_is_not_offered => reminder_not_offered_sqlite, reminder_not_offered_postgres);
on_each_backend!(a_grace_period_does_not_restart => grace_does_not_restart_sqlite, grace_does_not_restart_postgres);
