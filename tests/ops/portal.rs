//! The portal as a process: the release binary, its environment, its signals, its log.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use twostep::config::SecretKey;
use twostep::db::Db;

use crate::kit::{Kit, services_for};
use crate::standins::{StandIn, TWILIO_FROM, TWILIO_SID, TWILIO_TOKEN};

pub const POSTGRES_URL_VAR: &str = "TWOSTEP_TEST_POSTGRES_URL";
pub const REQUIRE_POSTGRES_VAR: &str = "TWOSTEP_REQUIRE_POSTGRES";
/// A password zxcvbn accepts, for every seeded user.
pub const PASSWORD: &str = "violet kettle sings at dawn";
/// How long a started portal has to answer /healthz.
const START_WITHIN: Duration = Duration::from_secs(60);

/// The release binary: built once per test run (`cargo build --release`, which is quick
/// when nothing changed), unless `TWOSTEP_OPS_BINARY` names one.
///
/// The build runs without the variables cargo sets for a test process (`CARGO_MANIFEST_DIR`,
/// `CARGO_PKG_*`…): build scripts that watch them (ring's watches `CARGO_MANIFEST_DIR`)
/// would otherwise see a change and rebuild half the tree, where a `cargo build --release`
/// from a shell, before the tests, has left nothing to do. Nor does it see the variables
/// with which `.ci/run` compiles the tests through clippy (`RUSTC_WORKSPACE_WRAPPER`,
/// `CLIPPY_ARGS`): the release binary is built as an operator builds it, and as `.ci/run`
/// built it beforehand.
pub fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        if let Some(path) = std::env::var_os("TWOSTEP_OPS_BINARY") {
            return PathBuf::from(path);
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut build = Command::new(cargo);
        for (name, _) in std::env::vars_os() {
            if name.to_str().is_some_and(kept_from_the_release_build) {
                build.env_remove(name);
            }
        }
        let output = build
            .args([
                "build",
                "--release",
                "--locked",
                "--bin",
                "twostep",
                "--message-format=json-render-diagnostics",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stderr(Stdio::inherit())
            .output()
            .expect("cargo runs");
        assert!(output.status.success(), "cargo build --release failed");
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|message| message["target"]["name"] == "twostep")
            .find_map(|message| message["executable"].as_str().map(PathBuf::from))
            .expect("cargo names the twostep executable it built")
    })
}

/// Whether `name` is one of the variables cargo gives a test process about its package,
/// rather than one that configures cargo (`CARGO_HOME`, `CARGO_TARGET_DIR`, …), or one
/// that compiles this package through clippy (above). `OUT_DIR`
/// is among them (the package has a build script): ring's build script watches it, so
/// with it the release build rebuilt ring and all above it, and the next build from a
/// shell (`.ci/run`'s, before the container) rebuilt them back.
fn kept_from_the_release_build(name: &str) -> bool {
    [
        "OUT_DIR",
        "CARGO_MANIFEST_DIR",
        "CARGO_MANIFEST_PATH",
        "CARGO_CRATE_NAME",
        "CARGO_PRIMARY_PACKAGE",
        "CARGO_TARGET_TMPDIR",
        "CARGO_RUSTC_CURRENT_DIR",
        "RUSTC_WORKSPACE_WRAPPER",
        "CLIPPY_ARGS",
    ]
    .contains(&name)
        || name.starts_with("CARGO_PKG_")
        || name.starts_with("CARGO_BIN_")
}

/// What every instance of one deployment shares: the database, the secret key, the SMS
/// provider (the Twilio stand-in), and any further settings.
#[derive(Clone)]
pub struct Deployment {
    pub database_url: String,
    pub secret_key: String,
    pub sms: StandIn,
    pub env: Vec<(&'static str, String)>,
}

impl Deployment {
    pub fn new(database_url: String) -> Self {
        Self {
            database_url,
            secret_key: hex::encode(twostep::config::SecretKey::generate().expose()),
            sms: crate::standins::twilio(),
            env: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.env.push((name, value.into()));
        self
    }

    /// Applies the migrations and adds an administrator, so the portal starts as a set-up
    /// one does (no setup link).
    pub async fn prepare(&self) -> Db {
        let db = Db::connect(&self.database_url).unwrap();
        db.migrate().await.expect("migrations apply");
        self.add_user("admin@example.com", true, None).await;
        db
    }

    /// A confirmed user with `PASSWORD`, made through the deployment's use cases (the test
    /// kit); with a phone, SMS 2-step verification is on, turned on with a code texted to
    /// the stand-in (one text, one `sms.sent` event).
    pub async fn add_user(&self, email: &str, admin: bool, phone: Option<&str>) -> i64 {
        let key = SecretKey::parse(&self.secret_key).unwrap();
        let services = services_for(&self.database_url, key, &self.sms).await;
        let kit = Kit::new(&services, &self.sms);
        let id = kit
            .create_user(email, "Ada Lovelace", PASSWORD, admin)
            .await;
        if let Some(phone) = phone {
            kit.turn_on_sms(id, phone).await;
        }
        id
    }

    /// The binary with the deployment's environment (and nothing else of the test's),
    /// serving on `port` with its data directory at `data_dir`.
    pub fn command(&self, port: u16, data_dir: &Path) -> Command {
        let mut command = Command::new(binary());
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default());
        // A secret given in a file (`…_FILE` among `env`) is not given again in clear.
        for (name, value) in [
            ("DATABASE_URL", &self.database_url),
            ("TWOSTEP_SECRET_KEY", &self.secret_key),
        ] {
            let from_file = format!("{name}_FILE");
            if self.env.iter().all(|(set, _)| *set != from_file) {
                command.env(name, value);
            }
        }
        command
            .env("TWOSTEP_BIND", format!("127.0.0.1:{port}"))
            .env("TWOSTEP_DATA_DIR", data_dir)
            .env("TWOSTEP_SMS_PROVIDER", "twilio")
            .env("TWOSTEP_TWILIO_ACCOUNT_SID", TWILIO_SID)
            .env("TWOSTEP_TWILIO_AUTH_TOKEN", TWILIO_TOKEN)
            .env("TWOSTEP_TWILIO_FROM", TWILIO_FROM)
            .env("TWOSTEP_TWILIO_API_BASE", &self.sms.base_url)
            .envs(self.env.iter().map(|(name, value)| (name, value)));
        command
    }

