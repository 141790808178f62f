//! What the benchmarks that sign in against the release binary need (`login_flow`, `soak`,
//! `sso`): a fresh database, users seeded with an authenticator app through the services,
//! the server as a process of its own, its CPU time and memory from /proc, whole
//! browser-like sign-ins, and users handed out so that each signs in at most once per TOTP
//! step.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures_util::StreamExt;
use reqwest::cookie::{CookieStore, Jar};
use secrecy::SecretString;
use twostep::clock::Clock;
use twostep::config::{SecretKey, Settings};
use twostep::db::audit::Origin;
use twostep::domain::totp::{STEP_SECS, code_at};
use twostep::services::Services;
use twostep::services::account::NewAccount;
use twostep::startup::start_services;

use super::{csrf_token, drop_postgres_database, fresh_postgres_database};

pub const PASSWORD: &str = "violet kettle sings at dawn";
/// Users seeded at once.
pub const SEED_CONCURRENCY: usize = 8;

pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The database of one run: a SQLite file in `dir`, or with TWOSTEP_BENCH_POSTGRES_URL a
/// fresh database on that server (dropped by `drop`).
pub struct Database {
    pub url: String,
    postgres: Option<String>,
}

impl Database {
    async fn create(dir: &Path) -> Self {
        let postgres = std::env::var("TWOSTEP_BENCH_POSTGRES_URL").ok();
        let url = match &postgres {
            Some(server) => fresh_postgres_database(server).await,
            None => format!("sqlite://{}", dir.join("bench.db").display()),
        };
        Database { url, postgres }
    }

    pub fn backend(&self) -> &'static str {
        if self.postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    }

    pub async fn drop(self) {
        if let Some(server) = &self.postgres {
            drop_postgres_database(server, &self.url).await;
        }
    }
}

/// A run's temporary directory, database and secret key.
pub struct Run {
    pub dir: tempfile::TempDir,
    pub database: Database,
    key_hex: String,
    /// The port the server will listen on, known beforehand: the public URL names it
    /// (`http://localhost:{port}`, where passkeys work) for the seeding services too.
    port: u16,
}

impl Run {
    /// A fresh run: its directory, an empty database and a secret key.
    pub async fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::create(dir.path()).await;
        let key_hex = hex::encode(SecretKey::generate().expose());
        Run {
            dir,
            database,
            key_hex,
            port: free_port(),
        }
    }

    /// A fresh run, with `users` users seeded.
    pub async fn seed(users: usize) -> (Self, Seeded) {
        let run = Run::new().await;
        let seeded = seed_users(&run.services().await, users).await;
        (run, seeded)
    }

    /// The services on this run's database and secret key, as the server will have them:
    /// to seed through.
    pub async fn services(&self) -> Services {
        let mut settings = Settings::for_database(&self.database.url, self.dir.path());
        settings.secret_key = SecretKey::parse(&self.key_hex).unwrap();
        settings.public_url = self.public_url().parse().unwrap();
        start_services(Arc::new(settings), Clock::system())
            .await
            .unwrap()
    }

    /// The release binary on this run's database and key.
    pub async fn start_server(&self) -> Server {
        start_server(self, self.dir.path()).await
    }

    /// What the portal calls itself: a host name, so passkeys can be made for it.
    pub fn public_url(&self) -> String {
        format!("http://localhost:{}", self.port)
    }
}

/// Seeded users: user n is `user{n}@example.com`, with its app's key and the TOTP step its
/// confirmation used (which can never sign in again).
pub struct Seeded {
    pub secrets: Vec<Vec<u8>>,
    pub steps: Vec<u64>,
    pub took: Duration,
}

