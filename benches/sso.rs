//! Single sign-on benchmark: `cargo bench --bench sso`.
//!
//! Runs the release binary as a separate process (so its CPU time can be read from /proc)
//! on a fresh SQLite database, or on a fresh PostgreSQL database created on the server named
//! by TWOSTEP_BENCH_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres). One
//! confidential application and SSO_BROWSERS users without 2-step verification (default 32)
//! are made through the services; each user's browser signs in once with the password
//! before the measured window (argon2 is not what this measures). Then SSO_CONCURRENCY
//! clients (default 16) run the OpenID Connect code flow for SSO_SECS seconds (default 20),
//! each in the browsers it was dealt, one at a time: GET /oauth2/authorize with a fresh
//! state, nonce and PKCE S256 challenge, the code read from the 303 to the callback, then
//! POST /oauth2/token as the application (client_secret_basic, the code verifier) and a 200
//! with an ID token (its presence only: the client stays light).
//!
//! Reported: exchanges (authorize + token) per second, the server's CPU time per exchange
//! (with SQLite the database's work is in it; with PostgreSQL it is not, and the CPU time
//! of the backends serving the run's database is shown apart), the latency of the pair,
//! the errors (there must be none) and the load average (other work on the machine makes
//! each exchange cost more CPU).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures_util::StreamExt;
use secrecy::SecretString;
use sha2::{Digest, Sha256};
use twostep::db::audit::Origin;
use twostep::domain::tokens::random_token;
use twostep::services::Services;
use twostep::services::account::NewAccount;
use twostep::services::admin::Actor;
use twostep::services::applications::ApplicationInput;

use common::portal::{
    BackendsCpu, PASSWORD, Run, SEED_CONCURRENCY, cpu_time, email, env_number, expect_redirect, ms,
};
use common::{client, csrf_token, percentile};

// Shared with the other benchmarks; this one leaves the TOTP sign-ins of `common::portal`
// unused.
#[allow(dead_code)]
mod common;

/// The application's callback: never served, only read from the redirect.
const CALLBACK: &str = "https://rp.example/callback";
const SCOPE: &str = "openid email profile";
/// Browsers signing in with the password at once (the server hashes one per core anyway).
const SIGN_IN_CONCURRENCY: usize = 4;

/// The registered application's credentials.
struct Application {
    client_id: String,
    secret: String,
}

/// Makes the users (without 2-step verification) and the confidential application through
/// the services.
async fn seed(services: &Services, browsers: usize) -> Application {
    futures_util::stream::iter(0..browsers)
        .map(|n| async move {
            let account = NewAccount {
                name: format!("Bench User {n}"),
                email: email(n),
                password: SecretString::from(PASSWORD),
            };
            services
                .create_user_from_command_line(&account, None, false)
                .await
                .unwrap();
        })
        .buffer_unordered(SEED_CONCURRENCY)
        .collect::<Vec<()>>()
        .await;
    let settings = ApplicationInput {
        name: "Bench CRM",
        redirect_uris: CALLBACK,
        post_logout_uris: "",
        public: false,
        require_two_step: false,
        room_id: None,
    }
    .parse()
    .expect("valid application settings");
    let created = services
        .create_application(Actor::CommandLine, &settings, &Origin::default())
        .await
        .unwrap()
        .expect("no room asked for");
    Application {
        client_id: created.application.client_id,
        secret: created.secret.expect("a confidential client has a secret"),
    }
}

