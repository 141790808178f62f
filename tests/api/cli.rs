//! The command line, run as a separate process against either database.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::helpers::{Backend, GOOD_PASSWORD, fresh_database_url};
use crate::on_each_backend;

fn twostep(
    database_url: &str,
    data_dir: &std::path::Path,
    args: &[&str],
    stdin: &str,
) -> std::process::Output {
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
    child.wait_with_output().unwrap()
}

async fn migrate_and_create_users(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(backend, dir.path()).await else {
        return;
    };
    let migrate = twostep(&url, dir.path(), &["migrate"], "");
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
    let created = twostep(&url, dir.path(), &args, &format!("{GOOD_PASSWORD}\n"));
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
        let out = twostep(&url, dir.path(), args, &format!("{password}\n"));
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
    }
    let empty = twostep(
        &url,
        dir.path(),
        &["user", "create", "--email", "c@example.com"],
        "",
    );
    assert!(String::from_utf8_lossy(&empty.stderr).contains("no password on standard input"));
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(users, 1);
}

on_each_backend!(migrate_and_create_users => cli_works_on_sqlite, cli_works_on_postgres);