/// Seeds `users` users through `services`.
async fn seed_users(services: &Services, users: usize) -> Seeded {
    eprintln!("Seeding {users} users with an authenticator app…");
    let started = Instant::now();
    let mut seeded: Vec<(usize, (Vec<u8>, u64))> = futures_util::stream::iter(0..users)
        .map(|n| async move { (n, seed_user(services, n).await) })
        .buffer_unordered(SEED_CONCURRENCY)
        .collect()
        .await;
    seeded.sort_by_key(|(n, _)| *n);
    let (secrets, steps) = seeded.into_iter().map(|(_, s)| s).unzip();
    let took = started.elapsed();
    eprintln!("… done in {:.1} s", took.as_secs_f64());
    Seeded {
        secrets,
        steps,
        took,
    }
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
/// confirmation used.
async fn seed_user(services: &Services, n: usize) -> (Vec<u8>, u64) {
    let email = email(n);
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

pub fn email(n: usize) -> String {
    format!("user{n}@example.com")
}

/// The server process, killed when dropped (also when the benchmark panics).
pub struct Server {
    child: Child,
    pub address: String,
}

impl Server {
    pub fn pid(&self) -> u32 {
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

/// Starts the release binary on the run's database, key and port, with its data and
/// `server.log` in `data_dir`, and waits until it is ready.
async fn start_server(run: &Run, data_dir: &Path) -> Server {
    let (database_url, key_hex, port) = (&run.database.url, &run.key_hex, run.port);
    let log = std::fs::File::create(data_dir.join("server.log")).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_twostep"))
        .env("DATABASE_URL", database_url)
        .env("TWOSTEP_DATA_DIR", data_dir)
        .env("TWOSTEP_BIND", format!("127.0.0.1:{port}"))
        .env("TWOSTEP_PUBLIC_URL", run.public_url())
        .env("TWOSTEP_SECRET_KEY", key_hex)
        .env("TWOSTEP_SMS_PROVIDER", "log")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("the release binary starts");
    let mut server = Server {
        child,
        address: format!("http://127.0.0.1:{port}"),
    };
    let probe = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(response) = probe.get(format!("{}/readyz", server.address)).send().await
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
    server
}

/// Clock ticks per second, the unit of /proc/<pid>/stat's times (100 on Linux).
fn clock_ticks_per_sec() -> u64 {
    // SAFETY: sysconf reads a constant of the system; it has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    u64::try_from(ticks).ok().filter(|&t| t > 0).unwrap_or(100)
}

/// A process's CPU time so far (user + system), from /proc/<pid>/stat.
pub fn cpu_time(pid: u32) -> Duration {
    stat_cpu_time(&std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap())
}

/// The CPU time of a process's or thread's stat line.
pub fn stat_cpu_time(stat: &str) -> Duration {
    // The command name may hold spaces: the fields that follow start after its ')'.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..]
        .split_whitespace()
        .collect();
    // Fields 14 and 15 of proc(5) (utime, stime) are the 12th and 13th after the name.
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    Duration::from_millis(ticks * 1000 / clock_ticks_per_sec())
}

/// The CPU time of the server's hashing threads (named "argon2-N").
pub fn hashing_cpu_time(pid: u32) -> Duration {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("stat")).ok())
        .filter(|stat| stat.contains("(argon2-"))
        .map(|stat| stat_cpu_time(&stat))
        .sum()
}

/// A line of /proc/<pid>/status in MiB (VmRSS, VmHWM).
pub fn memory_mib(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|line| line.starts_with(field))
        .unwrap_or_else(|| panic!("{field} in /proc/{pid}/status"));
    let kib: f64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib / 1024.0
}

/// The CPU time of the PostgreSQL backends serving a run's database (processes titled
/// "postgres: … <user> <database> <client> …"), from a moment on: the database's share of
/// the work, which is not in the server's CPU time as it is with SQLite. A backend that
/// exits in between takes its time with it (the portal's pool keeps its connections).
pub struct BackendsCpu {
    database: String,
    before: HashMap<u32, Duration>,
}

impl BackendsCpu {
    /// From now on; `None` on SQLite.
    pub fn start(database: &Database) -> Option<Self> {
        database.postgres.as_ref()?;
        let name = database
            .url
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        let before = backends_cpu(&name);
        Some(BackendsCpu {
            database: name,
            before,
        })
    }

    /// Their CPU time since `start`.
    pub fn used(&self) -> Duration {
        backends_cpu(&self.database)
            .into_iter()
            .map(|(pid, cpu)| {
                cpu.saturating_sub(self.before.get(&pid).copied().unwrap_or_default())
            })
            .sum()
    }
}

/// The CPU time so far of each PostgreSQL backend serving `database`.
fn backends_cpu(database: &str) -> HashMap<u32, Duration> {
    let needle = format!(" {database} ");
    let Ok(processes) = std::fs::read_dir("/proc") else {
        return HashMap::new();
    };
    processes
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|title| String::from_utf8_lossy(&title).contains(&needle))
        })
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            Some((pid, stat_cpu_time(&stat)))
        })
        .collect()
}

/// One whole sign-in in `client`'s cookie jar. The code is taken at the moment it is
/// sent, `ahead` seconds in the future (the portal accepts the next step too); the step it
/// belongs to is returned.
pub async fn sign_in(
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
    home_page(client, address)
        .await
        .map_err(|err| fail("GET /", &err))?;
    Ok(now / STEP_SECS)
}

/// Reads the signed-in home page whole; an error unless it answers 200.
pub async fn home_page(client: &reqwest::Client, address: &str) -> Result<(), String> {
    let response = client
        .get(format!("{address}/"))
        .send()
        .await
        .map_err(|err| err.to_string())?;
    let status = response.status();
    response.bytes().await.map_err(|err| err.to_string())?;
    if status != 200 {
        return Err(status.to_string());
    }
    Ok(())
}

