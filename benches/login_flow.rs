//! Login storm benchmark: `cargo bench --bench login_flow`.
//!
//! Runs the release binary as a separate process (so its CPU time and memory can be read
//! from /proc) on a fresh SQLite database, or on a fresh PostgreSQL database created on the
//! server named by TWOSTEP_BENCH_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).
//! LOGIN_FLOW_USERS users (default 3000) with an authenticator app are seeded through the
//! services beforehand. Then LOGIN_FLOW_CONCURRENCY clients (default 16) run whole
//! browser-like sign-ins for LOGIN_FLOW_SECS seconds (default 20), each with a fresh cookie
//! jar: GET /login, POST /login, POST /login/verify with the app's current code, GET /.
//! A user signs in at most once per 30-second TOTP step (a step is never accepted twice).
//!
//! Reported: flows per second, the server's CPU time per flow against one argon2 verify
//! measured in this process, the server's RSS before, at its peak and after the storm, and
//! the latency of a signed-in page fetched every 20 ms, idle and during the storm. On
//! PostgreSQL the CPU time of the backends serving the run's database (another process,
//! not in the server's) is printed per flow beside it, for both storms.
//!
//! Then the passkey variant: LOGIN_FLOW_PASSKEY_USERS users (default 64) add a passkey (a
//! software authenticator in this process, P-256), and the same clients sign in with it
//! alone for LOGIN_FLOW_SECS seconds: GET /login/passkey, POST /login/passkey with the
//! signed answer, GET /. No argon2 runs; the server's CPU per flow is printed beside the
//! password + app figure (goal ≤ 1.5 ms).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::cookie::{CookieStore, Jar};
use secrecy::SecretString;
use twostep::domain::password::Passwords;
use twostep::domain::totp::STEP_SECS;

use common::portal::{
    BackendsCpu, Browsers, PASSWORD, Run, Tally, Users, cpu_time, email, env_number,
    hashing_cpu_time, memory_mib, ms, sign_in, storm, unix_now,
};
use common::{client_with, percentile};

// Shared with the other benchmarks; this one leaves `common::client` unused.
#[allow(dead_code)]
mod common;

#[path = "../tests/kit/authenticator.rs"]
#[allow(dead_code)] // the tests use the rest
mod authenticator;

use authenticator::{SoftAuthenticator, options_on_page};

/// Users 1 to `count` add a passkey through the use cases the page calls, each with a
/// software authenticator of its own; returned by user number (index 0 is user 1).
async fn add_passkeys(run: &Run, count: usize) -> Vec<(usize, SoftAuthenticator)> {
    eprintln!("Adding a passkey for {count} users…");
    let services = run.services().await;
    let origin = run.public_url();
    let mut authenticators = Vec::with_capacity(count);
    for n in 1..=count {
        let user = services.user_by_email(&email(n)).await.unwrap().unwrap();
        let started = services
            .start_adding_passkey(&user)
            .await
            .unwrap()
            .expect("passkeys work on a host name");
        let options: serde_json::Value = serde_json::from_str(&started.options).unwrap();
        let mut authenticator = SoftAuthenticator::new();
        let answer = authenticator.register(&options, &origin).to_string();
        services
            .finish_adding_passkey(
                &user,
                started.ceremony,
                "Bench key",
                &answer,
                &twostep::db::audit::Origin::default(),
            )
            .await
            .unwrap()
            .expect("the passkey is added");
        authenticators.push((n, authenticator));
    }
    authenticators
}

/// One sign-in with a passkey alone, in a fresh cookie jar holding the user's browser
/// cookie (`Browsers`).
async fn passkey_sign_in(
    address: &str,
    origin: &str,
    (n, authenticator): (usize, &mut SoftAuthenticator),
    browsers: &Browsers,
) -> Result<(), String> {
    let fail = |what: &str, err: &dyn std::fmt::Display| format!("{}: {what}: {err}", email(n));
    let (client, jar) = browsers.client_for(n, address);
    let signed_in = passkey_flow(&client, address, origin, authenticator).await;
    browsers.keep(n, &jar, address);
    signed_in.map_err(|(what, err)| fail(what, &err))
}

