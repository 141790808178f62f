//! What pages say, where the words misled (issue 22, items 12, 14 and 15): a session an
//! administrator ended, the reset question, an account without recovery codes, expired
//! links, "Check your email", the add-user form, and phone numbers in national format.

use crate::admin::signed_in_admin;
use crate::helpers::{GOOD_PASSWORD, TestApp, assert_page, assert_redirect_to, submit_with};
use crate::on_both_databases;

on_both_databases!(
    a_browser_an_administrator_signed_out_is_told_so,
    the_reset_question_names_only_what_the_user_has,
    an_account_without_recovery_codes_shows_a_dash,
    dead_links_are_titled_this_link_has_expired,
    check_your_email_shows_the_address_and_promises_nothing,
    the_add_user_form_speaks_of_the_person_added,
    numbers_in_national_format_are_read_in_the_default_country,
);

/// "Sign out everywhere": the user's browser, back at the sign-in page, reads that an
/// administrator signed it out; a browser that merely signed out, or a new one, does not.
async fn a_browser_an_administrator_signed_out_is_told_so(app: TestApp) {
    let user = app.create_user("user@example.com", "Bob", false).await;
    let bob = app.signed_in_browser("user@example.com").await;
    let (other, _) = app.new_browser();
    signed_in_admin(&app).await;
    let ended = app
        .submit(
            &format!("/admin/users/{user}"),
            &format!("/admin/users/{user}/sign-out"),
            &[],
        )
        .await;
    assert!(ended.status().is_redirection(), "{}", ended.status());

    let away = app.get_in(&bob, "/account/security").await;
    assert_eq!(away.headers()["location"], "/login");
    let login = app.get_text_in(&bob, "/login").await;
    assert!(
        login.contains("An administrator signed you out. Sign in again to continue."),
        "{login}"
    );
    assert!(
        !app.get_text_in(&other, "/login")
            .await
            .contains("An administrator signed you out"),
        "a browser of nobody's is told nothing"
    );
    // Nothing of the account stays in the ended session: it lists nowhere, and signing in
    // again starts afresh, without the notice.
    let left: i64 = app
        .fetch_scalar("SELECT COUNT(*) FROM sessions WHERE user_id = $1", user)
        .await;
    assert_eq!(left, 0);
    let again = submit_with(
        &bob,
        &app.address,
        "/login",
        "/login",
        &[("email", "user@example.com"), ("password", GOOD_PASSWORD)],
    )
    .await;
    assert_redirect_to(&again, "/");
    assert_eq!(app.get_in(&bob, "/account/security").await.status(), 200);
    let signed_out = submit_with(&bob, &app.address, "/", "/logout", &[]).await;
    assert!(signed_out.status().is_redirection());
    assert!(
        !app.get_text_in(&bob, "/login")
            .await
            .contains("An administrator signed you out"),
        "signing out oneself is not an administrator's doing"
    );
}

/// The reset question lists what the reset removes, and only what the user has.
async fn the_reset_question_names_only_what_the_user_has(app: TestApp) {
    let plain = app
        .create_user("plain@example.com", "Pat Plain", false)
        .await;
    let texted = app.create_sms_user("sms@example.com", "+46705550101").await;
    signed_in_admin(&app).await;

    let question = app.get_text(&format!("/admin/users/{plain}/reset")).await;
    assert!(
        question
            .contains("Pat Plain (plain@example.com) has no 2-step verification method set up."),
        "{question}"
    );
    for absent in [
        "authenticator",
        "recovery code",
        "trusted device",
        "Removed:",
    ] {
        assert!(!question.contains(absent), "{absent}: {question}");
    }
    assert!(question.contains("Every session ends"));

    let question = app.get_text(&format!("/admin/users/{texted}/reset")).await;
    assert!(
        question.contains("will no longer sign in with codes texted to their phone."),
        "{question}"
    );
    assert!(
        question.contains("Removed: their phone as a sign-in method and their 10 recovery codes."),
        "{question}"
    );
    assert!(!question.contains("authenticator"), "{question}");
}