/// Reads the whole answer; an error unless it is a 303 to `to`.
pub async fn expect_redirect(response: reqwest::Response, to: &str) -> Result<(), String> {
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

/// Users waiting for their next sign-in, round-robin, with the last TOTP step each used.
pub struct Users {
    queue: VecDeque<usize>,
    last_step: Vec<u64>,
}

impl Users {
    /// Users `first..` of those seeded with `steps`.
    pub fn new(first: usize, steps: Vec<u64>) -> Self {
        Users {
            queue: (first..steps.len()).collect(),
            last_step: steps,
        }
    }

    /// The next user, unless it has already signed in during this TOTP step (then so have
    /// all the others waiting).
    pub fn take(&mut self) -> Option<usize> {
        let step = unix_now() / STEP_SECS;
        match self.queue.pop_front() {
            Some(n) if self.last_step[n] < step => Some(n),
            Some(n) => {
                self.queue.push_front(n);
                None
            }
            None => None,
        }
    }

    /// Puts user `n` back at the end, after a sign-in that ended with `outcome`.
    pub fn put_back(&mut self, n: usize, outcome: &Result<u64, String>) {
        self.last_step[n] = match outcome {
            Ok(step) => *step,
            // The step may have been claimed: wait a whole step to be sure.
            Err(_) => unix_now() / STEP_SECS + 1,
        };
        self.queue.push_back(n);
    }
}

/// Each user's own browser as it comes back: the cookie the portal gave it at its first
/// sign-in (`twostep_browser`), put in each of its fresh cookie jars. A storm then
/// measures people signing in again from their browser, not a new-device email (and its
/// "This wasn't me" link) at every sign-in.
#[derive(Clone, Default)]
pub struct Browsers(Arc<Mutex<HashMap<usize, String>>>);

impl Browsers {
    /// A client in a fresh cookie jar that holds user `n`'s browser cookie once it has one.
    pub fn client_for(&self, n: usize, address: &str) -> (reqwest::Client, Arc<Jar>) {
        let jar = Arc::new(Jar::default());
        if let Some(token) = self.0.lock().unwrap().get(&n) {
            let url = address.parse().expect("the portal's address");
            jar.add_cookie_str(&format!("{BROWSER_COOKIE}={token}"), &url);
        }
        (super::client_with(jar.clone()), jar)
    }

    /// Keeps the browser cookie user `n`'s sign-in in `jar` received, if any.
    pub fn keep(&self, n: usize, jar: &Jar, address: &str) {
        let url = address.parse().expect("the portal's address");
        let Some(header) = jar.cookies(&url) else {
            return;
        };
        let token = header
            .to_str()
            .unwrap_or_default()
            .split("; ")
            .find_map(|pair| {
                pair.strip_prefix(BROWSER_COOKIE)?
                    .strip_prefix('=')
                    .map(str::to_owned)
            });
        if let Some(token) = token {
            self.0.lock().unwrap().insert(n, token);
        }
    }
}

const BROWSER_COOKIE: &str = "twostep_browser";

#[derive(Default)]
pub struct Tally {
    pub flows: usize,
    pub failures: usize,
    pub first_failure: Option<String>,
    /// Times a client found every waiting user already signed in during this step.
    pub waits_for_next_step: usize,
}

/// `concurrency` clients signing in one after another, each time in a fresh cookie jar
/// (holding only the user's browser cookie, `browsers`), for `duration`.
pub async fn storm(
    address: &str,
    users: &Arc<Mutex<Users>>,
    secrets: &Arc<Vec<Vec<u8>>>,
    browsers: &Browsers,
    concurrency: usize,
    duration: Duration,
) -> Tally {
    let tally = Arc::new(Mutex::new(Tally::default()));
    let deadline = Instant::now() + duration;
    let workers = (0..concurrency).map(|_| {
        let users = users.clone();
        let tally = tally.clone();
        let secrets = secrets.clone();
        let browsers = browsers.clone();
        let address = address.to_owned();
        tokio::spawn(async move {
            while Instant::now() < deadline {
                let taken = users.lock().unwrap().take();
                let Some(n) = taken else {
                    tally.lock().unwrap().waits_for_next_step += 1;
                    let next_step = (unix_now() / STEP_SECS + 1) * STEP_SECS;
                    let wait = Duration::from_secs(next_step.saturating_sub(unix_now()))
                        .min(deadline.saturating_duration_since(Instant::now()))
                        .max(Duration::from_millis(100));
                    tokio::time::sleep(wait).await;
                    continue;
                };
                let (client, jar) = browsers.client_for(n, &address);
                let outcome = sign_in(&client, &address, &email(n), &secrets[n], 0).await;
                browsers.keep(n, &jar, &address);
                users.lock().unwrap().put_back(n, &outcome);
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
    Arc::try_unwrap(tally).ok().unwrap().into_inner().unwrap()
}
