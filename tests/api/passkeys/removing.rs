//! Removing passkeys: one of several, the last (2-step verification off, or the other
//! method takes over), the last of someone who must use 2-step verification, and all of
//! them with 2-step verification turned off.

use super::{SIGN_IN_PAGE, with_passkeys};
use crate::helpers::{GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to, location_of};
use crate::kit::authenticator::SoftAuthenticator;

impl TestApp {
    /// The id of the passkey named `name`.
    async fn passkey_id(&self, name: &'static str) -> i64 {
        sqlx::query_scalar("SELECT id FROM passkeys WHERE name = $1")
            .bind(name)
            .fetch_one(&self.db.pool)
            .await
            .unwrap()
    }

    /// "Remove" beside passkey `id` on My security settings.
    async fn remove_passkey(&self, id: i64) -> reqwest::Response {
        let action = format!("/account/security/passkeys/{id}/remove");
        self.submit("/account/security", &action, &[]).await
    }

    /// Signed in as a new user with passkeys named `names` (the first turned 2-step
    /// verification on; its codes are saved).
    async fn user_with_passkeys(&self, email: &str, names: &[&str]) -> (i64, SoftAuthenticator) {
        let id = self.create_user(email, "Ada Lovelace", false).await;
        self.post_login(email, GOOD_PASSWORD).await;
        let mut authenticator = SoftAuthenticator::new();
        for (n, name) in names.iter().enumerate() {
            let added = self.add_passkey(&mut authenticator, name).await;
            assert!(added.status().is_redirection(), "{name}");
            if n == 0 {
                self.confirm_codes_saved().await;
            }
        }
        (id, authenticator)
    }
}

async fn removing_one_then_the_last_turns_two_step_off(app: TestApp) {
    let (id, mut authenticator) = app
        .user_with_passkeys("ada@example.com", &["Laptop", "Blue key"])
        .await;
    let laptop = app.passkey_id("Laptop").await;
    let asked = app
        .get_text(&format!("/account/security/passkeys/{laptop}/remove"))
        .await;
    assert!(
        asked.contains(r#"Remove the passkey &#34;Laptop&#34;?"#),
        "{asked}"
    );
    assert!(!asked.contains("It is your last passkey"));

    let removed = app.remove_passkey(laptop).await;
    assert_redirect_to(&removed, "/account/security?notice=passkey-removed");
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 1);
    assert_eq!(
        app.last_detail("passkey.removed").await.as_deref(),
        Some("Laptop")
    );
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("passkey"));
    let email = app
        .email_about(
            "ada@example.com",
            "A passkey was removed from your Twostep account",
        )
        .await;
    assert!(
        email.contains(r#"The passkey "Laptop" can no longer be used to sign in"#),
        "{email}"
    );
    let settings = app
        .get_text("/account/security?notice=passkey-removed")
        .await;
    assert!(settings.contains("The passkey was removed."));
    assert!(!settings.contains(">Laptop<") && settings.contains(">Blue key<"));
    // The removed credential no longer signs in.
    let (browser, _) = app.new_browser();
    let page = app.passkey_page_in(&browser, SIGN_IN_PAGE).await;
    let mut options = page.options.clone();
    options["allowCredentials"] =
        serde_json::json!([{"type": "public-key", "id": base64_id(&authenticator, 0)}]);
    let answer = authenticator
        .authenticate(&options, &app.passkey_origin())
        .to_string();
    let refused = app
        .post_from_in(&browser, &page, SIGN_IN_PAGE, &[("credential", &answer)])
        .await;
    assert_page(refused, 401, "Your passkey was not accepted.").await;
    assert_eq!(
        app.last_detail("passkey.refused").await.as_deref(),
        Some("unknown passkey")
    );

    // The last one, the only method: 2-step verification turns off.
    let key = app.passkey_id("Blue key").await;
    let asked = app
        .get_text(&format!("/account/security/passkeys/{key}/remove"))
        .await;
    assert!(asked.contains("It is your last passkey"), "{asked}");
    assert_redirect_to(
        &app.remove_passkey(key).await,
        "/account/security?notice=passkey-removed",
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 0);
    assert_eq!(app.two_factor_method(id).await, None);
    app.assert_audit_contains("two_step.disabled").await;
    assert_eq!(app.count_events("passkey.removed").await, 1);
    app.post_logout().await;
    assert_redirect_to(&app.post_login("ada@example.com", GOOD_PASSWORD).await, "/");
}

