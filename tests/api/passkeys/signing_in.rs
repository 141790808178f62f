//! Signing in with a passkey: as the second step after the password (offered first, no
//! text sent by itself), and alone with a discoverable passkey and user verification.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::{SIGN_IN_PAGE, STEP_ACTION, with_passkeys};
use crate::helpers::{GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to};
use crate::kit::authenticator::SoftAuthenticator;

async fn the_password_then_a_passkey_and_no_text_is_sent(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    let mut authenticator = SoftAuthenticator::new();
    let added = app.add_passkey(&mut authenticator, "Phone").await;
    assert_redirect_to(&added, "/account/security?notice=passkey-added");
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("passkey"));
    assert_eq!(app.sign_count_of(id).await, 0);
    app.post_logout().await;

    let texts = app.sms.sent().len();
    app.clock.advance(31);
    app.sign_in_first_step("ada@example.com").await;
    let page = app.passkey_page_in(&app.client, "/login/verify").await;
    assert_eq!(page.status, 200);
    assert!(
        page.html.contains("<h1>Use your passkey</h1>"),
        "{}",
        page.html
    );
    assert!(
        page.html
            .contains(r#"action="/login/verify/passkey" id="passkey-form""#)
    );
    assert!(
        page.html
            .contains(r#"<a href="/login/verify?with=sms">Use text message</a>"#),
        "the other method is one link away: {}",
        page.html
    );
    let allowed = page.options["allowCredentials"].as_array().unwrap();
    assert_eq!(allowed.len(), 1, "{}", page.options);
    assert_eq!(
        allowed[0]["id"],
        URL_SAFE_NO_PAD
            .encode(&authenticator.credentials[0].id)
            .as_str()
    );
    assert_eq!(page.options["rpId"], "localhost");
    assert_eq!(page.options["userVerification"], "preferred");
    assert_eq!(app.sms.sent().len(), texts, "no text is sent by itself");

    let before = app.session_cookie().unwrap();
    let credential = authenticator
        .authenticate(&page.options, &app.passkey_origin())
        .to_string();
    let signed_in = app
        .post_from_in(
            &app.client,
            &page,
            STEP_ACTION,
            &[("credential", &credential)],
        )
        .await;
    assert_redirect_to(&signed_in, "/");
    app.assert_new_session_id(&before, "the passkey raised trust");
    assert_eq!(app.get("/account/security").await.status().as_u16(), 200);
    assert_eq!(
        app.last_detail("sign_in.succeeded").await.as_deref(),
        Some("password and passkey")
    );
    assert_eq!(app.sign_count_of(id).await, 1);
    let settings = app.get_text("/account/security").await;
    assert!(
        !settings.contains(r#"<td data-label="Last used">Not yet</td>"#),
        "{settings}"
    );
    assert!(settings.contains(r#"<td data-label="Last used"><time datetime="#));
    assert_eq!(app.sms.sent().len(), texts);

    // Each use moves the counter on.
    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    assert_redirect_to(
        &app.use_passkey_in(&app.client, &mut authenticator).await,
        "/",
    );
    assert_eq!(app.sign_count_of(id).await, 2);
    assert_eq!(app.count_events("passkey.refused").await, 0);
}

async fn a_security_key_without_a_pin_serves_as_the_second_step(app: TestApp) {
    let id = app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let mut authenticator = SoftAuthenticator::new();
    authenticator.user_verification = false;
    let added = app.add_passkey(&mut authenticator, "Blue key").await;
    assert_redirect_to(&added, "/account/security/recovery-codes/new");
    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let signed_in = app.use_passkey_in(&app.client, &mut authenticator).await;
    assert_redirect_to(&signed_in, "/");
    assert_eq!(app.sign_count_of(id).await, 1);
    // Ticking "Trust this device" skips the passkey next time, not the password.
    app.post_logout().await;
    app.sign_in_first_step("ada@example.com").await;
    let page = app.passkey_page_in(&app.client, "/login/verify").await;
    let credential = authenticator
        .authenticate(&page.options, &app.passkey_origin())
        .to_string();
    let trusted = app
        .post_from_in(
            &app.client,
            &page,
            STEP_ACTION,
            &[("credential", &credential), ("trust_device", "yes")],
        )
        .await;
    assert_redirect_to(&trusted, "/");
    app.assert_audit_contains("device.trusted").await;
    app.post_logout().await;
    assert_redirect_to(&app.post_login("ada@example.com", GOOD_PASSWORD).await, "/");
    assert_eq!(app.sign_count_of(id).await, 2);
}

async fn a_passkey_alone_signs_in_with_user_verification(app: TestApp) {
    let (id, mut authenticator) = app.create_passkey_user("ada@example.com", "Ada").await;
    let login = app.get_text("/login").await;
    assert!(
        login.contains(r#"<a href="/login/passkey">Sign in with a passkey</a>"#),
        "{login}"
    );
    let page = app.passkey_page_in(&app.client, SIGN_IN_PAGE).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.options["userVerification"], "required");
    assert!(
        page.options["allowCredentials"]
            .as_array()
            .is_none_or(|list| list.is_empty()),
        "a discoverable sign-in names no account: {}",
        page.options
    );

    // Without user verification (a key without a PIN), refused: the passkey alone is
    // both steps only with it.
    let (unverified, _) = app.new_browser();
    authenticator.user_verification = false;
    let before = app.stored().await;
    let refused = app
        .sign_in_with_passkey_in(&unverified, &mut authenticator)
        .await;
    assert_page(refused, 401, "Your passkey was not accepted.").await;
    assert_eq!(app.stored().await, before);
    assert_redirect_to(
        &app.get_in(&unverified, "/account/security").await,
        "/login",
    );
    assert_eq!(app.count_events("passkey.refused").await, 1);
    assert_eq!(
        app.count_events("sign_in.succeeded").await,
        1,
        "adding it signed in"
    );

    authenticator.user_verification = true;
    let (browser, jar) = app.new_browser();
    let signed_in = app
        .sign_in_with_passkey_in(&browser, &mut authenticator)
        .await;
    assert_redirect_to(&signed_in, "/");
    assert!(crate::helpers::cookie_value(&jar, &app.address, "twostep_session").is_some());
    assert_eq!(
        app.get_in(&browser, "/account/security")
            .await
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        app.last_detail("sign_in.succeeded").await.as_deref(),
        Some("passkey")
    );
    assert_eq!(
        app.sign_count_of(id).await,
        2,
        "the refused answer moved nothing"
    );

    // From a link that asked for a page first, back to it.
    let (browser, _) = app.new_browser();
    let page = app
        .passkey_page_in(&browser, "/login/passkey?next=/rooms/7")
        .await;
    assert!(
        page.html
            .contains(r#"<input type="hidden" name="next" value="/rooms/7">"#)
    );
    let credential = authenticator
        .authenticate(&page.options, &app.passkey_origin())
        .to_string();
    let signed_in = app
        .post_from_in(
            &browser,
            &page,
            SIGN_IN_PAGE,
            &[("credential", &credential), ("next", "/rooms/7")],
        )
        .await;
    let to = crate::helpers::location_of(&signed_in).unwrap();
    assert!(to.starts_with("/rooms/7?"), "{to}");
}

async fn a_disabled_account_is_told_only_after_the_passkey(app: TestApp) {
    let (id, mut authenticator) = app.create_passkey_user("ada@example.com", "Ada").await;
    app.kit().disable(id).await;
    let (browser, _) = app.new_browser();
    let refused = app
        .sign_in_with_passkey_in(&browser, &mut authenticator)
        .await;
    assert_page(refused, 403, "This account is disabled.").await;
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM sessions WHERE user_id = $1", id)
            .await,
        0
    );
}

with_passkeys!(
    the_password_then_a_passkey_and_no_text_is_sent,
    a_security_key_without_a_pin_serves_as_the_second_step,
    a_passkey_alone_signs_in_with_user_verification,
    a_disabled_account_is_told_only_after_the_passkey,
);
