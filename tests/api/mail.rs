//! Email delivery from the outbox, against the test SMTP server (a real SMTP conversation
//! with lettre), and the `.eml` files of the zero-setup default.

use std::time::{Duration, Instant};

use twostep::config::Settings;
use twostep::startup::Application;

use crate::admin::signed_in_admin;
use crate::helpers::{Backend, PHONE, TestApp};
use crate::on_each_backend;
use crate::smtp::SmtpServer;

/// The portal sending its email to `smtp`, retrying after a second.
pub(crate) async fn app_mailing_to(backend: Backend, smtp: &SmtpServer) -> Option<TestApp> {
    let url = smtp.url();
    TestApp::spawn_with(backend, move |settings| fast_mail(settings, Some(url))).await
}

fn fast_mail(settings: &mut Settings, smtp_url: Option<String>) {
    settings.mail.smtp_url = smtp_url.map(secrecy::SecretString::from);
    settings.mail.from = "Twostep <no-reply@twostep.test>".into();
    settings.mail.retry_base = Duration::from_secs(1);
    settings.mail.poll = Duration::from_millis(100);
}

/// Waits (up to `secs` seconds) until `done` holds.
pub(crate) async fn eventually(secs: u64, what: &str, mut done: impl AsyncFnMut() -> bool) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(secs) {
        if done().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("after {secs} s: {what}");
}

async fn unsent(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
        .await
}

/// Waits until what the seeds emailed (turning SMS on is emailed) has gone, so the email
/// that follows is the test's own.
async fn seeds_mailed(app: &TestApp) {
    eventually(10, "the seeds' emails are sent", async || {
        unsent(app).await == 0
    })
    .await;
}

async fn a_notification_arrives_by_smtp_with_its_headers(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    let user = app.create_sms_user("ada@example.com", PHONE).await;
    seeds_mailed(&app).await;
    let seeded = smtp.received().len();
    let reset = format!("/admin/users/{user}/reset");
    app.submit(&reset, &reset, &[]).await;
    eventually(10, "the reset email is delivered", async || {
        smtp.received()
            .iter()
            .skip(seeded)
            .any(|m| m.to == ["ada@example.com"])
    })
    .await;
    let email = smtp
        .received()
        .into_iter()
        .skip(seeded)
        .find(|m| m.to == ["ada@example.com"])
        .unwrap();
    assert_eq!(email.from, "no-reply@twostep.test");
    assert_eq!(
        email.header("From").as_deref(),
        Some("Twostep <no-reply@twostep.test>")
    );
    assert_eq!(email.header("To").as_deref(), Some("ada@example.com"));
    assert_eq!(
        email.header("Subject").as_deref(),
        Some("An administrator reset 2-step verification on your Twostep account")
    );
    let id = email.header("Message-ID").expect("a Message-ID");
    assert!(
        id.starts_with("<outbox.") && id.ends_with("@localhost>"),
        "{id}"
    );
    assert!(
        email
            .header("Date")
            .is_some_and(|d| d.contains(" +0000") || d.contains("GMT")),
        "{:?}",
        email.header("Date")
    );
    assert!(
        email
            .text()
            .contains("your sign-in methods, recovery codes and trusted devices were removed"),
        "{}",
        email.text()
    );
    // Text and HTML, with when and what to do (an administrator's device and address are
    // not the person's: not shown).
    assert!(
        email
            .header("Content-Type")
            .is_some_and(|t| t.starts_with("multipart/alternative"))
    );
    assert!(
        email
            .data
            .contains("Content-Type: text/html; charset=utf-8"),
        "{}",
        email.data
    );
    let text = email.text();
    for line in [
        "Account: ada@example.com",
        "When: ",
        "Your administrator reset 2-step verification",
        "If you did not ask for this, tell your administrator.",
        "/account/security",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
    assert!(!text.contains("From address"), "{text}");
    // Marked sent once the server took it (just after it arrived), as the email saying
    // SMS was on was before it.
    eventually(10, "the email is marked sent", async || {
        app.count_where(
            "SELECT COUNT(*) FROM outbox WHERE user_id = $1 AND sent_at IS NOT NULL",
            user,
        )
        .await
            == 2
    })
    .await;
}

async fn an_smtp_outage_delays_email_and_loses_none(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    smtp.stop();
    app.kit().queue_emails(10).await;
    eventually(10, "the failed attempts are recorded", async || {
        app.count("SELECT COUNT(*) FROM outbox WHERE attempts >= 1 AND last_error IS NOT NULL AND sent_at IS NULL").await == 10
    })
    .await;
    // Nothing is given up or lost while the server is down.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL")
            .await,
        0
    );
    smtp.restart().await;
    eventually(
        20,
        "every email is delivered once the server is back",
        async || unsent(&app).await == 0,
    )
    .await;
    let recipients: std::collections::BTreeSet<Vec<String>> =
        smtp.received().into_iter().map(|m| m.to).collect();
    assert_eq!(recipients.len(), 10);
    assert_eq!(smtp.received().len(), 10, "each exactly once");
}

