//! The users import at its largest: `cargo bench --bench import`.
//!
//! On a fresh SQLite database (or a fresh PostgreSQL database on the server named by
//! TWOSTEP_BENCH_POSTGRES_URL), an administrator uploads a CSV file of 10,000 new people
//! (TWOSTEP_BENCH_IMPORT_LINES to change it) with phone numbers and two groups each, its
//! preview checks every line, and "Import" adds each through the add-user use case (its
//! own transaction, its audit event and its invitation email), as the pages do. Prints how
//! long each step took; the target is the import under 30 s (issue 27). Then the same file
//! again: every line an existing account, nothing added.

// Shared with the other benchmarks; this one uses `common::portal` for its run.
#[allow(dead_code)]
mod common;

use std::time::Instant;

use secrecy::SecretString;
use twostep::db::audit::Origin;
use twostep::services::account::NewAccount;
use twostep::services::admin::Actor;
use twostep::services::admin::import::LineOutcome;

use common::portal::{Run, env_number};

#[tokio::main]
async fn main() {
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let lines = env_number("TWOSTEP_BENCH_IMPORT_LINES", 10_000);
    let run = Run::new().await;
    let services = run.services().await;
    let account = NewAccount {
        name: "Ada Admin".into(),
        email: "admin@example.com".into(),
        password: SecretString::from("violet kettle sings at dawn"),
    };
    let admin_id = services
        .create_user_from_command_line(&account, None, true)
        .await
        .unwrap();
    let admin = services.find_user(admin_id).await.unwrap().unwrap();
    for group in ["Sales", "Night shift"] {
        services
            .create_group(Actor::CommandLine, group, &Origin::default())
            .await
            .unwrap()
            .unwrap();
    }
    let mut file = String::from("email,name,phone,groups\n");
    for n in 0..lines {
        file.push_str(&format!(
            "person{n}@example.com,Person {n} Example,+4670{:07},Sales;Night shift\n",
            1_000_000 + n
        ));
    }
    println!(
        "import on {}: {lines} lines, {} bytes",
        run.database.backend(),
        file.len()
    );

    let started = Instant::now();
    let id = services
        .upload_import(&admin, "people.csv", file.as_bytes())
        .await
        .unwrap()
        .unwrap();
    println!(
        "  upload (read and kept): {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let preview = services.import_preview(&admin, &id).await.unwrap().unwrap();
    let good = preview.lines.iter().filter(|l| l.outcome.is_ok()).count();
    println!(
        "  preview (every line checked): {:.2} s, {good} lines good",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(good, lines);

    let started = Instant::now();
    let report = services
        .run_import(&admin, &id, &Origin::default())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let took = started.elapsed();
    let added = report
        .iter()
        .filter(|(_, outcome)| matches!(outcome, LineOutcome::Added(_)))
        .count();
    println!(
        "  import: {:.2} s for {added} users added and invited ({:.2} ms a user; target: under 30 s)",
        took.as_secs_f64(),
        took.as_secs_f64() * 1_000.0 / added.max(1) as f64
    );
    assert_eq!(added, lines);

    let started = Instant::now();
    let again = services
        .upload_import(&admin, "people.csv", file.as_bytes())
        .await
        .unwrap()
        .unwrap();
    let preview = services
        .import_preview(&admin, &again)
        .await
        .unwrap()
        .unwrap();
    let good = preview.lines.iter().filter(|l| l.outcome.is_ok()).count();
    println!(
        "  the same file again, uploaded and previewed: {:.2} s, {good} lines to import",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(good, 0);
    run.database.drop().await;
}
