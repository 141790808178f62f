//! My security settings: re-authentication, phone changes, turning 2-step verification off,
//! and the phone numbers people type.

use crate::helpers::{Backend, GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to};
use crate::on_both_databases;

/// The phone number kept for user `id`.
async fn stored_phone(app: &TestApp, id: i64) -> String {
    app.fetch_scalar("SELECT phone FROM users WHERE id = $1", id)
        .await
}

/// Gives `password` on the confirm page reached from `page`, to go on to `next`.
async fn confirm_password(
    app: &TestApp,
    page: &str,
    password: &str,
    next: &str,
) -> reqwest::Response {
    app.submit(
        page,
        "/account/confirm",
        &[("password", password), ("next", next)],
    )
    .await
}

async fn sensitive_pages_ask_for_the_password_after_ten_minutes(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    app.clock.advance(10 * 60 + 1);
    assert_redirect_to(
        &app.get("/account/security/sms").await,
        "/account/confirm?next=/account/security/sms",
    );
    let post = app
        .submit(
            "/account/security",
            "/account/security/sms",
            &[("phone", PHONE)],
        )
        .await;
    assert_redirect_to(&post, "/account/confirm?next=/account/security/sms");
    assert!(
        app.sms.sent().is_empty(),
        "nothing is sent without the password"
    );

    let page = app
        .get_text("/account/confirm?next=/account/security/sms")
        .await;
    assert!(page.contains("Confirm your password"));
    let confirm_page = "/account/confirm?next=/account/security/sms";
    let wrong = confirm_password(
        &app,
        confirm_page,
        "wrong password here",
        "/account/security/sms",
    )
    .await;
    assert_eq!(wrong.status().as_u16(), 401);
    let before = app.session_cookie().unwrap();
    let right = confirm_password(&app, confirm_page, GOOD_PASSWORD, "/account/security/sms").await;
    assert_redirect_to(&right, "/account/security/sms");
    app.assert_new_session_id(&before, "re-authentication renews the session id");
    assert!(
        app.session_is_dead(&before, "/").await,
        "the id before re-authentication is dead"
    );
    assert_eq!(
        app.get("/account/security/sms").await.status().as_u16(),
        200
    );
    app.assert_audit_contains("reauth.failed").await;
    app.assert_audit_contains("reauth.succeeded").await;

    // The return address cannot leave the account pages.
    let away = confirm_password(
        &app,
        "/account/confirm",
        GOOD_PASSWORD,
        "https://evil.example/",
    )
    .await;
    assert_redirect_to(&away, "/account/security");
}