fn base64_id(authenticator: &SoftAuthenticator, index: usize) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&authenticator.credentials[index].id)
}

async fn the_phone_takes_over_from_the_last_passkey(app: TestApp) {
    let id = app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    let mut authenticator = SoftAuthenticator::new();
    app.add_passkey(&mut authenticator, "Laptop").await;
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("passkey"));
    let laptop = app.passkey_id("Laptop").await;
    assert_redirect_to(
        &app.remove_passkey(laptop).await,
        "/account/security?notice=passkey-removed",
    );
    app.assert_sms_on(id, PHONE).await;
    assert_eq!(
        app.last_detail("two_step.factor_removed").await.as_deref(),
        Some("passkey")
    );
    app.email_about(
        "ada@example.com",
        "A sign-in method was removed from your Twostep account",
    )
    .await;
    // The next sign-in texts a code again.
    let texts = app.sms.sent().len();
    app.sign_in_again_after_the_cooldown("ada@example.com")
        .await;
    assert_eq!(app.sms.sent().len(), texts + 1);
}

async fn someone_who_must_use_two_step_keeps_their_last_passkey(app: TestApp) {
    let (id, _) = app.user_with_passkeys("ada@example.com", &["Laptop"]).await;
    let group = app.kit().create_group("Finance", "required", None).await;
    app.kit().add_member(group, "ada@example.com").await;
    let laptop = app.passkey_id("Laptop").await;

    let settings = app.get_text("/account/security").await;
    assert!(
        settings
            .contains("Your last passkey cannot be removed while 2-step verification is required"),
        "{settings}"
    );
    assert!(!settings.contains(r#"aria-label="Remove Laptop""#));
    let asked = app
        .get(&format!("/account/security/passkeys/{laptop}/remove"))
        .await;
    assert_eq!(
        location_of(&asked).as_deref(),
        Some("/account/security#passkeys")
    );
    let refused = app.remove_passkey(laptop).await;
    assert_page(refused, 403, "your last passkey cannot be removed").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 1);
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("passkey"));
    assert_eq!(app.count_events("passkey.removed").await, 0);

    // With a second one, either may go.
    let mut authenticator = SoftAuthenticator::new();
    app.add_passkey(&mut authenticator, "Blue key").await;
    assert_redirect_to(
        &app.remove_passkey(laptop).await,
        "/account/security?notice=passkey-removed",
    );
}

async fn turning_two_step_off_removes_every_passkey(app: TestApp) {
    let (id, mut authenticator) = app
        .user_with_passkeys("ada@example.com", &["Laptop", "Blue key"])
        .await;
    let off = app
        .submit("/account/security", "/account/security/two-step/off", &[])
        .await;
    assert_redirect_to(&off, "/account/security?notice=two-step-off");
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 0);
    assert_eq!(app.two_factor_method(id).await, None);
    let settings = app.get_text("/account/security").await;
    assert!(settings.contains("You have no passkeys."));
    let (browser, _) = app.new_browser();
    let refused = app
        .sign_in_with_passkey_in(&browser, &mut authenticator)
        .await;
    assert_page(refused, 401, "Your passkey was not accepted.").await;
}

with_passkeys!(
    removing_one_then_the_last_turns_two_step_off,
    the_phone_takes_over_from_the_last_passkey,
    someone_who_must_use_two_step_keeps_their_last_passkey,
    turning_two_step_off_removes_every_passkey,
);