/// GET /login/passkey, POST /login/passkey with the signed answer, GET /.
async fn passkey_flow(
    client: &reqwest::Client,
    address: &str,
    origin: &str,
    authenticator: &mut SoftAuthenticator,
) -> Result<(), (&'static str, String)> {
    let fail = |what: &'static str, err: &dyn std::fmt::Display| (what, err.to_string());
    let page = client
        .get(format!("{address}/login/passkey"))
        .send()
        .await
        .map_err(|err| fail("GET /login/passkey", &err))?
        .text()
        .await
        .map_err(|err| fail("GET /login/passkey", &err))?;
    let token =
        common::csrf_token(&page).ok_or_else(|| fail("GET /login/passkey", &"no CSRF token"))?;
    let options =
        options_on_page(&page).ok_or_else(|| fail("GET /login/passkey", &"no options"))?;
    let answer = authenticator.authenticate(&options, origin).to_string();
    let form = [
        ("csrf_token", token.as_str()),
        ("credential", answer.as_str()),
    ];
    let response = client
        .post(format!("{address}/login/passkey"))
        .form(&form)
        .send()
        .await
        .map_err(|err| fail("POST /login/passkey", &err))?;
    common::portal::expect_redirect(response, "/")
        .await
        .map_err(|err| fail("POST /login/passkey", &err))?;
    common::portal::home_page(client, address)
        .await
        .map_err(|err| fail("GET /", &err))
}

/// `concurrency` clients signing in with passkeys for `duration`; each owns its users, so
/// a passkey's counter only ever goes forward.
async fn passkey_storm(
    address: &str,
    origin: &str,
    authenticators: Vec<(usize, SoftAuthenticator)>,
    concurrency: usize,
    duration: Duration,
) -> Tally {
    let mut shares: Vec<Vec<(usize, SoftAuthenticator)>> =
        (0..concurrency).map(|_| Vec::new()).collect();
    for (i, user) in authenticators.into_iter().enumerate() {
        shares[i % concurrency].push(user);
    }
    let deadline = Instant::now() + duration;
    let workers = shares
        .into_iter()
        .filter(|share| !share.is_empty())
        .map(|mut share| {
            let (address, origin) = (address.to_owned(), origin.to_owned());
            let browsers = Browsers::default();
            tokio::spawn(async move {
                let mut tally = Tally::default();
                let mut next = 0;
                while Instant::now() < deadline {
                    let len = share.len();
                    let (n, authenticator) = &mut share[next % len];
                    next += 1;
                    let user = (*n, authenticator);
                    match passkey_sign_in(&address, &origin, user, &browsers).await {
                        Ok(()) => tally.flows += 1,
                        Err(err) => {
                            tally.failures += 1;
                            tally.first_failure.get_or_insert(err);
                        }
                    }
                }
                tally
            })
        });
    let mut total = Tally::default();
    for worker in futures_util::future::join_all(workers).await {
        let tally = worker.unwrap();
        total.flows += tally.flows;
        total.failures += tally.failures;
        if total.first_failure.is_none() {
            total.first_failure = tally.first_failure;
        }
    }
    total
}

/// The signed-in page probed during the storm, and how often.
const PROBE_PAGE: &str = "/account/security";
const PROBE_EVERY: Duration = Duration::from_millis(20);
const IDLE_PROBE: Duration = Duration::from_secs(6);
const ARGON2_VERIFIES: u32 = 20;
/// The hashing threads hand idle memory back after 10 s without work.
const RSS_SETTLES: Duration = Duration::from_secs(12);
/// Argon2's working memory per hash (m = 19456 KiB).
const ARGON2_MIB: u64 = 19;

/// Fetches the signed-in page every `PROBE_EVERY` until `stop` is set, on a thread and
/// runtime of its own (the storm's client tasks never delay a probe) with the session's
/// cookies; returns the latencies, sorted.
fn spawn_probe(
    cookies: String,
    url: String,
    stop: Arc<AtomicBool>,
) -> std::thread::JoinHandle<Vec<Duration>> {
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let mut every = tokio::time::interval(PROBE_EVERY);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut latencies = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                every.tick().await;
                let sent = Instant::now();
                let request = client.get(&url).header(reqwest::header::COOKIE, &cookies);
                let response = request.send().await.unwrap();
                let status = response.status();
                response.bytes().await.unwrap();
                latencies.push(sent.elapsed());
                assert_eq!(status, 200, "the signed-in page answers");
            }
            latencies.sort();
            latencies
        })
    })
}

