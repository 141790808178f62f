//! The command line, run as a separate process against either database.

use std::io::Write;
use std::process::{Command, Stdio};

use twostep::config::{SecretKey, Settings};
use twostep::startup::Application;
use twostep::web::state::AppState;

use crate::helpers::{
    Backend, GOOD_PASSWORD, PHONE, assert_redirect_to, client_with, fresh_database_url, submit_with,
};
use crate::kit::Kit;
use crate::on_each_backend;
use crate::standins::{StandIn, twilio};

/// The portal serving a database the command line also writes to; idle once root has
/// signed in (its email sender looks at the outbox only every hour), so the commands meet
/// no other writer.
struct PortalOn {
    address: String,
    state: actix_web::web::Data<AppState>,
    sms: StandIn,
}

impl PortalOn {
    async fn start(database_url: &str, data_dir: &std::path::Path) -> Self {
        let sms = twilio();
        let mut settings = Settings::for_database(database_url, data_dir);
        // The key the commands made in the data directory: what they seal and hash, the
        // portal opens and checks.
        if let Ok(key) = std::fs::read_to_string(data_dir.join("secret.key")) {
            settings.secret_key = SecretKey::parse(&key).unwrap();
        }
        settings.bind = "127.0.0.1:0".parse().unwrap();
        settings.sms = sms.twilio_settings();
        settings.mail.poll = std::time::Duration::from_secs(3_600);
        let app = Application::build(settings).await.unwrap();
        let address = format!("http://127.0.0.1:{}", app.port());
        let state = app.state();
        tokio::spawn(app.run_until_stopped());
        Self {
            address,
            state,
            sms,
        }
    }

    /// `email` turns on SMS 2-step verification, then signs in with the code texted.
    async fn sign_in_with_sms(&self, email: &str) {
        let kit = Kit::new(&self.state.services, &self.sms);
        kit.turn_on_sms(kit.id_of(email).await, PHONE).await;
        let browser = client_with(Default::default());
        let fields = [("email", email), ("password", GOOD_PASSWORD)];
        let asked = submit_with(&browser, &self.address, "/login", "/login", &fields).await;
        assert_redirect_to(&asked, "/login/verify");
        let code = self.sms.last_code_to(PHONE);
        let page = "/login/verify";
        let signed_in = submit_with(&browser, &self.address, page, page, &[("code", &code)]).await;
        assert_redirect_to(&signed_in, "/");
    }
}

/// Runs the binary. The wait is on a blocking thread: a test's runtime has one thread, and a
/// portal started in the test (`PortalOn`) must go on serving (and finish a transaction it
/// holds) while the command waits for the database.
pub(crate) fn twostep(
    database_url: &str,
    data_dir: &std::path::Path,
    args: &[&str],
    stdin: &str,
) -> impl std::future::Future<Output = std::process::Output> + use<> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_twostep"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("TWOSTEP_DATA_DIR", data_dir)
        .env_remove("TWOSTEP_SECRET_KEY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the twostep binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    async move {
        tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
            .await
            .unwrap()
    }
}

async fn migrate_and_create_users(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(backend, dir.path()).await else {
        return;
    };
    let migrate = twostep(&url, dir.path(), &["migrate"], "").await;
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );
    assert!(String::from_utf8_lossy(&migrate.stdout).contains("Migrations applied."));

    let args = [
        "user",
        "create",
        "--email",
        "Root@Example.com",
        "--name",
        "Root",
        "--phone",
        "+46 70-123 45 67",
        "--admin",
    ];
    let created = twostep(&url, dir.path(), &args, &format!("{GOOD_PASSWORD}\n")).await;
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );

    let db = twostep::db::Db::connect(&url).unwrap();
    let (email, phone, admin): (String, String, i64) =
        sqlx::query_as("SELECT email, phone, is_admin FROM users")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(
        (email.as_str(), phone.as_str(), admin),
        ("root@example.com", "+46701234567", 1)
    );
    let event: String = sqlx::query_scalar("SELECT event FROM audit_events")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(event, "admin.created");

    // Refusals say why and write nothing.
    let refusals: [(&[&str], &str, &str); 4] = [
        (
            &[
                "user",
                "create",
                "--email",
                "b@example.com",
                "--phone",
                "+46 8 123 456 78",
            ],
            GOOD_PASSWORD,
            "cannot receive text messages",
        ),
        (
            &["user", "create", "--email", "b@example.com"],
            "password",
            "too easy to guess",
        ),
        (
            &["user", "create", "--email", "not-an-email"],
            GOOD_PASSWORD,
            "--email",
        ),
        (
            &["user", "create", "--email", "root@example.com"],
            GOOD_PASSWORD,
            "already exists",
        ),
    ];
    for (args, password, reason) in refusals {
        let out = twostep(&url, dir.path(), args, &format!("{password}\n")).await;
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
    }
    let empty = twostep(
        &url,
        dir.path(),
        &["user", "create", "--email", "c@example.com"],
        "",
    )
    .await;
    assert!(String::from_utf8_lossy(&empty.stderr).contains("no password on standard input"));
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(users, 1);
}