async fn a_claim_left_by_a_dead_sender_is_taken_over_after_its_lease(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    // Claimed by a process that died mid-send, its lease running for another minute:
    // written as it left it (corrupt on purpose; no process here can die mid-send).
    sqlx::query(
        "INSERT INTO outbox (user_id, to_address, subject, body, created_at, attempts, claimed_by, claimed_until) \
         VALUES (NULL, 'ada@example.com', 'Orphan', 'Hello', $1, 1, 'a-dead-process', $2)",
    )
    .bind(app.clock.now())
    .bind(app.clock.now() + 60)
    .execute(&app.db.pool)
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(smtp.received().is_empty(), "not while the lease holds");
    app.clock.advance(61);
    eventually(10, "the orphan is sent after the lease", async || {
        smtp.received().len() == 1
    })
    .await;
    assert_eq!(unsent(&app).await, 0);
}

async fn without_smtp_each_email_is_an_eml_file(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |settings| fast_mail(settings, None)).await else {
        return;
    };
    signed_in_admin(&app).await;
    let user = app.create_sms_user("ada@example.com", PHONE).await;
    let reset = format!("/admin/users/{user}/reset");
    app.submit(&reset, &reset, &[]).await;
    let dir = app.data_dir().join("mail");
    // Beside the file of the email saying SMS was turned on.
    let reset_file = || {
        std::fs::read_dir(&dir)
            .ok()?
            .flatten()
            .map(|f| f.path())
            .filter(|path| path.extension().is_some_and(|e| e == "eml"))
            .find(|path| {
                std::fs::read_to_string(path).is_ok_and(|t| {
                    t.contains("Subject: An administrator reset 2-step verification")
                })
            })
    };
    eventually(10, "the reset's .eml file is written", async || {
        reset_file().is_some()
    })
    .await;
    let text = std::fs::read_to_string(reset_file().unwrap()).unwrap();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .expect("headers, a blank line, a body");
    for header in [
        "From: Twostep <no-reply@twostep.test>",
        "To: ada@example.com",
        "Message-ID: <outbox.",
        "Date: ",
        "Subject: ",
    ] {
        assert!(head.contains(header), "{header}: {head}");
    }
    assert!(
        body.contains("Your administrator reset 2-step verification"),
        "{body}"
    );
    // Nothing secret rides along: no code, token or password hash.
    assert!(
        !text.contains("argon2") && !text.contains("token="),
        "{text}"
    );
    eventually(10, "the file's email is marked sent", async || {
        unsent(&app).await == 0
    })
    .await;
}

