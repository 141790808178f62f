//! SIGTERM: the portal stops accepting, finishes what it was serving, lets the outbox
//! sender put back what it claimed, and exits 0.

use std::time::{Duration, Instant};

use futures_util::future::join_all;

use crate::flows::{browser, browser_at, post, post_password, status_and_location, token_of};
use crate::portal::{Deployment, PASSWORD};

/// Requests in flight when the signal comes.
const IN_FLIGHT: usize = 32;

fn sqlite_deployment(dir: &tempfile::TempDir) -> Deployment {
    Deployment::new(format!(
        "sqlite://{}",
        dir.path().join("twostep.db").display()
    ))
}

#[tokio::test]
async fn sigterm_during_32_sign_ins_in_flight_finishes_them_all_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let deployment = sqlite_deployment(&dir);
    let db = deployment.prepare().await;
    for n in 0..IN_FLIGHT {
        let email = format!("user{n}@example.com");
        let phone = format!("+467011200{n:02}");
        deployment.add_user(&email, false, Some(&phone)).await;
    }
    // Each turned SMS on with a code: those texts went out before.
    let seeded = deployment.sms.sent().len();
    // Each sign-in hashes the password and then waits 2 s on the SMS provider: all 32 are
    // still being served when the signal comes.
    deployment.sms.set_delay(Duration::from_secs(2));
    // Behind a proxy, each browser from its own address: the texts a client address may
    // have sent an hour (30) do not cut the 32.
    let mut portal = deployment
        .clone()
        .with("TWOSTEP_TRUSTED_PROXIES", "127.0.0.1")
        .start()
        .await;
    let browsers: Vec<_> = (0..IN_FLIGHT)
        .map(|n| browser_at(&format!("203.0.113.{}", n + 1)))
        .collect();
    let mut tokens = Vec::new();
    for client in &browsers {
        tokens.push(token_of(client, &portal.address, "/login").await.unwrap());
    }

    let address = portal.address.clone();
    let sign_ins = browsers
        .iter()
        .zip(&tokens)
        .enumerate()
        .map(|(n, (client, token))| {
            let email = format!("user{n}@example.com");
            let address = &address;
            async move {
                post_password(client, address, token, &email, PASSWORD)
                    .await
                    .map(|response| status_and_location(&response))
            }
        });
    let signal = async {
        tokio::time::sleep(Duration::from_millis(800)).await;
        let sent = Instant::now();
        portal.signal(libc::SIGTERM);
        // Stopped accepting: a new connection is refused while the 32 are still served.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let late = reqwest::Client::new()
            .get(format!("{address}/healthz"))
            .timeout(Duration::from_secs(5))
            .send()
            .await;
        (sent, late.is_err())
    };
    let (answers, (signalled_at, late_refused)) = tokio::join!(join_all(sign_ins), signal);

    let answers: Vec<_> = answers.into_iter().map(|answer| answer.unwrap()).collect();
    assert!(
        answers
            .iter()
            .all(|(status, location)| *status == 303 && location == "/login/verify"),
        "every sign-in in flight finished: {answers:?}"
    );
    assert_eq!(
        deployment.sms.sent().len(),
        seeded + IN_FLIGHT,
        "every code was sent"
    );
    assert!(late_refused, "a connection opened after SIGTERM was served");
    let status = portal.exit_status(Duration::from_secs(35)).await;
    assert_eq!(status.code(), Some(0), "{}", portal.log());
    assert!(
        signalled_at.elapsed() < Duration::from_secs(30),
        "the drain took longer than its 30 s"
    );
    let pending: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_events WHERE event = 'sign_in.code_required'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        pending, IN_FLIGHT as i64,
        "each finished sign-in was recorded"
    );
    portal.assert_log_clean();
}

#[tokio::test]
async fn sigterm_puts_back_the_emails_the_sender_claimed_for_the_next_start() {
    // An SMTP server that accepts connections and never says a word: the sender's claim
    // is held, mid-conversation, when the signal comes.
    let black_hole = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_port = black_hole.local_addr().unwrap().port();
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((stream, _)) = black_hole.accept().await {
            open.push(stream);
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let deployment = sqlite_deployment(&dir);
    let db = deployment.prepare().await;
    deployment.add_user("ada@example.com", false, None).await;
    let mut portal = deployment
        .clone()
        .with(
            "TWOSTEP_SMTP_URL",
            format!("smtp://127.0.0.1:{silent_port}"),
        )
        .start()
        .await;

    let client = browser();
    let token = token_of(&client, &portal.address, "/password/forgot")
        .await
        .unwrap();
    let response = post(
        &client,
        &portal.address,
        "/password/forgot",
        &token,
        &[("email", "ada@example.com")],
    )
    .await
    .unwrap();
    assert_eq!(response.status(), 303);
    let claimed = async {
        loop {
            let claimed: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM outbox WHERE claimed_by IS NOT NULL AND sent_at IS NULL",
            )
            .fetch_one(&db.pool)
            .await
            .unwrap();
            if claimed == 1 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), claimed)
        .await
        .expect("the sender claims the email");

    let signalled = Instant::now();
    portal.signal(libc::SIGTERM);
    let status = portal.exit_status(Duration::from_secs(20)).await;
    assert_eq!(status.code(), Some(0), "{}", portal.log());
    assert!(
        signalled.elapsed() < Duration::from_secs(15),
        "stopping took {:?}",
        signalled.elapsed()
    );
    let (claimed_by, sent_at, attempts): (Option<String>, Option<i64>, i64) =
        sqlx::query_as("SELECT claimed_by, sent_at, attempts FROM outbox")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(claimed_by, None, "the claim was put back");
    assert_eq!(sent_at, None);
    assert_eq!(attempts, 0, "the interrupted attempt is not counted");
    assert!(portal.log().contains("put back"), "{}", portal.log());
    held.abort();

    // The next start (or any other instance) sends it at once, not after the lease.
    let smtp = crate::smtp::SmtpServer::start().await;
    let _next = deployment
        .with("TWOSTEP_SMTP_URL", smtp.url())
        .start()
        .await;
    let delivered = async {
        while smtp.received().is_empty() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), delivered)
        .await
        .expect("the put-back email is delivered by the next start");
    assert!(smtp.received()[0].text().contains("reset"));
}
