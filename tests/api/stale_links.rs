//! A "set your password" link (a reset asked for by email, or an administrator's) dies when
//! the password changes by any path, in the changing transaction (issue 21, item 5).

use crate::admin::signed_in_admin;
use crate::helpers::{Backend, GOOD_PASSWORD, TestApp, location_of, submit_with};
use crate::mail::{app_mailing_to, eventually, link_to_in_email};
use crate::on_each_backend;
use crate::smtp::SmtpServer;

const CHANGED: &str = "amber lantern over quiet harbour";
const BY_LINK: &str = "a brand new passphrase for ada";
const ADA: &str = "ada@example.com";

/// Asks for a reset link for `email` and returns it (the newest link in its mail).
pub(crate) async fn reset_link(app: &TestApp, smtp: &SmtpServer, email: &str) -> String {
    let before = smtp.received().len();
    let asked = app
        .submit("/login", "/password/forgot", &[("email", email)])
        .await;
    assert_eq!(
        location_of(&asked).as_deref(),
        Some("/password/forgot?sent=yes")
    );
    eventually(10, "the reset email", async || {
        smtp.received().len() > before
    })
    .await;
    link_to_in_email(smtp, email, "/password/set")
}

/// Sets `password` with `link` from a browser of its own; the answer.
pub(crate) async fn use_link(app: &TestApp, link: &str, password: &str) -> reqwest::Response {
    let (browser, _) = app.new_browser();
    let token = link.trim_start_matches("/password/set?token=");
    submit_with(
        &browser,
        &app.address,
        "/login",
        "/password/set",
        &[("token", token), ("new_password", password)],
    )
    .await
}

/// Whether `password` signs `email` in, from a browser of its own.
pub(crate) async fn signs_in(app: &TestApp, email: &str, password: &str) -> bool {
    let (browser, _) = app.new_browser();
    let answer = submit_with(
        &browser,
        &app.address,
        "/login",
        "/login",
        &[("email", email), ("password", password)],
    )
    .await;
    answer.status().as_u16() == 303
}

/// The link is dead: its page and its form are refused, and it set no password.
async fn assert_dead(app: &TestApp, link: &str, what: &str) {
    let (browser, _) = app.new_browser();
    assert_eq!(
        app.get_in(&browser, link).await.status().as_u16(),
        410,
        "{what}: the page"
    );
    let used = use_link(app, link, BY_LINK).await;
    assert_eq!(used.status().as_u16(), 410, "{what}: the form");
    assert!(!signs_in(app, ADA, BY_LINK).await, "{what}");
}

async fn ada_signed_in(app: &TestApp) {
    app.create_user(ADA, "Ada Lovelace", false).await;
    let signed_in = app.post_login(ADA, GOOD_PASSWORD).await;
    assert_eq!(location_of(&signed_in).as_deref(), Some("/"));
}

async fn a_reset_link_dies_when_the_password_is_changed_on_the_password_page(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    ada_signed_in(&app).await;
    let link = reset_link(&app, &smtp, ADA).await;
    let changed = app.change_password(GOOD_PASSWORD, CHANGED).await;
    assert_eq!(
        location_of(&changed).as_deref(),
        Some("/?notice=password-changed")
    );
    assert_dead(&app, &link, "a reset link sent before the change").await;
    // A second change does not bring it back.
    let again = app.change_password(CHANGED, GOOD_PASSWORD).await;
    assert_eq!(again.status().as_u16(), 303);
    assert_dead(&app, &link, "after a second change").await;
    assert!(signs_in(&app, ADA, GOOD_PASSWORD).await);
}

async fn an_administrators_link_dies_when_the_password_is_changed(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    let ada = app.create_user(ADA, "Ada Lovelace", false).await;
    let made = app
        .submit(
            &format!("/admin/users/{ada}"),
            &format!("/admin/users/{ada}/password-link"),
            &[],
        )
        .await;
    assert_eq!(
        location_of(&made),
        Some(format!("/admin/users/{ada}?done=password-link"))
    );
    eventually(10, "the administrator's link is emailed", async || {
        smtp.received().iter().any(|m| m.to == [ADA])
    })
    .await;
    let link = link_to_in_email(&smtp, ADA, "/password/set");
    let (ada_browser, _) = app.new_browser();
    let signed_in = submit_with(
        &ada_browser,
        &app.address,
        "/login",
        "/login",
        &[("email", ADA), ("password", GOOD_PASSWORD)],
    )
    .await;
    assert_eq!(signed_in.status().as_u16(), 303);
    let changed = submit_with(
        &ada_browser,
        &app.address,
        "/account/password",
        "/account/password",
        &[
            ("current_password", GOOD_PASSWORD),
            ("new_password", CHANGED),
        ],
    )
    .await;
    assert_eq!(
        location_of(&changed).as_deref(),
        Some("/?notice=password-changed")
    );
    assert_dead(
        &app,
        &link,
        "an administrator's link made before the change",
    )
    .await;
    assert!(signs_in(&app, ADA, CHANGED).await);
}

