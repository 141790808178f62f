//! Soak: `cargo bench --bench soak` (`scripts/soak.sh`), not part of the test command.
//!
//! Runs the release binary as a separate process on a fresh SQLite database, or on a fresh
//! PostgreSQL database created on the server named by TWOSTEP_BENCH_POSTGRES_URL, with
//! SOAK_USERS users (default 4000) seeded with an authenticator app, as `login_flow` does.
//!
//! 1. Capacity: SOAK_CONCURRENCY clients (default 16) sign in one after another for
//!    SOAK_CAPACITY_SECS (default 20): whole sign-ins per second. SOAK_RATE (flows/s) sets
//!    the soak's rate instead and skips this.
//! 2. Soak: for SOAK_SECS (default 600), sign-ins start on a fixed schedule at half that
//!    capacity (open loop: a slow answer never delays the next start), each in a fresh
//!    cookie jar; the session joins the SOAK_SESSIONS (default 100) kept signed in. Beside
//!    them, SOAK_PAGES_PER_SEC (default 20) pages on a fixed schedule: one in four an
//!    anonymous `GET /login`, the others a signed-in page of a kept session. When more than
//!    SOAK_SESSIONS are kept, the one idle longest leaves: three in four sign out
//!    (`POST /logout`, and the next page answers with the sign-in page), one in four is
//!    abandoned, as a closed browser is.
//!
//! Every answer is checked: an unexpected status or redirect, a page without its sign-out
//! form, a transport error or a request over 10 s is an error. The server's RSS is read
//! every 5 s; growth is the RSS at the end of the soak against the RSS after
//! SOAK_WARMUP_SECS (default 60). Exits non-zero on any error or a growth of 10 % or more.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::cookie::Jar;
use tokio::task::JoinSet;

use common::portal::{
    Browsers, Run, Users, cpu_time, email, env_number, expect_redirect, hashing_cpu_time,
    memory_mib, ms, sign_in, storm,
};
use common::{client_builder, csrf_token, percentile};

// Shared with the other benchmarks; this one leaves `common::client` unused.
#[allow(dead_code)]
mod common;

/// A request that takes longer is an error.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Under actix-web's keep-alive (5 s), so a client never reuses a connection the server is
/// closing.
const IDLE_CONNECTION: Duration = Duration::from_secs(2);
const RSS_EVERY: Duration = Duration::from_secs(5);
const SIGNED_IN_PAGES: [&str; 4] = [
    "/",
    "/account/security",
    "/account/profile",
    "/account/security/two-step",
];
/// What every signed-in page shows.
const SIGN_OUT_FORM: &str = r#"action="/logout""#;
/// Errors printed in full.
const ERRORS_SHOWN: usize = 5;
/// Growth of the RSS at which the soak fails, in percent.
const RSS_GROWTH_LIMIT: f64 = 10.0;

fn env_rate(name: &str) -> Option<f64> {
    let rate: f64 = std::env::var(name).ok()?.trim().parse().ok()?;
    (rate > 0.0).then_some(rate)
}

/// A client with its own cookies that gives up after `TIMEOUT`.
fn soak_client() -> reqwest::Client {
    client_builder(Arc::new(Jar::default()))
        .timeout(TIMEOUT)
        .pool_idle_timeout(IDLE_CONNECTION)
        .build()
        .unwrap()
}

struct Session {
    client: reqwest::Client,
}

#[derive(Default)]
struct Record {
    /// Each completed sign-in: when it ended (since the soak began) and how long it took
    /// from its scheduled start.
    flows: Vec<(Duration, Duration)>,
    pages: Vec<Duration>,
    sign_outs: usize,
    abandoned: usize,
    /// Scheduled sign-ins that found every waiting user already signed in this TOTP step.
    no_fresh_user: usize,
    errors: usize,
    first_errors: Vec<String>,
}

impl Record {
    fn error(&mut self, error: String) {
        self.errors += 1;
        if self.first_errors.len() < ERRORS_SHOWN {
            self.first_errors.push(error);
        }
    }
}