/// Two instances on one PostgreSQL database drain 200 queued emails: each is delivered
/// exactly once.
async fn two_instances_deliver_each_email_once(backend: Backend) {
    if backend != Backend::Postgres {
        return;
    }
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::for_database(&app.database_url, dir.path());
    settings.bind = "127.0.0.1:0".parse().unwrap();
    fast_mail(&mut settings, Some(smtp.url()));
    // One deployment, one secret key: either instance opens the other's sealed emails.
    settings.secret_key = app.state.settings.secret_key.clone();
    let second = Application::build(settings).await.unwrap();
    tokio::spawn(second.run_until_stopped());
    let started = Instant::now();
    app.kit().queue_emails(200).await;
    eventually(60, "200 emails are delivered", async || {
        unsent(&app).await == 0
    })
    .await;
    eprintln!(
        "200 emails drained by two instances in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let received = smtp.received();
    let ids: std::collections::BTreeSet<String> = received
        .iter()
        .filter_map(|m| m.header("Message-ID"))
        .collect();
    assert_eq!(ids.len(), 200);
    assert_eq!(received.len(), 200, "no email twice");
    let workers = app
        .count("SELECT COUNT(DISTINCT claimed_by) FROM outbox")
        .await;
    assert_eq!(workers, 0, "every claim released once sent");
}

on_each_backend!(a_notification_arrives_by_smtp_with_its_headers => smtp_delivery_sqlite, smtp_delivery_postgres);
on_each_backend!(an_smtp_outage_delays_email_and_loses_none => smtp_outage_sqlite, smtp_outage_postgres);
on_each_backend!(a_claim_left_by_a_dead_sender_is_taken_over_after_its_lease => lease_takeover_sqlite, lease_takeover_postgres);
on_each_backend!(without_smtp_each_email_is_an_eml_file => eml_files_sqlite, eml_files_postgres);
on_each_backend!(two_instances_deliver_each_email_once => two_senders_sqlite, two_senders_postgres);

/// The link in the newest email to `to`, as a path on the portal.
fn link_in_email(smtp: &SmtpServer, to: &str) -> String {
    link_to_in_email(smtp, to, "/password/set")
}

/// The one-time link to `path` in the newest email to `to` that has one, as a path with
/// its token.
pub(crate) fn link_to_in_email(smtp: &SmtpServer, to: &str, path: &str) -> String {
    let prefix = format!("{path}?token=");
    let text = smtp
        .received()
        .into_iter()
        .rev()
        .filter(|m| m.to == [to])
        .map(|m| m.text())
        .find(|text| text.contains(&prefix))
        .unwrap_or_else(|| panic!("no email to {to} with a link to {path}"));
    let start = text.find(&prefix).expect("a link in the email");
    let token: String = text[start + prefix.len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    format!("{prefix}{token}")
}

async fn a_forgotten_password_is_reset_by_email_and_still_asks_for_the_code(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    let user = app.create_sms_user("ada@example.com", PHONE).await;
    seeds_mailed(&app).await;
    let seeded = smtp.received().len();
    let elsewhere = app.signed_in_browser("ada@example.com").await;
    // The same answer for an address with an account and one without.
    let known = app
        .submit(
            "/password/forgot",
            "/password/forgot",
            &[("email", "Ada@Example.com")],
        )
        .await;
    let unknown = app
        .submit(
            "/password/forgot",
            "/password/forgot",
            &[("email", "nobody@example.com")],
        )
        .await;
    assert_eq!(
        (known.status().as_u16(), crate::helpers::location_of(&known)),
        (
            unknown.status().as_u16(),
            crate::helpers::location_of(&unknown)
        )
    );
    assert_eq!(
        crate::helpers::location_of(&known).as_deref(),
        Some("/password/forgot?sent=yes")
    );
    eventually(10, "the reset email is delivered", async || {
        smtp.received().len() > seeded
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        smtp.received().len(),
        seeded + 1,
        "nothing is sent to an address without an account"
    );
    let email = &smtp.received()[seeded];
    assert_eq!(
        email.header("Subject").as_deref(),
        Some("Reset your Twostep password")
    );
    // Queued, the link was sealed; sent, it is gone from the database.
    eventually(10, "marked sent", async || {
        // This one, and the email saying SMS was on (never sealed).
        app.count_where("SELECT COUNT(*) FROM outbox WHERE user_id = $1 AND sent_at IS NOT NULL AND sealed_body IS NULL", user).await == 2
    })
    .await;
    let link = link_in_email(&smtp, "ada@example.com");
    let token = link.trim_start_matches("/password/set?token=");
    let stored: String = app
        .fetch_scalar("SELECT body FROM outbox WHERE user_id = $1", user)
        .await;
    assert!(!stored.contains(token), "{stored}");

    // The link works (the page asks for the new password) until a newer one is sent.
    let (first_browser, _) = app.new_browser();
    assert_eq!(
        app.get_in(&first_browser, &link).await.status().as_u16(),
        200,
        "{link} from {}",
        smtp.received()[0].text()
    );
    app.submit(
        "/password/forgot",
        "/password/forgot",
        &[("email", "ada@example.com")],
    )
    .await;
    eventually(10, "the second email", async || {
        smtp.received().len() == seeded + 2
    })
    .await;
    let (first_browser, _) = app.new_browser();
    assert_eq!(
        app.get_in(&first_browser, &link).await.status().as_u16(),
        410
    );
    let link = link_in_email(&smtp, "ada@example.com");
    let token = link.trim_start_matches("/password/set?token=").to_owned();
    // From another browser, once.
    let (browser, _) = app.new_browser();
    let set = crate::helpers::submit_with(
        &browser,
        &app.address,
        &link,
        "/password/set",
        &[
            ("token", &token),
            ("new_password", "a brand new passphrase for ada"),
        ],
    )
    .await;
    assert_eq!(
        crate::helpers::location_of(&set).as_deref(),
        Some("/login?notice=password-set")
    );
    let again = crate::helpers::submit_with(
        &browser,
        &app.address,
        "/login",
        "/password/set",
        &[
            ("token", &token),
            ("new_password", "another passphrase again 42"),
        ],
    )
    .await;
    assert_eq!(again.status().as_u16(), 410);
    // Every session ended; the next sign-in still asks for the code; the user is told.
    assert_eq!(
        crate::helpers::location_of(&app.get_in(&elsewhere, "/").await).as_deref(),
        Some("/login")
    );
    let (next, _) = app.new_browser();
    let password = crate::helpers::submit_with(
        &next,
        &app.address,
        "/login",
        "/login",
        &[
            ("email", "ada@example.com"),
            ("password", "a brand new passphrase for ada"),
        ],
    )
    .await;
    assert_eq!(
        crate::helpers::location_of(&password).as_deref(),
        Some("/login/verify")
    );
    eventually(10, "the password-changed email", async || {
        smtp.received()
            .iter()
            .any(|m| m.header("Subject").as_deref() == Some("Your Twostep password was changed"))
    })
    .await;
    app.assert_audit_contains("password.reset_requested").await;
    app.assert_audit_contains("password.set").await;
}

async fn reset_links_expire_and_requests_are_limited(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    app.create_user("ada@example.com", "Ada", false).await;
    app.submit(
        "/password/forgot",
        "/password/forgot",
        &[("email", "ada@example.com")],
    )
    .await;
    eventually(10, "the reset email", async || smtp.received().len() == 1).await;
    let link = link_in_email(&smtp, "ada@example.com");
    app.clock.advance(31 * 60);
    assert_eq!(app.get(&link).await.status().as_u16(), 410, "30 minutes");
    // Three requests an hour per address, with or without an account: the fourth is refused
    // the same way for both.
    for address in ["ada@example.com", "nobody@example.com"] {
        let limit = if address == "ada@example.com" { 2 } else { 3 };
        for _ in 0..limit {
            let answer = app
                .submit(
                    "/password/forgot",
                    "/password/forgot",
                    &[("email", address)],
                )
                .await;
            assert_eq!(answer.status().as_u16(), 303, "{address}");
        }
        let refused = app
            .submit(
                "/password/forgot",
                "/password/forgot",
                &[("email", address)],
            )
            .await;
        assert_eq!(refused.status().as_u16(), 429, "{address}");
    }
    app.clock.advance(3_601);
    let later = app
        .submit(
            "/password/forgot",
            "/password/forgot",
            &[("email", "ada@example.com")],
        )
        .await;
    assert_eq!(later.status().as_u16(), 303);
}

on_each_backend!(a_forgotten_password_is_reset_by_email_and_still_asks_for_the_code => reset_by_email_sqlite, reset_by_email_postgres);
on_each_backend!(reset_links_expire_and_requests_are_limited => reset_limits_sqlite, reset_limits_postgres);

/// The control center's "Add user" and a room's invitation email the link they show.
async fn added_users_and_invited_people_get_their_link_by_email(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    app.submit(
        "/admin/users/new",
        "/admin/users/new",
        &[("name", "Grace Hopper"), ("email", "grace@example.com")],
    )
    .await;
    eventually(10, "the account email", async || {
        smtp.received()
            .iter()
            .any(|m| m.to == ["grace@example.com"])
    })
    .await;
    let email = smtp
        .received()
        .into_iter()
        .find(|m| m.to == ["grace@example.com"])
        .unwrap();
    assert_eq!(
        email.header("Subject").as_deref(),
        Some("Your Twostep account")
    );
    let link = link_in_email(&smtp, "grace@example.com");
    assert_eq!(
        app.get(&link).await.status().as_u16(),
        200,
        "the emailed link is the one shown"
    );

    let created = app
        .submit("/admin/rooms/new", "/admin/rooms/new", &[("name", "Deal")])
        .await;
    let room = crate::helpers::location_of(&created)
        .unwrap()
        .trim_start_matches("/admin/rooms/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let group = app
        .submit(
            &format!("/admin/rooms/{room}"),
            &format!("/admin/rooms/{room}/groups"),
            &[("name", "Buyers")],
        )
        .await;
    let group = crate::helpers::location_of(&group)
        .unwrap()
        .split("group=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned();
    app.submit(
        "/admin/rooms",
        &format!("/admin/rooms/{room}/groups/{group}/members"),
        &[("email", "newcomer@example.com")],
    )
    .await;
    eventually(10, "the invitation email", async || {
        smtp.received()
            .iter()
            .any(|m| m.to == ["newcomer@example.com"])
    })
    .await;
    let invitation = smtp
        .received()
        .into_iter()
        .find(|m| m.to == ["newcomer@example.com"])
        .unwrap();
    assert_eq!(
        invitation.header("Subject").as_deref(),
        Some("You are invited to Deal on Twostep")
    );
    let text = invitation.text();
    let start = text.find("/invite?token=").expect("a link");
    let token: String = text[start + "/invite?token=".len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let (browser, _) = app.new_browser();
    assert_eq!(
        app.get_in(&browser, &format!("/invite?token={token}"))
            .await
            .status()
            .as_u16(),
        200
    );
    // Queued links were sealed: no token in any stored body.
    let bodies: Vec<String> = sqlx::query_scalar("SELECT body FROM outbox")
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    assert!(bodies.iter().all(|b| !b.contains("token=")), "{bodies:?}");
}

on_each_backend!(added_users_and_invited_people_get_their_link_by_email => link_emails_sqlite, link_emails_postgres);

/// 120 requests at once for one address: three are answered, the rest refused, and three
/// emails at most are queued; hostile addresses get a 4xx or the same answer, never a 5xx.
async fn a_burst_of_reset_requests_holds_the_limit(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |settings| fast_mail(settings, None)).await else {
        return;
    };
    let user = app.create_user("ada@example.com", "Ada", false).await;
    let token = crate::helpers::csrf_token(&app.get_text("/password/forgot").await);
    let requests = (0..120).map(|_| {
        app.client
            .post(app.url("/password/forgot"))
            .form(&[("csrf_token", token.as_str()), ("email", "ada@example.com")])
            .send()
    });
    let answers = futures_util::future::join_all(requests).await;
    let statuses: Vec<u16> = answers
        .iter()
        .map(|a| a.as_ref().unwrap().status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 117);
    assert_eq!(
        app.count_where("SELECT COUNT(*) FROM outbox WHERE user_id = $1", user)
            .await,
        3
    );
    assert_eq!(
        app.count_where(
            "SELECT COUNT(*) FROM password_links WHERE user_id = $1",
            user
        )
        .await,
        1,
        "only the newest link lives"
    );
    let long = "a".repeat(5000);
    for hostile in [
        "",
        "   ",
        "' OR 1=1 --",
        "<script>@x",
        "\u{202e}@evil",
        long.as_str(),
    ] {
        let answer = app
            .submit(
                "/password/forgot",
                "/password/forgot",
                &[("email", hostile), ("email", hostile)],
            )
            .await;
        assert!(
            !answer.status().is_server_error(),
            "{hostile:.20}: {}",
            answer.status()
        );
    }
}

on_each_backend!(a_burst_of_reset_requests_holds_the_limit => reset_burst_sqlite, reset_burst_postgres);
