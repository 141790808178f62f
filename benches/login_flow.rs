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
//! the latency of a signed-in page fetched every 50 ms, idle and during the storm.

use std::collections::VecDeque;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures_util::StreamExt;
use reqwest::cookie::{CookieStore, Jar};
use secrecy::SecretString;
use twostep::clock::Clock;
use twostep::config::{SecretKey, Settings};
use twostep::db::audit::Origin;
use twostep::domain::password::Passwords;
use twostep::domain::totp::{STEP_SECS, code_at};
use twostep::services::Services;
use twostep::services::account::NewAccount;
use twostep::startup::start_services;

use common::{
    client, client_with, csrf_token, drop_postgres_database, fresh_postgres_database, percentile,
};

mod common;

const PASSWORD: &str = "violet kettle sings at dawn";
/// Users seeded at once.
const SEED_CONCURRENCY: usize = 8;
/// The signed-in page probed during the storm, and how often.
const PROBE_PAGE: &str = "/account/security";
const PROBE_EVERY: Duration = Duration::from_millis(20);
const IDLE_PROBE: Duration = Duration::from_secs(6);
const ARGON2_VERIFIES: u32 = 20;
/// The hashing threads hand idle memory back after 10 s without work.
const RSS_SETTLES: Duration = Duration::from_secs(12);
/// Clock ticks per second, the unit of /proc/<pid>/stat's times (100 on Linux).
fn clock_ticks_per_sec() -> u64 {
    // SAFETY: sysconf reads a constant of the system; it has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    u64::try_from(ticks).ok().filter(|&t| t > 0).unwrap_or(100)
}
/// Argon2's working memory per hash (m = 19456 KiB).
const ARGON2_MIB: u64 = 19;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// RFC 4648 base32 without padding, as the set-up page shows it (spaces between groups).
fn decode_key(grouped: &str) -> Vec<u8> {
    let key: String = grouped.split_whitespace().collect();
    totp_rs::Secret::try_from_base32(&key)
        .expect("the set-up key is base32")
        .as_bytes()
        .to_vec()
}

/// Creates a user with an active authenticator app; returns its key and the TOTP step the
/// confirmation used (which can never sign in again).
async fn seed_user(services: &Services, n: usize) -> (Vec<u8>, u64) {
    let email = format!("user{n}@example.com");
    let account = NewAccount {
        name: format!("Bench User {n}"),
        email: email.clone(),
        password: SecretString::from(PASSWORD),
    };
    let id = services
        .create_user_from_command_line(&account, None, false)
        .await
        .unwrap();
    let setup = services.begin_app_setup(id, &email).await.unwrap();
    let secret = decode_key(&setup.grouped_key);
    let user = services.find_user(id).await.unwrap().unwrap();
    let now = unix_now();
    let code = code_at(&secret, now, 6).unwrap();
    let confirmed = services
        .confirm_app(&user, &code, &Origin::default())
        .await
        .unwrap();
    if let Err(outcome) = confirmed {
        panic!("{email}: the app was not confirmed: {outcome:?}");
    }
    (secret, now / STEP_SECS)
}

/// The server process, killed when dropped (also when the benchmark panics).
struct Server {
    child: Child,
}

impl Server {
    fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start_server(
    database_url: &str,
    data_dir: &std::path::Path,
    key_hex: &str,
) -> (Server, String) {
    let port = free_port();
    let log = std::fs::File::create(data_dir.join("server.log")).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_twostep"))
        .env("DATABASE_URL", database_url)
        .env("TWOSTEP_DATA_DIR", data_dir)
        .env("TWOSTEP_BIND", format!("127.0.0.1:{port}"))
        .env("TWOSTEP_SECRET_KEY", key_hex)
        .env("TWOSTEP_SMS_PROVIDER", "log")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("the release binary starts");
    let mut server = Server { child };
    let address = format!("http://127.0.0.1:{port}");
    let probe = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(response) = probe.get(format!("{address}/readyz")).send().await
            && response.status().is_success()
        {
            break;
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            let log = std::fs::read_to_string(data_dir.join("server.log")).unwrap_or_default();
            panic!("the server exited ({status}):\n{log}");
        }
        assert!(Instant::now() < deadline, "the server never became ready");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (server, address)
}

/// The server's CPU time so far (user + system), from /proc/<pid>/stat.
fn cpu_time(pid: u32) -> Duration {
    stat_cpu_time(&std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap())
}

/// The CPU time of a process's or thread's stat line.
fn stat_cpu_time(stat: &str) -> Duration {
    // The command name may hold spaces: the fields that follow start after its ')'.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..]
        .split_whitespace()
        .collect();
    // Fields 14 and 15 of proc(5) (utime, stime) are the 12th and 13th after the name.
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    Duration::from_millis(ticks * 1000 / clock_ticks_per_sec())
}

/// The CPU time of the server's hashing threads (named "argon2-N").
fn hashing_cpu_time(pid: u32) -> Duration {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("stat")).ok())
        .filter(|stat| stat.contains("(argon2-"))
        .map(|stat| stat_cpu_time(&stat))
        .sum()
}