async fn an_account_without_recovery_codes_shows_a_dash(app: TestApp) {
    let plain = app
        .create_user("plain@example.com", "Pat Plain", false)
        .await;
    let texted = app.create_sms_user("sms@example.com", "+46705550101").await;
    signed_in_admin(&app).await;
    let page = app.get_text(&format!("/admin/users/{plain}")).await;
    let row = page
        .split("<dt>Recovery codes</dt>")
        .nth(1)
        .expect("the recovery codes row");
    assert!(
        row.trim_start()
            .starts_with(r#"<dd><span aria-label="None">—</span></dd>"#),
        "{row}"
    );
    let page = app.get_text(&format!("/admin/users/{texted}")).await;
    assert!(page.contains("<dd>10 left</dd>"), "{page}");
}

/// Every emailed link that died says so in its title, with 410 Gone.
async fn dead_links_are_titled_this_link_has_expired(app: TestApp) {
    for dead in [
        "/password/set?token=4JpTaVn0k1bS4w7b7kq3N2ZC1QWm2o9r5jKxT0yXQ8E",
        "/register/confirm?token=4JpTaVn0k1bS4w7b7kq3N2ZC1QWm2o9r5jKxT0yXQ8E",
        "/invite?token=4JpTaVn0k1bS4w7b7kq3N2ZC1QWm2o9r5jKxT0yXQ8E",
    ] {
        let page = assert_page(app.get(dead).await, 410, "This link has expired").await;
        assert!(
            page.contains("<title>This link has expired · "),
            "{dead}: {page}"
        );
    }
}

/// "Check your email" names the address typed, the same whether or not it has an account,
/// and the reset page no longer promises 2-step verification to everyone.
async fn check_your_email_shows_the_address_and_promises_nothing(app: TestApp) {
    app.create_user("known@example.com", "Known", false).await;
    for email in ["known@example.com", "nobody@example.com"] {
        let (browser, _) = app.new_browser();
        let asked = submit_with(
            &browser,
            &app.address,
            "/password/forgot",
            "/password/forgot",
            &[("email", email)],
        )
        .await;
        assert_redirect_to(&asked, "/password/forgot?sent=yes");
        let page = app.get_text_in(&browser, "/password/forgot?sent=yes").await;
        assert!(
            page.contains(&format!(
                "If an account has the address <strong>{email}</strong>, we have sent it a link"
            )),
            "{page}"
        );
        assert!(
            page.contains("If you use 2-step verification, it stays on"),
            "{page}"
        );
        assert!(!page.contains("Your 2-step verification stays on"));
    }
    for email in ["known@example.com", "new@example.com"] {
        let (browser, _) = app.new_browser();
        let registered = submit_with(
            &browser,
            &app.address,
            "/register",
            "/register",
            &[
                ("name", "Someone"),
                ("email", email),
                ("password", GOOD_PASSWORD),
            ],
        )
        .await;
        assert_redirect_to(&registered, "/register/check-email");
        let page = app.get_text_in(&browser, "/register/check-email").await;
        assert!(
            page.contains(&format!(
                "We have sent an email to <strong>{email}</strong>."
            )),
            "{page}"
        );
    }
    // Opened alone, the page names no address.
    let page = app.get_text("/register/check-email").await;
    assert!(page.contains("We have sent an email to the address you gave."));
}

async fn the_add_user_form_speaks_of_the_person_added(app: TestApp) {
    signed_in_admin(&app).await;
    let form = app.get_text("/admin/users/new").await;
    assert!(
        form.contains("The person gets no password from you: we email them a link to choose one."),
        "{form}"
    );
    assert!(form.contains("The address they will sign in with."));
    assert!(form.contains("Their mobile number"));
    assert!(!form.contains("you receive a one-time link"), "{form}");
}

/// With a default country, numbers may be typed as that country writes them; a refused
/// number says what kind it is.
async fn numbers_in_national_format_are_read_in_the_default_country(app: TestApp) {
    let user = app.create_user("user@example.com", "Bob", false).await;
    signed_in_admin(&app).await;
    let page = format!("/admin/users/{user}");
    let action = format!("/admin/users/{user}/phone");
    let refused = app
        .submit(&page, &action, &[("phone", "070-555 12 34")])
        .await;
    assert_page(refused, 422, "Enter the phone number with its country code").await;

    let hint = |page: &str| {
        page.split(r#"id="phone-hint">"#)
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .expect("a phone hint")
            .to_owned()
    };
    let before = hint(&app.get_text("/admin/users/new").await);
    assert!(
        before.ends_with("with its country code, for example +46 70 123 45 67."),
        "{before}"
    );
    let settings = app.get_text("/admin/security").await;
    assert!(settings.contains(">Default country for phone numbers</label>"));
    let form = |country: &'static str| {
        let mut form = crate::admin::settings_form("Twostep");
        form.push(("default_country", country));
        form
    };
    let bad = app
        .submit("/admin/security", "/admin/security", &form("Narnia"))
        .await;
    assert_page(bad, 422, "Enter a two-letter country code").await;
    let saved = app
        .submit("/admin/security", "/admin/security", &form("se"))
        .await;
    assert!(saved.status().is_redirection(), "{}", saved.status());
    let detail = app.audit_detail("platform.settings_changed").await;
    assert!(
        detail.contains("Default country for phone numbers: none → SE"),
        "{detail}"
    );

    // Phone fields now show the country's own way first.
    let after = hint(&app.get_text("/admin/users/new").await);
    assert!(
        after.ends_with("for example 070-123 45 67 or +46 70 123 45 67; numbers from other countries start with + and their country code."),
        "{after}"
    );
    let saved = app
        .submit(&page, &action, &[("phone", "070-555 12 34")])
        .await;
    assert_redirect_to(&saved, &format!("/admin/users/{user}?done=phone"));
    let stored: String = app
        .fetch_scalar("SELECT phone FROM users WHERE id = $1", user)
        .await;
    assert_eq!(stored, "+46705551234");

    for (typed, reason) in [
        (
            "08-123 456 78",
            "This is a landline number, which cannot receive text messages.",
        ),
        (
            "+44 909 879 0000",
            "This is a premium-rate number, which cannot receive text messages.",
        ),
        (
            "+1 800 234 5678",
            "This is a toll-free number, which cannot receive text messages.",
        ),
    ] {
        let refused = app.submit(&page, &action, &[("phone", typed)]).await;
        assert_page(refused, 422, reason).await;
    }
}
