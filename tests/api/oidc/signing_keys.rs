//! The keys ID tokens are signed with: published in `/oauth2/jwks` by `kid`, the private
//! half stored sealed; a rotation publishes the new key an hour before it signs, and the
//! old one stays published until the last token it signed has expired. On both databases.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use sqlx::Row;

use super::{
    CALLBACK, begin, finish, published_kids, relying_party, signed_in_browser_with_code, spawn,
};
use crate::helpers::{Backend, TestApp};
use crate::on_each_backend;

const EMAIL: &str = "ada@example.com";

/// A fresh sign-in's ID token, exchanged by hand: the token as received.
async fn id_token(app: &TestApp, client_id: &str, secret: &str) -> String {
    let attempt = begin(&relying_party(app, client_id, Some(secret)).await, &[], &[]);
    let (_, code) = signed_in_browser_with_code(app, &attempt, EMAIL).await;
    let answer = super::post_token(
        app,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", CALLBACK),
            ("code_verifier", attempt.verifier.secret()),
        ],
        Some((client_id, secret)),
    )
    .await;
    assert_eq!(answer.status(), 200);
    let body: serde_json::Value = answer.json().await.unwrap();
    body["id_token"].as_str().unwrap().to_owned()
}

/// The `kid` an ID token names, and its algorithm.
fn kid_of(token: &str) -> String {
    let header = jsonwebtoken::decode_header(token).unwrap();
    assert_eq!(header.alg, jsonwebtoken::Algorithm::RS256);
    header.kid.expect("a kid")
}

/// True when `token` verifies against the key set published now (as a relying party
/// that fetches it afresh checks it).
async fn verifies_now(app: &TestApp, token: &str) -> bool {
    let kid = kid_of(token);
    let keys: serde_json::Value = reqwest::get(app.url("/oauth2/jwks"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let Some(key) = keys["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == kid.as_str())
    else {
        return false;
    };
    let key = jsonwebtoken::DecodingKey::from_rsa_components(
        key["n"].as_str().unwrap(),
        key["e"].as_str().unwrap(),
    )
    .unwrap();
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
    validation.validate_aud = false;
    // Judged at the portal's time, which the test moved.
    validation.validate_exp = false;
    let Ok(data) = jsonwebtoken::decode::<serde_json::Value>(token, &key, &validation) else {
        return false;
    };
    data.claims["exp"].as_i64().unwrap() > app.clock.now()
}

/// Moves the portal's clock to `at` (Unix seconds).
fn move_to(app: &TestApp, at: i64) {
    app.clock.advance(at - app.clock.now());
}

async fn the_signing_key_is_published_by_kid_and_stored_sealed(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let kids = published_kids(&app).await;
    assert_eq!(kids.len(), 1);
    let token = id_token(&app, &client_id, &secret).await;
    assert_eq!(kid_of(&token), kids[0]);
    // The relying party library verifies it against the published key.
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let attempt = begin(&rp, &[], &[]);
    let (_, code) = signed_in_browser_with_code(&app, &attempt, EMAIL).await;
    finish(&rp, attempt, &code).await;

    let rows = sqlx::query("SELECT sealed_private_key, modulus FROM signing_keys")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    let sealed: String = rows[0].get(0);
    let modulus: String = rows[0].get(1);
    assert!(!sealed.starts_with("MII"), "not a DER key in base64");
    assert!(!sealed.contains("PRIVATE KEY"), "not a PEM key");
    // The private key holds the modulus in the clear; the sealed one does not.
    let modulus = URL_SAFE_NO_PAD.decode(modulus).unwrap();
    // `{key id}:{base64}`: the id of the secret key it is sealed under, then the value.
    let (key_id, sealed) = sealed.split_once(':').unwrap();
    assert_eq!(key_id, app.state.services.keyring().current_id());
    let bytes = STANDARD_NO_PAD.decode(sealed).unwrap();
    assert!(
        !bytes
            .windows(modulus.len())
            .any(|w| w == modulus.as_slice()),
        "the private key is sealed"
    );
}

on_each_backend!(the_signing_key_is_published_by_kid_and_stored_sealed => sealed_key_sqlite, sealed_key_postgres);

/// A rotation: the new key is published at once, signs an hour later, and the old one
/// stays published until the tokens it signed have expired (10 minutes), then goes.
async fn a_rotated_key_is_published_before_it_signs_and_the_old_one_after(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let old = published_kids(&app).await.remove(0);

    let rotation = app.state.services.rotate_signing_key().await.unwrap();
    let new = rotation.kid.clone();
    assert_ne!(new, old);
    assert_eq!(published_kids(&app).await, [old.clone(), new.clone()]);
    assert!(rotation.signs_from >= app.clock.now() + 3590);
    let before = id_token(&app, &client_id, &secret).await;
    assert_eq!(kid_of(&before), old, "published, not signing yet");

    move_to(&app, rotation.signs_from - 5);
    let last_of_old = id_token(&app, &client_id, &secret).await;
    assert_eq!(kid_of(&last_of_old), old);

    move_to(&app, rotation.signs_from);
    let first_of_new = id_token(&app, &client_id, &secret).await;
    assert_eq!(
        kid_of(&first_of_new),
        new,
        "the new key signs from its time"
    );
    assert_eq!(published_kids(&app).await, [old.clone(), new.clone()]);
    assert!(verifies_now(&app, &last_of_old).await);
    assert!(verifies_now(&app, &first_of_new).await);
    // A relying party that discovers now verifies the new tokens.
    let rp = relying_party(&app, &client_id, Some(&secret)).await;
    let attempt = begin(&rp, &[], &[]);
    let (_, code) = signed_in_browser_with_code(&app, &attempt, EMAIL).await;
    finish(&rp, attempt, &code).await;

    move_to(&app, rotation.signs_from + 590);
    assert_eq!(published_kids(&app).await, [old.clone(), new.clone()]);
    assert!(
        verifies_now(&app, &last_of_old).await,
        "its token still lives"
    );

    move_to(&app, rotation.signs_from + 600);
    assert_eq!(published_kids(&app).await, [new]);
    // The next rotation deletes the key no longer published.
    app.state.services.rotate_signing_key().await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM signing_keys").await, 2);
    assert!(!app.text_in_table("signing_keys").await.contains(&old));
}

on_each_backend!(a_rotated_key_is_published_before_it_signs_and_the_old_one_after => rotation_sqlite, rotation_postgres);

/// However the portal caches its keys, a token signed with a key verifies against the
/// published key set until it expires, and the new key signs from its time: the key set
/// read just before the switch is not used past it.
async fn every_live_token_s_key_is_published(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    app.create_user(EMAIL, "Ada Lovelace", false).await;
    let (client_id, secret) = app.kit().confidential_application("CRM").await;
    let old = published_kids(&app).await.remove(0);
    let rotation = app.state.services.rotate_signing_key().await.unwrap();

    // The portal reads its keys just before the switch…
    move_to(&app, rotation.signs_from - 10);
    assert_eq!(kid_of(&id_token(&app, &client_id, &secret).await), old);
    // …and signs just after it.
    move_to(&app, rotation.signs_from + 20);
    let token = id_token(&app, &client_id, &secret).await;
    assert_eq!(
        kid_of(&token),
        rotation.kid,
        "signed with the key whose time has come"
    );
    for at in [300, 599, 619] {
        move_to(&app, rotation.signs_from + at);
        assert!(verifies_now(&app, &token).await, "at +{at}");
    }
}

on_each_backend!(every_live_token_s_key_is_published => live_tokens_sqlite, live_tokens_postgres);