    /// Runs a command of the binary (`args`; `serve` for one that must refuse to start)
    /// with the deployment's environment: its exit status and everything it wrote. Killed,
    /// failing the test, if still running after a minute.
    pub async fn run(&self, args: &[&str]) -> (ExitStatus, String) {
        self.run_on(free_port(), args).await
    }

    /// As `run`, with `TWOSTEP_BIND` on `port` of 127.0.0.1.
    pub async fn run_on(&self, port: u16, args: &[&str]) -> (ExitStatus, String) {
        let data_dir = tempfile::tempdir().unwrap();
        let out = data_dir.path().join("out.log");
        let log = std::fs::File::create(&out).unwrap();
        let mut child = self
            .command(port, &data_dir.path().join("data"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "twostep {args:?} still ran after a minute:\n{}",
                    std::fs::read_to_string(&out).unwrap_or_default()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        (status, std::fs::read_to_string(&out).unwrap_or_default())
    }

    /// Starts one instance and waits until it answers.
    pub async fn start(&self) -> Portal {
        Portal::start(self).await
    }
}

/// One running portal process; killed when dropped.
pub struct Portal {
    child: Child,
    pub address: String,
    data_dir: tempfile::TempDir,
}

impl Portal {
    async fn start(deployment: &Deployment) -> Self {
        let port = free_port();
        let data_dir = tempfile::tempdir().unwrap();
        let log = std::fs::File::create(data_dir.path().join("portal.log")).unwrap();
        let mut command = deployment.command(port, &data_dir.path().join("data"));
        command
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        let child = command.spawn().expect("the portal starts");
        let mut portal = Self {
            child,
            address: format!("http://127.0.0.1:{port}"),
            data_dir,
        };
        portal.wait_until_healthy().await;
        portal
    }

    async fn wait_until_healthy(&mut self) {
        let client = reqwest::Client::new();
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("the portal exited ({status}) at start:\n{}", self.log());
            }
            let health = client.get(self.url("/healthz")).send().await;
            if health.is_ok_and(|r| r.status() == 200) {
                return;
            }
            assert!(
                started.elapsed() < START_WITHIN,
                "the portal did not answer within {START_WITHIN:?}:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub fn port(&self) -> u16 {
        self.address.rsplit(':').next().unwrap().parse().unwrap()
    }

    pub fn pid(&self) -> i32 {
        i32::try_from(self.child.id()).unwrap()
    }

    pub fn signal(&self, signal: i32) {
        // SAFETY: kill(2) with the pid of a child this process started and has not reaped.
        assert_eq!(unsafe { libc::kill(self.pid(), signal) }, 0, "kill failed");
    }

    /// SIGKILL: the process ends at once, finishing nothing.
    pub fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Waits for the process to end, at most `within`.
    pub async fn exit_status(&mut self, within: Duration) -> ExitStatus {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                started.elapsed() < within,
                "the portal did not exit within {within:?}:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Everything the process wrote to standard output and standard error.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.data_dir.path().join("portal.log")).unwrap_or_default()
    }

    /// Fails if the log shows a panic or an unexpected failure.
    #[track_caller]
    pub fn assert_log_clean(&self) {
        let log = self.log();
        for sign in [
            "panicked",
            "Request failed unexpectedly",
            "A framework error",
        ] {
            assert!(!log.contains(sign), "the log shows {sign:?}:\n{log}");
        }
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A fresh database on the PostgreSQL server of `TWOSTEP_TEST_POSTGRES_URL` (dropped by
/// `.ci/run` with the others named `twostep_test_…`), or `None` when it is not set and
/// not required.
pub async fn fresh_postgres_database() -> Option<String> {
    let Ok(server) = std::env::var(POSTGRES_URL_VAR) else {
        assert!(
            std::env::var(REQUIRE_POSTGRES_VAR).is_err(),
            "{REQUIRE_POSTGRES_VAR} is set but {POSTGRES_URL_VAR} is not"
        );
        eprintln!("\n*** SKIPPED: set {POSTGRES_URL_VAR} to run it ***\n");
        return None;
    };
    let name = format!("twostep_test_ops_{}", uuid::Uuid::new_v4().simple());
    let admin = Db::connect(&server).unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(r#"CREATE DATABASE "{name}""#)))
        .execute(&admin.pool)
        .await
        .expect("creating a test database");
    admin.pool.close().await;
    let mut url = url::Url::parse(&server).unwrap();
    url.set_path(&name);
    Some(url.to_string())
}
