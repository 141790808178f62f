//! The secret key's rotation inside the portal (README, "Rotating the secret key"): what
//! is sealed is re-sealed under the new key, what is keyed for long (recovery codes, the
//! subject applications know a person by) does not change, and a value under a key the
//! portal lacks is a 503 that names the key, never a 500. The release binary's whole
//! rotation, with sign-ins before, during and after, is in `tests/ops/secret_key.rs`.

use twostep::config::SecretKey;
use twostep::domain::keyring::key_id;

use crate::helpers::{Backend, GOOD_PASSWORD, TestApp, assert_redirect_to, oathtool};
use crate::on_both_databases;

on_both_databases!(
    what_is_stored_outlives_the_old_key,
    a_value_under_a_key_the_portal_lacks_is_a_503_naming_it,
);

/// Another portal on `app`'s database with the secret key `key` and the previous keys.
async fn portal_on(app: &TestApp, key: &SecretKey, previous: &[SecretKey]) -> TestApp {
    let backend = if app.database_url.starts_with("sqlite") {
        Backend::Sqlite
    } else {
        Backend::Postgres
    };
    let url = app.database_url.clone();
    TestApp::spawn_with(backend, |settings| {
        settings.database_url = url;
        settings.secret_key = key.clone();
        settings.previous_secret_keys = previous.to_vec();
    })
    .await
    .expect("a second portal on the same database")
}

async fn what_is_stored_outlives_the_old_key(app: TestApp) {
    let email = "ada@example.com";
    let key = app.user_with_app(email).await;
    let codes = app.shown_recovery_codes().await;
    let id: i64 = app.count("SELECT MAX(id) FROM users").await;
    let subject = app.state.services.subject_of(id);
    let old = app.state.settings.secret_key.clone();
    let new = SecretKey::generate();

    let during = portal_on(&app, &new, std::slice::from_ref(&old)).await;
    let report = during.state.services.rotate_secret_key().await.unwrap();
    let resealed = |column: &str| {
        report
            .iter()
            .find(|done| done.column == column)
            .map(|done| done.resealed)
    };
    assert_eq!(resealed("totp_secrets.active_sealed"), Some(1));
    assert_eq!(resealed("signing_keys.sealed_private_key"), Some(1));
    assert_eq!(resealed("data_keys.sealed"), Some(1));
    assert!(report.iter().all(|done| done.unopened.is_empty()));
    // Run again: nothing left.
    let again = during.state.services.rotate_secret_key().await.unwrap();
    assert!(again.iter().all(|done| done.resealed == 0), "{again:?}");
    let under: Vec<_> = during.state.services.sealed_key_ids().await.unwrap();
    let new_id = key_id(new.expose());
    // Each run is in the audit log: the key, how many values it re-sealed.
    let total: u64 = report.iter().map(|done| done.resealed).sum();
    assert!(total >= 3, "{report:?}");
    let details: Vec<String> = sqlx::query_scalar(
        "SELECT detail FROM audit_events WHERE event = 'secret_key.rotated' ORDER BY id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(
        details,
        [
            format!("{new_id} {total} (command line)"),
            format!("{new_id} 0 (command line)"),
        ]
    );
    for column in &under {
        assert!(
            column.ids.iter().all(|(id, _)| *id == new_id),
            "{}: {:?}",
            column.column,
            column.ids
        );
    }

    // The old key gone: the app, a recovery code and the subject are as they were.
    let after = portal_on(&app, &new, &[]).await;
    assert_eq!(after.state.services.subject_of(id), subject);
    let answer = after.post_login(email, GOOD_PASSWORD).await;
    assert_redirect_to(&answer, "/login/verify");
    let answer = after
        .submit_sign_in_code(&oathtool(&key, after.clock.now() + 30))
        .await;
    assert_redirect_to(&answer, "/");
    after.post_logout().await;
    after.post_login(email, GOOD_PASSWORD).await;
    let answer = after.submit_recovery_code(&codes[0]).await;
    assert_eq!(
        answer.status(),
        303,
        "a recovery code made under the old key"
    );
    assert!(after.get("/account/security").await.status().is_success());
}

async fn a_value_under_a_key_the_portal_lacks_is_a_503_naming_it(app: TestApp) {
    let email = "ada@example.com";
    let key = app.user_with_app(email).await;
    app.post_logout().await;
    // Corrupted on purpose: the authenticator key now says it is under a key nobody holds.
    sqlx::query("UPDATE totp_secrets SET active_sealed = 'b0a7c0de' || substr(active_sealed, 9)")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let answer = app.post_login(email, GOOD_PASSWORD).await;
    assert_redirect_to(&answer, "/login/verify");
    let answer = app
        .submit_sign_in_code(&oathtool(&key, app.clock.now() + 30))
        .await;
    assert_eq!(answer.status(), 503);
    let page = answer.text().await.unwrap();
    assert!(page.contains("b0a7c0de"), "{page}");
    assert!(page.contains("TWOSTEP_SECRET_KEY_PREVIOUS"), "{page}");
    // Nothing was let in.
    assert_ne!(app.get("/account/security").await.status(), 200);
    assert_eq!(
        app.state.services.missing_key_ids().await.unwrap(),
        vec!["b0a7c0de".to_owned()]
    );
}