on_each_backend!(migrate_and_create_users => cli_works_on_sqlite, cli_works_on_postgres);

/// The break-glass: an administrator who lost their phone and their recovery codes is
/// reset from the server's command line; the account commands refuse what would lock
/// everyone out.
async fn reset_and_account_commands(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(backend, dir.path()).await else {
        return;
    };
    let run = |args: &[&str]| twostep(&url, dir.path(), args, "");
    let created = twostep(
        &url,
        dir.path(),
        &["user", "create", "--email", "root@example.com", "--admin"],
        &format!("{GOOD_PASSWORD}\n"),
    )
    .await;
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    // Root turns on SMS (recovery codes with it) and signs in, on a portal serving this
    // database.
    let portal = PortalOn::start(&url, dir.path()).await;
    portal.sign_in_with_sms("root@example.com").await;
    let db = twostep::db::Db::connect(&url).unwrap();
    let count = |sql: &'static str| {
        let pool = db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };

    assert!(count("SELECT COUNT(*) FROM recovery_codes").await > 0);
    assert!(count("SELECT COUNT(*) FROM sessions").await > 0);
    let emails_before = count("SELECT COUNT(*) FROM outbox").await;
    let reset = run(&["user", "reset-2fa", "--email", "Root@Example.com"]).await;
    assert!(
        reset.status.success(),
        "{}",
        String::from_utf8_lossy(&reset.stderr)
    );
    assert!(
        String::from_utf8_lossy(&reset.stdout)
            .contains("2-step verification of root@example.com was reset")
    );
    assert_eq!(count("SELECT COUNT(*) FROM users WHERE two_factor_method IS NULL AND phone_verified_at IS NULL").await, 1);
    assert_eq!(count("SELECT COUNT(*) FROM recovery_codes").await, 0);
    assert_eq!(
        count("SELECT COUNT(*) FROM sessions WHERE user_id IS NOT NULL").await,
        0
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM audit_events WHERE event = 'two_step.reset' AND actor_user_id IS NULL AND detail = 'command line'").await,
        1
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM outbox").await,
        emails_before + 1,
        "the user is emailed"
    );

    // The only administrator is never disabled.
    let refused = run(&["user", "disable", "--email", "root@example.com"]).await;
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("the last administrator"));
    assert_eq!(
        count("SELECT COUNT(*) FROM users WHERE disabled = 1").await,
        0
    );

    let second = twostep(
        &url,
        dir.path(),
        &["user", "create", "--email", "bob@example.com"],
        &format!("{GOOD_PASSWORD}\n"),
    )
    .await;
    assert!(second.status.success());
    for (args, out) in [
        (
            ["user", "make-admin", "--email", "bob@example.com"],
            "bob@example.com is an administrator.",
        ),
        (
            ["user", "disable", "--email", "root@example.com"],
            "root@example.com is disabled",
        ),
        (
            ["user", "enable", "--email", "root@example.com"],
            "root@example.com is enabled.",
        ),
    ] {
        let done = run(&args).await;
        assert!(
            done.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&done.stderr)
        );
        assert!(
            String::from_utf8_lossy(&done.stdout).contains(out),
            "{args:?}"
        );
    }
    assert_eq!(
        count("SELECT COUNT(*) FROM users WHERE is_admin = 1 AND disabled = 0").await,
        2
    );
    let unknown = run(&["user", "reset-2fa", "--email", "ghost@example.com"]).await;
    assert!(!unknown.status.success());
    assert!(
        String::from_utf8_lossy(&unknown.stderr)
            .contains("no account has the email ghost@example.com")
    );
}

