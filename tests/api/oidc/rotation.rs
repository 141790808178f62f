//! `twostep signing-key rotate`, run as the operator runs it (the binary, on the portal's
//! database), while the portal serves: the new key is published before it signs, and the
//! old one stays published until the last ID token it signed has expired.

use std::process::Command;

use serde_json::Value;
use twostep::clock::Clock;
use twostep::config::Settings;
use twostep::startup::Application;

use crate::helpers::{Backend, fresh_database_url};
use crate::on_each_backend;

async fn kids(address: &str) -> Vec<String> {
    let jwks: Value = reqwest::get(format!("{address}/oauth2/jwks"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            assert_eq!(k["kty"], "RSA");
            assert_eq!(k["alg"], "RS256");
            k["kid"].as_str().unwrap().to_owned()
        })
        .collect()
}

/// Runs `signing-key rotate`, waiting on a blocking thread: the portal in this test's
/// one-threaded runtime must go on (and finish a transaction it holds) meanwhile.
async fn rotate(
    url: &str,
    dir: &std::path::Path,
    secret: &twostep::config::SecretKey,
) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_twostep"));
    command
        .args(["signing-key", "rotate"])
        .env("DATABASE_URL", url)
        .env("TWOSTEP_DATA_DIR", dir)
        .env("TWOSTEP_SECRET_KEY", hex::encode(secret.expose()));
    tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap()
}

async fn rotating_publishes_first_and_retires_late(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(backend, dir.path()).await else {
        return;
    };
    let mut settings = Settings::for_database(&url, dir.path());
    settings.bind = "127.0.0.1:0".parse().unwrap();
    // Idle between requests, as tests/api/cli.rs keeps its portal: the email sender looks
    // at the outbox once an hour, so the command meets no other writer on SQLite.
    settings.mail.poll = std::time::Duration::from_secs(3_600);
    let secret = settings.secret_key.clone();
    let clock = Clock::system();
    let app = Application::build_with_clock(settings, clock.clone())
        .await
        .unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    let services = app.state();
    tokio::spawn(app.run_until_stopped());
    let first = kids(&address).await;
    assert_eq!(first.len(), 1, "a key made at first start");
    let signer = services.services.signer().await.unwrap().kid.clone();
    assert_eq!(signer, first[0]);

    // On SQLite the command waits up to 10 s for the portal's write turn; with the whole
    // suite's tests on 2 cores a starved writer of the portal (its janitor at start) can
    // hold it longer. Such a refusal changes nothing, and the operator runs it again.
    let mut rotated = rotate(&url, dir.path(), &secret).await;
    for _ in 0..2 {
        if !String::from_utf8_lossy(&rotated.stderr).contains("database is locked") {
            break;
        }
        rotated = rotate(&url, dir.path(), &secret).await;
    }
    let said = String::from_utf8_lossy(&rotated.stdout).into_owned();
    assert!(
        rotated.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&rotated.stderr)
    );
    assert!(said.starts_with("New signing key "), "{said}");
    let new_kid = said["New signing key ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .to_owned();

    // Instances read the keys again within a minute.
    clock.advance(61);
    assert_eq!(kids(&address).await, [first[0].clone(), new_kid.clone()]);
    assert_eq!(
        services.services.signer().await.unwrap().kid,
        first[0],
        "not signing yet"
    );
    clock.advance(3_600);
    assert_eq!(services.services.signer().await.unwrap().kid, new_kid);
    assert_eq!(
        kids(&address).await,
        [first[0].clone(), new_kid.clone()],
        "the old key's tokens live on"
    );
    clock.advance(600);
    assert_eq!(kids(&address).await, [new_kid]);
}

on_each_backend!(rotating_publishes_first_and_retires_late => rotation_sqlite, rotation_postgres);