/// A line of /proc/<pid>/status in MiB (VmRSS, VmHWM).
fn memory_mib(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|line| line.starts_with(field))
        .unwrap_or_else(|| panic!("{field} in /proc/{pid}/status"));
    let kib: f64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib / 1024.0
}

/// One whole sign-in in `client`'s cookie jar. The code is taken at the moment it is
/// sent, `ahead` seconds in the future (the portal accepts the next step too); the step it
/// belongs to is returned.
async fn sign_in(
    client: &reqwest::Client,
    address: &str,
    email: &str,
    secret: &[u8],
    ahead: u64,
) -> Result<u64, String> {
    let fail = |what: &str, err: &dyn std::fmt::Display| format!("{email}: {what}: {err}");
    let response = client
        .get(format!("{address}/login"))
        .send()
        .await
        .map_err(|err| fail("GET /login", &err))?;
    let page = response
        .text()
        .await
        .map_err(|err| fail("GET /login", &err))?;
    let token = csrf_token(&page).ok_or_else(|| fail("GET /login", &"no CSRF token"))?;
    let form = [
        ("csrf_token", token.as_str()),
        ("email", email),
        ("password", PASSWORD),
    ];
    let response = client
        .post(format!("{address}/login"))
        .form(&form)
        .send()
        .await
        .map_err(|err| fail("POST /login", &err))?;
    expect_redirect(response, "/login/verify")
        .await
        .map_err(|err| fail("POST /login", &err))?;
    let now = unix_now() + ahead;
    let code = code_at(secret, now, 6).map_err(|err| fail("the code", &err))?;
    let form = [
        ("csrf_token", token.as_str()),
        ("code", code.as_str()),
        ("with", "app"),
    ];
    let response = client
        .post(format!("{address}/login/verify"))
        .form(&form)
        .send()
        .await
        .map_err(|err| fail("POST /login/verify", &err))?;
    expect_redirect(response, "/")
        .await
        .map_err(|err| fail("POST /login/verify", &err))?;
    let response = client
        .get(format!("{address}/"))
        .send()
        .await
        .map_err(|err| fail("GET /", &err))?;
    let status = response.status();
    response.bytes().await.map_err(|err| fail("GET /", &err))?;
    if status != 200 {
        return Err(fail("GET /", &status));
    }
    Ok(now / STEP_SECS)
}

async fn expect_redirect(response: reqwest::Response, to: &str) -> Result<(), String> {
    let status = response.status();
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response.text().await.map_err(|err| err.to_string())?;
    if status == 303 && location == to {
        Ok(())
    } else {
        let excerpt: String = body.chars().take(300).collect();
        Err(format!(
            "{status} to {location:?}, expected 303 to {to}: {excerpt}"
        ))
    }
}

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

/// Users waiting for their next sign-in, with the last TOTP step each used.
struct Users {
    queue: VecDeque<usize>,
    last_step: Vec<u64>,
}

#[derive(Default)]
struct Tally {
    flows: usize,
    failures: usize,
    first_failure: Option<String>,
    /// Times a client found every waiting user already signed in during this step.
    waits_for_next_step: usize,
}