async fn changing_the_phone_needs_a_code_from_the_new_number(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    let form = app.get_text("/account/security/sms").await;
    assert!(form.contains("Change phone number"));
    // Not a set-up: no steps, and Back leads to the settings.
    assert!(!form.contains(r#"<p class="caption">"#), "{form}");
    assert!(form.contains(r#"<p class="back"><a href="/account/security">Back</a></p>"#));

    let same = app.submit_phone("+46 70 123 45 67").await;
    assert_eq!(same.status().as_u16(), 422);
    let new_phone = "+46709876543";
    let sent = app.submit_phone("+46 70 987 65 43").await;
    assert_redirect_to(&sent, "/account/security/sms/verify");
    let new_code = app.sms.last_code_to(new_phone);
    assert_eq!(
        stored_phone(&app, id).await,
        PHONE,
        "the old number stays until the new one is verified"
    );

    // A sign-in code is not a phone-change code.
    let verified = app.submit_phone_code(&new_code).await;
    assert_redirect_to(&verified, "/account/security?notice=phone-changed");
    assert_eq!(stored_phone(&app, id).await, new_phone);
    app.assert_audit_contains("phone.changed").await;

    app.sign_in_again_after_the_cooldown("ada@example.com")
        .await;
    assert_eq!(
        app.sms.count_to(new_phone),
        2,
        "sign-in codes now go to the new number"
    );
}

async fn turning_off_needs_the_password_and_then_sign_in_needs_no_code(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    let settings = app.get_text("/account/security").await;
    assert!(settings.contains(r#"<strong class="tag tag-on">On</strong>"#));

    assert!(settings.contains(r#"<a href="/account/security/two-step/off">Turn off"#));

    // Ten minutes on, the question itself asks for the password first, then comes back.
    app.clock.advance(11 * 60);
    let asked = app.get("/account/security/two-step/off").await;
    assert_redirect_to(
        &asked,
        "/account/confirm?next=/account/security/two-step/off",
    );
    let refused = app
        .submit("/account/security", "/account/security/two-step/off", &[])
        .await;
    assert_redirect_to(
        &refused,
        "/account/confirm?next=/account/security/two-step/off",
    );
    let back = confirm_password(
        &app,
        "/account/confirm",
        GOOD_PASSWORD,
        "/account/security/two-step/off",
    )
    .await;
    assert_redirect_to(&back, "/account/security/two-step/off");
    // The question says what stops working; asking changes nothing.
    let question = app.get_text("/account/security/two-step/off").await;
    assert!(
        question.contains("<h1>Turn off 2-step verification?</h1>"),
        "{question}"
    );
    assert!(question.contains("Signing in will need only your password."));
    assert!(
        question.contains(r#"<span class="visually-hidden">Warning: </span>"#),
        "what stops working is a warning, named so to screen readers: {question}"
    );
    assert!(question.contains("We will no longer text sign-in codes to +46"));
    assert!(question.contains(r#"<a href="/account/security">Cancel</a>"#));
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("sms"));
    let off = app
        .submit(
            "/account/security/two-step/off",
            "/account/security/two-step/off",
            &[],
        )
        .await;
    assert_redirect_to(&off, "/account/security?notice=two-step-off");
    assert_eq!(app.two_factor_method(id).await, None);
    app.assert_audit_contains("two_step.disabled").await;

    app.post_logout().await;
    assert_redirect_to(&app.post_login("ada@example.com", GOOD_PASSWORD).await, "/");
}

async fn administrators_cannot_turn_it_off(app: TestApp) {
    let id = app.create_user("root@example.com", "Root", true).await;
    app.turn_on_sms_in_database(id, PHONE).await;
    app.sign_in_with_sms_code("root@example.com", PHONE).await;
    let settings = app.get_text("/account/security").await;
    assert!(settings.contains("required for your account, so it cannot be turned off"));
    assert!(!settings.contains("/account/security/two-step/off"));
    assert_redirect_to(
        &app.get("/account/security/two-step/off").await,
        "/account/security",
    );
    let forced = app
        .submit("/account/security", "/account/security/two-step/off", &[])
        .await;
    assert_eq!(forced.status().as_u16(), 403);
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("sms"));
}

async fn phone_numbers_are_checked_before_anything_is_sent(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let cases = [
        ("", "Enter your mobile phone number."),
        (
            "070-123 45 67",
            "Enter the phone number with its country code",
        ),
        ("+46 12", "This is not a valid phone number."),
        (
            "+46 8 123 456 78",
            "This is a landline number, which cannot receive text messages.",
        ),
        (
            "' OR 1=1 --",
            "Enter the phone number with its country code",
        ),
    ];
    for (typed, message) in cases {
        let response = app.submit_phone(typed).await;
        assert_eq!(response.status().as_u16(), 422, "{typed}");
        let page = response.text().await.unwrap();
        assert!(page.contains(message), "{typed}: {page}");
    }
    assert!(app.sms.sent().is_empty());
    assert_redirect_to(
        &app.get("/account/security/sms/verify").await,
        "/account/security/sms",
    );
}

async fn a_profile_number_that_cannot_take_codes_is_explained(app: TestApp) {
    let id = app.create_user("ada@example.com", "Ada", false).await;
    // A landline on the profile, as numbers typed before they were checked were stored:
    // corrupt on purpose, since no use case stores one now.
    sqlx::query("UPDATE users SET phone = '+4681234567' WHERE id = $1")
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let page = app.get_text("/account/security/sms").await;
    assert!(
        page.contains("The phone number on your profile cannot receive codes."),
        "{page}"
    );
    assert!(page.contains("Enter a mobile phone number."));
}

/// The password asked again never loses the person's place: a page comes back as it was,
/// and a set of recovery codes left open past the window is still there to save.
async fn asking_for_the_password_again_keeps_the_place(app: TestApp) {
    app.user_with_app("ada@example.com").await;
    let codes = app.shown_recovery_codes().await;
    // Left open to print, for longer than the window.
    app.clock.advance(11 * 60);
    let done = app
        .submit(
            "/account/security/recovery-codes/new",
            "/account/security/recovery-codes/done",
            &[("saved", "yes")],
        )
        .await;
    assert_redirect_to(
        &done,
        "/account/confirm?next=/account/security/recovery-codes/new",
    );
    let back = confirm_password(
        &app,
        "/account/confirm",
        GOOD_PASSWORD,
        "/account/security/recovery-codes/new",
    )
    .await;
    assert_redirect_to(&back, "/account/security/recovery-codes/new");
    assert_eq!(
        app.shown_recovery_codes().await,
        codes,
        "the same codes, still to save"
    );
    app.confirm_codes_saved().await;

    // A page asked for (a GET) comes back itself.
    app.clock.advance(11 * 60);
    assert_redirect_to(
        &app.get("/account/security/app").await,
        "/account/confirm?next=/account/security/app",
    );
    // With nothing left to save, the codes page asks whether to make new ones.
    confirm_password(&app, "/account/confirm", GOOD_PASSWORD, "/account/security").await;
    assert_redirect_to(
        &app.get("/account/security/recovery-codes/new").await,
        "/account/security/recovery-codes",
    );
}

/// The confirm page's address for coming back to `next`.
fn confirm_page_for(next: &str) -> String {
    format!("/account/confirm?next={}", next.replace('&', "%26"))
}

/// Advances past the 10-minute window, then sends the form on `page` to `action`: it is
/// stopped to ask for the password, and comes back afterwards to `back`.
async fn interrupted_post_comes_back_to(app: &TestApp, action: &str, back: &str) {
    app.clock.advance(11 * 60);
    let stopped = app.submit("/account/security", action, &[]).await;
    assert_redirect_to(&stopped, &confirm_page_for(back));
    let confirmed = confirm_password(app, &confirm_page_for(back), GOOD_PASSWORD, back).await;
    assert_redirect_to(&confirmed, back);
}

/// A form stopped by the password question comes back to a page that asks its question
/// again (a POST is never replayed); a page asked for (a GET) comes back itself, query and
/// all, and a download to the page it was on.
async fn an_interrupted_request_comes_back_to_its_question(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    app.switch_to_the_app().await;

    // Removing a method: the question, with the same button; nothing removed meanwhile.
    interrupted_post_comes_back_to(
        &app,
        "/account/security/app/remove",
        "/account/security/app/remove",
    )
    .await;
    let question = app.get_text("/account/security/app/remove").await;
    assert!(
        question.contains("<h1>Remove your authenticator app?</h1>"),
        "{question}"
    );
    assert!(question.contains("its key is deleted"));
    assert!(question.contains("Sign-in codes will be texted to +46 70 123 45 67 instead."));
    assert!(question.contains(r#"action="/account/security/app/remove""#));
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("app"));

    interrupted_post_comes_back_to(
        &app,
        "/account/security/sms/remove",
        "/account/security/sms/remove",
    )
    .await;
    let question = app.get_text("/account/security/sms/remove").await;
    assert!(
        question.contains("<h1>Remove text messages?</h1>"),
        "{question}"
    );
    assert!(question.contains("We will no longer text sign-in codes to +46 70 123 45 67."));
    assert!(question.contains(r#"action="/account/security/sms/remove""#));
    assert_eq!(stored_phone(&app, id).await, PHONE);

    // Switching back to the number verified before: the same question again.
    interrupted_post_comes_back_to(
        &app,
        "/account/security/sms/use-saved",
        "/account/security/sms/use-saved",
    )
    .await;
    let question = app.get_text("/account/security/sms/use-saved").await;
    assert!(question.contains("<h1>Use text messages for your codes?</h1>"));
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("app"));

    // A code for a new number: back to the page that asks for it, for "Send again" too.
    let new_phone = "+46709876543";
    assert_redirect_to(
        &app.submit_phone(new_phone).await,
        "/account/security/sms/verify",
    );
    interrupted_post_comes_back_to(
        &app,
        "/account/security/sms/verify",
        "/account/security/sms/verify",
    )
    .await;
    interrupted_post_comes_back_to(
        &app,
        "/account/security/sms/resend",
        "/account/security/sms/verify",
    )
    .await;
    assert_eq!(stored_phone(&app, id).await, PHONE, "nothing was verified");

    // A page with a query comes back with it.
    app.clock.advance(11 * 60);
    let page = "/account/security/app?from=settings&step=1";
    let asked = app.get(page).await;
    assert_redirect_to(
        &asked,
        "/account/confirm?next=/account/security/app?from=settings%26step=1",
    );
    let form = app.get_text(&confirm_page_for(page)).await;
    assert!(
        form.contains(r#"name="next" value="/account/security/app?from=settings&#38;step=1""#),
        "{form}"
    );
    assert_redirect_to(
        &confirm_password(&app, &confirm_page_for(page), GOOD_PASSWORD, page).await,
        page,
    );

    // Download, left open past the window: back to the codes, which are still there.
    let codes = app.regenerate_recovery_codes().await;
    app.clock.advance(11 * 60);
    let download = app.get("/account/security/recovery-codes/download").await;
    assert_redirect_to(
        &download,
        "/account/confirm?next=/account/security/recovery-codes/new",
    );
    let back = confirm_password(
        &app,
        "/account/confirm",
        GOOD_PASSWORD,
        "/account/security/recovery-codes/new",
    )
    .await;
    assert_redirect_to(&back, "/account/security/recovery-codes/new");
    assert_eq!(app.shown_recovery_codes().await, codes);
    let file = app
        .get_text("/account/security/recovery-codes/download")
        .await;
    assert!(file.contains(&codes[0]), "{file}");
}

on_both_databases!(
    an_interrupted_request_comes_back_to_its_question,
    asking_for_the_password_again_keeps_the_place,
    sensitive_pages_ask_for_the_password_after_ten_minutes,
    changing_the_phone_needs_a_code_from_the_new_number,
    turning_off_needs_the_password_and_then_sign_in_needs_no_code,
    administrators_cannot_turn_it_off,
    phone_numbers_are_checked_before_anything_is_sent,
    a_profile_number_that_cannot_take_codes_is_explained,
);

/// Numbers outside the allowed countries are refused before anything is sent.
#[tokio::test]
async fn only_allowed_countries_receive_codes() {
    let app = TestApp::spawn_with(Backend::Sqlite, |s| {
        s.sms_allowed_countries = vec!["SE".into()]
    })
    .await
    .unwrap();
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let us = app.submit_phone("+1 201 555 0123").await;
    assert_page(us, 422, "cannot be sent to numbers in this country").await;
    assert!(app.sms.sent().is_empty());
    let se = app.submit_phone("+46 70 123 45 67").await;
    assert_redirect_to(&se, "/account/security/sms/verify");
}

async fn every_factor_change_is_emailed(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    app.turn_on_sms(PHONE).await;
    app.clock.advance(31);
    app.submit_phone("+46709876543").await;
    let code = app.sms.last_code_to("+46709876543");
    app.submit_phone_code(&code).await;
    let key = app.setup_key().await;
    app.confirm_app(&key).await;
    app.submit("/account/security", "/account/security/recovery-codes", &[])
        .await;
    // A new set replaces the old one, and is reported, when the person says it is saved.
    app.confirm_codes_saved().await;
    app.submit("/account/security", "/account/security/two-step/off", &[])
        .await;

    let subjects: Vec<String> = sqlx::query_scalar(
        "SELECT subject FROM outbox WHERE to_address = 'ada@example.com' ORDER BY id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(
        subjects,
        [
            "2-step verification is on for your Twostep account",
            "Your Twostep phone number was changed",
            "Your Twostep sign-in codes now come from an authenticator app",
            "New recovery codes for your Twostep account",
            "2-step verification is off for your Twostep account",
        ]
    );
    let body: String = sqlx::query_scalar("SELECT body FROM outbox ORDER BY id LIMIT 1")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert!(
        body.contains("text messages to +46 ••• •• 67") && body.contains("If this was not you")
    );
}

on_both_databases!(every_factor_change_is_emailed);