struct Soak {
    address: String,
    users: Mutex<Users>,
    secrets: Arc<Vec<Vec<u8>>>,
    /// Signed-in sessions not in use, the one idle longest first.
    sessions: Mutex<VecDeque<Session>>,
    keep: usize,
    /// Sessions that left the pool.
    left: Mutex<usize>,
    anonymous: reqwest::Client,
    began: Instant,
    record: Mutex<Record>,
}

impl Soak {
    fn error(&self, error: String) {
        self.record.lock().unwrap().error(error);
    }

    /// A whole sign-in begun at `scheduled`; its session is kept.
    async fn sign_in(self: Arc<Self>, scheduled: Instant) {
        let taken = self.users.lock().unwrap().take();
        let Some(n) = taken else {
            self.record.lock().unwrap().no_fresh_user += 1;
            return;
        };
        let client = soak_client();
        let outcome = sign_in(&client, &self.address, &email(n), &self.secrets[n], 0).await;
        self.users.lock().unwrap().put_back(n, &outcome);
        match outcome {
            Ok(_) => {
                let ended = self.began.elapsed();
                let took = scheduled.elapsed();
                self.record.lock().unwrap().flows.push((ended, took));
                self.keep(Session { client }).await;
            }
            Err(err) => self.error(err),
        }
    }

    /// Keeps `session`; beyond `keep` sessions the one idle longest signs out or is
    /// abandoned.
    async fn keep(&self, session: Session) {
        let leaving = {
            let mut sessions = self.sessions.lock().unwrap();
            sessions.push_back(session);
            if sessions.len() > self.keep {
                sessions.pop_front()
            } else {
                None
            }
        };
        let Some(leaving) = leaving else { return };
        let left = {
            let mut left = self.left.lock().unwrap();
            *left += 1;
            *left
        };
        if left.is_multiple_of(4) {
            self.record.lock().unwrap().abandoned += 1;
            return;
        }
        match self.sign_out(&leaving.client).await {
            Ok(()) => self.record.lock().unwrap().sign_outs += 1,
            Err(err) => self.error(format!("sign-out: {err}")),
        }
    }

    async fn sign_out(&self, client: &reqwest::Client) -> Result<(), String> {
        let page = self.signed_in_page(client, "/account/security").await?;
        let token = csrf_token(&page).ok_or("/account/security: no CSRF token")?;
        let response = client
            .post(format!("{}/logout", self.address))
            .form(&[("csrf_token", token.as_str())])
            .send()
            .await
            .map_err(|err| format!("POST /logout: {err}"))?;
        expect_redirect(response, "/login?notice=signed-out")
            .await
            .map_err(|err| format!("POST /logout: {err}"))?;
        let response = client
            .get(format!("{}/account/security", self.address))
            .send()
            .await
            .map_err(|err| format!("GET /account/security signed out: {err}"))?;
        expect_redirect(response, "/login")
            .await
            .map_err(|err| format!("GET /account/security signed out: {err}"))
    }

    /// The page `path` of a signed-in client: a 200 with the sign-out form.
    async fn signed_in_page(&self, client: &reqwest::Client, path: &str) -> Result<String, String> {
        let fail = |err: &dyn std::fmt::Display| format!("GET {path}: {err}");
        let response = client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .map_err(|err| fail(&err))?;
        let status = response.status();
        let page = response.text().await.map_err(|err| fail(&err))?;
        if status != 200 {
            return Err(fail(&status));
        }
        if !page.contains(SIGN_OUT_FORM) {
            return Err(fail(&"a 200 without the sign-out form"));
        }
        Ok(page)
    }

    /// The `i`th page of the schedule, begun at `scheduled`.
    async fn page(self: Arc<Self>, i: u64, scheduled: Instant) {
        let session = if i.is_multiple_of(4) {
            None
        } else {
            self.sessions.lock().unwrap().pop_front()
        };
        let outcome = match &session {
            Some(session) => {
                let path = SIGNED_IN_PAGES[i as usize % SIGNED_IN_PAGES.len()];
                self.signed_in_page(&session.client, path).await.map(drop)
            }
            None => self.login_page().await,
        };
        let took = scheduled.elapsed();
        match outcome {
            Ok(()) => self.record.lock().unwrap().pages.push(took),
            Err(err) => self.error(err),
        }
        if let Some(session) = session {
            self.sessions.lock().unwrap().push_back(session);
        }
    }