#[tokio::main]
async fn main() {
    // `cargo test --all-targets` builds benches and runs them without --bench: skip there.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let users = env_number("LOGIN_FLOW_USERS", 3000).max(2);
    let storm = Duration::from_secs(env_number("LOGIN_FLOW_SECS", 20) as u64);
    let concurrency = env_number("LOGIN_FLOW_CONCURRENCY", 16).max(1);
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());

    let dir = tempfile::tempdir().unwrap();
    let postgres = std::env::var("TWOSTEP_BENCH_POSTGRES_URL").ok();
    let database_url = match &postgres {
        Some(server) => fresh_postgres_database(server).await,
        None => format!("sqlite://{}", dir.path().join("bench.db").display()),
    };
    let key = SecretKey::generate();
    let key_hex = hex::encode(key.expose());

    // Seeding, through the services on the same database and secret key as the server.
    eprintln!("Seeding {users} users with an authenticator app…");
    let started = Instant::now();
    let mut settings = Settings::for_database(&database_url, dir.path());
    settings.secret_key = SecretKey::parse(&key_hex).unwrap();
    let services = start_services(Arc::new(settings), Clock::system())
        .await
        .unwrap();
    let mut seeded: Vec<(usize, (Vec<u8>, u64))> = futures_util::stream::iter(0..users)
        .map(|n| {
            let services = &services;
            async move { (n, seed_user(services, n).await) }
        })
        .buffer_unordered(SEED_CONCURRENCY)
        .collect()
        .await;
    seeded.sort_by_key(|(n, _)| *n);
    let (secrets, steps): (Vec<Vec<u8>>, Vec<u64>) = seeded.into_iter().map(|(_, s)| s).unzip();
    drop(services);
    let seeding = started.elapsed();
    eprintln!("… done in {:.1} s", seeding.as_secs_f64());

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

    let (server, address) = start_server(&database_url, dir.path(), &key_hex).await;
    let pid = server.pid();
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
    sign_in(&watcher, &address, "user0@example.com", &secrets[0], ahead)
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
    let shared = Arc::new(Mutex::new(Users {
        queue: (1..users).collect(),
        last_step: steps,
    }));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let stop = Arc::new(AtomicBool::new(false));
    let prober = spawn_probe(cookies, page.clone(), stop.clone());

    eprintln!(
        "Signing in from {concurrency} clients for {} s…",
        storm.as_secs()
    );
    let cpu_before = cpu_time(pid);
    let hashing_before = hashing_cpu_time(pid);
    let client_cpu_before = cpu_time(std::process::id());
    let started = Instant::now();
    let deadline = started + storm;
    let workers = (0..concurrency).map(|_| {
        let shared = shared.clone();
        let tally = tally.clone();
        let secrets = secrets.clone();
        let address = address.clone();
        tokio::spawn(async move {
            while Instant::now() < deadline {
                let taken = {
                    let mut users = shared.lock().unwrap();
                    let step = unix_now() / STEP_SECS;
                    match users.queue.pop_front() {
                        Some(n) if users.last_step[n] < step => Some(n),
                        Some(n) => {
                            users.queue.push_front(n);
                            None
                        }
                        None => None,
                    }
                };
                let Some(n) = taken else {
                    tally.lock().unwrap().waits_for_next_step += 1;
                    let next_step = (unix_now() / STEP_SECS + 1) * STEP_SECS;
                    let wait = Duration::from_secs(next_step.saturating_sub(unix_now()))
                        .min(deadline.saturating_duration_since(Instant::now()))
                        .max(Duration::from_millis(100));
                    tokio::time::sleep(wait).await;
                    continue;
                };
                let email = format!("user{n}@example.com");
                let outcome = sign_in(&client(), &address, &email, &secrets[n], 0).await;
                {
                    let mut users = shared.lock().unwrap();
                    if let Ok(step) = outcome {
                        users.last_step[n] = step;
                    } else {
                        // The step may have been claimed: wait a whole step to be sure.
                        users.last_step[n] = unix_now() / STEP_SECS + 1;
                    }
                    users.queue.push_back(n);
                }
                let mut tally = tally.lock().unwrap();
                match outcome {
                    Ok(_) => tally.flows += 1,
                    Err(err) => {
                        tally.failures += 1;
                        tally.first_failure.get_or_insert(err);
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
    let hashing = hashing_cpu_time(pid) - hashing_before;
    let client_cpu = cpu_time(std::process::id()) - client_cpu_before;
    stop.store(true, Ordering::Relaxed);
    let during = prober.join().unwrap();
    let rss_peak = memory_mib(pid, "VmHWM");
    tokio::time::sleep(RSS_SETTLES).await;
    let rss_after = memory_mib(pid, "VmRSS");
    drop(server);

    let tally = Arc::try_unwrap(tally).ok().unwrap().into_inner().unwrap();
    let backend = if postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let flows = tally.flows.max(1) as f64;
    let cpu_per_flow = ms(cpu) / flows;
    let hashing_per_flow = ms(hashing) / flows;
    let argon2_ms = ms(argon2);
    let bound = rss_idle + (cores as u64 * ARGON2_MIB) as f64 + 10.0;
    let (idle_p50, idle_p99) = (percentile(&idle, 0.50), percentile(&idle, 0.99));
    let (storm_p50, storm_p99) = (percentile(&during, 0.50), percentile(&during, 0.99));
    println!(
        "login_flow on {backend}: {users} users, concurrency {concurrency}, {} s, {cores} cores",
        storm.as_secs()
    );
    println!("  seeding: {:.1} s", seeding.as_secs_f64());
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

    if let Some(server) = &postgres {
        drop_postgres_database(server, &database_url).await;
    }
}