/// Signs user `n`'s browser in with the password; the browser.
async fn signed_in_browser(address: &str, n: usize) -> reqwest::Client {
    let browser = client();
    let page = browser
        .get(format!("{address}/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let email = email(n);
    let form = [
        ("csrf_token", csrf_token(&page).expect("a CSRF token")),
        ("email", email.clone()),
        ("password", PASSWORD.to_owned()),
    ];
    let response = browser
        .post(format!("{address}/login"))
        .form(&form)
        .send()
        .await
        .unwrap();
    if let Err(err) = expect_redirect(response, "/").await {
        panic!("{email} signs in with the password: {err}");
    }
    browser
}

/// One sign-in to the application: the browser's authorize, then the application's token
/// exchange. An error says which step failed and how.
async fn exchange(
    browser: &reqwest::Client,
    back_channel: &reqwest::Client,
    address: &str,
    application: &Application,
) -> Result<(), String> {
    let state = random_token();
    let verifier = random_token();
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let mut authorize = url::Url::parse(&format!("{address}/oauth2/authorize")).unwrap();
    authorize
        .query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &application.client_id)
        .append_pair("redirect_uri", CALLBACK)
        .append_pair("scope", SCOPE)
        .append_pair("state", &state)
        .append_pair("nonce", &random_token())
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256");
    let response = browser
        .get(authorize)
        .send()
        .await
        .map_err(|err| format!("authorize: {err}"))?;
    let status = response.status();
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    response
        .bytes()
        .await
        .map_err(|err| format!("authorize: {err}"))?;
    if status != 303 || !location.starts_with(CALLBACK) {
        return Err(format!(
            "authorize: {status} to {location:?}, expected 303 to {CALLBACK}"
        ));
    }
    let callback = url::Url::parse(&location).map_err(|err| format!("authorize: {err}"))?;
    let param = |name: &str| {
        callback
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    if param("state").as_deref() != Some(state.as_str()) {
        return Err(format!("authorize: the state is not sent back: {location}"));
    }
    let code = param("code").ok_or_else(|| format!("authorize: no code: {location}"))?;

    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", CALLBACK),
        ("code_verifier", verifier.as_str()),
    ];
    let response = back_channel
        .post(format!("{address}/oauth2/token"))
        .basic_auth(&application.client_id, Some(&application.secret))
        .form(&form)
        .send()
        .await
        .map_err(|err| format!("token: {err}"))?;
    let status = response.status();
    let body = response
        .bytes()
        .await
        .map_err(|err| format!("token: {err}"))?;
    let excerpt = || {
        String::from_utf8_lossy(&body)
            .chars()
            .take(300)
            .collect::<String>()
    };
    if status != 200 {
        return Err(format!("token: {status}: {}", excerpt()));
    }
    let tokens: serde_json::Value =
        serde_json::from_slice(&body).map_err(|err| format!("token: {err}"))?;
    match tokens["id_token"].as_str() {
        Some(id_token) if !id_token.is_empty() => Ok(()),
        _ => Err(format!("token: no id_token: {}", excerpt())),
    }
}

/// The 1-minute load average: other work on the machine inflates CPU time per exchange
/// (context switches, caches).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_default()
}

#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    errors: usize,
    first_error: Option<String>,
}

