//! Takeover paths found by trying the product as an attacker (issue 21, items 1 to 4): each
//! test failed before its fix.

use twostep::services::applications::secret_matches;

use crate::admin::signed_in_admin;
use crate::applications_admin::add_application;
use crate::helpers::{GOOD_PASSWORD, TestApp, assert_redirect_to, location_of, submit_with};
use crate::on_both_databases;
use crate::rooms::{ROOM_PHONE, enforced_room, forward_auth_status, set_room_phone};

on_both_databases!(a_room_passed_by_one_member_is_closed_to_the_next_who_signs_in);

/// Member A passes the room's code step; member B signs in in the same browser (without
/// signing A out): B still owes the room's step, and the proxy says so.
async fn a_room_passed_by_one_member_is_closed_to_the_next_who_signs_in(app: TestApp) {
    let (room, group, _) = enforced_room(&app, "").await;
    let second = app
        .create_user("second@example.com", "Sec Ond", false)
        .await;
    crate::rooms::add_member(&app, room, group, "second@example.com").await;
    set_room_phone(&app, room, group, second, "+46 70-555 00 02").await;

    let browser = app.signed_in_browser("member@example.com").await;
    let verify = format!("/rooms/{room}/verify");
    app.get_in(&browser, &format!("/rooms/{room}")).await;
    let code = app.sms.last_code_to(ROOM_PHONE);
    submit_with(&browser, &app.address, &verify, &verify, &[("code", &code)]).await;
    assert_eq!(forward_auth_status(&app, &browser, room).await, 200);

    // B signs in over A's session, from a form of the page A had open.
    let signed_in = submit_with(
        &browser,
        &app.address,
        "/",
        "/login",
        &[("email", "second@example.com"), ("password", GOOD_PASSWORD)],
    )
    .await;
    assert_eq!(signed_in.status().as_u16(), 303);
    let gate = app.get_in(&browser, &format!("/auth/room/{room}")).await;
    assert_eq!(
        gate.status().as_u16(),
        401,
        "B has not passed the room's step"
    );
    assert!(gate.headers().get("x-twostep-email").is_none());
    let opened = app.get_in(&browser, &format!("/rooms/{room}")).await;
    assert_eq!(
        location_of(&opened),
        Some(verify.clone()),
        "B is asked the code"
    );
    let home = app.get_text_in(&browser, "/").await;
    assert!(
        home.contains("Sec Ond") || home.contains("second@example.com"),
        "{home}"
    );
    assert!(
        home.contains("Code asked") && !home.contains("Open this session"),
        "{home}"
    );

    // And back to A, signing in again: A's earlier pass ended with A's session.
    submit_with(
        &browser,
        &app.address,
        "/",
        "/login",
        &[("email", "member@example.com"), ("password", GOOD_PASSWORD)],
    )
    .await;
    assert_eq!(forward_auth_status(&app, &browser, room).await, 401);
}

on_both_databases!(
    an_administrator_gives_the_password_again_and_confirms_before_taking_over_an_account,
    every_sensitive_route_asks_for_a_recent_password,
    adding_a_member_without_an_account_emails_the_invitation_to_them_alone,
);

/// Gives the password on the confirm page, to come back to `next`.
async fn confirm_password(app: &TestApp, next: &str) -> reqwest::Response {
    let page = format!("/account/confirm?next={next}");
    app.submit(
        &page,
        "/account/confirm",
        &[("password", GOOD_PASSWORD), ("next", next)],
    )
    .await
}

