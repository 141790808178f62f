//! Passkeys as the rest of the portal sees them: counted in `/metrics`, and absent from a
//! portal reached by an IP address, where browsers refuse them.

use tracing::Level;

use super::{NEW_PAGE, SIGN_IN_PAGE};
use crate::helpers::{Backend, GOOD_PASSWORD, TestApp, assert_page, assert_redirect_to};
use crate::logs::{capture_the_log, logged};
use crate::metrics::{TOKEN, sample, scrape};
use crate::on_each_backend;

async fn passkey_sign_ins_are_counted(backend: Backend) {
    let Some(app) = TestApp::spawn_named(backend, |settings| {
        settings.metrics_token = Some(TOKEN.to_owned().into());
    })
    .await
    else {
        return;
    };
    let succeeded = [("method", "passkey"), ("outcome", "succeeded")];
    let refused = [("method", "passkey"), ("outcome", "refused_passkey")];
    let (_, mut authenticator) = app.create_passkey_user("ada@example.com", "Ada").await;
    let before = scrape(&app).await;
    assert_eq!(sample(&before, "twostep_sign_ins_total", &succeeded), 0.0);

    app.sign_in_first_step("ada@example.com").await;
    assert_redirect_to(
        &app.use_passkey_in(&app.client, &mut authenticator).await,
        "/",
    );
    let (browser, _) = app.new_browser();
    assert_redirect_to(
        &app.sign_in_with_passkey_in(&browser, &mut authenticator)
            .await,
        "/",
    );
    let (browser, _) = app.new_browser();
    let mut phished = authenticator.clone();
    phished.origin_override = Some("http://evil.example".into());
    let answer = app.sign_in_with_passkey_in(&browser, &mut phished).await;
    assert_eq!(answer.status().as_u16(), 401);

    let after = scrape(&app).await;
    assert_eq!(
        sample(&after, "twostep_sign_ins_total", &succeeded),
        2.0,
        "{after}"
    );
    assert_eq!(sample(&after, "twostep_sign_ins_total", &refused), 1.0);
}

async fn a_portal_named_by_an_ip_address_offers_no_passkeys(backend: Backend) {
    capture_the_log();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let public_url = format!("http://127.0.0.1:{port}");
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.bind = format!("127.0.0.1:{port}").parse().unwrap();
        settings.public_url = public_url.parse().unwrap();
    })
    .await
    else {
        return;
    };
    let warned = logged().into_iter().any(|(level, line)| {
        level == Level::WARN
            && line.contains(&public_url)
            && line.contains("browsers refuse passkeys")
    });
    assert!(warned, "the portal starts with a warning");

    let login = app.get_text("/login").await;
    assert!(!login.contains("Sign in with a passkey"), "{login}");
    let alone = app.get(SIGN_IN_PAGE).await;
    let page = assert_page(alone, 409, "Passkeys cannot be used here").await;
    assert!(!page.contains(r#"id="passkey-form""#));

    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let settings = app.get_text("/account/security").await;
    assert!(!settings.contains("Add a passkey"), "{settings}");
    let add = app.get(NEW_PAGE).await;
    assert_page(add, 409, "Passkeys cannot be used here").await;
    let add = app
        .submit(
            "/account/security",
            "/account/security/passkeys",
            &[("name", "Laptop"), ("credential", "{}")],
        )
        .await;
    assert_page(add, 409, "Passkeys cannot be used here").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 0);
}

on_each_backend!(passkey_sign_ins_are_counted => passkey_metrics_sqlite, passkey_metrics_postgres);
on_each_backend!(
    a_portal_named_by_an_ip_address_offers_no_passkeys => ip_portal_sqlite, ip_portal_postgres
);