    async fn login_page(&self) -> Result<(), String> {
        let fail = |err: &dyn std::fmt::Display| format!("GET /login: {err}");
        let response = self
            .anonymous
            .get(format!("{}/login", self.address))
            .send()
            .await
            .map_err(|err| fail(&err))?;
        let status = response.status();
        let page = response.text().await.map_err(|err| fail(&err))?;
        if status != 200 || csrf_token(&page).is_none() {
            return Err(fail(&format!("{status} without the sign-in form")));
        }
        Ok(())
    }
}

/// Starts `start(i, scheduled)` at `rate` a second from now until `until`, each on its
/// own task, never waiting for the ones before; then waits for them all.
async fn paced<F, T>(rate: f64, until: Instant, start: F)
where
    F: Fn(u64, Instant) -> T,
    T: Future<Output = ()> + Send + 'static,
{
    let began = tokio::time::Instant::now();
    let mut tasks = JoinSet::new();
    for i in 0.. {
        let scheduled = began + Duration::from_secs_f64(i as f64 / rate);
        if scheduled.into_std() >= until {
            break;
        }
        tokio::time::sleep_until(scheduled).await;
        tasks.spawn(start(i, scheduled.into_std()));
        while let Some(done) = tasks.try_join_next() {
            done.unwrap();
        }
    }
    while let Some(done) = tasks.join_next().await {
        done.unwrap();
    }
}

/// The server's RSS every `RSS_EVERY` from now until `until`: (since now, MiB).
async fn sample_rss(pid: u32, until: Instant) -> Vec<(Duration, f64)> {
    let began = Instant::now();
    let mut every = tokio::time::interval(RSS_EVERY);
    let mut samples = Vec::new();
    loop {
        every.tick().await;
        if Instant::now() >= until {
            break;
        }
        samples.push((began.elapsed(), memory_mib(pid, "VmRSS")));
    }
    samples.push((began.elapsed(), memory_mib(pid, "VmRSS")));
    samples
}

/// The least-squares slope of `samples`, in MiB per minute.
fn slope_per_minute(samples: &[(Duration, f64)]) -> f64 {
    let n = samples.len() as f64;
    let mean_t = samples.iter().map(|(t, _)| t.as_secs_f64()).sum::<f64>() / n;
    let mean_m = samples.iter().map(|(_, m)| m).sum::<f64>() / n;
    let (mut covariance, mut variance) = (0.0, 0.0);
    for (t, m) in samples {
        let dt = t.as_secs_f64() - mean_t;
        covariance += dt * (m - mean_m);
        variance += dt * dt;
    }
    if variance == 0.0 {
        0.0
    } else {
        covariance / variance * 60.0
    }
}

fn latencies(label: &str, mut sorted: Vec<Duration>) {
    sorted.sort();
    if sorted.is_empty() {
        println!("  {label}: none");
        return;
    }
    println!(
        "  {label}: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} from their scheduled start)",
        ms(percentile(&sorted, 0.50)),
        ms(percentile(&sorted, 0.95)),
        ms(percentile(&sorted, 0.99)),
        ms(*sorted.last().unwrap()),
        sorted.len()
    );
}

