//! Self-hosting with the release binary (README, "Operations"): secrets from files and
//! their refusals, `twostep healthcheck` against a running and a stopped portal, and a
//! backup taken under a sign-in load, restored in place, where every account signs in.

use std::time::Duration;

use futures_util::future::join_all;

use crate::flows::{browser, code_step, location, password_step};
use crate::portal::{Deployment, PASSWORD, Portal, fresh_postgres_database};

fn sqlite_deployment(dir: &tempfile::TempDir) -> Deployment {
    Deployment::new(format!(
        "sqlite://{}",
        dir.path().join("twostep.db").display()
    ))
}

/// Signs `email` in with the password alone in a fresh browser: where it lands.
async fn sign_in(portal: &Portal, email: &str) -> String {
    let client = browser();
    let answer = password_step(&client, &portal.address, email, PASSWORD)
        .await
        .unwrap();
    location(&answer).to_owned()
}

async fn healthcheck_answers_for_a_running_portal_only(deployment: Deployment) {
    deployment.prepare().await;
    let mut portal = deployment.start().await;
    let port = portal.port();
    let (status, said) = deployment.run_on(port, &["healthcheck"]).await;
    assert!(status.success(), "{said}");
    assert!(
        said.contains(&format!("http://127.0.0.1:{port}/readyz")),
        "{said}"
    );
    // A wildcard bind is asked on loopback; nothing but the address is read (no data
    // directory is made, no key).
    let nowhere = tempfile::tempdir().unwrap().path().join("never-made");
    let (status, said) = deployment
        .clone()
        .with("TWOSTEP_BIND", format!("0.0.0.0:{port}"))
        .with("TWOSTEP_DATA_DIR", nowhere.display().to_string())
        .run(&["healthcheck"])
        .await;
    assert!(status.success(), "{said}");
    assert!(!nowhere.exists());
    portal.signal(libc::SIGTERM);
    assert!(portal.exit_status(Duration::from_secs(40)).await.success());
    let (status, said) = deployment.run_on(port, &["healthcheck"]).await;
    assert!(!status.success(), "{said}");
    assert!(said.contains("did not answer"), "{said}");
}

#[tokio::test]
async fn healthcheck_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    healthcheck_answers_for_a_running_portal_only(sqlite_deployment(&dir)).await;
}

#[tokio::test]
async fn healthcheck_on_postgres() {
    let Some(url) = fresh_postgres_database().await else {
        return;
    };
    healthcheck_answers_for_a_running_portal_only(Deployment::new(url)).await;
}

#[tokio::test]
async fn the_portal_serves_with_its_secrets_in_files_and_refuses_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let plain = sqlite_deployment(&dir);
    plain.prepare().await;
    plain.add_user("ada@example.com", false, None).await;
    let url_file = dir.path().join("database-url");
    std::fs::write(&url_file, format!("{}\n", plain.database_url)).unwrap();
    let key_file = dir.path().join("secret-key");
    std::fs::write(&key_file, format!("{}\n", plain.secret_key)).unwrap();
    let from_files = plain
        .clone()
        .with("DATABASE_URL_FILE", url_file.display().to_string())
        .with("TWOSTEP_SECRET_KEY_FILE", key_file.display().to_string());

    // The same database and key, from the files: the account made under the key signs in.
    let portal = from_files.start().await;
    assert_eq!(sign_in(&portal, "ada@example.com").await, "/");
    portal.assert_log_clean();
    drop(portal);

    // Both forms of one secret: refused, naming it.
    let both = from_files
        .clone()
        .with("TWOSTEP_SECRET_KEY", plain.secret_key.clone());
    let (status, said) = both.run(&["serve"]).await;
    assert!(!status.success(), "{said}");
    assert!(
        said.contains("TWOSTEP_SECRET_KEY and TWOSTEP_SECRET_KEY_FILE are both set"),
        "{said}"
    );
    // A file that cannot be read: refused, naming the variable, for every command.
    let unreadable = plain.clone().with(
        "TWOSTEP_METRICS_TOKEN_FILE",
        dir.path().join("missing").display().to_string(),
    );
    for args in [&["serve"][..], &["secret-key", "rotate"][..]] {
        let (status, said) = unreadable.run(args).await;
        assert!(!status.success(), "{said}");
        assert!(
            said.contains("TWOSTEP_METRICS_TOKEN_FILE: cannot read"),
            "{said}"
        );
    }
}

#[tokio::test]
async fn a_backup_taken_under_sign_ins_restores_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let deployment = sqlite_deployment(&dir);
    deployment.prepare().await;
    let people: Vec<String> = (0..8).map(|n| format!("user{n}@example.com")).collect();
    for email in &people {
        deployment.add_user(email, false, None).await;
    }
    let phone = "+46701110088";
    deployment
        .add_user("sms@example.com", false, Some(phone))
        .await;
    let mut portal = deployment.start().await;

    // Sign-ins run the whole time the copy is written.
    let copy = dir.path().join("backup.db");
    let copy_arg = copy.display().to_string();
    let args = ["backup", copy_arg.as_str()];
    let backup = deployment.run(&args);
    let load = async {
        let mut landed = Vec::new();
        for _ in 0..3 {
            landed.extend(join_all(people.iter().map(|email| sign_in(&portal, email))).await);
        }
        landed
    };
    let ((status, said), landed) = tokio::join!(backup, load);
    assert!(status.success(), "{said}");
    assert!(said.contains("mode 0600"), "{said}");
    assert!(landed.iter().all(|place| place == "/"), "{landed:?}");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // Never over a file that holds something.
    let (status, said) = deployment.run(&["backup", &copy_arg]).await;
    assert!(!status.success());
    assert!(said.contains("exists and is not empty"), "{said}");

    // Restored in place as the README says: stop, the copy over the database, its -wal
    // and -shm files deleted, start.
    portal.signal(libc::SIGTERM);
    assert!(portal.exit_status(Duration::from_secs(40)).await.success());
    let database = dir.path().join("twostep.db");
    std::fs::copy(&copy, &database).unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("twostep.db{suffix}")));
    }
    let restored = deployment.start().await;
    for email in &people {
        assert_eq!(sign_in(&restored, email).await, "/", "{email}");
    }
    let client = browser();
    let answer = password_step(&client, &restored.address, "sms@example.com", PASSWORD)
        .await
        .unwrap();
    assert_eq!(location(&answer), "/login/verify");
    let code = deployment.sms.last_code_to(phone);
    let answer = code_step(&client, &restored.address, &code).await.unwrap();
    assert_eq!(location(&answer), "/");
    restored.assert_log_clean();
}

#[tokio::test]
async fn a_postgresql_database_is_backed_up_with_pg_dump() {
    let Some(url) = fresh_postgres_database().await else {
        return;
    };
    let deployment = Deployment::new(url);
    deployment.prepare().await;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    let (status, said) = deployment
        .run(&["backup", &copy.display().to_string()])
        .await;
    assert!(!status.success());
    assert!(said.contains("pg_dump"), "{said}");
    assert!(!copy.exists());
}
