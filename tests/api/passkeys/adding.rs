//! Adding a passkey on My security settings: the ceremony's options, the first one turning
//! 2-step verification on with recovery codes, the list, the email, the password asked
//! again, names, the most a person may keep, an authenticator registered twice.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::{ADD_ACTION, NEW_PAGE, with_passkeys};
use crate::helpers::{GOOD_PASSWORD, TestApp, assert_page, assert_redirect_to, location_of};
use crate::kit::authenticator::SoftAuthenticator;

async fn a_first_passkey_turns_two_step_on_with_recovery_codes(app: TestApp) {
    let id = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let settings = app.get_text("/account/security").await;
    assert!(settings.contains("You have no passkeys."), "{settings}");
    assert!(settings.contains(r#"href="/account/security/passkeys/new">Add a passkey</a>"#));

    let page = app.passkey_page_in(&app.client, NEW_PAGE).await;
    assert_eq!(page.status, 200);
    assert!(
        page.html.contains(
            r#"<form method="post" action="/account/security/passkeys" id="passkey-form""#
        )
    );
    let options = &page.options;
    assert_eq!(options["rp"]["id"], "localhost", "{options}");
    assert_eq!(options["user"]["name"], "ada@example.com");
    assert_eq!(options["attestation"], "none");
    assert_eq!(
        options["authenticatorSelection"]["residentKey"],
        "preferred"
    );
    let handle = URL_SAFE_NO_PAD
        .decode(options["user"]["id"].as_str().unwrap())
        .unwrap();
    assert_eq!(handle.len(), 16, "the user handle is 16 random bytes");
    assert!(!String::from_utf8_lossy(&handle).contains("ada"));
    assert!(
        options["excludeCredentials"]
            .as_array()
            .is_none_or(|list| list.is_empty()),
        "{options}"
    );

    let mut authenticator = SoftAuthenticator::new();
    let credential = authenticator
        .register(&page.options, &app.passkey_origin())
        .to_string();
    let added = app
        .post_from_in(
            &app.client,
            &page,
            ADD_ACTION,
            &[("name", "  Work laptop "), ("credential", &credential)],
        )
        .await;
    assert_redirect_to(&added, "/account/security/recovery-codes/new");
    assert_eq!(app.shown_recovery_codes().await.len(), 10);
    app.confirm_codes_saved().await;

    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("passkey"));
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 1);
    let settings = app.get_text("/account/security").await;
    assert!(
        settings.contains(r#"<td data-label="Name">Work laptop</td>"#),
        "{settings}"
    );
    assert!(settings.contains(r#"<td data-label="Added"><time datetime="#));
    assert!(settings.contains(r#"<td data-label="Last used">Not yet</td>"#));
    assert!(settings.contains("1 passkey, under Passkeys"), "{settings}");
    assert!(settings.contains(r#"aria-label="Remove Work laptop">Remove</button>"#));
    for event in [
        "passkey.added",
        "two_step.enabled",
        "recovery_codes.generated",
    ] {
        app.assert_audit_contains(event).await;
    }
    assert_eq!(
        app.last_detail("passkey.added").await.as_deref(),
        Some("Work laptop")
    );
    assert_eq!(
        app.last_detail("two_step.enabled").await.as_deref(),
        Some("passkey")
    );

    let email = app
        .email_about(
            "ada@example.com",
            "A passkey was added to your Twostep account",
        )
        .await;
    assert!(
        email.contains(r#"The passkey "Work laptop" was added"#),
        "{email}"
    );
    let credential_id = URL_SAFE_NO_PAD.encode(&authenticator.credentials[0].id);
    let handle = options["user"]["id"].as_str().unwrap();
    for secret in [
        credential_id.as_str(),
        handle,
        page.options["challenge"].as_str().unwrap(),
    ] {
        assert!(!email.contains(secret), "the email holds {secret}: {email}");
    }

    // A second one: 2-step verification was on already, so no new codes; the first is
    // excluded from the ceremony (the same authenticator is not registered twice).
    let page = app.passkey_page_in(&app.client, NEW_PAGE).await;
    let excluded = page.options["excludeCredentials"].as_array().unwrap();
    assert_eq!(excluded.len(), 1);
    assert_eq!(excluded[0]["id"], credential_id.as_str());
    let second = app.add_passkey(&mut authenticator, "Blue key").await;
    assert_redirect_to(&second, "/account/security?notice=passkey-added");
    assert_eq!(app.count_events("recovery_codes.generated").await, 1);
    assert_eq!(app.count_events("two_step.enabled").await, 1);
    let settings = app.get_text("/account/security?notice=passkey-added").await;
    assert!(settings.contains("Your passkey was added."));
    assert!(settings.contains("2 passkeys, under Passkeys"));
    let first = settings.find(">Work laptop<").unwrap();
    assert!(first < settings.find(">Blue key<").unwrap(), "oldest first");
}

async fn adding_asks_for_the_password_again_after_ten_minutes(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let page = app.passkey_page_in(&app.client, NEW_PAGE).await;
    let mut authenticator = SoftAuthenticator::new();
    let credential = authenticator
        .register(&page.options, &app.passkey_origin())
        .to_string();

    app.clock.advance(10 * 60 + 1);
    assert_redirect_to(
        &app.get(NEW_PAGE).await,
        "/account/confirm?next=/account/security/passkeys/new",
    );
    // The answer, sent now, is not taken: the password first, then back to the page that
    // adds a passkey (the address the form posts to has no page of its own).
    let posted = app
        .post_from_in(
            &app.client,
            &page,
            ADD_ACTION,
            &[("name", "Laptop"), ("credential", &credential)],
        )
        .await;
    assert_redirect_to(
        &posted,
        "/account/confirm?next=/account/security/passkeys/new",
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 0);
    let confirmed = app
        .submit(
            "/account/confirm?next=/account/security/passkeys/new",
            "/account/confirm",
            &[("password", GOOD_PASSWORD), ("next", NEW_PAGE)],
        )
        .await;
    assert_redirect_to(&confirmed, NEW_PAGE);
    let added = app.add_passkey(&mut authenticator, "Laptop").await;
    assert_redirect_to(&added, "/account/security/recovery-codes/new");
}

async fn a_name_is_asked_for_again_with_what_was_typed(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let long = "x".repeat(61);
    for (typed, problem) in [
        ("   ", "Enter a name for this passkey"),
        (long.as_str(), "Enter a name of 60 characters or fewer."),
        ("Key\u{7}bell", "Enter the name on one line"),
        ("Key\r\nSubject: forged", "Enter the name on one line"),
    ] {
        let mut authenticator = SoftAuthenticator::new();
        let refused = app.add_passkey(&mut authenticator, typed).await;
        let page = assert_page(refused, 422, problem).await;
        assert!(page.contains("<title>Error: Add a passkey"), "{page}");
        assert!(page.contains(r#"aria-invalid="true""#));
        let shown = askama_escaped(typed);
        assert!(
            page.contains(&format!(r#"value="{shown}""#)),
            "the typed name {typed:?} is kept: {page}"
        );
        // The page begins a new ceremony for the next try.
        let options = crate::kit::authenticator::options_on_page(&page).unwrap();
        assert!(options["challenge"].is_string());
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 0);
    assert_eq!(app.count_events("passkey.added").await, 0);
}

/// A name as the page writes it back into the field.
fn askama_escaped(typed: &str) -> String {
    typed
        .replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

async fn ten_passkeys_are_the_most(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let mut authenticator = SoftAuthenticator::new();
    for n in 1..=9 {
        let added = app
            .add_passkey(&mut authenticator, &format!("Key {n}"))
            .await;
        assert!(
            added.status().is_redirection(),
            "key {n}: {}",
            added.status()
        );
        if n == 1 {
            app.confirm_codes_saved().await;
        }
    }
    // A second browser opens the page at 9, the first adds the 10th meanwhile: the
    // answer in the second is then one too many.
    let other = app
        .passkey_signed_in_browser("ada@example.com", &mut authenticator)
        .await;
    let late = app.passkey_page_in(&other, NEW_PAGE).await;
    assert_eq!(late.status, 200);
    let tenth = app.add_passkey(&mut authenticator, "Key 10").await;
    assert_redirect_to(&tenth, "/account/security?notice=passkey-added");
    let credential = authenticator
        .register(&late.options, &app.passkey_origin())
        .to_string();
    let eleventh = app
        .post_from_in(
            &other,
            &late,
            ADD_ACTION,
            &[("name", "Key 11"), ("credential", &credential)],
        )
        .await;
    assert_page(
        eleventh,
        409,
        "You have 10 passkeys, the most you can keep.",
    )
    .await;
    // The page itself says so before any ceremony.
    let full = app.get(NEW_PAGE).await;
    let page = assert_page(full, 409, "Remove one you no longer use").await;
    assert!(
        page.contains(r#"id="passkey-options">{}</script>"#),
        "{page}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 10);
    assert_eq!(app.count_events("passkey.added").await, 10);
}

async fn an_authenticator_registered_already_is_refused(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.create_user("bob@example.com", "Bob Stone", false).await;
    let ada = app.signed_in_browser("ada@example.com").await;
    let mut authenticator = SoftAuthenticator::new();
    let added = app.add_passkey_in(&ada, &mut authenticator, "Laptop").await;
    assert_eq!(
        location_of(&added).as_deref(),
        Some("/account/security/recovery-codes/new")
    );

    // The same credential again, to the same account and to another one.
    let bob = app.signed_in_browser("bob@example.com").await;
    for (browser, who) in [(&ada, "ada"), (&bob, "bob")] {
        let page = app.passkey_page_in(browser, NEW_PAGE).await;
        let again = authenticator
            .register_again(0, &page.options, &app.passkey_origin())
            .to_string();
        let refused = app
            .post_from_in(
                browser,
                &page,
                ADD_ACTION,
                &[("name", "Again"), ("credential", &again)],
            )
            .await;
        assert_page(refused, 409, "This passkey is already registered.").await;
        assert_eq!(app.count("SELECT COUNT(*) FROM passkeys").await, 1, "{who}");
    }
    let bob_id = app.kit().id_of("bob@example.com").await;
    assert_eq!(app.two_factor_method(bob_id).await, None);
    assert_eq!(app.count_events("passkey.added").await, 1);
}

with_passkeys!(
    a_first_passkey_turns_two_step_on_with_recovery_codes,
    adding_asks_for_the_password_again_after_ten_minutes,
    a_name_is_asked_for_again_with_what_was_typed,
    ten_passkeys_are_the_most,
    an_authenticator_registered_already_is_refused,
);