#[tokio::main]
async fn main() {
    // `cargo test --all-targets` builds benches and runs them without --bench: skip there.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let users = env_number("LOGIN_FLOW_USERS", 3000).max(2);
    let storm_for = Duration::from_secs(env_number("LOGIN_FLOW_SECS", 20) as u64);
    let concurrency = env_number("LOGIN_FLOW_CONCURRENCY", 16).max(1);
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());

    let (run, seeded) = Run::seed(users).await;
    let (secrets, steps) = (seeded.secrets, seeded.steps);

    // Argon2's cost on this machine, one verify at a time, while nothing else runs.
    let passwords = Passwords::with_concurrency(1).unwrap();
    let hash = passwords.hash(SecretString::from(PASSWORD)).await.unwrap();
    let started = Instant::now();
    for _ in 0..ARGON2_VERIFIES {
        let right = passwords
            .verify(SecretString::from(PASSWORD), Some(hash.clone()))
            .await
            .unwrap();
        assert!(right);
    }
    let argon2 = started.elapsed() / ARGON2_VERIFIES;
    drop(passwords);

    let server = run.start_server().await;
    let (pid, address) = (server.pid(), server.address.clone());
    // Idle: started, and its memory for hashes handed back (it hashed a stand-in password
    // for unknown accounts at start).
    tokio::time::sleep(RSS_SETTLES).await;
    let rss_idle = memory_mib(pid, "VmRSS");

    // User 0 stays signed in and reads a page throughout; the others sign in again and again.
    let jar = Arc::new(Jar::default());
    let watcher = client_with(jar.clone());
    // Its set-up used this step, maybe: then its code is the next step's.
    let ahead = if steps[0] == unix_now() / STEP_SECS {
        STEP_SECS
    } else {
        0
    };
    sign_in(&watcher, &address, &email(0), &secrets[0], ahead)
        .await
        .unwrap();
    let page = format!("{address}{PROBE_PAGE}");
    let cookies = jar
        .cookies(&page.parse().unwrap())
        .expect("signed in")
        .to_str()
        .unwrap()
        .to_owned();
    let idle_stop = Arc::new(AtomicBool::new(false));
    let idle_probe = spawn_probe(cookies.clone(), page.clone(), idle_stop.clone());
    tokio::time::sleep(IDLE_PROBE).await;
    idle_stop.store(true, Ordering::Relaxed);
    let idle = idle_probe.join().unwrap();
    let rss_before = memory_mib(pid, "VmRSS");

    let secrets = Arc::new(secrets);
    let shared = Arc::new(Mutex::new(Users::new(1, steps)));
    let stop = Arc::new(AtomicBool::new(false));
    let prober = spawn_probe(cookies, page.clone(), stop.clone());

    eprintln!(
        "Signing in from {concurrency} clients for {} s…",
        storm_for.as_secs()
    );
    let cpu_before = cpu_time(pid);
    let hashing_before = hashing_cpu_time(pid);
    let client_cpu_before = cpu_time(std::process::id());
    let backends_cpu = BackendsCpu::start(&run.database);
    let started = Instant::now();
    let browsers = Browsers::default();
    let tally = storm(
        &address,
        &shared,
        &secrets,
        &browsers,
        concurrency,
        storm_for,
    )
    .await;
    let elapsed = started.elapsed();
    let cpu = cpu_time(pid) - cpu_before;
    let hashing = hashing_cpu_time(pid) - hashing_before;
    let client_cpu = cpu_time(std::process::id()) - client_cpu_before;
    let backends = backends_cpu.as_ref().map(BackendsCpu::used);
    stop.store(true, Ordering::Relaxed);
    let during = prober.join().unwrap();
    let rss_peak = memory_mib(pid, "VmHWM");
    tokio::time::sleep(RSS_SETTLES).await;
    let rss_after = memory_mib(pid, "VmRSS");
    drop(server);

    let backend = run.database.backend();
    let flows = tally.flows.max(1) as f64;
    let cpu_per_flow = ms(cpu) / flows;
    let hashing_per_flow = ms(hashing) / flows;
    let argon2_ms = ms(argon2);
    let bound = rss_idle + (cores as u64 * ARGON2_MIB) as f64 + 10.0;
    let (idle_p50, idle_p99) = (percentile(&idle, 0.50), percentile(&idle, 0.99));
    let (storm_p50, storm_p99) = (percentile(&during, 0.50), percentile(&during, 0.99));
    println!(
        "login_flow on {backend}: {users} users, concurrency {concurrency}, {} s, {cores} cores",
        storm_for.as_secs()
    );
    println!("  seeding: {:.1} s", seeded.took.as_secs_f64());
    println!(
        "  flows completed: {} in {:.1} s ({:.1} flows/s), failures: {}, waits for a fresh TOTP step: {}",
        tally.flows,
        elapsed.as_secs_f64(),
        tally.flows as f64 / elapsed.as_secs_f64(),
        tally.failures,
        tally.waits_for_next_step
    );
    if tally.waits_for_next_step > 0 {
        println!(
            "  note: clients waited for a fresh TOTP step: the {} users, not the server, set the pace part of the time; \
             LOGIN_FLOW_USERS above 30 × flows/s keeps them busy",
            users - 1
        );
    }
    if let Some(failure) = &tally.first_failure {
        println!("  first failure: {failure}");
    }
    println!(
        "  server CPU per flow: {cpu_per_flow:.1} ms: hashing threads {hashing_per_flow:.1} ms, the rest {:.1} ms",
        cpu_per_flow - hashing_per_flow
    );
    if let Some(backends) = backends {
        let per_flow = ms(backends) / flows;
        println!(
            "  PostgreSQL's backends for this database, another process: {per_flow:.2} ms of CPU per flow (server and database together {:.1} ms)",
            cpu_per_flow + per_flow
        );
    }
    println!(
        "  CPU over the storm: server {:.1} s, these clients {:.1} s, of {:.1} s ({cores} cores × {:.1} s)",
        cpu.as_secs_f64(),
        client_cpu.as_secs_f64(),
        cores as f64 * elapsed.as_secs_f64(),
        elapsed.as_secs_f64()
    );
    println!("  argon2 verify (one at a time, this process): {argon2_ms:.1} ms");
    println!(
        "  CPU per flow / argon2 verify: {:.2} (goal ≤ 1.10)",
        cpu_per_flow / argon2_ms
    );
    println!(
        "  CPU per flow / the hashing threads' CPU per flow: {:.2} (the work around each hash, against the hash as it ran in the storm: {} at once share the memory bus)",
        cpu_per_flow / hashing_per_flow,
        cores
    );
    println!(
        "  server RSS: idle {rss_idle:.1} MiB, before the storm {rss_before:.1} MiB, peak (VmHWM) {rss_peak:.1} MiB, {} s after {rss_after:.1} MiB (goal: peak ≤ {bound:.1} MiB = idle + {cores} × {ARGON2_MIB} + 10, and back near idle after)",
        RSS_SETTLES.as_secs()
    );
    println!(
        "  {PROBE_PAGE} idle: p50 {:.1} ms, p99 {:.1} ms ({} requests)",
        ms(idle_p50),
        ms(idle_p99),
        idle.len()
    );
    println!(
        "  {PROBE_PAGE} during the storm: p50 {:.1} ms, p99 {:.1} ms ({} requests)",
        ms(storm_p50),
        ms(storm_p99),
        during.len()
    );
    println!(
        "  p99 during / p99 idle: {:.2} (goal ≤ 2)",
        storm_p99.as_secs_f64() / idle_p99.as_secs_f64()
    );

    let passkey_users = env_number("LOGIN_FLOW_PASSKEY_USERS", 64).clamp(1, users - 1);
    let authenticators = add_passkeys(&run, passkey_users).await;
    let server = run.start_server().await;
    let (pid, address) = (server.pid(), server.address.clone());
    let cpu_before = cpu_time(pid);
    let backends_cpu = BackendsCpu::start(&run.database);
    let started = Instant::now();
    let tally = passkey_storm(
        &address,
        &run.public_url(),
        authenticators,
        concurrency,
        storm_for,
    )
    .await;
    let elapsed = started.elapsed();
    let cpu = cpu_time(pid) - cpu_before;
    let backends = backends_cpu.as_ref().map(BackendsCpu::used);
    drop(server);
    let flows = tally.flows.max(1) as f64;
    println!(
        "  passkey sign-in ({passkey_users} users, a passkey alone): {} flows in {:.1} s ({:.1} flows/s), failures: {}",
        tally.flows,
        elapsed.as_secs_f64(),
        tally.flows as f64 / elapsed.as_secs_f64(),
        tally.failures
    );
    if let Some(failure) = &tally.first_failure {
        println!("  first passkey failure: {failure}");
    }
    println!(
        "  server CPU per passkey flow: {:.2} ms (goal ≤ 1.5 ms), against {cpu_per_flow:.1} ms per password + app flow",
        ms(cpu) / flows
    );
    if let Some(backends) = backends {
        let per_flow = ms(backends) / flows;
        println!(
            "  PostgreSQL's backends per passkey flow, another process: {per_flow:.2} ms of CPU (server and database together {:.2} ms)",
            ms(cpu) / flows + per_flow
        );
    }

    run.database.drop().await;
}