/// An administrator whose password was last confirmed long ago cannot reset another
/// administrator and take a set-password link for them: the password comes first, then
/// a confirmation page, and the link goes to the other administrator's inbox alone.
async fn an_administrator_gives_the_password_again_and_confirms_before_taking_over_an_account(
    app: TestApp,
) {
    signed_in_admin(&app).await;
    let other = app.create_user("boss@example.com", "Bo Boss", true).await;
    app.clock.advance(11 * 60);
    for action in ["reset", "password-link"] {
        let path = format!("/admin/users/{other}/{action}");
        let asked = app
            .submit(&format!("/admin/users/{other}"), &path, &[])
            .await;
        assert_redirect_to(&asked, &format!("/account/confirm?next={path}"));
    }
    assert!(
        app.mail_to("boss@example.com").is_empty(),
        "nothing was sent"
    );
    assert_eq!(app.count_events("two_step.reset").await, 0);
    assert_eq!(app.count_events("password.link_made").await, 0);

    // The password, then the question, then the change.
    let reset = format!("/admin/users/{other}/reset");
    assert_redirect_to(&confirm_password(&app, &reset).await, &reset);
    let question = app.get_text(&reset).await;
    assert!(
        question.contains("<h1>Reset 2-step verification for Bo Boss?</h1>"),
        "{question}"
    );
    let link = format!("/admin/users/{other}/password-link");
    let question = app.get_text(&link).await;
    assert!(
        question.contains("<h1>Email Bo Boss a set-password link?</h1>")
            && question.contains("A link is emailed to boss@example.com, and to no one else"),
        "{question}"
    );
    let made = app.submit(&link, &link, &[]).await;
    assert_redirect_to(&made, &format!("/admin/users/{other}?done=password-link"));
    let page = app
        .get_text(&format!("/admin/users/{other}?done=password-link"))
        .await;
    assert!(
        page.contains("We emailed the user a link to choose their password"),
        "{page}"
    );
    assert!(
        !page.contains("/password/set?token="),
        "the administrator never sees it"
    );
    let emailed = app.link_in_mail("boss@example.com", "/password/set").await;
    assert!(app.get(&emailed).await.status().is_success());
    app.assert_audit_contains("reauth.succeeded").await;
}

/// Every sensitive route, personal or administrative, by method: where the request is
/// sent back to once the password is confirmed (a GET to itself; a POST to the page at its
/// address, or to the page that holds its form when its address has none).
fn sensitive_routes(
    user: i64,
    other_admin: i64,
    (room, group): (i64, i64),
    application: i64,
) -> Vec<(&'static str, String, String)> {
    let mut routes = Vec::new();
    let mut both = |path: String| {
        routes.push(("GET", path.clone(), path.clone()));
        routes.push(("POST", path.clone(), path));
    };
    for path in [
        "/account/security/sms",
        "/account/security/sms/verify",
        "/account/security/sms/use-saved",
        "/account/security/sms/remove",
        "/account/security/app",
        "/account/security/app/remove",
        "/account/security/two-step/off",
        "/account/security/passkeys/new",
        // Any passkey's: the password is asked before the handler looks it up.
        "/account/security/passkeys/1/remove",
        "/account/security/recovery-codes",
        "/account/profile/phone",
        "/account/profile/phone/verify",
        "/admin/users/new",
        "/admin/users/import",
        // Any upload's: the password is asked before the handler looks it up.
        "/admin/users/import/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // Where sign-ins are sent is the application's registration: a hijacked session
        // must not change it.
        "/admin/applications/new",
        // A key for the administration API, and revoking one (any key's: the password is
        // asked before the handler looks it up).
        "/admin/api-keys/new",
        "/admin/api-keys/1/revoke",
    ] {
        both(path.to_owned());
    }
    for action in [
        "reset",
        "password-link",
        "temporary-code",
        "sign-out",
        "disable",
        "enable",
        "make-admin",
    ] {
        both(format!("/admin/users/{user}/{action}"));
    }
    both(format!("/admin/users/{other_admin}/remove-admin"));
    both(format!(
        "/admin/rooms/{room}/groups/{group}/members/{user}/remove"
    ));
    for action in ["edit", "new-secret", "delete"] {
        both(format!("/admin/applications/{application}/{action}"));
    }
    const CODES: &str = "/account/security/recovery-codes/new";
    for (method, path, back) in [
        ("GET", CODES, CODES),
        ("GET", "/account/security/recovery-codes/download", CODES),
        // Every user's address and number, and the audit log, as files.
        ("GET", "/admin/users.csv", "/admin/users"),
        ("GET", "/admin/audit.csv", "/admin/audit"),
        ("POST", "/account/security/recovery-codes/done", CODES),
        (
            "POST",
            "/account/security/sms/resend",
            "/account/security/sms/verify",
        ),
        (
            "POST",
            "/account/security/passkeys",
            "/account/security/passkeys/new",
        ),
        (
            "POST",
            "/account/profile/phone/resend",
            "/account/profile/phone/verify",
        ),
        // Bulk actions post from the users list, which they come back to.
        ("POST", "/admin/users/bulk", "/admin/users"),
        ("POST", "/admin/users/bulk/apply", "/admin/users"),
    ] {
        routes.push((method, path.to_owned(), back.to_owned()));
    }
    routes
}

