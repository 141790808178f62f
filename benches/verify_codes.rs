//! Load benchmark for the sign-in second step: `cargo bench --bench verify_codes`.
//!
//! Starts the portal (release build) on a fresh SQLite database, or on a fresh PostgreSQL
//! database created on the server named by TWOSTEP_BENCH_POSTGRES_URL (e.g.
//! postgres://postgres@127.0.0.1:5432/postgres), with codes going to the Twilio stand-in. It signs in
//! USERS users with SMS 2-step verification up to the code step (not measured), then
//! submits every right code from 32 concurrent clients and reports codes verified per
//! second and the latency percentiles of `POST /login/verify`.

// Shared with the other benchmarks; this one leaves `common::portal` unused.
#[allow(dead_code)]
mod common;

#[path = "../tests/api/standins.rs"]
#[allow(dead_code)]
mod standins;

use std::sync::Arc;
use std::time::{Duration, Instant};

use secrecy::SecretString;
use twostep::config::Settings;
use twostep::db::Db;
use twostep::domain::factors::FactorMethod;
use twostep::domain::password::Passwords;
use twostep::startup::Application;

use common::{client, csrf_token, drop_postgres_database, fresh_postgres_database, percentile};

const USERS: usize = 640;
const CONCURRENCY: usize = 32;
const PASSWORD: &str = "violet kettle sings at dawn";

struct Pending {
    client: reqwest::Client,
    token: String,
    code: String,
}

async fn page_text(client: &reqwest::Client, url: &str) -> String {
    let response = client.get(url).send().await.unwrap();
    response.text().await.unwrap()
}

#[tokio::main]
async fn main() {
    // `cargo test --all-targets` builds benches and runs them without --bench: skip there.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let database_url = match std::env::var("TWOSTEP_BENCH_POSTGRES_URL") {
        Ok(server) => fresh_postgres_database(&server).await,
        Err(_) => format!("sqlite://{}", dir.path().join("bench.db").display()),
    };
    let sms = standins::twilio();
    let mut settings = Settings::for_database(&database_url, dir.path());
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.sms_sends_per_ip_per_hour = i64::MAX;
    settings.max_failures_per_ip = i64::MAX;
    settings.sms = sms.twilio_settings();
    let app = Application::build(settings).await.unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());

    let db = Db::connect(&database_url).unwrap();
    let hash = Passwords::new()
        .unwrap()
        .hash(SecretString::from(PASSWORD))
        .await
        .unwrap();
    // Data generation, not a test's state: bulk SQL, as a use case per row would take
    // far too long here (the tests make theirs through tests/kit).
    for n in 0..USERS {
        sqlx::query(
            "INSERT INTO users (email, name, password_hash, phone, phone_verified_at, two_factor_method, is_admin, disabled, created_at, updated_at, email_confirmed_at) \
             VALUES ($1, 'Bench', $2, $3, 1, $4, 0, 0, 0, 0, 0)",
        )
        .bind(format!("user{n}@example.com"))
        .bind(&hash)
        .bind(format!("+4670{:07}", 1_000_000 + n))
        .bind(FactorMethod::Sms)
        .execute(&db.pool)
        .await
        .unwrap();
    }

    eprintln!("Signing {USERS} users in up to the code step…");
    let started = Instant::now();
    let mut pending = Vec::with_capacity(USERS);
    for chunk in (0..USERS).collect::<Vec<_>>().chunks(CONCURRENCY) {
        let logins = chunk.iter().map(|&n| {
            let address = address.clone();
            let sms = sms.clone();
            async move {
                let client = client();
                let page = page_text(&client, &format!("{address}/login")).await;
                let email = format!("user{n}@example.com");
                let form = [
                    ("csrf_token", csrf_token(&page).expect("a CSRF token")),
                    ("email", email),
                    ("password", PASSWORD.into()),
                ];
                let response = client
                    .post(format!("{address}/login"))
                    .form(&form)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(response.status().as_u16(), 303);
                let page = page_text(&client, &format!("{address}/login/verify")).await;
                let code = sms.last_code_to(&format!("+4670{:07}", 1_000_000 + n));
                Pending {
                    client,
                    token: csrf_token(&page).expect("a CSRF token"),
                    code,
                }
            }
        });
        pending.extend(futures_util::future::join_all(logins).await);
    }
    eprintln!("… done in {:.1} s", started.elapsed().as_secs_f64());

    let queue = Arc::new(std::sync::Mutex::new(pending));
    let started = Instant::now();
    let workers = (0..CONCURRENCY).map(|_| {
        let queue = queue.clone();
        let address = address.clone();
        tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let Some(user) = queue.lock().unwrap().pop() else {
                    break;
                };
                let form = [
                    ("csrf_token", user.token.as_str()),
                    ("code", user.code.as_str()),
                ];
                let sent = Instant::now();
                let response = user
                    .client
                    .post(format!("{address}/login/verify"))
                    .form(&form)
                    .send()
                    .await
                    .unwrap();
                latencies.push(sent.elapsed());
                assert_eq!(response.status().as_u16(), 303, "a right code signs in");
            }
            latencies
        })
    });
    let mut latencies: Vec<Duration> = Vec::new();
    for worker in futures_util::future::join_all(workers).await {
        latencies.extend(worker.unwrap());
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let backend = if database_url.starts_with("sqlite") {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    println!("verify_codes on {backend}: {USERS} right codes, concurrency {CONCURRENCY}");
    println!(
        "  codes verified per second: {:.0}",
        USERS as f64 / elapsed.as_secs_f64()
    );
    for (name, p) in [("p50", 0.50), ("p90", 0.90), ("p99", 0.99)] {
        println!(
            "  {name} latency of POST /login/verify: {:.1} ms",
            percentile(&latencies, p).as_secs_f64() * 1000.0
        );
    }
    println!(
        "  max: {:.1} ms",
        latencies.last().unwrap().as_secs_f64() * 1000.0
    );

    if let Ok(server) = std::env::var("TWOSTEP_BENCH_POSTGRES_URL") {
        db.pool.close().await;
        drop_postgres_database(&server, &database_url).await;
    }
}