async fn a_link_is_dead_once_another_link_set_the_password(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    app.create_user(ADA, "Ada Lovelace", false).await;
    let first = reset_link(&app, &smtp, ADA).await;
    let second = reset_link(&app, &smtp, ADA).await;
    assert_ne!(first, second);
    let set = use_link(&app, &second, CHANGED).await;
    assert_eq!(
        location_of(&set).as_deref(),
        Some("/login?notice=password-set")
    );
    assert_dead(&app, &first, "the older link").await;
    assert_dead(&app, &second, "the used link").await;
    assert!(signs_in(&app, ADA, CHANGED).await);
}

async fn a_link_used_twice_at_once_sets_the_password_once(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    app.create_user(ADA, "Ada Lovelace", false).await;
    let link = reset_link(&app, &smtp, ADA).await;
    let (one, two) = tokio::join!(
        use_link(&app, &link, BY_LINK),
        use_link(&app, &link, CHANGED)
    );
    let mut statuses = [one.status().as_u16(), two.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 410]);
    let by_one = signs_in(&app, ADA, BY_LINK).await;
    let by_two = signs_in(&app, ADA, CHANGED).await;
    assert!(by_one != by_two, "exactly one of the two passwords was set");
    assert_eq!(app.count_events("password.set").await, 1);
}

/// A browser of its own, signed in as `email` with `password`.
async fn browser_signed_in(app: &TestApp, email: &str, password: &str) -> reqwest::Client {
    let (browser, _) = app.new_browser();
    let answer = submit_with(
        &browser,
        &app.address,
        "/login",
        "/login",
        &[("email", email), ("password", password)],
    )
    .await;
    assert_eq!(location_of(&answer).as_deref(), Some("/"));
    browser
}

async fn change_in(
    app: &TestApp,
    browser: &reqwest::Client,
    current: &str,
    new: &str,
) -> reqwest::Response {
    submit_with(
        browser,
        &app.address,
        "/account/password",
        "/account/password",
        &[("current_password", current), ("new_password", new)],
    )
    .await
}

/// A link used while the password is being changed: whichever commits first, a link never
/// sets the password after a change has committed.
async fn a_link_racing_a_password_change_never_undoes_it(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    app.create_user(ADA, "Ada Lovelace", false).await;
    let mut current = GOOD_PASSWORD.to_owned();
    for round in 0..3 {
        let browser = browser_signed_in(&app, ADA, &current).await;
        let link = reset_link(&app, &smtp, ADA).await;
        let new = format!("{CHANGED} {round}");
        let by_link = format!("{BY_LINK} {round}");
        let (changed, used) = tokio::join!(
            change_in(&app, &browser, &current, &new),
            use_link(&app, &link, &by_link)
        );
        let changed = location_of(&changed).as_deref() == Some("/?notice=password-changed");
        let used = location_of(&used).as_deref() == Some("/login?notice=password-set");
        assert!(changed || used, "round {round}: one of them went through");
        if changed {
            // The link either went first (and the change replaced its password) or died.
            assert!(signs_in(&app, ADA, &new).await, "round {round}");
            assert!(!signs_in(&app, ADA, &by_link).await, "round {round}");
            current = new;
        } else {
            assert!(signs_in(&app, ADA, &by_link).await, "round {round}");
            current = by_link;
        }
        assert_dead(&app, &link, "after the race").await;
        // Past the hourly allowance of reset emails and of wrong passwords.
        app.clock.advance(3_601);
    }
}

on_each_backend!(a_reset_link_dies_when_the_password_is_changed_on_the_password_page => reset_then_change_sqlite, reset_then_change_postgres);
on_each_backend!(an_administrators_link_dies_when_the_password_is_changed => admin_link_then_change_sqlite, admin_link_then_change_postgres);
on_each_backend!(a_link_is_dead_once_another_link_set_the_password => link_after_link_sqlite, link_after_link_postgres);
on_each_backend!(a_link_used_twice_at_once_sets_the_password_once => link_twice_sqlite, link_twice_postgres);
on_each_backend!(a_link_racing_a_password_change_never_undoes_it => link_races_change_sqlite, link_races_change_postgres);