#[tokio::main]
async fn main() {
    // `cargo test --all-targets` builds benches and runs them without --bench: skip there.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let browsers = env_number("SSO_BROWSERS", 32).max(1);
    let window = Duration::from_secs(env_number("SSO_SECS", 20) as u64);
    let concurrency = env_number("SSO_CONCURRENCY", 16).clamp(1, browsers);
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());

    eprintln!("Seeding {browsers} users without 2-step verification and the application…");
    let started = Instant::now();
    let run = Run::new().await;
    let backend = run.database.backend();
    let application = seed(&run.services().await, browsers).await;
    let seeding = started.elapsed();

    let server = run.start_server().await;
    let (pid, address) = (server.pid(), server.address.clone());

    eprintln!("Signing the {browsers} browsers in with the password…");
    let started = Instant::now();
    let signed_in: Vec<reqwest::Client> = futures_util::stream::iter(0..browsers)
        .map(|n| signed_in_browser(&address, n))
        .buffered(SIGN_IN_CONCURRENCY)
        .collect()
        .await;
    let signing_in = started.elapsed();

    // The application's back channel: one client and its connection pool, as a relying
    // party has.
    let back_channel = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let application = Arc::new(application);

    // Warm-up, not measured: every browser once (connections opened, keys read).
    for browser in &signed_in {
        exchange(browser, &back_channel, &address, &application)
            .await
            .unwrap_or_else(|err| panic!("the warm-up exchange: {err}"));
    }

    // Browser n goes to client n % concurrency: a browser is never in two sign-ins at once.
    let mut dealt: Vec<Vec<reqwest::Client>> = vec![Vec::new(); concurrency];
    for (n, browser) in signed_in.into_iter().enumerate() {
        dealt[n % concurrency].push(browser);
    }

    eprintln!(
        "Signing in to the application from {concurrency} clients for {} s…",
        window.as_secs()
    );
    let tally = Arc::new(Mutex::new(Tally::default()));
    let backends_cpu = BackendsCpu::start(&run.database);
    let load_before = load_average();
    let cpu_before = cpu_time(pid);
    let client_cpu_before = cpu_time(std::process::id());
    let started = Instant::now();
    let deadline = started + window;
    let workers = dealt.into_iter().map(|browsers| {
        let (tally, back_channel) = (tally.clone(), back_channel.clone());
        let (address, application) = (address.clone(), application.clone());
        tokio::spawn(async move {
            for browser in browsers.iter().cycle() {
                if Instant::now() >= deadline {
                    break;
                }
                let sent = Instant::now();
                let outcome = exchange(browser, &back_channel, &address, &application).await;
                let took = sent.elapsed();
                let mut tally = tally.lock().unwrap();
                match outcome {
                    Ok(()) => tally.latencies.push(took),
                    Err(err) => {
                        tally.errors += 1;
                        tally.first_error.get_or_insert(err);
                    }
                }
            }
        })
    });
    for worker in futures_util::future::join_all(workers).await {
        worker.unwrap();
    }
    let elapsed = started.elapsed();
    let cpu = cpu_time(pid) - cpu_before;
    let client_cpu = cpu_time(std::process::id()) - client_cpu_before;
    let backends = backends_cpu.as_ref().map(BackendsCpu::used);
    let load_after = load_average();
    drop(server);

    let mut tally = Arc::try_unwrap(tally).ok().unwrap().into_inner().unwrap();
    tally.latencies.sort();
    let exchanges = tally.latencies.len();
    let cpu_per_exchange = ms(cpu) / exchanges.max(1) as f64;
    println!(
        "sso on {backend}: {browsers} signed-in browsers, concurrency {concurrency}, {} s, {cores} cores",
        window.as_secs()
    );
    println!(
        "  set-up: seeding {:.1} s, signing the browsers in {:.1} s",
        seeding.as_secs_f64(),
        signing_in.as_secs_f64()
    );
    println!(
        "  exchanges (authorize + token) completed: {exchanges} in {:.1} s ({:.1} exchanges/s), errors: {}",
        elapsed.as_secs_f64(),
        exchanges as f64 / elapsed.as_secs_f64(),
        tally.errors
    );
    if let Some(error) = &tally.first_error {
        println!("  first error: {error}");
    }
    println!(
        "  server CPU per authorize + token exchange: {cpu_per_exchange:.2} ms ({:.0} per core-second)",
        1000.0 / cpu_per_exchange
    );
    if let Some(backends) = backends {
        let per_exchange = ms(backends) / exchanges.max(1) as f64;
        println!(
            "  PostgreSQL's backends for this database, another process: {per_exchange:.2} ms of CPU per exchange (server and database together {:.2} ms)",
            cpu_per_exchange + per_exchange
        );
    }
    println!(
        "  CPU over the window: server {:.1} s, these clients {:.1} s, of {:.1} s ({cores} cores × {:.1} s); load average {load_before} before, {load_after} after",
        cpu.as_secs_f64(),
        client_cpu.as_secs_f64(),
        cores as f64 * elapsed.as_secs_f64(),
        elapsed.as_secs_f64()
    );
    if exchanges > 0 {
        println!(
            "  latency of authorize + token exchange: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms",
            ms(percentile(&tally.latencies, 0.50)),
            ms(percentile(&tally.latencies, 0.95)),
            ms(percentile(&tally.latencies, 0.99))
        );
    }
    println!(
        "  target: at most 2 ms of server CPU per authorize + token exchange (500 per core-second)"
    );
    println!(
        "  {}: {cpu_per_exchange:.2} ms per exchange",
        if cpu_per_exchange <= 2.0 && exchanges > 0 {
            "met"
        } else {
            "missed"
        }
    );

    run.database.drop().await;
    assert_eq!(tally.errors, 0, "no exchange fails");
}