/// Every sensitive route, personal or administrative: after 10 minutes without the
/// password, a GET or a POST is sent to confirm it and comes back as `sensitive_routes`
/// says; nothing changes and nothing is sent. Within the 10 minutes, none asks.
async fn every_sensitive_route_asks_for_a_recent_password(app: TestApp) {
    signed_in_admin(&app).await;
    let user = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let other_admin = app.create_user("boss@example.com", "Bo Boss", true).await;
    // A room with Ada in one of its groups: removing her is asked again too.
    let admin = app.kit().id_of("admin@example.com").await;
    let room = app
        .kit()
        .create_room(admin, "Deal", None, true, &["admin@example.com"])
        .await;
    let group = app.kit().create_room_group(admin, room, "Buyers").await;
    app.kit()
        .add_room_member(admin, group, "ada@example.com")
        .await;
    // An application: a new secret and deleting it are asked again too.
    let (application, secret) = add_application(&app, "CRM", false).await;
    let routes = sensitive_routes(user, other_admin, (room, group), application);
    for (_, path, _) in routes.iter().filter(|(method, _, _)| *method == "GET") {
        let answer = app.get(path).await;
        let location = location_of(&answer).unwrap_or_default();
        assert!(
            !location.starts_with("/account/confirm"),
            "GET {path} within the window: {location}"
        );
    }
    let events_before = app.audit_events().await.len();
    let texts_before = app.sms.sent().len();
    app.clock.advance(10 * 60 + 1);
    let typed = [
        ("email", "eve@example.com"),
        ("name", "Eve"),
        ("phone", "+46701119999"),
        ("code", "123456"),
    ];
    for (method, path, back) in &routes {
        let answer = match *method {
            "GET" => app.get(path).await,
            _ => app.submit("/account/security", path, &typed).await,
        };
        let expected = format!("/account/confirm?next={back}");
        assert_eq!(
            location_of(&answer),
            Some(expected),
            "{method} {path}: {}",
            answer.status()
        );
    }
    // Nothing happened: no event, no account changed, nothing was sent.
    assert_eq!(app.audit_events().await.len(), events_before);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE disabled = 1 OR email = 'eve@example.com'")
            .await,
        0
    );
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM users WHERE is_admin = 1 AND id = $1",
            user
        )
        .await,
        0
    );
    assert_eq!(app.sms.sent().len(), texts_before, "no code was sent");
    let kept = app
        .state
        .services
        .find_application(application)
        .await
        .unwrap()
        .expect("the application is not deleted");
    assert!(
        secret_matches(&kept, &secret.unwrap()),
        "its secret is the same"
    );
    // The window counts from the last confirmation, not from signing in.
    let back = format!("/admin/users/{user}/disable");
    assert_redirect_to(&confirm_password(&app, &back).await, &back);
    let disabled = app.submit(&back, &back, &[]).await;
    assert_redirect_to(&disabled, &format!("/admin/users/{user}?done=disabled"));
}

/// A room administrator adds an address no account has: the invitation goes to that
/// address, and the page says so without showing its link.
async fn adding_a_member_without_an_account_emails_the_invitation_to_them_alone(app: TestApp) {
    let (room, group, _) = enforced_room(&app, "").await;
    let owner = app.signed_in_browser("owner@example.com").await;
    let rights = format!("/admin/rooms/{room}/rights?group={group}");
    let added = submit_with(
        &owner,
        &app.address,
        &rights,
        &format!("/admin/rooms/{room}/groups/{group}/members"),
        &[("email", "Newcomer@Example.com")],
    )
    .await;
    assert_eq!(added.status().as_u16(), 200);
    let page = added.text().await.unwrap();
    assert!(
        page.contains("We emailed an invitation to newcomer@example.com."),
        "{page}"
    );
    assert!(
        !page.contains("token="),
        "the room administrator never sees the link: {page}"
    );
    let link = app.link_in_mail("newcomer@example.com", "/invite").await;
    let (browser, _) = app.new_browser();
    let form = app.get_text_in(&browser, &link).await;
    assert!(form.contains("<h1>Join Deal</h1>"), "{form}");
}