on_each_backend!(reset_and_account_commands => account_commands_on_sqlite, account_commands_on_postgres);

/// `twostep client create` registers an application as "Add application" does: it prints
/// `client_id: …` and, for a confidential client, `client_secret: …`, one a line, stores
/// only the secret's SHA-256 and audits it as done from the command line; refusals say
/// which flag is wrong on standard error and write nothing.
async fn create_clients(backend: Backend) {
    use sha2::{Digest, Sha256};

    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(backend, dir.path()).await else {
        return;
    };
    let run = |args: &[&str]| twostep(&url, dir.path(), args, "");
    let db = twostep::db::Db::connect(&url).unwrap();

    let out = run(&[
        "client",
        "create",
        "--name",
        "CRM",
        "--redirect-uri",
        "https://crm.example.com/oidc/callback",
        "--redirect-uri",
        "http://localhost:3000/cb",
        "--post-logout-uri",
        "https://crm.example.com/bye",
        "--require-two-step",
    ])
    .await;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let client_id = lines[0].strip_prefix("client_id: ").expect(&stdout);
    let secret = lines[1].strip_prefix("client_secret: ").expect(&stdout);
    assert_eq!((client_id.len(), secret.len()), (43, 43));
    let (hash, public, two_step, room, redirects, logouts): (
        Option<String>,
        i64,
        i64,
        Option<i64>,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT secret_hash, public_client, require_two_step, room_id, redirect_uris, post_logout_uris FROM applications WHERE client_id = $1",
    )
    .bind(client_id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(hash, Some(hex::encode(Sha256::digest(secret.as_bytes()))));
    assert_eq!((public, two_step, room), (0, 1, None));
    assert_eq!(
        redirects,
        "https://crm.example.com/oidc/callback\nhttp://localhost:3000/cb"
    );
    assert_eq!(logouts, "https://crm.example.com/bye");
    let (event, actor, detail): (String, Option<i64>, String) =
        sqlx::query_as("SELECT event, actor_user_id, detail FROM audit_events")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(
        (event.as_str(), actor, detail),
        (
            "application.added",
            None,
            format!("CRM (client {client_id})")
        )
    );

    // A public client, tied to a data room: its client ID alone.
    let created = twostep(
        &url,
        dir.path(),
        &["user", "create", "--email", "root@example.com", "--admin"],
        &format!("{GOOD_PASSWORD}\n"),
    )
    .await;
    assert!(created.status.success());
    let portal = PortalOn::start(&url, dir.path()).await;
    let kit = Kit::new(&portal.state.services, &portal.sms);
    let admin = kit.id_of("root@example.com").await;
    let deal = kit
        .create_room(admin, "Deal", None, true, &["root@example.com"])
        .await;
    let out = run(&[
        "client",
        "create",
        "--name",
        "Viewer",
        "--redirect-uri",
        "https://viewer.example.com/cb",
        "--public",
        "--room",
        &deal.to_string(),
    ])
    .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "no secret for a public client: {stdout}");
    let client_id = lines[0].strip_prefix("client_id: ").expect(&stdout);
    let (hash, public, room): (Option<String>, i64, Option<i64>) = sqlx::query_as(
        "SELECT secret_hash, public_client, room_id FROM applications WHERE client_id = $1",
    )
    .bind(client_id)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!((hash, public, room), (None, 1, Some(deal)));

    // Refusals: which flag, why, and nothing written.
    let count = || {
        let pool = db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM applications WHERE name NOT IN ('CRM', 'Viewer')",
            )
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let cb = "https://app.example.com/cb";
    let refusals: [(&[&str], &str); 8] = [
        (&["client", "create", "--name", "App"], "--redirect-uri"),
        (
            &["client", "create", "--name", " ", "--redirect-uri", cb],
            "--name: Enter the application's name.",
        ),
        (
            &[
                "client",
                "create",
                "--name",
                "App",
                "--redirect-uri",
                "http://app.example.com/cb",
            ],
            "--redirect-uri: \"http://app.example.com/cb\" must start with https://",
        ),
        (
            &[
                "client",
                "create",
                "--name",
                "App",
                "--redirect-uri",
                cb,
                "--post-logout-uri",
                "https://app.example.com/#bye",
            ],
            "--post-logout-uri: \"https://app.example.com/#bye\" may not hold",
        ),
        (
            &[
                "client",
                "create",
                "--name",
                "App",
                "--redirect-uri",
                "https://app.example.com/a\nhttps://evil.example/b",
            ],
            "--redirect-uri: one address each",
        ),
        (
            &[
                "client",
                "create",
                "--name",
                "App",
                "--redirect-uri",
                cb,
                "--room",
                "999999",
            ],
            "--room: no data room has the id 999999",
        ),
        (
            &[
                "client",
                "create",
                "--name",
                "App",
                "--redirect-uri",
                cb,
                "--room",
                "abc",
            ],
            "--room",
        ),
        (
            &[
                "client",
                "create",
                "--name",
                "App",
                "--redirect-uri",
                cb,
                "--public",
                "--secret",
                "x",
            ],
            "--secret",
        ),
    ];
    for (args, reason) in refusals {
        let out = run(args).await;
        assert!(!out.status.success(), "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "{args:?}: nothing on standard output"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
    }
    assert_eq!(count().await, 0);
}

on_each_backend!(create_clients => client_create_on_sqlite, client_create_on_postgres);

/// `user temporary-code`: the code alone on the last line, as "Issue code" makes it
/// (stored hashed, audited as from the command line, the person emailed without it); the
/// portal signs the person in with it once. Only 1, 8 or 24 hours, and only for an
/// account it can help.
async fn temporary_code_command(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(backend, dir.path()).await else {
        return;
    };
    let run = |args: &[&str]| twostep(&url, dir.path(), args, "");
    for email in ["ada@example.com", "plain@example.com"] {
        let args = ["user", "create", "--email", email];
        let created = twostep(&url, dir.path(), &args, &format!("{GOOD_PASSWORD}\n")).await;
        assert!(created.status.success());
    }
    let portal = PortalOn::start(&url, dir.path()).await;
    let kit = Kit::new(&portal.state.services, &portal.sms);
    kit.turn_on_sms(kit.id_of("ada@example.com").await, PHONE)
        .await;

    let args = [
        "user",
        "temporary-code",
        "--email",
        "Ada@Example.com",
        "--hours",
        "24",
    ];
    let out = run(&args).await;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let code = stdout.lines().last().unwrap().to_owned();
    assert_eq!(code.len(), 19, "{stdout}");
    assert!(stdout.contains("valid once until"), "{stdout}");
    let db = twostep::db::Db::connect(&url).unwrap();
    let (mac, issued_by): (String, Option<i64>) =
        sqlx::query_as("SELECT code_mac, issued_by FROM temporary_codes")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert!(!mac.contains(&code) && issued_by.is_none());
    let detail: String =
        sqlx::query_scalar("SELECT detail FROM audit_events WHERE event = 'temporary_code.issued'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(detail, "valid 24 hours (command line)");

    let browser = client_with(Default::default());
    let fields = [("email", "ada@example.com"), ("password", GOOD_PASSWORD)];
    let asked = submit_with(&browser, &portal.address, "/login", "/login", &fields).await;
    assert_redirect_to(&asked, "/login/verify");
    let page = "/login/temporary-code";
    let fields = [("temporary_code", code.as_str())];
    let signed_in = submit_with(&browser, &portal.address, page, page, &fields).await;
    assert_redirect_to(&signed_in, "/account/security?notice=temporary-code-used");

    for (args, reason) in [
        (
            &[
                "user",
                "temporary-code",
                "--email",
                "ada@example.com",
                "--hours",
                "2",
            ][..],
            "--hours: a temporary access code is valid for 1, 8 or 24 hours, not 2",
        ),
        (
            &["user", "temporary-code", "--email", "nobody@example.com"][..],
            "--email: no account has the email nobody@example.com",
        ),
        (
            &["user", "temporary-code", "--email", "plain@example.com"][..],
            "plain@example.com has no 2-step verification",
        ),
        (&["user", "temporary-code"][..], "--email"),
    ] {
        let out = run(args).await;
        assert!(!out.status.success(), "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "{args:?}: nothing on standard output"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
    }
    let issued: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE event = 'temporary_code.issued'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(issued, 1);
}

on_each_backend!(temporary_code_command => temporary_code_on_sqlite, temporary_code_on_postgres);