#[tokio::main]
async fn main() {
    // `cargo test --all-targets` builds benches and runs them without --bench: skip there.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let users = env_number("SOAK_USERS", 4000).max(2);
    let concurrency = env_number("SOAK_CONCURRENCY", 16).max(1);
    let capacity_for = Duration::from_secs(env_number("SOAK_CAPACITY_SECS", 20) as u64);
    let soak_for = Duration::from_secs(env_number("SOAK_SECS", 600) as u64);
    let warmup = Duration::from_secs(env_number("SOAK_WARMUP_SECS", 60) as u64).min(soak_for);
    let pages_per_sec = env_rate("SOAK_PAGES_PER_SEC").unwrap_or(20.0);
    let keep = env_number("SOAK_SESSIONS", 100).max(1);
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());

    let (run, seeded) = Run::seed(users).await;
    let server = run.start_server().await;
    let pid = server.pid();
    let users_queue = Arc::new(Mutex::new(Users::new(0, seeded.steps)));
    let secrets = Arc::new(seeded.secrets);

    let capacity = match env_rate("SOAK_RATE") {
        Some(_) => None,
        None => {
            eprintln!(
                "Measuring capacity: {concurrency} clients for {} s…",
                capacity_for.as_secs()
            );
            let started = Instant::now();
            let tally = storm(
                &server.address,
                &users_queue,
                &secrets,
                &Browsers::default(),
                concurrency,
                capacity_for,
            )
            .await;
            Some((tally.flows as f64 / started.elapsed().as_secs_f64(), tally))
        }
    };
    let rate = match &capacity {
        Some((per_sec, _)) => per_sec / 2.0,
        None => env_rate("SOAK_RATE").unwrap(),
    };

    let users_queue = Arc::try_unwrap(users_queue)
        .ok()
        .unwrap()
        .into_inner()
        .unwrap();
    let soak = Arc::new(Soak {
        address: server.address.clone(),
        users: Mutex::new(users_queue),
        secrets,
        sessions: Mutex::new(VecDeque::new()),
        keep,
        left: Mutex::new(0),
        anonymous: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(TIMEOUT)
            .pool_idle_timeout(IDLE_CONNECTION)
            .build()
            .unwrap(),
        began: Instant::now(),
        record: Mutex::new(Record::default()),
    });
    eprintln!(
        "Soaking for {} s: {rate:.1} sign-ins/s, {pages_per_sec:.0} pages/s…",
        soak_for.as_secs()
    );
    let until = soak.began + soak_for;
    let cpu_before = cpu_time(pid);
    let hashing_before = hashing_cpu_time(pid);
    let client_cpu_before = cpu_time(std::process::id());
    let sign_ins = paced(rate, until, {
        let soak = soak.clone();
        move |_, scheduled| soak.clone().sign_in(scheduled)
    });
    let pages = paced(pages_per_sec, until, {
        let soak = soak.clone();
        move |i, scheduled| soak.clone().page(i, scheduled)
    });
    let rss = sample_rss(pid, until);
    let cpu_at_end = tokio::spawn(async move {
        tokio::time::sleep_until(until.into()).await;
        (
            cpu_time(pid),
            hashing_cpu_time(pid),
            cpu_time(std::process::id()),
        )
    });
    let ((), (), rss) = tokio::join!(sign_ins, pages, rss);
    let elapsed = soak.began.elapsed();
    let (cpu_end, hashing_end, client_cpu_end) = cpu_at_end.await.unwrap();
    let rss_hwm = memory_mib(pid, "VmHWM");
    drop(server);
    let backend = run.database.backend();
    run.database.drop().await;

    let soak = Arc::try_unwrap(soak).ok().unwrap();
    let record = soak.record.into_inner().unwrap();
    let flows = record.flows.len();
    let cpu = cpu_end - cpu_before;
    let hashing = hashing_end - hashing_before;
    let client_cpu = client_cpu_end - client_cpu_before;

    println!(
        "soak on {backend}: {users} users, {} s at {rate:.1} sign-ins/s with {pages_per_sec:.0} pages/s, {cores} cores",
        soak_for.as_secs()
    );
    println!("  seeding: {:.1} s", seeded.took.as_secs_f64());
    match &capacity {
        Some((per_sec, tally)) => {
            println!(
                "  capacity: {} flows in {} s from {concurrency} clients ({per_sec:.1} flows/s), failures: {}, waits for a fresh TOTP step: {}; the soak runs at half",
                tally.flows,
                capacity_for.as_secs(),
                tally.failures,
                tally.waits_for_next_step
            );
            if let Some(failure) = &tally.first_failure {
                println!("    first failure: {failure}");
            }
        }
        None => println!("  capacity: not measured (SOAK_RATE)"),
    }
    println!(
        "  sign-ins completed: {flows} in {:.1} s ({:.1} flows/s; scheduled {rate:.1}), skipped for want of a user fresh in this TOTP step: {}",
        elapsed.as_secs_f64(),
        flows as f64 / elapsed.as_secs_f64(),
        record.no_fresh_user
    );
    let mut per_minute: BTreeMap<u64, usize> = BTreeMap::new();
    for (ended, _) in &record.flows {
        *per_minute.entry(ended.as_secs() / 60).or_default() += 1;
    }
    let minutes: Vec<String> = per_minute
        .iter()
        .map(|(minute, count)| {
            let length = (soak_for.as_secs_f64() - *minute as f64 * 60.0).clamp(1.0, 60.0);
            format!("{:.1}", *count as f64 / length)
        })
        .collect();
    println!("  flows/s by minute: {}", minutes.join(", "));
    println!(
        "  pages: {}, sign-outs: {}, sessions abandoned: {}, kept signed in at the end: {}",
        record.pages.len(),
        record.sign_outs,
        record.abandoned,
        soak.sessions.lock().unwrap().len()
    );
    let errors = record.errors + capacity.as_ref().map_or(0, |(_, t)| t.failures);
    println!(
        "  errors: {} (the soak {}, the capacity storm {})",
        errors,
        record.errors,
        errors - record.errors
    );
    for error in &record.first_errors {
        println!("    {error}");
    }
    latencies(
        "sign-ins (4 requests)",
        record.flows.iter().map(|(_, took)| *took).collect(),
    );
    latencies("pages", record.pages);
    let flows_f = flows.max(1) as f64;
    println!(
        "  server CPU per flow (with the pages beside it): {:.1} ms: hashing threads {:.1} ms, the rest {:.1} ms",
        ms(cpu) / flows_f,
        ms(hashing) / flows_f,
        ms(cpu - hashing) / flows_f
    );
    println!(
        "  CPU over the soak: server {:.1} s, these clients {:.1} s, of {:.1} s ({cores} cores × {:.1} s)",
        cpu.as_secs_f64(),
        client_cpu.as_secs_f64(),
        cores as f64 * soak_for.as_secs_f64(),
        soak_for.as_secs_f64()
    );
    let warm = rss
        .iter()
        .find(|(t, _)| *t >= warmup)
        .or(rss.last())
        .unwrap();
    let end = rss.last().unwrap();
    let after_warmup: Vec<(Duration, f64)> =
        rss.iter().filter(|(t, _)| *t >= warm.0).copied().collect();
    let max = after_warmup.iter().map(|(_, m)| *m).fold(0.0, f64::max);
    let growth = (end.1 - warm.1) / warm.1 * 100.0;
    println!(
        "  server RSS: {:.1} MiB at {} s (after the warm-up), {:.1} MiB at the end, max {max:.1} MiB since the warm-up, peak ever (VmHWM) {rss_hwm:.1} MiB",
        warm.1,
        warm.0.as_secs(),
        end.1
    );
    println!(
        "  RSS growth: {growth:+.1} % (goal < {RSS_GROWTH_LIMIT} %), trend {:+.2} MiB/min over {} samples every {} s",
        slope_per_minute(&after_warmup),
        after_warmup.len(),
        RSS_EVERY.as_secs()
    );
    let samples: Vec<String> = rss
        .iter()
        .filter(|(t, _)| t.as_secs() % 60 < RSS_EVERY.as_secs())
        .map(|(t, m)| format!("{}s {m:.1}", t.as_secs()))
        .collect();
    println!("  RSS by minute (MiB): {}", samples.join(", "));

    let passed = errors == 0 && growth < RSS_GROWTH_LIMIT;
    println!("  {}", if passed { "PASSED" } else { "FAILED" });
    if !passed {
        let kept = run.dir.keep();
        println!(
            "  the server's log is kept: {}",
            kept.join("server.log").display()
        );
        std::process::exit(1);
    }
}
