//! How fast the outbox drains: `cargo bench --bench mail_drain`.
//!
//! Starts one portal (release build) on a fresh SQLite database — or, with
//! TWOSTEP_BENCH_POSTGRES_URL, two portals on one fresh PostgreSQL database — sending to
//! the test SMTP server, queues 1,000 emails and reports how long until every one was
//! delivered (and that each was delivered once).

// Shared with the other benchmarks and the tests; this one uses a part of each.
#[allow(dead_code)]
mod common;

#[path = "../tests/api/smtp.rs"]
#[allow(dead_code)]
mod smtp;

use std::time::{Duration, Instant};

use twostep::config::Settings;
use twostep::db::Db;
use twostep::startup::Application;

use common::{drop_postgres_database, fresh_postgres_database};

const EMAILS: usize = 1_000;

async fn start(database_url: &str, dir: &std::path::Path, smtp_url: &str) {
    let mut settings = Settings::for_database(database_url, dir);
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.mail.smtp_url = Some(secrecy::SecretString::from(smtp_url.to_owned()));
    settings.mail.from = "Twostep <no-reply@twostep.test>".into();
    let app = Application::build(settings).await.unwrap();
    tokio::spawn(app.run_until_stopped());
}

async fn drain(db: &Db, smtp: &smtp::SmtpServer, instances: usize) -> Duration {
    // Queued while the senders are busy with nothing: one transaction, as a burst would.
    // Data generation, not a test's state: bulk SQL, as a use case per row would take
    // far too long here (the tests make theirs through tests/kit).
    let mut tx = db.pool.begin().await.unwrap();
    for n in 0..EMAILS {
        sqlx::query(
            "INSERT INTO outbox (user_id, to_address, subject, body, created_at, attempts) VALUES (NULL, $1, $2, 'Hello', 0, 0)",
        )
        .bind(format!("user{n}@example.com"))
        .bind(format!("Email {n} of {instances}"))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    let started = Instant::now();
    tx.commit().await.unwrap();
    loop {
        let unsent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        if unsent == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let took = started.elapsed();
    let received = smtp.received();
    let ids: std::collections::BTreeSet<String> = received
        .iter()
        .filter_map(|m| m.header("Message-ID"))
        .collect();
    assert_eq!(ids.len(), received.len(), "no email twice");
    took
}

#[tokio::main]
async fn main() {
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let server = std::env::var("TWOSTEP_BENCH_POSTGRES_URL").ok();
    let database_url = match &server {
        Some(server) => fresh_postgres_database(server).await,
        None => format!("sqlite://{}", dir.path().join("bench.db").display()),
    };
    let smtp = smtp::SmtpServer::start().await;
    start(&database_url, dir.path(), &smtp.url()).await;
    let db = Db::connect(&database_url).unwrap();
    let one = drain(&db, &smtp, 1).await;
    println!(
        "{EMAILS} emails drained by one instance in {:.2} s ({:.0} per second)",
        one.as_secs_f64(),
        EMAILS as f64 / one.as_secs_f64()
    );
    if server.is_some() {
        let second_dir = tempfile::tempdir().unwrap();
        start(&database_url, second_dir.path(), &smtp.url()).await;
        let two = drain(&db, &smtp, 2).await;
        println!(
            "{EMAILS} emails drained by two instances in {:.2} s ({:.0} per second)",
            two.as_secs_f64(),
            EMAILS as f64 / two.as_secs_f64()
        );
        assert_eq!(
            smtp.received().len(),
            2 * EMAILS,
            "each delivered exactly once"
        );
    }
    if let Some(server) = server {
        db.pool.close().await;
        drop_postgres_database(&server, &database_url).await;
    }
}
